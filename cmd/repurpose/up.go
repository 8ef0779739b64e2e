package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"golang.org/x/sync/errgroup"

	"github.com/repurpose/repurpose/embedded"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/worker"
)

// Credentials of the embedded S3 endpoint: it accepts requests signed with these only.
const (
	upAccessKey = "repurpose"
	upSecretKey = "repurpose-secret"
)

func runUp(ctx context.Context, fs *flag.FlagSet, args []string) error {
	dataDir := fs.String("data", "data", "folder that keeps the embedded S3 objects between runs")
	addr := fs.String("addr", "127.0.0.1:8080", "address of the toolkit API and public pages")
	s3Addr := fs.String("s3-addr", "127.0.0.1:9000", "address of the embedded S3 endpoint")
	once := fs.Bool("once", false, "exit once the named files are processed, after printing what came out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	log := newLogger(os.Stderr)

	mr, err := embedded.StartRedis()
	if err != nil {
		return err
	}
	defer mr.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("toolkit cannot listen on %s: %w (pick another with --addr)", *addr, err)
	}
	cfg.Infra.RedisURL = "redis://" + mr.Addr() + "/0"
	cfg.Infra.PublicURL = "http://" + ln.Addr().String()
	if cfg.Infra.AdminToken == "" {
		if cfg.Infra.AdminToken, err = adminToken(*dataDir); err != nil {
			return err
		}
	}
	if cfg.Infra.EventsToken == "" {
		// The embedded S3 queues writes itself; nobody else needs to post events.
		if cfg.Infra.EventsToken, err = randomToken(); err != nil {
			return err
		}
	}

	var wired atomic.Pointer[deps] // set once the connections exist; writes before that wait for the scan
	s3srv, err := embedded.StartS3(filepath.Join(*dataDir, "s3"), *s3Addr, upAccessKey, upSecretKey, func(bucket, key string) {
		if d := wired.Load(); d != nil {
			go d.queueWrite(ctx, bucket, key) // the endpoint triggers ingestion itself
		}
	})
	if err != nil {
		return fmt.Errorf("%w (pick another with --s3-addr)", err)
	}
	defer s3srv.Close(context.Background())
	cfg.Infra.S3Endpoint = s3srv.Endpoint
	store := s3store.FromAWS(aws.Config{Region: cfg.Infra.S3Region,
		Credentials: credentials.NewStaticCredentialsProvider(upAccessKey, upSecretKey, "")}, s3srv.Endpoint)
	d, err := connect(ctx, cfg, log, store)
	if err != nil {
		return err
	}
	defer d.Close()
	wired.Store(d)
	for _, b := range []string{cfg.Infra.Inbox.Bucket, cfg.Infra.Toolkit.Bucket} {
		if err := store.EnsureBucket(ctx, b); err != nil {
			return err
		}
	}
	// Redis starts empty each time: the record in S3 brings everything back.
	if err := d.reindex(ctx, os.Stderr); err != nil {
		return err
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	g, gctx := errgroup.WithContext(runCtx)
	d.registerQueueMetrics()
	g.Go(func() error { return serveHTTP(gctx, ln, d.handler(), log) })
	g.Go(func() error { return d.runWorker(gctx, worker.Options{PollInterval: 50 * time.Millisecond}) })
	g.Go(func() error { return d.scheduler().Run(gctx) })

	printBanner(cfg.Infra.PublicURL, s3srv.Endpoint, cfg.Infra.Inbox.String(), cfg.Infra.AdminToken, *dataDir)
	if fs.NArg() > 0 {
		if err := upload(ctx, store, cfg, fs.Args(), "", os.Stderr); err != nil {
			log.Error("upload", "err", err)
		}
		g.Go(func() error {
			err := d.report(gctx, fs.Args(), cfg.Infra.PublicURL)
			if *once {
				stop()
			}
			return err
		})
	} else if *once {
		stop()
	}
	err = g.Wait()
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// queueWrite queues an object written to the embedded endpoint's inbox.
func (d *deps) queueWrite(ctx context.Context, bucket, key string) {
	if !d.cfg.Infra.Inbox.HoldsDocument(bucket, key) {
		return
	}
	if _, err := worker.QueueObject(ctx, d.s3, d.tk.Record(), bucket, key); err != nil && !errors.Is(err, s3store.ErrNotFound) {
		d.log.Warn("could not queue upload; the inbox scan will", "key", key, "err", err)
	}
}

// report waits for the named files to be processed and prints what came out of each.
func (d *deps) report(ctx context.Context, paths []string, publicURL string) error {
	files, _, err := collect(paths)
	if err != nil {
		return err
	}
	for _, f := range files {
		id := tasks.SourceID(d.cfg.Infra.Inbox.Bucket, d.cfg.Infra.Inbox.Prefix+f.name)
		for {
			s, err := d.tk.Record().Source(ctx, id)
			if err == nil && (s.Status == record.StatusReady || s.Status == record.StatusFailed) {
				if s.Status == record.StatusFailed {
					fmt.Printf("%s: failed — %s\n", f.name, s.Error)
				} else {
					fmt.Printf("%s: ready — %s\n  %s/api/v1/sources/%s\n", f.name, describeCounts(s.Counts), publicURL, id)
				}
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
	return nil
}

func describeCounts(c map[string]int) string {
	var parts []string
	for _, k := range []string{"tweet", "thread", "mastodon", "bluesky", "threads", "linkedin", "blog", "snippet", "skipped"} {
		if c[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[k], k))
		}
	}
	return strings.Join(parts, ", ")
}

// adminToken keeps one generated admin token in the data folder, so it survives restarts.
func adminToken(dataDir string) (string, error) {
	path := filepath.Join(dataDir, "admin-token")
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) > 0 {
		return strings.TrimSpace(string(b)), nil
	}
	token, err := randomToken()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", err
	}
	return token, os.WriteFile(path, []byte(token+"\n"), 0o600)
}

func randomToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

func printBanner(toolkitURL, s3, inbox, token, dataDir string) {
	fmt.Fprintf(os.Stderr, `
repurpose is up (data in %s/)
  toolkit      %s   (API token: %s)
  S3 endpoint  %s   (access key %s, secret %s)
  inbox        %s

  drop a document:  AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s aws s3 cp paper.md %s --endpoint-url %s
  see sources:      curl -H 'Authorization: Bearer %s' %s/api/v1/sources

`, dataDir, toolkitURL, token, s3, upAccessKey, upSecretKey, inbox, upAccessKey, upSecretKey, inbox, s3, token, toolkitURL)
}
