package toolkit

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/repurpose/repurpose/errs"
)

// Page is a slice of a listing and the cursor of the next one ("" at the end).
type Page[T any] struct {
	Items      []T
	NextCursor string
}

// Sources lists the sources keep accepts (nil: all), newest first. The cursor is the
// offset into the whole listing where the next page starts.
func (t *Toolkit) Sources(ctx context.Context, limit int, cursor string, keep func(*Source) bool) (Page[Source], error) {
	const batch = 200
	pos, _ := strconv.Atoi(cursor)
	out := []Source{}
	for {
		ids, err := t.rdb.ZRevRange(ctx, keySources, int64(pos), int64(pos+batch-1)).Result()
		if err != nil || len(ids) == 0 {
			return Page[Source]{Items: out}, err
		}
		vals, err := t.rdb.HMGet(ctx, keySource, ids...).Result()
		if err != nil {
			return Page[Source]{}, err
		}
		for i, v := range vals {
			str, ok := v.(string)
			if !ok {
				continue
			}
			var src Source
			if err := json.Unmarshal([]byte(str), &src); err != nil {
				return Page[Source]{}, fmt.Errorf("index entry %s: %w", ids[i], err)
			}
			if keep != nil && !keep(&src) {
				continue
			}
			if len(out) == limit {
				return Page[Source]{Items: out, NextCursor: strconv.Itoa(pos + i)}, nil
			}
			out = append(out, src)
		}
		if len(ids) < batch {
			return Page[Source]{Items: out}, nil
		}
		pos += batch
	}
}

// TopicFilter narrows the topic listing; empty fields match everything.
type TopicFilter struct {
	Campaign, Kind, Channel, Locale, Tag, Status, Source string
	// Region matches derivatives meant for it, and those of documents that name no region.
	Region string
	// Scope is a regional user's regions: derivatives meant for one of them, or for every region.
	Scope []string
	// Q matches words of the text, case-insensitively.
	Q string
	// ApprovedSince keeps derivatives approved at or after it (zero: any time).
	ApprovedSince time.Time
}

// freshness is how ?fresh= is written: a number of days ("7d") or a Go duration ("36h").
var freshness = regexp.MustCompile(`^([1-9][0-9]{0,3})d$`)

