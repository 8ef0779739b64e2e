// Package toolkit opens the shared toolkit's rooms over one S3 store, one Redis and one
// clock: the record (package record) and the work done on it — review, translations,
// plans, links and analytics, accounts. It serves no HTTP (package web does); worker,
// scheduler and web share one Toolkit.
package toolkit

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/accounts"
	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/feed"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/shares"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/translations"
)

// Toolkit is the record (S3) and its index (Redis), and the rooms over them.
type Toolkit struct {
	cfg          *config.Config
	s3           *s3store.Store
	rdb          redis.UniversalClient
	clock        atomic.Pointer[func() time.Time]
	rec          *record.Store
	reviews      *review.Service
	translations *translations.Service
	accounts     *accounts.Service
	plans        *planstore.Store
	links        *links.Service
	analytics    *analytics.Service
	shares       *shares.Service
}

// New returns a toolkit that logs to log. enq may be nil where nothing asks for work.
func New(cfg *config.Config, s3 *s3store.Store, rdb redis.UniversalClient, enq *tasks.Client, log *slog.Logger) *Toolkit {
	t := &Toolkit{cfg: cfg, s3: s3, rdb: rdb}
	t.SetClock(func() time.Time { return time.Now().UTC() })
	now := t.Now // one clock, which tests may set
	t.rec = record.New(cfg, s3, rdb, enq, now, log)
	t.reviews = review.New(t.rec, cfg, now)
	t.translations = translations.New(t.rec, cfg, rdb, now)
	t.plans = planstore.New(t.rec, cfg, rdb, enq, now, log)
	t.accounts = accounts.New(t.rec, cfg, rdb, now)
	t.links = links.New(t.rec, cfg, s3, rdb, now, log)
	t.analytics = analytics.New(t.rec, t.links, t.plans, func(d record.Derivative) string { return feed.Title(feed.Text(d, "")) }, now)
	t.shares = shares.New(t.rec, cfg, rdb, t.links, t.reviews, now)
	t.rec.Extend(record.Extensions{IndexDerivative: links.IndexDerivative, VersionIndexed: t.translations.IndexVersion, MediaKeys: t.translations.MediaKeys})
	return t
}

// Now is the toolkit's clock.
func (t *Toolkit) Now() time.Time { return (*t.clock.Load())() }

// SetClock replaces the clock every room reads (tests move time with it).
func (t *Toolkit) SetClock(now func() time.Time) { t.clock.Store(&now) }

// Ready reports what is missing for the toolkit to work: Redis and both buckets.
func (t *Toolkit) Ready(ctx context.Context) map[string]string {
	missing := map[string]string{}
	if err := t.rdb.Ping(ctx).Err(); err != nil {
		missing["redis"] = err.Error()
	}
	if err := t.s3.Ping(ctx, t.cfg.Infra.Toolkit.Bucket); err != nil {
		missing["s3_toolkit"] = err.Error()
	}
	if err := t.s3.Ping(ctx, t.cfg.Infra.Inbox.Bucket); err != nil {
		missing["s3_inbox"] = err.Error()
	}
	return missing
}

// Config is the configuration the toolkit was opened with.
func (t *Toolkit) Config() *config.Config { return t.cfg }

// S3 is the object store of the record and the inbox.
func (t *Toolkit) S3() *s3store.Store { return t.s3 }

// Redis is the index, the sessions and the counters.
func (t *Toolkit) Redis() redis.UniversalClient { return t.rdb }

// Review is the review of derivatives the toolkit serves.
func (t *Toolkit) Review() *review.Service { return t.reviews }

// Links is the tracked links the toolkit redirects and counts; serve runs it (its Run
// writes the counts to Redis).
func (t *Toolkit) Links() *links.Service { return t.links }

// Plans is the publishing plans and post records the toolkit serves.
func (t *Toolkit) Plans() *planstore.Store { return t.plans }

// Accounts is the OAuth connections of the X and LinkedIn accounts: the publishers' tokens.
func (t *Toolkit) Accounts() *accounts.Service { return t.accounts }

// Translations is the regional teams' translations the toolkit serves.
func (t *Toolkit) Translations() *translations.Service { return t.translations }

// Analytics reports what the tracked links brought.
func (t *Toolkit) Analytics() *analytics.Service { return t.analytics }

// Record is the store of sources, bundles and reviews the toolkit serves.
func (t *Toolkit) Record() *record.Store { return t.rec }

// Shares is credit per person: each share's link, my shares, the leaderboard.
func (t *Toolkit) Shares() *shares.Service { return t.shares }
