package app

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Component is a background part of a role (an HTTP server, the worker, the scheduler).
// Run serves until ctx ends or it fails, and returns only once every goroutine it started
// has ended; after ctx ends it stops within a bounded time (each component says how
// long).
type Component interface {
	Run(ctx context.Context) error
}

// ComponentFunc makes a function a Component.
type ComponentFunc func(ctx context.Context) error

// Run calls f.
func (f ComponentFunc) Run(ctx context.Context) error { return f(ctx) }

// Run starts the components together and returns once all have returned: after ctx ends
// (a signal), or after the first of them fails, which cancels the rest; its error is
// returned.
func Run(ctx context.Context, components ...Component) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, c := range components {
		g.Go(func() error { return c.Run(gctx) })
	}
	return g.Wait()
}
