// Package toolkit is the shared toolkit's HTTP API and pages over the record (package
// record) and the work done on it: plans, translations, links and analytics, accounts.
package toolkit

import (
	"context"
	"log/slog"
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
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/translations"
)

// Toolkit is the record (S3) and its index (Redis).
type Toolkit struct {
	rec          *record.Store
	reviews      *review.Service
	s3           *s3store.Store
	rdb          redis.UniversalClient
	loc          config.Location // toolkit bucket and prefix
	inbox        config.Location
	cfg          *config.Config
	enq          *tasks.Client
	now          func() time.Time
	log          *slog.Logger
	translations *translations.Service
	accounts     *accounts.Service
	plans        *planstore.Store
	links        *links.Service
	analytics    *analytics.Service
}

// New returns a toolkit that logs to log. enq may be nil where nothing asks for work.
func New(cfg *config.Config, s3 *s3store.Store, rdb redis.UniversalClient, enq *tasks.Client, log *slog.Logger) *Toolkit {
	t := &Toolkit{s3: s3, rdb: rdb, loc: cfg.Infra.Toolkit, inbox: cfg.Infra.Inbox, cfg: cfg, enq: enq,
		now: func() time.Time { return time.Now().UTC() }, log: log}
	now := func() time.Time { return t.now() } // one clock, which tests may set
	t.rec = record.New(cfg, s3, rdb, enq, now, log)
	t.reviews = review.New(t.rec, cfg, now)
	t.translations = translations.New(t.rec, cfg, rdb, now)
	t.plans = planstore.New(t.rec, cfg, rdb, enq, now, log)
	t.accounts = accounts.New(t.rec, cfg, rdb, now)
	t.links = links.New(t.rec, cfg, s3, rdb, now, log)
	t.analytics = analytics.New(t.rec, t.links, t, func(d record.Derivative) string { return feed.Title(feed.Text(d, "")) }, now)
	t.rec.Extend(record.Extensions{IndexDerivative: links.IndexDerivative, VersionIndexed: t.translations.IndexVersion})
	return t
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
