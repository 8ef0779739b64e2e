package systemtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/worker"
)

// postEventAnswer posts an event with the events token and decodes serve's answer.
func (st *stack) postEventAnswer(body string) (int, map[string]any) {
	st.t.Helper()
	req, _ := http.NewRequest("POST", st.url+"/events/s3", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testEventsToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	var a map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&a)
	return resp.StatusCode, a
}

func putEvent(key, etag string) string {
	k, _ := json.Marshal(key)
	return `{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"inbox"},"object":{"key":` +
		string(k) + `,"eTag":"` + etag + `","size":1}}}]}`
}

// TestServeRefusesToStartWithAnOpenEventsEndpoint runs serve as a process: without an
// events token it stops at once and says what to set; with the explicit opt-out it
// serves, and warns that anyone may post events.
func TestServeRefusesToStartWithAnOpenEventsEndpoint(t *testing.T) {
	bin := buildBinary(t)
	addr := testservices.FreeAddr(t)
	env := []string{"PATH=/usr/bin:/bin", "REPURPOSE_HTTP_ADDR=" + addr, "REPURPOSE_REDIS_URL=redis://127.0.0.1:1/0",
		"REPURPOSE_S3_ENDPOINT=http://127.0.0.1:1", "AWS_ACCESS_KEY_ID=x", "AWS_SECRET_ACCESS_KEY=y"}

	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("serve started without an events token")
	}
	for _, want := range []string{"REPURPOSE_EVENTS_TOKEN is not set", "REPURPOSE_EVENTS_OPEN=true"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("serve's refusal does not say %q:\n%s", want, out)
		}
	}

	cmd = exec.Command(bin, "serve")
	cmd.Env = append(env, "REPURPOSE_EVENTS_OPEN=true")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	warned := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "level=WARN") && strings.Contains(sc.Text(), "/events/s3 accepts events from anyone") {
				warned <- sc.Text()
			}
		}
		close(warned)
	}()
	st := &stack{t: t, url: "http://" + addr}
	for deadline := time.Now().Add(20 * time.Second); st.get("/healthz") != 200; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("serve with REPURPOSE_EVENTS_OPEN=true did not start")
		}
	}
	if line, ok := <-warned; !ok {
		t.Error("serve opened /events/s3 without a warning")
	} else {
		t.Log(line)
	}
}

// TestForgedEventsNeverUndoAWithdrawal replays the attack: an approved source is
// withdrawn, then an event with a made-up ETag (and, with the processed markers lost, a
// re-delivered real one) arrives. The source stays withdrawn: no public page, no topics
// or feed entries; only a re-run brings it back.
func TestForgedEventsNeverUndoAWithdrawal(t *testing.T) {
	st := newStack(t, true, nil)
	id := st.approvedPaper().Source.ID
	var slug struct{ Source struct{ Slug string } }
	st.api("GET", "/api/v1/sources/"+id, testAdminToken, &slug)
	if code := st.get("/p/" + slug.Source.Slug); code != 200 {
		t.Fatalf("public page of the approved source: HTTP %d", code)
	}
	if code := st.api("POST", "/api/v1/sources/"+id+"/withdraw", testAdminToken, nil); code != 200 {
		t.Fatalf("withdraw: HTTP %d", code)
	}
	withdrawn := func(when string) {
		t.Helper()
		var a sourceAnswer
		st.api("GET", "/api/v1/sources/"+id, testAdminToken, &a)
		var topics struct{ Topics []struct{ ID string } }
		st.api("GET", "/api/v1/topics?limit=1000&source="+id, testContribA, &topics)
		if a.Source.Status != "withdrawn" || len(topics.Topics) != 0 || st.get("/p/"+slug.Source.Slug) != 404 {
			t.Errorf("%s: status %q, %d topics, public page HTTP %d; want withdrawn, 0, 404",
				when, a.Source.Status, len(topics.Topics), st.get("/p/"+slug.Source.Slug))
		}
	}
	withdrawn("after withdrawing")

	code, answer := st.postEventAnswer(putEvent("paper.md", "0123456789abcdef0123456789abcdef"))
	if code != 200 || answer["queued"] != 0.0 {
		t.Errorf("forged ETag: HTTP %d %v, want 200 with nothing queued", code, answer)
	}
	withdrawn("after an event with a made-up ETag")

	// The processed markers are gone (lost, or the same bytes came back under a new
	// ETag): the worker derives the same bytes again, and the withdrawal holds.
	markers := "processed/" + id + "/"
	var lost []string
	st.app.S3.List(t.Context(), "toolkit", markers, func(o s3store.Info) error { lost = append(lost, o.Key); return nil })
	for _, k := range lost {
		if err := st.app.S3.Delete(t.Context(), "toolkit", k); err != nil {
			t.Fatal(err)
		}
	}
	st.redis.FlushAll() // and the finished task with it
	if err := st.app.Reindex(t.Context(), io.Discard); err != nil {
		t.Fatal(err)
	}
	info, err := st.app.S3.Head(t.Context(), "inbox", "paper.md")
	if err != nil {
		t.Fatal(err)
	}
	st.postEventAnswer(putEvent("paper.md", tasks.NormalizeETag(info.ETag)))
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := st.app.S3.Head(t.Context(), "toolkit", markers+tasks.NormalizeETag(info.ETag)+".json"); err == nil {
			break // the worker is done with it
		}
		if time.Now().After(deadline) {
			t.Fatal("the re-delivered event was not processed")
		}
	}
	withdrawn("after the same bytes were processed again")

	if code := st.api("POST", "/api/v1/sources/"+id+"/rerun", testAdminToken, nil); code != http.StatusAccepted {
		t.Fatalf("rerun: HTTP %d", code)
	}
	if again := st.waitSource("paper.md", 30*time.Second); again.Source.Status != "ready" {
		t.Errorf("a re-run did not bring the source back: %q", again.Source.Status)
	}
}

