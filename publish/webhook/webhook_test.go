package webhook_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/webhook"
)

const webhookTestSecret = "whsec-test-3f9a"

// newWebhookTest builds a webhook account the way the configuration does.
func newWebhookTest(t *testing.T, url string) publish.Publisher {
	t.Helper()
	p, err := publish.New("hook", config.Account{Type: "webhook", Settings: map[string]string{
		"url": url, "secret_env": "HOOK_SECRET",
	}}, publish.Env{Getenv: func(k string) string {
		if k == "HOOK_SECRET" {
			return webhookTestSecret
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func webhookTestPost() *publish.Post {
	return &publish.Post{
		ID: "entry-7c1e", Account: "hook", Region: "emea", Channel: "blog", Kind: "blog", Locale: "de",
		Text:  "Kaltstarts halbiert https://example.com/wp",
		Parts: []string{"Teil 1", "Teil 2"},
		Link:  "https://example.com/wp",
		// Not UTC on purpose: the body must carry the instant in UTC.
		At:       time.Date(2026, 3, 14, 9, 30, 0, 0, time.FixedZone("CET", 3600)),
		SourceID: "src-1", DerivativeID: "der-2",
		Blog: &derive.BlogTeaser{Title: "Kaltstarts", Slug: "kaltstarts", MetaDescription: "Wie",
			Takeaways: []string{"a", "b"}, Keywords: []string{"lambda"}, Markdown: "# K", HTML: "<h1>K</h1>"},
	}
}

func TestWebhookDeliveryIsSignedAndDescribesThePost(t *testing.T) {
	var (
		mu     sync.Mutex
		header http.Header
		body   []byte
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.URL.Path != "/hooks/catch/1" || r.URL.RawQuery != "k=v" {
			t.Errorf("request %s %s, want POST /hooks/catch/1?k=v", r.Method, r.URL)
		}
		for k, want := range map[string]string{
			"Content-Type":         "application/json",
			"User-Agent":           "repurpose-webhook/1",
			"X-Repurpose-Delivery": "entry-7c1e",
		} {
			if got := r.Header.Get(k); got != want {
				t.Errorf("%s: %q, want %q", k, got, want)
			}
		}
		ts, err := strconv.ParseInt(r.Header.Get("X-Repurpose-Timestamp"), 10, 64)
		if err != nil || time.Since(time.Unix(ts, 0)).Abs() > time.Minute {
			t.Errorf("X-Repurpose-Timestamp %q is not the sending time", r.Header.Get("X-Repurpose-Timestamp"))
		}
		if !strings.HasPrefix(r.Header.Get("X-Repurpose-Signature"), "sha256=") {
			t.Errorf("X-Repurpose-Signature %q", r.Header.Get("X-Repurpose-Signature"))
		}
		if err := webhook.Verify(webhookTestSecret, r.Header, b, time.Now(), 5*time.Minute); err != nil {
			t.Errorf("the receiver cannot verify the delivery: %v", err)
		}
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Errorf("body is not JSON: %v", err)
		}
		want := map[string]any{
			"id": "entry-7c1e", "account": "hook", "region": "emea", "channel": "blog", "kind": "blog",
			"locale": "de", "text": "Kaltstarts halbiert https://example.com/wp",
			"parts": []any{"Teil 1", "Teil 2"}, "link": "https://example.com/wp",
			"at": "2026-03-14T08:30:00Z", "source_id": "src-1", "derivative_id": "der-2",
			"blog": map[string]any{"title": "Kaltstarts", "slug": "kaltstarts", "meta_description": "Wie",
				"takeaways": []any{"a", "b"}, "keywords": []any{"lambda"}, "markdown": "# K", "html": "<h1>K</h1>"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("body\n got %v\nwant %v", got, want)
		}
		mu.Lock()
		header, body = r.Header.Clone(), b
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"zap-981","url":"https://cms.example.com/p/981","status":"success"}`)
	}))
	defer srv.Close()

	pub := newWebhookTest(t, srv.URL+"/hooks/catch/1?k=v")
	if _, ok := pub.(publish.Idempotent); !ok {
		t.Error("the webhook is not Idempotent: an unknown outcome would never be retried")
	}
	res, err := pub.Publish(context.Background(), webhookTestPost())
	if err != nil {
		t.Fatal(err)
	}
	if res.RemoteID != "zap-981" || res.URL != "https://cms.example.com/p/981" {
		t.Errorf("result %+v, want the receiver's id and url", res)
	}

	mu.Lock()
	defer mu.Unlock()
	if body == nil {
		t.Fatal("no delivery arrived")
	}
	now := time.Now()
	if err := webhook.Verify(webhookTestSecret, header, body, now, 5*time.Minute); err != nil {
		t.Fatalf("verify: %v", err)
	}
	altered := []byte(strings.Replace(string(body), "halbiert", "verdoppelt", 1))
	if err := webhook.Verify(webhookTestSecret, header, altered, now, 5*time.Minute); err == nil {
		t.Error("an altered body verified")
	}
	if err := webhook.Verify("another-secret", header, body, now, 5*time.Minute); err == nil {
		t.Error("another secret verified")
	}
	if err := webhook.Verify(webhookTestSecret, header, body, now.Add(6*time.Minute), 5*time.Minute); err == nil {
		t.Error("a delivery replayed 6 minutes later verified with a 5 minute tolerance")
	}
	// The timestamp is signed: moving it forward to pass the tolerance breaks the signature.
	moved := header.Clone()
	moved.Set("X-Repurpose-Timestamp", strconv.FormatInt(now.Add(6*time.Minute).Unix(), 10))
	if err := webhook.Verify(webhookTestSecret, moved, body, now.Add(6*time.Minute), 5*time.Minute); err == nil {
		t.Error("a replay with a new timestamp verified")
	}
	unsigned := header.Clone()
	unsigned.Del("X-Repurpose-Signature")
	if err := webhook.Verify(webhookTestSecret, unsigned, body, now, 5*time.Minute); err == nil {
		t.Error("a delivery without a signature verified")
	}
}

func TestWebhookResultAndRetriesKeepTheDeliveryID(t *testing.T) {
	for _, tc := range []struct {
		answer, wantID, wantURL string
	}{
		{"ok", "entry-7c1e", ""}, // Slack, Make: plain text
		{"", "entry-7c1e", ""},   // 204-style empty body
		{`{"id":42}`, "42", ""},  // a CMS's numeric ID
		{`{"status":"success"}`, "entry-7c1e", ""},
	} {
		var (
			mu         sync.Mutex
			deliveries []string
		)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			deliveries = append(deliveries, r.Header.Get("X-Repurpose-Delivery"))
			mu.Unlock()
			io.WriteString(w, tc.answer)
		}))
		pub := newWebhookTest(t, srv.URL)
		for range 2 {
			res, err := pub.Publish(context.Background(), webhookTestPost())
			if err != nil {
				t.Fatalf("answer %q: %v", tc.answer, err)
			}
			if res.RemoteID != tc.wantID || res.URL != tc.wantURL {
				t.Errorf("answer %q: result %+v, want id %q url %q", tc.answer, res, tc.wantID, tc.wantURL)
			}
		}
		srv.Close()
		mu.Lock()
		if len(deliveries) != 2 || deliveries[0] != "entry-7c1e" || deliveries[1] != "entry-7c1e" {
			t.Errorf("delivery IDs of two attempts: %q, want the post's ID twice", deliveries)
		}
		mu.Unlock()
	}
}

func TestWebhookFailures(t *testing.T) {
	t.Run("429 is later, after Retry-After", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(http.StatusTooManyRequests)
		}))
		defer srv.Close()
		_, err := newWebhookTest(t, srv.URL).Publish(context.Background(), webhookTestPost())
		if publish.KindOf(err) != publish.Later || publish.RetryAfter(err) != 5*time.Second {
			t.Errorf("err %v: kind %v retry after %v, want later after 5s", err, publish.KindOf(err), publish.RetryAfter(err))
		}
	})
	t.Run("400 is refused with the receiver's message", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"message":"unknown channel blog"}`)
		}))
		defer srv.Close()
		_, err := newWebhookTest(t, srv.URL).Publish(context.Background(), webhookTestPost())
		if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "unknown channel blog") {
			t.Errorf("err %v, want refused with the message", err)
		}
	})
	t.Run("connection closed after the request is unknown", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.ReadAll(r.Body)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			conn.Close()
		}))
		defer srv.Close()
		_, err := newWebhookTest(t, srv.URL).Publish(context.Background(), webhookTestPost())
		if publish.KindOf(err) != publish.Unknown {
			t.Errorf("err %v: kind %v, want unknown", err, publish.KindOf(err))
		}
	})
	t.Run("nobody listening is later", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		_, err := newWebhookTest(t, url).Publish(context.Background(), webhookTestPost())
		if publish.KindOf(err) != publish.Later {
			t.Errorf("err %v: kind %v, want later", err, publish.KindOf(err))
		}
	})
}

