package toolkit

import (
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
)

// newTestToolkit runs the toolkit on the in-process Redis and S3 of `repurpose up`: fast,
// and through the same code paths. The real servers are exercised by cmd/repurpose's tests.
func newTestToolkit(t testing.TB) (*Toolkit, *miniredis.Miniredis) {
	t.Helper()
	return newTestToolkitLogging(t, slog.Default())
}

// newTestToolkitLogging is newTestToolkit with the toolkit logging to log.
func newTestToolkitLogging(t testing.TB, log *slog.Logger) (*Toolkit, *miniredis.Miniredis) {
	t.Helper()
	svc := recordtest.Start(t)
	return New(svc.Config, svc.S3, svc.Redis, nil, log), svc.Mini
}

// newQueueingToolkit is newTestToolkit with a task queue on its Redis, as `repurpose
// serve` has.
func newQueueingToolkit(t testing.TB) (*Toolkit, *miniredis.Miniredis) {
	t.Helper()
	svc := recordtest.Start(t)
	enq := tasks.NewClient(asynq.RedisClientOpt{Addr: svc.Mini.Addr()}, time.Hour)
	t.Cleanup(func() { enq.Close() })
	return New(svc.Config, svc.S3, svc.Redis, enq, slog.Default()), svc.Mini
}

// save derives a small document and stores it as the given key's current version.
func save(t testing.TB, tk *Toolkit, key, body string, at time.Time) *record.Source {
	t.Helper()
	return recordtest.Save(t, tk.rec, tk.cfg, key, body, at)
}

const doc = recordtest.Doc

func TestRedactQuery(t *testing.T) {
	if got := RedactQuery("token=s3cret&x=1"); got != "token=REDACTED&x=1" {
		t.Errorf("RedactQuery = %q", got)
	}
	// Sent to sign in on the way back from an OAuth provider: the code is in next.
	got := RedactQuery("next=" + url.QueryEscape("/oauth/callback?code=s3cret&state=st4te"))
	if strings.Contains(got, "s3cret") || strings.Contains(got, "st4te") || !strings.Contains(got, "oauth") {
		t.Errorf("RedactQuery of a nested next = %q", got)
	}
}
