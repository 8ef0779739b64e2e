package pages

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
	"github.com/repurpose/repurpose/web/httpx"
)

// The calendar page: a region's posts by local day, with what happened to each, and the
// controls a marketer or regional lead needs — move or cancel a post, pause a channel,
// and settle a post whose outcome a crash left unknown.

type calendarPage struct {
	Regions []config.Region // those with channels that p may open
	Region  *config.Region
	Days    []calendarDay
	Paused  map[string]bool
	Notes   []planstore.Note // why sources are not planned in the region
	Feed    string           // the iCalendar URL (without a token)
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

// Calendar is a region's posts by local day, with the controls to steer them.
func (pg *Regional) Calendar(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	v := calendarPage{Paused: map[string]bool{}, Notice: calendarNotices[r.URL.Query().Get("done")]}
	for _, reg := range pg.acc.Regions(p) {
		if len(reg.Channels) > 0 {
			v.Regions = append(v.Regions, reg)
		}
	}
	if len(v.Regions) == 0 {
		pg.render(w, r, http.StatusOK, "calendar", view{Title: "Calendar", User: p, Data: v})
		return
	}
	id := r.URL.Query().Get("region")
	if id == "" {
		id = v.Regions[0].ID
	}
	cv, reg, err := pg.acc.Calendar(r, p, id)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v.Region, v.Feed = reg, pg.cfg.Infra.PublicURL+"/calendar/"+reg.ID+".ics"
	if u := pg.auth.User(p.Name); u != nil {
		if tok, err := pg.auth.CalendarToken(r.Context(), u); err == nil {
			v.Feed += "?token=" + url.QueryEscape(tok)
		}
	}
	for _, k := range cv.Paused {
		v.Paused[k] = true
	}
	v.Notes = cv.Notes
	loc, _ := time.LoadLocation(reg.TimeZone)
	texts := map[string]string{}
	ids := make([]string, 0, len(cv.Items))
	for _, it := range cv.Items {
		ids = append(ids, it.DerivativeID)
	}
	ds, err := pg.tk.Record().Derivatives(r.Context(), ids)
	if err != nil {
		pg.Error(w, r, p, err)
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
	pg.render(w, r, http.StatusOK, "calendar", view{Title: "Calendar", User: p, Data: v})
}

// backToCalendar returns to the region's calendar with a notice, or shows why not.
func (pg *Regional) backToCalendar(w http.ResponseWriter, r *http.Request, p *httpx.Principal, region, done string, err error) {
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/calendar?"+url.Values{"region": {region}, "done": {done}}.Encode(), http.StatusSeeOther)
}

// entryRegion is the region of a plan entry, for coming back to its calendar.
func (pg *Regional) entryRegion(r *http.Request) (*planstore.PlanEntry, *config.Region, error) {
	e, err := pg.tk.Plans().Entry(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	reg := pg.acc.Region(e.Region)
	if reg == nil {
		return nil, nil, errs.E("pages.entryRegion", errs.Invalid, "region "+e.Region+" is no longer configured")
	}
	return e, reg, nil
}

// Move moves a post to the form's local time.
func (pg *Regional) Move(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	e, reg, err := pg.entryRegion(r)
	if err == nil {
		var at time.Time
		if at, err = ics.LocalTime(r.FormValue("at"), reg.TimeZone); err == nil {
			_, err = pg.tk.Plans().Reschedule(r.Context(), pg.acc.Allow(p), p.Name, e.ID, at)
		} else {
			err = errs.E("pages.uiMovePost", errs.Invalid, err.Error())
		}
	}
	pg.backToCalendar(w, r, p, regionID(reg), "moved", err)
}

// Cancel cancels a post.
func (pg *Regional) Cancel(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	e, reg, err := pg.entryRegion(r)
	if err == nil {
		_, err = pg.tk.Plans().CancelPost(r.Context(), pg.acc.Allow(p), p.Name, e.ID)
	}
	pg.backToCalendar(w, r, p, regionID(reg), "cancelled", err)
}

// Resolve settles a post whose outcome is unknown.
func (pg *Regional) Resolve(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	e, reg, err := pg.entryRegion(r)
	if err == nil {
		_, err = pg.tk.Plans().Resolve(r.Context(), pg.acc.Allow(p), p.Name, e.ID, r.FormValue("published") == "yes", r.FormValue("url"))
	}
	pg.backToCalendar(w, r, p, regionID(reg), "resolved", err)
}

// Pause pauses or resumes a region or one of its channels.
func (pg *Regional) Pause(paused bool) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
		region := r.PathValue("region")
		reg, err := pg.acc.UserRegion(p, region)
		if err == nil {
			_, err = pg.tk.Plans().Pause(r.Context(), reg, r.FormValue("channel"), paused, p.Name)
		}
		done := "resumed"
		if paused {
			done = "paused"
		}
		pg.backToCalendar(w, r, p, region, done, err)
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
