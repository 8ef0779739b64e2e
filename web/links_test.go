package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/web/auth"
)

// trackedFixture is a toolkit with tracking on and one approved source.
func trackedFixture(t testing.TB) (*testKit, *redis.Client, record.Derivative) {
	t.Helper()
	tk, _ := newTestToolkit(t)
	tk.cfg.File.Tracking.ShortURL, tk.cfg.File.Tracking.ClickParam = "https://go.example.com", "rp_click"
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	return tk, tk.rdb.(*redis.Client), firstOf(t, ds, "snippet", "any")
}

func hit(h http.Handler, method, path, ua, ip string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	r.Header.Set("User-Agent", ua)
	r.RemoteAddr = ip + ":5555"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// With a short-link domain, a derivative's backlink is its tracked link; /r/{code} sends a
// person to the canonical page, tagged for the channel, with a click ID; an unknown code
// is a 404 page and never a redirect.
func TestTrackedLinksRedirect(t *testing.T) {
	tk, _, d := trackedFixture(t)
	code := record.TrackedCode(d.ID, string(d.Channel), "")
	if d.Backlink != "https://go.example.com/r/"+code || d.Canonical == "" || !strings.Contains(d.Text, d.Backlink) || strings.Contains(d.Text, d.Canonical) {
		t.Fatalf("backlink %q, canonical %q, text %q", d.Backlink, d.Canonical, d.Text)
	}
	if record.TrackedCode(d.ID, string(d.Channel), "") != code || record.TrackedCode(d.ID, "x", "emea") == code || len(code) != 10 {
		t.Errorf("codes are not stable and distinct: %s", code)
	}
	h := tk.Handler()
	w := hit(h, "GET", "/r/"+code, "Mozilla/5.0 (Macintosh)", "203.0.113.7")
	loc, _ := url.Parse(w.Header().Get("Location"))
	canon, _ := url.Parse(d.Canonical)
	if w.Code != http.StatusFound || loc.Host != canon.Host || loc.Path != canon.Path || loc.Fragment != canon.Fragment ||
		loc.Query().Get("utm_source") != "any" || w.Header().Get("Cache-Control") != "private, no-store" {
		t.Errorf("redirect: %d to %s (canonical %s), cache %q", w.Code, loc, d.Canonical, w.Header().Get("Cache-Control"))
	}
	if c, err := tk.links.ClickCode(t.Context(), loc.Query().Get("rp_click")); err != nil || c != code {
		t.Errorf("click ID %q: code %q (%v)", loc.Query().Get("rp_click"), c, err)
	}
	for _, bad := range []string{"/r/nosuchcode", "/r/" + code + "x", "/r/..%2f..%2fetc"} {
		w := hit(h, "GET", bad, "Mozilla/5.0", "203.0.113.7")
		if w.Code != http.StatusNotFound || w.Header().Get("Location") != "" || !strings.Contains(w.Body.String(), "not known") {
			t.Errorf("%s: %d, Location %q", bad, w.Code, w.Header().Get("Location"))
		}
	}
}

// Clicks, previews and unique visitors are counted apart: HEAD and preview bots are
// previews; two people are two visitors however often they click; raw addresses are never
// stored; a graceful close writes every click still buffered.
func TestClicksPreviewsAndUniques(t *testing.T) {
	tk, rdb, d := trackedFixture(t)
	code := record.TrackedCode(d.ID, string(d.Channel), "")
	h := tk.Handler()
	var wg sync.WaitGroup
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ip := []string{"198.51.100.20", "198.51.100.21"}[i%2]
			hit(h, "GET", "/r/"+code, "Mozilla/5.0 (person)", ip)
		}()
	}
	wg.Wait()
	for _, ua := range []string{"Twitterbot/1.0", "LinkedInBot/1.0 (compatible; Mozilla/5.0)", "Slackbot-LinkExpanding 1.0",
		"facebookexternalhit/1.1", "Mozilla/5.0 (compatible; Discordbot/2.0)", "Mastodon/4.3.0 (http.rb/5.2.0; +https://mastodon.social/)"} {
		hit(h, "GET", "/r/"+code, ua, "192.0.2.1")
	}
	hit(h, "HEAD", "/r/"+code, "Mozilla/5.0 (person)", "198.51.100.20")
	tk.links.Flush()
	day := time.Now().UTC().Format("20060102")
	counts, _ := rdb.HGetAll(t.Context(), "repurpose:ct:d:"+day).Result()
	if counts["c:"+code] != "300" || counts["p:"+code] != "7" {
		t.Errorf("day counts %v, want 300 clicks and 7 previews", counts)
	}
	if r, err := tk.links.DayCounts(t.Context(), time.Now()); err != nil || r.Uniques[code] != 2 {
		t.Errorf("%d unique visitors (%v), want 2", r.Uniques[code], err)
	}
	keys, _ := rdb.Keys(t.Context(), "*").Result()
	for _, k := range keys {
		dump, _ := rdb.Dump(t.Context(), k).Result()
		if strings.Contains(k+dump, "198.51.100") {
			t.Errorf("a raw address is stored in %s", k)
		}
	}
}

