package worker

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/scheduler"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/translations"
)

var publishOutcomes = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "repurpose_posts_total",
	Help: "Publish attempts by channel and outcome: published, later (rate limited or down), failed (refused or out of retries), unknown, waiting (for its account to be connected), skipped.",
}, []string{"channel", "outcome"})

// Publishing is what the plan and publish handlers need.
type Publishing struct {
	Plans *scheduler.Plans
	// Publishers by account name.
	Publishers map[string]publish.Publisher
	Now        func() time.Time
	// Media gives the files a planned post carries (its cards, carousel, link preview
	// image), loaded from where they are stored; nil: posts carry none.
	Media func(ctx context.Context, e *planstore.PlanEntry, d *record.Derivative) ([]publish.Media, error)
}

// planner handles tasks.TypePlan.
type planner struct {
	plans *scheduler.Plans
	log   *slog.Logger
}

func (h *planner) ProcessTask(ctx context.Context, t *asynq.Task) error {
	in, err := tasks.DecodePlan(t.Payload())
	if err != nil {
		return errs.Wrap("worker.plan", errs.Invalid, err)
	}
	plan, err := h.plans.PlanSource(ctx, in.SourceID)
	if err != nil {
		h.log.Warn("plan", "source", in.SourceID, "why", in.Why, "err", err)
		return err
	}
	if plan != nil {
		counts := map[string]int{}
		for _, e := range plan.Entries {
			counts[e.Status]++
		}
		h.log.Info("plan", "source", in.SourceID, "why", in.Why, "planned", counts[planstore.Planned],
			"cancelled", counts[planstore.Cancelled], "unplanned", counts[planstore.Unplanned])
	}
	return nil
}

// publishHold is how long one delivery holds an entry: beyond a publisher's HTTP timeout
// (30 s), so a slow call is not overtaken, yet short enough that the task a killed
// worker left behind is taken up soon after asynq recovers it.
const publishHold = 45 * time.Second

// laterError asks asynq to try again after a wait, without counting a failure: a rate
// limit or a service that is down is not the post's fault.
type laterError struct {
	after time.Duration
	err   error
}

func (e *laterError) Error() string { return "later: " + e.err.Error() }
func (e *laterError) Unwrap() error { return e.err }

// publisher handles tasks.TypePublish, at most once per plan entry (DESIGN.md, principle
// 4): the intent is recorded before the channel is called; a record found in that state
// means a worker died mid-call, and then only a channel that recognises a repeat is
// called again; any other post is marked unknown for a person.
type publisher struct {
	rec   PostRecords
	locks TryLocker
	tk    *toolkit.Toolkit
	pub   Publishing
	log   *slog.Logger
	hold  time.Duration // how long one delivery holds the entry
	// limits hold the retry budget: PublishAttempts, PublishBackoff, PublishBackoffMax.
	limits config.Limits
}

// TryLocker takes name for ttl without waiting (record.Locks does).
type TryLocker interface {
	TryLock(ctx context.Context, name string, ttl time.Duration) (release func(), ok bool, err error)
}

// PostRecords is what publishing needs of the record (record.Store has it).
type PostRecords interface {
	Derivative(ctx context.Context, id string) (*record.Derivative, error)
}

// maxRetryAfter bounds the wait a service may ask for (X's daily limits reset within a
// day); a longer one is an error on its side, not a reason to hold a post for a year.
const maxRetryAfter = 24 * time.Hour

// backoff is the wait after the nth attempt (n ≥ 1): base doubled n-1 times, at most
// ceiling, less up to a quarter at random so that posts turned away together do not
// all come back together. Each wait is longer than the one before (until the ceiling).
func backoff(n int, base, ceiling time.Duration) time.Duration {
	d := base
	for i := 1; i < n && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	return d - rand.N(d/4+1)
}

