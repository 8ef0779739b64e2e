package x_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
	_ "github.com/repurpose/repurpose/publish/x"
)

// newXTest is an x account named "xacct" with the static token "user-token" from
// X_TOKEN, calling api.
func newXTest(t *testing.T, api string, extra map[string]string) publish.Publisher {
	t.Helper()
	settings := map[string]string{"api": api, "access_token_env": "X_TOKEN"}
	for k, v := range extra {
		settings[k] = v
	}
	p, err := publish.New("xacct", config.Account{Type: "x", Settings: settings},
		publishtest.Env(map[string]string{"X_TOKEN": "user-token"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// xReadTweet checks a request is X's documented create-post call with the bearer token
// and returns its JSON body, every field kept so that stray ones show.
func xReadTweet(t *testing.T, r *http.Request, token string) map[string]any {
	t.Helper()
	if r.Method != http.MethodPost || r.URL.Path != "/2/tweets" {
		t.Errorf("request = %s %s, want POST /2/tweets", r.Method, r.URL.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+token {
		t.Errorf("Authorization = %q, want %q", got, "Bearer "+token)
	}
	if got := r.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", got)
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		t.Errorf("body is not JSON: %v", err)
	}
	return body
}

func xCreated(w http.ResponseWriter, id, text string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]string{"id": id, "text": text}})
}

func TestXSinglePost(t *testing.T) {
	const text = "Costs fell 40% when teams shared one pipeline. https://example.com/paper"
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		body := xReadTweet(t, r, "user-token")
		if want := map[string]any{"text": text}; !reflect.DeepEqual(body, want) {
			t.Errorf("body = %v, want %v", body, want)
		}
		xCreated(w, "1846987139428634858", text)
	}))
	defer srv.Close()

	p := newXTest(t, srv.URL, map[string]string{"username": "@acme"})
	if _, ok := p.(publish.Idempotent); ok {
		t.Error("x is Idempotent, but X takes no idempotency key: an unknown outcome would be posted twice")
	}
	res, err := p.Publish(context.Background(), &publish.Post{ID: "plan-1", Channel: "x", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	want := publish.Result{RemoteID: "1846987139428634858", URL: "https://x.com/acme/status/1846987139428634858"}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	if calls != 1 {
		t.Errorf("%d requests, want 1", calls)
	}
}

func TestXThreadIsAChainOfReplies(t *testing.T) {
	parts := []string{"(1/3) Why pipelines matter", "(2/3) Shared pipelines cut costs 40%", "(3/3) Read more: https://example.com/paper"}
	var got []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, xReadTweet(t, r, "user-token"))
		xCreated(w, strconv.Itoa(100+len(got)), "")
	}))
	defer srv.Close()

	res, err := newXTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-2", Channel: "x", Text: parts[0], Parts: parts})
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"text": parts[0]},
		{"text": parts[1], "reply": map[string]any{"in_reply_to_tweet_id": "101"}},
		{"text": parts[2], "reply": map[string]any{"in_reply_to_tweet_id": "102"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bodies =\n%v\nwant\n%v", got, want)
	}
	wantRes := publish.Result{RemoteID: "101", URL: "https://x.com/i/web/status/101", IDs: []string{"101", "102", "103"}}
	if !reflect.DeepEqual(res, wantRes) {
		t.Errorf("result = %+v, want %+v", res, wantRes)
	}
}

func TestXThreadStoppedHalfWayIsLeftForAPerson(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		xReadTweet(t, r, "user-token")
		if calls == 2 {
			w.Header().Set("Retry-After", "60")
			http.Error(w, `{"title":"Service Unavailable","detail":"Service Unavailable"}`, http.StatusServiceUnavailable)
			return
		}
		xCreated(w, strconv.Itoa(100+calls), "")
	}))
	defer srv.Close()

	res, err := newXTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-3", Channel: "x", Parts: []string{"one", "two", "three"}})
	// The first post is live: trying the whole thread again would post it twice.
	if publish.KindOf(err) != publish.Unknown {
		t.Fatalf("error = %v (%v), want unknown", err, publish.KindOf(err))
	}
	if !strings.Contains(err.Error(), "1 of 3") || !strings.Contains(err.Error(), "https://x.com/i/web/status/101") {
		t.Errorf("error %q does not say how far the thread got and where it is", err)
	}
	if !reflect.DeepEqual(res.IDs, []string{"101"}) {
		t.Errorf("IDs = %v, want the posted [101]", res.IDs)
	}
	if calls != 2 {
		t.Errorf("%d requests, want 2 (nothing after the failure)", calls)
	}
}