// A conversion is attributed through the click ID the landing page received: the first
// from a click is a new person, the next a returning one; the pixel counts too and always
// answers an image; an unknown click ID is refused.
func TestConversions(t *testing.T) {
	tk, rdb, d := trackedFixture(t)
	code := record.TrackedCode(d.ID, string(d.Channel), "")
	h := tk.Handler()
	w := hit(h, "GET", "/r/"+code, "Mozilla/5.0", "198.51.100.9")
	tk.links.Flush()
	loc, _ := url.Parse(w.Header().Get("Location"))
	click := loc.Query().Get("rp_click")
	post := func(body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/api/v1/conversions", strings.NewReader(body))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := post(`{"click_id":"` + click + `"}`); w.Code != 202 || !strings.Contains(w.Body.String(), `"returning":false`) {
		t.Errorf("first conversion: %d %s", w.Code, w.Body)
	}
	if w := post(`{"click_id":"` + click + `"}`); !strings.Contains(w.Body.String(), `"returning":true`) {
		t.Errorf("second conversion: %d %s", w.Code, w.Body)
	}
	if w := post(`{"click_id":"forged"}`); w.Code != 400 {
		t.Errorf("a malformed click: %d %s", w.Code, w.Body)
	}
	if w := post(`{"click_id":"zzzzzzzzzz.` + strings.Split(click, ".")[1] + `.abcdefghij"}`); w.Code != 400 {
		t.Errorf("an unknown click: %d %s", w.Code, w.Body)
	}
	if w := post(`{}`); w.Code != 400 {
		t.Errorf("an empty postback: %d", w.Code)
	}
	w = hit(h, "GET", fmt.Sprintf("/c/%s.gif", code), "Mozilla/5.0", "198.51.100.9")
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/gif" || !strings.HasPrefix(w.Body.String(), "GIF89a") {
		t.Errorf("pixel: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	if w := hit(h, "GET", "/c/unknown.gif", "Mozilla/5.0", "198.51.100.9"); w.Code != 200 {
		t.Errorf("the pixel of an unknown code: %d, want the image anyway", w.Code)
	}
	counts, _ := rdb.HGetAll(t.Context(), "repurpose:ct:d:"+time.Now().UTC().Format("20060102")).Result()
	if counts["v:"+code] != "3" || counts["vn:"+code] != "2" || counts["vr:"+code] != "1" {
		t.Errorf("conversion counts %v, want 3 (2 new, 1 returning)", counts)
	}
}

