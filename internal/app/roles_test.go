package app

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/testservices"
)

// serve, worker and scheduler, each run as its command runs it on redis-server and
// versitygw, stop without error on a signal, and leave no goroutine behind.
func TestRolesStopCleanlyOnSignal(t *testing.T) {
	redis := testservices.NewRedis(t)
	s3 := testservices.S3(t, testservices.S3Options{Buckets: []string{"inbox", "toolkit"}})
	for _, kv := range s3.Env() { // the credentials the roles take from the environment
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	// An HTTP keep-alive connection a client of the roles opened (to the test's S3) may
	// still be idle when the check runs; it belongs to its transport and closes on its
	// idle timeout. Every goroutine a role starts must be gone.
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent(),
		goleak.IgnoreAnyFunction("net/http.(*persistConn).readLoop"), goleak.IgnoreAnyFunction("net/http.(*persistConn).writeLoop"))
	roleConfig := func(env map[string]string) *config.Config {
		env["REPURPOSE_REDIS_URL"], env["REPURPOSE_S3_ENDPOINT"], env["REPURPOSE_EVENTS_TOKEN"] = redis.URL, s3.Endpoint, "events-secret"
		infra, err := config.FromEnv(func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		return &config.Config{Infra: infra, File: *config.Defaults()}
	}
	serveAddr, workerMetrics, schedulerMetrics := testservices.FreeAddr(t), testservices.FreeAddr(t), testservices.FreeAddr(t)
	roles := map[string]struct {
		run  func(context.Context, *config.Config, *slog.Logger) error
		cfg  *config.Config
		ping string
	}{
		"serve":     {Serve, roleConfig(map[string]string{"REPURPOSE_HTTP_ADDR": serveAddr}), "http://" + serveAddr + "/healthz"},
		"worker":    {RunWorker, roleConfig(map[string]string{"REPURPOSE_METRICS_ADDR": workerMetrics}), "http://" + workerMetrics + "/metrics"},
		"scheduler": {RunScheduler, roleConfig(map[string]string{"REPURPOSE_METRICS_ADDR": schedulerMetrics}), "http://" + schedulerMetrics + "/metrics"},
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := map[string]chan error{}
	for name, r := range roles {
		stopped := make(chan error, 1)
		done[name] = stopped
		go func() { stopped <- r.run(ctx, r.cfg, slog.New(slog.DiscardHandler)) }()
	}
	for _, r := range roles {
		waitOK(t, r.ping)
	}
	cancel()
	for name := range roles {
		select {
		case err := <-done[name]:
			if err != nil {
				t.Errorf("%s stopped with %v", name, err)
			}
		case <-time.After(45 * time.Second):
			t.Fatalf("%s still running 45 s after the signal", name)
		}
	}
}
