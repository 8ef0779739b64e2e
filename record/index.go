package record

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
)

// Redis keys of the index. Everything here can be rebuilt from S3 (Reindex).
const (
	keySource     = "repurpose:source"  // hash: source id -> Source JSON
	keySources    = "repurpose:sources" // zset: source id by creation time
	keyDerivative = "repurpose:deriv"   // hash: derivative id -> Derivative JSON
	keyTopics     = "repurpose:topics"  // zset: derivative id by source creation time
	keySlug       = "repurpose:slug"    // hash: public page slug -> source id
)

func keySourceDerivs(id string) string { return "repurpose:srcderivs:" + id }
func keyClaim(id string) string        { return "repurpose:claim:" + id }
func keyLock(name string) string       { return "repurpose:lock:" + name }

// IndexedSource reads a source from the index only.
func (st *Store) IndexedSource(ctx context.Context, id string) (*Source, error) {
	return IndexedValue[Source](ctx, st.rdb, keySource, id)
}

// IndexedSources reads sources from the index only; ids it lacks are absent.
func (st *Store) IndexedSources(ctx context.Context, ids []string) (map[string]*Source, error) {
	return IndexedValues[Source](ctx, st.rdb, keySource, ids)
}

// SourceBySlug is the ID of the source whose public page is at slug.
func (st *Store) SourceBySlug(ctx context.Context, slug string) (string, error) {
	id, err := st.rdb.HGet(ctx, keySlug, slug).Result()
	if errors.Is(err, redis.Nil) {
		return "", errs.E("record.SourceBySlug", errs.NotFound, "")
	}
	return id, err
}

// IsCurrent reports whether a derivative belongs to its source's current version.
func (st *Store) IsCurrent(ctx context.Context, sourceID, derivID string) (bool, error) {
	return st.rdb.SIsMember(ctx, keySourceDerivs(sourceID), derivID).Result()
}

// IndexedValue reads the JSON value of one field of a hash; a missing field is
// errs.NotFound.
func IndexedValue[T any](ctx context.Context, rdb redis.UniversalClient, key, field string) (*T, error) {
	b, err := rdb.HGet(ctx, key, field).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, errs.E("record.IndexedValue", errs.NotFound, "")
	}
	if err != nil {
		return nil, err
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("index entry %s: %w", field, err)
	}
	return &v, nil
}

// indexSource stores a source's JSON and lists it by creation time.
func (st *Store) indexSource(ctx context.Context, s *Source) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	_, err = st.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, keySource, s.ID, b)
		p.ZAddNX(ctx, keySources, redis.Z{Score: float64(s.CreatedAt.UnixMilli()), Member: s.ID})
		if s.Slug != "" {
			p.HSet(ctx, keySlug, s.Slug, s.ID)
		}
		return nil
	})
	return err
}

// indexDerivatives replaces a source's derivatives in the index with ds.
func (st *Store) indexDerivatives(ctx context.Context, s *Source, ds []Derivative) error {
	old, err := st.rdb.SMembers(ctx, keySourceDerivs(s.ID)).Result()
	if err != nil {
		return err
	}
	keep := make(map[string]bool, len(ds))
	for _, d := range ds {
		keep[d.ID] = true
	}
	_, err = st.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for _, id := range old {
			if !keep[id] {
				p.HDel(ctx, keyDerivative, id)
				p.ZRem(ctx, keyTopics, id)
				p.SRem(ctx, keySourceDerivs(s.ID), id)
			}
		}
		for _, d := range ds {
			b, err := json.Marshal(d)
			if err != nil {
				return err
			}
			p.HSet(ctx, keyDerivative, d.ID, b)
			p.ZAdd(ctx, keyTopics, redis.Z{Score: float64(s.CreatedAt.UnixMilli()), Member: d.ID})
			p.SAdd(ctx, keySourceDerivs(s.ID), d.ID)
			if st.ext.IndexDerivative != nil {
				if err := st.ext.IndexDerivative(ctx, p, s, &d); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return err
}

// Derivative reads one derivative from the index.
func (st *Store) Derivative(ctx context.Context, id string) (*Derivative, error) {
	return IndexedValue[Derivative](ctx, st.rdb, keyDerivative, id)
}

// SourceDerivatives reads a source's derivatives from the index, in bundle order.
func (st *Store) SourceDerivatives(ctx context.Context, id string) ([]Derivative, error) {
	ids, err := st.rdb.SMembers(ctx, keySourceDerivs(id)).Result()
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	ds, err := st.Derivatives(ctx, ids)
	if err != nil {
		return nil, err
	}
	sortDerivatives(ds)
	return ds, nil
}

// Derivatives reads derivatives from the index, in the order of ids; ids it lacks are
// left out.
func (st *Store) Derivatives(ctx context.Context, ids []string) ([]Derivative, error) {
	byID, err := IndexedValues[Derivative](ctx, st.rdb, keyDerivative, ids)
	if err != nil {
		return nil, err
	}
	ds := make([]Derivative, 0, len(byID))
	for _, id := range ids {
		if d, ok := byID[id]; ok { // else removed between the listing and the read
			ds = append(ds, *d)
		}
	}
	return ds, nil
}

// IndexedValues reads the JSON values of fields of a hash, 500 at a time; fields the hash
// lacks are absent from the map.
func IndexedValues[T any](ctx context.Context, rdb redis.UniversalClient, key string, fields []string) (map[string]*T, error) {
	out := make(map[string]*T, len(fields))
	for start := 0; start < len(fields); start += 500 {
		batch := fields[start:min(start+500, len(fields))]
		vals, err := rdb.HMGet(ctx, key, batch...).Result()
		if err != nil {
			return nil, err
		}
		for i, v := range vals {
			s, ok := v.(string)
			if !ok {
				continue
			}
			var x T
			if err := json.Unmarshal([]byte(s), &x); err != nil {
				return nil, fmt.Errorf("index entry %s: %w", batch[i], err)
			}
			out[batch[i]] = &x
		}
	}
	return out, nil
}

// SourcesOf reads the sources of ds in one Redis round trip, falling back to the S3
// record only for those the index lacks: a feed of 100 entries from a handful of sources
// should not cost 100 look-ups. A source that no longer exists is left out.
func (st *Store) SourcesOf(ctx context.Context, ds []Derivative) (map[string]*Source, error) {
	out := map[string]*Source{}
	var ids []string
	for _, d := range ds {
		if _, seen := out[d.SourceID]; !seen && d.SourceID != "" {
			out[d.SourceID] = nil
			ids = append(ids, d.SourceID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	indexed, err := st.IndexedSources(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if src := indexed[id]; src != nil {
			out[id] = src
			continue
		}
		src, err := st.Source(ctx, id)
		if errors.Is(err, errs.NotFound) {
			delete(out, id)
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = src
	}
	return out, nil
}
