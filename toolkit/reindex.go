package toolkit

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/repurpose/repurpose/s3store"
)

// Reindex rebuilds the Redis index from the S3 record alone: every source, and the
// derivatives, reviews and translations of its current version. It reports each source
// to progress.
func (t *Toolkit) Reindex(ctx context.Context, progress func(done int)) (int, error) {
	prefix := t.loc.Prefix + "sources/"
	var keys []string
	if err := t.s3.List(ctx, t.loc.Bucket, prefix, func(o s3store.Info) error {
		if strings.HasSuffix(o.Key, ".json") {
			keys = append(keys, o.Key)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	for i, key := range keys {
		var s Source
		if err := t.getJSON(ctx, key, &s); err != nil {
			return i, err
		}
		if err := t.reindexSource(ctx, &s); err != nil {
			return i, fmt.Errorf("reindex source %s: %w", s.ID, err)
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return len(keys), nil
}

func (t *Toolkit) reindexSource(ctx context.Context, s *Source) error {
	if s.Withdrawn() {
		return t.unindex(ctx, s) // withdrawn stays withdrawn
	}
	if s.Version == "" {
		return t.index(ctx, s, nil, nil)
	}
	b, err := t.Bundle(ctx, s)
	if errors.Is(err, s3store.ErrNotFound) {
		return t.index(ctx, s, nil, nil)
	}
	if err != nil {
		return err
	}
	apr, err := t.approvals(ctx, s.ID, s.Version)
	if err != nil {
		return err
	}
	if err := t.index(ctx, s, b, apr); err != nil {
		return err
	}
	return t.indexTranslations(ctx, s)
}
