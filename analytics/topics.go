package analytics

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// Topics lists topics newest first ("" or "newest") or best performing first
// ("performance").
func (s *Service) Topics(ctx context.Context, f record.TopicFilter, limit int, cursor, sort string) (record.Page[record.Derivative], error) {
	switch sort {
	case "", "newest":
		return s.rec.Topics(ctx, f, limit, cursor)
	case "performance":
		return s.TopicsByPerformance(ctx, f, limit, cursor)
	}
	return record.Page[record.Derivative]{}, errs.E("analytics.Topics", errs.Invalid, fmt.Sprintf("sort %q must be newest or performance", sort))
}

// TopicsByPerformance lists what Topics would, best performing first (what each topic's
// links brought in the last 30 days), each with its clicks and conversions. The cursor is
// an offset into that order.
func (s *Service) TopicsByPerformance(ctx context.Context, f record.TopicFilter, limit int, cursor string) (record.Page[record.Derivative], error) {
	all, err := s.rec.Topics(ctx, f, 1<<30, "")
	if err != nil {
		return all, err
	}
	perf, err := s.Performance(ctx, 30)
	if err != nil {
		return record.Page[record.Derivative]{}, err
	}
	for i := range all.Items {
		p := perf[all.Items[i].ID]
		all.Items[i].Clicks, all.Items[i].Conversions = p.Clicks, p.Conversions
	}
	slices.SortStableFunc(all.Items, func(a, b record.Derivative) int {
		return cmp.Compare(perf[b.ID].Score(), perf[a.ID].Score())
	})
	return record.OffsetPage(all.Items, limit, cursor), nil
}
