package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/web/auth"
)

// BenchmarkAPIUnderLoad indexes 100,000 derivatives (2,700 sources of 37) in a real
// redis-server and has 50 clients call the API for 20 s: the topics listing (first page,
// and a filtered one), a source with its derivatives, and the count. It reports the
// latency percentiles over all calls.
//
//	go test ./toolkit -run '^$' -bench APIUnderLoad -benchtime 1x
func BenchmarkAPIUnderLoad(b *testing.B) {
	tk, _ := newTestToolkit(b)
	rs := testservices.NewRedis(b)
	tk.rdb = redis.NewClient(&redis.Options{Addr: rs.Addr, PoolSize: 64})
	tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: "mia", Role: config.RoleMarketing, TokenSHA256: auth.HashToken("mkt")})
	ctx := b.Context()
	doc, err := parse.File("w.md", []byte(benchDoc), 1<<20)
	if err != nil {
		b.Fatal(err)
	}
	base := derive.From(doc, derive.Options{Version: "v", SourceID: "s"}).Derivatives
	var ids []string
	total := 0
	for i := 0; total < 100_000; i++ {
		s := &record.Source{ID: fmt.Sprintf("src%05d", i), Key: fmt.Sprintf("k%05d.md", i), Status: record.StatusReady, Version: "v",
			Title: "Paper", CreatedAt: time.Unix(int64(1_700_000_000+i), 0), Campaign: "default", Lang: "en"}
		bundle := &record.Bundle{SourceID: s.ID, Version: s.Version}
		apr := &record.Approvals{Decisions: map[string]record.Decision{}}
		for j, d := range base {
			d.ID = fmt.Sprintf("%s-%02d", s.ID, j)
			bundle.Derivatives = append(bundle.Derivatives, d)
			if j%3 == 0 {
				apr.Decisions[d.ID] = record.Decision{Status: record.Approved}
			}
		}
		if err := tk.rec.Index(ctx, s, bundle, apr); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, s.ID)
		total += len(bundle.Derivatives)
	}
	srv := httptest.NewServer(tk.Handler())
	defer srv.Close()
	paths := []string{"/api/v1/topics?limit=50", "/api/v1/topics?limit=50&channel=x&status=approved", "", "/api/v1/sources?limit=50"}
	var mu sync.Mutex
	var lat []time.Duration
	errors := 0
	b.ResetTimer()
	deadline := time.Now().Add(20 * time.Second)
	var wg sync.WaitGroup
	for c := range 50 {
		wg.Go(func() {
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
			for i := 0; time.Now().Before(deadline); i++ {
				p := paths[(c+i)%len(paths)]
				if p == "" {
					p = "/api/v1/sources/" + ids[(c*7919+i)%len(ids)]
				}
				req, _ := http.NewRequest("GET", srv.URL+p, nil)
				req.Header.Set("Authorization", "Bearer mkt")
				start := time.Now()
				res, err := client.Do(req)
				d := time.Since(start)
				mu.Lock()
				if err != nil || res.StatusCode != 200 {
					errors++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
				if err == nil {
					res.Body.Close()
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	pct := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(float64(total), "derivatives")
	b.ReportMetric(float64(len(lat))/20, "calls/s")
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(errors), "errors")
}

const benchDoc = `# Quiet pagers

## Why

Queues absorb bursts so that 90% of requests finish within a second even when traffic triples.

Retries need backoff, or a small outage becomes a large one for every customer at once.

## How

Measure queue depth, alert on the age of the oldest task, and add workers before the backlog grows.

Teams that page on symptoms cut their pages by 60% within six weeks of starting.
`
