package systemtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/app"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/webhook"
	"github.com/repurpose/repurpose/tasks"
)

// hookReceiver is a webhook endpoint (a Zapier or in-house CMS stand-in) that checks
// each delivery's signature and notes when it came.
type hookReceiver struct {
	t      *testing.T
	secret string
	mu     sync.Mutex
	got    []delivery
}

type delivery struct {
	Post publish.Post
	When time.Time
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := webhook.Verify(h.secret, r.Header, body, time.Now(), time.Minute); err != nil {
		h.t.Errorf("a webhook delivery failed verification: %v", err)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	// A post with files comes as multipart/form-data: the JSON first ("post"), then
	// the files.
	post := body
	if mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		part, err := multipart.NewReader(bytes.NewReader(body), params["boundary"]).NextPart()
		if err != nil || part.FormName() != "post" {
			h.t.Errorf("a webhook delivery with files does not start with the post: %v", err)
		} else {
			post, _ = io.ReadAll(part)
		}
	}
	var p publish.Post
	if err := json.Unmarshal(post, &p); err != nil {
		h.t.Errorf("a webhook delivery is not a post: %v", err)
	}
	h.mu.Lock()
	h.got = append(h.got, delivery{p, time.Now()})
	h.mu.Unlock()
	fmt.Fprintf(w, `{"id": "cms-%s"}`, p.ID)
}

func (h *hookReceiver) deliveries() []delivery {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]delivery(nil), h.got...)
}

// calendarAnswer is GET /api/v1/calendar.
type calendarAnswer struct {
	Region, TimeZone string
	Items            []planstore.CalendarItem
}

