package toolkit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Reindex rebuilds the Redis index from the S3 record alone: every source, and the
// derivatives, reviews and translations of its current version. It reports each source
// to progress.
func (t *Toolkit) Reindex(ctx context.Context, progress func(done int)) (int, error) {
	var keys []string
	if err := t.each(ctx, "sources/", func(key string) error {
		keys = append(keys, key)
		return nil
	}); err != nil {
		return 0, err
	}
	for i, key := range keys {
		var s Source
		if err := t.getJSON(ctx, key, &s); err != nil {
			return i, err
		}
		if err := t.reindexSource(ctx, &s); err != nil {
			return i, fmt.Errorf("reindex source %s: %w", s.ID, err)
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return len(keys), nil
}

func (t *Toolkit) reindexSource(ctx context.Context, s *Source) error {
	if s.Withdrawn() {
		return t.unindex(ctx, s) // withdrawn stays withdrawn
	}
	if s.Version == "" {
		return t.index(ctx, s, nil, nil)
	}
	b, err := t.Bundle(ctx, s)
	if errors.Is(err, s3store.ErrNotFound) {
		return t.index(ctx, s, nil, nil)
	}
	if err != nil {
		return err
	}
	apr, err := t.approvals(ctx, s.ID, s.Version)
	if err != nil {
		return err
	}
	if err := t.index(ctx, s, b, apr); err != nil {
		return err
	}
	return t.indexTranslations(ctx, s)
}

// ReindexPlans rebuilds the publishing index from the plans and post records in S3 and
// queues again every planned post not yet out, under the TaskID it had (so a post still
// queued is not queued twice). A source with a post whose time passed while nothing ran
// it is re-planned instead: the post goes out at its next free slot, not at a random
// hour.
func (t *Toolkit) ReindexPlans(ctx context.Context) (queued, replanned int, err error) {
	recs := map[string]*PostRecord{}
	if err := t.each(ctx, "posts/", func(key string) error {
		var r PostRecord
		if err := t.getJSON(ctx, key, &r); err != nil {
			return err
		}
		recs[r.EntryID] = &r
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return t.rdb.HSet(ctx, keyPost, r.EntryID, b).Err()
	}); err != nil {
		return 0, 0, err
	}
	now := t.now()
	err = t.each(ctx, "plans/", func(key string) error {
		var p Plan
		if err := t.getJSON(ctx, key, &p); err != nil {
			return err
		}
		if err := t.indexPlan(ctx, &p, &p); err != nil {
			return err
		}
		var due []PlanEntry
		overdue := false
		for _, e := range p.Entries {
			if r := recs[e.ID]; e.Status != Planned || (r != nil && r.State != Waiting && r.State != Publishing) {
				continue
			}
			if recs[e.ID] == nil && e.At.Before(now.Add(-time.Hour)) {
				overdue = true
			}
			due = append(due, e)
		}
		if overdue && t.enq != nil {
			replanned++
			return t.enq.EnqueuePlan(ctx, tasks.Plan{SourceID: p.SourceID, Why: "overdue after reindex"}, now.UnixNano())
		}
		for _, e := range due {
			if t.enq == nil {
				break
			}
			added, err := t.enq.EnqueuePublish(ctx, tasks.Publish{EntryID: e.ID, SourceID: e.SourceID, At: e.At})
			if err != nil {
				return err
			}
			if added {
				queued++
			}
		}
		return nil
	})
	return queued, replanned, err
}

// each calls fn with the key of every JSON object under the record's prefix/folder.
func (t *Toolkit) each(ctx context.Context, folder string, fn func(key string) error) error {
	return t.s3.List(ctx, t.loc.Bucket, t.loc.Prefix+folder, func(o s3store.Info) error {
		if !strings.HasSuffix(o.Key, ".json") {
			return nil
		}
		return fn(o.Key)
	})
}
