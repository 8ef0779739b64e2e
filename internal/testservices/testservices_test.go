package testservices

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/redis/go-redis/v9"
)

func TestRedis(t *testing.T) {
	r := NewRedis(t)
	if !strings.HasPrefix(r.URL, "redis://127.0.0.1:") || !strings.HasSuffix(r.URL, "/0") {
		t.Fatalf("URL = %q", r.URL)
	}
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opt)
	ctx := context.Background()
	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, "k").Result(); err != nil || got != "v" {
		t.Fatalf("GET k = %q, %v", got, err)
	}

	r.FlushAll()
	if err := c.Get(ctx, "k").Err(); !errors.Is(err, redis.Nil) {
		t.Fatalf("after FLUSHALL: GET k err = %v, want redis.Nil", err)
	}

	c.Set(ctx, "k", "v", 0)
	c.Close()
	r.Stop()
	if err := ping(ctx, r.Addr); err == nil {
		t.Fatal("PING answered after Stop")
	}
	r.Start()
	c = r.Client()
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("PING after Start: %v", err)
	}
	if err := c.Get(ctx, "k").Err(); !errors.Is(err, redis.Nil) {
		t.Fatalf("after restart: GET k err = %v, want redis.Nil (no persistence)", err)
	}
}

// webhook records the bodies POSTed to it.
type webhook struct {
	srv    *httptest.Server
	bodies chan []byte
}

func newWebhook(t *testing.T) *webhook {
	w := &webhook{bodies: make(chan []byte, 100)}
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("webhook got %s with Content-Type %q", r.Method, r.Header.Get("Content-Type"))
		}
		if r.URL.Query().Get("token") != "s3cret" {
			t.Errorf("webhook got query %q, want token=s3cret", r.URL.RawQuery)
		}
		w.bodies <- b
		rw.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(w.srv.Close)
	return w
}

// next returns the next body matching ok, or fails the test after a few seconds.
func (w *webhook) next(t *testing.T, what string, ok func(body []byte) bool) []byte {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case b := <-w.bodies:
			if ok(b) {
				return b
			}
			t.Logf("webhook: skipping %s", b)
		case <-timeout:
			t.Fatalf("no %s reached the webhook", what)
		}
	}
}

// event is the part of a versitygw notification the tests look at.
type event struct {
	Records []struct {
		EventName string `json:"eventName"`
		S3        struct {
			Bucket struct {
				Name string `json:"name"`
			} `json:"bucket"`
			Object struct {
				Key  string `json:"key"`
				Size int64  `json:"size"`
				ETag string `json:"eTag"`
			} `json:"object"`
		} `json:"s3"`
	} `json:"Records"`
}

func isTestEvent(b []byte) bool {
	var m map[string]string
	return json.Unmarshal(b, &m) == nil && m["Event"] == "s3:TestEvent"
}

func putEventFor(key string) func([]byte) bool {
	return func(b []byte) bool {
		var ev event
		return json.Unmarshal(b, &ev) == nil && len(ev.Records) == 1 &&
			ev.Records[0].EventName == "s3:ObjectCreated:Put" && ev.Records[0].S3.Object.Key == key
	}
}

func indent(b []byte) string {
	var buf bytes.Buffer
	if json.Indent(&buf, b, "", "  ") != nil {
		return string(b)
	}
	return buf.String()
}

