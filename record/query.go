package record

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Page is a slice of a listing and the cursor of the next one ("" at the end).
type Page[T any] struct {
	Items      []T
	NextCursor string
}

// Sources lists the sources keep accepts (nil: all), newest first. The cursor is the
// offset into the whole listing where the next page starts.
func (st *Store) Sources(ctx context.Context, limit int, cursor string, keep func(*Source) bool) (Page[Source], error) {
	const batch = 200
	pos, _ := strconv.Atoi(cursor)
	out := []Source{}
	for {
		ids, err := st.rdb.ZRevRange(ctx, keySources, int64(pos), int64(pos+batch-1)).Result()
		if err != nil || len(ids) == 0 {
			return Page[Source]{Items: out}, err
		}
		byID, err := IndexedValues[Source](ctx, st.rdb, keySource, ids)
		if err != nil {
			return Page[Source]{}, err
		}
		for i, id := range ids {
			src, ok := byID[id]
			if !ok || keep != nil && !keep(src) {
				continue
			}
			if len(out) == limit {
				return Page[Source]{Items: out, NextCursor: strconv.Itoa(pos + i)}, nil
			}
			out = append(out, *src)
		}
		if len(ids) < batch {
			return Page[Source]{Items: out}, nil
		}
		pos += batch
	}
}

// TopicFilter narrows the topic listing; empty fields match everything.
type TopicFilter struct {
	Campaign, Kind, Channel, Locale, Tag, Source string
	Status                                       ReviewStatus
	// Region matches derivatives meant for it, and those of documents that name no region.
	Region string
	// Scope is a regional user's regions: derivatives meant for one of them, or for every region.
	Scope []string
	// Q matches words of the text, case-insensitively.
	Q string
	// ApprovedSince keeps derivatives approved at or after it (zero: any time).
	ApprovedSince time.Time
}

// Match reports whether f keeps d.
func (f TopicFilter) Match(d *Derivative) bool {
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
	if len(f.Scope) > 0 && !InScope(d.Regions, f.Scope) {
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

// InScope reports whether something meant for regions (none: every region) reaches a
// user scoped to scope.
func InScope(regions, scope []string) bool {
	return len(regions) == 0 || slices.ContainsFunc(regions, func(r string) bool {
		return slices.ContainsFunc(scope, func(s string) bool { return strings.EqualFold(r, s) })
	})
}

// Topics lists derivatives that match f, newest source first. The cursor is the offset
// into the whole listing where the next page starts.
func (st *Store) Topics(ctx context.Context, f TopicFilter, limit int, cursor string) (Page[Derivative], error) {
	const batch = 500
	pos, _ := strconv.Atoi(cursor)
	out := []Derivative{}
	for {
		ids, err := st.rdb.ZRevRange(ctx, keyTopics, int64(pos), int64(pos+batch-1)).Result()
		if err != nil {
			return Page[Derivative]{}, err
		}
		ds, err := st.Derivatives(ctx, ids)
		if err != nil {
			return Page[Derivative]{}, err
		}
		byID := make(map[string]*Derivative, len(ds))
		for i := range ds {
			byID[ds[i].ID] = &ds[i]
		}
		for i, id := range ids {
			d, ok := byID[id]
			if !ok || !f.Match(d) {
				continue
			}
			if len(out) == limit {
				return st.withClaims(ctx, Page[Derivative]{Items: out, NextCursor: strconv.Itoa(pos + i)})
			}
			out = append(out, *d)
		}
		if len(ids) < batch {
			return st.withClaims(ctx, Page[Derivative]{Items: out})
		}
		pos += batch
	}
}

func (st *Store) withClaims(ctx context.Context, p Page[Derivative]) (Page[Derivative], error) {
	ids := make([]string, len(p.Items))
	for i, d := range p.Items {
		ids[i] = d.ID
	}
	holders, err := st.claims.holders(ctx, ids)
	for i := range p.Items {
		p.Items[i].ClaimedBy = holders[p.Items[i].ID]
	}
	return p, err
}

// SourceWithDerivatives reads a source and its current derivatives.
func (st *Store) SourceWithDerivatives(ctx context.Context, id string) (*Source, []Derivative, error) {
	s, err := st.Source(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	ds, err := st.SourceDerivatives(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if ds == nil {
		ds = []Derivative{}
	}
	p, err := st.withClaims(ctx, Page[Derivative]{Items: ds})
	return s, p.Items, err
}

// OffsetPage is the page of items that starts at cursor, an offset into them ("" or
// junk: the start), limit long; its NextCursor is the offset after it.
func OffsetPage[T any](items []T, limit int, cursor string) Page[T] {
	start, _ := strconv.Atoi(cursor)
	start = min(max(start, 0), len(items))
	end := min(start+limit, len(items))
	page := Page[T]{Items: items[start:end]}
	if end < len(items) {
		page.NextCursor = strconv.Itoa(end)
	}
	return page
}