func TestWebhookConfig(t *testing.T) {
	env := publish.Env{Getenv: func(k string) string {
		if k == "HOOK_SECRET" {
			return webhookTestSecret
		}
		return ""
	}}
	for _, tc := range []struct {
		name     string
		settings map[string]string
		want     string
	}{
		{"missing url", map[string]string{"secret_env": "HOOK_SECRET"}, "accounts.hook.url: required"},
		{"not http", map[string]string{"url": "ftp://example.com/in", "secret_env": "HOOK_SECRET"}, "accounts.hook.url"},
		{"no scheme", map[string]string{"url": "hooks.zapier.com/x", "secret_env": "HOOK_SECRET"}, "accounts.hook.url"},
		{"secret in the clear", map[string]string{"url": "https://example.com/in", "secret": "s3cret"}, "accounts.hook.secret"},
		{"no secret", map[string]string{"url": "https://example.com/in"}, "accounts.hook.secret_env: required"},
		{"secret variable unset", map[string]string{"url": "https://example.com/in", "secret_env": "UNSET"}, "accounts.hook.secret_env"},
		{"unknown setting", map[string]string{"url": "https://example.com/in", "secret_env": "HOOK_SECRET", "token": "x"}, "accounts.hook.token"},
	} {
		_, err := publish.New("hook", config.Account{Type: "webhook", Settings: tc.settings}, env)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want one naming %q", tc.name, err, tc.want)
		}
	}
	if _, err := publish.New("hook", config.Account{Type: "webhook", Settings: map[string]string{
		"url": "https://hooks.zapier.com/hooks/catch/1/abc", "secret_env": "HOOK_SECRET"}}, env); err != nil {
		t.Errorf("a valid account: %v", err)
	}
}

// A receiver that moved within its own host is followed (the body sent again); a move to
// another host is not: the post is refused with a message naming that host, and the
// other host gets nothing.
func TestWebhookFollowsRedirectsWithinItsHostOnly(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusPermanentRedirect)
		case "/new":
			if !strings.Contains(string(body), "entry-7c1e") {
				t.Errorf("the redirected delivery lost its body: %q", body)
			}
			io.WriteString(w, `{"id": "moved-1"}`)
		case "/away":
			http.Redirect(w, r, other.URL+"/internal", http.StatusTemporaryRedirect)
		}
	}))
	defer srv.Close()
	if res, err := newWebhookTest(t, srv.URL+"/old").Publish(t.Context(), webhookTestPost()); err != nil || res.RemoteID != "moved-1" {
		t.Errorf("a redirect within the host: %+v %v", res, err)
	}
	_, err := newWebhookTest(t, srv.URL+"/away").Publish(t.Context(), webhookTestPost())
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), other.Listener.Addr().String()) || elsewhere.Load() != 0 {
		t.Errorf("a redirect to another host: %v; %d requests reached it", err, elsewhere.Load())
	}
}
