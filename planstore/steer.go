package planstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/tasks"
)

// Seeing and steering the plan: a region's calendar, moving or cancelling one post,
// pausing a region or one of its channels, settling a post whose outcome a crash left
// unknown, and queueing each planned post at its instant.

// PlanLock is the lock every change to plans takes (the planner's too), so a person's
// change and a re-plan never interleave.
const PlanLock = "plan"

// Queue asks for e's post at its instant: the one place a publish task is enqueued. It
// reports false when that task is already queued or done, or when nothing asks for work
// here (no task client).
func (st *Store) Queue(ctx context.Context, e PlanEntry) (bool, error) {
	if st.enq == nil {
		return false, nil
	}
	return st.enq.EnqueuePublish(ctx, tasks.Publish{EntryID: e.ID, SourceID: e.SourceID, At: e.At})
}

// CalendarView is a region's calendar over a span, as the API answers it.
type CalendarView struct {
	Region   string         `json:"region"`
	TimeZone string         `json:"timezone"`
	From     time.Time      `json:"from"`
	To       time.Time      `json:"to"`
	Paused   []string       `json:"paused,omitempty"`
	Items    []CalendarItem `json:"items"`
	// Notes say why a source is not planned here ("not planned: no approved translation
	// into de, fr"), so an empty calendar explains itself.
	Notes []Note `json:"notes,omitempty"`
}

// RegionCalendar is region's calendar in [from, to), with what is paused.
func (st *Store) RegionCalendar(ctx context.Context, r *config.Region, from, to time.Time) (*CalendarView, error) {
	items, err := st.Calendar(ctx, r.ID, from, to)
	if err != nil {
		return nil, err
	}
	pauses, err := st.Paused(ctx)
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
	if v.Notes, err = st.CalendarNotes(ctx, r.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// PublishedByCode counts the posts published in [from, to), by link code and UTC day.
func (st *Store) PublishedByCode(ctx context.Context, from, to time.Time) (map[string]map[string]int64, error) {
	out := map[string]map[string]int64{}
	for _, r := range st.cfg.File.Regions {
		items, err := st.Calendar(ctx, r.ID, from, to)
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

// Allow says whether the person making a change may work on a region (nil) or why not.
type Allow func(region string) error

// changeEntry applies change to one entry of its source's plan, under the plan lock,
// and stores the plan, once allow accepts the entry's region.
func (st *Store) changeEntry(ctx context.Context, allow Allow, id string, change func(e *PlanEntry) error) (*PlanEntry, error) {
	idx, err := st.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := allow(idx.Region); err != nil {
		return nil, err
	}
	var out *PlanEntry
	err = st.rec.Locks().WithLock(ctx, PlanLock, func() error {
		plan, err := st.SourcePlan(ctx, idx.SourceID)
		if err != nil {
			return err
		}
		if plan == nil {
			return errs.E("planstore.changeEntry", errs.NotFound, "")
		}
		old := *plan
		old.Entries = slices.Clone(plan.Entries)
		for i := range plan.Entries {
			if plan.Entries[i].ID == id {
				if err := change(&plan.Entries[i]); err != nil {
					return err
				}
				out = &plan.Entries[i]
				return st.SavePlan(ctx, plan, &old)
			}
		}
		return errs.E("planstore.changeEntry", errs.NotFound, "")
	})
	return out, err
}

// attempted refuses a change to a post publishing has already touched.
func (st *Store) attempted(ctx context.Context, id string) error {
	rec, err := st.PostRecord(ctx, id)
	if err != nil {
		return err
	}
	if rec != nil && rec.State != Waiting {
		return errs.E("planstore.attempted", errs.Conflict, fmt.Sprintf("this post is %s already; it cannot be moved or cancelled", rec.State))
	}
	return nil
}

// Reschedule moves a planned post to at (a person's choice, which re-planning keeps).
func (st *Store) Reschedule(ctx context.Context, allow Allow, by, id string, at time.Time) (*PlanEntry, error) {
	if !at.After(st.now()) {
		return nil, errs.E("planstore.Reschedule", errs.Invalid, "the new time must be in the future")
	}
	if err := st.attempted(ctx, id); err != nil {
		return nil, err
	}
	e, err := st.changeEntry(ctx, allow, id, func(e *PlanEntry) error {
		if e.Status != Planned {
			return errs.E("planstore.Reschedule", errs.Conflict, fmt.Sprintf("this post is %s; only planned posts move", e.Status))
		}
		e.At, e.Manual, e.Reason = at.UTC().Truncate(time.Second), true, "moved by "+by
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The old time's task finds the entry moved and does nothing.
	if _, err := st.Queue(ctx, *e); err != nil {
		return nil, err
	}
	return e, nil
}

// CancelPost cancels one planned post; re-planning leaves it cancelled.
func (st *Store) CancelPost(ctx context.Context, allow Allow, by, id string) (*PlanEntry, error) {
	if err := st.attempted(ctx, id); err != nil {
		return nil, err
	}
	return st.changeEntry(ctx, allow, id, func(e *PlanEntry) error {
		if e.Status != Planned {
			return errs.E("planstore.CancelPost", errs.Conflict, fmt.Sprintf("this post is %s already", e.Status))
		}
		e.Status, e.Manual, e.Reason = Cancelled, true, "cancelled by "+by
		return nil
	})
}

// Resolve settles a post whose outcome is unknown: a person looked at the account and
// says whether it went out (with its URL when it did).
func (st *Store) Resolve(ctx context.Context, allow Allow, by, id string, published bool, url string) (*PostRecord, error) {
	e, err := st.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := allow(e.Region); err != nil {
		return nil, err
	}
	var out *PostRecord
	err = st.rec.Locks().WithLock(ctx, "post:"+id, func() error {
		rec, err := st.PostRecord(ctx, id)
		if err != nil {
			return err
		}
		if rec == nil || rec.State != Unknown {
			return errs.E("planstore.Resolve", errs.Conflict, "only a post whose outcome is unknown is resolved")
		}
		rec.ResolvedBy, rec.FinishedAt = by, st.now()
		if published {
			rec.State, rec.URL, rec.Error = Published, url, ""
		} else {
			rec.State, rec.Error = FailedPost, "not published (resolved by "+by+")"
		}
		out = rec
		return st.PutPostRecord(ctx, rec)
	})
	return out, err
}

// Pause stops (or resumes) a region or one of its channels and re-plans everything:
// paused posts are cancelled, resumed ones take the next free slots.
func (st *Store) Pause(ctx context.Context, reg *config.Region, channel string, paused bool, by string) (Pauses, error) {
	what := reg.ID
	if channel != "" {
		if _, ok := reg.Channels[channel]; !ok {
			return nil, errs.E("planstore.Pause", errs.Invalid, fmt.Sprintf("region %s does not publish on %q", reg.ID, channel))
		}
		what += "/" + channel
	}
	if err := st.SetPaused(ctx, what, paused, by); err != nil {
		return nil, err
	}
	why := "resumed " + what
	if paused {
		why = "paused " + what
	}
	if _, err := st.ReplanAll(ctx, why); err != nil {
		return nil, err
	}
	return st.Paused(ctx)
}
