package toolkit

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// freshness is how ?fresh= is written: a number of days ("7d") or a Go duration ("36h").
var freshness = regexp.MustCompile(`^([1-9][0-9]{0,3})d$`)

// topicFilter reads a topic listing's query: campaign, kind, channel, locale, tag, q,
// status, source, region and fresh (approved within the last 7d, 24h, ...).
func (t *Toolkit) topicFilter(q url.Values) (record.TopicFilter, error) {
	f := record.TopicFilter{Campaign: q.Get("campaign"), Kind: q.Get("kind"), Channel: q.Get("channel"),
		Locale: q.Get("locale"), Tag: q.Get("tag"), Q: q.Get("q"), Status: record.ReviewStatus(q.Get("status")), Source: q.Get("source"),
		Region: q.Get("region")}
	if s := q.Get("fresh"); s != "" {
		var age time.Duration
		if m := freshness.FindStringSubmatch(s); m != nil {
			days, _ := strconv.Atoi(m[1])
			age = time.Duration(days) * 24 * time.Hour
		} else if d, err := time.ParseDuration(s); err == nil && d > 0 {
			age = d
		} else {
			return f, fmt.Errorf("fresh %q must be an age such as 7d or 36h: topics approved within it are listed", s)
		}
		f.ApprovedSince = t.now().Add(-age)
	}
	return f, nil
}

// TopicsByPerformance lists what Topics would, best performing first (what each topic's
// links brought in the last 30 days), each with its clicks and conversions. The cursor is
// an offset into that order.
func (t *Toolkit) TopicsByPerformance(ctx context.Context, f record.TopicFilter, limit int, cursor string) (record.Page[record.Derivative], error) {
	all, err := t.rec.Topics(ctx, f, 1<<30, "")
	if err != nil {
		return all, err
	}
	perf, err := t.analytics.Performance(ctx, 30)
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
	start, _ := strconv.Atoi(cursor)
	start = min(max(start, 0), len(all.Items))
	end := min(start+limit, len(all.Items))
	page := record.Page[record.Derivative]{Items: all.Items[start:end]}
	if end < len(all.Items) {
		page.NextCursor = strconv.Itoa(end)
	}
	return page, nil
}

// TopicsSorted lists topics newest first ("" or "newest") or best performing first
// ("performance").
func (t *Toolkit) TopicsSorted(ctx context.Context, f record.TopicFilter, limit int, cursor, sort string) (record.Page[record.Derivative], error) {
	switch sort {
	case "", "newest":
		return t.rec.Topics(ctx, f, limit, cursor)
	case "performance":
		return t.TopicsByPerformance(ctx, f, limit, cursor)
	}
	return record.Page[record.Derivative]{}, errs.E("toolkit.TopicsSorted", errs.Invalid, fmt.Sprintf("sort %q must be newest or performance", sort))
}
