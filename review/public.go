package review

import (
	"context"
	"errors"
	"slices"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// Published is the source whose public page has slug, and its bundle, while the whole of
// it is approved: approving the source does that, not the approval of one snippet of it,
// and it ends once any part is rejected or edited again, or the source is withdrawn. A
// source that is not public is errs.NotFound; other errors are storage trouble.
func (s *Service) Published(ctx context.Context, slug string) (*record.Source, *record.Bundle, error) {
	notFound := errs.E("review.Published", errs.NotFound, "no such page")
	id, err := s.rec.SourceBySlug(ctx, slug)
	if errors.Is(err, errs.NotFound) {
		return nil, nil, notFound
	}
	if err != nil {
		return nil, nil, err
	}
	src, err := s.rec.Source(ctx, id)
	if err != nil || !src.Approved || src.Version == "" || src.Withdrawn() {
		return nil, nil, notFound
	}
	b, err := s.rec.Bundle(ctx, src)
	var apr *record.Approvals
	if err == nil {
		apr, err = s.rec.Approvals(ctx, src.ID, src.Version)
	}
	if err != nil {
		return nil, nil, err
	}
	ds := record.Views(src, b, apr, config.Tracking{})
	if len(ds) == 0 || slices.ContainsFunc(ds, func(d record.Derivative) bool { return d.Status != record.Approved }) {
		return nil, nil, notFound
	}
	return src, b, nil
}
