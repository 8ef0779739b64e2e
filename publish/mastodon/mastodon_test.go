package mastodon_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	_ "github.com/repurpose/repurpose/publish/mastodon"
	"github.com/repurpose/repurpose/publish/publishtest"
)

const mastodonTestToken = "masto-secret-token"

var mastodonTestEnv = publish.Env{Getenv: func(k string) string {
	if k == "MASTODON_TOKEN" {
		return mastodonTestToken
	}
	return ""
}}

// mastodonRequest is one POST /api/v1/statuses as the instance read it.
type mastodonRequest struct {
	Key  string
	Body map[string]string
}

// mastodonServer is an instance that checks every request the way Mastodon reads it,
// keeps the statuses it made, and answers a repeated Idempotency-Key with the status
// it made for that key, as Mastodon does.
type mastodonServer struct {
	t *testing.T
	// fail, when set, may answer request n (from 0) itself and return true.
	fail func(n int, w http.ResponseWriter, r *http.Request) bool

	mu       sync.Mutex
	requests []mastodonRequest
	statuses []string          // IDs made, in order
	byKey    map[string]string // Idempotency-Key → status ID
	srv      *httptest.Server
}

func newMastodonServer(t *testing.T) *mastodonServer {
	s := &mastodonServer{t: t, byKey: map[string]string{}}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *mastodonServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := s.t
	bad := func(format string, args ...any) {
		t.Errorf(format, args...)
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":%q}`, fmt.Sprintf(format, args...))
	}
	if r.Method != http.MethodPost || r.URL.Path != "/api/v1/statuses" {
		bad("request %s %s, want POST /api/v1/statuses", r.Method, r.URL.Path)
		return
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+mastodonTestToken {
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"error":"The access token is invalid"}`)
		t.Errorf("Authorization = %q", got)
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		bad("Content-Type = %q, want application/json", ct)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		bad("no Idempotency-Key")
		return
	}
	// Every parameter of the status is a string; a number or array would be refused.
	var body map[string]string
	raw, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(raw, &body); err != nil {
		bad("body %s: %v", raw, err)
		return
	}
	for k := range body {
		switch k {
		case "status", "visibility", "language", "in_reply_to_id":
		default:
			bad("unexpected parameter %q", k)
			return
		}
	}

	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, mastodonRequest{Key: key, Body: body})
	s.mu.Unlock()
	if s.fail != nil && s.fail(n, w, r) {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.TrimSpace(body["status"]) == "" {
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, `{"error":"Validation failed: Text can't be blank"}`)
		return
	}
	if reply, ok := body["in_reply_to_id"]; ok && !slices.Contains(s.statuses, reply) {
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"Record not found"}`)
		return
	}
	id, seen := s.byKey[key]
	if !seen {
		id = fmt.Sprintf("1100%d", 200+len(s.statuses))
		s.statuses = append(s.statuses, id)
		s.byKey[key] = id
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	fmt.Fprintf(w, `{"id":%q,"url":"https://mastodon.example/@news/%s","uri":"https://mastodon.example/users/news/statuses/%s","visibility":%q,"content":"<p>…</p>"}`,
		id, id, id, body["visibility"])
}

func (s *mastodonServer) snapshot() ([]mastodonRequest, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]mastodonRequest(nil), s.requests...), append([]string(nil), s.statuses...)
}