// TestEventsForObjectsNotInTheInboxCreateNothing names keys that were never uploaded,
// with control characters and markup in them: serve ignores them and no source appears.
func TestEventsForObjectsNotInTheInboxCreateNothing(t *testing.T) {
	st := newStack(t, false, nil)
	for _, key := range []string{"<script>alert(1)</script>.md", "a\x00b\x1b[31m.md", "never-uploaded.md"} {
		code, answer := st.postEventAnswer(putEvent(key, "e"))
		if code != 200 || answer["ignored"] != 1.0 || answer["queued"] != 0.0 {
			t.Errorf("event for %q: HTTP %d %v, want it ignored", key, code, answer)
		}
		if code := st.api("GET", "/api/v1/sources/"+sourceID(key), testAdminToken, nil); code != http.StatusNotFound {
			t.Errorf("a source record exists for %q, which is not in the inbox: HTTP %d", key, code)
		}
	}
	var list struct{ Sources []struct{ Key string } }
	st.api("GET", "/api/v1/sources", testAdminToken, &list)
	if len(list.Sources) != 0 {
		t.Errorf("sources listed for objects that are not in the inbox: %+v", list.Sources)
	}
}

// TestOneEventRequestBoundsItsWork sends one object under 100 made-up ETags, and then
// 500 records in one request: the first queues the object once, the second is refused.
func TestOneEventRequestBoundsItsWork(t *testing.T) {
	st := newStack(t, false, nil)
	if _, err := st.app.S3.Put(t.Context(), "inbox", "paper.md", []byte("# A paper\n\nSome words.\n"), "text/markdown"); err != nil {
		t.Fatal(err)
	}
	records := func(n int) string {
		r := make([]string, n)
		for i := range r {
			r[i] = fmt.Sprintf(`{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"inbox"},"object":{"key":"paper.md","eTag":"%032x"}}}`, i)
		}
		return `{"Records":[` + strings.Join(r, ",") + `]}`
	}
	code, answer := st.postEventAnswer(records(100))
	if code != 200 || answer["queued"].(float64) > 1 {
		t.Errorf("100 records of one object: HTTP %d %v, want it queued at most once", code, answer)
	}
	big := records(500)
	code, answer = st.postEventAnswer(big)
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("500 records in %d KB: HTTP %d %v, want 413", len(big)/1024, code, answer)
	}
	var list struct{ Sources []struct{ Status string } }
	st.api("GET", "/api/v1/sources", testAdminToken, &list)
	if len(list.Sources) != 1 {
		t.Errorf("%d sources, want the one object", len(list.Sources))
	}
}

// TestMissingOutboxBucketIsReportedAtStart configures an outbox on a bucket that does
// not exist: the worker stops at start naming the setting, instead of leaving every post
// for it waiting with "cannot write".
func TestMissingOutboxBucketIsReportedAtStart(t *testing.T) {
	st := newStack(t, false, func(c *config.Config) {
		c.File.Accounts = map[string]config.Account{"cms": {Type: "outbox", Settings: map[string]string{"bucket": "no-such-bucket"}}}
	})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	err := st.runWorker(ctx, worker.Options{PollInterval: 20 * time.Millisecond})
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), "accounts.cms.bucket") || !strings.Contains(err.Error(), "s3://no-such-bucket") {
		t.Fatalf("worker with an outbox on a missing bucket: %v (want a start error naming accounts.cms.bucket)", err)
	}
	t.Log(err)
}
