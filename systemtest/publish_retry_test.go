package systemtest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/planstore"

	"github.com/repurpose/repurpose/config"
)

// publishingStack is the stack with its worker, configured by a YAML file as an
// operator writes it (the users stay the stack's).
func publishingStack(t *testing.T, yaml string, edit func(*config.Config)) *stack {
	return publishingStackWith(t, yaml, edit, true)
}

// publishingStackWith is publishingStack, its worker started only when withWorker.
func publishingStackWith(t *testing.T, yaml string, edit func(*config.Config), withWorker bool) *stack {
	t.Helper()
	file, err := config.ParseFile(strings.NewReader(yaml))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("REPURPOSE_TEST_HOOK_SECRET", "hook-secret")
	t.Setenv("REPURPOSE_TEST_SECRET", "service-secret")
	return newStack(t, withWorker, func(c *config.Config) {
		users := c.File.Users
		c.File = *file
		c.File.Users = users
		if edit != nil {
			edit(c)
		}
	})
}

// everyDay is a region channel open all day, posts a second apart.
const everyDay = `{account: %s, windows: ["daily 00:00-24:00"], spacing: 1s, max_per_day: 100}`

// waitCalendar polls the region's calendar, as a person watching it, until done says
// every post settled; it fails with what the calendar shows after timeout.
func (st *stack) waitCalendar(t *testing.T, from time.Time, timeout time.Duration, done func([]planstore.CalendarItem) bool) []planstore.CalendarItem {
	t.Helper()
	var cal calendarAnswer
	for deadline := time.Now().Add(timeout); ; time.Sleep(100 * time.Millisecond) {
		cal = calendarAnswer{}
		st.api("GET", "/api/v1/calendar?region=emea&from="+from.Add(-time.Minute).UTC().Format(time.RFC3339), testAdminToken, &cal)
		if len(cal.Items) > 0 && done(cal.Items) {
			return cal.Items
		}
		if time.Now().After(deadline) {
			var got []string
			for _, it := range cal.Items {
				if it.Post != nil {
					got = append(got, fmt.Sprintf("%s on %s: %s after %d attempts (%s)", it.ID, it.Account, it.Post.State, it.Post.Attempts, it.Post.Error))
				} else {
					got = append(got, it.ID+" on "+it.Account+": "+it.Status)
				}
			}
			t.Fatalf("the calendar did not settle within %s:\n%s", timeout, strings.Join(got, "\n"))
		}
	}
}

func allIn(state planstore.PostState) func([]planstore.CalendarItem) bool {
	return func(items []planstore.CalendarItem) bool {
		for _, it := range items {
			if it.Post == nil || it.Post.State != state {
				return false
			}
		}
		return true
	}
}

// attemptLog notes when each delivery (by its X-Repurpose-Delivery ID) came.
type attemptLog struct {
	mu sync.Mutex
	at map[string][]time.Time
}

func (a *attemptLog) note(r *http.Request) {
	io.Copy(io.Discard, r.Body)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.at == nil {
		a.at = map[string][]time.Time{}
	}
	id := r.Header.Get("X-Repurpose-Delivery")
	a.at[id] = append(a.at[id], time.Now())
}

func (a *attemptLog) of(id string) []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]time.Time(nil), a.at[id]...)
}

// TestPublishRetriesBackOffWithinBudgetThenFail replays receivers that never recover: a
// webhook answering 503 with an HTML page, one answering 429 without Retry-After, one
// closing the connection, and an outbox whose bucket does not exist (S3 write errors).
// The real worker tries each post the budgeted number of times, each wait longer than
// the one before, and the calendar then shows it failed with the receiver's last words,
// as a short plain-text excerpt.
func TestPublishRetriesBackOffWithinBudgetThenFail(t *testing.T) {
	const budget = 4
	var log attemptLog
	mux := http.NewServeMux()
	mux.HandleFunc("/503", func(w http.ResponseWriter, r *http.Request) {
		log.note(r)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "<html><head><style>h1{color:red}</style></head><body>\n<h1>Down for maintenance</h1><script>alert(1)</script>"+strings.Repeat("<p>details</p>", 500)+"</body></html>")
	})
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		log.note(r)
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"message": "slow down"}`)
	})
	mux.HandleFunc("/close", func(w http.ResponseWriter, r *http.Request) {
		log.note(r)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	receiver := httptest.NewServer(mux)
	t.Cleanup(receiver.Close)
	hook := func(path string) string {
		return fmt.Sprintf(`{type: webhook, url: %q, secret_env: REPURPOSE_TEST_HOOK_SECRET}`, receiver.URL+path)
	}
	st := publishingStackWith(t, `
