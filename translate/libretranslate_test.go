package translate

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// libreCall is one request body as the fake LibreTranslate received it.
type libreCall struct {
	Q      []string
	Source string
	Target string
	Format string
	APIKey *string // nil when the field was absent
}

// newFakeLibre starts a server that asserts each request is what
// LibreTranslate's API documents — POST /translate, a JSON body with q,
// source, target, format and (only when configured) api_key, nothing else —
// then hands it to answer.
func newFakeLibre(t *testing.T, answer func(w http.ResponseWriter, c libreCall)) (*httptest.Server, func() []libreCall) {
	t.Helper()
	var mu sync.Mutex
	var calls []libreCall
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/translate" {
			t.Errorf("request %s %s, want POST /translate", r.Method, r.URL.Path)
		}
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			t.Errorf("Content-Type %q, want application/json", r.Header.Get("Content-Type"))
		}
		var fields map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&fields); err != nil {
			t.Errorf("body is not a JSON object: %v", err)
			http.Error(w, `{"error":"Invalid request"}`, http.StatusBadRequest)
			return
		}
		var keys []string
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !slices.Contains([]string{"api_key", "format", "q", "source", "target"}, k) {
				t.Errorf("unexpected body field %q", k)
			}
		}
		var c libreCall
		for name, dst := range map[string]any{"q": &c.Q, "source": &c.Source, "target": &c.Target, "format": &c.Format} {
			raw, ok := fields[name]
			if !ok {
				t.Errorf("body field %q missing", name)
				continue
			}
			if err := json.Unmarshal(raw, dst); err != nil {
				t.Errorf("body field %q = %s: %v", name, raw, err)
			}
		}
		if raw, ok := fields["api_key"]; ok {
			var k string
			if err := json.Unmarshal(raw, &k); err != nil {
				t.Errorf("api_key = %s: %v", raw, err)
			}
			c.APIKey = &k
		}
		if c.Format != "text" && c.Format != "html" {
			t.Errorf("format %q, want text or html", c.Format)
		}
		mu.Lock()
		calls = append(calls, c)
		mu.Unlock()
		answer(w, c)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []libreCall {
		mu.Lock()
		defer mu.Unlock()
		return append([]libreCall(nil), calls...)
	}
}

// fakeHTMLToken splits HTML into what the fake engine leaves alone — spans
// marked translate="no", other tags, entities — and text it "translates".
var fakeHTMLToken = regexp.MustCompile(`<span translate="no">.*?</span>|<[^>]+>|&[#a-zA-Z0-9]+;`)

