package record

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
func (st *Store) Reindex(ctx context.Context, progress func(done int)) (int, error) {
	var keys []string
	if err := st.Each(ctx, "sources/", func(key string) error {
		keys = append(keys, key)
		return nil
	}); err != nil {
		return 0, err
	}
	for i, key := range keys {
		var s Source
		if err := st.GetJSON(ctx, key, &s); err != nil {
			return i, err
		}
		if err := st.reindexSource(ctx, &s); err != nil {
			return i, fmt.Errorf("reindex source %s: %w", s.ID, err)
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return len(keys), nil
}

func (st *Store) reindexSource(ctx context.Context, s *Source) error {
	if s.Withdrawn() {
		return st.unindex(ctx, s) // withdrawn stays withdrawn
	}
	if s.Version == "" {
		return st.Index(ctx, s, nil, nil)
	}
	b, err := st.Bundle(ctx, s)
	if errors.Is(err, s3store.ErrNotFound) {
		return st.Index(ctx, s, nil, nil)
	}
	if err != nil {
		return err
	}
	apr, err := st.Approvals(ctx, s.ID, s.Version)
	if err != nil {
		return err
	}
	if err := st.Index(ctx, s, b, apr); err != nil {
		return err
	}
	if st.enq != nil {
		if missing, err := st.Files().missing(ctx, s, b); err != nil {
			return err
		} else if missing {
			st.Files().Queue(ctx, s, "reindex")
		}
	}
	return st.versionIndexed(ctx, s)
}

// Each calls fn with the key of every JSON object under the record's prefix/folder.
func (st *Store) Each(ctx context.Context, folder string, fn func(key string) error) error {
	return st.s3.List(ctx, st.loc.Bucket, st.loc.Prefix+folder, func(o s3store.Info) error {
		if !strings.HasSuffix(o.Key, ".json") {
			return nil
		}
		return fn(o.Key)
	})
}