accounts:
  down: `+hook("/503")+`
  limited: `+hook("/429")+`
  hangup: `+hook("/close")+`
  nobucket: {type: outbox, bucket: outbox-gone}
plans:
  now:
    drip: [{days: 0, kinds: [tweet, linkedin, mastodon, blog]}]
    evergreen: {times: 0}
campaigns:
  default: {auto_approve: true, plan: now}
regions:
  - id: emea
    locales: [en]
    timezone: Europe/Berlin
    channels:
      x: `+fmt.Sprintf(everyDay, "nobucket")+`
      linkedin: `+fmt.Sprintf(everyDay, "down")+`
      mastodon: `+fmt.Sprintf(everyDay, "limited")+`
      blog: `+fmt.Sprintf(everyDay, "hangup")+`
limits:
  publish_attempts: 4
  publish_backoff: 2s
  publish_backoff_max: 1m
`, nil, false)
	// The outbox's bucket exists when the worker starts (a missing one stops it, see
	// TestMissingOutboxBucketIsReportedAtStart), and is deleted before the first post.
	st.s3.CreateBucket("outbox-gone")
	st.startWorker(t.Context())
	rb := exec.Command(testservices.AWSCLI(t), "--endpoint-url", st.s3.Endpoint, "s3", "rb", "s3://outbox-gone")
	rb.Env = st.s3.Environ()
	if out, err := rb.CombinedOutput(); err != nil {
		t.Fatalf("deleting the outbox bucket: %v %s", err, out)
	}
	start := time.Now()
	whitepaper, _ := filepath.Abs("../samples/whitepaper.en.md")
	st.awsCp(whitepaper, "whitepaper.en.md")
	items := st.waitCalendar(t, start, 90*time.Second, allIn(planstore.FailedPost))

	words := map[string]string{"down": "Down for maintenance", "limited": "slow down", "hangup": "no answer", "nobucket": "outbox-gone"}
	seen := map[string]int{}
	for _, it := range items {
		seen[it.Account]++
		p := it.Post
		if p.Attempts != budget || !strings.Contains(p.Error, words[it.Account]) || strings.ContainsAny(p.Error, "<>") || len(p.Error) > 500 {
			t.Errorf("%s on %s: %d attempts, error %q; want %d attempts and %q in a short plain excerpt", it.ID, it.Account, p.Attempts, p.Error, budget, words[it.Account])
		}
		if it.Account == "nobucket" {
			continue // no receiver to time
		}
		at := log.of(it.ID)
		if len(at) != budget {
			t.Errorf("%s on %s reached the receiver %d times, want %d", it.ID, it.Account, len(at), budget)
			continue
		}
		for i := 2; i < len(at); i++ {
			if prev, gap := at[i-1].Sub(at[i-2]), at[i].Sub(at[i-1]); gap <= prev {
				t.Errorf("%s on %s: attempt %d came %s after the one before, which came %s after its own: the waits do not grow", it.ID, it.Account, i+1, gap, prev)
			}
		}
	}
	if len(seen) != len(words) {
		t.Errorf("posts by account %v, want some on each of %d accounts", seen, len(words))
	}
	t.Logf("%d posts failed after %d attempts each in %s; e.g. %q", len(items), budget, time.Since(start).Round(time.Millisecond), items[0].Post.Error)
}

// TestPublishersAgainstHostileServices replays services that try to misuse the worker:
// a webhook target redirecting to an internal address, a document whose title carries a
// <script> for WordPress, and X answering 5xx (which can follow a post it made).
func TestPublishersAgainstHostileServices(t *testing.T) {
	var internalHits, tweets sync.Map
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits.Store(r.URL.Path+time.Now().String(), r.Method)
		io.WriteString(w, `{"id": "INTERNAL-SECRET", "url": "http://10.0.0.1/admin"}`)
	}))
	t.Cleanup(internal.Close)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		http.Redirect(w, r, internal.URL+"/admin/delete-everything", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(redirector.Close)
	x := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.HasPrefix(r.URL.Path, "/2/media/") { // a post's card goes up; the post itself fails
			fmt.Fprintf(w, `{"data": {"id": "m%d"}}`, len(body))
			return
		}
		tweets.Store(string(body)+time.Now().String(), true)
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, `{"title": "Service Unavailable", "detail": "Internal error"}`)
	}))
	t.Cleanup(x.Close)
	var wpMu sync.Mutex
	var wpPosts []map[string]any
	wp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			io.WriteString(w, `[]`) // no post with this slug yet
			return
		}
		var post map[string]any
		json.NewDecoder(r.Body).Decode(&post)
		wpMu.Lock()
		wpPosts = append(wpPosts, post)
		wpMu.Unlock()
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id": 7, "link": "https://blog.example.com/?p=7"}`)
	}))
	t.Cleanup(wp.Close)
	st := publishingStack(t, fmt.Sprintf(`
accounts:
  acme-x: {type: x, api: %q, access_token_env: REPURPOSE_TEST_SECRET}
  hook: {type: webhook, url: %q, secret_env: REPURPOSE_TEST_HOOK_SECRET}
  blog: {type: wordpress, site: %q, user: editor, app_password_env: REPURPOSE_TEST_SECRET}
plans:
  now:
    drip: [{days: 0, kinds: [tweet, linkedin, blog]}]
    evergreen: {times: 0}
campaigns:
  default: {auto_approve: true, plan: now}
regions:
  - id: emea
    locales: [en]
    timezone: Europe/Berlin
    channels:
      x: `+fmt.Sprintf(everyDay, "acme-x")+`
      linkedin: `+fmt.Sprintf(everyDay, "hook")+`
      blog: `+fmt.Sprintf(everyDay, "blog")+`
limits:
  publish_backoff: 1s
`, x.URL, redirector.URL+"/hook", wp.URL), nil)
	const title = `Quiet <script>alert(1)</script> Pagers & <b>Co</b>`
	body, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(body), `title: "Quiet Pagers: Cutting Alert Fatigue in Platform On-Call"`, `title: "`+title+`"`, 1)
	doc = strings.Replace(doc, "On-call should protect customers,", "On-call `<img src=x onerror=alert(2)>` should protect customers,", 1)
	path := filepath.Join(t.TempDir(), "hostile.md")
	writeTestFile(t, path, doc)
	start := time.Now()
	st.awsCp(path, "hostile.md")
	items := st.waitCalendar(t, start, 60*time.Second, func(items []planstore.CalendarItem) bool {
		for _, it := range items {
			if it.Post == nil || it.Post.State == planstore.Publishing || it.Post.State == planstore.Waiting {
				return false
			}
		}
		return true
	})
	byAccount := map[string][]planstore.CalendarItem{}
	for _, it := range items {
		byAccount[it.Account] = append(byAccount[it.Account], it)
	}

	t.Run("a redirect to another host is not followed", func(t *testing.T) {
		n := 0
		internalHits.Range(func(any, any) bool { n++; return true })
		hooks := byAccount["hook"]
		if n != 0 || len(hooks) == 0 {
			t.Fatalf("the internal address got %d requests (want 0); %d webhook posts", n, len(hooks))
		}
		for _, it := range hooks {
			p := it.Post
			if p.State != planstore.FailedPost || p.Attempts != 1 || !strings.Contains(p.Error, "redirected") ||
				strings.Contains(p.Error, "INTERNAL") || strings.Contains(p.Error, "delete-everything") || p.URL != "" {
				t.Errorf("a redirected delivery: %+v; want failed once, saying it was redirected, nothing of the internal service", p)
			}
		}
	})
	t.Run("WordPress gets the escaped title and excerpt", func(t *testing.T) {
		wpMu.Lock()
		defer wpMu.Unlock()
		if len(wpPosts) != 1 {
			t.Fatalf("WordPress got %d posts, want 1", len(wpPosts))
		}
		got := wpPosts[0]
		wantTitle := `Quiet &lt;script&gt;alert(1)&lt;/script&gt; Pagers &amp; &lt;b&gt;Co&lt;/b&gt;`
		excerpt, _ := got["excerpt"].(string)
		if got["title"] != wantTitle || strings.ContainsAny(excerpt, "<>") {
			t.Errorf("WordPress got title %q and excerpt %q; want them escaped (title %q)", got["title"], excerpt, wantTitle)
		}
		// The title's markup heads the content as text, escaped; none of the source's markup
		// (the title's, the summary's) is live in it.
		if content, _ := got["content"].(string); strings.Contains(content, "<script") || strings.Contains(content, "<img") ||
			strings.Contains(content, "<b>") || !strings.Contains(content, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("the content carries markup, or not the title's as text: %.600s", content)
		}
	})
	t.Run("a 5xx from X is unknown, not retried", func(t *testing.T) {
		n := 0
		tweets.Range(func(any, any) bool { n++; return true })
		xs := byAccount["acme-x"]
		if len(xs) == 0 || n != len(xs) {
			t.Fatalf("X got %d requests for %d posts, want one each", n, len(xs))
		}
		for _, it := range xs {
			if p := it.Post; p.State != planstore.Unknown || p.Attempts != 1 || !strings.Contains(p.Error, "503") {
				t.Errorf("a post X answered 503: %+v; want unknown after one attempt, with X's answer", p)
			}
		}
	})
}

