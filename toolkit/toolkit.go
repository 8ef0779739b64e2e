// Package toolkit is the shared toolkit's HTTP API and pages over the record (package
// record) and the work done on it: plans, translations, links and analytics, accounts.
package toolkit

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit/translate"
)

// Toolkit is the record (S3) and its index (Redis).
type Toolkit struct {
	rec     *record.Store
	reviews *review.Service
	s3      *s3store.Store
	rdb     redis.UniversalClient
	loc     config.Location // toolkit bucket and prefix
	inbox   config.Location
	cfg     *config.Config
	enq     *tasks.Client
	now     func() time.Time
	log     *slog.Logger
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
	t := &Toolkit{s3: s3, rdb: rdb, loc: cfg.Infra.Toolkit, inbox: cfg.Infra.Inbox, cfg: cfg, enq: enq,
		now: func() time.Time { return time.Now().UTC() }, log: log, clicks: newCounter(rdb, log)}
	now := func() time.Time { return t.now() } // one clock, which tests may set
	t.rec = record.New(cfg, s3, rdb, enq, now, log)
	t.reviews = review.New(t.rec, cfg, now)
	t.rec.Extend(record.Extensions{IndexDerivative: indexTrackedLink, VersionIndexed: t.indexTranslations})
	return t
}

func (t *Toolkit) translationsKey(id, version string) string {
	return t.loc.Prefix + "translations/" + id + "/" + version + ".json"
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

// Review is the review of derivatives the toolkit serves.
func (t *Toolkit) Review() *review.Service { return t.reviews }

// Record is the store of sources, bundles and reviews the toolkit serves.
func (t *Toolkit) Record() *record.Store { return t.rec }
