package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/scheduler"
	"github.com/repurpose/repurpose/worker"
)

// errOpenEvents is serve's refusal to accept S3 events from anyone by accident.
var errOpenEvents = errors.New("REPURPOSE_EVENTS_TOKEN is not set, so anyone could post S3 events to /events/s3: " +
	"set it to a long random value (openssl rand -hex 32) and give the S3 notification sender " +
	"the URL /events/s3?token=<value>, or set REPURPOSE_EVENTS_OPEN=true to accept unauthenticated events")

// Serve runs `repurpose serve`: the toolkit API, public pages, /events/s3, /healthz,
// /readyz and /metrics, until ctx ends.
func Serve(ctx context.Context, cfg *config.Config, log *slog.Logger) error {
	a, err := Connect(ctx, cfg, log, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	if cfg.Infra.EventsToken == "" && !cfg.Infra.EventsOpen {
		return errOpenEvents
	}
	// Listen at once: versitygw will not start until its webhook answers.
	ln, err := net.Listen("tcp", cfg.Infra.HTTPAddr)
	if err != nil {
		return err
	}
	log.Info("serving", "addr", ln.Addr().String(), "inbox", cfg.Infra.Inbox.String(), "toolkit", cfg.Infra.Toolkit.String())
	if cfg.Infra.EventsToken == "" {
		log.Warn("REPURPOSE_EVENTS_OPEN=true and no REPURPOSE_EVENTS_TOKEN: /events/s3 accepts events from anyone who can reach it")
	}
	return Run(ctx, queueMetrics{a}, a.Toolkit.Links(), NewHTTPServer(ln, a.Handler(), log, DefaultLimits))
}

// RunWorker runs `repurpose worker`: it waits for Redis, then processes tasks until ctx
// ends.
func RunWorker(ctx context.Context, cfg *config.Config, log *slog.Logger) error {
	return runOnRedis(ctx, cfg, log, func(a *App) ([]Component, error) {
		w, err := a.Worker(ctx, worker.Options{})
		return []Component{w}, err
	})
}

// RunScheduler runs `repurpose scheduler`: it waits for Redis, then runs the periodic
// jobs and sends the digests that are due until ctx ends.
func RunScheduler(ctx context.Context, cfg *config.Config, log *slog.Logger) error {
	return runOnRedis(ctx, cfg, log, func(a *App) ([]Component, error) {
		if err := a.Digests.Check(); err != nil {
			return nil, fmt.Errorf("configuration: %w", err)
		}
		return []Component{queueMetrics{a}, a.Scheduler(), a.Digests}, nil
	})
}

// runOnRedis connects, waits for Redis, and runs the components a role builds, with the
// metrics server.
func runOnRedis(ctx context.Context, cfg *config.Config, log *slog.Logger, build func(*App) ([]Component, error)) error {
	a, err := Connect(ctx, cfg, log, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.WaitForRedis(ctx); err != nil {
		return nil // stopped while waiting
	}
	components, err := build(a)
	if err != nil {
		return err
	}
	return Run(ctx, withMetrics(a, components...)...)
}

// withMetrics adds the metrics server, when one is configured, to a role's components.
func withMetrics(a *App, components ...Component) []Component {
	if m := a.metricsServer(); m != nil {
		components = append(components, m)
	}
	return components
}

// Reindex runs `repurpose reindex`.
func Reindex(ctx context.Context, cfg *config.Config, log *slog.Logger, out io.Writer) error {
	a, err := Connect(ctx, cfg, log, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	return a.Reindex(ctx, out)
}

// Reindex rebuilds the index from S3 and re-queues what S3 says is pending, reporting
// progress to out.
func (a *App) Reindex(ctx context.Context, out io.Writer) error {
	n, err := a.Toolkit.Record().Reindex(ctx, func(done int) {
		if done%100 == 0 {
			fmt.Fprintf(out, "indexed %d sources...\n", done)
		}
	})
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	queued, replanned, err := a.Toolkit.Plans().ReindexPlans(ctx)
	if err != nil {
		return fmt.Errorf("reindex plans: %w", err)
	}
	restored, err := a.Toolkit.Links().RestoreCounts(ctx)
	if err != nil {
		return fmt.Errorf("restore link counts: %w", err)
	}
	shared, err := a.Toolkit.Shares().Restore(ctx)
	if err != nil {
		return fmt.Errorf("restore shares: %w", err)
	}
	res, err := scheduler.ScanInbox(ctx, a.S3, a.Toolkit.Record().Intake(), a.Config.Infra.Inbox)
	if err != nil {
		return fmt.Errorf("inbox scan: %w", err)
	}
	fmt.Fprintf(out, "indexed %d sources; inbox holds %d documents, %d pending, %d queued now\n", n, res.Objects, res.Pending, res.Queued)
	fmt.Fprintf(out, "plans: %d posts queued again, %d sources re-planned (posts overdue); link counts: %d periods restored from S3; %d shares restored\n", queued, replanned, restored, shared)
	return nil
}
