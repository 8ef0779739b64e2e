package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/repurpose/repurpose/scheduler"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/worker"
)

// handler is serve's whole HTTP surface.
func (d *deps) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/events/s3", worker.EventsHandler(d.tk.Record(), d.s3, d.cfg.Infra.Inbox, d.cfg.Infra.EventsToken, d.log))
	mux.Handle("GET /metrics", promhttp.Handler())
	mux.Handle("/", d.tk.Handler())
	top := http.NewServeMux()
	top.Handle("GET /r/{code}", d.tk.Redirects()) // the hot path: straight to the redirect
	top.Handle("/", toolkit.Observe(mux, d.log))
	return top
}

// serverLimits bound what one connection may hold: a client that sends its headers or
// body slowly, or keeps a connection open and idle, is cut off instead of tying up the
// server. The upload page reads its body for longer (toolkit.UploadReadTimeout).
type serverLimits struct {
	header, read, write, idle time.Duration
	maxHeaderBytes            int
}

var defaultLimits = serverLimits{header: 10 * time.Second, read: 30 * time.Second, write: 60 * time.Second,
	idle: 60 * time.Second, maxHeaderBytes: 64 << 10}

// serveHTTP serves on ln, with defaultLimits, until ctx ends, then shuts down gracefully.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	return serveHTTPWith(ctx, ln, h, log, defaultLimits)
}

func serveHTTPWith(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, lim serverLimits) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: lim.header, ReadTimeout: lim.read, WriteTimeout: lim.write,
		IdleTimeout: lim.idle, MaxHeaderBytes: lim.maxHeaderBytes, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// start parses a long-running role's flags, loads the configuration and connects.
func start(ctx context.Context, fs *flag.FlagSet, args []string) (*deps, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	return connect(ctx, cfg, newLogger(os.Stderr), nil)
}

func runServe(ctx context.Context, fs *flag.FlagSet, args []string) error {
	d, err := start(ctx, fs, args)
	if err != nil {
		return err
	}
	defer d.Close()
	cfg, log := d.cfg, d.log
	if cfg.Infra.EventsToken == "" && !cfg.Infra.EventsOpen {
		return errors.New("REPURPOSE_EVENTS_TOKEN is not set, so anyone could post S3 events to /events/s3: " +
			"set it to a long random value (openssl rand -hex 32) and give the S3 notification sender " +
			"the URL /events/s3?token=<value>, or set REPURPOSE_EVENTS_OPEN=true to accept unauthenticated events")
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
	d.registerQueueMetrics()
	return serveHTTP(ctx, ln, d.handler(), log)
}

// registerQueueMetrics adds the queues' depth to /metrics (once per process).
func (d *deps) registerQueueMetrics() {
	c := tasks.NewQueueCollector(d.redisOpt)
	if err := prometheus.Register(c); err != nil {
		c.Close()
	}
}

// serveMetrics serves /metrics on REPURPOSE_METRICS_ADDR for worker and scheduler, which
// have no other HTTP server, until ctx ends.
func (d *deps) serveMetrics(ctx context.Context) {
	addr := d.cfg.Infra.MetricsAddr
	if addr == "" {
		return
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		d.log.Warn("metrics: cannot listen", "addr", addr, "err", err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.Handler())
	go serveHTTP(ctx, ln, mux, d.log)
}

func runWorker(ctx context.Context, fs *flag.FlagSet, args []string) error {
	d, err := start(ctx, fs, args)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.waitForRedis(ctx); err != nil {
		return nil // stopped while waiting
	}
	d.serveMetrics(ctx)
	return d.runWorker(ctx, worker.Options{})
}

func (d *deps) runWorker(ctx context.Context, opt worker.Options) error {
	if opt.Publishing == nil {
		p, err := d.publishing(ctx)
		if err != nil {
			return err
		}
		opt.Publishing = p
	}
	srv, mux := worker.New(d.redisOpt, d.cfg, d.s3, d.tk, d.log, opt)
	if err := srv.Start(mux); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	d.log.Info("worker started", "concurrency", d.cfg.File.Limits.WorkerConcurrency)
	<-ctx.Done()
	srv.Shutdown()
	return nil
}

func runScheduler(ctx context.Context, fs *flag.FlagSet, args []string) error {
	d, err := start(ctx, fs, args)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.waitForRedis(ctx); err != nil {
		return nil
	}
	d.serveMetrics(ctx)
	d.registerQueueMetrics()
	return d.scheduler().Run(ctx)
}

func (d *deps) scheduler() *scheduler.Scheduler {
	return scheduler.New(d.s3, d.tk, d.cfg.Infra.Inbox, d.cfg.File.Limits.ScanInterval.Std(), d.log)
}

func runReindex(ctx context.Context, fs *flag.FlagSet, args []string) error {
	d, err := start(ctx, fs, args)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.reindex(ctx, os.Stdout)
}

// reindex rebuilds the index from S3 and re-queues what S3 says is pending.
func (d *deps) reindex(ctx context.Context, out io.Writer) error {
	n, err := d.tk.Record().Reindex(ctx, func(done int) {
		if done%100 == 0 {
			fmt.Fprintf(out, "indexed %d sources...\n", done)
		}
	})
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	queued, replanned, err := d.tk.ReindexPlans(ctx)
	if err != nil {
		return fmt.Errorf("reindex plans: %w", err)
	}
	restored, err := d.tk.RestoreCounts(ctx)
	if err != nil {
		return fmt.Errorf("restore link counts: %w", err)
	}
	res, err := scheduler.ScanInbox(ctx, d.s3, d.tk.Record(), d.cfg.Infra.Inbox)
	if err != nil {
		return fmt.Errorf("inbox scan: %w", err)
	}
	fmt.Fprintf(out, "indexed %d sources; inbox holds %d documents, %d pending, %d queued now\n", n, res.Objects, res.Pending, res.Queued)
	fmt.Fprintf(out, "plans: %d posts queued again, %d sources re-planned (posts overdue); link counts: %d periods restored from S3\n", queued, replanned, restored)
	return nil
}
