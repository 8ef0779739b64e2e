package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
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
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	started := make(chan string, 1)
	opt.Started = func(toolkitURL, _ string) { started <- toolkitURL }
	go func() { done <- Up(ctx, cfg, slog.New(slog.DiscardHandler), opt) }()
	select {
	case url := <-started:
		waitOK(t, url+"/healthz")
	case err := <-done:
		t.Fatalf("up did not start: %v", err)
	}
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
