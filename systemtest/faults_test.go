package systemtest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/s3store"
)

// faultSeconds is how long an outage lasts: short in CI, REPURPOSE_FAULT_SECONDS (60 in
// scripts/chaos.sh) for the full run.
func faultSeconds() time.Duration {
	if n, err := strconv.Atoi(os.Getenv("REPURPOSE_FAULT_SECONDS")); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 8 * time.Second
}

// putPapers writes n variants of the sample whitepaper into the inbox and returns their keys.
func putPapers(t *testing.T, st *stack, n int, prefix string) []string {
	t.Helper()
	sample, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("%s/paper-%02d.md", prefix, i)
		body := fmt.Appendf(append([]byte{}, sample...), "\n\nEdition %d adds %d%% more detail to the findings.\n", i, i+10)
		if _, err := st.app.S3.Put(t.Context(), "inbox", keys[i], body, "text/markdown"); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// countObjects counts the toolkit's objects under prefix.
func countObjects(t *testing.T, st *stack, prefix string) int {
	n := 0
	if err := st.app.S3.List(t.Context(), "toolkit", prefix, func(s3store.Info) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRedisRestartDuringProcessingLosesNothing restarts redis-server (append-only file on,
// as deployed) while a worker is working through a batch: the worker reconnects and every
// document ends ready once, with one bundle and one processed marker each. S3 events that
// arrive while Redis is down are answered 503 and not retried by versitygw; the
// scheduler's inbox scan (here every second) queues them.
func TestRedisRestartDuringProcessingLosesNothing(t *testing.T) {
	t.Parallel() // it mostly waits on a fault; another such test runs beside it
	st := newStackOn(t, testservices.NewRedisAOF(t), true, nil)
	st.startScheduler(time.Second)
	keys := putPapers(t, st, 60, "redis-restart")
	for deadline := time.Now().Add(60 * time.Second); ready(st, keys) < 3; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no progress before the restart")
		}
	}
	st.redis.Restart()
	t.Logf("restarted redis-server with %d of %d ready", ready(st, keys), len(keys))
	for _, k := range keys {
		if a := st.waitSource(k, 120*time.Second); a.Source.Status != "ready" {
			t.Errorf("%s: %s %s", k, a.Source.Status, a.Source.Error)
		}
	}
	for _, prefix := range []string{"bundles/", "processed/"} {
		for deadline := time.Now().Add(10 * time.Second); countObjects(t, st, prefix) < len(keys) && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
		}
		if n := countObjects(t, st, prefix); n != len(keys) {
			t.Errorf("%s holds %d objects, want %d", prefix, n, len(keys))
		}
	}
}

// TestS3OutageIsWaitedOut stops versitygw while documents wait to be processed: /readyz
// says S3 is missing, the sources say they are queued, the worker retries with backoff,
// and once S3 is back every document is ready.
func TestS3OutageIsWaitedOut(t *testing.T) {
	t.Parallel() // it mostly waits on a fault; another such test runs beside it
	st := newStack(t, false, nil)
	keys := putPapers(t, st, 5, "s3-outage")
	for _, k := range keys {
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			var a sourceAnswer
			if st.api("GET", "/api/v1/sources/"+sourceID(k), testAdminToken, &a) == 200 && a.Source.Status == "queued" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s was not queued", k)
			}
		}
	}
	st.s3.Stop()
	outage := faultSeconds()
	st.startWorker(t.Context())
	res, err := http.Get(st.url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	fmt.Fprint(&body, res.Status)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz during the outage: %s, want 503 naming S3", body.String())
	}
	time.Sleep(outage)
	for _, k := range keys {
		var a sourceAnswer
		st.api("GET", "/api/v1/sources/"+sourceID(k), testAdminToken, &a)
		if a.Source.Status != "queued" && a.Source.Status != "processing" {
			t.Errorf("%s during the outage: %q (%s), want it waiting", k, a.Source.Status, a.Source.Error)
		}
	}
	st.s3.Start()
	t.Logf("S3 back after %s", outage)
	for _, k := range keys {
		if a := st.waitSource(k, 2*time.Minute); a.Source.Status != "ready" {
			t.Errorf("%s after the outage: %s %s", k, a.Source.Status, a.Source.Error)
		}
	}
}

