package toolkit

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

func (t *Toolkit) indexedSource(ctx context.Context, id string) (*Source, error) {
	b, err := t.rdb.HGet(ctx, keySource, id).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, errs.E("toolkit.indexedSource", errs.NotFound, "")
	}
	if err != nil {
		return nil, err
	}
	var s Source
	return &s, json.Unmarshal(b, &s)
}

// indexSource stores a source's JSON and lists it by creation time.
func (t *Toolkit) indexSource(ctx context.Context, s *Source) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	_, err = t.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
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
func (t *Toolkit) indexDerivatives(ctx context.Context, s *Source, ds []Derivative) error {
	old, err := t.rdb.SMembers(ctx, keySourceDerivs(s.ID)).Result()
	if err != nil {
		return err
	}
	keep := make(map[string]bool, len(ds))
	for _, d := range ds {
		keep[d.ID] = true
	}
	_, err = t.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
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
			if d.Canonical != "" { // the tracked link the toolkit shows
				if err := registerLinks(ctx, p, []Link{{Code: TrackedCode(d.ID, string(d.Channel), ""), Target: LinkTarget(d.Canonical, string(d.Channel)),
					DerivativeID: d.ID, SourceID: s.ID, Campaign: d.Campaign, Kind: string(d.Kind), Channel: string(d.Channel), Locale: d.Locale}}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return err
}

// Derivative reads one derivative from the index.
func (t *Toolkit) Derivative(ctx context.Context, id string) (*Derivative, error) {
	b, err := t.rdb.HGet(ctx, keyDerivative, id).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, errs.E("toolkit.Derivative", errs.NotFound, "")
	}
	if err != nil {
		return nil, err
	}
	var d Derivative
	return &d, json.Unmarshal(b, &d)
}

// sourceDerivatives reads a source's derivatives from the index, in bundle order.
func (t *Toolkit) sourceDerivatives(ctx context.Context, id string) ([]Derivative, error) {
	ids, err := t.rdb.SMembers(ctx, keySourceDerivs(id)).Result()
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	ds, err := t.derivatives(ctx, ids)
	if err != nil {
		return nil, err
	}
	sortDerivatives(ds)
	return ds, nil
}

func (t *Toolkit) derivatives(ctx context.Context, ids []string) ([]Derivative, error) {
	if len(ids) == 0 {
		return nil, nil // HMGET needs at least one field
	}
	vals, err := t.rdb.HMGet(ctx, keyDerivative, ids...).Result()
	if err != nil {
		return nil, err
	}
	ds := make([]Derivative, 0, len(vals))
	for i, v := range vals {
		s, ok := v.(string)
		if !ok {
			continue // removed between the listing and the read
		}
		var d Derivative
		if err := json.Unmarshal([]byte(s), &d); err != nil {
			return nil, fmt.Errorf("index entry %s: %w", ids[i], err)
		}
		ds = append(ds, d)
	}
	return ds, nil
}

// indexedJSON reads the JSON values of fields of a hash, 500 at a time; fields the hash
// lacks are absent from the map.
func indexedJSON[T any](ctx context.Context, rdb redis.UniversalClient, key string, fields []string) (map[string]*T, error) {
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