// TestDropIsPublishedOnWebhookAndOutboxAtPlannedInstants runs the whole way on
// redis-server and versitygw: a whitepaper copied in with the AWS CLI is derived,
// auto-approved, planned in a region's calendar (short windows, seconds of spacing),
// and its posts arrive at a signed webhook and in an S3 outbox at their planned instants,
// each once, even when a task is delivered twice. A second paper shares the accounts'
// capacity, and withdrawing it cancels its posts before any goes out.
func TestDropIsPublishedOnWebhookAndOutboxAtPlannedInstants(t *testing.T) {
	hook := &hookReceiver{t: t, secret: "hook-secret-for-tests"}
	receiver := httptest.NewServer(hook)
	t.Cleanup(receiver.Close)
	t.Setenv("REPURPOSE_TEST_HOOK_SECRET", hook.secret)
	st := newStack(t, true, func(c *config.Config) {
		f := &c.File
		f.Accounts = map[string]config.Account{
			"hook":   {Type: "webhook", Settings: map[string]string{"url": receiver.URL + "/posts", "secret_env": "REPURPOSE_TEST_HOOK_SECRET"}},
			"outbox": {Type: "outbox", Settings: map[string]string{"bucket": "toolkit", "prefix": "outbox/"}},
		}
		window := config.Window{}
		if err := window.UnmarshalText([]byte("daily 00:00-24:00")); err != nil {
			t.Fatal(err)
		}
		ch := func(acct string) config.RegionChannel {
			return config.RegionChannel{Account: acct, Windows: []config.Window{window}, Spacing: config.Duration(2 * time.Second), MaxPerDay: 100}
		}
		f.Regions = []config.Region{{ID: "emea", Name: "EMEA", Locales: []string{"en"}, TimeZone: "Europe/Berlin",
			Channels: map[string]config.RegionChannel{"x": ch("hook"), "linkedin": ch("hook"), "mastodon": ch("outbox"), "blog": ch("outbox")}}}
		none := 0
		f.Plans = map[string]config.Plan{"now": {Drip: []config.DripStep{{Days: config.DayRange{}, Kinds: []string{"tweet", "linkedin", "mastodon", "blog"}}},
			Evergreen: config.Evergreen{Times: &none, Best: 1, EveryDays: 30, CooldownDays: 30}}}
		def := f.Campaigns["default"]
		def.AutoApprove, def.Plan = true, "now"
		f.Campaigns["default"] = def
	})
	start := time.Now()
	whitepaper, _ := filepath.Abs("../samples/whitepaper.en.md")
	st.awsCp(whitepaper, "whitepaper.en.md")
	a := st.waitSource("whitepaper.en.md", 30*time.Second)
	if a.Source.Status != "ready" {
		t.Fatalf("whitepaper: %s %s", a.Source.Status, a.Source.Error)
	}
	id := sourceID("whitepaper.en.md")

	// The plan: the paper's tweets and its LinkedIn post on the webhook, its Mastodon posts
	// and the blog teaser in the outbox, each account's posts 2 s apart.
	onHook, inOutbox := kindsOf(a, "tweet", "linkedin"), kindsOf(a, "mastodon", "blog")
	all := onHook + inOutbox
	if kindsOf(a, "tweet") < 2 || kindsOf(a, "linkedin", "blog") != 2 || kindsOf(a, "mastodon") < 1 {
		t.Fatalf("the paper gave too few posts to plan: %v", a.Source.Counts)
	}
	var cal calendarAnswer
	deadline := time.Now().Add(20 * time.Second)
	for len(cal.Items) < all && time.Now().Before(deadline) {
		cal = calendarAnswer{}
		st.api("GET", "/api/v1/calendar?region=emea&from="+start.Add(-time.Minute).UTC().Format(time.RFC3339), testAdminToken, &cal)
		time.Sleep(100 * time.Millisecond)
	}
	if len(cal.Items) != all || cal.TimeZone != "Europe/Berlin" {
		t.Fatalf("the calendar holds %d posts in %q, want %d in Europe/Berlin: %+v", len(cal.Items), cal.TimeZone, all, cal.Items)
	}
	planned := map[string]planstore.CalendarItem{}
	last := map[string]time.Time{}
	for _, it := range cal.Items {
		planned[it.ID] = it
		if prev, ok := last[it.Account]; ok && it.At.Sub(prev) < 2*time.Second {
			t.Errorf("%s: posts at %v and %v are closer than the 2 s spacing", it.Account, prev, it.At)
		}
		last[it.Account] = it.At
	}
	t.Logf("%s: planned %d posts, the last at +%s", time.Since(start).Round(time.Millisecond), len(cal.Items), time.Until(cal.Items[7].At).Round(time.Millisecond))

	// A second paper takes each account's next free slots, after the first paper's;
	// withdrawing it cancels them before any goes out.
	second := filepath.Join(t.TempDir(), "second.md")
	writeTestFile(t, second, "# Second paper\n\n## Why\n\nQueues absorb bursts so that 90% of requests finish within a second even when traffic triples.\n\n"+
		"Retries need backoff, or a small outage becomes a large one for every customer at once.\n")
	st.awsCp(second, "second.md")
	if a := st.waitSource("second.md", 30*time.Second); a.Source.Status != "ready" {
		t.Fatalf("second.md: %s %s", a.Source.Status, a.Source.Error)
	}
	var plan *planstore.Plan
	for deadline := time.Now().Add(15 * time.Second); plan == nil || len(plan.Entries) == 0; time.Sleep(50 * time.Millisecond) {
		plan, _ = st.app.Toolkit.Plans().SourcePlan(t.Context(), sourceID("second.md"))
		if time.Now().After(deadline) {
			t.Fatal("the second paper was not planned")
		}
	}
	for _, e := range plan.Entries {
		if e.Status == planstore.Planned && !e.At.After(last[e.Account]) {
			t.Errorf("the second paper's %s on %s at %v is not after the first paper's last post there (%v)", e.Kind, e.Account, e.At, last[e.Account])
		}
	}
	if code := st.api("POST", "/api/v1/sources/"+sourceID("second.md")+"/withdraw", testAdminToken, nil); code != 200 {
		t.Fatalf("withdraw: HTTP %d", code)
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		plan, _ = st.app.Toolkit.Plans().SourcePlan(t.Context(), sourceID("second.md"))
		cancelled := 0
		for _, e := range plan.Entries {
			if e.Status == planstore.Cancelled && e.Reason == "the source was withdrawn" {
				cancelled++
			}
		}
		if cancelled == len(plan.Entries) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the withdrawn paper's plan is not all cancelled: %+v", plan.Entries)
		}
	}
	t.Logf("%s: the second paper's %d posts were planned after the first's, then cancelled by its withdrawal", time.Since(start).Round(time.Millisecond), len(plan.Entries))

	// Wait for every post to be out.
	deadline = time.Now().Add(40 * time.Second)
	for {
		cal = calendarAnswer{}
		st.api("GET", "/api/v1/calendar?region=emea&from="+start.Add(-time.Minute).UTC().Format(time.RFC3339), testAdminToken, &cal)
		out := 0
		for _, it := range cal.Items {
			if it.Post != nil && it.Post.State == planstore.Published {
				out++
			}
		}
		if out == all {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d posts published after 40 s: %+v", out, all, cal.Items)
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // past the withdrawn paper's first would-be slots
	got := hook.deliveries()
	if len(got) != onHook {
		t.Fatalf("%d webhook deliveries, want %d (the tweets and the LinkedIn post) and none of the withdrawn paper's: %+v", len(got), onHook, got)
	}
	for _, d := range got {
		it, ok := planned[d.Post.ID]
		if !ok {
			t.Errorf("delivery %s is not a planned post", d.Post.ID)
			continue
		}
		// At its planned instant: not before it, and within the worker's few seconds.
		if !d.Post.At.Equal(it.At) || d.When.Before(it.At) || d.When.Sub(it.At) > 3*time.Second {
			t.Errorf("%s planned for %v arrived at %v (its post says %v)", it.ID, it.At, d.When, d.Post.At)
		}
		if d.Post.Text == "" || d.Post.Link == "" || !strings.Contains(d.Post.Text, d.Post.Link) || d.Post.SourceID != id {
			t.Errorf("delivery %s: text %q, link %q, source %q", d.Post.ID, d.Post.Text, d.Post.Link, d.Post.SourceID)
		}
	}
	for _, it := range cal.Items {
		if it.Post.RemoteID == "" || it.Post.Attempts != 1 {
			t.Errorf("%s: remote id %q after %d attempts", it.ID, it.Post.RemoteID, it.Post.Attempts)
		}
		if it.Account != "outbox" {
			continue
		}
		key := it.Post.RemoteID
		obj, err := st.app.S3.Get(t.Context(), "toolkit", key, 1<<20)
		if err != nil {
			t.Errorf("the outbox file of %s (%s): %v", it.ID, key, err)
			continue
		}
		var p publish.Post
		if err := json.Unmarshal(obj.Body, &p); err != nil || !p.At.Equal(it.At) || p.Channel != it.Channel {
			t.Errorf("outbox %s holds %+v (%v)", key, p, err)
		}
		if want := fmt.Sprintf("outbox/emea/%s/%s/%s-%s.json", it.Channel, it.At.UTC().Format("2006-01-02"), it.At.UTC().Format("1504"), it.ID); key != want {
			t.Errorf("outbox key %s, want %s", key, want)
		}
	}
	t.Logf("%s: all %d posts out at their instants", time.Since(start).Round(time.Millisecond), all)

	// The terminal view says the same, in Berlin time.
	var term strings.Builder
	if err := app.PrintCalendar(t.Context(), &term, st.app.Toolkit, st.app.Config, "emea", 1, 1); err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if n, files := strings.Count(term.String(), " published"), strings.Count(term.String(), "s3://toolkit/outbox/emea/"); n != all || files != inOutbox ||
		!strings.Contains(term.String(), "emea (Europe/Berlin)") || !strings.Contains(term.String(), cal.Items[0].At.In(berlin).Format("Mon 02 Jan 15:04")) {
		t.Errorf("repurpose calendar shows %d posts published and %d outbox files, want %d and %d, in Berlin time:\n%s", n, files, all, inOutbox, term.String())
	}

	// A second delivery of a published post's task publishes nothing.
	tweet := got[0].Post
	payload, _ := json.Marshal(tasks.Publish{EntryID: tweet.ID, SourceID: id, At: tweet.At})
	client := asynq.NewClient(st.app.RedisOpt)
	defer client.Close()
	info, err := client.Enqueue(asynq.NewTask(tasks.TypePublish, payload), asynq.Queue(tasks.QueuePublish))
	if err != nil {
		t.Fatal(err)
	}
	insp := asynq.NewInspector(st.app.RedisOpt)
	defer insp.Close()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := insp.GetTaskInfo(tasks.QueuePublish, info.ID); errors.Is(err, asynq.ErrTaskNotFound) {
			break // handled and gone
		}
		if time.Now().After(deadline) {
			t.Fatal("the repeated task was not handled within 10 s")
		}
	}
	if n := len(hook.deliveries()); n != onHook {
		t.Errorf("a repeated task delivered the post again: %d deliveries", n)
	}
	t.Logf("%s: a repeated task published nothing", time.Since(start).Round(time.Millisecond))
}

func writeTestFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReindexRequeuesPlannedPostsAfterRedisIsFlushed plans a paper's posts for tomorrow
// on redis-server, loses everything in Redis (FLUSHALL), and runs reindex: the calendar
// comes back from the plans in S3 and every post is queued again under its own TaskID at
// its own instant.
func TestReindexRequeuesPlannedPostsAfterRedisIsFlushed(t *testing.T) {
	t.Setenv("REPURPOSE_TEST_HOOK_SECRET", "s")
	st := newStack(t, true, func(c *config.Config) {
		f := &c.File
		f.Accounts = map[string]config.Account{"hook": {Type: "webhook", Settings: map[string]string{"url": "http://127.0.0.1:9/none", "secret_env": "REPURPOSE_TEST_HOOK_SECRET"}}}
		var w config.Window
		w.UnmarshalText([]byte("daily 09:00-17:00"))
		f.Regions = []config.Region{{ID: "amer", Locales: []string{"en"}, TimeZone: "America/New_York",
			Channels: map[string]config.RegionChannel{"x": {Account: "hook", Windows: []config.Window{w}, Spacing: config.Duration(time.Hour), MaxPerDay: 5}}}}
		none := 0
		f.Plans = map[string]config.Plan{"later": {Drip: []config.DripStep{{Days: config.DayRange{From: 1, To: 1}, Kinds: []string{"tweet"}}},
			Evergreen: config.Evergreen{Times: &none, Best: 1, EveryDays: 30, CooldownDays: 30}}}
		def := f.Campaigns["default"]
		def.AutoApprove, def.Plan = true, "later"
		f.Campaigns["default"] = def
	})
	whitepaper, _ := filepath.Abs("../samples/whitepaper.en.md")
	st.awsCp(whitepaper, "whitepaper.en.md")
	tweets := kindsOf(st.waitSource("whitepaper.en.md", 30*time.Second), "tweet")
	var plan *planstore.Plan
	for deadline := time.Now().Add(15 * time.Second); tweets < 2 || plan == nil || len(plan.Entries) != tweets; time.Sleep(50 * time.Millisecond) {
		plan, _ = st.app.Toolkit.Plans().SourcePlan(t.Context(), sourceID("whitepaper.en.md"))
		if time.Now().After(deadline) {
			t.Fatalf("the paper's %d tweets were not planned: %+v", tweets, plan)
		}
	}
	insp := asynq.NewInspector(st.app.RedisOpt)
	defer insp.Close()
	if err := st.app.Redis.FlushAll(t.Context()).Err(); err != nil {
		t.Fatal(err)
	}
	// As `repurpose reindex` runs: a process of its own, with its own connections.
	reindex, err := app.Connect(t.Context(), st.app.Config, st.app.Log, st.app.S3)
	if err != nil {
		t.Fatal(err)
	}
	defer reindex.Close()
	var out strings.Builder
	if err := reindex.Reindex(t.Context(), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), fmt.Sprintf("plans: %d posts queued again, 0 sources re-planned (posts overdue); link counts: 0 periods restored", tweets)) {
		t.Errorf("reindex says:\n%s", out.String())
	}
	ny, _ := time.LoadLocation("America/New_York")
	for _, e := range plan.Entries {
		info, err := insp.GetTaskInfo(tasks.QueuePublish, tasks.PublishTaskID(e.ID, e.At))
		if err != nil || !info.NextProcessAt.Equal(e.At) {
			t.Errorf("%s: task %v (%v), want it scheduled at %v", e.ID, info, err, e.At)
		}
		if h := e.At.In(ny).Hour(); h < 9 || h >= 17 {
			t.Errorf("%s planned at %s New York time, outside 09:00-17:00", e.ID, e.At.In(ny).Format("15:04"))
		}
	}
	var cal calendarAnswer
	st.api("GET", "/api/v1/calendar?region=amer", testAdminToken, &cal)
	if len(cal.Items) != tweets {
		t.Errorf("the calendar after reindex holds %d posts, want %d", len(cal.Items), tweets)
	}
}

