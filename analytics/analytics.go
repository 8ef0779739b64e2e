// Package analytics answers which snippet, in which region and channel, sends people who
// convert: the counts of package links, per code and day, grouped by what each code's link
// was for, with the posts published per link from the plans, and the hook A/B tests. It
// serves no HTTP; errors are errs.Error kinds.
package analytics

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/record"
)

// Posts tells how many posts went out with each link: the plans know.
type Posts interface {
	// PublishedByCode counts the posts published in [from, to), by link code and UTC day
	// (2006-01-02).
	PublishedByCode(ctx context.Context, from, to time.Time) (map[string]map[string]int64, error)
}

// Service reports on the links' counts.
type Service struct {
	rec   *record.Store
	links *links.Service
	posts Posts
	title func(record.Derivative) string
	now   func() time.Time
}

// New returns analytics over the record's links; title names a derivative in a report
// (its first words); now is the clock.
func New(rec *record.Store, l *links.Service, posts Posts, title func(record.Derivative) string, now func() time.Time) *Service {
	return &Service{rec: rec, links: l, posts: posts, title: title, now: now}
}

// Figures are one group's counts and rates.
type Figures struct {
	Key   string `json:"key"`
	Label string `json:"label,omitempty"`
	// Clicks by people; Previews by link-preview bots and HEAD requests.
	Clicks   int64 `json:"clicks"`
	Previews int64 `json:"previews"`
	// Uniques adds each day's unique visitors per link: the same person on two days, or
	// on two links, counts twice.
	Uniques     int64 `json:"uniques"`
	Conversions int64 `json:"conversions"`
	New         int64 `json:"new"`       // conversions from people converting the first time
	Returning   int64 `json:"returning"` // … and again
	Posts       int64 `json:"posts"`     // posts published with these links in the period
	// ClicksPerPost is the click-through per post published; ConversionRate conversions
	// per click.
	ClicksPerPost  float64 `json:"clicks_per_post"`
	ConversionRate float64 `json:"conversion_rate"`
}

func (f *Figures) add(o *Figures) {
	f.Clicks += o.Clicks
	f.Previews += o.Previews
	f.Uniques += o.Uniques
	f.Conversions += o.Conversions
	f.New += o.New
	f.Returning += o.Returning
	f.Posts += o.Posts
}

func (f *Figures) rates() {
	f.ClicksPerPost, f.ConversionRate = 0, 0
	if f.Posts > 0 {
		f.ClicksPerPost = float64(f.Clicks) / float64(f.Posts)
	}
	if f.Clicks > 0 {
		f.ConversionRate = float64(f.Conversions) / float64(f.Clicks)
	}
}

// Report is the analytics of a period, grouped one way, with the days for a chart.
type Report struct {
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	By     string    `json:"by"`
	Totals Figures   `json:"totals"`
	Rows   []Figures `json:"rows"`
	Days   []Figures `json:"days"`
}

// Groupings are the ways a report groups its rows.
var Groupings = []string{"derivative", "source", "campaign", "channel", "region", "locale", "kind", "day", "code"}

// Report reports [from, to) (whole UTC days) grouped by by; keep narrows it to the
// links a user may see (nil: all).
func (s *Service) Report(ctx context.Context, from, to time.Time, by string, keep func(*links.Link) bool) (*Report, error) {
	if !slices.Contains(Groupings, by) {
		return nil, errs.E("analytics.Report", errs.Invalid, fmt.Sprintf("by %q must be one of %s", by, strings.Join(Groupings, ", ")))
	}
	from = from.UTC().Truncate(24 * time.Hour)
	if to.Sub(from) > 400*24*time.Hour || !to.After(from) {
		return nil, errs.E("analytics.Report", errs.Invalid, "to must come after from, within 400 days")
	}
	type cell struct {
		code, day string
		f         Figures
	}
	var cells []cell
	codes := map[string]bool{}
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		r, err := s.links.DayCounts(ctx, d)
		if err != nil {
			return nil, err
		}
		byCode := map[string]*Figures{}
		get := func(code string) *Figures {
			if byCode[code] == nil {
				byCode[code] = &Figures{}
			}
			return byCode[code]
		}
		for field, n := range r.Counts {
			kind, code, ok := strings.Cut(field, ":")
			if !ok {
				continue
			}
			f := get(code)
			switch kind {
			case links.KindClick:
				f.Clicks += n
			case links.KindPreview:
				f.Previews += n
			case links.KindConverted:
				f.Conversions += n
			case links.KindNew:
				f.New += n
			case links.KindReturning:
				f.Returning += n
			}
		}
		for code, u := range r.Uniques {
			get(code).Uniques += u
		}
		for code, f := range byCode {
			cells = append(cells, cell{code, d.Format("2006-01-02"), *f})
			codes[code] = true
		}
	}
	posts, err := s.posts.PublishedByCode(ctx, from, to)
	if err != nil {
		return nil, err
	}
	for code := range posts {
		codes[code] = true
	}
	links, err := s.links.Many(ctx, slices.Collect(maps.Keys(codes)))
	if err != nil {
		return nil, err
	}
	rep := &Report{From: from, To: to, By: by}
	groups := map[string]*Figures{}
	days := map[string]*Figures{}
	group := func(key string, into map[string]*Figures) *Figures {
		if into[key] == nil {
			into[key] = &Figures{Key: key}
		}
		return into[key]
	}
	for _, c := range cells {
		l := links[c.code]
		if l == nil || (keep != nil && !keep(l)) {
			continue
		}
		group(groupKey(by, l, c.day), groups).add(&c.f)
		group(c.day, days).add(&c.f)
		rep.Totals.add(&c.f)
	}
	for code, n := range posts {
		l := links[code]
		if l == nil || (keep != nil && !keep(l)) {
			continue
		}
		for day, m := range n {
			p := &Figures{Posts: m}
			group(groupKey(by, l, day), groups).add(p)
			group(day, days).add(p)
			rep.Totals.add(p)
		}
	}
	rep.Totals.rates()
	for _, f := range groups {
		f.rates()
		rep.Rows = append(rep.Rows, *f)
	}
	slices.SortFunc(rep.Rows, func(a, b Figures) int {
		if by == "day" {
			return strings.Compare(a.Key, b.Key)
		}
		return cmp.Or(cmp.Compare(b.Conversions, a.Conversions), cmp.Compare(b.Clicks, a.Clicks), strings.Compare(a.Key, b.Key))
	})
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		f := group(d.Format("2006-01-02"), days)
		f.rates()
		rep.Days = append(rep.Days, *f)
	}
	return rep, s.label(ctx, rep)
}

