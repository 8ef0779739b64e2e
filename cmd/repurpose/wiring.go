package main

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
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/scheduler"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/toolkit/translate"
	"github.com/repurpose/repurpose/worker"
)

// deps are the connections every long-running role shares. Nothing here dials at
// construction: Redis and S3 are reached on first use, so roles start in any order.
type deps struct {
	cfg      *config.Config
	log      *slog.Logger
	redisOpt asynq.RedisConnOpt
	rdb      redis.UniversalClient
	s3       *s3store.Store
	enq      *tasks.Client
	tk       *toolkit.Toolkit
	cancel   *tasks.Canceller
	plans    *scheduler.Plans
}

// connect builds the shared connections; s3 is nil to use the environment's S3 settings.
func connect(ctx context.Context, cfg *config.Config, log *slog.Logger, s3 *s3store.Store) (*deps, error) {
	opt, err := tasks.RedisOpt(cfg.Infra.RedisURL)
	if err != nil {
		return nil, err
	}
	rdb, ok := opt.MakeRedisClient().(redis.UniversalClient)
	if !ok {
		return nil, fmt.Errorf("redis url %s: unsupported client", config.RedactURL(cfg.Infra.RedisURL))
	}
	if s3 == nil {
		if s3, err = s3store.New(ctx, cfg.Infra); err != nil {
			return nil, err
		}
	}
	tr, err := translator(ctx, cfg)
	if err != nil {
		return nil, err
	}
	enq := tasks.NewClient(opt, cfg.File.Limits.TaskRetention.Std())
	tk := toolkit.New(cfg, s3, rdb, enq, log)
	tk.SetTranslator(tr)
	cancel := tasks.NewCanceller(opt)
	plans, err := scheduler.NewPlans(tk, &cfg.File, enq, cancel, nil, log)
	if err != nil {
		enq.Close()
		cancel.Close()
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return &deps{cfg: cfg, log: log, redisOpt: opt, rdb: rdb, s3: s3, enq: enq, tk: tk, cancel: cancel, plans: plans}, nil
}

// publishing builds every account's publisher for the worker; a bad account (an unknown
// setting, a secret whose variable is unset, an outbox bucket that does not exist) stops
// the worker with the field's path. What cannot be checked yet (S3 unreachable) is logged.
func (d *deps) publishing(ctx context.Context) (*worker.Publishing, error) {
	pubs := map[string]publish.Publisher{}
	var errs []error
	for name, a := range d.cfg.File.Accounts {
		p, err := publish.New(name, a, publish.Env{Objects: d.s3, Tokens: tokenSource{d.tk}})
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
				d.log.Warn("account cannot be checked yet", "account", name, "err", err)
			}
		}
		pubs[name] = p
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return &worker.Publishing{Plans: d.plans, Publishers: pubs}, nil
}

// tokenSource gives publishers the tokens of accounts connected on the Accounts page.
// toolkit may not import publish, so its ErrNotConnected is translated here.
type tokenSource struct{ tk *toolkit.Toolkit }

func (s tokenSource) AccessToken(ctx context.Context, account string) (string, error) {
	tok, err := s.tk.AccessToken(ctx, account)
	if errors.Is(err, toolkit.ErrNotConnected) {
		return "", fmt.Errorf("%w (%v)", publish.ErrNotConnected, err)
	}
	return tok, err
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

func (d *deps) Close() {
	d.tk.Close() // counted clicks still buffered go to Redis first
	d.enq.Close()
	d.cancel.Close()
	d.rdb.Close()
}

// waitForRedis blocks until Redis answers, logging while it waits.
func (d *deps) waitForRedis(ctx context.Context) error {
	for delay := 200 * time.Millisecond; ; delay = min(delay*2, 5*time.Second) {
		err := d.rdb.Ping(ctx).Err()
		if err == nil {
			return nil
		}
		d.log.Warn("waiting for Redis", "url", config.RedactURL(d.cfg.Infra.RedisURL), "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
}

// loadConfig reads the configuration or explains what is wrong with it.
func loadConfig() (*config.Config, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}

// redisLogger sends go-redis's own messages (dial failures while Redis is away) to slog
// instead of the standard logger, so they share the process's format and level.
type redisLogger struct{ l *slog.Logger }

func (r redisLogger) Printf(ctx context.Context, format string, v ...any) {
	r.l.WarnContext(ctx, "redis: "+fmt.Sprintf(format, v...))
}
