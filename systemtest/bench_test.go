package systemtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/tasks"
)

// BenchmarkDropToReady drops b.N distinct whitepapers into versitygw, whose webhook calls
// serve, and measures, per document, the time from the start of its S3 PUT until its
// derivatives can be queried from the toolkit; and the throughput until all are ready.
// By default all documents are dropped at once (a backlog); REPURPOSE_BENCH_RATE=R drops
// R documents a second instead, to see the latency of one drop when the pipeline keeps up.
//
//	go test ./cmd/repurpose -run '^$' -bench DropToReady -benchtime 500x
//	REPURPOSE_BENCH_RATE=20 go test ./cmd/repurpose -run '^$' -bench DropToReady -benchtime 500x
func BenchmarkDropToReady(b *testing.B) {
	var pace time.Duration
	if r, _ := strconv.ParseFloat(os.Getenv("REPURPOSE_BENCH_RATE"), 64); r > 0 {
		pace = time.Duration(float64(time.Second) / r)
	}
	st := newStack(b, true, nil)
	// versitygw sends each event once and never again: under a burst some go missing, and
	// the scan finds them, as it does in production (there every minute).
	st.startScheduler(5 * time.Second)
	events := eventsReceived(st)
	sample, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	n := b.N
	put := make([]atomic.Int64, n) // UnixNano at the start of each PUT, set by the uploaders
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range 8 { // marketing's uploads arrive side by side
		wg.Go(func() {
			for i := range jobs {
				body := fmt.Appendf(bytes.Clone(sample), "\n\nEdition %d: %d%% of teams saw results.\n", i, i%100)
				put[i].Store(time.Now().UnixNano())
				if _, err := st.app.S3.Put(ctx, "inbox", fmt.Sprintf("bench/%05d.md", i), body, "text/markdown"); err != nil {
					b.Error(err)
				}
			}
		})
	}
	go func() {
		for i := range n {
			jobs <- i
			time.Sleep(pace)
		}
		close(jobs)
	}()
	latency := make([]time.Duration, n)
	pending := n
	for deadline := time.Now().Add(10 * time.Minute); pending > 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d documents not ready after 10 minutes", pending, n)
		}
		for i := range n {
			sent := put[i].Load()
			if latency[i] != 0 || sent == 0 {
				continue
			}
			s, err := st.app.Toolkit.Record().Source(ctx, tasks.SourceID("inbox", fmt.Sprintf("bench/%05d.md", i)))
			if err == nil && s.Status == record.StatusReady {
				latency[i] = time.Since(time.Unix(0, sent))
				pending--
			} else if err == nil && s.Status == record.StatusFailed {
				b.Fatalf("document %d failed: %s", i, s.Error)
			}
		}
	}
	elapsed := time.Since(start)
	wg.Wait()
	b.StopTimer()
	slices.Sort(latency)
	b.ReportMetric(float64(n)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(latency[n/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(latency[n*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(eventsReceived(st)-events, "queued-by-event")
	b.ReportMetric(0, "ns/op")
}

// eventsReceived reads serve's count of inbox events that queued work, from /metrics.
func eventsReceived(st *stack) float64 {
	resp, err := http.Get(st.url + "/metrics")
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(line, `repurpose_s3_events_total{outcome="queued"} `); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

// BenchmarkWorkerPeakRSS runs a real `repurpose worker` process on a 10 MiB document and
// reports its peak resident set size (VmHWM).
//
//	go test ./cmd/repurpose -run '^$' -bench WorkerPeakRSS -benchtime 1x
func BenchmarkWorkerPeakRSS(b *testing.B) {
	st := newStack(b, false, nil)
	bin := buildBinary(b)
	doc := bigDocument(10<<20 - 4096)
	if _, err := st.app.S3.Put(context.Background(), "inbox", "big.md", doc, "text/markdown"); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, "worker")
	cmd.Env = append(st.s3.Environ(), "REPURPOSE_REDIS_URL="+st.redis.URL, "REPURPOSE_S3_ENDPOINT="+st.s3.Endpoint)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	b.ResetTimer()
	a := st.waitSource("big.md", 5*time.Minute)
	b.StopTimer()
	if a.Source.Status != "ready" {
		b.Fatalf("status %s: %s", a.Source.Status, a.Source.Error)
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
		}
	}
	b.ReportMetric(float64(len(doc))/(1<<20), "doc-MiB")
}

// bigDocument is a long Markdown report of varied sentences with figures in them.
func bigDocument(size int) []byte {
	words := strings.Fields("platform team service alert latency budget error customer deploy release pipeline cluster node storage network policy security review metric dashboard owner runbook incident queue worker cache database region tenant")
	var buf bytes.Buffer
	buf.WriteString("# A very long report\n\n")
	for i := 0; buf.Len() < size; i++ {
		if i%40 == 0 {
			fmt.Fprintf(&buf, "## Section %d: %s and %s\n\n", i/40+1, words[i%len(words)], words[(i*7)%len(words)])
		}
		for s := range 4 {
			n := 10 + (i*s)%15
			for w := range n {
				word := words[(i*31+s*17+w*13)%len(words)]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				buf.WriteString(word)
				if w == n/2 && (i+s)%5 == 0 {
					fmt.Fprintf(&buf, " %d%%", (i+s)%97+2)
				}
				buf.WriteByte(' ')
			}
			buf.Truncate(buf.Len() - 1)
			buf.WriteString(". ")
		}
		buf.WriteString("\n\n")
	}
	return buf.Bytes()
}
