package record

import (
	"context"
	"errors"
	"fmt"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Current reads a source that is not withdrawn, with its current bundle and reviews.
func (st *Store) Current(ctx context.Context, id string) (*Source, *Bundle, *Approvals, error) {
	s, err := st.Source(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	if s.Withdrawn() {
		return nil, nil, nil, ErrWithdrawn
	}
	if s.Version == "" {
		return nil, nil, nil, errs.E("record.Current", errs.Conflict, fmt.Sprintf("source %s has no derivatives yet (status %s)", id, s.Status))
	}
	b, err := st.Bundle(ctx, s)
	if err != nil {
		return nil, nil, nil, err
	}
	apr, err := st.Approvals(ctx, id, s.Version)
	return s, b, apr, err
}

// ErrWithdrawn refuses work on a withdrawn source.
var ErrWithdrawn = errs.E("record.Current", errs.Conflict, "this source was withdrawn; re-run it or upload a new version to bring it back")

// Withdraw takes a source back: the record says so, its derivatives and translations
// leave the index (no contributor, feed or snippet export sees them), and claims on them
// are released. Reindex keeps it withdrawn; a new version, or a re-run, brings it back.
func (st *Store) Withdraw(ctx context.Context, id, by string) (*Source, error) {
	var out *Source
	err := st.locks.WithLock(ctx, "source:"+id, func() error {
		s, err := st.Source(ctx, id)
		if err != nil {
			return err
		}
		if !s.Withdrawn() {
			s.Status, s.Error, s.WithdrawnBy, s.WithdrawnAt, s.UpdatedAt = StatusWithdrawn, "", by, st.now(), st.now()
			if err := st.PutJSON(ctx, st.keys.source(id), s); err != nil {
				return err
			}
		}
		out = s
		return st.unindex(ctx, s)
	})
	if err == nil {
		st.Replan(ctx, id, "withdrawn") // its scheduled posts are cancelled
	}
	return out, err
}

// unindex shows a withdrawn source with none of its derivatives, translations or claims.
func (st *Store) unindex(ctx context.Context, s *Source) error {
	ids, err := st.rdb.SMembers(ctx, keySourceDerivs(s.ID)).Result()
	if err != nil {
		return err
	}
	if err := st.Index(ctx, s, nil, nil); err != nil {
		return err
	}
	if err := st.indexDerivatives(ctx, s, nil); err != nil {
		return err
	}
	if err := st.versionIndexed(ctx, &Source{ID: s.ID}); err != nil { // no version: no translations
		return err
	}
	for _, d := range ids {
		if err := st.rdb.Del(ctx, keyClaim(d)).Err(); err != nil {
			return err
		}
	}
	return nil
}

// Rerun queues the source's inbox object again, even when that version was processed
// already: the worker derives it anew (with the current configuration) and stores it.
// It reports whether a task was queued.
func (st *Store) Rerun(ctx context.Context, id string) (*Source, bool, error) {
	if st.enq == nil {
		return nil, false, errs.E("record.Rerun", errs.Conflict, "this toolkit process cannot queue work")
	}
	s, err := st.Source(ctx, id)
	if err != nil {
		return nil, false, err
	}
	info, err := st.s3.Head(ctx, s.Bucket, s.Key)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, false, errs.E("record.Rerun", errs.Conflict, fmt.Sprintf("%s is no longer in the inbox; upload it again", s.Key))
	}
	if err != nil {
		return nil, false, err
	}
	in := tasks.Ingest{Bucket: s.Bucket, Key: s.Key, ETag: info.ETag, Size: info.Size}
	var out *Source
	if err := st.locks.WithLock(ctx, "source:"+id, func() error {
		cur, err := st.IndexedSource(ctx, id)
		if errors.Is(err, errs.NotFound) {
			cur = s
		} else if err != nil {
			return err
		}
		cur.Status, cur.Error, cur.UpdatedAt = StatusQueued, "", st.now()
		out = cur
		return st.indexSource(ctx, cur) // progress shows in the index; the record changes with the outcome
	}); err != nil {
		return nil, false, err
	}
	queued, err := st.enq.EnqueueRerun(ctx, in, st.now().UnixNano())
	return out, queued, err
}
