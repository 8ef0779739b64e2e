package linkedin_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	_ "github.com/repurpose/repurpose/publish/linkedin"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// newLinkedInTest is a linkedin account named "li" posting as an organization with the
// static token "li-token" from LI_TOKEN, calling api.
func newLinkedInTest(t *testing.T, api string, extra map[string]string) publish.Publisher {
	t.Helper()
	settings := map[string]string{"api": api, "author": "urn:li:organization:5515715", "access_token_env": "LI_TOKEN"}
	for k, v := range extra {
		settings[k] = v
	}
	p, err := publish.New("li", config.Account{Type: "linkedin", Settings: settings},
		publishtest.Env(map[string]string{"LI_TOKEN": "li-token"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// linkedInReadPost checks a request is the Posts API's create call with every header it
// requires, and returns its JSON body.
func linkedInReadPost(t *testing.T, r *http.Request, token, version string) map[string]any {
	t.Helper()
	if r.Method != http.MethodPost || r.URL.Path != "/rest/posts" {
		t.Errorf("request = %s %s, want POST /rest/posts", r.Method, r.URL.Path)
	}
	for k, want := range map[string]string{
		"Authorization":             "Bearer " + token,
		"LinkedIn-Version":          version,
		"X-Restli-Protocol-Version": "2.0.0",
		"Content-Type":              "application/json",
	} {
		if got := r.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		t.Errorf("body is not JSON: %v", err)
	}
	return body
}

// linkedInCreated is LinkedIn's answer to a created post: 201, the URN in a header, no body.
func linkedInCreated(w http.ResponseWriter, urn string) {
	w.Header().Set("x-restli-id", urn)
	w.WriteHeader(http.StatusCreated)
}

func TestLinkedInPost(t *testing.T) {
	// Reserved little characters are escaped once; the hashtag stays a hashtag.
	const text = "Costs (in %) fell [a lot] for C# teams.\n\nhttps://example.com/a_b #DevOps"
	const commentary = `Costs \(in %\) fell \[a lot\] for C\# teams.` + "\n\n" + `https://example.com/a\_b #DevOps`
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		body := linkedInReadPost(t, r, "li-token", "202607")
		want := map[string]any{
			"author":     "urn:li:organization:5515715",
			"commentary": commentary,
			"visibility": "PUBLIC",
			"distribution": map[string]any{
				"feedDistribution":               "MAIN_FEED",
				"targetEntities":                 []any{},
				"thirdPartyDistributionChannels": []any{},
			},
			"lifecycleState":            "PUBLISHED",
			"isReshareDisabledByAuthor": false,
		}
		if !reflect.DeepEqual(body, want) {
			t.Errorf("body =\n%v\nwant\n%v", body, want)
		}
		linkedInCreated(w, "urn:li:share:6844785523593134080")
	}))
	defer srv.Close()

	p := newLinkedInTest(t, srv.URL, nil)
	if _, ok := p.(publish.Idempotent); ok {
		t.Error("linkedin is Idempotent, but the Posts API takes no idempotency key")
	}
	res, err := p.Publish(context.Background(), &publish.Post{ID: "plan-1", Channel: "linkedin", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	want := publish.Result{RemoteID: "urn:li:share:6844785523593134080",
		URL: "https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080"}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	if calls != 1 {
		t.Errorf("%d requests, want 1", calls)
	}
}

func TestLinkedInVersionSetting(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		linkedInReadPost(t, r, "li-token", "202610")
		linkedInCreated(w, "urn:li:share:1")
	}))
	defer srv.Close()
	if _, err := newLinkedInTest(t, srv.URL, map[string]string{"version": "202610"}).Publish(context.Background(),
		&publish.Post{ID: "plan-2", Channel: "linkedin", Text: "hello"}); err != nil {
		t.Fatal(err)
	}
}