func TestS3PutGetAndEvents(t *testing.T) {
	hook := newWebhook(t)
	s := S3(t, S3Options{WebhookURL: hook.srv.URL + "/events/s3?token=s3cret", Buckets: []string{"inbox", "toolkit"}})
	t.Logf("versitygw %s", strings.Join(s.Args, " "))

	testEv := hook.next(t, "s3:TestEvent", isTestEvent)
	t.Logf("s3:TestEvent body as sent:\n%s", testEv)

	ctx := context.Background()
	c := s.Client()
	key := "papers/Q3 report+notes ü.md" // keys with spaces, '+' and non-ASCII show the encoding
	body := []byte("# Q3\n\nHello, world.\n")
	put, err := c.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("inbox"), Key: aws.String(key),
		Body: bytes.NewReader(body), ContentType: aws.String("text/markdown"),
	})
	if err != nil {
		t.Fatalf("PutObject: %v%s", err, formatTail("versitygw", s.Output()))
	}
	got, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("inbox"), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("GetObject: %v", err)
	}
	data, _ := io.ReadAll(got.Body)
	got.Body.Close()
	if !bytes.Equal(data, body) {
		t.Fatalf("GetObject = %q, want %q", data, body)
	}
	if aws.ToString(got.ETag) != aws.ToString(put.ETag) || aws.ToString(got.ContentType) != "text/markdown" {
		t.Fatalf("GetObject ETag %s, Content-Type %s; PutObject ETag %s",
			aws.ToString(got.ETag), aws.ToString(got.ContentType), aws.ToString(put.ETag))
	}
	if _, err := os.Stat(filepath.Join(s.Dir, "inbox", filepath.FromSlash(key))); err != nil {
		t.Fatalf("object is not a file under Dir: %v", err)
	}

	raw := hook.next(t, "s3:ObjectCreated:Put event", putEventFor(key))
	t.Logf("PutObject event body:\n%s", indent(raw))
	var ev event
	if err := json.Unmarshal(raw, &ev); err != nil {
		t.Fatal(err)
	}
	r := ev.Records[0]
	if r.S3.Bucket.Name != "inbox" || r.S3.Object.Size != int64(len(body)) {
		t.Errorf("event bucket %q size %d", r.S3.Bucket.Name, r.S3.Object.Size)
	}
	// DESIGN.md: versitygw's keys are not URL-encoded and its ETags keep their quotes.
	t.Logf("event eTag %s, PutObject ETag %s", r.S3.Object.ETag, aws.ToString(put.ETag))

	// Objects survive a restart; the gateway sends its test event again.
	s.Restart()
	hook.next(t, "s3:TestEvent after restart", isTestEvent)
	if _, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("inbox"), Key: aws.String(key)}); err != nil {
		t.Fatalf("HeadObject after restart: %v", err)
	}
}

func TestS3Sidecar(t *testing.T) {
	s := S3(t, S3Options{Sidecar: true, Buckets: []string{"toolkit"}})
	if s.MetaDir == "" {
		t.Fatal("MetaDir empty with Sidecar")
	}
	ctx := context.Background()
	c := s.Client()
	put, err := c.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("toolkit"), Key: aws.String("a/b.json"),
		Body: strings.NewReader(`{}`), ContentType: aws.String("application/json"),
	})
	if err != nil {
		t.Fatalf("PutObject: %v%s", err, formatTail("versitygw", s.Output()))
	}
	s.Restart()
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("toolkit"), Key: aws.String("a/b.json")})
	if err != nil {
		t.Fatalf("HeadObject: %v", err)
	}
	if aws.ToString(head.ETag) != aws.ToString(put.ETag) || aws.ToString(head.ContentType) != "application/json" {
		t.Fatalf("after restart: ETag %s Content-Type %s, want %s application/json",
			aws.ToString(head.ETag), aws.ToString(head.ContentType), aws.ToString(put.ETag))
	}
}

func TestAWSCLI(t *testing.T) {
	aws := AWSCLI(t)
	hook := newWebhook(t)
	s := S3(t, S3Options{WebhookURL: hook.srv.URL + "/events/s3?token=s3cret", Buckets: []string{"inbox"}})
	hook.next(t, "s3:TestEvent", isTestEvent)

	src := filepath.Join(t.TempDir(), "paper.md")
	if err := os.WriteFile(src, []byte("# Paper\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"s3", "cp", src, "s3://inbox/drop/paper one.md"},
		{"s3", "ls", "s3://inbox/drop/"},
	} {
		cmd := exec.Command(aws, append([]string{"--endpoint-url", s.Endpoint}, args...)...)
		cmd.Env = s.Environ()
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("aws %s: %v\n%s%s", strings.Join(args, " "), err, out, formatTail("versitygw", s.Output()))
		}
		t.Logf("aws %s:\n%s", strings.Join(args, " "), out)
	}
	raw := hook.next(t, "event for aws s3 cp", putEventFor("drop/paper one.md"))
	t.Logf("event for `aws s3 cp`:\n%s", indent(raw))
}

func TestRequireSkipsOutsideCI(t *testing.T) {
	t.Setenv("CI", "")
	ran := false
	t.Run("inner", func(t *testing.T) {
		defer func() { ran = true }()
		Require(t, "redis", errors.New("not installed"))
		t.Error("Require did not stop the test")
	})
	if !ran {
		t.Fatal("inner test did not run")
	}
}