// Counts survive the loss of Redis: rolled up to S3, restored by reindex once, added to
// the clicks that came in meanwhile, and the links themselves come back from the bundles.
func TestCountsSurviveRedisLoss(t *testing.T) {
	tk, rdb, d := trackedFixture(t)
	ctx := t.Context()
	code := record.TrackedCode(d.ID, string(d.Channel), "")
	h := tk.Handler()
	clicks := func(n int, ip string) {
		for range n {
			hit(h, "GET", "/r/"+code, "Mozilla/5.0", ip)
		}
		tk.links.Flush() // as a restarted serve would have
	}
	dayCount := func() string {
		v, _ := rdb.HGet(ctx, "repurpose:ct:d:"+time.Now().UTC().Format("20060102"), "c:"+code).Result()
		return v
	}
	clicks(5, "198.51.100.1")
	if n, err := tk.links.RollUp(ctx); err != nil || n != 2 {
		t.Fatalf("rolled up %d periods (%v), want the hour and the day", n, err)
	}
	rdb.FlushAll(ctx)
	tk = tk.restart() // a new process
	h = tk.Handler()
	clicks(2, "198.51.100.2") // the link is unknown until reindex: these are 404s
	if _, err := tk.rec.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	clicks(2, "198.51.100.2")
	if n, err := tk.links.RestoreCounts(ctx); err != nil || n != 2 {
		t.Fatalf("restored %d periods (%v), want 2", n, err)
	}
	if got := dayCount(); got != "7" {
		t.Errorf("clicks today after the restore: %s, want 5 from before the loss + 2 after", got)
	}
	if n, _ := tk.links.RestoreCounts(ctx); n != 0 || dayCount() != "7" {
		t.Errorf("a second restore added %d periods: %s clicks", n, dayCount())
	}
	r, err := tk.links.DayCounts(ctx, time.Now())
	if err != nil || r.Uniques[code] != 2 {
		t.Errorf("uniques after the restore %v (%v), want 2 (one before, one after; HyperLogLog plus the restored count)", r.Uniques, err)
	}
	// And again: the rollup now holds everything.
	tk.links.RollUp(ctx)
	rdb.FlushAll(ctx)
	tk.links.RestoreCounts(ctx)
	if got := dayCount(); got != "7" {
		t.Errorf("after a second loss: %s clicks, want 7", got)
	}
}

