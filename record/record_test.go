package record_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
)

const doc = recordtest.Doc

var save = recordtest.Save

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
