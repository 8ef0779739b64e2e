package record_test

import (
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
)

const doc = recordtest.Doc

var save = recordtest.Save

// newQueueingStore is a record that can queue work, as `repurpose serve` has.
func newQueueingStore(t *testing.T) (*record.Store, *recordtest.Services) {
	svc := recordtest.Start(t)
	enq := tasks.NewClient(asynq.RedisClientOpt{Addr: svc.Mini.Addr()}, time.Hour)
	t.Cleanup(func() { enq.Close() })
	return record.New(svc.Config, svc.S3, svc.Redis, enq, nil, slog.New(slog.DiscardHandler)), svc
}

func newStore(t *testing.T) (*record.Store, *config.Config) {
	svc := recordtest.Start(t)
	return record.New(svc.Config, svc.S3, svc.Redis, nil, nil, slog.New(slog.DiscardHandler)), svc.Config
}

func TestTopicFiltersAndPaging(t *testing.T) {
	st, cfg := newStore(t)
	ctx := t.Context()
	save(t, st, cfg, "q.md", doc, time.Unix(1000, 0))
	save(t, st, cfg, "es.md", "---\nlang: es\n---\n# Colas\n\nLas colas absorben picos de trabajo para que el 90% de las peticiones termine en un segundo.\n\nLos reintentos necesitan espera exponencial, o una caída pequeña se vuelve grande.\n", time.Unix(2000, 0))
	all, err := st.Topics(ctx, record.TopicFilter{}, 1000, "")
	if err != nil || len(all.Items) == 0 {
		t.Fatal(err)
	}
	count := func(f record.TopicFilter) int {
		p, err := st.Topics(ctx, f, 1000, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range p.Items {
			if !f.Match(&d) {
				t.Errorf("filter %+v let through %+v", f, d)
			}
		}
		return len(p.Items)
	}
	es, en := count(record.TopicFilter{Locale: "es"}), count(record.TopicFilter{Locale: "en"})
	if es == 0 || en == 0 || es+en != len(all.Items) {
		t.Errorf("locales: es %d + en %d of %d", es, en, len(all.Items))
	}
	if n := count(record.TopicFilter{Tag: "queues"}); n != en {
		t.Errorf("tag filter found %d, want the %d English ones", n, en)
	}
	if n := count(record.TopicFilter{Kind: "tweet", Channel: "x"}); n == 0 {
		t.Error("no tweets on x")
	}
	if n := count(record.TopicFilter{Q: "backoff OUTAGE"}); n == 0 {
		t.Error("text search found nothing")
	}
	if n := count(record.TopicFilter{Status: record.Approved}); n != 0 {
		t.Errorf("%d approved before any review", n)
	}
	seen, cursor := map[string]bool{}, ""
	for {
		p, err := st.Topics(ctx, record.TopicFilter{}, 3, cursor)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range p.Items {
			if seen[d.ID] {
				t.Fatalf("%s on two pages", d.ID)
			}
			seen[d.ID] = true
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	if len(seen) != len(all.Items) {
		t.Errorf("paging saw %d of %d", len(seen), len(all.Items))
	}
}

func TestAnOlderUploadNeverReplacesANewerVersion(t *testing.T) {
	st, cfg := newStore(t)
	newer := save(t, st, cfg, "q.md", doc, time.Unix(2000, 0))
	older := save(t, st, cfg, "q.md", doc+"\nAn older edition.\n", time.Unix(1000, 0))
	if older.Version != newer.Version {
		t.Errorf("the older upload became current: %s, want %s", older.Version, newer.Version)
	}
}

func TestRegionFilterAndAnEmptyRecord(t *testing.T) {
	st, cfg := newStore(t)
	ctx := t.Context()
	if p, err := st.Topics(ctx, record.TopicFilter{}, 50, ""); err != nil || len(p.Items) != 0 {
		t.Fatalf("an empty record: %d topics, %v", len(p.Items), err)
	}
	save(t, st, cfg, "everyone.md", doc, time.Unix(1000, 0))
	save(t, st, cfg, "emea.md", "---\nregions: [emea]\n---\n"+doc[len("---\ntags: [Queues]\n---\n"):], time.Unix(2000, 0))
	sources := func(f record.TopicFilter) map[string]bool {
		p, err := st.Topics(ctx, f, 1000, "")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, d := range p.Items {
			out[d.SourceID] = true
		}
		return out
	}
	everyone, emea := tasks.SourceID("inbox", "everyone.md"), tasks.SourceID("inbox", "emea.md")
	if got := sources(record.TopicFilter{Region: "EMEA"}); !got[everyone] || !got[emea] {
		t.Errorf("region emea sees sources %v, want both", got)
	}
	if got := sources(record.TopicFilter{Region: "apac"}); !got[everyone] || got[emea] {
		t.Errorf("region apac sees sources %v, want only the one meant for everyone", got)
	}
}

func TestRerunQueuesAForcedTaskEachTime(t *testing.T) {
	st, svc := newQueueingStore(t)
	mr := svc.Mini
	s := save(t, st, svc.Config, "q.md", doc, time.Unix(1000, 0))
	if _, err := svc.S3.Put(t.Context(), "inbox", "q.md", []byte(doc), "text/markdown"); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		got, queued, err := st.Rerun(t.Context(), s.ID)
		if err != nil || !queued || got.Status != record.StatusQueued {
			t.Fatalf("re-run %d: %+v %v %v", i, got, queued, err)
		}
		time.Sleep(time.Millisecond) // a distinct re-run
	}
	ins := asynq.NewInspector(asynq.RedisClientOpt{Addr: mr.Addr()})
	defer ins.Close()
	pending, err := ins.ListPendingTasks(tasks.QueueIngest)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 {
		t.Fatalf("%d pending tasks, want 2", len(pending))
	}
	for _, p := range pending {
		in, err := tasks.DecodeIngest(p.Payload)
		if err != nil || !in.Force || in.Key != "q.md" || in.ETag == "" {
			t.Errorf("task %s: %+v %v", p.ID, in, err)
		}
	}
	if err := svc.S3.Delete(t.Context(), "inbox", "q.md"); err == nil {
		if _, _, err := st.Rerun(t.Context(), s.ID); !errors.Is(err, errs.Conflict) {
			t.Errorf("re-run of a removed file: %v", err)
		}
	}
}

// A ready source asks the worker for its images; with cards off it asks for none and
// shows no images status (a pending one would never end).
func TestCardsOffQueuesNoImages(t *testing.T) {
	for _, off := range []bool{false, true} {
		svc := recordtest.Start(t)
		svc.Config.File.Brand.Cards.Off = off
		enq := tasks.NewClient(asynq.RedisClientOpt{Addr: svc.Mini.Addr()}, time.Hour)
		t.Cleanup(func() { enq.Close() })
		st := record.New(svc.Config, svc.S3, svc.Redis, enq, nil, slog.New(slog.DiscardHandler))
		s := save(t, st, svc.Config, "c.md", doc, time.Unix(1000, 0))
		ins := asynq.NewInspector(asynq.RedisClientOpt{Addr: svc.Mini.Addr()})
		pending, err := ins.ListPendingTasks(tasks.QueueImages)
		ins.Close()
		if err != nil && !errors.Is(err, asynq.ErrQueueNotFound) {
			t.Fatal(err)
		}
		want, status := 1, record.ImagesPending
		if off {
			want, status = 0, ""
		}
		if len(pending) != want || s.Images != status {
			t.Errorf("cards off %v: %d image tasks queued, images %q; want %d, %q", off, len(pending), s.Images, want, status)
		}
	}
}
