package record

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/repurpose/repurpose/internal/testservices"
)

// A lock held longer than its lease stays held while its holder works (the lease is
// renewed), so a second process waits instead of interleaving its read-modify-write; it
// gets the lock once the first is done. On a real redis-server, whose keys expire.
func TestWithLockKeepsItsLeaseWhileTheHolderWorks(t *testing.T) {
	rs := testservices.NewRedis(t)
	first, second := NewLocks(rs.Client()), NewLocks(rs.Client())
	first.ttl, second.ttl = 300*time.Millisecond, 300*time.Millisecond
	holding, done := make(chan struct{}), make(chan error, 1)
	go func() {
		done <- first.WithLock(t.Context(), "plans", func() error {
			close(holding)
			time.Sleep(1200 * time.Millisecond) // four leases
			return nil
		})
	}()
	<-holding
	ctx, cancel := context.WithTimeout(t.Context(), 800*time.Millisecond)
	defer cancel()
	err := second.WithLock(ctx, "plans", func() error { return errors.New("ran while the first held the lock") })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a second holder while the first works: %v, want it to wait", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	ran := false
	if err := second.WithLock(t.Context(), "plans", func() error { ran = true; return nil }); err != nil || !ran {
		t.Fatalf("after the first is done: %v, ran %v", err, ran)
	}
}