// Analytics answer which derivative, channel and region bring clicks and conversions, per
// post published; regional users see their regions; the dashboard draws the days and the
// CSV carries the same rows.
func TestAnalytics(t *testing.T) {
	tk, _, d := trackedFixture(t)
	ctx := t.Context()
	tk.cfg.File.Regions = []config.Region{{ID: "emea", Locales: []string{"en"}, TimeZone: "Europe/Berlin",
		Channels: map[string]config.RegionChannel{"x": {Account: "hook"}}}}
	tk.cfg.File.Users = append(tk.cfg.File.Users,
		config.User{Name: "mia", Role: config.RoleMarketing, TokenSHA256: auth.HashToken("mkt")},
		config.User{Name: "ana", Role: config.RoleRegional, Regions: []string{"emea"}, TokenSHA256: auth.HashToken("emea-token")})
	xCode := record.TrackedCode(d.ID, "x", "emea")
	at := time.Now().UTC().Add(-time.Hour)
	e := planstore.PlanEntry{ID: "e1", SourceID: d.SourceID, DerivativeID: d.ID, Kind: string(d.Kind), Channel: "x", Locale: "en", Region: "emea", Account: "hook",
		At: at, Status: planstore.Planned, Code: xCode, Target: links.Target(d.Canonical, "x"), Link: "https://go.example.com/r/" + xCode}
	if err := tk.plans.SavePlan(ctx, &planstore.Plan{SourceID: d.SourceID, Entries: []planstore.PlanEntry{e}}, nil); err != nil {
		t.Fatal(err)
	}
	tk.plans.PutPostRecord(ctx, &planstore.PostRecord{EntryID: "e1", SourceID: d.SourceID, State: planstore.Published, RemoteID: "1"})
	h := tk.Handler()
	var clicks []string
	for i := range 6 {
		w := hit(h, "GET", "/r/"+xCode, "Mozilla/5.0", fmt.Sprintf("198.51.100.%d", i%2))
		loc, _ := url.Parse(w.Header().Get("Location"))
		clicks = append(clicks, loc.Query().Get("rp_click"))
	}
	for range 3 {
		hit(h, "GET", "/r/"+record.TrackedCode(d.ID, string(d.Channel), ""), "Mozilla/5.0", "203.0.113.5")
	}
	tk.links.Flush()
	for _, c := range clicks[:2] {
		if _, _, err := tk.links.Convert(ctx, c, "", false); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := tk.analytics.Report(ctx, time.Now().AddDate(0, 0, -1), time.Now().AddDate(0, 0, 1), "channel", nil)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]analytics.Figures{}
	for _, r := range rep.Rows {
		rows[r.Key] = r
	}
	x := rows["x"]
	if x.Clicks != 6 || x.Uniques != 2 || x.Posts != 1 || x.ClicksPerPost != 6 || x.Conversions != 2 || x.New != 2 || rows["any"].Clicks != 3 {
		t.Errorf("by channel: %+v", rep.Rows)
	}
	if rep.Totals.Clicks != 9 || fmt.Sprintf("%.3f", rep.Totals.ConversionRate) != "0.222" || len(rep.Days) != 3 {
		t.Errorf("totals %+v, %d days", rep.Totals, len(rep.Days))
	}
	if _, err := tk.analytics.Report(ctx, time.Now(), time.Now().AddDate(0, 0, 1), "colour", nil); err == nil {
		t.Error("an unknown grouping was accepted")
	}
	// A regional user sees their region's posts only.
	w := call(h, "GET", "/api/v1/analytics?by=region", "emea-token", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"key":"emea"`) || strings.Contains(w.Body.String(), "toolkit and shares") {
		t.Errorf("regional analytics: %d %s", w.Code, w.Body)
	}
	w = call(h, "GET", "/api/v1/analytics.csv?by=derivative", "mkt", "")
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "derivative,label,clicks,") || !strings.Contains(w.Body.String(), d.ID+`,snippet on any: `) && !strings.Contains(w.Body.String(), d.ID+`,"snippet on any: `) {
		t.Errorf("CSV: %d %s", w.Code, w.Body)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	hash, _ := auth.HashPassword(testPassword)
	tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: "mo", Role: config.RoleMarketing, PasswordHash: hash})
	c := browser(t)
	signIn(t, c, srv, "mo", testPassword, "")
	res, page := do(t, c, "GET", srv.URL+"/ui/analytics", nil)
	if res.StatusCode != 200 || !strings.Contains(page, `<svg class="chart"`) || strings.Count(page, `<rect class="clicks"`) != 30 ||
		!strings.Contains(page, "Top performers") || !strings.Contains(page, "snippet on any") || !strings.Contains(page, "<td>emea</td>") {
		t.Errorf("dashboard: %d\n%s", res.StatusCode, page)
	}
}

// Topics can be listed best performing first, each with what its links brought.
func TestTopicsByPerformance(t *testing.T) {
	tk, _, d := trackedFixture(t)
	ctx := t.Context()
	h := tk.Handler()
	for range 4 {
		hit(h, "GET", "/r/"+record.TrackedCode(d.ID, string(d.Channel), ""), "Mozilla/5.0", "203.0.113.5")
	}
	tk.links.Flush()
	newest, err := tk.analytics.Topics(ctx, record.TopicFilter{Status: record.Approved}, 5, "", "")
	if err != nil || len(newest.Items) == 0 {
		t.Fatal(err)
	}
	best, err := tk.analytics.Topics(ctx, record.TopicFilter{Status: record.Approved}, 5, "", "performance")
	if err != nil || best.Items[0].ID != d.ID || best.Items[0].Clicks != 4 || best.NextCursor != "5" {
		t.Fatalf("best first: %v (%v)", best.Items[0], err)
	}
	next, _ := tk.analytics.Topics(ctx, record.TopicFilter{Status: record.Approved}, 5, best.NextCursor, "performance")
	for _, x := range next.Items {
		for _, y := range best.Items {
			if x.ID == y.ID {
				t.Errorf("%s on two pages", x.ID)
			}
		}
	}
	if _, err := tk.analytics.Topics(ctx, record.TopicFilter{}, 5, "", "random"); err == nil {
		t.Error("an unknown order was accepted")
	}
}

