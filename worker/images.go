package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/cardset"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/tasks"
)

// ImageRecord is what rendering images needs of the record (record.Store has it).
type ImageRecord interface {
	Current(ctx context.Context, id string) (*record.Source, *record.Bundle, *record.Approvals, error)
	Files() *record.MediaFiles
}

// TranslationImages is what rendering images needs of the translations
// (translations.Service has it).
type TranslationImages interface {
	Texts(ctx context.Context, src *record.Source, b *record.Bundle) (map[string][]derive.Derivative, map[string]string, error)
	SetMedia(ctx context.Context, sourceID, version string, media map[string][]record.Media, rendered map[string]string) error
}

// imager handles tasks.TypeImages: it renders a ready source's cards and carousels from
// its current words (marketing's edits, and each translation in its own language),
// stores each file in the toolkit bucket under its content hash, and records them on
// the derivatives and translations. The source was ready before; this only adds its
// images. An edit or a translation queues the same task again.
type imager struct {
	rec       ImageRecord
	trs       TranslationImages // nil: no translations
	renderers *cardset.Renderers
	log       *slog.Logger
}

func (h *imager) ProcessTask(ctx context.Context, t *asynq.Task) error {
	in, err := tasks.DecodeImages(t.Payload())
	if err != nil {
		return errs.Wrap("worker.images", errs.Invalid, err)
	}
	s, b, apr, err := h.rec.Current(ctx, in.SourceID)
	if errors.Is(err, record.ErrWithdrawn) || errs.KindOf(err) == errs.NotFound {
		return nil
	}
	if err != nil {
		return err
	}
	if s.Version != in.Version {
		return nil // a newer version renders its own
	}
	edited, stamp := b.Edited(apr), apr.EditsStamp()
	set, err := h.renderers.Render(ctx, s, edited)
	if err == nil {
		err = set.Err()
	}
	if err != nil {
		// Fonts that cannot be loaded or text no card takes do not get better by
		// retrying; the source says why.
		h.log.Warn("images", "source", s.ID, "outcome", "failed", "err", err)
		return h.rec.Files().SetImages(ctx, s.ID, record.Images{Version: s.Version, Edits: stamp, Status: record.ImagesFailed, Reason: err.Error()})
	}
	files := set.Files
	var translated *cardset.Set
	var rendered map[string]string
	if h.trs != nil {
		byLocale, words, err := h.trs.Texts(ctx, s, edited)
		if err != nil {
			return err
		}
		if translated, err = h.renderers.RenderTranslations(ctx, s, set.Preview, localesOf(byLocale)); err != nil {
			return err
		}
		files, rendered = append(files, translated.Files...), words
	}
	for _, f := range files {
		if err := h.rec.Files().Put(ctx, f.Key, f.ContentType, f.Data); err != nil {
			return h.storageFailed(ctx, s, stamp, fmt.Errorf("store %s: %w", f.Key, err))
		}
	}
	im := record.Images{Version: s.Version, Edits: stamp, Status: record.ImagesReady, Reason: set.Reason(), Media: set.Media, Preview: set.Preview}
	if err := h.rec.Files().SetImages(ctx, s.ID, im); err != nil {
		return h.storageFailed(ctx, s, stamp, err)
	}
	if translated != nil {
		if err := h.trs.SetMedia(ctx, s.ID, s.Version, translated.Media, rendered); err != nil {
			return err
		}
	}
	h.log.Info("images", "source", s.ID, "outcome", "ready", "files", len(files), "skipped", len(set.Skipped))
	return nil
}

// localesOf lists translated derivatives locale by locale, in locale order.
func localesOf(byLocale map[string][]derive.Derivative) []cardset.Translated {
	out := make([]cardset.Translated, 0, len(byLocale))
	for _, locale := range slices.Sorted(maps.Keys(byLocale)) {
		out = append(out, cardset.Translated{Locale: locale, Derivatives: byLocale[locale]})
	}
	return out
}

// storageFailed returns err for asynq to retry; after the last retry the source says
// its images failed, and why.
func (h *imager) storageFailed(ctx context.Context, s *record.Source, stamp string, err error) error {
	n, okN := asynq.GetRetryCount(ctx)
	max, okMax := asynq.GetMaxRetry(ctx)
	if okN && okMax && n >= max {
		if serr := h.rec.Files().SetImages(ctx, s.ID, record.Images{Version: s.Version, Edits: stamp, Status: record.ImagesFailed, Reason: err.Error()}); serr != nil {
			h.log.Warn("images", "source", s.ID, "err", serr)
		}
	}
	return err
}
