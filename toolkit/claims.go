package toolkit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
)

// claimScript takes a claim when it is free or already the caller's, refreshing its TTL.
var claimScript = redis.NewScript(`
local cur = redis.call("GET", KEYS[1])
if cur == false or cur == ARGV[1] then
  redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
  return ARGV[1]
end
return cur`)

// Claim gives a contributor a topic for the configured time. A topic held by someone else
// is a ConflictError naming them and when it frees up.
func (t *Toolkit) Claim(ctx context.Context, derivID, user string) (*Derivative, time.Time, error) {
	d, err := t.Derivative(ctx, derivID)
	if err != nil {
		return nil, time.Time{}, err
	}
	if d.Status != Approved {
		return nil, time.Time{}, errs.E("toolkit.Claim", errs.Conflict, "this topic is not approved yet")
	}
	ttl := t.cfg.File.Limits.ClaimTTL.Std()
	holder, err := claimScript.Run(ctx, t.rdb, []string{keyClaim(derivID)}, user, ttl.Milliseconds()).Text()
	if err != nil {
		return nil, time.Time{}, err
	}
	if holder != user {
		left, _ := t.rdb.PTTL(ctx, keyClaim(derivID)).Result()
		return nil, time.Time{}, errs.E("toolkit.Claim", errs.Conflict, fmt.Sprintf("this topic is claimed by %s until %s", holder, t.now().Add(left).Format(time.RFC3339)))
	}
	d.ClaimedBy = user
	return d, t.now().Add(ttl), nil
}

// Release gives a claimed topic back. Only its holder (or an admin, by passing force) may.
func (t *Toolkit) Release(ctx context.Context, derivID, user string, force bool) error {
	holder, err := t.rdb.Get(ctx, keyClaim(derivID)).Result()
	if errors.Is(err, redis.Nil) {
		return nil
	}
	if err != nil {
		return err
	}
	if holder != user && !force {
		return errs.E("toolkit.Release", errs.Conflict, "this topic is claimed by "+holder)
	}
	return t.rdb.Del(ctx, keyClaim(derivID)).Err()
}

// claimants reads who holds each of ids.
func (t *Toolkit) claimants(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = keyClaim(id)
	}
	vals, err := t.rdb.MGet(ctx, keys...).Result()
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
