package testservices

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// S3Options configures S3. The zero value is a gateway with no buckets and no webhook.
type S3Options struct {
	// WebhookURL, when set, is passed as --event-webhook-url: versitygw POSTs an
	// s3:TestEvent there at start-up and refuses to start when nothing listens, so the
	// listener must be up before S3 is called. Events are sent once, without retry, each in
	// its own goroutine (so not necessarily in order).
	WebhookURL string
	// Buckets are created (with the SDK) once the gateway answers.
	Buckets []string
	// AccessKey and SecretKey are the root credentials; empty means
	// "repurpose-test" / "repurpose-test-secret".
	AccessKey, SecretKey string
	// Sidecar stores object metadata (ETags, content types, user metadata) in a sidecar
	// folder instead of user.* xattrs. False means: xattrs where the data folder supports
	// them, the sidecar where it does not.
	Sidecar bool
}

// S3Server is a versitygw gateway with the posix backend over a temp folder, started for
// one test on a free loopback port. Port, folder and credentials stay the same across Stop
// and Start, and so do the objects (they are files under Dir).
type S3Server struct {
	Endpoint  string // "http://127.0.0.1:P"
	Addr      string // "127.0.0.1:P"
	Port      int
	AccessKey string
	SecretKey string
	Region    string // "us-east-1"
	// Dir is the gateway's root: bucket b, key k is the file Dir/b/k.
	Dir string
	// MetaDir is the sidecar metadata folder, or "" when metadata is kept in xattrs.
	MetaDir string
	// Args are the versitygw command-line arguments in use.
	Args []string

	t   testing.TB
	bin string

	mu   sync.Mutex // guards proc
	proc *process
	out  tailBuffer
}

// VersitygwBinary finds versitygw: $REPURPOSE_VERSITYGW, then
// $HOME/.cache/repurpose/bin/versitygw, then $PATH.
func VersitygwBinary() (string, error) {
	if p := os.Getenv("REPURPOSE_VERSITYGW"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("versitygw %w: $REPURPOSE_VERSITYGW=%s: %v", errNotInstalled, p, err)
		}
		return p, nil
	}
	if home, err := os.UserHomeDir(); err == nil {
		p := filepath.Join(home, ".cache", "repurpose", "bin", "versitygw")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	p, err := exec.LookPath("versitygw")
	if err != nil {
		return "", fmt.Errorf("versitygw %w ($REPURPOSE_VERSITYGW unset, not in $HOME/.cache/repurpose/bin, not in $PATH)", errNotInstalled)
	}
	return p, nil
}

// S3 starts a versitygw gateway for t (posix backend on a temp folder), waits until it
// answers ListBuckets, creates opts.Buckets and returns it. It is stopped when the test
// ends. Without versitygw the test is skipped (failed under CI); a versitygw that is there
// but does not start (for instance because nothing listens at WebhookURL) fails the test.
func S3(t testing.TB, opts S3Options) *S3Server {
	t.Helper()
	s, err := startS3(t, opts)
	requireStarted(t, "versitygw", err)
	for _, b := range opts.Buckets {
		s.CreateBucket(b)
	}
	return s
}

func startS3(t testing.TB, opts S3Options) (*S3Server, error) {
	bin, err := VersitygwBinary()
	if err != nil {
		return nil, err
	}
	s := &S3Server{
		t:         t,
		bin:       bin,
		AccessKey: opts.AccessKey,
		SecretKey: opts.SecretKey,
		Region:    "us-east-1",
		Dir:       t.TempDir(),
	}
	if s.AccessKey == "" {
		s.AccessKey = "repurpose-test"
	}
	if s.SecretKey == "" {
		s.SecretKey = "repurpose-test-secret"
	}
	sidecar := opts.Sidecar
	if !sidecar {
		if err := probeXattr(s.Dir); err != nil {
			t.Logf("testservices: %s has no user xattrs (%v); versitygw keeps metadata in a sidecar folder", s.Dir, err)
			sidecar = true
		}
	}
	if sidecar {
		s.MetaDir = t.TempDir()
	}
	t.Cleanup(s.Stop)

	for attempt := 1; ; attempt++ {
		if s.Port, err = freePort(); err != nil {
			return nil, err
		}
		s.Addr = "127.0.0.1:" + strconv.Itoa(s.Port)
		s.Endpoint = "http://" + s.Addr
		s.Args = s.args(opts.WebhookURL)
		err = s.start()
		if err == nil {
			return s, nil
		}
		switch {
		case errors.Is(err, errAddrInUse) && attempt < portAttempts:
			continue
		case errors.Is(err, errNoXattr) && s.MetaDir == "":
			// versitygw's own check says no; the probe above could not tell.
			t.Logf("testservices: versitygw refused xattrs on %s; retrying with a sidecar folder", s.Dir)
			s.MetaDir = t.TempDir()
			continue
		}
		return nil, err
	}
}

var errNoXattr = errors.New("no xattr support")

func (s *S3Server) args(webhook string) []string {
	args := []string{
		"--access", s.AccessKey,
		"--secret", s.SecretKey,
		"--region", s.Region,
		"--port", s.Addr,
		"--quiet",
	}
	if webhook != "" {
		args = append(args, "--event-webhook-url", webhook)
	}
	args = append(args, "posix")
	if s.MetaDir != "" {
		args = append(args, "--sidecar", s.MetaDir)
	}
	return append(args, s.Dir)
}

