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
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Ingestion is what ingesting needs of the record (record.Intake has it).
type Ingestion interface {
	Processed(ctx context.Context, sourceID, etag string) (bool, error)
	MarkProcessing(ctx context.Context, in tasks.Ingest) error
	Save(ctx context.Context, in tasks.Ingest, s *record.Source, b *record.Bundle) error
	Fail(ctx context.Context, in tasks.Ingest, reason string) error
}

// ingester handles tasks.TypeIngest: fetch, parse, derive, store, mark processed.
type ingester struct {
	rec    Ingestion
	posted Postings
	s3     *s3store.Store
	cfg    *config.Config
	log    *slog.Logger
}

// ProcessTask runs one ingest. Bad input is recorded on the source and not retried;
// S3 or Redis trouble is returned so asynq retries with backoff.
func (g *ingester) ProcessTask(ctx context.Context, t *asynq.Task) error {
	start := time.Now()
	in, err := tasks.DecodeIngest(t.Payload())
	if err != nil {
		return errs.Wrap("worker.ingest", errs.Invalid, err)
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
		if done, err := g.rec.Processed(ctx, id, in.ETag); err != nil {
			return "retry", err
		} else if done {
			return "duplicate", nil
		}
	}
	if err := g.rec.MarkProcessing(ctx, in); err != nil {
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
	others, err := postedElsewhere(ctx, g.posted, id)
	if err != nil {
		return "retry", err
	}
	src, bundle, err := record.Build(in, id, version, doc, g.cfg, others)
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
	if err := g.rec.Save(ctx, in, src, bundle); err != nil {
		return "retry", err
	}
	return "ready", nil
}

// fail records bad input on the source; the task is not retried (an Invalid error).
func (g *ingester) fail(ctx context.Context, in tasks.Ingest, reason string) (string, error) {
	if err := g.rec.Fail(ctx, in, reason); err != nil {
		return "retry", err
	}
	return "failed", errs.E("worker.ingest", errs.Invalid, reason)
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
