package worker

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// ingester handles tasks.TypeIngest: fetch, parse, derive, store, mark processed.
type ingester struct {
	tk  *toolkit.Toolkit
	s3  *s3store.Store
	cfg *config.Config
	log *slog.Logger
}

// ProcessTask runs one ingest. Bad input is recorded on the source and not retried;
// S3 or Redis trouble is returned so asynq retries with backoff.
func (g *ingester) ProcessTask(ctx context.Context, t *asynq.Task) error {
	start := time.Now()
	in, err := tasks.DecodeIngest(t.Payload())
	if err != nil {
		return fmt.Errorf("%w: %v", asynq.SkipRetry, err)
	}
	outcome, err := g.ingest(ctx, in)
	ingestDuration.WithLabelValues(outcome).Observe(time.Since(start).Seconds())
	if err != nil {
		g.log.Warn("ingest", "key", in.Key, "outcome", outcome, "err", err)
	} else {
		g.log.Info("ingest", "key", in.Key, "outcome", outcome, "took", time.Since(start).Round(time.Millisecond))
	}
	return err
}

func (g *ingester) ingest(ctx context.Context, in tasks.Ingest) (string, error) {
	id := tasks.SourceID(in.Bucket, in.Key)
	if !in.Force { // a re-run does it again
		if done, err := g.tk.Processed(ctx, id, in.ETag); err != nil {
			return "retry", err
		} else if done {
			return "duplicate", nil
		}
	}
	if err := g.tk.MarkProcessing(ctx, in); err != nil {
		return "retry", err
	}
	limit := g.cfg.File.Limits.MaxObjectBytes
	obj, err := g.s3.Get(ctx, in.Bucket, in.Key, limit)
	var tooLarge *s3store.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return g.fail(ctx, in, fmt.Sprintf("the file is %s; the limit is %s — split it or ask an admin to raise limits.max_object_bytes",
			humanBytes(tooLarge.Size), humanBytes(tooLarge.Limit)))
	case errors.Is(err, s3store.ErrNotFound):
		return g.fail(ctx, in, "the file was removed from the inbox before it could be processed")
	case errors.Is(err, s3store.ErrRejected):
		return g.fail(ctx, in, "the storage server refuses to read a file under this name; rename it (avoid \"..\" path segments) and upload it again")
	case err != nil:
		return "retry", err
	}
	// The object may have been overwritten since the event: what was read is what counts.
	in.ETag, in.Size = tasks.NormalizeETag(obj.ETag), obj.Size
	sum := sha256.Sum256(obj.Body)
	version := hex.EncodeToString(sum[:])

	doc, err := parse.File(in.Key, obj.Body, limit)
	var bad *parse.InputError
	if errors.As(err, &bad) {
		return g.fail(ctx, in, bad.Reason)
	} else if err != nil {
		return g.fail(ctx, in, "the document could not be read: "+err.Error())
	}
	if doc.Meta.Campaign == "" {
		doc.Meta.Campaign = obj.Metadata["campaign"] // set by `repurpose upload --campaign`
	}
	src, bundle, err := Build(in, id, version, doc, g.cfg)
	if errors.As(err, &bad) {
		return g.fail(ctx, in, bad.Reason)
	}
	src.ObjectTime = obj.LastModified
	if len(bundle.Derivatives) == 0 {
		reasons := make([]string, 0, len(bundle.Skipped))
		for _, s := range bundle.Skipped {
			reasons = append(reasons, string(s.Kind)+": "+s.Reason)
		}
		return g.fail(ctx, in, "nothing publishable could be made from this document ("+strings.Join(reasons, "; ")+")")
	}
	if err := g.tk.Save(ctx, in, src, bundle); err != nil {
		return "retry", err
	}
	return "ready", nil
}

// fail records bad input on the source; the task is not retried.
func (g *ingester) fail(ctx context.Context, in tasks.Ingest, reason string) (string, error) {
	if err := g.tk.Fail(ctx, in, reason); err != nil {
		return "retry", err
	}
	return "failed", fmt.Errorf("%w: %s", asynq.SkipRetry, reason)
}

// Build derives a parsed document for its campaign and shapes the source record and
// bundle the toolkit stores; `repurpose derive` prints the same shapes without storing
// them. A campaign that is not configured is an *parse.InputError under
// campaigns_strict, else a warning on the source: the default campaign's settings apply,
// and the document's own name stays in utm_campaign.
func Build(in tasks.Ingest, id, version string, doc *parse.Document, cfg *config.Config) (*toolkit.Source, *toolkit.Bundle, error) {
	campaign, camp := cfg.File.Campaign(doc.Meta.Campaign)
	var warnings []string
	if unknown := cfg.File.UnknownCampaign(doc.Meta.Campaign); unknown != "" {
		if cfg.File.CampaignsStrict {
			return nil, nil, &parse.InputError{Reason: "the document names " + unknown}
		}
		warnings = append(warnings, fmt.Sprintf("the document names %s: it runs with the settings of %q; fix the name or add the campaign", unknown, campaign))
		if name := doc.Meta.Campaign; config.ValidCampaignName(name) {
			campaign = name // kept for utm_campaign, so its clicks are told apart
		}
	}
	slug := derive.Slug(doc.Title)
	if slug == "" {
		slug = "source"
	}
	slug += "-" + id[:6]
	res := derive.From(doc, derive.Options{
		Version: version, SourceID: id, CampaignName: campaign, Campaign: camp,
		PublicPageURL: cfg.Infra.PublicURL + "/p/" + slug,
		Brand:         cfg.File.BrandFor(camp), MastodonLimit: cfg.File.Channels.MastodonLimit,
	})
	src := &toolkit.Source{
		ID: id, Bucket: in.Bucket, Key: in.Key, Title: doc.Title, Version: version,
		ETag: tasks.NormalizeETag(in.ETag), Size: in.Size, Format: doc.Format, Outline: doc.Outline(), Lang: doc.Lang,
		Campaign: campaign, Stage: res.Stage, Tags: doc.Meta.Tags, Regions: doc.Meta.Regions, Summary: doc.Summary,
		LinkTarget: res.LinkTarget, Slug: slug, Counts: toolkit.Counts(res.Derivatives, len(res.Skipped)),
		Skipped: res.Skipped, Warnings: append(warnings, res.Warnings...),
	}
	b := &toolkit.Bundle{SourceID: id, Version: version, Document: doc, Derivatives: res.Derivatives,
		Skipped: res.Skipped, LinkTarget: res.LinkTarget, Stage: res.Stage, Campaign: campaign, AutoApprove: camp.AutoApprove}
	return src, b, nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