func groupKey(by string, l *links.Link, day string) string {
	switch by {
	case "derivative":
		return l.DerivativeID
	case "source":
		return l.SourceID
	case "campaign":
		return cmp.Or(l.Campaign, "(none)")
	case "channel":
		return l.Channel
	case "region":
		return cmp.Or(l.Region, "(toolkit and shares)")
	case "locale":
		return l.Locale
	case "kind":
		return l.Kind
	case "day":
		return day
	}
	return l.Code
}

// label names sources by title and derivatives by their first words.
func (s *Service) label(ctx context.Context, rep *Report) error {
	switch rep.By {
	case "source":
		for i := range rep.Rows {
			if s, err := s.rec.IndexedSource(ctx, rep.Rows[i].Key); err == nil {
				rep.Rows[i].Label = cmp.Or(s.Title, s.Key)
			}
		}
	case "derivative":
		ids := make([]string, len(rep.Rows))
		for i, r := range rep.Rows {
			ids[i] = r.Key
		}
		ds, err := s.rec.Derivatives(ctx, ids)
		if err != nil {
			return err
		}
		text := map[string]string{}
		for _, d := range ds {
			text[d.ID] = string(d.Kind) + " on " + string(d.Channel) + ": " + s.title(d)
		}
		for i := range rep.Rows {
			rep.Rows[i].Label = text[rep.Rows[i].Key]
		}
	}
	return nil
}

// Performance is what each derivative's links brought in the last days.
func (s *Service) Performance(ctx context.Context, days int) (map[string]Figures, error) {
	now := s.now()
	rep, err := s.Report(ctx, now.AddDate(0, 0, -days), now.AddDate(0, 0, 1), "derivative", nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Figures, len(rep.Rows))
	for _, r := range rep.Rows {
		out[r.Key] = r
	}
	return out, nil
}

// Score ranks performance: conversions first, then clicks (README, Feeding the loop): the
// conversions fill the high bits, so one conversion outranks any number of clicks.
func (f Figures) Score() int64 { return f.Conversions<<32 | min(f.Clicks, 1<<32-1) }

// HookTest is a pair of tweets trying two hooks on the same section (variants a and b),
// with what each brought and which won.
type HookTest struct {
	A Figures `json:"a"`
	B Figures `json:"b"`
	// Winner is "a" or "b": more conversions per post, then more clicks per post; ""
	// while one of them has not been published yet or they are level.
	Winner string `json:"winner"`
}

// HookTests reports the hook tests with posts or clicks in [from, to).
func (s *Service) HookTests(ctx context.Context, from, to time.Time, keep func(*links.Link) bool) ([]HookTest, error) {
	rep, err := s.Report(ctx, from, to, "derivative", keep)
	if err != nil {
		return nil, err
	}
	figures := map[string]Figures{}
	ids := make([]string, 0, len(rep.Rows))
	for _, r := range rep.Rows {
		figures[r.Key] = r
		ids = append(ids, r.Key)
	}
	ds, err := s.rec.Derivatives(ctx, ids)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := []HookTest{}
	for _, d := range ds {
		if d.Variant == "" || d.Pair == "" || seen[d.ID] {
			continue
		}
		a, b := d.ID, d.Pair
		if d.Variant == "b" {
			a, b = b, a
		}
		seen[a], seen[b] = true, true
		ht := HookTest{A: figures[a], B: figures[b]}
		ht.A.Key, ht.B.Key = a, b
		if ht.A.Label == "" || ht.B.Label == "" {
			pair, err := s.rec.Derivatives(ctx, []string{a, b})
			if err != nil {
				return nil, err
			}
			for _, p := range pair {
				label := s.title(p)
				if p.ID == a {
					ht.A.Label = label
				} else {
					ht.B.Label = label
				}
			}
		}
		ht.Winner = winner(ht.A, ht.B)
		out = append(out, ht)
	}
	slices.SortFunc(out, func(x, y HookTest) int {
		return cmp.Compare(y.A.Clicks+y.B.Clicks, x.A.Clicks+x.B.Clicks)
	})
	return out, nil
}

func winner(a, b Figures) string {
	if a.Posts == 0 || b.Posts == 0 {
		return ""
	}
	perPost := func(n, posts int64) float64 { return float64(n) / float64(posts) }
	switch c := cmp.Or(cmp.Compare(perPost(a.Conversions, a.Posts), perPost(b.Conversions, b.Posts)),
		cmp.Compare(a.ClicksPerPost, b.ClicksPerPost)); c {
	case 1:
		return "a"
	case -1:
		return "b"
	}
	return ""
}
