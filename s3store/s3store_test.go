package s3store

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"go.uber.org/goleak"

	"github.com/repurpose/repurpose/internal/testservices"
)

// slowProxy forwards TCP to a server, holding every answer back by delay: a slow S3.
type slowProxy struct {
	ln    net.Listener
	to    string
	delay time.Duration
	wg    sync.WaitGroup
}

func newSlowProxy(t *testing.T, to string, delay time.Duration) *slowProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &slowProxy{ln: ln, to: to, delay: delay}
	p.wg.Add(1)
	go p.serve()
	return p
}

func (p *slowProxy) serve() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer c.Close()
			s, err := net.Dial("tcp", p.to)
			if err != nil {
				return
			}
			defer s.Close()
			go func() { io.Copy(s, c); s.Close() }()
			time.Sleep(p.delay) // the answer waits
			io.Copy(c, s)
		}()
	}
}

func (p *slowProxy) close() {
	p.ln.Close()
	p.wg.Wait()
}

// A slow S3 never holds a caller past its context: every call returns by its deadline
// with the context's error, and nothing is left running afterwards (goleak).
func TestSlowS3HonoursDeadlinesAndLeaksNothing(t *testing.T) {
	s3srv := testservices.S3(t, testservices.S3Options{Buckets: []string{"slow"}})
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	proxy := newSlowProxy(t, s3srv.Addr, 3*time.Second)
	// No keep-alive: an idle pooled connection is not a leak, but goleak cannot tell.
	noPool := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	store := FromAWS(aws.Config{Region: "us-east-1", RetryMaxAttempts: 1, HTTPClient: noPool,
		Credentials: credentials.NewStaticCredentialsProvider(s3srv.AccessKey, s3srv.SecretKey, "")}, "http://"+proxy.ln.Addr().String())
	calls := map[string]func(ctx context.Context) error{
		"get":  func(ctx context.Context) error { _, err := store.Get(ctx, "slow", "k", 0); return err },
		"head": func(ctx context.Context) error { _, err := store.Head(ctx, "slow", "k"); return err },
		"put": func(ctx context.Context) error {
			_, err := store.Put(ctx, "slow", "k", []byte("x"), "text/plain")
			return err
		},
		"list": func(ctx context.Context) error { return store.List(ctx, "slow", "", func(Info) error { return nil }) },
	}
	for name, call := range calls {
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		start := time.Now()
		err := call(ctx)
		cancel()
		if took := time.Since(start); took > 1500*time.Millisecond || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s through a 3 s slow S3 with a 300 ms deadline: %v after %s, want the deadline's error in time", name, err, took)
		}
	}
	proxy.close()
}
