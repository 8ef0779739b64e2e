package scheduler

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translations"
)

const plannerYAML = `
accounts:
  emea-x: {type: webhook, url: "https://hooks.example.com/x", secret_env: S}
  emea-li: {type: webhook, url: "https://hooks.example.com/li", secret_env: S}
  emea-blog: {type: webhook, url: "https://hooks.example.com/blog", secret_env: S}
regions:
  - id: emea
    locales: [en]
    timezone: Europe/Berlin
    holidays: [DE]
    channels:
      x: {account: emea-x, windows: ["mon-fri 09:00-17:00"], spacing: 1h, max_per_day: 3}
      linkedin: {account: emea-li, windows: ["mon-fri 09:00-12:00"], spacing: 2h, max_per_day: 1}
      blog: {account: emea-blog, windows: ["tue,thu 10:00-11:00"], max_per_day: 1}
`

// fixture parses the config and derives the sample whitepaper as an approved source,
// ready at ready.
func fixture(t *testing.T, yaml string, ready time.Time) (*config.File, *record.Source, []record.Derivative) {
	t.Helper()
	f, err := config.ParseFile(strings.NewReader(yaml))
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.File("whitepaper.en.md", body, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	_, camp := f.Campaign("")
	res := derive.From(doc, derive.Options{Version: strings.Repeat("a", 64), SourceID: "src1", CampaignName: "default",
		Campaign: camp, Brand: f.BrandFor(camp)})
	s := &record.Source{ID: "src1", Version: strings.Repeat("a", 64), Status: record.StatusReady, ReadyAt: ready, CreatedAt: ready, Regions: doc.Meta.Regions}
	var ds []record.Derivative
	for _, d := range res.Derivatives {
		ds = append(ds, record.Derivative{Derivative: d, Status: record.Approved, SourceID: s.ID, Regions: s.Regions})
	}
	return f, s, ds
}

func planOnce(t *testing.T, p *Planner, in Input) *planstore.Plan {
	t.Helper()
	if in.Now.IsZero() {
		in.Now = in.Source.ReadyAt
	}
	return p.Plan(in)
}

// byAccount groups planned entries.
func byAccount(p *planstore.Plan) map[string][]planstore.PlanEntry {
	out := map[string][]planstore.PlanEntry{}
	for _, e := range p.Entries {
		if e.Status == planstore.Planned {
			out[e.Account] = append(out[e.Account], e)
		}
	}
	return out
}

// Every planned post is inside a window on an open day, the spacing and the daily cap
// hold on every account, and each kind goes out on the plan's day.
func TestDripPlanKeepsWindowsSpacingAndCaps(t *testing.T) {
	ready := utc("2026-06-01T08:00:00Z") // Monday 10:00 in Berlin
	f, s, ds := fixture(t, plannerYAML, ready)
	p, err := NewPlanner(f)
	if err != nil {
		t.Fatal(err)
	}
	plan := planOnce(t, p, Input{Source: s, Derivatives: ds})
	checkPlan(t, p, plan)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	day := func(e planstore.PlanEntry) int { return int(dayOf(e.At, berlin) - dayOf(ready, berlin)) }
	kinds := map[string][]int{}
	for _, e := range plan.Entries {
		if e.Status == planstore.Planned && e.Occurrence == 0 {
			kinds[e.Kind] = append(kinds[e.Kind], day(e))
		}
	}
	// The paper's tweets from day 0 (Monday, from 10:00, an hour apart): three on day 0,
	// X's daily cap, the rest on day 1; the LinkedIn post on day 0; the thread on day 1 (or 2);
	// the blog on day 3 (Thursday, a blog day); snippets on days 7-28.
	tweets := 0
	for _, d := range ds {
		if d.Kind == channel.KindTweet {
			tweets++
		}
	}
	if tweets <= 3 {
		t.Fatalf("the paper gives %d tweets: too few to reach X's daily cap of 3", tweets)
	}
	want := make([]int, tweets)
	for i := 3; i < tweets; i++ {
		want[i] = 1
	}
	if got := fmt.Sprint(kinds["tweet"]); got != fmt.Sprint(want) {
		t.Errorf("tweets on days %s, want three on day 0 and %d on day 1", got, tweets-3)
	}
	// The thread's day is day 1 unless the tweets carried over from day 0 fill X's cap
	// there; then the next day.
	threadDay := 1
	if tweets-3 >= 3 {
		threadDay = 2
	}
	if got, want := fmt.Sprint(kinds["linkedin"], kinds["thread"], kinds["blog"]), fmt.Sprintf("[0] [%d] [3]", threadDay); got != want {
		t.Errorf("linkedin, thread, blog on days %s, want %s", got, want)
	}
	for _, d := range kinds["snippet"] {
		if d < 7 || d > 31 {
			t.Errorf("a snippet on day %d, outside 7-28 (and the next open days)", d)
		}
	}
	snippets := 0
	for _, d := range ds {
		if d.Kind == channel.KindSnippet {
			snippets++
		}
	}
	if snippets < 5 || len(kinds["snippet"]) != snippets {
		t.Errorf("%d of the paper's %d snippets planned, want every one (and the paper to give at least 5)", len(kinds["snippet"]), snippets)
	}
	first := byAccount(plan)["emea-x"][0]
	if got := first.At.In(berlin).Format("Mon 15:04"); got != "Mon 10:00" {
		t.Errorf("the first X post at %s, want Mon 10:00 (the source was ready then)", got)
	}
	// Evergreen: the three best snippets come back every 30 days, twice.
	recycles := 0
	for _, e := range plan.Entries {
		if e.Occurrence > 0 {
			recycles++
			if e.Kind != "snippet" || e.Status != planstore.Planned || day(e) < 30*e.Occurrence+7 {
				t.Errorf("recycle %+v on day %d", e, day(e))
			}
		}
	}
	if recycles != 6 {
		t.Errorf("%d recycles, want 3 best snippets × 2", recycles)
	}
	// The same inputs plan the same entries at the same times.
	p2, _ := NewPlanner(f)
	again := planOnce(t, p2, Input{Source: s, Derivatives: ds})
	if fmt.Sprint(again.Entries) != fmt.Sprint(plan.Entries) {
		t.Error("planning is not deterministic")
	}
}

// checkPlan asserts the calendar rules on every planned entry.
func checkPlan(t *testing.T, p *Planner, plan *planstore.Plan) {
	t.Helper()
	for acct, es := range byAccount(plan) {
		perDay := map[day]int{}
		for i, e := range es {
			c := p.cals[e.Region+"/"+e.Channel]
			d := dayOf(e.At, c.loc)
			if why := c.Closed(d); why != "" {
				t.Errorf("%s at %v: the day is closed (%s)", e.ID, e.At, why)
			}
			in := false
			for _, sp := range c.spans(d) {
				in = in || (!e.At.Before(sp.start) && e.At.Before(sp.end))
			}
			if !in {
				t.Errorf("%s on %s at %s: outside its windows", e.Kind, acct, e.At.In(c.loc).Format("Mon 2 Jan 15:04"))
			}
			if perDay[d]++; perDay[d] > c.maxPerDay {
				t.Errorf("%s: %d posts on %v, over the cap %d", acct, perDay[d], e.At.In(c.loc).Format("2 Jan"), c.maxPerDay)
			}
			for _, o := range es[:i] {
				if gap := e.At.Sub(o.At); gap < c.spacing && gap > -c.spacing {
					t.Errorf("%s: posts at %v and %v are closer than %v", acct, o.At, e.At, c.spacing)
				}
			}
		}
	}
}

// Capacity is shared across sources: a second source's posts take the next free slots,
// never the first one's.
func TestCapacityIsSharedAcrossSources(t *testing.T) {
	ready := utc("2026-06-01T08:00:00Z")
	f, s, ds := fixture(t, plannerYAML, ready)
	p, _ := NewPlanner(f)
	a := planOnce(t, p, Input{Source: s, Derivatives: ds})
	s2 := *s
	s2.ID = "src2"
	b := planOnce(t, p, Input{Source: &s2, Derivatives: ds})
	both := &planstore.Plan{Entries: append(append([]planstore.PlanEntry{}, a.Entries...), b.Entries...)}
	checkPlan(t, p, both)
	if a.Entries[0].ID == b.Entries[0].ID {
		t.Error("two sources share entry IDs")
	}
	firstB := byAccount(b)["emea-x"][0].At
	for _, e := range byAccount(a)["emea-x"][:3] {
		if !firstB.After(e.At) {
			t.Errorf("the second source's first X post (%v) is not after the first source's day-0 posts (%v)", firstB, e.At)
		}
	}
}

// Re-planning keeps what publishing touched and what a person scheduled; withdrawing
// cancels the rest with the reason; a new version replaces the old one's posts.
func TestReplanKeepsHistoryAndCancelsWithReasons(t *testing.T) {
	ready := utc("2026-06-01T08:00:00Z")
	f, s, ds := fixture(t, plannerYAML, ready)
	p, _ := NewPlanner(f)
	old := planOnce(t, p, Input{Source: s, Derivatives: ds})
	posted := old.Entries[0]
	manual := old.Entries[5]
	manual.Manual, manual.At = true, utc("2026-06-05T10:30:00Z")
	old.Entries[5] = manual

	p, _ = NewPlanner(f)
	again := planOnce(t, p, Input{Source: s, Derivatives: ds, Old: old, Attempted: map[string]bool{posted.ID: true}})
	find := func(pl *planstore.Plan, id string) planstore.PlanEntry {
		for _, e := range pl.Entries {
			if e.ID == id {
				return e
			}
		}
		t.Fatalf("entry %s missing", id)
		return planstore.PlanEntry{}
	}
	if e := find(again, manual.ID); !e.At.Equal(manual.At) || !e.Manual {
		t.Errorf("a manual time was not kept: %+v", e)
	}

	w := *s
	w.Status = record.StatusWithdrawn
	p, _ = NewPlanner(f)
	gone := planOnce(t, p, Input{Source: &w, Derivatives: ds, Old: old, Attempted: map[string]bool{posted.ID: true}})
	for _, e := range gone.Entries {
		switch {
		case e.ID == posted.ID:
			if e.Status != planstore.Planned {
				t.Errorf("the published entry changed: %+v", e)
			}
		case e.Status != planstore.Cancelled || e.Reason != "the source was withdrawn":
			t.Errorf("after withdrawal: %s %s %q", e.ID, e.Status, e.Reason)
		}
	}

	nv := *s
	nv.Version = strings.Repeat("b", 64)
	var ds2 []record.Derivative
	for _, d := range ds {
		d.ID += "-v2"
		ds2 = append(ds2, d)
	}
	p, _ = NewPlanner(f)
	next := planOnce(t, p, Input{Source: &nv, Derivatives: ds2, Old: old})
	cancelled, planned := 0, 0
	for _, e := range next.Entries {
		switch {
		case e.Status == planstore.Cancelled && e.Reason == "a new version replaced it":
			cancelled++
		case e.Status == planstore.Planned && strings.HasSuffix(e.DerivativeID, "-v2"):
			planned++
		}
	}
	if cancelled != len(old.Entries) || planned == 0 {
		t.Errorf("a new version: %d of %d old entries cancelled, %d new planned", cancelled, len(old.Entries), planned)
	}
}

// A recycle within the cooldown of the same text on the same account gets a lead-in so
// it is not identical; where there is no lead-in for the language it is left unplanned.
func TestEvergreenCooldownVariesOrSkips(t *testing.T) {
	yaml := plannerYAML + `
plans:
  launch:
    drip: [{days: 0, kinds: [snippet]}]
    evergreen: {best: 1, every_days: 30, times: 2, cooldown_days: 90}
`
	ready := utc("2026-06-01T08:00:00Z")
	f, s, ds := fixture(t, yaml, ready)
	p, _ := NewPlanner(f)
	plan := planOnce(t, p, Input{Source: s, Derivatives: ds})
	var recycles []planstore.PlanEntry
	hashes := map[string]bool{}
	for _, e := range plan.Entries {
		if e.Occurrence > 0 {
			recycles = append(recycles, e)
		}
		if e.Status == planstore.Planned && e.Account == "emea-x" {
			if hashes[e.TextHash] && e.Occurrence > 0 {
				t.Errorf("the identical text twice on emea-x within the cooldown: %+v", e)
			}
			hashes[e.TextHash] = true
		}
	}
	if len(recycles) != 2 || recycles[0].Lead != "ICYMI: " || recycles[1].Lead != "Worth another look: " {
		t.Fatalf("recycles %+v, want two with different lead-ins", recycles)
	}
	for i := range ds {
		ds[i].Locale = "ko"
	}
	f.Regions[0].Locales = []string{"ko"}
	p, _ = NewPlanner(f)
	plan = planOnce(t, p, Input{Source: s, Derivatives: ds})
	skipped := 0
	for _, e := range plan.Entries {
		if e.Occurrence > 0 && e.Status == planstore.Unplanned && strings.Contains(e.Reason, "within 90 days") {
			skipped++
		}
	}
	if skipped != 2 {
		t.Errorf("%d Korean recycles left unplanned for the cooldown, want 2", skipped)
	}
}

// A region's other locales get posts only from approved translations, with the
// translated words; a paused region channel plans nothing.
func TestTranslationsAndPauses(t *testing.T) {
	yaml := strings.Replace(plannerYAML, "locales: [en]", "locales: [en, es]", 1)
	ready := utc("2026-06-01T08:00:00Z")
	f, s, ds := fixture(t, yaml, ready)
	var tweet record.Derivative
	for _, d := range ds {
		if d.Kind == "tweet" {
			tweet = d
			break
		}
	}
	tr := &translations.View{DerivativeID: tweet.ID, Locale: "es", Translation: translations.Translation{
		Template: "Las alertas ruidosas cuestan sueño. " + channel.LinkSlot, Status: record.Approved}}
	p, _ := NewPlanner(f)
	plan := planOnce(t, p, Input{Source: s, Derivatives: ds, Translations: map[string]*translations.View{translations.Key(tweet.ID, "es"): tr}})
	var es []planstore.PlanEntry
	for _, e := range plan.Entries {
		if e.Locale == "es" {
			es = append(es, e)
		}
	}
	if len(es) != 1 || es[0].DerivativeID != tweet.ID || es[0].TextHash != (&localized{d: tweet, tr: tr, locale: "es"}).hash("x", tweet.Backlink, "") ||
		!strings.HasPrefix(channel.RenderParts(channel.X, translations.PostTemplates(&tweet, tr), tweet.Backlink, "").Text, "Las alertas ruidosas cuestan sueño. ") || es[0].Link != tweet.Backlink || es[0].Code != "" {
		t.Errorf("Spanish entries %+v, want the one translated tweet with its Spanish text", es)
	}
	p, _ = NewPlanner(f)
	paused := planOnce(t, p, Input{Source: s, Derivatives: ds, Old: plan, Paused: map[string]bool{"emea/x": true}})
	for _, e := range paused.Entries {
		if e.Channel == "x" && e.Status == planstore.Planned {
			t.Errorf("an X post planned while emea/x is paused: %+v", e)
		}
		if e.Channel == "x" && e.Status == planstore.Cancelled && e.Reason != "paused" {
			t.Errorf("an X post cancelled for %q, want paused", e.Reason)
		}
	}
}

// evergreenFixture is the whitepaper's snippets on a plan that recycles the best one once,
// with the snippets in rank order.
func evergreenFixture(t *testing.T) (*config.File, *record.Source, []record.Derivative, []record.Derivative) {
	t.Helper()
	yaml := plannerYAML + `
plans:
  launch:
    drip: [{days: 0, kinds: [snippet]}]
    evergreen: {best: 1, every_days: 30, times: 1}
`
	f, s, ds := fixture(t, yaml, utc("2026-06-01T08:00:00Z"))
	var snippets []record.Derivative
	for _, d := range ds {
		if d.Kind == "snippet" {
			snippets = append(snippets, d)
		}
	}
	return f, s, ds, snippets
}

// The evergreen recycler picks proven performers first: a snippet whose links brought
// conversions is recycled ahead of better-ranked ones that brought nothing.
func TestEvergreenPicksProvenPerformers(t *testing.T) {
	f, s, ds, snippets := evergreenFixture(t)
	recycled := func(perf map[string]int64) string {
		p, _ := NewPlanner(f)
		for _, e := range planOnce(t, p, Input{Source: s, Derivatives: ds, Performance: perf}).Entries {
			if e.Occurrence == 1 {
				return e.DerivativeID
			}
		}
		return ""
	}
	if got := recycled(nil); got != snippets[0].ID {
		t.Errorf("without figures the best ranked snippet is recycled: got %s, want %s", got, snippets[0].ID)
	}
	winner := snippets[len(snippets)-1].ID
	if got := recycled(map[string]int64{winner: 250, snippets[0].ID: 3}); got != winner {
		t.Errorf("the proven performer was not recycled: got %s, want %s", got, winner)
	}
}

// Re-planning on fresh figures moves the recycles to the snippet that performs now: the
// recycle planned (at approval, when nothing was known) for the best ranked one is
// cancelled, saying why, and the proven one's is planned.
func TestEvergreenReranksOnFreshFigures(t *testing.T) {
	f, s, ds, snippets := evergreenFixture(t)
	p, _ := NewPlanner(f)
	first := planOnce(t, p, Input{Source: s, Derivatives: ds, Now: utc("2026-06-01T08:00:00Z")})
	winner := snippets[len(snippets)-1].ID
	p, _ = NewPlanner(f)
	again := planOnce(t, p, Input{Source: s, Derivatives: ds, Old: first, Performance: map[string]int64{winner: 5},
		Now: utc("2026-06-08T08:00:00Z")})
	var planned, cancelled []planstore.PlanEntry
	for _, e := range again.Entries {
		if e.Occurrence == 1 && e.Status == planstore.Planned {
			planned = append(planned, e)
		}
		if e.Occurrence == 1 && e.Status == planstore.Cancelled {
			cancelled = append(cancelled, e)
		}
	}
	if len(planned) == 0 || planned[0].DerivativeID != winner {
		t.Errorf("recycles planned after fresh figures: %+v, want the proven snippet's", planned)
	}
	if len(cancelled) == 0 || cancelled[0].DerivativeID != snippets[0].ID || !strings.Contains(cancelled[0].Reason, "perform") {
		t.Errorf("the earlier recycle: %+v, want it cancelled because another snippet performs better", cancelled)
	}
}

// A region whose locales leave out the document's language, with no approved translation,
// gets a note saying so instead of nothing in silence; an approved translation plans it.
func TestPlanSaysWhyARegionGetsNothing(t *testing.T) {
	yaml := plannerYAML + `
  - id: dach
    locales: [de, fr]
    timezone: Europe/Berlin
    channels:
      x: {account: emea-x, windows: ["mon-fri 09:00-17:00"], spacing: 1h, max_per_day: 3}
`
	f, s, ds := fixture(t, yaml, utc("2026-06-01T08:00:00Z"))
	s.Regions = nil
	for i := range ds {
		ds[i].Regions = nil
	}
	p, _ := NewPlanner(f)
	plan := planOnce(t, p, Input{Source: s, Derivatives: ds})
	want := planstore.Note{Region: "dach", SourceID: s.ID, Title: s.Title, Reason: "not planned: no approved translation into de, fr"}
	if len(plan.Notes) != 1 || plan.Notes[0] != want {
		t.Errorf("notes %+v, want %+v", plan.Notes, want)
	}
	var tweet record.Derivative
	for _, d := range ds {
		if d.Kind == channel.KindTweet {
			tweet = d
			break
		}
	}
	tr := &translations.View{DerivativeID: tweet.ID, Locale: "de", Translation: translations.Translation{
		Template: "Laute Alarme kosten Schlaf. " + channel.LinkSlot, Status: record.Approved}}
	p, _ = NewPlanner(f)
	plan = planOnce(t, p, Input{Source: s, Derivatives: ds, Translations: map[string]*translations.View{translations.Key(tweet.ID, "de"): tr}})
	if len(plan.Notes) != 0 {
		t.Errorf("with an approved German translation: notes %+v, want none", plan.Notes)
	}
}
