// Package record is the S3 record of sources, derivative bundles, reviews and processed
// markers, and its Redis index: what a document became, read back for listing and
// review. Everything in the index can be rebuilt from S3 (Reindex). It serves no HTTP:
// its errors are errs.Error kinds that the HTTP layer and the worker map.
package record

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Store is the record (S3) and its index (Redis).
type Store struct {
	s3  *s3store.Store
	rdb redis.UniversalClient
	loc config.Location // toolkit bucket and prefix
	cfg *config.Config
	enq *tasks.Client
	now func() time.Time
	log *slog.Logger
	ext Extensions
	// locks and claims live in the index's Redis, apart from the record's own methods.
	locks  *Locks
	claims *Claims
	keys   keys
}

// Extensions are what the index keeps beside a source without being the record's own:
// tracked links and translations follow its current version. Either may be nil.
type Extensions struct {
	// IndexDerivative adds to the transaction that indexes one derivative.
	IndexDerivative func(ctx context.Context, p redis.Pipeliner, s *Source, d *Derivative) error
	// VersionIndexed runs after a source's current version was indexed, or taken out
	// of the index (then s.Version is "").
	VersionIndexed func(ctx context.Context, s *Source) error
	// MediaKeys are the media files the translations of a source's current version list:
	// a sweep keeps them (see Sweep).
	MediaKeys func(ctx context.Context, s *Source) ([]string, error)
}

// New returns the record kept at cfg.Infra.Toolkit. enq may be nil where nothing asks
// for work; now may be nil for the wall clock (UTC).
func New(cfg *config.Config, s3 *s3store.Store, rdb redis.UniversalClient, enq *tasks.Client, now func() time.Time, log *slog.Logger) *Store {
	if now == nil {
		now = func() time.Time { return time.Now().UTC() }
	}
	return &Store{s3: s3, rdb: rdb, loc: cfg.Infra.Toolkit, cfg: cfg, enq: enq, now: now, log: log,
		locks: NewLocks(rdb), claims: &Claims{rdb: rdb}, keys: keys(cfg.Infra.Toolkit.Prefix)}
}

// Locks are the leases one process takes before changing a source's record.
func (st *Store) Locks() *Locks { return st.locks }

// Claims are who is writing about which derivative.
func (st *Store) Claims() *Claims { return st.claims }

// Extend sets what the index keeps beside sources; call it before the store is used.
func (st *Store) Extend(ext Extensions) { st.ext = ext }

// keys name the record's S3 objects under the toolkit prefix.
type keys string

func (k keys) source(id string) string { return string(k) + "sources/" + id + ".json" }
func (k keys) bundle(id, version string) string {
	return string(k) + "bundles/" + id + "/" + version + ".json"
}
func (k keys) approvals(id, version string) string {
	return string(k) + "approvals/" + id + "/" + version + ".json"
}
func (k keys) markers() string { return string(k) + "processed/" }
func (k keys) marker(id, etag string) string {
	return k.markers() + id + "/" + tasks.NormalizeETag(etag) + ".json"
}

// GetJSON reads the JSON object at key of the toolkit bucket into v; a missing object
// is s3store.ErrNotFound.
func (st *Store) GetJSON(ctx context.Context, key string, v any) error {
	obj, err := st.s3.Get(ctx, st.loc.Bucket, key, 0)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(obj.Body, v); err != nil {
		return fmt.Errorf("toolkit record %s is damaged: %w", key, err)
	}
	return nil
}

// PutJSON stores v as JSON at key of the toolkit bucket.
func (st *Store) PutJSON(ctx context.Context, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = st.s3.Put(ctx, st.loc.Bucket, key, b, "application/json")
	return err
}

// Source reads a source from the index, falling back to the record.
func (st *Store) Source(ctx context.Context, id string) (*Source, error) {
	s, err := st.IndexedSource(ctx, id)
	if err == nil || !errors.Is(err, errs.NotFound) {
		return s, err
	}
	var rec Source
	if err := st.GetJSON(ctx, st.keys.source(id), &rec); err != nil {
		if errors.Is(err, s3store.ErrNotFound) {
			return nil, errs.E("record.Source", errs.NotFound, "")
		}
		return nil, err
	}
	return &rec, nil
}

// Replan asks for a source to be planned again after its version, reviews or edits
// changed; a process that cannot queue work, or a deployment that publishes nothing,
// skips it. A failure is logged: the periodic re-plan catches up.
func (st *Store) Replan(ctx context.Context, sourceID, why string) {
	if st.enq == nil || !st.cfg.File.Publishes() {
		return
	}
	if err := st.enq.EnqueuePlan(ctx, tasks.Plan{SourceID: sourceID, Why: why}, st.now().UnixNano()); err != nil {
		st.log.WarnContext(ctx, "plan: not queued", "source", sourceID, "why", why, "err", err)
	}
}
