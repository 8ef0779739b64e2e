package wordpress_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/publish"
	_ "github.com/repurpose/repurpose/publish/wordpress"
)

const (
	wpTestUser = "editor"
	wpTestPass = "abcd EFGH 1234 ijkl MNOP 5678"
)

func newWordPressTest(t *testing.T, settings map[string]string) publish.Publisher {
	t.Helper()
	s := map[string]string{"user": wpTestUser, "app_password_env": "WP_APP_PASSWORD"}
	for k, v := range settings {
		s[k] = v
	}
	p, err := publish.New("blog", config.Account{Type: "wordpress", Settings: s}, wpTestEnv)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var wpTestEnv = publish.Env{Getenv: func(k string) string {
	if k == "WP_APP_PASSWORD" {
		return wpTestPass
	}
	return ""
}}

func wpTestPost(at time.Time) *publish.Post {
	return &publish.Post{
		ID: "entry-51f0", Account: "blog", Channel: "blog", Kind: "blog", Locale: "en", At: at,
		Text: "How we cut cold starts https://example.com/wp",
		Blog: &derive.BlogTeaser{
			Title: "How we cut cold starts", Slug: "how-we-cut-cold-starts",
			MetaDescription: "Three changes halved our p99.", Takeaways: []string{"Snapshot", "Trim"},
			Markdown: "# How", HTML: "<h1>How</h1><p>Three changes.</p>",
		},
	}
}

// wpTestSlug pins the slug scheme: an entry's slug must not change between versions, or
// a retry after an upgrade would not find the post an earlier attempt made.
func wpTestSlug(base, id string) string {
	h := sha256.Sum256([]byte(id))
	return base + "-" + hex.EncodeToString(h[:4])
}

// wpTestServer is a WordPress that checks the slug look-up and answers it with found,
// and checks a create against wantCreate and answers it with created (nil: a create
// fails the test).
type wpTestServer struct {
	t          *testing.T
	srv        *httptest.Server
	prefix     string // the site's path, "/blog"
	slug       string
	found      string
	wantCreate map[string]any
	created    string

	mu       sync.Mutex
	requests []string
}

func (s *wpTestServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := s.t
	s.mu.Lock()
	s.requests = append(s.requests, r.Method)
	s.mu.Unlock()
	if r.URL.Path != s.prefix+"/wp-json/wp/v2/posts" {
		t.Errorf("%s %s: not the posts endpoint", r.Method, r.URL.Path)
	}
	if u, p, ok := r.BasicAuth(); !ok || u != wpTestUser || p != wpTestPass {
		t.Errorf("%s: basic auth %q %q %v, want the user and application password", r.Method, u, p, ok)
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	switch r.Method {
	case http.MethodGet:
		want := url.Values{"slug": {s.slug}, "status": {"publish,future,draft,pending,private"}, "context": {"edit"}}
		if got := r.URL.Query(); !reflect.DeepEqual(got, want) {
			t.Errorf("look-up query %v, want %v", got, want)
		}
		io.WriteString(w, s.found)
	case http.MethodPost:
		if s.wantCreate == nil {
			t.Error("a post was created although the look-up found one")
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		var got map[string]any
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			t.Errorf("body: %v", err)
		}
		if !reflect.DeepEqual(got, s.wantCreate) {
			t.Errorf("create body\n got %v\nwant %v", got, s.wantCreate)
		}
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, s.created)
	default:
		t.Errorf("unexpected %s", r.Method)
	}
}

func (s *wpTestServer) methods() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

func TestWordPressSchedulesTheTeaser(t *testing.T) {
	at := time.Now().Add(72 * time.Hour).Truncate(time.Second).In(time.FixedZone("PST", -8*3600))
	slug := wpTestSlug("how-we-cut-cold-starts", "entry-51f0")
	s := &wpTestServer{t: t, prefix: "/blog", slug: slug, found: `[]`,
		wantCreate: map[string]any{
			"title": "How we cut cold starts", "content": "<h1>How</h1><p>Three changes.</p>",
			"excerpt": "Three changes halved our p99.", "slug": slug, "status": "future",
			"date_gmt":   at.UTC().Format("2006-01-02T15:04:05"),
			"categories": []any{3.0, 7.0},
		},
		created: `{"id":4711,"slug":"` + slug + `","status":"future","link":"https://blog.example.com/?p=4711"}`,
	}
	s.srv = httptest.NewServer(s)
	defer s.srv.Close()

	// A site in a subdirectory, written with a trailing slash.
	pub := newWordPressTest(t, map[string]string{"site": s.srv.URL + "/blog/", "categories": "3, 7"})
	if _, ok := pub.(publish.Idempotent); !ok {
		t.Error("the WordPress publisher is not Idempotent: an unknown outcome would never be retried")
	}
	res, err := pub.Publish(context.Background(), wpTestPost(at))
	if err != nil {
		t.Fatal(err)
	}
	if res.RemoteID != "4711" || res.URL != "https://blog.example.com/?p=4711" {
		t.Errorf("result %+v, want id 4711 and its link", res)
	}
	if m := s.methods(); !reflect.DeepEqual(m, []string{"GET", "POST"}) {
		t.Errorf("requests %v, want the look-up then the create", m)
	}
}

func TestWordPressStatus(t *testing.T) {
	past := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	future := time.Now().Add(24 * time.Hour).Truncate(time.Second)
	for _, tc := range []struct {
		name     string
		settings map[string]string
		at       time.Time
		want     string
	}{
		{"planned time passed: future all the same (WordPress publishes it at once)", nil, past, "future"},
		{"the default", nil, future, "future"},
		{"draft for an editor", map[string]string{"status": "draft"}, future, "draft"},
		{"future said explicitly", map[string]string{"status": "future"}, future, "future"},
	} {
		slug := wpTestSlug("how-we-cut-cold-starts", "entry-51f0")
		s := &wpTestServer{t: t, slug: slug, found: `[]`,
			wantCreate: map[string]any{
				"title": "How we cut cold starts", "content": "<h1>How</h1><p>Three changes.</p>",
				"excerpt": "Three changes halved our p99.", "slug": slug, "status": tc.want,
				"date_gmt": tc.at.UTC().Format("2006-01-02T15:04:05"),
			},
			created: `{"id":12,"link":"https://blog.example.com/x/"}`,
		}
		s.srv = httptest.NewServer(s)
		settings := map[string]string{"site": s.srv.URL}
		for k, v := range tc.settings {
			settings[k] = v
		}
		res, err := newWordPressTest(t, settings).Publish(context.Background(), wpTestPost(tc.at))
		if err != nil || res.RemoteID != "12" {
			t.Errorf("%s: %+v %v", tc.name, res, err)
		}
		s.srv.Close()
	}
}

func TestWordPressSlugIsPerPlanEntry(t *testing.T) {
	var (
		mu    sync.Mutex
		slugs []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		slugs = append(slugs, r.URL.Query().Get("slug"))
		mu.Unlock()
		w.WriteHeader(http.StatusServiceUnavailable) // stop after the look-up
	}))
	defer srv.Close()
	pub := newWordPressTest(t, map[string]string{"site": srv.URL})
	for _, id := range []string{"entry-a", "entry-a", "entry-b"} {
		p := wpTestPost(time.Now())
		p.ID = id
		pub.Publish(context.Background(), p)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(slugs) != 3 || slugs[0] != slugs[1] || slugs[0] == slugs[2] ||
		!strings.HasPrefix(slugs[0], "how-we-cut-cold-starts-") || !strings.HasPrefix(slugs[2], "how-we-cut-cold-starts-") {
		t.Errorf("slugs %q: want the teaser's slug with a suffix the same for one entry and another for another", slugs)
	}
}

