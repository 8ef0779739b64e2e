package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/embedded"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/worker"
)

// Credentials of the embedded S3 endpoint: it accepts requests signed with these only.
const (
	UpAccessKey = "repurpose"
	UpSecretKey = "repurpose-secret"
)

// UpOptions are `repurpose up`'s flags and where it writes.
type UpOptions struct {
	DataDir string   // keeps the embedded S3 objects, admin token and password hash, and kept Redis keys between runs
	Addr    string   // the toolkit API and public pages
	S3Addr  string   // the embedded S3 endpoint
	Files   []string // documents to upload and report on
	Once    bool     // exit once Files are processed
	// Started, if set, is told where the toolkit and the S3 endpoint listen once both do:
	// with port 0 in Addr or S3Addr, the kernel picks the port.
	Started func(toolkitURL, s3Endpoint string)
	// Stdout gets the report on Files; Stderr the banner, the reindex and upload progress.
	Stdout, Stderr io.Writer
}

// Up runs `repurpose up`: an embedded Redis and S3 endpoint, and serve, worker and
// scheduler on them, until ctx ends (or, with Once, until Files are processed).
//
// The embedded servers are not components: they are started first and closed last,
// after every component has returned, because the worker's last tasks still write to
// them while it shuts down.
func Up(ctx context.Context, cfg *config.Config, log *slog.Logger, opt UpOptions) error {
	mr, err := embedded.StartRedis()
	if err != nil {
		return err
	}
	defer mr.Close()
	if err := os.MkdirAll(opt.DataDir, 0o700); err != nil {
		return err
	}
	// What S3 cannot bring back is kept beside it; link counts come back from their rollups.
	if err := mr.Keep(filepath.Join(opt.DataDir, "redis-kept.json"), func(err error) {
		log.Error("keep sessions and digests", "err", err)
	}, upKeptKeys...); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return fmt.Errorf("toolkit cannot listen on %s: %w (pick another with --addr)", opt.Addr, err)
	}
	defer ln.Close() // on the way out before it serves; serving closes it too
	cfg.Infra.RedisURL = "redis://" + mr.Addr() + "/0"
	cfg.Infra.PublicURL = "http://" + ln.Addr().String()
	if cfg.Infra.AdminToken == "" {
		if cfg.Infra.AdminToken, err = adminToken(opt.DataDir); err != nil {
			return err
		}
	}
	signIn, err := upAdmin(cfg, opt.DataDir)
	if err != nil {
		return err
	}
	if cfg.Infra.EventsToken == "" {
		// The embedded S3 queues writes itself; nobody else needs to post events.
		if cfg.Infra.EventsToken, err = randomToken(); err != nil {
			return err
		}
	}

	writes := newWriteQueue(cfg.Infra.Inbox, log)
	s3srv, err := embedded.StartS3(filepath.Join(opt.DataDir, "s3"), opt.S3Addr, UpAccessKey, UpSecretKey, writes.notify)
	if err != nil {
		return fmt.Errorf("%w (pick another with --s3-addr)", err)
	}
	defer func() {
		stop, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		s3srv.Close(stop)
	}()
	cfg.Infra.S3Endpoint = s3srv.Endpoint
	store := s3store.FromAWS(aws.Config{Region: cfg.Infra.S3Region,
		Credentials: credentials.NewStaticCredentialsProvider(UpAccessKey, UpSecretKey, "")}, s3srv.Endpoint)
	a, err := Connect(ctx, cfg, log, store)
	if err != nil {
		return err
	}
	defer a.Close()
	writes.app = a
	for _, b := range []string{cfg.Infra.Inbox.Bucket, cfg.Infra.Toolkit.Bucket} {
		if err := store.EnsureBucket(ctx, b); err != nil {
			return err
		}
	}
	// Redis starts empty each time: the record in S3 brings everything back.
	if err := a.Reindex(ctx, opt.Stderr); err != nil {
		return err
	}
	w, err := a.Worker(ctx, worker.Options{PollInterval: 50 * time.Millisecond})
	if err != nil {
		return err
	}
	if err := a.Digests.Check(); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	envFile, err := writeEnv(opt.DataDir, cfg)
	if err != nil {
		return err
	}
	printBanner(opt.Stderr, cfg.Infra.PublicURL, s3srv.Endpoint, cfg.Infra.Inbox.String(), cfg.Infra.AdminToken, opt.DataDir, envFile, signIn)
	if opt.Started != nil {
		opt.Started(cfg.Infra.PublicURL, s3srv.Endpoint)
	}
	intake := ComponentFunc(func(ctx context.Context) error {
		if len(opt.Files) > 0 {
			if err := upload(ctx, store, cfg, opt.Files, "", opt.Stderr); err != nil {
				log.Error("upload", "err", err)
			}
			if err := a.report(ctx, opt.Files, opt.Stdout); err != nil {
				return err
			}
		}
		if opt.Once {
			stop()
		}
		return nil
	})
	err = Run(runCtx, queueMetrics{a}, a.Toolkit.Links(), NewHTTPServer(ln, a.Handler(), log, DefaultLimits), w, a.Scheduler(), a.Digests, writes, intake)
	// The clicks counted since the last roll-up go to S3 too, so the next start adds them
	// back (the embedded Redis, and its counters, end here).
	if _, rerr := a.Toolkit.Links().RollUp(context.WithoutCancel(ctx)); rerr != nil {
		log.Error("roll up link counts", "err", rerr)
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// upKeptKeys are the Redis keys `up` keeps in its data folder between runs: sign-in
// sessions, the digests' memory of what was sent and who unsubscribed, and machine
// translations' failures. The rest of Redis is rebuilt from S3 at every start.
var upKeptKeys = []string{"repurpose:session:", "repurpose:digest:", "repurpose:trfail:"}

// report waits for the named files to be processed and prints what came out of each.
func (a *App) report(ctx context.Context, paths []string, out io.Writer) error {
	files, _, err := collect(paths)
	if err != nil {
		return err
	}
	for _, f := range files {
		id := tasks.SourceID(a.Config.Infra.Inbox.Bucket, a.Config.Infra.Inbox.Prefix+f.name)
		for {
			s, err := a.Toolkit.Record().Source(ctx, id)
			if err == nil && (s.Status == record.StatusReady || s.Status == record.StatusFailed) {
				if s.Status == record.StatusFailed {
					fmt.Fprintf(out, "%s: failed — %s\n", f.name, s.Error)
				} else {
					fmt.Fprintf(out, "%s: ready — %s\n  %s/api/v1/sources/%s\n", f.name, describeCounts(s.Counts), a.Config.Infra.PublicURL, id)
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

// writeEnv writes DATA/env: `export K=V` lines that let the CLI (`source data/env &&
// repurpose calendar`) reach this instance — its Redis, S3 endpoint, credentials, buckets,
// toolkit and admin token. It holds secrets, so only its owner may read it (0600); the
// next `up` writes it again, since the embedded Redis's port changes.
func writeEnv(dataDir string, cfg *config.Config) (string, error) {
	vars := [][2]string{
		{"REPURPOSE_REDIS_URL", cfg.Infra.RedisURL},
		{"REPURPOSE_S3_ENDPOINT", cfg.Infra.S3Endpoint},
		{"AWS_ACCESS_KEY_ID", UpAccessKey},
		{"AWS_SECRET_ACCESS_KEY", UpSecretKey},
		{"AWS_REGION", cfg.Infra.S3Region},
		{"REPURPOSE_INBOX", cfg.Infra.Inbox.String()},
		{"REPURPOSE_TOOLKIT", cfg.Infra.Toolkit.String()},
		{"REPURPOSE_PUBLIC_URL", cfg.Infra.PublicURL},
		{"REPURPOSE_ADMIN_TOKEN", cfg.Infra.AdminToken},
	}
	if cfg.Infra.ConfigPath != "" {
		abs, err := filepath.Abs(cfg.Infra.ConfigPath)
		if err != nil {
			return "", err
		}
		vars = append(vars, [2]string{"REPURPOSE_CONFIG", abs})
	}
	var b strings.Builder
	b.WriteString("# Written by `repurpose up` for the CLI: source this file, then run repurpose commands.\n")
	for _, v := range vars {
		fmt.Fprintf(&b, "export %s=%s\n", v[0], shellQuote(v[1]))
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", err
	}
	// A new file renamed into place: an old one's looser mode is not kept.
	f, err := os.CreateTemp(dataDir, ".env-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	path := filepath.Join(dataDir, "env")
	return path, os.Rename(f.Name(), path)
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func printBanner(w io.Writer, toolkitURL, s3, inbox, token, dataDir, envFile, signIn string) {
	fmt.Fprintf(w, `
repurpose is up (data in %s/)
  toolkit      %s   (API token: %s)
  S3 endpoint  %s   (access key %s, secret %s)
  inbox        %s

  sign in:          %s/ui/  %s
  drop a document:  AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s aws s3 cp paper.md %s --endpoint-url %s
  see sources:      curl -H 'Authorization: Bearer %s' %s/api/v1/sources
  use the CLI:      source %s && repurpose calendar   (in another terminal; any command)

`, dataDir, toolkitURL, token, s3, UpAccessKey, UpSecretKey, inbox, toolkitURL, signIn, UpAccessKey, UpSecretKey, inbox, s3, token, toolkitURL, envFile)
}