// newMastodonTest is the account "masto" on instance with the token from MASTODON_TOKEN.
func newMastodonTest(t *testing.T, instance string, extra map[string]string) publish.Publisher {
	t.Helper()
	settings := map[string]string{"instance": instance, "token_env": "MASTODON_TOKEN"}
	for k, v := range extra {
		settings[k] = v
	}
	p, err := publish.New("masto", config.Account{Type: "mastodon", Settings: settings}, mastodonTestEnv)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

func TestMastodonSinglePost(t *testing.T) {
	s := newMastodonServer(t)
	// A trailing slash on the instance must not double the path's.
	p := newMastodonTest(t, s.srv.URL+"/", map[string]string{"visibility": "unlisted"})
	if _, ok := p.(publish.Idempotent); !ok {
		t.Error("the mastodon publisher does not say it is idempotent")
	}
	post := &publish.Post{ID: "plan-7f3a", Channel: "mastodon", Locale: "en-US",
		Text: "Quiet power: what the grid learned https://example.com/p/quiet #energy"}

	res, err := p.Publish(context.Background(), post)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	want := publish.Result{RemoteID: "1100200", URL: "https://mastodon.example/@news/1100200", IDs: []string{"1100200"}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	reqs, _ := s.snapshot()
	wantReqs := []mastodonRequest{{Key: "plan-7f3a", Body: map[string]string{
		"status": post.Text, "visibility": "unlisted", "language": "en-US"}}}
	if !reflect.DeepEqual(reqs, wantReqs) {
		t.Errorf("requests = %+v, want %+v", reqs, wantReqs)
	}
}

func TestMastodonThreadIsAChainOfReplies(t *testing.T) {
	s := newMastodonServer(t)
	p := newMastodonTest(t, s.srv.URL, nil)
	post := &publish.Post{ID: "plan-thread", Channel: "mastodon",
		Parts: []string{"Grids are quieter than you think (1/3)", "Storage evens out the peaks (2/3)", "Read more https://example.com/p/quiet (3/3)"}}

	res, err := p.Publish(context.Background(), post)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	want := publish.Result{RemoteID: "1100200", URL: "https://mastodon.example/@news/1100200",
		IDs: []string{"1100200", "1100201", "1100202"}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	reqs, _ := s.snapshot()
	// No locale: no language; no visibility setting: public. Each part replies to the one
	// before, under a key of its own.
	wantReqs := []mastodonRequest{
		{Key: "plan-thread-0", Body: map[string]string{"status": post.Parts[0], "visibility": "public"}},
		{Key: "plan-thread-1", Body: map[string]string{"status": post.Parts[1], "visibility": "public", "in_reply_to_id": "1100200"}},
		{Key: "plan-thread-2", Body: map[string]string{"status": post.Parts[2], "visibility": "public", "in_reply_to_id": "1100201"}},
	}
	if !reflect.DeepEqual(reqs, wantReqs) {
		t.Errorf("requests =\n%+v\nwant\n%+v", reqs, wantReqs)
	}
}

func TestMastodonThreadRetriedAfterAFailurePostsEachPartOnce(t *testing.T) {
	s := newMastodonServer(t)
	s.fail = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 1 { // the second part, on the first attempt
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, `{"error":"Service unavailable"}`)
			return true
		}
		return false
	}
	p := newMastodonTest(t, s.srv.URL, nil)
	post := &publish.Post{ID: "plan-retry", Channel: "mastodon", Parts: []string{"one (1/2)", "two (2/2)"}}

	_, err := p.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Later {
		t.Fatalf("first attempt: %v (kind %v), want later", err, publish.KindOf(err))
	}
	res, err := p.Publish(context.Background(), post)
	if err != nil {
		t.Fatalf("second attempt: %v", err)
	}
	_, statuses := s.snapshot()
	if len(statuses) != 2 {
		t.Errorf("the instance holds %d statuses %v, want 2: a part was posted twice", len(statuses), statuses)
	}
	if !reflect.DeepEqual(res.IDs, statuses) || res.RemoteID != statuses[0] {
		t.Errorf("result = %+v, want the statuses %v", res, statuses)
	}
}

func TestMastodonRateLimited(t *testing.T) {
	s := newMastodonServer(t)
	s.fail = func(_ int, w http.ResponseWriter, _ *http.Request) bool {
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"error":"Too many requests"}`)
		return true
	}
	p := newMastodonTest(t, s.srv.URL, nil)
	_, err := p.Publish(context.Background(), &publish.Post{ID: "plan-rl", Text: "hello"})
	if publish.KindOf(err) != publish.Later {
		t.Errorf("kind = %v (%v), want later", publish.KindOf(err), err)
	}
	if got := publish.RetryAfter(err); got != 7*time.Second {
		t.Errorf("RetryAfter = %v, want 7s", got)
	}
}

func TestMastodonRefusalCarriesTheMessage(t *testing.T) {
	s := newMastodonServer(t)
	s.fail = func(_ int, w http.ResponseWriter, _ *http.Request) bool {
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, `{"error":"Validation failed: Text character limit of 500 exceeded"}`)
		return true
	}
	p := newMastodonTest(t, s.srv.URL, nil)
	_, err := p.Publish(context.Background(), &publish.Post{ID: "plan-long", Text: strings.Repeat("a", 501)})
	if publish.KindOf(err) != publish.Refused {
		t.Errorf("kind = %v (%v), want refused", publish.KindOf(err), err)
	}
	if err == nil || !strings.Contains(err.Error(), "Text character limit of 500 exceeded") {
		t.Errorf("error %v does not carry Mastodon's message", err)
	}
}

func TestMastodonNoAnswerIsUnknown(t *testing.T) {
	s := newMastodonServer(t)
	s.fail = func(_ int, w http.ResponseWriter, r *http.Request) bool {
		publishtest.HijackClose(t, w, r)
		return true
	}
	p := newMastodonTest(t, s.srv.URL, nil)
	_, err := p.Publish(context.Background(), &publish.Post{ID: "plan-lost", Text: "hello"})
	if publish.KindOf(err) != publish.Unknown {
		t.Errorf("kind = %v (%v), want unknown", publish.KindOf(err), err)
	}
}

func TestMastodonConfig(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings map[string]string
		env      map[string]string
		want     []string // in the error; none: no error
	}{
		{"valid", map[string]string{"instance": "https://mastodon.social", "token_env": "T"}, map[string]string{"T": "x"}, nil},
		{"token from a file", map[string]string{"instance": "https://mastodon.social", "token_file": "/run/secrets/masto"}, nil, nil},
		{"no instance", map[string]string{"token_env": "T"}, map[string]string{"T": "x"}, []string{"accounts.masto.instance: required"}},
		{"no token", map[string]string{"instance": "https://mastodon.social"}, nil, []string{"accounts.masto.token_env: required"}},
		{"token in the clear", map[string]string{"instance": "https://mastodon.social", "token": "abc123"}, nil, []string{"accounts.masto.token:", "token_env"}},
		{"token variable unset", map[string]string{"instance": "https://mastodon.social", "token_env": "UNSET"}, nil, []string{"accounts.masto.token_env", "UNSET"}},
		{"instance without scheme", map[string]string{"instance": "mastodon.social", "token_env": "T"}, map[string]string{"T": "x"}, []string{"accounts.masto.instance:"}},
		{"instance not http", map[string]string{"instance": "ftp://mastodon.social", "token_env": "T"}, map[string]string{"T": "x"}, []string{"accounts.masto.instance:"}},
		{"bad visibility", map[string]string{"instance": "https://mastodon.social", "token_env": "T", "visibility": "direct"}, map[string]string{"T": "x"}, []string{"accounts.masto.visibility:"}},
		{"unknown setting", map[string]string{"instance": "https://mastodon.social", "token_env": "T", "handle": "@news"}, map[string]string{"T": "x"}, []string{"accounts.masto.handle: is not a setting"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := publish.Env{
				Getenv:   func(k string) string { return tc.env[k] },
				ReadFile: func(string) ([]byte, error) { return []byte("file-token\n"), nil },
			}
			p, err := publish.New("masto", config.Account{Type: "mastodon", Settings: tc.settings}, env)
			switch {
			case tc.want == nil && err != nil:
				t.Errorf("New: %v", err)
			case tc.want == nil && p == nil:
				t.Error("New gave no publisher")
			case tc.want != nil && err == nil:
				t.Errorf("New accepted the account, want an error with %q", tc.want)
			case tc.want != nil:
				for _, w := range tc.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("New error = %v, want one with %q", err, w)
					}
				}
			}
			if err != nil && strings.Contains(err.Error(), "abc123") {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
}

// The token read from a file is the one sent, without its line end.
func TestMastodonTokenFromAFile(t *testing.T) {
	auth := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth <- r.Header.Get("Authorization")
		io.WriteString(w, `{"id":"1","url":"https://mastodon.example/@news/1"}`)
	}))
	defer srv.Close()
	env := publish.Env{ReadFile: func(path string) ([]byte, error) {
		if path != "/run/secrets/masto" {
			return nil, fmt.Errorf("no file %s", path)
		}
		return []byte("file-token\n"), nil
	}}
	p, err := publish.New("masto", config.Account{Type: "mastodon", Settings: map[string]string{
		"instance": srv.URL, "token_file": "/run/secrets/masto"}}, env)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(context.Background(), &publish.Post{ID: "f", Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	if got := <-auth; got != "Bearer file-token" {
		t.Errorf("Authorization = %q, want Bearer file-token", got)
	}
}