func TestWordPressFindsThePostOfAnEarlierAttempt(t *testing.T) {
	slug := wpTestSlug("how-we-cut-cold-starts", "entry-51f0")
	s := &wpTestServer{t: t, slug: slug,
		found: `[{"id":99,"slug":"` + slug + `","status":"draft","link":"https://blog.example.com/?p=99"}]`}
	s.srv = httptest.NewServer(s)
	defer s.srv.Close()
	res, err := newWordPressTest(t, map[string]string{"site": s.srv.URL}).Publish(context.Background(), wpTestPost(time.Now().Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if res.RemoteID != "99" || res.URL != "https://blog.example.com/?p=99" {
		t.Errorf("result %+v, want the existing post 99", res)
	}
	if m := s.methods(); !reflect.DeepEqual(m, []string{"GET"}) {
		t.Errorf("requests %v, want only the look-up", m)
	}
}

func TestWordPressIgnoresALookUpAnswerForAnotherSlug(t *testing.T) {
	// A plugin that drops ?slug= answers with the latest posts; those are not ours.
	slug := wpTestSlug("how-we-cut-cold-starts", "entry-51f0")
	at := time.Now().Add(time.Hour).Truncate(time.Second)
	s := &wpTestServer{t: t, slug: slug,
		found: `[{"id":5,"slug":"hello-world","status":"publish","link":"https://blog.example.com/hello-world/"}]`,
		wantCreate: map[string]any{
			"title": "How we cut cold starts", "content": "<h1>How</h1><p>Three changes.</p>",
			"excerpt": "Three changes halved our p99.", "slug": slug, "status": "future",
			"date_gmt": at.UTC().Format("2006-01-02T15:04:05"),
		},
		created: `{"id":6,"link":"https://blog.example.com/?p=6"}`,
	}
	s.srv = httptest.NewServer(s)
	defer s.srv.Close()
	res, err := newWordPressTest(t, map[string]string{"site": s.srv.URL}).Publish(context.Background(), wpTestPost(at))
	if err != nil || res.RemoteID != "6" {
		t.Errorf("result %+v %v, want the new post 6", res, err)
	}
}

func TestWordPressRefusesPostsWithoutATeaser(t *testing.T) {
	s := &wpTestServer{t: t}
	s.srv = httptest.NewServer(s)
	defer s.srv.Close()
	p := wpTestPost(time.Now())
	p.Blog = nil
	_, err := newWordPressTest(t, map[string]string{"site": s.srv.URL}).Publish(context.Background(), p)
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "only blog teasers go to WordPress") {
		t.Errorf("err %v, want refused", err)
	}
	if m := s.methods(); len(m) != 0 {
		t.Errorf("requests %v, want none", m)
	}
}

func TestWordPressFailures(t *testing.T) {
	// onPost answers the create; the look-up finds nothing.
	run := func(t *testing.T, onGet, onPost http.HandlerFunc) error {
		t.Helper()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.Method == http.MethodGet && onGet != nil:
				onGet(w, r)
			case r.Method == http.MethodGet:
				io.WriteString(w, `[]`)
			case r.Method == http.MethodPost && onPost != nil:
				onPost(w, r)
			default:
				t.Errorf("unexpected %s", r.Method)
			}
		}))
		defer srv.Close()
		_, err := newWordPressTest(t, map[string]string{"site": srv.URL}).Publish(context.Background(), wpTestPost(time.Now().Add(time.Hour)))
		return err
	}
	hangUp := func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.Close()
	}

	t.Run("429 is later, after Retry-After", func(t *testing.T) {
		err := run(t, nil, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(http.StatusTooManyRequests)
		})
		if publish.KindOf(err) != publish.Later || publish.RetryAfter(err) != 5*time.Second {
			t.Errorf("err %v: kind %v retry after %v, want later after 5s", err, publish.KindOf(err), publish.RetryAfter(err))
		}
	})
	t.Run("rest_invalid_param is refused with WordPress's message", func(t *testing.T) {
		err := run(t, nil, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"code":"rest_invalid_param","message":"Invalid parameter(s): date_gmt","data":{"status":400,"params":{"date_gmt":"Invalid date."}}}`)
		})
		if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "Invalid parameter(s): date_gmt") ||
			!strings.Contains(err.Error(), "Invalid date.") {
			t.Errorf("err %v, want refused with WordPress's message and the parameter's", err)
		}
	})
	t.Run("a wrong application password is refused at the look-up", func(t *testing.T) {
		err := run(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"code":"incorrect_password","message":"The provided password is an invalid application password.","data":{"status":401}}`)
		}, nil)
		if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "invalid application password") {
			t.Errorf("err %v, want refused with the message", err)
		}
	})
	t.Run("connection closed after the create is unknown", func(t *testing.T) {
		err := run(t, nil, hangUp)
		if publish.KindOf(err) != publish.Unknown {
			t.Errorf("err %v: kind %v, want unknown", err, publish.KindOf(err))
		}
	})
	t.Run("connection closed after the look-up is later: a GET posts nothing", func(t *testing.T) {
		err := run(t, hangUp, nil)
		if publish.KindOf(err) != publish.Later {
			t.Errorf("err %v: kind %v, want later", err, publish.KindOf(err))
		}
	})
	t.Run("a created post without an id is unknown", func(t *testing.T) {
		err := run(t, nil, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, `<html>cached page</html>`)
		})
		if publish.KindOf(err) != publish.Unknown {
			t.Errorf("err %v: kind %v, want unknown", err, publish.KindOf(err))
		}
	})
	t.Run("nobody listening is later", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		site := srv.URL
		srv.Close()
		_, err := newWordPressTest(t, map[string]string{"site": site}).Publish(context.Background(), wpTestPost(time.Now()))
		if publish.KindOf(err) != publish.Later {
			t.Errorf("err %v: kind %v, want later", err, publish.KindOf(err))
		}
	})
}

