package app

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The first component to fail stops the others, and Run returns its error once all
// have returned.
func TestRunStopsEveryComponentWhenOneFails(t *testing.T) {
	broken := errors.New("cannot listen")
	stopped := make(chan struct{})
	waiting := ComponentFunc(func(ctx context.Context) error {
		<-ctx.Done()
		close(stopped)
		return nil
	})
	failing := ComponentFunc(func(context.Context) error { return broken })
	done := make(chan error, 1)
	go func() { done <- Run(t.Context(), waiting, failing) }()
	select {
	case err := <-done:
		if !errors.Is(err, broken) {
			t.Errorf("Run returned %v, want the failure", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("one component failed and Run still waits")
	}
	select {
	case <-stopped:
	default:
		t.Error("Run returned before the other component did")
	}
}
