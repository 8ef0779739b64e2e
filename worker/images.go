package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/cardset"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/tasks"
)

// ImageRecord is what rendering images needs of the record (record.Store has it).
type ImageRecord interface {
	Current(ctx context.Context, id string) (*record.Source, *record.Bundle, *record.Approvals, error)
	PutMedia(ctx context.Context, key, contentType string, data []byte) error
	SetImages(ctx context.Context, id string, im record.Images) error
}

// imager handles tasks.TypeImages: it renders a ready source's cards and carousels,
// stores each file in the toolkit bucket under its content hash, and records them on
// the derivatives. The source was ready before; this only adds its images.
type imager struct {
	rec       ImageRecord
	renderers *cardset.Renderers
	log       *slog.Logger
}

func (h *imager) ProcessTask(ctx context.Context, t *asynq.Task) error {
	in, err := tasks.DecodeImages(t.Payload())
	if err != nil {
		return errs.Wrap("worker.images", errs.Invalid, err)
	}
	s, b, _, err := h.rec.Current(ctx, in.SourceID)
	if errors.Is(err, record.ErrWithdrawn) || errs.KindOf(err) == errs.NotFound {
		return nil
	}
	if err != nil {
		return err
	}
	if s.Version != in.Version {
		return nil // a newer version renders its own
	}
	set, err := h.renderers.Render(ctx, s, b)
	if err == nil {
		err = set.Err()
	}
	if err != nil {
		// Fonts that cannot be loaded or text no card takes do not get better by
		// retrying; the source says why.
		h.log.Warn("images", "source", s.ID, "outcome", "failed", "err", err)
		return h.rec.SetImages(ctx, s.ID, record.Images{Version: s.Version, Status: record.ImagesFailed, Reason: err.Error()})
	}
	for _, f := range set.Files {
		if err := h.rec.PutMedia(ctx, f.Key, f.ContentType, f.Data); err != nil {
			return h.storageFailed(ctx, s, fmt.Errorf("store %s: %w", f.Key, err))
		}
	}
	im := record.Images{Version: s.Version, Status: record.ImagesReady, Reason: set.Reason(), Media: set.Media, Preview: set.Preview}
	if err := h.rec.SetImages(ctx, s.ID, im); err != nil {
		return h.storageFailed(ctx, s, err)
	}
	h.log.Info("images", "source", s.ID, "outcome", "ready", "files", len(set.Files), "skipped", len(set.Skipped))
	return nil
}

// storageFailed returns err for asynq to retry; after the last retry the source says
// its images failed, and why.
func (h *imager) storageFailed(ctx context.Context, s *record.Source, err error) error {
	n, okN := asynq.GetRetryCount(ctx)
	max, okMax := asynq.GetMaxRetry(ctx)
	if okN && okMax && n >= max {
		if serr := h.rec.SetImages(ctx, s.ID, record.Images{Version: s.Version, Status: record.ImagesFailed, Reason: err.Error()}); serr != nil {
			h.log.Warn("images", "source", s.ID, "err", serr)
		}
	}
	return err
}
