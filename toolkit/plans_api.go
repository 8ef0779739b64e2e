package toolkit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/ics"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/tasks"
)

// Seeing and steering the plan: the calendar as JSON and as an iCalendar feed, moving or
// cancelling one post, pausing a region or one of its channels, and settling a post whose
// outcome a crash left unknown.

// PlanLock is the lock every change to plans takes (the planner's too), so a person's
// change and a re-plan never interleave.
const PlanLock = "plan"

// userRegion is the configured region with this ID, if p may work on it.
func (t *Toolkit) userRegion(p *Principal, id string) (*config.Region, error) {
	r := t.region(id)
	if r == nil {
		ids := make([]string, 0, len(t.cfg.File.Regions))
		for _, r := range t.cfg.File.Regions {
			ids = append(ids, r.ID)
		}
		return nil, errs.E("toolkit.userRegion", errs.Invalid, fmt.Sprintf("region %q is not configured (regions: %s)", id, strings.Join(ids, ", ")))
	}
	if p.Role == config.RoleRegional && !slices.ContainsFunc(t.userRegions(p), func(x string) bool { return strings.EqualFold(x, r.ID) }) {
		return nil, errs.E("toolkit.userRegion", errs.Forbidden, fmt.Sprintf("region %s is not one of yours (%s)", r.ID, strings.Join(t.userRegions(p), ", ")))
	}
	return r, nil
}

// CalendarView is a region's calendar over a span, as the API answers it.
type CalendarView struct {
	Region   string                   `json:"region"`
	TimeZone string                   `json:"timezone"`
	From     time.Time                `json:"from"`
	To       time.Time                `json:"to"`
	Paused   []string                 `json:"paused,omitempty"`
	Items    []planstore.CalendarItem `json:"items"`
}

// calendarSpan reads ?from= and ?to= (RFC 3339, or a date taken in the region's zone);
// the default is the next 30 days.
func calendarSpan(q map[string][]string, loc *time.Location, now time.Time) (time.Time, time.Time, error) {
	parse := func(name string, def time.Time) (time.Time, error) {
		v := ""
		if vs := q[name]; len(vs) > 0 {
			v = vs[0]
		}
		if v == "" {
			return def, nil
		}
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t, nil
		}
		if t, err := time.ParseInLocation("2006-01-02", v, loc); err == nil {
			return t, nil
		}
		return time.Time{}, errs.E("toolkit.calendarSpan", errs.Invalid, fmt.Sprintf("%s %q must be a date (2026-06-01) or a time (2026-06-01T09:00:00Z)", name, v))
	}
	from, err := parse("from", now)
	if err != nil {
		return from, from, err
	}
	to, err := parse("to", from.AddDate(0, 0, 30))
	if err != nil {
		return from, to, err
	}
	if !to.After(from) || to.Sub(from) > 400*24*time.Hour {
		return from, to, errs.E("toolkit.calendarSpan", errs.Invalid, "to must come after from, within 400 days")
	}
	return from, to, nil
}

// RegionCalendar is region's calendar in [from, to), with what is paused.
func (t *Toolkit) RegionCalendar(ctx context.Context, r *config.Region, from, to time.Time) (*CalendarView, error) {
	items, err := t.plans.Calendar(ctx, r.ID, from, to)
	if err != nil {
		return nil, err
	}
	pauses, err := t.plans.Paused(ctx)
	if err != nil {
		return nil, err
	}
	v := &CalendarView{Region: r.ID, TimeZone: r.TimeZone, From: from.UTC(), To: to.UTC(), Items: items}
	for k := range pauses {
		if k == r.ID || strings.HasPrefix(k, r.ID+"/") {
			v.Paused = append(v.Paused, k)
		}
	}
	slices.Sort(v.Paused)
	return v, nil
}

func (t *Toolkit) calendarFor(r *http.Request, p *Principal, region string) (*CalendarView, *config.Region, error) {
	reg, err := t.userRegion(p, region)
	if err != nil {
		return nil, nil, err
	}
	loc, err := time.LoadLocation(reg.TimeZone)
	if err != nil {
		return nil, nil, err
	}
	from, to, err := calendarSpan(r.URL.Query(), loc, t.now())
	if err != nil {
		return nil, nil, err
	}
	v, err := t.RegionCalendar(r.Context(), reg, from, to)
	return v, reg, err
}

