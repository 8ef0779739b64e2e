package toolkit

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/s3store"
)

// The link key signs click IDs. Every serve process must use the same one, and it must
// outlive restarts and a flushed Redis, or the clicks of the last 30 days could no longer
// convert: it is made once, kept in the toolkit bucket (secrets/link-key), and Redis
// (SET NX) decides between processes that make it at the same moment.
const keyLinkKey = "repurpose:secret:link-key"

func (t *Toolkit) linkKeyObject() string { return t.loc.Prefix + "secrets/link-key" }

// linkKey is the link key, from memory after its first use.
func (t *Toolkit) linkKey(ctx context.Context) ([]byte, error) {
	if k := t.linkSecret.Load(); k != nil {
		return *k, nil
	}
	key, err := t.rdb.Get(ctx, keyLinkKey).Bytes()
	if errors.Is(err, redis.Nil) {
		key, err = t.restoreLinkKey(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("link key: %w", err)
	}
	if len(key) < 32 {
		return nil, fmt.Errorf("link key: %s holds %d bytes, want 32; delete it and s3://%s/%s to make a new one (clicks made before then stop converting)", keyLinkKey, len(key), t.loc.Bucket, t.linkKeyObject())
	}
	t.linkSecret.Store(&key)
	return key, nil
}

// restoreLinkKey puts the kept key (or, the first time, a new one) into Redis, and keeps
// whichever won there in S3.
func (t *Toolkit) restoreLinkKey(ctx context.Context) ([]byte, error) {
	obj, err := t.s3.Get(ctx, t.loc.Bucket, t.linkKeyObject(), 1024)
	var candidate []byte
	switch {
	case err == nil:
		candidate = obj.Body
	case errors.Is(err, s3store.ErrNotFound):
		candidate = make([]byte, 32)
		rand.Read(candidate)
	default:
		return nil, err
	}
	if err := t.rdb.SetNX(ctx, keyLinkKey, candidate, 0).Err(); err != nil {
		return nil, err
	}
	key, err := t.rdb.Get(ctx, keyLinkKey).Bytes()
	if err != nil {
		return nil, err
	}
	if obj == nil || string(obj.Body) != string(key) {
		if _, err := t.s3.Put(ctx, t.loc.Bucket, t.linkKeyObject(), key, "application/octet-stream"); err != nil {
			return nil, err
		}
	}
	return key, nil
}