// start runs versitygw and waits until it answers ListBuckets.
func (s *S3Server) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc != nil && !s.proc.exited() {
		return nil
	}
	mark := len(s.out.String())
	// Its working directory does not matter (the posix backend chdirs to its root).
	p, err := startProcess("versitygw", s.bin, s.Args, s.Dir, &s.out)
	if err != nil {
		return err
	}
	client := s.newClient()
	err = p.waitReady(func(ctx context.Context) error {
		_, err := client.ListBuckets(ctx, &s3.ListBucketsInput{})
		return err
	})
	if err != nil {
		p.stop()
		out := s.out.String()
		if len(out) >= mark {
			out = out[mark:]
		}
		switch {
		case addrInUse(out):
			return fmt.Errorf("%w: %v", errAddrInUse, err)
		case strings.Contains(out, "xattr"):
			return fmt.Errorf("%w: %v", errNoXattr, err)
		}
		return err
	}
	s.proc = p
	return nil
}

// Start starts the gateway again after Stop, on the same port, folder and credentials
// (objects survive). With a webhook, its listener must be up. It fails the test if the
// gateway does not come up.
func (s *S3Server) Start() {
	s.t.Helper()
	if err := s.start(); err != nil {
		s.t.Fatalf("restart versitygw: %v", err)
	}
}

// Stop stops the gateway (SIGTERM, then SIGKILL of its process group). Clients see
// connection errors until Start. Stopping a stopped gateway does nothing.
func (s *S3Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.proc.stop()
}

// Restart is Stop then Start.
func (s *S3Server) Restart() {
	s.t.Helper()
	s.Stop()
	s.Start()
}

// Client returns an aws-sdk-go-v2 S3 client for the gateway, set up as DESIGN.md says for
// non-AWS S3: BaseEndpoint, path-style addressing, checksums only when required. It reads
// nothing from the environment or ~/.aws (so AWS_CA_BUNDLE and profiles do not matter).
// The SDK's default retries apply.
func (s *S3Server) Client() *s3.Client { return s.client(0) }

// newClient is Client without retries: a probe or setup call that fails says so at once.
func (s *S3Server) newClient() *s3.Client { return s.client(1) }

// client builds a client; maxAttempts 0 means the SDK's default.
func (s *S3Server) client(maxAttempts int) *s3.Client {
	return s3.New(s3.Options{
		Region:                     s.Region,
		BaseEndpoint:               aws.String(s.Endpoint),
		UsePathStyle:               true,
		Credentials:                credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, ""),
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
		RetryMaxAttempts:           maxAttempts,
	})
}

// CreateBucket creates a bucket, failing the test on error.
func (s *S3Server) CreateBucket(name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := s.newClient().CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		s.t.Fatalf("create bucket %q on versitygw: %v%s", name, err, formatTail("versitygw", s.out.String()))
	}
}

// Env is the environment for a subprocess that talks to the gateway, such as the AWS CLI:
// credentials, region, checksums only when required, no profile or config files, and
// AWS_CA_BUNDLE cleared (this machine sets it, and it breaks plain-http clients). Append it
// to os.Environ() (with os/exec the last value of a variable wins), or use Environ, which
// also drops the caller's AWS_PROFILE and AWS_SESSION_TOKEN. AWS_ENDPOINT_URL is set
// too, but Debian 12's aws-cli 2.9 predates it: pass --endpoint-url s.Endpoint as well.
func (s *S3Server) Env() []string {
	return []string{
		"AWS_ACCESS_KEY_ID=" + s.AccessKey,
		"AWS_SECRET_ACCESS_KEY=" + s.SecretKey,
		"AWS_REGION=" + s.Region,
		"AWS_DEFAULT_REGION=" + s.Region,
		"AWS_ENDPOINT_URL=" + s.Endpoint,
		"AWS_CA_BUNDLE=",
		"AWS_CONFIG_FILE=" + os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE=" + os.DevNull,
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_REQUEST_CHECKSUM_CALCULATION=when_required",
		"AWS_RESPONSE_CHECKSUM_VALIDATION=when_required",
		"AWS_PAGER=",
	}
}

// Environ is os.Environ() without any AWS_* variable, plus Env: the whole environment for
// a subprocess (exec.Cmd.Env) that must see this gateway and nothing of the caller's AWS
// set-up (profiles, session tokens, CA bundles).
func (s *S3Server) Environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env, s.Env()...)
}

// Output is the tail of what the gateway printed, for failure messages.
func (s *S3Server) Output() string { return s.out.String() }

// AWSCLI returns the path of the AWS CLI: Debian's /usr/bin/aws (v2) first — $PATH may
// hold an older v1 ahead of it — then $PATH. It skips the test (fails it under CI) when there
// is none. Use it with Env and --endpoint-url.
func AWSCLI(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/aws"); err == nil {
		return "/usr/bin/aws"
	}
	p, err := exec.LookPath("aws")
	Require(t, "aws", err)
	return p
}
