// Package toolkit is the shared toolkit: the S3 record of sources, derivative bundles,
// approvals and processed markers; its Redis index; claims; and the HTTP API over them.
package toolkit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit/translate"
)

// Toolkit is the record (S3) and its index (Redis).
type Toolkit struct {
	s3    *s3store.Store
	rdb   redis.UniversalClient
	loc   config.Location // toolkit bucket and prefix
	inbox config.Location
	cfg   *config.Config
	enq   *tasks.Client
	now   func() time.Time
	log   *slog.Logger
	// translator is the machine translation provider; nil means people translate
	// (SetTranslator).
	translator translate.Provider
	links      linkCache                 // tracked links already looked up
	clicks     *counter                  // link events on their way to Redis
	salt       atomic.Pointer[saltOfDay] // today's visitor salt
	linkSecret atomic.Pointer[[]byte]    // the link key, once read (linkkey.go)
}

// New returns a toolkit that logs to log. enq may be nil where nothing asks for work.
func New(cfg *config.Config, s3 *s3store.Store, rdb redis.UniversalClient, enq *tasks.Client, log *slog.Logger) *Toolkit {
	return &Toolkit{s3: s3, rdb: rdb, loc: cfg.Infra.Toolkit, inbox: cfg.Infra.Inbox, cfg: cfg, enq: enq,
		now: func() time.Time { return time.Now().UTC() }, log: log, clicks: newCounter(rdb, log)}
}

// S3 keys of the record.
func (t *Toolkit) sourceKey(id string) string { return t.loc.Prefix + "sources/" + id + ".json" }
func (t *Toolkit) bundleKey(id, version string) string {
	return t.loc.Prefix + "bundles/" + id + "/" + version + ".json"
}
func (t *Toolkit) approvalsKey(id, version string) string {
	return t.loc.Prefix + "approvals/" + id + "/" + version + ".json"
}
func (t *Toolkit) translationsKey(id, version string) string {
	return t.loc.Prefix + "translations/" + id + "/" + version + ".json"
}
func (t *Toolkit) markerPrefix() string { return t.loc.Prefix + "processed/" }
func (t *Toolkit) markerKey(id, etag string) string {
	return t.markerPrefix() + id + "/" + tasks.NormalizeETag(etag) + ".json"
}

func (t *Toolkit) getJSON(ctx context.Context, key string, v any) error {
	obj, err := t.s3.Get(ctx, t.loc.Bucket, key, 0)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(obj.Body, v); err != nil {
		return fmt.Errorf("toolkit record %s is damaged: %w", key, err)
	}
	return nil
}

func (t *Toolkit) putJSON(ctx context.Context, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = t.s3.Put(ctx, t.loc.Bucket, key, b, "application/json")
	return err
}

// Ready reports what is missing for the toolkit to work: Redis and both buckets.
func (t *Toolkit) Ready(ctx context.Context) map[string]string {
	missing := map[string]string{}
	if err := t.rdb.Ping(ctx).Err(); err != nil {
		missing["redis"] = err.Error()
	}
	if err := t.s3.Ping(ctx, t.loc.Bucket); err != nil {
		missing["s3_toolkit"] = err.Error()
	}
	if err := t.s3.Ping(ctx, t.inbox.Bucket); err != nil {
		missing["s3_inbox"] = err.Error()
	}
	return missing
}

// Source reads a source from the index, falling back to the record.
func (t *Toolkit) Source(ctx context.Context, id string) (*Source, error) {
	s, err := t.indexedSource(ctx, id)
	if err == nil || !errors.Is(err, errs.NotFound) {
		return s, err
	}
	var rec Source
	if err := t.getJSON(ctx, t.sourceKey(id), &rec); err != nil {
		if errors.Is(err, s3store.ErrNotFound) {
			return nil, errs.E("toolkit.Source", errs.NotFound, "")
		}
		return nil, err
	}
	return &rec, nil
}
