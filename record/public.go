package record

import (
	"context"
	"errors"
	"slices"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
)

// Published is the source whose public page has slug, and its bundle, while the whole of
// it is approved: approving the source does that, not the approval of one snippet of it,
// and it ends once any part is rejected or edited again, or the source is withdrawn. A
// source that is not public is errs.NotFound; other errors are storage trouble.
func (st *Store) Published(ctx context.Context, slug string) (*Source, *Bundle, error) {
	notFound := errs.E("record.Published", errs.NotFound, "no such page")
	id, err := st.SourceBySlug(ctx, slug)
	if errors.Is(err, errs.NotFound) {
		return nil, nil, notFound
	}
	if err != nil {
		return nil, nil, err
	}
	s, err := st.Source(ctx, id)
	if err != nil || !s.Approved || s.Version == "" || s.Withdrawn() {
		return nil, nil, notFound
	}
	b, err := st.Bundle(ctx, s)
	var apr *Approvals
	if err == nil {
		apr, err = st.Approvals(ctx, s.ID, s.Version)
	}
	if err != nil {
		return nil, nil, err
	}
	ds := Views(s, b, apr, config.Tracking{})
	if len(ds) == 0 || slices.ContainsFunc(ds, func(d Derivative) bool { return d.Status != Approved }) {
		return nil, nil, notFound
	}
	return s, b, nil
}
