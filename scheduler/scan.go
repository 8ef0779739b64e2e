// Package scheduler plans each region's publishing (calendar math, drip and evergreen
// policies) and runs the periodic jobs: the inbox scan that catches what S3 events
// missed, and the re-plan when the publishing settings change.
package scheduler

import (
	"context"
	"log/slog"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// ScanResult counts what one scan saw.
type ScanResult struct {
	Objects int // documents in the inbox
	Pending int // not yet processed in their current version
	Queued  int // newly queued by this scan
}

// Records is what the periodic jobs need of the record (record.Intake has it).
type Records interface {
	// ProcessedETags names every handled (source, ETag) pair as record.MarkerName does.
	ProcessedETags(ctx context.Context) (map[string]bool, error)
	// Queue asks for an inbox object to be ingested; false when it was already.
	Queue(ctx context.Context, in tasks.Ingest) (bool, error)
}

// Leaser takes a lease on name for ttl if nobody holds it (record.Locks does), so one of
// several schedulers does each periodic job.
type Leaser interface {
	Lease(ctx context.Context, name string, ttl time.Duration) (bool, error)
}

// ScanInbox lists the inbox and queues every object whose current ETag has no processed
// marker. Already-queued ones are not queued twice (the TaskID says so).
func ScanInbox(ctx context.Context, s3 *s3store.Store, rec Records, inbox config.Location) (ScanResult, error) {
	var res ScanResult
	done, err := rec.ProcessedETags(ctx)
	if err != nil {
		return res, err
	}
	err = s3.List(ctx, inbox.Bucket, inbox.Prefix, func(o s3store.Info) error {
		if !inbox.HoldsDocument(inbox.Bucket, o.Key) {
			return nil
		}
		res.Objects++
		if done[record.MarkerName(tasks.SourceID(inbox.Bucket, o.Key), o.ETag)] {
			return nil
		}
		res.Pending++
		added, err := rec.Queue(ctx, tasks.Ingest{Bucket: inbox.Bucket, Key: o.Key, ETag: o.ETag, Size: o.Size})
		if added {
			res.Queued++
		}
		return err
	})
	return res, err
}

// Scheduler runs the periodic jobs until its context ends.
type Scheduler struct {
	s3       *s3store.Store
	rec      Records
	leases   Leaser
	tk       *toolkit.Toolkit
	inbox    config.Location
	interval time.Duration
	log      *slog.Logger
}

// New returns a scheduler that scans the inbox every interval.
func New(s3 *s3store.Store, tk *toolkit.Toolkit, inbox config.Location, interval time.Duration, log *slog.Logger) *Scheduler {
	return &Scheduler{s3: s3, rec: tk.Record().Intake(), leases: tk.Record().Locks(), tk: tk, inbox: inbox, interval: interval, log: log}
}

// Run scans at once and then every interval. With several schedulers on one Redis, a
// lease lets only one of them scan in each interval. Errors are logged and retried at
// the next tick, so a scheduler started before Redis or S3 simply waits for them.
func (s *Scheduler) Run(ctx context.Context) error {
	tick := time.NewTicker(s.interval)
	defer tick.Stop()
	replanned := false
	for {
		if !replanned {
			replanned = s.replanOnce(ctx)
		}
		s.scanOnce(ctx)
		s.rollUpOnce(ctx)
		s.recycleOnce(ctx)
		s.sweepMediaOnce(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

func (s *Scheduler) scanOnce(ctx context.Context) {
	ok, err := s.leases.Lease(ctx, "scan-inbox", s.interval*9/10)
	if err != nil {
		s.log.Warn("inbox scan waits for Redis", "err", err)
		return
	}
	if !ok {
		return // another scheduler has this interval
	}
	start := time.Now()
	res, err := ScanInbox(ctx, s.s3, s.rec, s.inbox)
	if err != nil {
		s.log.Warn("inbox scan failed; will retry", "err", err)
		return
	}
	s.log.Info("inbox scan", "objects", res.Objects, "pending", res.Pending, "queued", res.Queued,
		"took", time.Since(start).Round(time.Millisecond))
}

// replanOnce re-plans everything when the publishing settings changed since the plans
// were made (a new window, cap, holiday, plan or account); it reports whether it could
// check.
func (s *Scheduler) replanOnce(ctx context.Context) bool {
	n, err := s.tk.Plans().ReplanIfConfigChanged(ctx)
	if err != nil {
		s.log.Warn("re-plan check waits for Redis", "err", err)
		return false
	}
	if n > 0 {
		s.log.Info("publishing settings changed: re-planning", "sources", n)
	}
	return true
}

// recycleOnce re-plans, once a day, the sources whose plans recycle, so the recycles
// follow the latest figures.
func (s *Scheduler) recycleOnce(ctx context.Context) {
	if n, err := s.tk.Plans().ReplanRecycling(ctx); err != nil {
		s.log.Warn("daily re-plan of recycles not asked for; will retry", "err", err)
	} else if n > 0 {
		s.log.Info("re-planning recycles on fresh figures", "sources", n)
	}
}

// rollUpInterval is how often link counts are rolled up to S3: at most this much counting
// is lost with Redis.
const rollUpInterval = 5 * time.Minute

// rollUpOnce writes the link counts' rollups, once per interval across schedulers.
func (s *Scheduler) rollUpOnce(ctx context.Context) {
	if ok, err := s.leases.Lease(ctx, "rollup", rollUpInterval*9/10); err != nil || !ok {
		return
	}
	if n, err := s.tk.Links().RollUp(ctx); err != nil {
		s.log.Warn("link counts not rolled up; will retry", "err", err)
	} else if n > 0 {
		s.log.Info("link counts rolled up", "periods", n)
	}
}

// sweepInterval is how often media no derivative lists are looked for.
const sweepInterval = 6 * time.Hour

// sweepMediaOnce removes, once per interval across schedulers, the rendered files no
// derivative lists any more (record.MediaFiles.Sweep).
func (s *Scheduler) sweepMediaOnce(ctx context.Context) {
	if ok, err := s.leases.Lease(ctx, "media-sweep", sweepInterval*9/10); err != nil || !ok {
		return
	}
	res, err := s.tk.Record().Files().Sweep(ctx, record.MediaGrace)
	if err != nil {
		s.log.Warn("media sweep failed; will retry next interval", "err", err)
		return
	}
	if res.Removed > 0 {
		s.log.Info("media no derivative lists removed", "removed", res.Removed, "files", res.Files, "listed", res.Listed, "young", res.Young)
	}
}
