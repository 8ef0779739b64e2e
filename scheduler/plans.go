package scheduler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// Plans plans sources for real: it loads what the planner needs from the toolkit, books
// every account's capacity, stores the plan, and queues (and cancels) the posts. One
// plan at a time across every process (a Redis lock), so two sources never take the
// same slot.
type Plans struct {
	tk     *toolkit.Toolkit
	rec    PlanRecords
	locks  Locker
	file   *config.File
	enq    *tasks.Client
	cancel *tasks.Canceller
	now    func() time.Time
	log    *slog.Logger
}

// Locker runs fn while holding the lock on name (record.Locks does).
type Locker interface {
	WithLock(ctx context.Context, name string, fn func() error) error
}

// PlanRecords is what planning needs of the record (record.Store has it).
type PlanRecords interface {
	SourceWithDerivatives(ctx context.Context, id string) (*record.Source, []record.Derivative, error)
}

// NewPlans checks the regions' calendars (zones, holiday countries) and returns the
// planning service.
func NewPlans(tk *toolkit.Toolkit, f *config.File, enq *tasks.Client, cancel *tasks.Canceller, now func() time.Time, log *slog.Logger) (*Plans, error) {
	if _, err := NewPlanner(f); err != nil {
		return nil, err
	}
	if now == nil {
		now = func() time.Time { return time.Now().UTC() }
	}
	return &Plans{tk: tk, rec: tk.Record(), locks: tk.Record().Locks(), file: f, enq: enq, cancel: cancel, now: now, log: log}, nil
}

// PlanSource (re-)plans one source in every region and queues its posts.
func (ps *Plans) PlanSource(ctx context.Context, sourceID string) (*planstore.Plan, error) {
	var out *planstore.Plan
	err := ps.locks.WithLock(ctx, planstore.PlanLock, func() error {
		p, err := ps.plan(ctx, sourceID)
		out = p
		return err
	})
	return out, err
}

func (ps *Plans) plan(ctx context.Context, sourceID string) (*planstore.Plan, error) {
	planner, err := NewPlanner(ps.file)
	if err != nil {
		return nil, err
	}
	src, ds, err := ps.rec.SourceWithDerivatives(ctx, sourceID)
	if errors.Is(err, errs.NotFound) {
		return nil, nil // nothing to plan; a plan left behind is cancelled by withdraw first
	}
	if err != nil {
		return nil, err
	}
	old, err := ps.tk.Plans().SourcePlan(ctx, sourceID)
	if err != nil {
		return nil, err
	}
	trs, err := ps.tk.Translations().Approved(ctx, sourceID)
	if err != nil {
		return nil, err
	}
	attempted := map[string]bool{}
	if old != nil {
		ids := make([]string, len(old.Entries))
		for i, e := range old.Entries {
			ids[i] = e.ID
		}
		recs, err := ps.tk.Plans().PostRecords(ctx, ids)
		if err != nil {
			return nil, err
		}
		for id, rec := range recs {
			again, err := ps.reconnected(ctx, rec)
			if err != nil {
				return nil, err
			}
			attempted[id] = !again
		}
	}
	for _, acct := range planner.Accounts() {
		slots, err := ps.tk.Plans().Booked(ctx, acct, sourceID)
		if err != nil {
			return nil, err
		}
		planner.Book(acct).Load(slots)
	}
	pauses, err := ps.tk.Plans().Paused(ctx)
	if err != nil {
		return nil, err
	}
	paused := map[string]bool{}
	for k := range pauses {
		paused[k] = true
	}
	figures, err := ps.tk.Analytics().Performance(ctx, 90)
	if err != nil {
		return nil, err
	}
	perf := make(map[string]int64, len(figures))
	for id, f := range figures {
		perf[id] = f.Score()
	}
	plan := planner.Plan(Input{Source: src, Derivatives: ds, Translations: trs, Old: old, Attempted: attempted, Paused: paused,
		Performance: perf, Now: ps.now()})
	if err := ps.tk.Plans().SavePlan(ctx, plan, old); err != nil {
		return nil, err
	}
	return plan, ps.queue(ctx, plan, old, attempted)
}

// reconnected: rec waits for its account, which has been connected since, so the post
// is planned afresh rather than kept as history.
func (ps *Plans) reconnected(ctx context.Context, rec *planstore.PostRecord) (bool, error) {
	if rec == nil || rec.State != planstore.Waiting || rec.WaitingFor == "" {
		return false, nil
	}
	at, err := ps.tk.Accounts().ConnectedAt(ctx, rec.WaitingFor)
	return at.After(rec.StartedAt), err
}

// queue makes the queue match the plan: each planned, unattempted entry has its task at
// its instant; a task whose entry moved or went is deleted. (A task that slips through
// is harmless: the publisher checks the plan first.)
func (ps *Plans) queue(ctx context.Context, plan, old *planstore.Plan, attempted map[string]bool) error {
	now := map[string]time.Time{}
	for _, e := range plan.Entries {
		if e.Status == planstore.Planned {
			now[e.ID] = e.At
		}
	}
	if old != nil {
		for _, e := range old.Entries {
			if at, ok := now[e.ID]; e.Status == planstore.Planned && (!ok || !at.Equal(e.At)) && ps.cancel != nil {
				if err := ps.cancel.CancelPublish(e.ID, e.At); err != nil {
					ps.log.WarnContext(ctx, "plan: a moved post's old task stays (the publisher will skip it)", "entry", e.ID, "err", err)
				}
			}
		}
	}
	var errs []error
	for _, e := range plan.Entries {
		if e.Status != planstore.Planned || attempted[e.ID] {
			continue
		}
		if _, err := ps.tk.Plans().Queue(ctx, e); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("plan %s: %d posts not queued: %w", plan.SourceID, len(errs), errors.Join(errs...))
	}
	return nil
}
