package planstore

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
)

func newTestStore(t *testing.T) *Store {
	t.Helper()
	svc := recordtest.Start(t)
	now := func() time.Time { return time.Now().UTC() }
	return New(record.New(svc.Config, svc.S3, svc.Redis, nil, now, slog.Default()), svc.Config, svc.Redis, nil, now, slog.Default())
}

// Only planned posts book their account and show in the region's calendar, in time
// order, each with its outcome once attempted; a new plan replaces the old one's entries.
func TestPlansBookSlotsAndFillTheCalendar(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	entry := func(id string, in time.Duration, status string) PlanEntry {
		return PlanEntry{ID: id, SourceID: "src1", DerivativeID: "d" + id, Channel: "x", Region: "emea", Account: "hook", At: at.Add(in), Status: status, TextHash: "h" + id}
	}
	old := &Plan{SourceID: "src1", Entries: []PlanEntry{entry("e2", 2*time.Hour, Planned), entry("e1", time.Hour, Planned), entry("e3", 3*time.Hour, Cancelled)}}
	if err := st.SavePlan(ctx, old, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.PutPostRecord(ctx, &PostRecord{EntryID: "e1", SourceID: "src1", State: Published, URL: "https://x.com/p/1"}); err != nil {
		t.Fatal(err)
	}
	items, err := st.Calendar(ctx, "emea", at, at.Add(24*time.Hour))
	if err != nil || len(items) != 2 || items[0].ID != "e1" || items[1].ID != "e2" || items[0].Post == nil || items[0].Post.State != Published || items[1].Post != nil {
		t.Fatalf("calendar %+v (%v)", items, err)
	}
	if slots, _ := st.Booked(ctx, "hook", ""); len(slots) != 2 {
		t.Errorf("booked %+v, want the two planned posts", slots)
	}
	if slots, _ := st.Booked(ctx, "hook", "src1"); len(slots) != 0 {
		t.Errorf("booked by others %+v, want none", slots)
	}
	next := &Plan{SourceID: "src1", Entries: []PlanEntry{entry("e4", 5*time.Hour, Planned)}}
	if err := st.SavePlan(ctx, next, old); err != nil {
		t.Fatal(err)
	}
	if items, _ := st.Calendar(ctx, "emea", at, at.Add(24*time.Hour)); len(items) != 1 || items[0].ID != "e4" {
		t.Errorf("after a re-plan: %+v, want e4 alone", items)
	}
	if p, err := st.SourcePlan(ctx, "src1"); err != nil || len(p.Entries) != 1 {
		t.Errorf("stored plan %+v (%v)", p, err)
	}
	if p, err := st.SourcePlan(ctx, "nosuch"); err != nil || p != nil {
		t.Errorf("a source with no plan: %+v (%v)", p, err)
	}
}

func TestPauses(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	if err := st.SetPaused(ctx, "emea/x", true, "mia"); err != nil {
		t.Fatal(err)
	}
	if p, err := st.Paused(ctx); err != nil || p["emea/x"].By != "mia" {
		t.Errorf("paused %+v (%v)", p, err)
	}
	st.SetPaused(ctx, "emea/x", false, "mia")
	if p, _ := st.Paused(ctx); len(p) != 0 {
		t.Errorf("after resuming: %+v", p)
	}
}

// Recycles are re-planned once a day on fresh figures: the first call of a UTC day asks
// for every ready source that recycles to be planned again, later calls that day do
// nothing, and the next day asks again.
func TestReplanRecyclingOncePerDay(t *testing.T) {
	svc := recordtest.Start(t)
	f, err := config.ParseFile(strings.NewReader(`
accounts:
  emea-x: {type: webhook, url: "https://hooks.example.com/x", secret_env: S}
regions:
  - id: emea
    locales: [en]
    timezone: Europe/Berlin
    channels:
      x: {account: emea-x, windows: ["mon-fri 09:00-17:00"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	svc.Config.File = *f
	enq := tasks.NewClient(asynq.RedisClientOpt{Addr: svc.Mini.Addr()}, time.Hour)
	t.Cleanup(func() { enq.Close() })
	clock := time.Date(2026, 6, 1, 23, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	rec := record.New(svc.Config, svc.S3, svc.Redis, nil, now, slog.Default())
	recordtest.Save(t, rec, svc.Config, "q.md", recordtest.Doc, time.Unix(1000, 0))
	st := New(rec, svc.Config, svc.Redis, enq, now, slog.Default())
	pending := func() int {
		ts, _ := asynq.NewInspector(asynq.RedisClientOpt{Addr: svc.Mini.Addr()}).ListPendingTasks(tasks.QueuePlan)
		return len(ts)
	}
	for i, want := range []int{1, 0} {
		if n, err := st.ReplanRecycling(t.Context()); err != nil || n != want {
			t.Errorf("call %d on day one: %d sources (%v), want %d", i+1, n, err, want)
		}
	}
	clock = clock.Add(2 * time.Hour)
	if n, err := st.ReplanRecycling(t.Context()); err != nil || n != 1 || pending() != 2 {
		t.Errorf("the next day: %d sources (%v), %d plan tasks; want 1 and 2", n, err, pending())
	}
}

// A plan's notes reach its regions' calendars and leave them with the next plan.
func TestCalendarNotesFollowThePlan(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	note := Note{Region: "dach", SourceID: "src1", Title: "Quiet Pagers", Reason: "not planned: no approved translation into de, fr"}
	first := &Plan{SourceID: "src1", Notes: []Note{note}}
	if err := st.SavePlan(ctx, first, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := st.CalendarNotes(ctx, "dach"); err != nil || len(got) != 1 || got[0] != note {
		t.Errorf("dach's notes %+v (%v), want %+v", got, err, note)
	}
	if got, _ := st.CalendarNotes(ctx, "emea"); len(got) != 0 {
		t.Errorf("emea's notes %+v, want none", got)
	}
	// The region's calendar (the API's and the page's) carries them.
	if cv, err := st.RegionCalendar(ctx, &config.Region{ID: "dach", TimeZone: "Europe/Berlin"}, time.Now(), time.Now().Add(time.Hour)); err != nil || len(cv.Notes) != 1 || cv.Notes[0] != note {
		t.Errorf("dach's calendar notes %+v (%v), want %+v", cv, err, note)
	}
	if err := st.SavePlan(ctx, &Plan{SourceID: "src1"}, first); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.CalendarNotes(ctx, "dach"); len(got) != 0 {
		t.Errorf("after a plan without notes: %+v, want none", got)
	}
}