// TestPostDueWhileXDisconnectedWaitsAndIsPlannedAgainOnConnect: posts come due on an X
// account no one has connected. They wait for it, saying so, and nothing reaches X; when
// an admin connects the account on the Accounts page, they are planned again from then
// and go out with the new connection's token.
func TestPostDueWhileXDisconnectedWaitsAndIsPlannedAgainOnConnect(t *testing.T) {
	var mu sync.Mutex
	var auths []string
	tweetCount := 0
	x := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		auths = append(auths, r.Header.Get("Authorization"))
		if r.URL.Path == "/2/tweets" { // a post's cards go up first, on their own requests
			tweetCount++
		}
		n := len(auths)
		mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"data": {"id": "%d"}}`, 1000+n)
	}))
	t.Cleanup(x.Close)
	provider := http.NewServeMux()
	provider.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) { // the admin approves
		q := r.URL.Query()
		http.Redirect(w, r, q.Get("redirect_uri")+"?"+url.Values{"code": {"the-code"}, "state": {q.Get("state")}}.Encode(), http.StatusFound)
	})
	provider.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"access_token": "connected-token", "token_type": "bearer", "expires_in": 7200, "refresh_token": "r"}`)
	})
	auth := httptest.NewServer(provider)
	t.Cleanup(auth.Close)
	st := publishingStack(t, fmt.Sprintf(`
accounts:
  acme-x: {type: x, api: %q, client_id: the-app, auth_url: %q, token_url: %q}
plans:
  now:
    drip: [{days: 0, kinds: [tweet]}]
    evergreen: {times: 0}
campaigns:
  default: {auto_approve: true, plan: now}
regions:
  - id: emea
    locales: [en]
    timezone: Europe/Berlin
    channels:
      x: `+fmt.Sprintf(everyDay, "acme-x")+`
`, x.URL, auth.URL+"/authorize", auth.URL+"/token"), func(c *config.Config) {
		c.Infra.TokenKey = make([]byte, 32)
		rand.Read(c.Infra.TokenKey)
	})
	start := time.Now()
	whitepaper, _ := filepath.Abs("../samples/whitepaper.en.md")
	st.awsCp(whitepaper, "whitepaper.en.md")
	waiting := st.waitCalendar(t, start, 60*time.Second, allIn(planstore.Waiting))
	for _, it := range waiting {
		if e := it.Post.Error; !strings.Contains(e, "waiting for the account acme-x") || !strings.Contains(e, "Accounts page") {
			t.Errorf("%s waits saying %q; want the account and what to do", it.ID, e)
		}
	}
	mu.Lock()
	if len(auths) != 0 {
		t.Errorf("X got %d requests while the account was not connected", len(auths))
	}
	mu.Unlock()

	// The admin connects the account: Connect, the provider's approval, the callback.
	connected := time.Now()
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	next := st.url + "/ui/accounts/acme-x/connect"
	for _, method := range []string{"POST", "GET", "GET"} {
		req, _ := http.NewRequest(method, next, nil)
		req.Header.Set("Authorization", "Bearer "+testAdminToken)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		res, err := browser.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if next = res.Header.Get("Location"); res.StatusCode/100 != 3 || next == "" {
			t.Fatalf("%s %s: HTTP %d, no redirect", method, req.URL, res.StatusCode)
		}
	}
	if next != "/ui/accounts?connected=acme-x" {
		t.Fatalf("the callback sent the admin to %q", next)
	}
	published := st.waitCalendar(t, connected, 60*time.Second, allIn(planstore.Published))
	for _, it := range published {
		if !it.At.After(connected.Add(-time.Second)) {
			t.Errorf("%s went out at its old time %v, not planned again after the connection at %v", it.ID, it.At, connected)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if tweetCount != len(waiting) || len(published) != len(waiting) {
		t.Errorf("%d posts waited, %d published, X got %d posts; want each once", len(waiting), len(published), tweetCount)
	}
	for _, a := range auths {
		if a != "Bearer connected-token" {
			t.Errorf("X got Authorization %q, want the connected account's token", a)
		}
	}
}
