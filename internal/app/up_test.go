package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/repurpose/repurpose/config"
)

func upConfig(t *testing.T) UpOptions {
	t.Helper()
	t.Setenv("REPURPOSE_CONFIG", "")
	// Port 0: the kernel picks free ports when up listens, so no other test can take them
	// between choosing and binding.
	return UpOptions{DataDir: t.TempDir(), Addr: "127.0.0.1:0", S3Addr: "127.0.0.1:0", Stdout: io.Discard, Stderr: io.Discard}
}

// `repurpose up --once FILE` processes the file, prints what came out and returns by
// itself, leaving no goroutine behind: every component it started has ended.
func TestUpOnceReportsAndLeavesNothingRunning(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	opt := upConfig(t)
	var out bytes.Buffer
	opt.Stdout, opt.Files, opt.Once = &out, []string{"../../samples/whitepaper.en.md"}, true
	cfg, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if err := Up(ctx, cfg, slog.New(slog.DiscardHandler), opt); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "whitepaper.en.md: ready — ") {
		t.Errorf("up --once printed %q", out.String())
	}
}

// A signal (the context ending) stops a running `repurpose up` within the shutdown
// bound, with no error, and every goroutine it started has ended when Up returns.
func TestUpStopsCleanlyOnSignal(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	opt := upConfig(t)
	cfg, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	url, cancel, done := startUp(t, cfg, opt)
	waitOK(t, url+"/healthz")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("up stopped with %v", err)
		}
	case <-time.After(45 * time.Second):
		t.Fatal("up still running 45 s after the signal")
	}
}

// startUp runs Up until cancel is called and returns once it listens, with where the
// toolkit is and the channel its error comes on.
func startUp(t *testing.T, cfg *config.Config, opt UpOptions) (toolkitURL string, cancel func(), done <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	started := make(chan string, 1)
	opt.Started = func(toolkitURL, _ string) { started <- toolkitURL }
	go func() { errc <- Up(ctx, cfg, slog.New(slog.DiscardHandler), opt) }()
	select {
	case toolkitURL = <-started:
	case err := <-errc:
		cancel()
		t.Fatalf("up did not start: %v", err)
	}
	return toolkitURL, cancel, errc
}

// waitOK waits up to 30 s for url to answer 200, on a connection it closes.
func waitOK(t *testing.T, url string) {
	t.Helper()
	client := &http.Client{Timeout: time.Second}
	defer client.CloseIdleConnections()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := client.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s does not answer", url)
		}
	}
}

// `repurpose up` writes DATA/env, readable by its owner only, which a shell sources so
// the CLI reaches the running instance: the calendar reads its Redis, an upload lands in
// its S3 and is processed, and the admin token opens its API. The banner says how.
func TestUpWritesTheCLIEnvironment(t *testing.T) {
	opt := upConfig(t)
	conf := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(conf, []byte("regions:\n  - id: emea\n    locales: [de]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("REPURPOSE_CONFIG", conf)
	var banner syncBuffer
	opt.Stderr = &banner
	cfg, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	toolkitURL, cancel, done := startUp(t, cfg, opt)
	defer func() { cancel(); <-done }()
	ctx := t.Context()

	path := filepath.Join(opt.DataDir, "env")
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v, mode %v", path, err, fi.Mode())
	}
	if want := "source " + path + " && repurpose calendar"; !strings.Contains(banner.String(), want) {
		t.Errorf("the banner does not say %q:\n%s", want, banner.String())
	}
	sh := exec.Command("bash", "-c", `. "$1" && env`, "bash", path)
	sh.Env = []string{"PATH=" + os.Getenv("PATH")}
	out, err := sh.Output()
	if err != nil {
		t.Fatalf("sourcing %s: %v", path, err)
	}
	env := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			env[k] = v
		}
	}
	if env["REPURPOSE_PUBLIC_URL"] != toolkitURL || env["REPURPOSE_CONFIG"] != conf || env["REPURPOSE_ADMIN_TOKEN"] != cfg.Infra.AdminToken {
		t.Errorf("env: %v", env)
	}
	for _, k := range []string{"REPURPOSE_REDIS_URL", "REPURPOSE_S3_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "REPURPOSE_INBOX", "REPURPOSE_TOOLKIT"} {
		t.Setenv(k, env[k])
	}
	t.Setenv("REPURPOSE_ADMIN_TOKEN", env["REPURPOSE_ADMIN_TOKEN"])
	cli, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}

	var cal bytes.Buffer
	if err := Calendar(ctx, cli, slog.New(slog.DiscardHandler), &cal, "", 7, 1); err != nil || !strings.HasPrefix(cal.String(), "emea (UTC)") {
		t.Errorf("calendar: %v\n%s", err, cal.String())
	}
	if err := Upload(ctx, cli, []string{"../../samples/notes.txt"}, "", io.Discard); err != nil {
		t.Fatalf("upload: %v", err)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, env["REPURPOSE_PUBLIC_URL"]+"/api/v1/sources", nil)
	req.Header.Set("Authorization", "Bearer "+env["REPURPOSE_ADMIN_TOKEN"])
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK && strings.Contains(string(body), `"key":"notes.txt"`) && strings.Contains(string(body), `"status":"ready"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the upload was not processed: %d %s", resp.StatusCode, body)
		}
	}
}

// syncBuffer is a buffer up's goroutines may write while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