func TestLinkedInFailures(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handler func(t *testing.T, w http.ResponseWriter, r *http.Request)
		kind    publish.Kind
		want    string
	}{
		{"rate limited", func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "12")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"message":"Resource level throttle APPLICATION DAY limit for calls to this resource is reached.","status":429}`)
		}, publish.Later, ""},
		{"validation", func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = io.WriteString(w, `{"errorDetailType":"com.linkedin.common.error.BadRequest","message":"ERROR :: /commentary :: is too long","errorDetails":{"inputErrors":[{"description":"Text exceeds 3000 characters","input":{"inputPath":{"fieldPath":"/commentary"}},"code":"FIELD_LENGTH_TOO_LONG"}]},"status":422}`)
		}, publish.Refused, "ERROR :: /commentary :: is too long (/commentary: Text exceeds 3000 characters)"},
		{"not allowed", func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: partnerApiPostsExternal.CREATE.20260701"}`)
		}, publish.Refused, "Not enough permissions to access: partnerApiPostsExternal.CREATE.20260701"},
		{"connection closed after the request", publishtest.HijackClose, publish.Unknown, ""},
		{"created without an ID", func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusCreated)
		}, publish.Unknown, "x-restli-id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				linkedInReadPost(t, r, "li-token", "202607")
				tc.handler(t, w, r)
			}))
			defer srv.Close()

			_, err := newLinkedInTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-3", Channel: "linkedin", Text: "hello"})
			if publish.KindOf(err) != tc.kind {
				t.Fatalf("error = %v (%v), want %v", err, publish.KindOf(err), tc.kind)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if tc.kind == publish.Later && publish.RetryAfter(err).Seconds() != 12 {
				t.Errorf("RetryAfter = %v, want 12s", publish.RetryAfter(err))
			}
		})
	}
}

func TestLinkedInConnectedAccountToken(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		linkedInReadPost(t, r, "connected-token", "202607")
		linkedInCreated(w, "urn:li:share:2")
	}))
	defer srv.Close()
	settings := map[string]string{"api": srv.URL, "author": "urn:li:person:8675309"}
	post := &publish.Post{ID: "plan-4", Channel: "linkedin", Text: "hello"}

	store := &publishtest.Tokens{Token: "connected-token"}
	p, err := publish.New("li", config.Account{Type: "linkedin", Settings: settings}, publishtest.Env(nil, store))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(context.Background(), post); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(store.Asked, []string{"li"}) {
		t.Errorf("the store was asked for %v, want [li]", store.Asked)
	}

	p, err = publish.New("li", config.Account{Type: "linkedin", Settings: settings}, publishtest.Env(nil, &publishtest.Tokens{Err: publish.ErrNotConnected}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "the account is not connected: an admin connects it on the Accounts page") {
		t.Errorf("not connected: error = %v, want refused saying an admin connects it", err)
	}
	if calls != 1 {
		t.Errorf("%d requests, want 1 (none without a token)", calls)
	}
}

func TestLinkedInRefusesAThreadWithoutSending(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("a thread was sent to LinkedIn")
	}))
	defer srv.Close()
	_, err := newLinkedInTest(t, srv.URL, nil).Publish(context.Background(), &publish.Post{ID: "plan-5", Channel: "linkedin", Parts: []string{"a", "b"}})
	if publish.KindOf(err) != publish.Refused {
		t.Errorf("error = %v, want refused", err)
	}
}

func TestLinkedInConfig(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings map[string]string
		want     string
	}{
		{"no author", map[string]string{}, "accounts.li.author: required"},
		{"author not a URN", map[string]string{"author": "acme-corp"}, `accounts.li.author: "acme-corp" is not a LinkedIn URN`},
		{"token in the clear", map[string]string{"author": "urn:li:organization:1", "access_token": "AQV..."}, "accounts.li.access_token: a secret is not written in the file"},
		{"version not YYYYMM", map[string]string{"author": "urn:li:organization:1", "version": "2026-07"}, "accounts.li.version"},
		{"not a setting", map[string]string{"author": "urn:li:organization:1", "page": "acme"}, "accounts.li.page: is not a setting of linkedin accounts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := publish.New("li", config.Account{Type: "linkedin", Settings: tc.settings}, publishtest.Env(nil, &publishtest.Tokens{}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	_, err := publish.New("li", config.Account{Type: "linkedin", Settings: map[string]string{"author": "urn:li:organization:1"}}, publishtest.Env(nil, nil))
	if err == nil || !strings.Contains(err.Error(), "accounts.li: no access token") {
		t.Errorf("no token and no store: error = %v, want one naming the account", err)
	}
}