// topicFilter reads a topic listing's query: campaign, kind, channel, locale, tag, q,
// status, source, region and fresh (approved within the last 7d, 24h, ...).
func (t *Toolkit) topicFilter(q url.Values) (TopicFilter, error) {
	f := TopicFilter{Campaign: q.Get("campaign"), Kind: q.Get("kind"), Channel: q.Get("channel"),
		Locale: q.Get("locale"), Tag: q.Get("tag"), Q: q.Get("q"), Status: q.Get("status"), Source: q.Get("source"),
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

func (f TopicFilter) match(d *Derivative) bool {
	if f.Campaign != "" && d.Campaign != f.Campaign ||
		f.Kind != "" && string(d.Kind) != f.Kind ||
		f.Channel != "" && string(d.Channel) != f.Channel ||
		f.Locale != "" && !strings.EqualFold(d.Locale, f.Locale) ||
		f.Status != "" && d.Status != f.Status ||
		f.Source != "" && d.SourceID != f.Source ||
		f.Tag != "" && !slices.ContainsFunc(d.Tags, func(t string) bool { return strings.EqualFold(t, f.Tag) }) ||
		f.Region != "" && len(d.Regions) > 0 && !slices.ContainsFunc(d.Regions, func(r string) bool { return strings.EqualFold(r, f.Region) }) {
		return false
	}
	if !f.ApprovedSince.IsZero() && (d.Status != Approved || d.ApprovedAt.Before(f.ApprovedSince)) {
		return false
	}
	if len(f.Scope) > 0 && !inScope(d.Regions, f.Scope) {
		return false
	}
	if f.Q != "" {
		text := strings.ToLower(d.Text)
		for _, w := range strings.Fields(strings.ToLower(f.Q)) {
			if !strings.Contains(text, w) {
				return false
			}
		}
	}
	return true
}

// inScope reports whether something meant for regions (none: every region) reaches a
// user scoped to scope.
func inScope(regions, scope []string) bool {
	return len(regions) == 0 || slices.ContainsFunc(regions, func(r string) bool {
		return slices.ContainsFunc(scope, func(s string) bool { return strings.EqualFold(r, s) })
	})
}

// Topics lists derivatives that match f, newest source first. The cursor is the offset
// into the whole listing where the next page starts.
func (t *Toolkit) Topics(ctx context.Context, f TopicFilter, limit int, cursor string) (Page[Derivative], error) {
	const batch = 500
	pos, _ := strconv.Atoi(cursor)
	out := []Derivative{}
	for {
		ids, err := t.rdb.ZRevRange(ctx, keyTopics, int64(pos), int64(pos+batch-1)).Result()
		if err != nil {
			return Page[Derivative]{}, err
		}
		ds, err := t.derivatives(ctx, ids)
		if err != nil {
			return Page[Derivative]{}, err
		}
		byID := make(map[string]*Derivative, len(ds))
		for i := range ds {
			byID[ds[i].ID] = &ds[i]
		}
		for i, id := range ids {
			d, ok := byID[id]
			if !ok || !f.match(d) {
				continue
			}
			if len(out) == limit {
				return t.withClaims(ctx, Page[Derivative]{Items: out, NextCursor: strconv.Itoa(pos + i)})
			}
			out = append(out, *d)
		}
		if len(ids) < batch {
			return t.withClaims(ctx, Page[Derivative]{Items: out})
		}
		pos += batch
	}
}

func (t *Toolkit) withClaims(ctx context.Context, p Page[Derivative]) (Page[Derivative], error) {
	ids := make([]string, len(p.Items))
	for i, d := range p.Items {
		ids[i] = d.ID
	}
	holders, err := t.claimants(ctx, ids)
	for i := range p.Items {
		p.Items[i].ClaimedBy = holders[p.Items[i].ID]
	}
	return p, err
}

// SourceWithDerivatives reads a source and its current derivatives.
func (t *Toolkit) SourceWithDerivatives(ctx context.Context, id string) (*Source, []Derivative, error) {
	s, err := t.Source(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	ds, err := t.sourceDerivatives(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if ds == nil {
		ds = []Derivative{}
	}
	p, err := t.withClaims(ctx, Page[Derivative]{Items: ds})
	return s, p.Items, err
}

// TopicsByPerformance lists what Topics would, best performing first (what each topic's
// links brought in the last 30 days), each with its clicks and conversions. The cursor is
// an offset into that order.
func (t *Toolkit) TopicsByPerformance(ctx context.Context, f TopicFilter, limit int, cursor string) (Page[Derivative], error) {
	all, err := t.Topics(ctx, f, 1<<30, "")
	if err != nil {
		return all, err
	}
	perf, err := t.Performance(ctx, 30)
	if err != nil {
		return Page[Derivative]{}, err
	}
	for i := range all.Items {
		p := perf[all.Items[i].ID]
		all.Items[i].Clicks, all.Items[i].Conversions = p.Clicks, p.Conversions
	}
	slices.SortStableFunc(all.Items, func(a, b Derivative) int {
		return cmp.Compare(perf[b.ID].Score(), perf[a.ID].Score())
	})
	start, _ := strconv.Atoi(cursor)
	start = min(max(start, 0), len(all.Items))
	end := min(start+limit, len(all.Items))
	page := Page[Derivative]{Items: all.Items[start:end]}
	if end < len(all.Items) {
		page.NextCursor = strconv.Itoa(end)
	}
	return page, nil
}

// TopicsSorted lists topics newest first ("" or "newest") or best performing first
// ("performance").
func (t *Toolkit) TopicsSorted(ctx context.Context, f TopicFilter, limit int, cursor, sort string) (Page[Derivative], error) {
	switch sort {
	case "", "newest":
		return t.Topics(ctx, f, limit, cursor)
	case "performance":
		return t.TopicsByPerformance(ctx, f, limit, cursor)
	}
	return Page[Derivative]{}, errs.E("toolkit.TopicsSorted", errs.Invalid, fmt.Sprintf("sort %q must be newest or performance", sort))
}