func TestWordPressConfig(t *testing.T) {
	ok := map[string]string{"site": "https://blog.example.com", "user": "editor", "app_password_env": "WP_APP_PASSWORD"}
	// with is the valid settings with key set to value ("": removed).
	with := func(key, value string) map[string]string {
		s := map[string]string{}
		for k, v := range ok {
			s[k] = v
		}
		if value == "" {
			delete(s, key)
		} else {
			s[key] = value
		}
		return s
	}
	for _, tc := range []struct {
		name     string
		settings map[string]string
		want     string
	}{
		{"missing site", with("site", ""), "accounts.blog.site: required"},
		{"site not http", with("site", "ftp://blog.example.com"), "accounts.blog.site"},
		{"site with a query", with("site", "https://blog.example.com/?p=1"), "accounts.blog.site"},
		{"missing user", with("user", ""), "accounts.blog.user: required"},
		{"password in the clear", with("app_password", "abcd efgh"), "accounts.blog.app_password"},
		{"no password", with("app_password_env", ""), "accounts.blog.app_password_env: required"},
		{"password variable unset", with("app_password_env", "UNSET"), "accounts.blog.app_password_env"},
		{"status publish", with("status", "publish"), "accounts.blog.status"},
		{"category by name", with("categories", "3,news"), "accounts.blog.categories"},
	} {
		_, err := publish.New("blog", config.Account{Type: "wordpress", Settings: tc.settings}, wpTestEnv)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want one naming %q", tc.name, err, tc.want)
		}
	}
	if _, err := publish.New("blog", config.Account{Type: "wordpress", Settings: with("categories", "3,7")}, wpTestEnv); err != nil {
		t.Errorf("a valid account: %v", err)
	}
}