// fakeTranslate is the fake engine: upper-casing stands in for translation.
// In html mode it behaves like LibreTranslate's translatehtml: text inside
// translate="no" elements is untouched, and (as current LibreTranslate does)
// the answer is HTML-unescaped when unescape is set.
func fakeTranslate(format, s string, unescape bool) string {
	if format == "text" {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	last := 0
	for _, m := range fakeHTMLToken.FindAllStringIndex(s, -1) {
		b.WriteString(strings.ToUpper(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(strings.ToUpper(s[last:]))
	if unescape {
		return html.UnescapeString(b.String())
	}
	return b.String()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func answerUpper(unescape bool) func(http.ResponseWriter, libreCall) {
	return func(w http.ResponseWriter, c libreCall) {
		out := make([]string, len(c.Q))
		for i, q := range c.Q {
			out[i] = fakeTranslate(c.Format, q, unescape)
		}
		writeJSON(w, http.StatusOK, map[string]any{"translatedText": out})
	}
}

func TestLibreTranslatePlainText(t *testing.T) {
	srv, calls := newFakeLibre(t, answerUpper(true))
	lt := NewLibreTranslate(srv.URL+"/", "k3y", srv.Client())

	res, err := lt.Translate(context.Background(), Request{
		Texts:  []string{"Hello world\n\n  - point one\nBye", "   ", "Ship it"},
		Source: "en",
		Target: "pt-BR",
		Keep:   []string{"Acme"}, // absent from the texts: plain text mode
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"HELLO WORLD\n\n  - POINT ONE\nBYE", "   ", "SHIP IT"}
	if !slices.Equal(res.Texts, want) {
		t.Errorf("texts = %q, want %q", res.Texts, want)
	}
	got := calls()
	if len(got) != 1 {
		t.Fatalf("%d calls, want 1 batch", len(got))
	}
	c := got[0]
	if !slices.Equal(c.Q, []string{"Hello world", "- point one", "Bye", "Ship it"}) {
		t.Errorf("q = %q: want the non-blank lines, trimmed", c.Q)
	}
	if c.Source != "en" || c.Target != "pb" || c.Format != "text" {
		t.Errorf("source, target, format = %q, %q, %q; want en, pb (Brazilian Portuguese), text", c.Source, c.Target, c.Format)
	}
	if c.APIKey == nil || *c.APIKey != "k3y" {
		t.Errorf("api_key = %v, want k3y", c.APIKey)
	}
}

func TestLibreTranslateNoAPIKeyOmitsField(t *testing.T) {
	// The answer is a plain string, as from servers that ignore batching.
	srv, calls := newFakeLibre(t, func(w http.ResponseWriter, c libreCall) {
		writeJSON(w, http.StatusOK, map[string]any{"translatedText": fakeTranslate(c.Format, c.Q[0], true)})
	})
	lt := NewLibreTranslate(srv.URL, "", nil)
	res, err := lt.Translate(context.Background(), Request{Texts: []string{"hola"}, Source: "es", Target: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Texts, []string{"HOLA"}) {
		t.Errorf("texts = %q", res.Texts)
	}
	if c := calls(); len(c) != 1 || c[0].APIKey != nil {
		t.Errorf("api_key sent without a key configured: %+v", c)
	}
}

func TestLibreTranslateKeepsTerms(t *testing.T) {
	for _, unescape := range []bool{true, false} { // current and older LibreTranslate
		name := "unescaping server"
		if !unescape {
			name = "escaping server"
		}
		t.Run(name, func(t *testing.T) {
			srv, calls := newFakeLibre(t, answerUpper(unescape))
			lt := NewLibreTranslate(srv.URL, "", srv.Client())
			res, err := lt.Translate(context.Background(), Request{
				Texts:  []string{"Acme Cloud beats Acme Classic: R&D <3 AT&T\nplain line"},
				Source: "en",
				Target: "de",
				Keep:   []string{"Acme", "AT&T", "Acme Cloud", ""},
			})
			if err != nil {
				t.Fatal(err)
			}
			want := "Acme Cloud BEATS Acme CLASSIC: R&D <3 AT&T\nPLAIN LINE"
			if len(res.Texts) != 1 || res.Texts[0] != want {
				t.Errorf("texts = %q, want %q", res.Texts, want)
			}
			c := calls()[0]
			if c.Format != "html" {
				t.Errorf("format = %q, want html when kept terms occur", c.Format)
			}
			wantQ := []string{
				`<span translate="no">Acme Cloud</span> beats <span translate="no">Acme</span> Classic: R&amp;D &lt;3 <span translate="no">AT&amp;T</span>`,
				`plain line`,
			}
			if !slices.Equal(c.Q, wantQ) {
				t.Errorf("q = %q\nwant %q", c.Q, wantQ)
			}
		})
	}
}

func TestLibreTranslateLostTermIsPermanent(t *testing.T) {
	// An engine that ignores translate="no" and translates the brand.
	srv, _ := newFakeLibre(t, func(w http.ResponseWriter, c libreCall) {
		writeJSON(w, http.StatusOK, map[string]any{"translatedText": []string{"Nube Acme es rápida"}})
	})
	lt := NewLibreTranslate(srv.URL, "", srv.Client())
	_, err := lt.Translate(context.Background(), Request{Texts: []string{"Acme Cloud is fast"}, Source: "en", Target: "es", Keep: []string{"Acme Cloud"}})
	if !IsPermanent(err) || !strings.Contains(err.Error(), `"Acme Cloud"`) {
		t.Errorf("err = %v, want a permanent error naming the lost term", err)
	}
}

func TestLibreTranslateErrors(t *testing.T) {
	now := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name       string
		status     int
		header     map[string]string
		body       string
		permanent  bool
		retryAfter time.Duration // > 0: want *RetryLater
		msg        string
	}{
		{name: "unsupported language", status: 400, body: `{"error":"xx is not supported"}`, permanent: true, msg: "xx is not supported"},
		{name: "missing q", status: 400, body: `{"error":"Invalid request: missing q parameter"}`, permanent: true, msg: "missing q parameter"},
		{name: "bad api key", status: 403, body: `{"error":"Invalid API key"}`, permanent: true, msg: "Invalid API key"},
		{name: "rate limit seconds", status: 429, header: map[string]string{"Retry-After": "30"}, body: `{"error":"Too many request limits violations"}`, retryAfter: 30 * time.Second, msg: "Too many request limits violations"},
		{name: "rate limit date", status: 429, header: map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)}, body: `{"error":"Slowdown: 30 per 1 minute"}`, retryAfter: 90 * time.Second},
		{name: "rate limit no header", status: 429, body: `{"error":"Slowdown: 30 per 1 minute"}`, retryAfter: defaultRetryAfter},
		{name: "engine failure", status: 500, body: `{"error":"Cannot translate text: out of memory"}`, msg: "Cannot translate text"},
		{name: "proxy page", status: 502, header: map[string]string{"Content-Type": "text/html"}, body: `<html><body>502 Bad Gateway</body></html>`, msg: "502 Bad Gateway"},
		{name: "wrong count", status: 200, body: `{"translatedText":["A","B"]}`, msg: "asked for 1 translations, got 2"},
		{name: "not json", status: 200, body: `<html>hello</html>`, msg: "undecodable"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := newFakeLibre(t, func(w http.ResponseWriter, c libreCall) {
				w.Header().Set("Content-Type", "application/json")
				for k, v := range tc.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			lt := NewLibreTranslate(srv.URL, "k", srv.Client())
			lt.now = func() time.Time { return now }
			_, err := lt.Translate(context.Background(), Request{Texts: []string{"hello"}, Source: "en", Target: "xx"})
			if err == nil {
				t.Fatal("no error")
			}
			if got := IsPermanent(err); got != tc.permanent {
				t.Errorf("IsPermanent = %v, want %v (%v)", got, tc.permanent, err)
			}
			after, limited := RetryAfter(err)
			if limited != (tc.retryAfter > 0) || after != tc.retryAfter {
				t.Errorf("RetryAfter = %v, %v; want %v (%v)", after, limited, tc.retryAfter, err)
			}
			if IsFailure(err) != (tc.retryAfter == 0) {
				t.Errorf("IsFailure = %v for %v", IsFailure(err), err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not carry the service's message %q", err, tc.msg)
			}
			var e *Error
			if tc.retryAfter == 0 && (!errors.As(err, &e) || e.Status != tc.status) {
				t.Errorf("error %v: want *Error with Status %d", err, tc.status)
			}
		})
	}
}

func TestLibreTranslateNetworkAndContext(t *testing.T) {
	srv, _ := newFakeLibre(t, answerUpper(true))
	url := srv.URL
	srv.Close() // nothing listens any more
	_, err := NewLibreTranslate(url, "", nil).Translate(context.Background(), Request{Texts: []string{"hi"}, Source: "en", Target: "es"})
	if err == nil || IsPermanent(err) || !IsFailure(err) {
		t.Errorf("connection refused: err = %v, want a transient failure", err)
	}

	block, _ := newFakeLibre(t, func(w http.ResponseWriter, c libreCall) { time.Sleep(200 * time.Millisecond) })
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = NewLibreTranslate(block.URL, "", block.Client()).Translate(ctx, Request{Texts: []string{"hi"}, Source: "en", Target: "es"})
	if !errors.Is(err, context.DeadlineExceeded) || IsPermanent(err) {
		t.Errorf("ctx deadline: err = %v, want transient wrapping context.DeadlineExceeded", err)
	}
}

func TestLibreTranslateNoCallNeeded(t *testing.T) {
	srv, calls := newFakeLibre(t, answerUpper(true))
	lt := NewLibreTranslate(srv.URL, "", srv.Client())
	for _, req := range []Request{
		{Texts: []string{"Hola"}, Source: "es", Target: "ES"},
		{Texts: []string{"", " \n "}, Source: "en", Target: "es"},
		{Texts: nil, Source: "en", Target: "es"},
	} {
		res, err := lt.Translate(context.Background(), req)
		if err != nil || !slices.Equal(res.Texts, req.Texts) {
			t.Errorf("%+v: got %q, %v; want the texts unchanged", req, res.Texts, err)
		}
	}
	if n := len(calls()); n != 0 {
		t.Errorf("%d calls, want none", n)
	}
	if _, err := lt.Translate(context.Background(), Request{Texts: []string{"x"}, Target: "es"}); !IsPermanent(err) {
		t.Errorf("missing source: err = %v, want permanent", err)
	}
}
