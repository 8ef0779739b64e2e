package api

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/repurpose/repurpose/web/httpx"
)

// Analytics answers the figures by ?by= over ?from= and ?to=.
func (a *API) Analytics(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := a.acc.Report(r, p, "channel")
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, rep)
}

// AnalyticsCSV answers the same figures as a CSV download.
func (a *API) AnalyticsCSV(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := a.acc.Report(r, p, "channel")
	if a.Failed(w, r, err) {
		return
	}
	rows := make([][]string, 0, len(rep.Rows))
	for _, f := range rep.Rows {
		rows = append(rows, []string{f.Key, f.Label, itoa(f.Clicks), itoa(f.Previews), itoa(f.Uniques), itoa(f.Conversions),
			itoa(f.New), itoa(f.Returning), itoa(f.Posts), ftoa(f.ClicksPerPost), ftoa(f.ConversionRate)})
	}
	httpx.WriteCSV(w, fmt.Sprintf("analytics-%s-%s-%s", rep.By, rep.From.Format("20060102"), rep.To.AddDate(0, 0, -1).Format("20060102")),
		[]string{rep.By, "label", "clicks", "previews", "uniques", "conversions", "new", "returning", "posts", "clicks_per_post", "conversion_rate"}, rows)
}

// HookTests answers the A/B tests of tweet hooks over the same span as analytics.
func (a *API) HookTests(w http.ResponseWriter, r *http.Request, p *Principal) {
	rep, err := a.acc.Report(r, p, "derivative")
	if a.Failed(w, r, err) {
		return
	}
	tests, err := a.tk.Analytics().HookTests(r.Context(), rep.From, rep.To, a.acc.Links(p))
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"from": rep.From, "to": rep.To, "hook_tests": tests})
}

func itoa(n int64) string   { return strconv.FormatInt(n, 10) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }
