package pages

import (
	"fmt"
	"net/http"

	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/web/httpx"
)

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

// Analytics is the dashboard of what the links brought.
func (pg *Regional) Analytics(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	rep, err := pg.acc.Report(r, p, "derivative")
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v := analyticsPage{Report: rep, Chart: drawChart(rep.Days), From: rep.From.Format("2006-01-02"),
		To: rep.To.AddDate(0, 0, -1).Format("2006-01-02"), Query: r.URL.RawQuery}
	v.Top = rep.Rows[:min(10, len(rep.Rows))]
	if v.Hooks, err = pg.tk.Analytics().HookTests(r.Context(), rep.From, rep.To, pg.acc.Links(p)); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	for _, g := range []struct{ title, by string }{{"By channel", "channel"}, {"By region", "region"}, {"By campaign", "campaign"}} {
		q := r.URL.Query()
		q.Set("by", g.by)
		r2 := r.Clone(r.Context())
		r2.URL.RawQuery = q.Encode()
		sub, err := pg.acc.Report(r2, p, g.by)
		if err != nil {
			pg.Error(w, r, p, err)
			return
		}
		v.Tables = append(v.Tables, analyticsTable{Title: g.title, By: g.by, Rows: sub.Rows})
	}
	pg.render(w, r, http.StatusOK, "analytics", view{Title: "Analytics", User: p, Data: v})
}
