package api

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/ics"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/web/httpx"
)

// Seeing and steering the plan: the calendar as JSON and as an iCalendar feed, moving or
// cancelling one post, pausing a region or one of its channels, and settling a post whose
// outcome a crash left unknown (package planstore does each).

// Calendar answers a region's calendar (?region=, default the caller's first).
func (a *API) Calendar(w http.ResponseWriter, r *http.Request, p *Principal) {
	region := r.URL.Query().Get("region")
	if region == "" && len(a.cfg.File.Regions) > 0 {
		region = a.cfg.File.Regions[0].ID
		if p.Role == config.RoleRegional && len(p.Regions) > 0 {
			region = p.Regions[0]
		}
	}
	v, _, err := a.acc.Calendar(r, p, region)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, v)
}

// CalendarICS serves /calendar/{region}.ics: the region's posts from a week ago to three
// months ahead (or ?from= and ?to=) for calendar apps.
func (a *API) CalendarICS(w http.ResponseWriter, r *http.Request, p *Principal) {
	region, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		httpx.WriteError(w, http.StatusNotFound, "not_found", "no such calendar: use /calendar/{region}.ics")
		return
	}
	now := a.tk.Now()
	q := r.URL.Query()
	if q.Get("from") == "" {
		q.Set("from", now.AddDate(0, 0, -7).Format(time.RFC3339)) // last week too, with outcomes
		q.Set("to", now.AddDate(0, 3, 0).Format(time.RFC3339))
		r.URL.RawQuery = q.Encode()
	}
	v, reg, err := a.acc.Calendar(r, p, region)
	if a.Failed(w, r, err) {
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="`+reg.ID+`.ics"`)
	_, _ = w.Write(planICS(v, reg, a.cfg.Infra.PublicURL, now))
}

// planICS is a region's calendar as RFC 5545: one 15-minute event per post, its UID the
// entry's, so a moved post moves in the subscriber's calendar.
func planICS(v *planstore.CalendarView, reg *config.Region, public string, now time.Time) []byte {
	name := reg.Name
	if name == "" {
		name = reg.ID
	}
	cal := ics.Calendar{ProdID: "-//repurpose//plan//EN", Name: "Posts: " + name, TimeZone: reg.TimeZone}
	for _, it := range v.Items {
		state := it.Status
		if it.Post != nil {
			state = string(it.Post.State)
		}
		desc := fmt.Sprintf("Account: %s\nSource: %s\nDerivative: %s", it.Account, it.SourceID, it.DerivativeID)
		if it.Post != nil && it.Post.URL != "" {
			desc += "\nPosted: " + it.Post.URL
		}
		if it.Post != nil && it.Post.Error != "" {
			desc += "\n" + it.Post.Error
		}
		cal.Events = append(cal.Events, ics.Event{UID: it.ID + "@repurpose", Start: it.At,
			Summary: fmt.Sprintf("%s %s (%s, %s)", it.Channel, it.Kind, it.Locale, state), Description: desc, URL: public + "/ui/sources/" + it.SourceID})
	}
	return cal.Bytes(now)
}

// planBody bounds the small JSON bodies of plan changes.
const planBody = 64 << 10

// Reschedule moves a planned post.
func (a *API) Reschedule(w http.ResponseWriter, r *http.Request, p *Principal) {
	var req struct {
		At time.Time `json:"at"`
	}
	if !httpx.ReadJSON(w, r, &req, planBody, `{"at": "2026-06-01T09:00:00Z"}`) {
		return
	}
	e, err := a.tk.Plans().Reschedule(r.Context(), a.acc.Allow(p), p.Name, r.PathValue("id"), req.At)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"entry": e})
}

// Cancel cancels a planned post.
func (a *API) Cancel(w http.ResponseWriter, r *http.Request, p *Principal) {
	e, err := a.tk.Plans().CancelPost(r.Context(), a.acc.Allow(p), p.Name, r.PathValue("id"))
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"entry": e})
}

// Resolve settles a post whose outcome is unknown.
func (a *API) Resolve(w http.ResponseWriter, r *http.Request, p *Principal) {
	var req struct {
		Published *bool  `json:"published"`
		URL       string `json:"url"`
	}
	if !httpx.ReadJSON(w, r, &req, planBody, `{"published": true, "url": "https://..."} or {"published": false}`) {
		return
	}
	if req.Published == nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `say whether it went out: {"published": true} or {"published": false}`)
		return
	}
	rec, err := a.tk.Plans().Resolve(r.Context(), a.acc.Allow(p), p.Name, r.PathValue("id"), *req.Published, req.URL)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"post": rec})
}

// Pause pauses (or resumes) a region, or one of its channels with ?channel=.
func (a *API) Pause(paused bool) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		reg, err := a.acc.UserRegion(p, r.PathValue("region"))
		var ps planstore.Pauses
		if err == nil {
			ps, err = a.tk.Plans().Pause(r.Context(), reg, r.URL.Query().Get("channel"), paused, p.Name)
		}
		if a.Failed(w, r, err) {
			return
		}
		keys := make([]string, 0, len(ps))
		for k := range ps {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"paused": keys})
	}
}
