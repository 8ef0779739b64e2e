package record

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// Locks are short leases in Redis: one process at a time changes a source's record,
// plans, or an account's tokens, and does a periodic job.
type Locks struct {
	rdb redis.UniversalClient
	ttl time.Duration // WithLock's lease, renewed while fn runs
}

// NewLocks returns the locks kept in rdb.
func NewLocks(rdb redis.UniversalClient) *Locks { return &Locks{rdb: rdb, ttl: 30 * time.Second} }

// unlock deletes the lock only if this holder still owns it.
var unlock = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`)

// extend renews the lock's lease only if this holder still owns it.
var extend = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end return 0`)

// WithLock runs fn while holding a Redis lock on name, so read-modify-write of one
// source's record, or of the plans, is not interleaved between processes. The lease is
// renewed every third of its length while fn runs, so a slow fn (a busy machine, a slow
// S3) keeps it; a process that dies holding it frees it within the lease.
func (l *Locks) WithLock(ctx context.Context, name string, fn func() error) error {
	var b [12]byte
	_, _ = rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	key := keyLock(name)
	for {
		ok, err := l.rdb.SetNX(ctx, key, token, l.ttl).Result()
		if err != nil {
			return err
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			return errors.Join(errors.New("waiting for lock "+name), ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
	defer unlock.Run(context.WithoutCancel(ctx), l.rdb, []string{key}, token)
	stop, renewed := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(renewed)
		tick := time.NewTicker(l.ttl / 3)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				extend.Run(context.WithoutCancel(ctx), l.rdb, []string{key}, token, l.ttl.Milliseconds())
			}
		}
	}()
	defer func() { close(stop); <-renewed }()
	return fn()
}

// Lease takes name for ttl if nobody holds it, so one of several processes does a
// periodic job each period. It is never released early: the period is the point.
func (l *Locks) Lease(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	return l.rdb.SetNX(ctx, keyLock(name), "1", ttl).Result()
}

// TryLock takes name for ttl if nobody holds it, without waiting; release gives it back
// (only if it is still ours). ok is false when someone else holds it.
func (l *Locks) TryLock(ctx context.Context, name string, ttl time.Duration) (release func(), ok bool, err error) {
	var b [12]byte
	_, _ = rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	key := keyLock(name)
	ok, err = l.rdb.SetNX(ctx, key, token, ttl).Result()
	if err != nil || !ok {
		return func() {}, false, err
	}
	return func() { unlock.Run(context.WithoutCancel(ctx), l.rdb, []string{key}, token) }, true, nil
}
