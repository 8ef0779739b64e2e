package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/web/auth"
)

// planFixture is a toolkit with one region and a stored plan of three posts (one
// tomorrow, one in two days, one cancelled), and API tokens per role.
func planFixture(t *testing.T) (*testKit, *planstore.Plan, http.Handler) {
	t.Helper()
	tk, srv := uiServer(t)
	srv.Close()                                   // the handler is called directly
	now := time.Now().UTC().Truncate(time.Second) // asynq schedules by the real clock
	tk.now = func() time.Time { return now }
	tk.cfg.File.Regions = []config.Region{
		{ID: "emea", Name: "EMEA", Locales: []string{"en"}, TimeZone: "Europe/Berlin", Channels: map[string]config.RegionChannel{"x": {Account: "hook"}}},
		{ID: "apac", Name: "APAC", Locales: []string{"en"}, TimeZone: "Australia/Sydney"},
	}
	for _, u := range []config.User{
		{Name: "mia", Role: config.RoleMarketing, TokenSHA256: auth.HashToken("mkt")},
		{Name: "rosa", Role: config.RoleRegional, Regions: []string{"apac"}, TokenSHA256: auth.HashToken("apac-token")},
		{Name: "carl", Role: config.RoleContributor, TokenSHA256: auth.HashToken("contrib")},
	} {
		tk.cfg.File.Users = append(tk.cfg.File.Users, u)
	}
	p := &planstore.Plan{SourceID: "src1", Version: "v1", PlannedAt: now, Entries: []planstore.PlanEntry{
		{ID: "e1", SourceID: "src1", DerivativeID: "d1", Kind: "tweet", Channel: "x", Locale: "en", Region: "emea", Account: "hook", At: now.Add(25 * time.Hour), Status: planstore.Planned, TextHash: "h1"},
		{ID: "e2", SourceID: "src1", DerivativeID: "d2", Kind: "tweet", Channel: "x", Locale: "en", Region: "emea", Account: "hook", At: now.Add(49 * time.Hour), Status: planstore.Planned, TextHash: "h2"},
		{ID: "e3", SourceID: "src1", DerivativeID: "d3", Kind: "tweet", Channel: "x", Locale: "en", Region: "emea", Account: "hook", At: now.Add(26 * time.Hour), Status: planstore.Cancelled, Reason: "no longer approved"},
	}}
	if err := tk.plans.SavePlan(t.Context(), p, nil); err != nil {
		t.Fatal(err)
	}
	return tk, p, tk.Handler()
}