// Two tweets on the same section try two hooks; both are published, and the hook tests
// say which won: conversions per post first, then clicks per post.
func TestHookTestsSayWhichWon(t *testing.T) {
	tk, _, _ := trackedFixture(t)
	ctx := t.Context()
	tk.cfg.File.Regions = []config.Region{{ID: "emea", Locales: []string{"en"}, TimeZone: "UTC", Channels: map[string]config.RegionChannel{"x": {Account: "hook"}}}}
	page, _ := tk.rec.Topics(ctx, record.TopicFilter{Kind: "tweet"}, 100, "")
	var a, b record.Derivative
	for _, d := range page.Items {
		if d.Variant == "a" && a.ID == "" {
			a = d
		}
	}
	for _, d := range page.Items {
		if d.ID == a.Pair {
			b = d
		}
	}
	if a.ID == "" || b.Variant != "b" || b.Pair != a.ID || a.Section.Anchor != b.Section.Anchor || a.Text == b.Text {
		t.Fatalf("no A/B pair of tweets on one section: a %+v, b %+v", a, b)
	}
	at := time.Now().UTC().Add(-time.Hour)
	var entries []planstore.PlanEntry
	for i, d := range []record.Derivative{a, b} {
		code := record.TrackedCode(d.ID, "x", "emea")
		entries = append(entries, planstore.PlanEntry{ID: fmt.Sprintf("e%d", i), SourceID: d.SourceID, DerivativeID: d.ID, Kind: "tweet", Channel: "x",
			Locale: "en", Region: "emea", Account: "hook", At: at.Add(time.Duration(i) * time.Minute), Status: planstore.Planned, Code: code, Target: links.Target(d.Canonical, "x")})
	}
	tk.plans.SavePlan(ctx, &planstore.Plan{SourceID: a.SourceID, Entries: entries}, nil)
	for _, e := range entries {
		tk.plans.PutPostRecord(ctx, &planstore.PostRecord{EntryID: e.ID, SourceID: e.SourceID, State: planstore.Published})
	}
	h := tk.Handler()
	click := func(e planstore.PlanEntry, n int) (id string) {
		for range n {
			w := hit(h, "GET", "/r/"+e.Code, "Mozilla/5.0", "198.51.100.4")
			loc, _ := url.Parse(w.Header().Get("Location"))
			id = loc.Query().Get("rp_click")
		}
		return id
	}
	click(entries[0], 2)
	click(entries[1], 5)
	tk.links.Flush()
	tests, err := tk.analytics.HookTests(ctx, time.Now().AddDate(0, 0, -1), time.Now().AddDate(0, 0, 1), nil)
	if err != nil || len(tests) != 1 || tests[0].A.Key != a.ID || tests[0].B.Clicks != 5 || tests[0].Winner != "b" {
		t.Fatalf("hook tests %+v (%v), want b ahead on clicks per post", tests, err)
	}
	if _, _, err := tk.links.Convert(ctx, click(entries[0], 1), "", false); err != nil {
		t.Fatal(err)
	}
	tk.links.Flush()
	tests, _ = tk.analytics.HookTests(ctx, time.Now().AddDate(0, 0, -1), time.Now().AddDate(0, 0, 1), nil)
	if tests[0].Winner != "a" || tests[0].A.Conversions != 1 {
		t.Errorf("after a conversion on a: %+v, want a ahead (conversions per post come first)", tests[0])
	}
}
