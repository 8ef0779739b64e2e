// Package app is the composition root: it wires the service's parts from a
// configuration and runs the roles the binary offers (serve, worker, scheduler, up, and
// the one-shot commands). cmd/repurpose parses flags and calls it; the system tests call
// it too.
//
// Lifecycle: every background part is a Component whose Run(ctx) returns only when all
// the goroutines it started have ended, and which stops within a bounded time once ctx
// ends. A role builds its components and hands them to Run (lifecycle.go), which starts
// them together and stops them together: the first to fail cancels the rest, and a
// signal cancels them all. A new background part gets its own file here with a type that
// has a Run method, and goes into the component list of the roles that need it. Nothing
// starts a goroutine outside a Run.
//
// Connections (Redis, S3, the task client) are not components: they are built by
// Connect before the components start and closed by App.Close after all have returned.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/digest"
	"github.com/repurpose/repurpose/publish"
	_ "github.com/repurpose/repurpose/publish/all" // every publisher registers itself
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/scheduler"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/translate"
	"github.com/repurpose/repurpose/web"
	"github.com/repurpose/repurpose/worker"
)

// App holds the connections every long-running role shares. Nothing here dials at
// construction: Redis and S3 are reached on first use, so roles start in any order.
type App struct {
	Config    *config.Config
	Log       *slog.Logger
	RedisOpt  asynq.RedisConnOpt
	Redis     redis.UniversalClient
	S3        *s3store.Store
	Tasks     *tasks.Client
	Toolkit   *toolkit.Toolkit
	Canceller *tasks.Canceller
	Plans     *scheduler.Plans
	Digests   *digest.Service
}

// Connect builds the shared connections; store is nil to use the configuration's S3
// settings.
func Connect(ctx context.Context, cfg *config.Config, log *slog.Logger, store *s3store.Store) (*App, error) {
	opt, err := tasks.RedisOpt(cfg.Infra.RedisURL)
	if err != nil {
		return nil, err
	}
	if store == nil {
		if store, err = s3store.New(ctx, cfg.Infra); err != nil {
			return nil, err
		}
	}
	tr, err := translator(ctx, cfg)
	if err != nil {
		return nil, err
	}
	rdb, ok := opt.MakeRedisClient().(redis.UniversalClient)
	if !ok {
		return nil, fmt.Errorf("redis url %s: unsupported client", config.RedactURL(cfg.Infra.RedisURL))
	}
	enq := tasks.NewClient(opt, cfg.File.Limits.TaskRetention.Std())
	tk := toolkit.New(cfg, store, rdb, enq, log)
	tk.Translations().SetProvider(tr)
	cancel := tasks.NewCanceller(opt)
	plans, err := scheduler.NewPlans(tk, &cfg.File, enq, cancel, nil, log)
	if err != nil {
		enq.Close()
		cancel.Close()
		rdb.Close()
		return nil, fmt.Errorf("configuration: %w", err)
	}
	digests := digest.New(digest.Options{File: &cfg.File, PublicURL: cfg.Infra.PublicURL, Topics: tk.Record(), Redis: rdb,
		Leases: tk.Record().Locks(), Key: tk.Links().Key, Getenv: os.Getenv, Log: log})
	return &App{Config: cfg, Log: log, RedisOpt: opt, Redis: rdb, S3: store, Tasks: enq, Toolkit: tk, Canceller: cancel, Plans: plans, Digests: digests}, nil
}

// Close closes the connections, once every component has returned.
func (a *App) Close() {
	a.Tasks.Close()
	a.Canceller.Close()
	a.Redis.Close()
}

// Handler is serve's whole HTTP surface (package web's route table).
func (a *App) Handler() http.Handler {
	return web.New(a.Toolkit, a.Log, web.Options{
		Events:  worker.EventsHandler(a.Toolkit.Record().Intake(), a.S3, a.Config.Infra.Inbox, a.Config.Infra.EventsToken, a.Log),
		Metrics: promhttp.Handler(),
		Digests: a.Digests,
	})
}

// Scheduler is the periodic jobs' component: the inbox scan, re-plans and roll-ups.
func (a *App) Scheduler() *scheduler.Scheduler {
	return scheduler.New(a.S3, a.Toolkit, a.Config.Infra.Inbox, a.Config.File.Limits.ScanInterval.Std(), a.Log)
}

// WaitForRedis blocks until Redis answers, logging while it waits.
func (a *App) WaitForRedis(ctx context.Context) error {
	for delay := 200 * time.Millisecond; ; delay = min(delay*2, 5*time.Second) {
		err := a.Redis.Ping(ctx).Err()
		if err == nil {
			return nil
		}
		a.Log.Warn("waiting for Redis", "url", config.RedactURL(a.Config.Infra.RedisURL), "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
}

// publishing builds every account's publisher for the worker; a bad account (an unknown
// setting, a secret whose variable is unset, an outbox bucket that does not exist) stops
// the worker with the field's path. What cannot be checked yet (S3 unreachable) is logged.
func (a *App) publishing(ctx context.Context) (*worker.Publishing, error) {
	pubs := map[string]publish.Publisher{}
	var errs []error
	for name, acct := range a.Config.File.Accounts {
		p, err := publish.New(name, acct, publish.Env{Objects: a.S3, Tokens: a.Toolkit.Accounts()})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if c, ok := p.(publish.Checker); ok {
			check, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := c.Check(check)
			cancel()
			if errors.Is(err, s3store.ErrNotFound) {
				errs = append(errs, err)
				continue
			} else if err != nil {
				a.Log.Warn("account cannot be checked yet", "account", name, "err", err)
			}
		}
		pubs[name] = p
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return &worker.Publishing{Plans: a.Plans, Publishers: pubs, Media: a.postMedia}, nil
}

// translator builds the configured machine translation provider; nil (no provider)
// leaves translation to people.
func translator(ctx context.Context, cfg *config.Config) (translate.Provider, error) {
	t := cfg.File.Translation
	switch t.Provider {
	case "libretranslate":
		key := ""
		if t.APIKeyEnv != "" {
			key = os.Getenv(t.APIKeyEnv)
		}
		return translate.NewLibreTranslate(t.URL, key, &http.Client{Timeout: 30 * time.Second}), nil
	case "aws":
		awsCfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Infra.S3Region))
		if err != nil {
			return nil, fmt.Errorf("aws translate: %w", err)
		}
		return translate.NewAWSTranslate(awsCfg, "", t.Terminology), nil
	}
	return nil, nil
}

// LoadConfig reads the configuration or explains what is wrong with it.
func LoadConfig() (*config.Config, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}