func TestXRateLimited(t *testing.T) {
	for _, tc := range []struct {
		name     string
		header   func() http.Header
		min, max time.Duration
	}{
		{"Retry-After", func() http.Header { return http.Header{"Retry-After": {"12"}} }, 12 * time.Second, 12 * time.Second},
		{"x-rate-limit-reset", func() http.Header {
			return http.Header{"X-Rate-Limit-Reset": {strconv.FormatInt(time.Now().Add(30*time.Second).Unix(), 10)}, "X-Rate-Limit-Remaining": {"0"}}
		}, 28 * time.Second, 30 * time.Second},
		{"Retry-After wins", func() http.Header {
			return http.Header{"Retry-After": {"12"}, "X-Rate-Limit-Reset": {strconv.FormatInt(time.Now().Add(900*time.Second).Unix(), 10)}}
		}, 12 * time.Second, 12 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				xReadTweet(t, r, "user-token")
				for k, v := range tc.header() {
					w.Header()[k] = v
				}
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = io.WriteString(w, `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`)
			}))
			defer srv.Close()

			_, err := newXTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-4", Channel: "x", Text: "hello"})
			if publish.KindOf(err) != publish.Later {
				t.Fatalf("error = %v, want later", err)
			}
			if d := publish.RetryAfter(err); d < tc.min || d > tc.max {
				t.Errorf("RetryAfter = %v, want %v..%v", d, tc.min, tc.max)
			}
		})
	}
}

func TestXRefusalsCarryXsMessage(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
		status           int
	}{
		{"duplicate", `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`,
			"You are not allowed to create a Tweet with duplicate content.", http.StatusForbidden},
		{"validation", `{"errors":[{"parameters":{"text":["` + strings.Repeat("a", 300) + `"]},"message":"Your Tweet text is too long."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`,
			"Your Tweet text is too long.", http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				xReadTweet(t, r, "user-token")
				w.Header().Set("Content-Type", "application/problem+json")
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			}))
			defer srv.Close()

			_, err := newXTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-5", Channel: "x", Text: "hello"})
			if publish.KindOf(err) != publish.Refused {
				t.Fatalf("error = %v, want refused", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not carry X's message %q", err, tc.want)
			}
		})
	}
}

func TestXNoAnswerIsUnknownNoConnectionIsLater(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		xReadTweet(t, r, "user-token")
		publishtest.HijackClose(t, w, r)
	}))
	defer srv.Close()
	_, err := newXTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-6", Channel: "x", Text: "hello"})
	if publish.KindOf(err) != publish.Unknown {
		t.Errorf("connection closed after the request: error = %v, want unknown", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = newXTest(t, "http://"+addr, nil).Publish(context.Background(), &publish.Post{ID: "plan-6", Channel: "x", Text: "hello"})
	if publish.KindOf(err) != publish.Later {
		t.Errorf("nothing listening: error = %v, want later", err)
	}
}

func TestXConnectedAccountToken(t *testing.T) {
	var bearer string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bearer = r.Header.Get("Authorization")
		xCreated(w, "7", "")
	}))
	defer srv.Close()
	post := &publish.Post{ID: "plan-7", Channel: "x", Text: "hello"}

	store := &publishtest.Tokens{Token: "connected-token"}
	p, err := publish.New("xacct", config.Account{Type: "x", Settings: map[string]string{"api": srv.URL}}, publishtest.Env(nil, store))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(context.Background(), post); err != nil {
		t.Fatal(err)
	}
	if bearer != "Bearer connected-token" || !reflect.DeepEqual(store.Asked, []string{"xacct"}) {
		t.Errorf("Authorization = %q after asking the store for %v, want the connected account's token", bearer, store.Asked)
	}

	// A token set on the account is meant for it: it wins over the store.
	bearer = ""
	p, err = publish.New("xacct", config.Account{Type: "x", Settings: map[string]string{"api": srv.URL, "access_token_env": "X_TOKEN"}},
		publishtest.Env(map[string]string{"X_TOKEN": "fixed-token"}, store))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(context.Background(), post); err != nil {
		t.Fatal(err)
	}
	if bearer != "Bearer fixed-token" {
		t.Errorf("Authorization = %q, want the account's fixed token", bearer)
	}

	bearer = ""
	p, err = publish.New("xacct", config.Account{Type: "x", Settings: map[string]string{"api": srv.URL}},
		publishtest.Env(nil, &publishtest.Tokens{Err: publish.ErrNotConnected}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "the account is not connected: an admin connects it on the Accounts page") {
		t.Errorf("not connected: error = %v, want refused saying an admin connects it", err)
	}
	if bearer != "" {
		t.Error("a request went out without a token")
	}
}

func TestXConfig(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings map[string]string
		tokens   publish.TokenSource
		want     string
	}{
		{"no token anywhere", map[string]string{}, nil, "accounts.xacct: no access token"},
		{"token in the clear", map[string]string{"access_token": "AAAA"}, &publishtest.Tokens{}, "accounts.xacct.access_token: a secret is not written in the file"},
		{"token variable unset", map[string]string{"access_token_env": "X_MISSING"}, nil, "accounts.xacct.access_token_env: the environment variable X_MISSING is not set"},
		{"client secret in the clear", map[string]string{"client_secret": "s"}, &publishtest.Tokens{}, "accounts.xacct.client_secret"},
		{"api not a URL", map[string]string{"api": "api.x.com"}, &publishtest.Tokens{}, "accounts.xacct.api"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := publish.New("xacct", config.Account{Type: "x", Settings: tc.settings}, publishtest.Env(nil, tc.tokens))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := publish.New("xacct", config.Account{Type: "x", Settings: map[string]string{"client_id": "cid", "client_secret_env": "X_SECRET", "username": "acme"}},
		publishtest.Env(nil, &publishtest.Tokens{})); err != nil {
		t.Errorf("an account connected on the Accounts page: %v", err)
	}
}
