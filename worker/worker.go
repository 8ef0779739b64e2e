// Package worker runs the asynq handlers for every task type and decodes the S3 event
// notifications that start them.
package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/repurpose/repurpose/cardset"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

var (
	taskDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name: "repurpose_task_duration_seconds", Help: "Time to handle one task, by type and result: ok, retry (asynq tries again), later (rate limited), skip (not retried).",
		Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 14),
	}, []string{"type", "result"})
	ingestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name: "repurpose_ingest_duration_seconds", Help: "Time to ingest one inbox object, by outcome.",
		Buckets: prometheus.ExponentialBuckets(0.005, 2, 14),
	}, []string{"outcome"})
	eventsReceived = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "repurpose_s3_events_total",
		Help: "Object-created events received on /events/s3, by outcome: queued, duplicate (already queued or done), ignored (not in the inbox).",
	}, []string{"outcome"})
)

// Options tune a worker; zero values take the defaults.
type Options struct {
	// PollInterval is how often an idle worker looks for new tasks. Default 100ms, so a
	// drop is picked up well within a second.
	PollInterval time.Duration
	// ShutdownTimeout is how long running tasks get to finish on stop. Default 30s.
	ShutdownTimeout time.Duration
	// RetryCheckInterval is how often tasks waiting to be retried are looked for, so a
	// retry is late by up to this much. Default 1s.
	RetryCheckInterval time.Duration
	// Publishing, when set, handles planning and publishing tasks.
	Publishing *Publishing
}

// New returns an asynq server and the mux of every task handler.
func New(redis asynq.RedisConnOpt, cfg *config.Config, s3 *s3store.Store, tk *toolkit.Toolkit, log *slog.Logger, opt Options) (*asynq.Server, *asynq.ServeMux) {
	if opt.PollInterval == 0 {
		opt.PollInterval = 100 * time.Millisecond
	}
	if opt.ShutdownTimeout == 0 {
		opt.ShutdownTimeout = 30 * time.Second
	}
	if opt.RetryCheckInterval == 0 {
		opt.RetryCheckInterval = time.Second
	}
	srv := asynq.NewServer(redis, asynq.Config{
		Concurrency:              cfg.File.Limits.WorkerConcurrency,
		Queues:                   tasks.Queues,
		TaskCheckInterval:        opt.PollInterval,
		DelayedTaskCheckInterval: opt.RetryCheckInterval,
		ShutdownTimeout:          opt.ShutdownTimeout,
		Logger:                   asynqLogger{log},
		LogLevel:                 asynq.WarnLevel,
		RetryDelayFunc:           retryDelay,
		IsFailure:                isFailure,
	})
	mux := asynq.NewServeMux()
	mux.Use(measure, retryPolicy)
	mux.Handle(tasks.TypeIngest, &ingester{rec: tk.Record().Intake(), posted: tk.Record(), s3: s3, cfg: cfg, log: log})
	mux.Handle(tasks.TypeImages, &imager{rec: tk.Record(), trs: tk.Translations(), renderers: cardset.NewRenderers(cfg), log: log})
	if p := opt.Publishing; p != nil {
		if p.Now == nil {
			p.Now = func() time.Time { return time.Now().UTC() }
		}
		mux.Handle(tasks.TypePlan, &planner{plans: p.Plans, log: log})
		mux.Handle(tasks.TypePublish, &publisher{rec: tk.Record(), locks: tk.Record().Locks(), tk: tk, pub: *p, log: log, hold: publishHold, limits: cfg.File.Limits})
	}
	return srv, mux
}

// measure times every task by type and result.
func measure(next asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		start := time.Now()
		err := next.ProcessTask(ctx, t)
		result := "ok"
		switch later := (*laterError)(nil); {
		case err == nil:
		case errors.Is(err, asynq.SkipRetry):
			result = "skip"
		case errors.As(err, &later):
			result = "later"
		default:
			result = "retry"
		}
		taskDuration.WithLabelValues(t.Type(), result).Observe(time.Since(start).Seconds())
		return err
	})
}

// retryPolicy is the one place an error's kind decides what asynq does with the task:
// bad input or a permanent refusal cannot get better by retrying, so the task is
// skipped (asynq.SkipRetry); anything else is retried with backoff — a missing item
// too, which may yet appear.
func retryPolicy(next asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		err := next.ProcessTask(ctx, t)
		switch errs.KindOf(err) {
		case errs.Invalid, errs.Rejected, errs.Permanent, errs.TooLarge:
			if !errors.Is(err, asynq.SkipRetry) {
				return fmt.Errorf("%w: %w", asynq.SkipRetry, err)
			}
		}
		return err
	})
}

// retryDelay backs off exponentially, up to 5 minutes, unless the service said when to
// come back.
func retryDelay(n int, err error, _ *asynq.Task) time.Duration {
	if later := (*laterError)(nil); errors.As(err, &later) && later.after > 0 {
		return later.after
	}
	return min(time.Duration(1<<min(n, 8))*time.Second, 5*time.Minute)
}

// isFailure: a rate limit or a service that is down is not a failure; asynq retries it
// without counting it against the task's retries.
func isFailure(err error) bool {
	later := (*laterError)(nil)
	return !errors.As(err, &later)
}

// asynqLogger sends asynq's logs to slog.
type asynqLogger struct{ l *slog.Logger }

func (a asynqLogger) Debug(args ...any) { a.l.Debug(fmt.Sprint(args...)) }
func (a asynqLogger) Info(args ...any)  { a.l.Info(fmt.Sprint(args...)) }
func (a asynqLogger) Warn(args ...any)  { a.l.Warn(fmt.Sprint(args...)) }
func (a asynqLogger) Error(args ...any) { a.l.Error(fmt.Sprint(args...)) }

// Fatal is asynq's signal that the server cannot go on, as its own logger treats it.
func (a asynqLogger) Fatal(args ...any) {
	a.l.Error(fmt.Sprint(args...))
	os.Exit(1)
}