func call(h http.Handler, method, path, token, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// The calendar lists a region's booked posts in time order, as JSON and as an iCalendar
// feed that a calendar library reads back; a calendar app's token may be in the URL.
func TestCalendarAsJSONAndICalendar(t *testing.T) {
	tk, p, h := planFixture(t)
	items, err := tk.plans.Calendar(t.Context(), "emea", p.PlannedAt, p.PlannedAt.Add(72*time.Hour))
	if err != nil || len(items) != 2 || items[0].ID != "e1" || items[1].ID != "e2" {
		t.Fatalf("calendar %+v (%v), want e1 then e2 (the cancelled post is not booked)", items, err)
	}
	slots, _ := tk.plans.Booked(t.Context(), "hook", "other-source")
	if len(slots) != 2 {
		t.Errorf("hook has %d booked slots, want 2", len(slots))
	}
	if slots, _ := tk.plans.Booked(t.Context(), "hook", "src1"); len(slots) != 0 {
		t.Errorf("re-planning src1 should see none of its own slots, got %d", len(slots))
	}

	w := call(h, "GET", "/api/v1/calendar?region=emea&from="+p.PlannedAt.Format("2006-01-02"), "mkt", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"timezone":"Europe/Berlin"`) || !strings.Contains(w.Body.String(), `"id":"e1"`) {
		t.Errorf("calendar API: %d %s", w.Code, w.Body)
	}
	if w := call(h, "GET", "/api/v1/calendar?region=emea&from=soon", "mkt", ""); w.Code != 400 || !strings.Contains(w.Body.String(), "must be a date") {
		t.Errorf("a bad from: %d %s", w.Code, w.Body)
	}
	if w := call(h, "GET", "/api/v1/calendar?region=emea", "apac-token", ""); w.Code != 403 || !strings.Contains(w.Body.String(), "not one of yours") {
		t.Errorf("a regional user on another region: %d %s", w.Code, w.Body)
	}

	// A calendar app reads the feed with the user's calendar token, never an API token.
	calTok, err := tk.auth.CalendarToken(t.Context(), tk.auth.User("mia"))
	if err != nil {
		t.Fatal(err)
	}
	w = call(h, "GET", "/calendar/emea.ics?token="+url.QueryEscape(calTok), "", "")
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("ics: %d %s", w.Code, w.Body)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(w.Body.String()))
	if err != nil {
		t.Fatalf("the feed does not parse as iCalendar: %v\n%s", err, w.Body)
	}
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	for i, want := range []planstore.PlanEntry{p.Entries[0], p.Entries[1]} {
		start, err := evs[i].GetStartAt()
		if err != nil || !start.Equal(want.At) || evs[i].Id() != want.ID+"@repurpose" {
			t.Errorf("event %d: %s at %v (%v), want %s at %v", i, evs[i].Id(), start, err, want.ID, want.At)
		}
		if s := evs[i].GetProperty(ics.ComponentPropertySummary); s == nil || !strings.Contains(s.Value, "x tweet") {
			t.Errorf("event %d summary %+v", i, s)
		}
	}
	if w := call(h, "GET", "/calendar/emea.ics", "", ""); w.Code != 401 {
		t.Errorf("ics without a token: %d", w.Code)
	}
	// The calendar token opens the feed and nothing else; an API token in the URL opens
	// nothing; a forged or stale calendar token opens nothing.
	for _, c := range []struct {
		path string
		want int
	}{
		{"/api/v1/sources?token=" + url.QueryEscape(calTok), 401},
		{"/api/v1/calendar?region=emea&token=" + url.QueryEscape(calTok), 401},
		{"/calendar/emea.ics?token=mkt", 401},
		{"/calendar/emea.ics?token=mia.AAAAAAAAAAAAAAAAAAAAAAAA", 401},
		{"/calendar/emea.ics?token=" + url.QueryEscape(strings.Replace(calTok, "mia.", "rosa.", 1)), 401},
	} {
		if w := call(h, "GET", c.path, "", ""); w.Code != c.want {
			t.Errorf("GET %s: %d, want %d", c.path, w.Code, c.want)
		}
	}
	// A regional user's calendar token reads only their regions.
	rosa, _ := tk.auth.CalendarToken(t.Context(), tk.auth.User("rosa"))
	if w := call(h, "GET", "/calendar/emea.ics?token="+url.QueryEscape(rosa), "", ""); w.Code != 403 && w.Code != 404 {
		t.Errorf("a regional user's calendar token on another region: %d", w.Code)
	}
	// A new password revokes it.
	tk.auth.User("mia").PasswordHash = "$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA"
	if w := call(h, "GET", "/calendar/emea.ics?token="+url.QueryEscape(calTok), "", ""); w.Code != 401 {
		t.Errorf("the calendar token after a password change: %d, want 401", w.Code)
	}
}

// A person moves or cancels one planned post; re-planning keeps their call; a post
// publishing touched cannot be moved; an unknown outcome is settled by a person.
func TestRescheduleCancelAndResolve(t *testing.T) {
	tk, p, h := planFixture(t)
	ctx := t.Context()
	moved := p.PlannedAt.Add(50 * time.Hour)
	w := call(h, "POST", "/api/v1/plan/entries/e1/reschedule", "mkt", `{"at":"`+moved.Format(time.RFC3339)+`"}`)
	if w.Code != 200 {
		t.Fatalf("reschedule: %d %s", w.Code, w.Body)
	}
	stored, _ := tk.plans.SourcePlan(ctx, "src1")
	if e := stored.Entries[0]; !e.Manual || !e.At.Equal(moved) || e.Reason != "moved by mia" {
		t.Errorf("the stored entry after moving: %+v", e)
	}
	insp := asynq.NewInspector(asynq.RedisClientOpt{Addr: tk.rdb.(*redis.Client).Options().Addr})
	defer insp.Close()
	if info, err := insp.GetTaskInfo(tasks.QueuePublish, tasks.PublishTaskID("e1", moved)); err != nil || !info.NextProcessAt.Equal(moved) {
		t.Errorf("the moved post's task at its new time: %v", err)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e1/reschedule", "mkt", `{"at":"`+p.PlannedAt.Add(-time.Hour).Format(time.RFC3339)+`"}`); w.Code != 400 {
		t.Errorf("moving into the past: %d %s", w.Code, w.Body)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e2/reschedule", "apac-token", `{"at":"`+moved.Format(time.RFC3339)+`"}`); w.Code != 403 {
		t.Errorf("a regional user moving another region's post: %d %s", w.Code, w.Body)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e2/cancel", "mkt", ""); w.Code != 200 {
		t.Fatalf("cancel: %d %s", w.Code, w.Body)
	}
	items, _ := tk.plans.Calendar(ctx, "emea", p.PlannedAt, p.PlannedAt.Add(96*time.Hour))
	if len(items) != 1 || items[0].ID != "e1" {
		t.Errorf("after cancelling e2 the calendar holds %+v", items)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e2/cancel", "mkt", ""); w.Code != 409 {
		t.Errorf("cancelling twice: %d %s", w.Code, w.Body)
	}

	// Publishing touched e1 and left its outcome unknown.
	if err := tk.plans.PutPostRecord(ctx, &planstore.PostRecord{EntryID: "e1", SourceID: "src1", State: planstore.Unknown, Attempts: 1, Error: "a worker stopped"}); err != nil {
		t.Fatal(err)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e1/reschedule", "mkt", `{"at":"`+moved.Add(time.Hour).Format(time.RFC3339)+`"}`); w.Code != 409 || !strings.Contains(w.Body.String(), "unknown already") {
		t.Errorf("moving a touched post: %d %s", w.Code, w.Body)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e1/resolve", "mkt", `{}`); w.Code != 400 {
		t.Errorf("resolving without saying: %d %s", w.Code, w.Body)
	}
	w = call(h, "POST", "/api/v1/plan/entries/e1/resolve", "mkt", `{"published":true,"url":"https://x.com/acme/status/1"}`)
	rec, _ := tk.plans.PostRecord(ctx, "e1")
	if w.Code != 200 || rec.State != planstore.Published || rec.URL != "https://x.com/acme/status/1" || rec.ResolvedBy != "mia" {
		t.Errorf("resolve: %d %s; record %+v", w.Code, w.Body, rec)
	}
	if w := call(h, "POST", "/api/v1/plan/entries/e1/resolve", "mkt", `{"published":false}`); w.Code != 409 {
		t.Errorf("resolving a settled post: %d %s", w.Code, w.Body)
	}
}

// Pausing a region's channel is recorded and asks for every source to be re-planned; a
// regional user pauses only their own regions; an unknown channel is refused.
func TestPauseAndResume(t *testing.T) {
	tk, _, h := planFixture(t)
	save(t, tk, "q.md", doc, time.Unix(1000, 0))
	if w := call(h, "POST", "/api/v1/regions/emea/pause?channel=x", "mkt", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"emea/x"`) {
		t.Fatalf("pause: %d %s", w.Code, w.Body)
	}
	ps, _ := tk.plans.Paused(t.Context())
	if ps["emea/x"].By != "mia" {
		t.Errorf("paused %+v", ps)
	}
	insp := asynq.NewInspector(asynq.RedisClientOpt{Addr: tk.rdb.(*redis.Client).Options().Addr})
	defer insp.Close()
	if pending, _ := insp.ListPendingTasks(tasks.QueuePlan); len(pending) == 0 {
		t.Error("pausing asked for no re-plan")
	}
	if w := call(h, "POST", "/api/v1/regions/emea/pause?channel=tiktok", "mkt", ""); w.Code != 400 || !strings.Contains(w.Body.String(), `does not publish on \"tiktok\"`) {
		t.Errorf("an unknown channel: %d %s", w.Code, w.Body)
	}
	if w := call(h, "POST", "/api/v1/regions/emea/pause", "apac-token", ""); w.Code != 403 {
		t.Errorf("a regional user pausing another region: %d %s", w.Code, w.Body)
	}
	if w := call(h, "POST", "/api/v1/regions/emea/resume?channel=x", "mkt", ""); w.Code != 200 || strings.Contains(w.Body.String(), "emea/x") {
		t.Errorf("resume: %d %s", w.Code, w.Body)
	}
}

// After Redis is lost, reindex rebuilds the calendar from the plans in S3 and queues the
// planned posts again under the same TaskIDs; a post whose time passed unrun gets its
// source re-planned instead.
func TestReindexPlansAfterRedisIsFlushed(t *testing.T) {
	tk, p, _ := planFixture(t)
	ctx := t.Context()
	if err := tk.rdb.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	queued, replanned, err := tk.plans.ReindexPlans(ctx)
	if err != nil || queued != 2 || replanned != 0 {
		t.Fatalf("reindex: %d queued, %d re-planned, %v; want 2 and 0", queued, replanned, err)
	}
	items, _ := tk.plans.Calendar(ctx, "emea", p.PlannedAt, p.PlannedAt.Add(72*time.Hour))
	if len(items) != 2 {
		t.Errorf("the calendar after reindex holds %d posts, want 2", len(items))
	}
	insp := asynq.NewInspector(asynq.RedisClientOpt{Addr: tk.rdb.(*redis.Client).Options().Addr})
	defer insp.Close()
	for _, e := range p.Entries[:2] {
		info, err := insp.GetTaskInfo(tasks.QueuePublish, tasks.PublishTaskID(e.ID, e.At))
		if err != nil || !info.NextProcessAt.Equal(e.At) {
			t.Errorf("%s: task %+v (%v), want it scheduled at %v", e.ID, info, err, e.At)
		}
	}
	if q, _, _ := tk.plans.ReindexPlans(ctx); q != 0 {
		t.Errorf("a second reindex queued %d posts again", q)
	}

	// Three days later nothing has run: e1 and e2 are overdue, so src1 is re-planned.
	tk.now = func() time.Time { return p.PlannedAt.Add(72 * time.Hour) }
	tk.rdb.FlushAll(ctx)
	if _, replanned, err := tk.plans.ReindexPlans(ctx); err != nil || replanned != 1 {
		t.Errorf("overdue posts: %d sources re-planned (%v), want 1", replanned, err)
	}
}

// The calendar page shows a region's posts by local day and lets marketing move, cancel,
// pause and resolve from the browser.
func TestCalendarPage(t *testing.T) {
	tk, p, _ := planFixture(t)
	srv := httptest.NewServer(tk.Handler())
	t.Cleanup(srv.Close)
	c := browser(t)
	signIn(t, c, srv, "marketing", testPassword, "")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	res, page := do(t, c, "GET", srv.URL+"/ui/calendar", nil)
	first := p.Entries[0].At.In(berlin)
	if res.StatusCode != 200 || !strings.Contains(page, "<h2>"+first.Format("Monday 2 January 2006")+"</h2>") ||
		!strings.Contains(page, "<strong>"+first.Format("15:04")+"</strong>") || !strings.Contains(page, "Europe/Berlin time") ||
		!strings.Contains(page, `action="/ui/plan/e1/cancel"`) {
		t.Fatalf("calendar page: %d\n%s", res.StatusCode, page)
	}
	moved := first.Add(90 * time.Minute).Truncate(time.Minute) // the form has minutes
	res, _ = do(t, c, "POST", srv.URL+"/ui/plan/e1/reschedule", url.Values{"at": {moved.Format("2006-01-02T15:04")}})
	e, _ := tk.plans.Entry(t.Context(), "e1")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ui/calendar?done=moved&region=emea" || !e.At.Equal(moved) {
		t.Errorf("moving from the page: %d to %s; the entry is at %v, want %v (Berlin wall time)", res.StatusCode, res.Header.Get("Location"), e.At, moved)
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/plan/e2/cancel", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("cancel from the page: %d", res.StatusCode)
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/regions/emea/pause", url.Values{"channel": {"x"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("pause from the page: %d", res.StatusCode)
	}
	_, page = do(t, c, "GET", srv.URL+"/ui/calendar?region=emea&done=paused", nil)
	if !strings.Contains(page, "<strong>paused</strong>") || !strings.Contains(page, "Paused: its posts") || strings.Contains(page, `action="/ui/plan/e2/cancel"`) {
		t.Errorf("after pausing x and cancelling e2:\n%s", page)
	}
	tk.plans.PutPostRecord(t.Context(), &planstore.PostRecord{EntryID: "e1", SourceID: "src1", State: planstore.Unknown, Error: "a worker stopped while publishing this post"})
	_, page = do(t, c, "GET", srv.URL+"/ui/calendar", nil)
	if !strings.Contains(page, "It went out") || !strings.Contains(page, "a worker stopped while publishing") {
		t.Errorf("an unknown post offers no way to resolve it:\n%s", page)
	}
	do(t, c, "POST", srv.URL+"/ui/plan/e1/resolve", url.Values{"published": {"no"}})
	if rec, _ := tk.plans.PostRecord(t.Context(), "e1"); rec.State != planstore.FailedPost || rec.ResolvedBy != "marketing" {
		t.Errorf("resolved as not out: %+v", rec)
	}
	rosa := browser(t)
	signIn(t, rosa, srv, "regional", testPassword, "")
	if res, _ := do(t, rosa, "POST", srv.URL+"/ui/regions/apac/pause", url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a regional user of emea pausing apac: %d", res.StatusCode)
	}
}