// TestTrackedLinksEndToEnd runs tracking on redis-server and versitygw: published posts
// carry their region's short link; following it lands on the canonical page tagged for the
// channel with a click ID; the click and a conversion show in the analytics per post
// published, and the counts are rolled up into S3.
func TestTrackedLinksEndToEnd(t *testing.T) {
	hook := &hookReceiver{t: t, secret: "hook-secret-for-tests"}
	receiver := httptest.NewServer(hook)
	t.Cleanup(receiver.Close)
	t.Setenv("REPURPOSE_TEST_HOOK_SECRET", hook.secret)
	var shortBase string
	st := newStack(t, true, func(c *config.Config) {
		f := &c.File
		f.Tracking.ShortURL, f.Tracking.ClickParam = c.Infra.PublicURL, "rp_click"
		shortBase = c.Infra.PublicURL
		f.Accounts = map[string]config.Account{"hook": {Type: "webhook", Settings: map[string]string{"url": receiver.URL, "secret_env": "REPURPOSE_TEST_HOOK_SECRET"}}}
		var w config.Window
		w.UnmarshalText([]byte("daily 00:00-24:00"))
		f.Regions = []config.Region{{ID: "emea", Locales: []string{"en"}, TimeZone: "Europe/Berlin",
			Channels: map[string]config.RegionChannel{"x": {Account: "hook", Windows: []config.Window{w}, Spacing: config.Duration(time.Second), MaxPerDay: 50}}}}
		none := 0
		f.Plans = map[string]config.Plan{"now": {Drip: []config.DripStep{{Days: config.DayRange{}, Kinds: []string{"tweet"}}},
			Evergreen: config.Evergreen{Times: &none, Best: 1, EveryDays: 30, CooldownDays: 30}}}
		def := f.Campaigns["default"]
		def.AutoApprove, def.Plan = true, "now"
		f.Campaigns["default"] = def
	})
	whitepaper, _ := filepath.Abs("../samples/whitepaper.en.md")
	st.awsCp(whitepaper, "whitepaper.en.md")
	tweets := kindsOf(st.waitSource("whitepaper.en.md", 30*time.Second), "tweet")
	for deadline := time.Now().Add(30 * time.Second); tweets == 0 || len(hook.deliveries()) < tweets; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d tweets delivered", len(hook.deliveries()), tweets)
		}
	}
	post := hook.deliveries()[0].Post
	if !strings.HasPrefix(post.Link, shortBase+"/r/") || !strings.Contains(post.Text, post.Link) {
		t.Fatalf("the post carries %q (text %q), want its tracked link on %s", post.Link, post.Text, shortBase)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", post.Link, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (a reader)")
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, _ := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound || loc.Host != "example.com" || loc.Query().Get("utm_source") != "x" || loc.Query().Get("rp_click") == "" {
		t.Fatalf("following the link: %d to %s", res.StatusCode, loc)
	}
	body := strings.NewReader(`{"click_id":"` + loc.Query().Get("rp_click") + `"}`)
	if res, err := http.Post(st.url+"/api/v1/conversions", "application/json", body); err != nil || res.StatusCode != http.StatusAccepted {
		t.Fatalf("conversion: %v %v", res, err)
	}
	st.app.Toolkit.Links().Flush() // the click reaches Redis now, not at the next tick
	var rep struct {
		Totals struct{ Clicks, Conversions, Posts int64 }
		Rows   []struct {
			Key           string
			Clicks, Posts int64
		}
	}
	if code := st.api("GET", "/api/v1/analytics?by=region", testAdminToken, &rep); code != 200 ||
		rep.Totals.Clicks != 1 || rep.Totals.Conversions != 1 || rep.Totals.Posts != int64(tweets) || len(rep.Rows) != 1 || rep.Rows[0].Key != "emea" {
		t.Errorf("analytics: HTTP %d %+v", code, rep)
	}
	if n, err := st.app.Toolkit.Links().RollUp(t.Context()); err != nil || n < 2 {
		t.Fatalf("rollup: %d, %v", n, err)
	}
	obj, err := st.app.S3.Get(t.Context(), "toolkit", "stats/days/"+time.Now().UTC().Format("20060102")+".json", 1<<20)
	if err != nil || !strings.Contains(string(obj.Body), `"c:`) {
		t.Errorf("the day's rollup in versitygw: %v", err)
	}
}

// kindsOf counts a source's derivatives of the given kinds.
func kindsOf(a sourceAnswer, kinds ...string) int {
	n := 0
	for _, d := range a.Derivatives {
		if slices.Contains(kinds, d.Kind) {
			n++
		}
	}
	return n
}