func (t *Toolkit) getCalendar(w http.ResponseWriter, r *http.Request, p *Principal) {
	region := r.URL.Query().Get("region")
	if region == "" && len(t.cfg.File.Regions) > 0 {
		region = t.cfg.File.Regions[0].ID
		if p.Role == config.RoleRegional && len(p.Regions) > 0 {
			region = p.Regions[0]
		}
	}
	v, _, err := t.calendarFor(r, p, region)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// calendarICS serves /calendar/{region}.ics: the region's posts from a week ago to three
// months ahead (or ?from= and ?to=) for calendar apps.
func (t *Toolkit) calendarICS(w http.ResponseWriter, r *http.Request, p *Principal) {
	region, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no such calendar: use /calendar/{region}.ics")
		return
	}
	q := r.URL.Query()
	if q.Get("from") == "" {
		q.Set("from", t.now().AddDate(0, 0, -7).Format(time.RFC3339)) // last week too, with outcomes
		q.Set("to", t.now().AddDate(0, 3, 0).Format(time.RFC3339))
		r.URL.RawQuery = q.Encode()
	}
	v, reg, err := t.calendarFor(r, p, region)
	if t.failed(w, r, err) {
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="`+reg.ID+`.ics"`)
	_, _ = w.Write(planICS(v, reg, t.cfg.Infra.PublicURL, t.now()))
}

// planICS is a region's calendar as RFC 5545: one 15-minute event per post, its UID the
// entry's, so a moved post moves in the subscriber's calendar.
func planICS(v *CalendarView, reg *config.Region, public string, now time.Time) []byte {
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

// changeEntry applies change to one entry of its source's plan, under the plan lock,
// and stores the plan. p must be allowed the entry's region.
func (t *Toolkit) changeEntry(ctx context.Context, p *Principal, id string, change func(e *planstore.PlanEntry) error) (*planstore.PlanEntry, error) {
	idx, err := t.plans.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := t.userRegion(p, idx.Region); err != nil {
		return nil, err
	}
	var out *planstore.PlanEntry
	err = t.rec.Locks().WithLock(ctx, PlanLock, func() error {
		plan, err := t.plans.SourcePlan(ctx, idx.SourceID)
		if err != nil {
			return err
		}
		if plan == nil {
			return errs.E("toolkit.changeEntry", errs.NotFound, "")
		}
		old := *plan
		old.Entries = slices.Clone(plan.Entries)
		for i := range plan.Entries {
			if plan.Entries[i].ID == id {
				if err := change(&plan.Entries[i]); err != nil {
					return err
				}
				out = &plan.Entries[i]
				return t.plans.SavePlan(ctx, plan, &old)
			}
		}
		return errs.E("toolkit.changeEntry", errs.NotFound, "")
	})
	return out, err
}

// attempted refuses a change to a post publishing has already touched.
func (t *Toolkit) attempted(ctx context.Context, id string) error {
	rec, err := t.plans.PostRecord(ctx, id)
	if err != nil {
		return err
	}
	if rec != nil && rec.State != planstore.Waiting {
		return errs.E("toolkit.attempted", errs.Conflict, fmt.Sprintf("this post is %s already; it cannot be moved or cancelled", rec.State))
	}
	return nil
}

// Reschedule moves a planned post to at (a person's choice, which re-planning keeps).
func (t *Toolkit) Reschedule(ctx context.Context, p *Principal, id string, at time.Time) (*planstore.PlanEntry, error) {
	if !at.After(t.now()) {
		return nil, errs.E("toolkit.Reschedule", errs.Invalid, "the new time must be in the future")
	}
	if err := t.attempted(ctx, id); err != nil {
		return nil, err
	}
	e, err := t.changeEntry(ctx, p, id, func(e *planstore.PlanEntry) error {
		if e.Status != planstore.Planned {
			return errs.E("toolkit.Reschedule", errs.Conflict, fmt.Sprintf("this post is %s; only planned posts move", e.Status))
		}
		e.At, e.Manual, e.Reason = at.UTC().Truncate(time.Second), true, "moved by "+p.Name
		return nil
	})
	if err != nil {
		return nil, err
	}
	if t.enq != nil { // the old time's task finds the entry moved and does nothing
		if _, err := t.enq.EnqueuePublish(ctx, tasks.Publish{EntryID: e.ID, SourceID: e.SourceID, At: e.At}); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// CancelPost cancels one planned post; re-planning leaves it cancelled.
func (t *Toolkit) CancelPost(ctx context.Context, p *Principal, id string) (*planstore.PlanEntry, error) {
	if err := t.attempted(ctx, id); err != nil {
		return nil, err
	}
	return t.changeEntry(ctx, p, id, func(e *planstore.PlanEntry) error {
		if e.Status != planstore.Planned {
			return errs.E("toolkit.CancelPost", errs.Conflict, fmt.Sprintf("this post is %s already", e.Status))
		}
		e.Status, e.Manual, e.Reason = planstore.Cancelled, true, "cancelled by "+p.Name
		return nil
	})
}

// Resolve settles a post whose outcome is unknown: a person looked at the account and
// says whether it went out (with its URL when it did).
func (t *Toolkit) Resolve(ctx context.Context, p *Principal, id string, published bool, url string) (*planstore.PostRecord, error) {
	e, err := t.plans.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := t.userRegion(p, e.Region); err != nil {
		return nil, err
	}
	var out *planstore.PostRecord
	err = t.rec.Locks().WithLock(ctx, "post:"+id, func() error {
		rec, err := t.plans.PostRecord(ctx, id)
		if err != nil {
			return err
		}
		if rec == nil || rec.State != planstore.Unknown {
			return errs.E("toolkit.Resolve", errs.Conflict, "only a post whose outcome is unknown is resolved")
		}
		rec.ResolvedBy, rec.FinishedAt = p.Name, t.now()
		if published {
			rec.State, rec.URL, rec.Error = planstore.Published, url, ""
		} else {
			rec.State, rec.Error = planstore.FailedPost, "not published (resolved by "+p.Name+")"
		}
		out = rec
		return t.plans.PutPostRecord(ctx, rec)
	})
	return out, err
}

// Pause stops (or resumes) a region or one of its channels and re-plans everything:
// paused posts are cancelled, resumed ones take the next free slots.
func (t *Toolkit) Pause(ctx context.Context, p *Principal, region, channel string, paused bool) (planstore.Pauses, error) {
	reg, err := t.userRegion(p, region)
	if err != nil {
		return nil, err
	}
	what := reg.ID
	if channel != "" {
		if _, ok := reg.Channels[channel]; !ok {
			return nil, errs.E("toolkit.Pause", errs.Invalid, fmt.Sprintf("region %s does not publish on %q", reg.ID, channel))
		}
		what += "/" + channel
	}
	if err := t.plans.SetPaused(ctx, what, paused, p.Name); err != nil {
		return nil, err
	}
	why := "resumed " + what
	if paused {
		why = "paused " + what
	}
	if _, err := t.plans.ReplanAll(ctx, why); err != nil {
		return nil, err
	}
	return t.plans.Paused(ctx)
}

// API handlers.

func readJSON(w http.ResponseWriter, r *http.Request, v any, shape string) bool {
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<10)).Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", "send "+shape+" as JSON")
		return false
	}
	return true
}

func (t *Toolkit) rescheduleEntry(w http.ResponseWriter, r *http.Request, p *Principal) {
	var req struct {
		At time.Time `json:"at"`
	}
	if !readJSON(w, r, &req, `{"at": "2026-06-01T09:00:00Z"}`) {
		return
	}
	e, err := t.Reschedule(r.Context(), p, r.PathValue("id"), req.At)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entry": e})
}

func (t *Toolkit) cancelEntry(w http.ResponseWriter, r *http.Request, p *Principal) {
	e, err := t.CancelPost(r.Context(), p, r.PathValue("id"))
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entry": e})
}

func (t *Toolkit) resolveEntry(w http.ResponseWriter, r *http.Request, p *Principal) {
	var req struct {
		Published *bool  `json:"published"`
		URL       string `json:"url"`
	}
	if !readJSON(w, r, &req, `{"published": true, "url": "https://..."} or {"published": false}`) {
		return
	}
	if req.Published == nil {
		writeError(w, http.StatusBadRequest, "bad_request", `say whether it went out: {"published": true} or {"published": false}`)
		return
	}
	rec, err := t.Resolve(r.Context(), p, r.PathValue("id"), *req.Published, req.URL)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"post": rec})
}

func (t *Toolkit) pauseRegion(paused bool) func(http.ResponseWriter, *http.Request, *Principal) {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		ps, err := t.Pause(r.Context(), p, r.PathValue("region"), r.URL.Query().Get("channel"), paused)
		if t.failed(w, r, err) {
			return
		}
		keys := make([]string, 0, len(ps))
		for k := range ps {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		writeJSON(w, http.StatusOK, map[string]any{"paused": keys})
	}
}
