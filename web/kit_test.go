package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/accounts"
	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/translations"
	"github.com/repurpose/repurpose/web/access"
	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/web/pages"
)

// testKit is a toolkit and its HTTP surface, with its rooms at hand and a clock the test
// sets (now).
type testKit struct {
	tk           *toolkit.Toolkit
	cfg          *config.Config
	rec          *record.Store
	reviews      *review.Service
	plans        *planstore.Store
	links        *links.Service
	translations *translations.Service
	accounts     *accounts.Service
	analytics    *analytics.Service
	rdb          redis.UniversalClient
	s3           *s3store.Store
	loc          config.Location
	log          *slog.Logger
	auth         *auth.Auth
	acc          *access.Rules
	now          func() time.Time
	enq          *tasks.Client
}

func openKit(svc *recordtest.Services, enq *tasks.Client, log *slog.Logger) *testKit {
	tk := toolkit.New(svc.Config, svc.S3, svc.Redis, enq, log)
	k := &testKit{tk: tk, cfg: svc.Config, rec: tk.Record(), reviews: tk.Review(), plans: tk.Plans(), links: tk.Links(),
		translations: tk.Translations(), accounts: tk.Accounts(), analytics: tk.Analytics(), rdb: svc.Redis, s3: svc.S3,
		loc: svc.Config.Infra.Toolkit, log: log, acc: access.New(tk), enq: enq,
		now: func() time.Time { return time.Now().UTC() }}
	tk.SetClock(func() time.Time { return k.now() })
	k.auth = auth.New(svc.Config, svc.Redis, tk.Links(), tk.Now)
	return k
}

// Handler is the whole HTTP surface, as serve mounts it.
func (k *testKit) Handler() http.Handler { return New(k.tk, k.log, Options{}) }

// newTestToolkit runs the toolkit on the in-process Redis and S3 of `repurpose up`: fast,
// and through the same code paths. The real servers are exercised by cmd/repurpose's tests.
func newTestToolkit(t testing.TB) (*testKit, *miniredis.Miniredis) {
	t.Helper()
	return newTestToolkitLogging(t, slog.Default())
}

// newTestToolkitLogging is newTestToolkit with the toolkit logging to log.
func newTestToolkitLogging(t testing.TB, log *slog.Logger) (*testKit, *miniredis.Miniredis) {
	t.Helper()
	svc := recordtest.Start(t)
	return openKit(svc, nil, log), svc.Mini
}

// newQueueingToolkit is newTestToolkit with a task queue on its Redis, as `repurpose
// serve` has.
func newQueueingToolkit(t testing.TB) (*testKit, *miniredis.Miniredis) {
	t.Helper()
	svc := recordtest.Start(t)
	enq := tasks.NewClient(asynq.RedisClientOpt{Addr: svc.Mini.Addr()}, time.Hour)
	t.Cleanup(func() { enq.Close() })
	return openKit(svc, enq, slog.Default()), svc.Mini
}

// restart is another serve process over the same S3 and Redis.
func (k *testKit) restart() *testKit {
	n := openKit(&recordtest.Services{Config: k.cfg, S3: k.s3, Redis: k.rdb.(*redis.Client)}, k.enq, k.log)
	n.now = k.now
	return n
}

// save derives a small document and stores it as the given key's current version.
func save(t testing.TB, tk *testKit, key, body string, at time.Time) *record.Source {
	t.Helper()
	return recordtest.Save(t, tk.rec, tk.cfg, key, body, at)
}

const doc = recordtest.Doc

func TestRedactQuery(t *testing.T) {
	if got := redactQuery("token=s3cret&x=1"); got != "token=REDACTED&x=1" {
		t.Errorf("redactQuery = %q", got)
	}
	// Sent to sign in on the way back from an OAuth provider: the code is in next.
	got := redactQuery("next=" + url.QueryEscape("/oauth/callback?code=s3cret&state=st4te"))
	if strings.Contains(got, "s3cret") || strings.Contains(got, "st4te") || !strings.Contains(got, "oauth") {
		t.Errorf("redactQuery of a nested next = %q", got)
	}
}

// uiCSP is the pages' Content-Security-Policy.
const uiCSP = pages.UICSP
