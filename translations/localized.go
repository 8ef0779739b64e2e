package translations

import (
	"context"
	"strings"

	"github.com/repurpose/repurpose/record"
)

// Localized lists the approved derivatives f selects (f.Status is the caller's), newest
// source first, at most limit. With f.Locale, that is those written in it and the
// approved translations into it: a partner reading Spanish gets the Spanish text of an
// English paper once a reviewer approved it.
func (s *Service) Localized(ctx context.Context, f record.TopicFilter, limit int) ([]record.Derivative, error) {
	if f.Locale == "" {
		page, err := s.rec.Topics(ctx, f, limit, "")
		return page.Items, err
	}
	every := f
	every.Locale = ""
	page, err := s.rec.Topics(ctx, every, 1<<30, "")
	if err != nil {
		return nil, err
	}
	fields := make([]string, 0, len(page.Items))
	for _, d := range page.Items {
		if !strings.EqualFold(d.Locale, f.Locale) {
			fields = append(fields, Key(d.ID, f.Locale))
		}
	}
	trs, err := s.Indexed(ctx, fields)
	if err != nil {
		return nil, err
	}
	out := []record.Derivative{}
	for _, d := range page.Items {
		if len(out) == limit {
			break
		}
		if strings.EqualFold(d.Locale, f.Locale) {
			out = append(out, d)
			continue
		}
		if tv := trs[Key(d.ID, f.Locale)]; tv != nil && tv.Status == record.Approved {
			out = append(out, translated(d, tv))
		}
	}
	return out, nil
}

// translated is d as its approved translation reads. The ID names the pair, so a feed
// entry of the translation is not the entry of the original.
func translated(d record.Derivative, tv *View) record.Derivative {
	l := tv.Length
	d.ID = Key(d.ID, tv.Locale)
	d.Locale, d.Text, d.Template, d.Parts, d.Length = tv.Locale, tv.Text, tv.Template, tv.Parts, &l
	return d
}