// TestNoServerSideFetchOfDocumentURLs ingests documents full of links and images to a
// server the test watches: nothing the pipeline does fetches any of them.
func TestNoServerSideFetchOfDocumentURLs(t *testing.T) {
	var hits atomic.Int64
	trap := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(trap.Close)
	st := newStack(t, true, nil)
	dir := t.TempDir()
	md := fmt.Sprintf("# Links everywhere\n\n![chart](%[1]s/chart.png) The launch doubles the reach of every campaign planned with partners. "+
		"Read [the report](%[1]s/report) and see <%[1]s/autolink>.\n\n<img src=\"%[1]s/img.gif\"> <iframe src=\"%[1]s/frame\"></iframe> "+
		"Teams ship 3 times faster when the toolkit drafts the posts.\n", trap.URL)
	html := fmt.Sprintf(`<html><head><link rel="stylesheet" href="%[1]s/css"><meta property="og:image" content="%[1]s/og.png"></head>`+
		`<body><article><h1>Page</h1><p>The launch doubles the reach of every campaign. <img src="%[1]s/a.png"></p>`+
		`<p>Read <a href="%[1]s/more">more</a> about how 3 teams ship faster.</p><script src="%[1]s/x.js"></script></article></body></html>`, trap.URL)
	for name, body := range map[string]string{"links.md": md, "links.html": html} {
		path := filepath.Join(dir, name)
		writeTestFile(t, path, body)
		st.awsCp(path, name)
		if a := st.waitSource(name, 30*time.Second); a.Source.Status != "ready" {
			t.Fatalf("%s: %s %s", name, a.Source.Status, a.Source.Error)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the pipeline fetched %d URLs found in documents", n)
	}
}

// TestSecretsNeverReachTheLogs runs serve and a worker as processes with every kind of
// secret set, calls them with tokens in headers and query strings, and reads their logs.
func TestSecretsNeverReachTheLogs(t *testing.T) {
	st := newStack(t, false, nil)
	bin := buildBinary(t)
	const (
		eventsToken = "events-token-XYZ-123"
		adminToken  = "admin-token-ABC-456"
		hookSecret  = "hook-secret-DEF-789"
		tokenKey    = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
	)
	cfgFile := filepath.Join(t.TempDir(), "repurpose.yaml")
	writeTestFile(t, cfgFile, "accounts:\n  hook: {type: webhook, url: \"http://127.0.0.1:9/x\", secret_env: HOOK_SECRET}\n")
	addr := testservices.FreeAddr(t)
	env := append(st.s3.Environ(), "REPURPOSE_REDIS_URL="+st.redis.URL, "REPURPOSE_S3_ENDPOINT="+st.s3.Endpoint,
		"REPURPOSE_CONFIG="+cfgFile, "REPURPOSE_EVENTS_TOKEN="+eventsToken, "REPURPOSE_ADMIN_TOKEN="+adminToken,
		"HOOK_SECRET="+hookSecret, "REPURPOSE_TOKEN_KEY="+tokenKey, "REPURPOSE_LOG_LEVEL=debug",
		"REPURPOSE_HTTP_ADDR="+addr, "REPURPOSE_PUBLIC_URL=http://"+addr)
	var logs [2]bytes.Buffer
	var cmds []*exec.Cmd
	for i, role := range []string{"serve", "worker"} {
		cmd := exec.Command(bin, role)
		cmd.Env, cmd.Stdout, cmd.Stderr = env, &logs[i], &logs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		cmds = append(cmds, cmd)
	}
	base := "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not start")
		}
	}
	for _, req := range []struct{ method, path, auth string }{
		{"POST", "/events/s3?token=" + eventsToken, ""},
		{"POST", "/events/s3", "Bearer " + eventsToken},
		{"GET", "/api/v1/sources", "Bearer " + adminToken},
		{"GET", "/api/v1/sources?token=" + adminToken, ""},
		{"GET", "/calendar/none.ics?token=" + adminToken, ""},
		{"GET", "/oauth/callback?code=" + hookSecret + "&state=" + tokenKey, ""},
	} {
		r, _ := http.NewRequest(req.method, base+req.path, strings.NewReader(`{"Records":[]}`))
		if req.auth != "" {
			r.Header.Set("Authorization", req.auth)
		}
		if res, err := http.DefaultClient.Do(r); err == nil {
			res.Body.Close()
		}
	}
	time.Sleep(500 * time.Millisecond)
	for _, cmd := range cmds {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}
	all := logs[0].String() + logs[1].String()
	if !strings.Contains(all, "/events/s3") || !strings.Contains(all, "worker started") {
		t.Fatalf("the logs do not show the requests and the worker, so they prove nothing:\n%s", all)
	}
	for _, secret := range []string{eventsToken, adminToken, hookSecret, tokenKey} {
		if strings.Contains(all, secret) {
			t.Errorf("a secret (%s…) is in the logs:\n%s", secret[:8], all)
		}
	}
}

// TestWebhookDownDuringUploadsIsCaughtByTheScan takes the events endpoint down while
// documents are uploaded (versitygw does not retry a failed webhook), then brings it back:
// the scheduler's inbox scan queues every one of them, once.
func TestWebhookDownDuringUploadsIsCaughtByTheScan(t *testing.T) {
	t.Parallel() // it mostly waits on a fault; another such test runs beside it
	st := newStack(t, true, nil)
	st.eventsDown.Store(true)
	keys := putPapers(t, st, 10, "webhook-down")
	time.Sleep(500 * time.Millisecond)
	if n := readyUnder(st, "webhook-down/"); n != 0 {
		t.Fatalf("%d documents got through while the webhook was down: the scenario proves nothing", n)
	}
	st.eventsDown.Store(false)
	st.startScheduler(time.Second)
	for _, k := range keys {
		if a := st.waitSource(k, 60*time.Second); a.Source.Status != "ready" {
			t.Errorf("%s: %s %s", k, a.Source.Status, a.Source.Error)
		}
	}
	for deadline := time.Now().Add(10 * time.Second); countObjects(t, st, "bundles/") < len(keys) && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if n := countObjects(t, st, "bundles/"); n != len(keys) {
		t.Errorf("%d bundles for %d documents", n, len(keys))
	}
}

