package toolkit

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/errs"
)

// Analytics: which snippet, in which region and channel, sends people who convert. Counts
// come per code and day (Redis, or the day's rollup in S3); each code's link says what it
// was for; published posts give the click-through per post.

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

// Analytics reports [from, to) (whole UTC days) grouped by by; keep narrows it to the
// links a user may see (nil: all).
func (t *Toolkit) Analytics(ctx context.Context, from, to time.Time, by string, keep func(*Link) bool) (*Report, error) {
	if !slices.Contains(Groupings, by) {
		return nil, errs.E("toolkit.Analytics", errs.Invalid, fmt.Sprintf("by %q must be one of %s", by, strings.Join(Groupings, ", ")))
	}
	from = from.UTC().Truncate(24 * time.Hour)
	if to.Sub(from) > 400*24*time.Hour || !to.After(from) {
		return nil, errs.E("toolkit.Analytics", errs.Invalid, "to must come after from, within 400 days")
	}
	type cell struct {
		code, day string
		f         Figures
	}
	var cells []cell
	codes := map[string]bool{}
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		r, err := t.dayCounts(ctx, d)
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
			case evClick:
				f.Clicks += n
			case evPreview:
				f.Previews += n
			case evConverted:
				f.Conversions += n
			case evNew:
				f.New += n
			case evReturning:
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
	posts, err := t.publishedByCode(ctx, from, to)
	if err != nil {
		return nil, err
	}
	for code := range posts {
		codes[code] = true
	}
	links, err := t.linksOf(ctx, codes)
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
	return rep, t.label(ctx, rep)
}

func groupKey(by string, l *Link, day string) string {
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
func (t *Toolkit) label(ctx context.Context, rep *Report) error {
	switch rep.By {
	case "source":
		for i := range rep.Rows {
			if s, err := t.rec.IndexedSource(ctx, rep.Rows[i].Key); err == nil {
				rep.Rows[i].Label = cmp.Or(s.Title, s.Key)
			}
		}
	case "derivative":
		ids := make([]string, len(rep.Rows))
		for i, r := range rep.Rows {
			ids[i] = r.Key
		}
		ds, err := t.rec.Derivatives(ctx, ids)
		if err != nil {
			return err
		}
		text := map[string]string{}
		for _, d := range ds {
			text[d.ID] = string(d.Kind) + " on " + string(d.Channel) + ": " + entryTitle(renderFor(d, ""))
		}
		for i := range rep.Rows {
			rep.Rows[i].Label = text[rep.Rows[i].Key]
		}
	}
	return nil
}

// linksOf reads the links of codes, with the campaign of their source filled in.
func (t *Toolkit) linksOf(ctx context.Context, codes map[string]bool) (map[string]*Link, error) {
	out := map[string]*Link{}
	if len(codes) == 0 {
		return out, nil
	}
	keys := make([]string, 0, len(codes))
	for c := range codes {
		keys = append(keys, c)
	}
	vals, err := t.rdb.HMGet(ctx, keyLink, keys...).Result()
	if err != nil {
		return nil, err
	}
	campaigns := map[string]string{}
	for i, v := range vals {
		s, ok := v.(string)
		if !ok {
			continue
		}
		var l Link
		if err := json.Unmarshal([]byte(s), &l); err != nil {
			return nil, err
		}
		if l.Campaign == "" {
			c, seen := campaigns[l.SourceID]
			if !seen {
				if src, err := t.rec.IndexedSource(ctx, l.SourceID); err == nil {
					c = src.Campaign
				}
				campaigns[l.SourceID] = c
			}
			l.Campaign = c
		}
		out[keys[i]] = &l
	}
	return out, nil
}

// publishedByCode counts the posts published in [from, to), by link code and UTC day.
func (t *Toolkit) publishedByCode(ctx context.Context, from, to time.Time) (map[string]map[string]int64, error) {
	out := map[string]map[string]int64{}
	for _, r := range t.cfg.File.Regions {
		items, err := t.Calendar(ctx, r.ID, from, to)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.Code == "" || it.Post == nil || it.Post.State != Published {
				continue
			}
			if out[it.Code] == nil {
				out[it.Code] = map[string]int64{}
			}
			out[it.Code][it.At.UTC().Format("2006-01-02")]++
		}
	}
	return out, nil
}

// Performance is what each derivative's links brought in the last days.
func (t *Toolkit) Performance(ctx context.Context, days int) (map[string]Figures, error) {
	now := t.now()
	rep, err := t.Analytics(ctx, now.AddDate(0, 0, -days), now.AddDate(0, 0, 1), "derivative", nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Figures, len(rep.Rows))
	for _, r := range rep.Rows {
		out[r.Key] = r
	}
	return out, nil
}

// Score ranks performance: conversions first, then clicks (a conversion outweighs a
// hundred clicks).
func (f Figures) Score() int64 { return f.Conversions*100 + f.Clicks }

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
func (t *Toolkit) HookTests(ctx context.Context, from, to time.Time, keep func(*Link) bool) ([]HookTest, error) {
	rep, err := t.Analytics(ctx, from, to, "derivative", keep)
	if err != nil {
		return nil, err
	}
	figures := map[string]Figures{}
	ids := make([]string, 0, len(rep.Rows))
	for _, r := range rep.Rows {
		figures[r.Key] = r
		ids = append(ids, r.Key)
	}
	ds, err := t.rec.Derivatives(ctx, ids)
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
			pair, err := t.rec.Derivatives(ctx, []string{a, b})
			if err != nil {
				return nil, err
			}
			for _, p := range pair {
				label := entryTitle(renderFor(p, ""))
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