// retryFor calls try until it succeeds, ctx ends, or the next wait would pass limit,
// waiting first and twice as long each time after; it returns try's last error. A
// worker shutting down or a task's deadline ends the waiting at once.
func retryFor(ctx context.Context, first, limit time.Duration, try func() error) error {
	for wait := first; ; wait *= 2 {
		err := try()
		if err == nil || wait > limit {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// words is what a person is shown of a publisher's error: its message without the kind.
func words(err error) string {
	if e := (*publish.Error)(nil); errors.As(err, &e) && e.Msg != "" {
		return e.Msg
	}
	return err.Error()
}

func (h *publisher) ProcessTask(ctx context.Context, t *asynq.Task) error {
	in, err := tasks.DecodePublish(t.Payload())
	if err != nil {
		return errs.Wrap("worker.publish", errs.Invalid, err)
	}
	// Two deliveries of the same task never run side by side.
	release, ok, err := h.locks.TryLock(ctx, "post:"+in.EntryID, h.hold)
	if err != nil {
		return err
	}
	if !ok {
		return &laterError{after: 30 * time.Second, err: errors.New("another worker is publishing " + in.EntryID)}
	}
	defer release()
	var channel string
	outcome, err := h.publish(ctx, in, &channel)
	publishOutcomes.WithLabelValues(channel, outcome).Inc()
	level := slog.LevelInfo
	if err != nil || outcome == "failed" || outcome == string(planstore.Unknown) {
		level = slog.LevelWarn
	}
	h.log.Log(ctx, level, "publish", "entry", in.EntryID, "outcome", outcome, "err", err)
	return err
}

// entry reads the plan entry from the record (S3), not the index: it decides whether
// anything is posted.
func (h *publisher) entry(ctx context.Context, in tasks.Publish) (*planstore.PlanEntry, error) {
	plan, err := h.tk.Plans().SourcePlan(ctx, in.SourceID)
	if err != nil || plan == nil {
		return nil, err
	}
	for _, e := range plan.Entries {
		if e.ID == in.EntryID {
			return &e, nil
		}
	}
	return nil, nil
}

// publish posts the entry unless it was settled already, and says how it went; channel
// is set once the entry is known.
func (h *publisher) publish(ctx context.Context, in tasks.Publish, channel *string) (string, error) {
	e, err := h.entry(ctx, in)
	if err != nil {
		return "retry", err
	}
	if e == nil || e.Status != planstore.Planned || !e.At.Equal(in.At) {
		return "skipped", nil // cancelled, moved or re-planned since this task was queued
	}
	*channel = e.Channel
	pauses, err := h.tk.Plans().Paused(ctx)
	if err != nil {
		return "retry", err
	}
	if _, p := pauses[e.Region]; p {
		return "skipped", nil // resuming re-plans it
	}
	if _, p := pauses[e.Region+"/"+e.Channel]; p {
		return "skipped", nil
	}
	rec, err := h.tk.Plans().PostRecord(ctx, e.ID)
	if err != nil {
		return "retry", err
	}
	pub, ok := h.pub.Publishers[e.Account]
	if !ok {
		return h.finish(ctx, e, rec, planstore.FailedPost, publish.Result{}, fmt.Sprintf("no account named %q is configured", e.Account))
	}
	_, idempotent := pub.(publish.Idempotent)
	if rec != nil {
		switch rec.State {
		case planstore.Published, planstore.FailedPost, planstore.Unknown:
			return "duplicate", nil // a repeated delivery: already settled
		case planstore.Publishing:
			if !idempotent {
				return h.finish(ctx, e, rec, planstore.Unknown, publish.Result{},
					"a worker stopped while publishing this post: check "+e.Account+" and mark it published or not")
			}
		}
	}
	post, err := h.post(ctx, e)
	if err != nil {
		return "retry", err
	}
	if post == nil {
		return h.finish(ctx, e, rec, planstore.FailedPost, publish.Result{}, "the derivative is no longer approved")
	}
	if rec == nil {
		rec = &planstore.PostRecord{EntryID: e.ID, SourceID: e.SourceID}
	}
	post.Uploaded = rec.Uploaded // files an earlier attempt uploaded are attached, not sent again
	rec.State, rec.Attempts, rec.StartedAt, rec.Error, rec.WaitingFor = planstore.Publishing, rec.Attempts+1, h.pub.Now(), "", ""
	if err := h.tk.Plans().PutPostRecord(ctx, rec); err != nil {
		return "retry", err // nothing was sent
	}
	res, perr := pub.Publish(ctx, post)
	switch kind := publish.KindOf(perr); {
	case perr == nil:
		return h.finish(ctx, e, rec, planstore.Published, res, "")
	case errors.Is(perr, publish.ErrNotConnected):
		// Nothing was sent, and nothing can be until an admin connects the account: the
		// post waits, and connecting the account plans it again (scheduler.Plans).
		rec.State, rec.WaitingFor, rec.Attempts = planstore.Waiting, e.Account, rec.Attempts-1
		rec.Error = "waiting for the account " + e.Account + ": " + words(perr) + "; the post is planned again once it is connected"
		if err := h.tk.Plans().PutPostRecord(ctx, rec); err != nil {
			return "retry", err
		}
		return string(planstore.Waiting), nil
	case kind == publish.Later || (kind == publish.Unknown && idempotent):
		// Nothing posted, or the channel will recognise the repeat: try again, further
		// apart each time, within the budget.
		if len(res.Uploaded) > 0 {
			rec.Uploaded = res.Uploaded
		}
		if rec.Attempts >= h.limits.PublishAttempts {
			return h.finish(ctx, e, rec, planstore.FailedPost, res,
				fmt.Sprintf("gave up after %d attempts; the last answer: %s", rec.Attempts, words(perr)))
		}
		wait := max(backoff(rec.Attempts, h.limits.PublishBackoff.Std(), h.limits.PublishBackoffMax.Std()),
			min(publish.RetryAfter(perr), maxRetryAfter))
		rec.State = planstore.Waiting
		rec.Error = fmt.Sprintf("attempt %d of %d: %s; trying again in %s", rec.Attempts, h.limits.PublishAttempts, words(perr), wait.Round(time.Second))
		if err := h.tk.Plans().PutPostRecord(ctx, rec); err != nil {
			return "retry", err
		}
		return "later", &laterError{after: wait, err: perr}
	case kind == publish.Refused:
		return h.finish(ctx, e, rec, planstore.FailedPost, res, perr.Error())
	default:
		return h.finish(ctx, e, rec, planstore.Unknown, res, perr.Error())
	}
}

// finish records an outcome. The record is written again until it sticks (within the
// task's time): losing it would turn a published post into an unknown one.
func (h *publisher) finish(ctx context.Context, e *planstore.PlanEntry, rec *planstore.PostRecord, state planstore.PostState, res publish.Result, msg string) (string, error) {
	if rec == nil {
		rec = &planstore.PostRecord{EntryID: e.ID, SourceID: e.SourceID, StartedAt: h.pub.Now()}
	}
	rec.State, rec.Error, rec.FinishedAt = state, msg, h.pub.Now()
	if res.RemoteID != "" || len(res.IDs) > 0 {
		rec.RemoteID, rec.URL, rec.IDs = res.RemoteID, res.URL, res.IDs
	}
	err := retryFor(ctx, 100*time.Millisecond, 10*time.Second, func() error { return h.tk.Plans().PutPostRecord(ctx, rec) })
	if err != nil {
		h.log.Error("publish: the outcome could not be recorded; the post will show as unknown", "entry", e.ID, "state", state, "err", err)
	}
	return string(state), nil
}

// post renders an entry as it goes out: the approved derivative, or its approved
// translation into the entry's locale, with the recycle's lead-in. nil when the
// derivative or translation is no longer approved.
func (h *publisher) post(ctx context.Context, e *planstore.PlanEntry) (*publish.Post, error) {
	d, err := h.rec.Derivative(ctx, e.DerivativeID)
	if errors.Is(err, errs.NotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if d.Status != record.Approved {
		return nil, nil
	}
	var tr *translations.View
	if d.Locale != e.Locale {
		trs, err := h.tk.Translations().Approved(ctx, e.SourceID)
		if err != nil {
			return nil, err
		}
		if tr = trs[translations.Key(d.ID, e.Locale)]; tr == nil {
			return nil, nil
		}
	}
	link := cmp.Or(e.Link, d.Canonical, d.Backlink) // the entry's own (a tracked link), as planned
	r := channel.RenderParts(channel.Name(e.Channel), translations.PostTemplates(d, tr), link, e.Lead)
	var media []publish.Media
	if h.pub.Media != nil {
		withMedia := d
		if tr != nil { // a translation carries its own cards, in its words
			td := *d
			td.Media = tr.Media
			withMedia = &td
		}
		if media, err = h.pub.Media(ctx, e, withMedia); err != nil {
			return nil, err
		}
	}
	return &publish.Post{ID: e.ID, Account: e.Account, Region: e.Region, Channel: e.Channel, Kind: e.Kind, Locale: e.Locale,
		Text: r.Text, Parts: r.Parts, Link: link, Page: links.Page(cmp.Or(d.Canonical, d.Backlink)), Facets: r.Facets, Blog: d.Blog, Media: media, At: e.At,
		SourceID: e.SourceID, DerivativeID: d.ID}, nil
}