// TestPathologicalDocumentsFailOrPassAlone drops documents made to hurt a parser — a 10 MB
// single line, 50,000-deep nested lists and blockquotes, a 200,000-row table, a YAML alias
// bomb in front matter, front matter with a script title and a javascript: canonical URL,
// 50,000 nested <div>s, HTML full of scripts, iframes, javascript: and data: links — beside
// an ordinary paper: each ends ready or failed with a reason,
// within the time the worker allows, and the ordinary paper is ready as if alone.
func TestPathologicalDocumentsFailOrPassAlone(t *testing.T) {
	t.Parallel() // it mostly waits on a fault; another such test runs beside it
	st := newStack(t, true, nil)
	bomb := "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = name
	}
	bomb += "title: *i\n---\n# Bomb\n\nA sentence of ordinary text follows the front matter here.\n"
	docs := map[string]string{
		"line.md":      strings.Repeat("word ", 2_000_000),
		"lists.md":     strings.Repeat("- ", 50000) + "deep\n",
		"quotes.md":    strings.Repeat("> ", 50000) + "deep\n",
		"table.md":     "| a | b |\n|---|---|\n" + strings.Repeat("| 12% more | 3x faster |\n", 200000),
		"bomb.md":      bomb,
		"divs.html":    strings.Repeat("<div>", 50000) + "<p>Deep text that is a sentence of its own here.</p>",
		"hostile.html": `<html><body><article><h1>Launch</h1><p>The launch doubles the reach of every campaign planned. <script>alert(1)</script><iframe src="https://evil.example/"></iframe></p><p>Read <a href="javascript:alert(2)">this</a> and <a href="data:text/html;base64,PHNjcmlwdD4=">that</a> to see how 3 teams ship faster.</p></article></body></html>`,
		// Each its own text: a copy of another's would have nothing new to post on the accounts.
		"inject.md":   "---\ntitle: \"<script>alert(1)</script>\"\ncanonical_url: \"javascript:alert(1)//\"\n---\n# Support\n\nSupport teams that answer within an hour keep 25% more customers through the first renewal.\n",
		"campaign.md": "---\ncampaign: \"../../etc\"\n---\n# Partners\n\nPartner webinars halve the cost of every lead the spring campaign brings in.\n",
		"ordinary.md": "# Ordinary\n\nQueues absorb bursts so that 90% of requests finish within a second even when traffic triples.\n\nRetries need backoff, or a small outage becomes a large one.\n",
	}
	dir := t.TempDir()
	for name, body := range docs {
		path := filepath.Join(dir, name)
		writeTestFile(t, path, body)
		st.awsCp(path, "hurt/"+name)
	}
	for name := range docs {
		a := st.waitSource("hurt/"+name, 3*time.Minute)
		t.Logf("%-13s %s %s (%d derivatives)", name, a.Source.Status, a.Source.Error, len(a.Derivatives))
		switch {
		case a.Source.Status == "failed" && a.Source.Error == "":
			t.Errorf("%s failed without a reason", name)
		case name == "divs.html" && !strings.Contains(a.Source.Error, "more than 512 deep"):
			t.Errorf("50,000 nested divs: %q, want a reason a marketer can act on", a.Source.Error)
		case (name == "lists.md" || name == "quotes.md") && !strings.Contains(a.Source.Error, "more than 512 deep"):
			t.Errorf("%s, 50,000 levels deep: %q, want it refused with a reason a marketer can act on", name, a.Source.Error)
		case name == "bomb.md" && !strings.Contains(a.Source.Error, "front matter"):
			t.Errorf("a YAML alias bomb: %q, want it refused as malformed front matter", a.Source.Error)
		case name == "inject.md" && (a.Source.Status != "ready" || len(a.Derivatives) == 0):
			t.Errorf("front matter with a script title and a javascript: link: %s %s, want it ready with neither", a.Source.Status, a.Source.Error)
		case name == "campaign.md" && (a.Source.Status != "ready" || a.Source.Campaign != "default" ||
			len(a.Source.Warnings) == 0 || !strings.Contains(a.Source.Warnings[0], "not configured")):
			t.Errorf("a campaign named ../../etc: %s %q, campaign %q, warnings %q; want it ready under the default campaign with a warning",
				a.Source.Status, a.Source.Error, a.Source.Campaign, a.Source.Warnings)
		case name == "ordinary.md" && (a.Source.Status != "ready" || len(a.Derivatives) == 0):
			t.Errorf("the ordinary paper beside them: %s %s", a.Source.Status, a.Source.Error)
		}
		for _, d := range a.Derivatives {
			for _, bad := range []string{"<script", "javascript:", "data:text/html", "<iframe", "lol lol lol lol lol lol lol lol lol lol"} {
				if strings.Contains(strings.ToLower(d.Text), bad) {
					t.Errorf("%s: a %s derivative carries %q: %q", name, d.Kind, bad, d.Text)
				}
			}
		}
	}
}
