package systemtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// TestWorkerKilledMidBatchLosesAndDuplicatesNothing SIGKILLs a worker process while it
// works through a batch, starts another, and checks every document ends ready exactly once.
func TestWorkerKilledMidBatchLosesAndDuplicatesNothing(t *testing.T) {
	t.Parallel() // it mostly waits on a fault; another such test runs beside it
	if testing.Short() {
		t.Skip("waits for asynq to recover the killed worker's tasks")
	}
	st := newStack(t, false, nil)
	bin := buildBinary(t)
	cfgFile := filepath.Join(t.TempDir(), "repurpose.yaml")
	os.WriteFile(cfgFile, []byte("limits:\n  worker_concurrency: 2\nbrand:\n  cards: {off: true}\n"), 0o644)
	env := append(st.s3.Environ(), "REPURPOSE_REDIS_URL="+st.redis.URL, "REPURPOSE_S3_ENDPOINT="+st.s3.Endpoint,
		"REPURPOSE_CONFIG="+cfgFile, "REPURPOSE_PUBLIC_URL="+st.url)
	startWorker := func() *exec.Cmd {
		cmd := exec.Command(bin, "worker")
		cmd.Env = env
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd
	}

	sample, _ := os.ReadFile("../samples/whitepaper.en.md")
	const n = 30
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("batch/paper-%02d.md", i)
		body := fmt.Appendf(append([]byte{}, sample...), "\n\nEdition %d adds %d%% more detail to the findings.\n", i, i+10)
		if _, err := st.app.S3.Put(t.Context(), "inbox", keys[i], body, "text/markdown"); err != nil {
			t.Fatal(err)
		}
	}
	first := startWorker()
	// Kill it once some, but not all, are done.
	deadline := time.Now().Add(60 * time.Second)
	for ready(st, keys) < 3 {
		if time.Now().After(deadline) {
			t.Fatal("the first worker made no progress")
		}
		time.Sleep(10 * time.Millisecond)
	}
	syscall.Kill(-first.Process.Pid, syscall.SIGKILL)
	first.Wait()
	killedAt := ready(st, keys)
	t.Logf("killed the worker with %d of %d ready", killedAt, n)
	if killedAt == n {
		t.Fatal("the batch finished before the kill; the test proves nothing")
	}
	startWorker()
	for _, k := range keys {
		if a := st.waitSource(k, 120*time.Second); a.Source.Status != "ready" || len(a.Source.Superseded) != 0 {
			t.Errorf("%s: status %q superseded %v", k, a.Source.Status, a.Source.Superseded)
		}
	}
	// The record holds exactly one bundle and one processed marker per document. A
	// source shows ready just before its marker is written: a task killed between the two
	// writes its marker when asynq hands it out again, once its lease has expired (up to
	// a minute and a half after the kill), however long ago its source showed ready.
	for prefix, want := range map[string]int{"bundles/": n, "processed/": n} {
		got := 0
		for deadline := time.Now().Add(120 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			got = 0
			err := st.app.S3.List(t.Context(), "toolkit", prefix, func(s3store.Info) error {
				got++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got >= want || time.Now().After(deadline) {
				break
			}
		}
		if got != want {
			t.Errorf("%s holds %d objects, want %d", prefix, got, want)
		}
	}
}

func ready(st *stack, keys []string) int {
	n := 0
	for _, k := range keys {
		s, err := st.app.Toolkit.Record().Source(st.t.Context(), tasks.SourceID("inbox", k))
		if err == nil && s.Status == "ready" {
			n++
		}
	}
	return n
}
