package systemtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/app"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/scheduler"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/worker"
)

const (
	testEventsToken = "events-secret"
	testAdminToken  = "admin-secret"
	testContribA    = "contrib-a-secret"
	testContribB    = "contrib-b-secret"
)

// stack is the pipeline on real parts: redis-server, versitygw with its webhook pointed
// at serve's /events/s3, serve's handler on a loopback port, and (optionally) a worker.
type stack struct {
	t      testing.TB
	redis  *testservices.RedisServer
	s3     *testservices.S3Server
	app    *app.App
	url    string // serve's base URL
	cancel context.CancelFunc
	// eventsDown makes /events/s3 answer 503, as a serve that is down or restarting does.
	eventsDown atomic.Bool
}

// unreachable stands in for Redis before the stack is wired: events other than the test
// event get 503, as they do while serve cannot reach Redis.
type unreachable struct{}

func (unreachable) Queue(context.Context, tasks.Ingest) (bool, error) {
	return false, fmt.Errorf("redis unreachable")
}

func (unreachable) Head(context.Context, string, string) (*s3store.Info, error) {
	return nil, fmt.Errorf("s3 unreachable")
}

func newStack(t testing.TB, withWorker bool, edit func(*config.Config)) *stack {
	t.Helper()
	return newStackOn(t, testservices.NewRedis(t), withWorker, edit)
}

// withCards is the edit for a stack whose worker renders cards, as by default.
func withCards(c *config.Config) { c.File.Brand.Cards.Off = false }

// newStackOn is newStack on a given redis-server (one with its append-only file on, say).
func newStackOn(t testing.TB, rs *testservices.RedisServer, withWorker bool, edit func(*config.Config)) *stack {
	t.Helper()
	st := &stack{t: t, redis: rs}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	st.url = "http://" + ln.Addr().String()
	inbox, _ := config.ParseLocation("s3://inbox")
	var h atomic.Value // serve answers before it is wired, as the real one must
	h.Store(http.Handler(http.HandlerFunc(worker.EventsHandler(unreachable{}, unreachable{}, inbox, testEventsToken, slog.New(slog.DiscardHandler)).ServeHTTP)))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if st.eventsDown.Load() && r.URL.Path == "/events/s3" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		h.Load().(http.Handler).ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	st.s3 = testservices.S3(t, testservices.S3Options{
		WebhookURL: st.url + "/events/s3?token=" + testEventsToken,
		Buckets:    []string{"inbox", "toolkit"},
	})
	env := map[string]string{
		"REPURPOSE_REDIS_URL": st.redis.URL, "REPURPOSE_S3_ENDPOINT": st.s3.Endpoint,
		"REPURPOSE_EVENTS_TOKEN": testEventsToken, "REPURPOSE_ADMIN_TOKEN": testAdminToken,
		"REPURPOSE_PUBLIC_URL": st.url,
	}
	infra, err := config.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	file := config.Defaults()
	file.Users = []config.User{
		{Name: "ana", Role: config.RoleContributor, TokenSHA256: auth.HashToken(testContribA)},
		{Name: "ben", Role: config.RoleContributor, TokenSHA256: auth.HashToken(testContribB)},
	}
	// Cards take most of a worker's time under -race; the tests that check them turn
	// them on (withCards), the rest check the pipeline without them.
	file.Brand.Cards.Off = true
	cfg := &config.Config{Infra: infra, File: *file}
	if edit != nil {
		edit(cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	st.cancel = cancel
	t.Cleanup(cancel)
	store := s3store.FromAWS(aws.Config{Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider(st.s3.AccessKey, st.s3.SecretKey, "")}, st.s3.Endpoint)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	st.app, err = app.Connect(ctx, cfg, log, store)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.app.Close)
	counting := make(chan struct{}) // link counts go to Redis as serve's do
	go func() {
		defer close(counting)
		_ = st.app.Toolkit.Links().Run(ctx)
	}()
	// Registered after Close, so it runs first: the counts go out before the connections close.
	t.Cleanup(func() { cancel(); <-counting })
	h.Store(http.Handler(http.HandlerFunc(st.app.Handler().ServeHTTP))) // one concrete type in the atomic.Value
	if withWorker {
		st.startWorker(ctx)
	}
	return st
}

func (st *stack) startWorker(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = st.runWorker(ctx, worker.Options{PollInterval: 20 * time.Millisecond, ShutdownTimeout: 5 * time.Second, RetryCheckInterval: 20 * time.Millisecond})
	}()
	st.t.Cleanup(func() { st.cancel(); <-done })
}

// runWorker runs the worker, as `repurpose worker` does, until ctx ends.
func (st *stack) runWorker(ctx context.Context, opt worker.Options) error {
	w, err := st.app.Worker(ctx, opt)
	if err != nil {
		return err
	}
	return w.Run(ctx)
}

// startScheduler runs the inbox scan every interval, as `repurpose scheduler` does.
func (st *stack) startScheduler(interval time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = scheduler.New(st.app.S3, st.app.Toolkit, st.app.Config.Infra.Inbox, interval, st.app.Log).Run(ctx)
	}()
	st.t.Cleanup(func() { cancel(); <-done })
}

// awsCp uploads a file with the AWS CLI, as marketing does.
func (st *stack) awsCp(path, key string) {
	st.t.Helper()
	cmd := exec.Command(testservices.AWSCLI(st.t), "--endpoint-url", st.s3.Endpoint, "s3", "cp", "--only-show-errors", path, "s3://inbox/"+key)
	cmd.Env = st.s3.Environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		st.t.Fatalf("aws s3 cp %s: %v\n%s", path, err, out)
	}
}

// api calls the toolkit API and decodes the answer into v, returning the status.
func (st *stack) api(method, path, token string, v any) int {
	st.t.Helper()
	req, _ := http.NewRequest(method, st.url+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			st.t.Fatalf("%s %s: %v in %s", method, path, err, body)
		}
	}
	return resp.StatusCode
}

type skippedAnswer struct{ Kind, Channel, Reason string }

type sourceAnswer struct {
	Source struct {
		ID, Key, Title, Status, Error, Version, Lang, Campaign string
		Counts                                                 map[string]int
		Superseded, Warnings                                   []string
		Skipped                                                []skippedAnswer
		UpdatedAt                                              string `json:"updated_at"`
	} `json:"source"`
	Derivatives []struct {
		ID, Kind, Channel, Locale, Text, Template, Backlink, CTA, Status string
		Parts                                                            []struct {
			Text   string
			Length struct {
				Weighted, Limit int
				Valid           bool
			}
		}
		Length *struct {
			Weighted, Limit int
			Valid           bool
		}
	} `json:"derivatives"`
}

// waitSource polls the API until the source of key is ready or failed.
func (st *stack) waitSource(key string, timeout time.Duration) sourceAnswer {
	st.t.Helper()
	id := tasks.SourceID("inbox", key)
	deadline := time.Now().Add(timeout)
	var a sourceAnswer
	for {
		a = sourceAnswer{}
		code := st.api("GET", "/api/v1/sources/"+id, testAdminToken, &a)
		if code == 200 && (a.Source.Status == "ready" || a.Source.Status == "failed") {
			return a
		}
		if time.Now().After(deadline) {
			st.t.Fatalf("source %q not ready after %s: HTTP %d, status %q", key, timeout, code, a.Source.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func sourceID(key string) string { return tasks.SourceID("inbox", key) }
