package systemtest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/record"
)

// BenchmarkBacklog measures a backlog of REPURPOSE_BENCH_DOCS documents (default 10,000)
// processed by 1, 2 and 3 worker processes against one redis-server and versitygw:
// documents per second, and each worker's peak memory; beside asynq's own throughput of as
// many no-op tasks on the same Redis with the same concurrency (the queue's ceiling).
//
//	go test ./cmd/repurpose -run '^$' -bench Backlog -benchtime 1x -timeout 60m
func BenchmarkBacklog(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("REPURPOSE_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	bin := buildBinary(b)
	sample, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2, 3} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			st := newStack(b, false, nil)
			st.startScheduler(5 * time.Second) // catches the events versitygw drops under a burst
			cfgFile := filepath.Join(b.TempDir(), "repurpose.yaml")
			writeFile(b, cfgFile, "limits:\n  worker_concurrency: 4\n")
			keys := make([]string, n)
			var wg sync.WaitGroup
			jobs := make(chan int)
			for range 8 {
				wg.Go(func() {
					for i := range jobs {
						keys[i] = fmt.Sprintf("backlog/%05d.md", i)
						body := fmt.Appendf(bytes.Clone(sample), "\n\nEdition %d: %d%% of teams saw results.\n", i, i%100)
						if _, err := st.app.S3.Put(context.Background(), "inbox", keys[i], body, "text/markdown"); err != nil {
							b.Error(err)
						}
					}
				})
			}
			for i := range n {
				jobs <- i
			}
			close(jobs)
			wg.Wait()
			b.ResetTimer()
			start := time.Now()
			env := append(st.s3.Environ(), "REPURPOSE_REDIS_URL="+st.redis.URL, "REPURPOSE_S3_ENDPOINT="+st.s3.Endpoint,
				"REPURPOSE_CONFIG="+cfgFile, "REPURPOSE_LOG_LEVEL=warn")
			var procs []*exec.Cmd
			for range workers {
				cmd := exec.Command(bin, "worker")
				cmd.Env = env
				cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				defer func() { cmd.Process.Kill(); cmd.Wait() }()
				procs = append(procs, cmd)
			}
			peak := make([]float64, workers)
			for deadline := time.Now().Add(60 * time.Minute); readyUnder(st, "backlog/") < n; time.Sleep(time.Second) {
				for i, p := range procs {
					peak[i] = max(peak[i], peakRSS(p.Process.Pid))
				}
				if time.Now().After(deadline) {
					b.Fatalf("%d of %d ready after an hour", readyUnder(st, "backlog/"), n)
				}
			}
			took := time.Since(start)
			b.StopTimer()
			for i, p := range procs {
				peak[i] = max(peak[i], peakRSS(p.Process.Pid))
			}
			b.ReportMetric(float64(n)/took.Seconds(), "docs/s")
			b.ReportMetric(slices.Max(peak), "peak-RSS-MB/worker")
			b.ReportMetric(noopThroughput(b, st.redis, n, 4*workers), "noop-tasks/s")
		})
	}
}

// noopThroughput is how many tasks a second asynq itself gets through on this Redis with
// this concurrency, when handling them costs nothing.
func noopThroughput(b *testing.B, rs *testservices.RedisServer, n, concurrency int) float64 {
	opt := asynq.RedisClientOpt{Addr: rs.Addr, DB: 1} // beside the pipeline's data, not in it
	c := asynq.NewClient(opt)
	defer c.Close()
	for i := range n {
		if _, err := c.Enqueue(asynq.NewTask("noop", []byte(strconv.Itoa(i))), asynq.Queue("noop")); err != nil {
			b.Fatal(err)
		}
	}
	var done sync.WaitGroup
	done.Add(n)
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: concurrency, Queues: map[string]int{"noop": 1},
		TaskCheckInterval: 20 * time.Millisecond, LogLevel: asynq.FatalLevel})
	mux := asynq.NewServeMux()
	mux.HandleFunc("noop", func(context.Context, *asynq.Task) error { done.Done(); return nil })
	start := time.Now()
	if err := srv.Start(mux); err != nil {
		b.Fatal(err)
	}
	done.Wait()
	took := time.Since(start)
	srv.Shutdown()
	return float64(n) / took.Seconds()
}

// peakRSS is a process's peak resident set in MB (0 once it is gone).
func peakRSS(pid int) float64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// readyUnder counts the ready sources whose keys start with prefix, from the index.
func readyUnder(st *stack, prefix string) int {
	page, err := st.app.Toolkit.Record().Sources(context.Background(), 1<<30, "", func(s *record.Source) bool {
		return s.Status == record.StatusReady && strings.HasPrefix(s.Key, prefix)
	})
	if err != nil {
		return 0
	}
	return len(page.Items)
}

func writeFile(b *testing.B, path, body string) {
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		b.Fatal(err)
	}
}
