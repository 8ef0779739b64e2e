package translations

import (
	"context"
	"sort"

	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/record"
)

// Texts are the translations of source version src's derivatives (b, with its edits)
// that carry cards, in their locales' words: every translation not rejected, as the
// derivative with the translation's template and text, grouped by locale (sorted).
// Rendered says which words each was rendered from, by Key, for SetMedia.
func (s *Service) Texts(ctx context.Context, src *record.Source, b *record.Bundle) (byLocale map[string][]derive.Derivative, rendered map[string]string, err error) {
	trs, err := s.record(ctx, src.ID, src.Version)
	if err != nil {
		return nil, nil, err
	}
	byLocale, rendered = map[string][]derive.Derivative{}, map[string]string{}
	for _, d := range b.Derivatives {
		locales := make([]string, 0, len(trs.Derivatives[d.ID]))
		for locale := range trs.Derivatives[d.ID] {
			locales = append(locales, locale)
		}
		sort.Strings(locales)
		for _, locale := range locales {
			tr := trs.Derivatives[d.ID][locale]
			if tr.Status == record.Rejected {
				continue
			}
			td := d
			td.Template, td.Text, td.Locale = tr.Template, tr.Text, locale
			byLocale[locale] = append(byLocale[locale], td)
			rendered[Key(d.ID, locale)] = tr.Template
		}
	}
	return byLocale, rendered, nil
}

// SetMedia records the media rendered for a source version's translations (by Key;
// rendered are the words each was rendered from, as Texts said). A translation whose
// words changed since is left alone: the render its change queued follows. Media no
// longer listed are removed by record's sweep, after a grace period.
func (s *Service) SetMedia(ctx context.Context, sourceID, version string, media map[string][]record.Media, rendered map[string]string) error {
	var changed []*View
	err := s.rec.Locks().WithLock(ctx, "source:"+sourceID, func() error {
		src, err := s.rec.Source(ctx, sourceID)
		if err != nil || src.Version != version || src.Withdrawn() {
			return err
		}
		trs, err := s.record(ctx, sourceID, version)
		if err != nil {
			return err
		}
		for did, byLocale := range trs.Derivatives {
			for locale, tr := range byLocale {
				key := Key(did, locale)
				words, ok := rendered[key]
				if !ok || words != tr.Template {
					continue
				}
				tr.Media = media[key]
				s.rec.Files().WithURLs(tr.Media)
				byLocale[locale] = tr
				changed = append(changed, &View{Translation: tr, DerivativeID: did, SourceID: sourceID, Locale: locale})
			}
		}
		if len(changed) == 0 {
			return nil
		}
		if err := s.rec.PutJSON(ctx, s.recordKey(sourceID, version), trs); err != nil {
			return err
		}
		for _, v := range changed {
			if err := s.indexTranslation(ctx, v); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

// MediaKeys are the media files the translations of a source's current version list,
// rejected ones included (a decision may be undone): record's sweep keeps them.
func (s *Service) MediaKeys(ctx context.Context, src *record.Source) ([]string, error) {
	trs, err := s.record(ctx, src.ID, src.Version)
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, byLocale := range trs.Derivatives {
		for _, tr := range byLocale {
			for _, m := range tr.Media {
				if m.Key != "" {
					keys = append(keys, m.Key)
				}
			}
		}
	}
	return keys, nil
}
