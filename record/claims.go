package record

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// A claim gives one contributor a topic (a derivative) for a while, so two people do not
// write about it at once. Claims live in Redis only: they expire, and a reindex drops
// none of the live ones.

// Claims are the claims on derivatives, kept in the index's Redis.
type Claims struct{ rdb redis.UniversalClient }

// claimScript takes a claim when it is free or already the caller's, refreshing its TTL.
var claimScript = redis.NewScript(`
local cur = redis.call("GET", KEYS[1])
if cur == false or cur == ARGV[1] then
  redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
  return ARGV[1]
end
return cur`)

// Take gives user the claim on a derivative for ttl when it is free or already
// theirs. Otherwise holder is who has it, and left how long it still lasts.
func (c *Claims) Take(ctx context.Context, derivID, user string, ttl time.Duration) (holder string, left time.Duration, err error) {
	holder, err = claimScript.Run(ctx, c.rdb, []string{keyClaim(derivID)}, user, ttl.Milliseconds()).Text()
	if err != nil || holder == user {
		return holder, ttl, err
	}
	left, _ = c.rdb.PTTL(ctx, keyClaim(derivID)).Result() // only for the message
	return holder, left, nil
}

// Holder is who holds the claim on a derivative ("" when no one does).
func (c *Claims) Holder(ctx context.Context, derivID string) (string, error) {
	holder, err := c.rdb.Get(ctx, keyClaim(derivID)).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	return holder, err
}

// Drop frees a derivative's claim, whoever holds it.
func (c *Claims) Drop(ctx context.Context, derivID string) error {
	return c.rdb.Del(ctx, keyClaim(derivID)).Err()
}

// holders reads who holds each of ids.
func (c *Claims) holders(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = keyClaim(id)
	}
	vals, err := c.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for i, v := range vals {
		if s, ok := v.(string); ok {
			out[ids[i]] = s
		}
	}
	return out, nil
}
