package embedded

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// TestRedisExpiresKeysAsRedisDoes holds a 300 ms claim, as a contributor's claim or a
// sign-in lockout is held, and expects a second claimant to get it once it lapses.
func TestRedisExpiresKeysAsRedisDoes(t *testing.T) {
	r, err := StartRedis()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rdb := redis.NewClient(&redis.Options{Addr: r.Addr()})
	defer rdb.Close()
	claim := func(who string) bool {
		ok, err := rdb.SetNX(t.Context(), "claim:topic", who, 300*time.Millisecond).Result()
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim("ana") || claim("ben") {
		t.Fatal("the first claim should hold and the second wait")
	}
	for deadline := time.Now().Add(10 * time.Second); !claim("ben"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("a 300ms claim still held after 10s (TTL %s)", rdb.PTTL(t.Context(), "claim:topic").Val())
		}
	}
}

// TestRedisKeepsWhatItIsToldAcrossRestarts: sessions and the digests' memory outlive the
// embedded Redis, with their time to live; everything else starts afresh.
func TestRedisKeepsWhatItIsToldAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redis.json")
	start := func() (*Redis, *redis.Client) {
		r, err := StartRedis()
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Keep(path, func(err error) { t.Error(err) }, "session:", "digest:"); err != nil {
			t.Fatal(err)
		}
		return r, redis.NewClient(&redis.Options{Addr: r.Addr()})
	}
	ctx := t.Context()
	r, rdb := start()
	rdb.Set(ctx, "session:abc", "ana", time.Hour)
	rdb.HSet(ctx, "digest:unsubscribed", "ben", "2026-01-01T00:00:00Z")
	rdb.ZAdd(ctx, "digest:sent:ana", redis.Z{Score: 5, Member: "topic-1"})
	rdb.SAdd(ctx, "digest:set", "x", "y")
	rdb.RPush(ctx, "digest:list", "a", "b")
	rdb.Set(ctx, "index:thing", "rebuilt from S3", 0)
	rdb.Close()
	r.Close()
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("kept file: %v %v", fi, err)
	}

	r, rdb = start()
	defer r.Close()
	defer rdb.Close()
	if v := rdb.Get(ctx, "session:abc").Val(); v != "ana" {
		t.Errorf("session = %q", v)
	}
	if ttl := rdb.TTL(ctx, "session:abc").Val(); ttl <= 59*time.Minute || ttl > time.Hour {
		t.Errorf("session TTL = %s", ttl)
	}
	if v := rdb.HGet(ctx, "digest:unsubscribed", "ben").Val(); v == "" {
		t.Error("the unsubscribe was lost")
	}
	if s := rdb.ZScore(ctx, "digest:sent:ana", "topic-1").Val(); s != 5 {
		t.Errorf("sent score = %v", s)
	}
	if m := rdb.SMembers(ctx, "digest:set").Val(); len(m) != 2 {
		t.Errorf("set = %v", m)
	}
	if l := rdb.LRange(ctx, "digest:list", 0, -1).Val(); len(l) != 2 || l[0] != "a" {
		t.Errorf("list = %v", l)
	}
	if n := rdb.Exists(ctx, "index:thing").Val(); n != 0 {
		t.Error("a key not kept came back")
	}
}
