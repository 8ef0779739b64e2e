package toolkit

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
)

// report reads ?by= (default channel), ?from= and ?to= (dates, UTC; default the last 30
// days) and reports what p may see: a regional user, their regions' links.
func (t *Toolkit) report(r *http.Request, p *Principal, defaultBy string) (*analytics.Report, error) {
	q := r.URL.Query()
	by := q.Get("by")
	if by == "" {
		by = defaultBy
	}
	today := t.now().UTC().Truncate(24 * time.Hour)
	from, to := today.AddDate(0, 0, -29), today.AddDate(0, 0, 1)
	for name, dst := range map[string]*time.Time{"from": &from, "to": &to} {
		if v := q.Get(name); v != "" {
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return nil, errs.E("toolkit.report", errs.Invalid, fmt.Sprintf("%s %q must be a date such as 2026-06-01", name, v))
			}
			*dst = d
		}
	}
	if q.Get("to") != "" {
		to = to.AddDate(0, 0, 1) // the last day counts whole
	}
	return t.analytics.Report(r.Context(), from, to, by, t.linkScope(p))
}

// linkScope is which links p's analytics cover: a regional user's regions' (nil: all).
func (t *Toolkit) linkScope(p *Principal) func(*links.Link) bool {
	if p.Role != config.RoleRegional {
		return nil
	}
	return func(l *links.Link) bool { return l.Region != "" && slices.Contains(t.userRegions(p), l.Region) }
}

func (t *Toolkit) getAnalytics(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := t.report(r, p, "channel")
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (t *Toolkit) analyticsCSV(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := t.report(r, p, "channel")
	if t.failed(w, r, err) {
		return
	}
	rows := make([][]string, 0, len(rep.Rows))
	for _, f := range rep.Rows {
		rows = append(rows, []string{f.Key, f.Label, itoa(f.Clicks), itoa(f.Previews), itoa(f.Uniques), itoa(f.Conversions),
			itoa(f.New), itoa(f.Returning), itoa(f.Posts), ftoa(f.ClicksPerPost), ftoa(f.ConversionRate)})
	}
	writeCSV(w, fmt.Sprintf("analytics-%s-%s-%s", rep.By, rep.From.Format("20060102"), rep.To.AddDate(0, 0, -1).Format("20060102")),
		[]string{rep.By, "label", "clicks", "previews", "uniques", "conversions", "new", "returning", "posts", "clicks_per_post", "conversion_rate"}, rows)
}

// getHookTests answers the A/B tests of tweet hooks over the same span as analytics.
func (t *Toolkit) getHookTests(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := t.report(r, p, "derivative")
	if t.failed(w, r, err) {
		return
	}
	tests, err := t.analytics.HookTests(r.Context(), rep.From, rep.To, t.linkScope(p))
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"from": rep.From, "to": rep.To, "hook_tests": tests})
}

func itoa(n int64) string   { return strconv.FormatInt(n, 10) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

// analyticsPage is the dashboard: totals, a chart of the days, the best performers, and
// the figures by channel, region and campaign.
type analyticsPage struct {
	Report   *analytics.Report
	Hooks    []analytics.HookTest
	Chart    chart
	Top      []analytics.Figures
	Tables   []analyticsTable
	From, To string
	Query    string
}

type analyticsTable struct {
	Title, By string
	Rows      []analytics.Figures
}

// chart is a server-drawn bar chart of clicks (and conversions) per day.
type chart struct {
	Width, Height int
	Bars          []bar
	Max           int64
	Summary       string
}

type bar struct {
	X, Y, W, H, CY, CH int
	Label              string
}

func drawChart(days []analytics.Figures) chart {
	c := chart{Width: 720, Height: 180}
	for _, d := range days {
		c.Max = max(c.Max, d.Clicks)
	}
	if len(days) == 0 {
		return c
	}
	slot := c.Width / len(days)
	var clicks, conv int64
	for i, d := range days {
		h, ch := 0, 0
		if c.Max > 0 {
			h = int(d.Clicks * int64(c.Height-20) / c.Max)
			ch = int(d.Conversions * int64(c.Height-20) / c.Max)
		}
		c.Bars = append(c.Bars, bar{X: i*slot + 1, Y: c.Height - h, W: max(slot-2, 1), H: h, CY: c.Height - ch, CH: ch,
			Label: fmt.Sprintf("%s: %d clicks, %d conversions", d.Key, d.Clicks, d.Conversions)})
		clicks += d.Clicks
		conv += d.Conversions
	}
	c.Summary = fmt.Sprintf("Clicks per day from %s to %s: %d clicks, %d conversions in all; the busiest day had %d clicks.",
		days[0].Key, days[len(days)-1].Key, clicks, conv, c.Max)
	return c
}

func (t *Toolkit) uiAnalytics(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := t.report(r, p, "derivative")
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	v := analyticsPage{Report: rep, Chart: drawChart(rep.Days), From: rep.From.Format("2006-01-02"),
		To: rep.To.AddDate(0, 0, -1).Format("2006-01-02"), Query: r.URL.RawQuery}
	v.Top = rep.Rows[:min(10, len(rep.Rows))]
	if v.Hooks, err = t.analytics.HookTests(r.Context(), rep.From, rep.To, t.linkScope(p)); err != nil {
		t.uiError(w, r, p, err)
		return
	}
	for _, g := range []struct{ title, by string }{{"By channel", "channel"}, {"By region", "region"}, {"By campaign", "campaign"}} {
		q := r.URL.Query()
		q.Set("by", g.by)
		r2 := r.Clone(r.Context())
		r2.URL.RawQuery = q.Encode()
		sub, err := t.report(r2, p, g.by)
		if err != nil {
			t.uiError(w, r, p, err)
			return
		}
		v.Tables = append(v.Tables, analyticsTable{Title: g.title, By: g.by, Rows: sub.Rows})
	}
	t.render(w, r, http.StatusOK, "analytics", view{Title: "Analytics", User: p, Data: v})
}
