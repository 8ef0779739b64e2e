package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// services starts Redis and S3 with an inbox and a toolkit bucket, and configures them.
func services(t *testing.T) (*config.Config, *s3store.Store, *testservices.RedisServer) {
	rs := testservices.NewRedis(t)
	s3srv := testservices.S3(t, testservices.S3Options{Buckets: []string{"inbox", "toolkit"}})
	env := map[string]string{"REPURPOSE_REDIS_URL": rs.URL, "REPURPOSE_S3_ENDPOINT": s3srv.Endpoint}
	infra, err := config.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	store := s3store.FromAWS(aws.Config{Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider(s3srv.AccessKey, s3srv.SecretKey, "")}, s3srv.Endpoint)
	return &config.Config{Infra: infra, File: *config.Defaults()}, store, rs
}

// TestScanQueuesWhatEventsMissedOnce: with no webhook at all, the scan finds every inbox
// object; concurrent scans (several schedulers) and repeated scans queue each only once.
func TestScanQueuesWhatEventsMissedOnce(t *testing.T) {
	cfg, store, rs := services(t)
	opt, _ := tasks.RedisOpt(rs.URL)
	enq := tasks.NewClient(opt, cfg.File.Limits.TaskRetention.Std())
	defer enq.Close()
	rdb := redis.NewClient(&redis.Options{Addr: rs.Addr})
	defer rdb.Close()
	tk := toolkit.New(cfg, store, rdb, enq, slog.Default())
	ctx := context.Background()
	for i := range 5 {
		if _, err := store.Put(ctx, "inbox", fmt.Sprintf("drop/%d.md", i), []byte(fmt.Sprintf("# Doc %d\n\nText.\n", i)), "text/markdown"); err != nil {
			t.Fatal(err)
		}
	}
	store.Put(ctx, "inbox", "drop/", nil, "application/x-directory") // a folder placeholder is not a document

	var wg sync.WaitGroup
	results := make([]ScanResult, 3)
	for i := range results {
		wg.Go(func() {
			res, err := ScanInbox(ctx, store, tk.Record().Intake(), cfg.Infra.Inbox)
			if err != nil {
				t.Error(err)
			}
			results[i] = res
		})
	}
	wg.Wait()
	queued := 0
	for _, r := range results {
		queued += r.Queued
		if r.Objects != 5 {
			t.Errorf("scan saw %d objects, want 5", r.Objects)
		}
	}
	if queued != 5 {
		t.Errorf("three concurrent scans queued %d tasks, want 5", queued)
	}
	info, err := asynq.NewInspector(opt).GetQueueInfo(tasks.QueueIngest)
	if err != nil {
		t.Fatal(err)
	}
	if info.Pending != 5 {
		t.Errorf("queue holds %d pending tasks, want 5", info.Pending)
	}
	src, err := tk.Record().Source(ctx, tasks.SourceID("inbox", "drop/3.md"))
	if err != nil || src.Status != record.StatusQueued {
		t.Errorf("source shows %+v, %v; want queued", src, err)
	}
	again, _ := ScanInbox(ctx, store, tk.Record().Intake(), cfg.Infra.Inbox)
	if again.Queued != 0 || again.Pending != 5 {
		t.Errorf("a second scan: %+v, want 5 pending and none queued again", again)
	}
}

// TestMediaSweepRunsOncePerInterval: with several schedulers on one Redis, one of them
// sweeps in an interval; a file nothing lists, older than the grace period, goes.
func TestMediaSweepRunsOncePerInterval(t *testing.T) {
	cfg, store, rs := services(t)
	rdb := redis.NewClient(&redis.Options{Addr: rs.Addr})
	defer rdb.Close()
	tk := toolkit.New(cfg, store, rdb, nil, slog.New(slog.DiscardHandler))
	ctx := t.Context()
	key := "media/" + strings.Repeat("ab", 32) + ".png"
	if err := tk.Record().Files().Put(ctx, key, "image/png", []byte("a card nothing lists")); err != nil {
		t.Fatal(err)
	}
	tk.SetClock(func() time.Time { return time.Now().UTC().Add(2 * record.MediaGrace) })

	first := New(store, tk, cfg.Infra.Inbox, time.Minute, slog.New(slog.DiscardHandler))
	second := New(store, tk, cfg.Infra.Inbox, time.Minute, slog.New(slog.DiscardHandler))
	if _, err := tk.Record().Locks().Lease(ctx, "media-sweep", time.Hour); err != nil {
		t.Fatal(err)
	}
	first.sweepMediaOnce(ctx) // the interval's lease is taken: no sweep
	if ok, err := tk.Record().Files().Has(ctx, key); err != nil || !ok {
		t.Fatalf("swept while another scheduler held the interval: %v %v", ok, err)
	}
	if err := rdb.FlushAll(ctx).Err(); err != nil { // the interval is over
		t.Fatal(err)
	}
	second.sweepMediaOnce(ctx)
	if ok, err := tk.Record().Files().Has(ctx, key); err != nil || ok {
		t.Errorf("the unlisted file is still there after the sweep: %v %v", ok, err)
	}
}
