// Package embedded runs the in-process Redis and S3 endpoint behind `repurpose up`, so a
// newcomer sees the whole pipeline with one command, through the production code paths.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3afero"
)

// Redis is an in-process Redis on a loopback port whose clock runs: miniredis never
// expires a key by itself, so claims, sessions, lockouts and the scheduler's leases would
// last forever.
type Redis struct {
	*miniredis.Miniredis
	stop, done chan struct{}
	keep       atomic.Pointer[keeper] // nil: nothing is kept between runs
}

// clockTick is how late, at most, a key expires.
const clockTick = 50 * time.Millisecond

// StartRedis starts an in-process Redis on a free loopback port. It keeps nothing on
// disk unless told what to Keep: `repurpose up` rebuilds its index from S3 at every start.
func StartRedis() (*Redis, error) {
	m := miniredis.NewMiniRedis()
	if err := m.StartAddr("127.0.0.1:0"); err != nil {
		return nil, fmt.Errorf("embedded redis: %w", err)
	}
	r := &Redis{Miniredis: m, stop: make(chan struct{}), done: make(chan struct{})}
	go r.runClock()
	return r, nil
}

func (r *Redis) runClock() {
	defer close(r.done)
	tick := time.NewTicker(clockTick)
	defer tick.Stop()
	last, saved := time.Now(), time.Now()
	for {
		select {
		case <-r.stop:
			return
		case now := <-tick.C:
			r.FastForward(now.Sub(last)) // expires what is due
			last = now
			if k := r.keep.Load(); k != nil && now.Sub(saved) >= keepInterval {
				k.save(r)
				saved = now
			}
		}
	}
}

// Close stops the clock and the server, keeping what it was told to Keep.
func (r *Redis) Close() {
	close(r.stop)
	<-r.done
	if k := r.keep.Load(); k != nil {
		k.save(r)
	}
	r.Miniredis.Close()
}

// S3 is an in-process S3-compatible endpoint whose objects are plain files under a folder.
type S3 struct {
	Endpoint string
	srv      *http.Server
	served   chan error // Serve's result, once it returned
}

// WriteHook is told about every object written successfully, so the embedded endpoint can
// trigger ingestion itself instead of waiting for the periodic scan.
type WriteHook func(bucket, key string)

// StartS3 serves the objects under dir on addr (host:port; port 0 picks a free one) to
// requests signed with accessKey and secretKey, until Close.
func StartS3(dir, addr, accessKey, secretKey string, onWrite WriteHook) (*S3, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	fs, err := s3afero.FsPath(dir, 0)
	if err != nil {
		return nil, fmt.Errorf("embedded s3 folder %s: %w", dir, err)
	}
	backend, err := s3afero.MultiBucket(fs)
	if err != nil {
		return nil, fmt.Errorf("embedded s3: %w", err)
	}
	faker := gofakes3.New(backend, gofakes3.WithAutoBucket(false), gofakes3.WithLogger(gofakes3.DiscardLog()))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("embedded s3 cannot listen on %s: %w", addr, err)
	}
	creds := aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}
	srv := &http.Server{Handler: requireSigV4(notify(faker.Server(), onWrite), creds), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: log.New(io.Discard, "", 0)}
	s := &S3{Endpoint: "http://" + ln.Addr().String(), srv: srv, served: make(chan error, 1)}
	go func() { s.served <- srv.Serve(ln) }()
	return s, nil
}

// Close stops the endpoint: requests in flight may finish until ctx ends, and the
// connections still open then are closed. It returns once the server has stopped.
func (s *S3) Close(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if err != nil {
		s.srv.Close()
	}
	if served := <-s.served; !errors.Is(served, http.ErrServerClosed) {
		return errors.Join(err, served)
	}
	return err
}

// notify calls onWrite after each PUT of an object or completion of a multipart upload
// (path-style requests: /bucket/key). A write that failed is harmless: the hook looks the
// object up before queueing it.
func notify(next http.Handler, onWrite WriteHook) http.Handler {
	if onWrite == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		isPut := r.Method == http.MethodPut && !r.URL.Query().Has("partNumber")
		isComplete := r.Method == http.MethodPost && r.URL.Query().Has("uploadId")
		bucket, key, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		if (isPut || isComplete) && ok && key != "" {
			onWrite(bucket, key)
		}
	})
}
