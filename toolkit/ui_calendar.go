package toolkit

import (
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/feed"
	"github.com/repurpose/repurpose/ics"
	"github.com/repurpose/repurpose/planstore"
)

// The calendar page: a region's posts by local day, with what happened to each, and the
// controls a marketer or regional lead needs — move or cancel a post, pause a channel,
// and settle a post whose outcome a crash left unknown.

type calendarPage struct {
	Regions []config.Region // those with channels that p may open
	Region  *config.Region
	Days    []calendarDay
	Paused  map[string]bool
	Feed    string // the iCalendar URL (without a token)
	Notice  string
}

type calendarDay struct {
	Date  string
	Posts []calendarPost
}

type calendarPost struct {
	planstore.CalendarItem
	Local string // the time in the region's zone
	Text  string
	State string // planned, or the post's state
	Open  bool   // not yet touched by publishing: may move or be cancelled
	Until string // a datetime-local value for the move form
}

var calendarNotices = map[string]string{
	"moved": "Moved.", "cancelled": "Cancelled.", "resolved": "Resolved.",
	"paused": "Paused: its posts not yet out are cancelled until it resumes.", "resumed": "Resumed: its posts are planned again from now.",
}

func (t *Toolkit) uiCalendar(w http.ResponseWriter, r *http.Request, p *Principal) {
	v := calendarPage{Paused: map[string]bool{}, Notice: calendarNotices[r.URL.Query().Get("done")]}
	for _, reg := range t.uiRegions(p) {
		if len(reg.Channels) > 0 {
			v.Regions = append(v.Regions, reg)
		}
	}
	if len(v.Regions) == 0 {
		t.render(w, r, http.StatusOK, "calendar", view{Title: "Calendar", User: p, Data: v})
		return
	}
	id := r.URL.Query().Get("region")
	if id == "" {
		id = v.Regions[0].ID
	}
	cv, reg, err := t.calendarFor(r, p, id)
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	v.Region, v.Feed = reg, t.cfg.Infra.PublicURL+"/calendar/"+reg.ID+".ics"
	if u := t.user(p.Name); u != nil {
		if tok, err := t.CalendarToken(r.Context(), u); err == nil {
			v.Feed += "?token=" + url.QueryEscape(tok)
		}
	}
	for _, k := range cv.Paused {
		v.Paused[k] = true
	}
	loc, _ := time.LoadLocation(reg.TimeZone)
	texts := map[string]string{}
	ids := make([]string, 0, len(cv.Items))
	for _, it := range cv.Items {
		ids = append(ids, it.DerivativeID)
	}
	ds, err := t.rec.Derivatives(r.Context(), ids)
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	for _, d := range ds {
		texts[d.ID] = feed.Text(d, "")
	}
	for _, it := range cv.Items {
		at := it.At.In(loc)
		post := calendarPost{CalendarItem: it, Local: at.Format("15:04"), Text: texts[it.DerivativeID], State: it.Status,
			Open: it.Post == nil || it.Post.State == planstore.Waiting, Until: at.Format("2006-01-02T15:04")}
		if it.Post != nil {
			post.State = string(it.Post.State)
		}
		date := at.Format("Monday 2 January 2006")
		if n := len(v.Days); n == 0 || v.Days[n-1].Date != date {
			v.Days = append(v.Days, calendarDay{Date: date})
		}
		v.Days[len(v.Days)-1].Posts = append(v.Days[len(v.Days)-1].Posts, post)
	}
	t.render(w, r, http.StatusOK, "calendar", view{Title: "Calendar", User: p, Data: v})
}

// backToCalendar returns to the region's calendar with a notice, or shows why not.
func (t *Toolkit) backToCalendar(w http.ResponseWriter, r *http.Request, p *Principal, region, done string, err error) {
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/calendar?"+url.Values{"region": {region}, "done": {done}}.Encode(), http.StatusSeeOther)
}

// entryRegion is the region of a plan entry, for coming back to its calendar.
func (t *Toolkit) entryRegion(r *http.Request) (*planstore.PlanEntry, *config.Region, error) {
	e, err := t.plans.Entry(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	reg := t.region(e.Region)
	if reg == nil {
		return nil, nil, errs.E("toolkit.entryRegion", errs.Invalid, "region "+e.Region+" is no longer configured")
	}
	return e, reg, nil
}

func (t *Toolkit) uiMovePost(w http.ResponseWriter, r *http.Request, p *Principal) {
	e, reg, err := t.entryRegion(r)
	if err == nil {
		var at time.Time
		if at, err = ics.LocalTime(r.FormValue("at"), reg.TimeZone); err == nil {
			_, err = t.Reschedule(r.Context(), p, e.ID, at)
		} else {
			err = errs.E("toolkit.uiMovePost", errs.Invalid, err.Error())
		}
	}
	t.backToCalendar(w, r, p, regionID(reg), "moved", err)
}

func (t *Toolkit) uiCancelPost(w http.ResponseWriter, r *http.Request, p *Principal) {
	e, reg, err := t.entryRegion(r)
	if err == nil {
		_, err = t.CancelPost(r.Context(), p, e.ID)
	}
	t.backToCalendar(w, r, p, regionID(reg), "cancelled", err)
}

func (t *Toolkit) uiResolvePost(w http.ResponseWriter, r *http.Request, p *Principal) {
	e, reg, err := t.entryRegion(r)
	if err == nil {
		_, err = t.Resolve(r.Context(), p, e.ID, r.FormValue("published") == "yes", r.FormValue("url"))
	}
	t.backToCalendar(w, r, p, regionID(reg), "resolved", err)
}

func (t *Toolkit) uiPause(paused bool) func(http.ResponseWriter, *http.Request, *Principal) {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		region := r.PathValue("region")
		_, err := t.Pause(r.Context(), p, region, r.FormValue("channel"), paused)
		done := "resumed"
		if paused {
			done = "paused"
		}
		t.backToCalendar(w, r, p, region, done, err)
	}
}

func regionID(r *config.Region) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// channels of a region, sorted, for the pause controls.
func (cp calendarPage) Channels() []string {
	if cp.Region == nil {
		return nil
	}
	out := make([]string, 0, len(cp.Region.Channels))
	for ch := range cp.Region.Channels {
		out = append(out, ch)
	}
	slices.Sort(out)
	return out
}
