package app

import (
	"context"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/worker"
)

// Worker is the Component that processes queued tasks: an asynq server with every
// handler.
type Worker struct {
	srv         *asynq.Server
	mux         *asynq.ServeMux
	app         *App
	concurrency int
}

// Worker builds the worker; without opt.Publishing it builds every account's publisher,
// and a bad account stops it here, before anything runs.
func (a *App) Worker(ctx context.Context, opt worker.Options) (*Worker, error) {
	if opt.Publishing == nil {
		p, err := a.publishing(ctx)
		if err != nil {
			return nil, err
		}
		opt.Publishing = p
	}
	srv, mux := worker.New(a.RedisOpt, a.Config, a.S3, a.Toolkit, a.Log, opt)
	return &Worker{srv: srv, mux: mux, app: a, concurrency: a.Config.File.Limits.WorkerConcurrency}, nil
}

// Run processes tasks until ctx ends, then gives running tasks up to the worker's
// ShutdownTimeout (default 30 s) to finish; asynq hands back those that do not.
func (w *Worker) Run(ctx context.Context) error {
	if err := w.srv.Start(w.mux); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	w.app.Log.Info("worker started", "concurrency", w.concurrency)
	<-ctx.Done()
	w.srv.Shutdown()
	return nil
}
