package embedded

import (
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
