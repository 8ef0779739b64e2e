package systemtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/app"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/web/auth"
)

// A malformed REPURPOSE_REDIS_URL stops serve with an error that names the URL without
// its password, whichever part of it is malformed.
func TestMalformedRedisURLHidesItsPassword(t *testing.T) {
	bin := buildBinary(t)
	const password = "hunter2-Secret-77"
	for _, u := range []string{
		"redis://:" + password + "@127.0.0.1:6379/notanumber", // parses, refused by the client
		"redis://:" + password + "@127.0.0.1:63x79/0",         // a bad port: url.Parse quotes the whole URL
		"redis://user:" + password + "@exa mple:6379/0",       // a space in the host
		"redis:" + password + "@127.0.0.1:6379",               // no host
	} {
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(), "REPURPOSE_REDIS_URL="+u, "REPURPOSE_HTTP_ADDR=127.0.0.1:0")
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("serve started with REPURPOSE_REDIS_URL=%q", u)
		}
		if strings.Contains(string(out), password) || !strings.Contains(string(out), "REDIS_URL") && !strings.Contains(string(out), "redis url") {
			t.Errorf("REPURPOSE_REDIS_URL=%q: the error shows the password or does not name the setting:\n%s", u, out)
		}
	}
}

// shortLimits are the server's limits shortened, so the attacks below are cut off within
// the test's patience; app.DefaultLimits are the same code with longer times.
var shortLimits = app.ServerLimits{Header: 500 * time.Millisecond, Read: time.Second, Write: 2 * time.Second,
	Idle: time.Second, MaxHeaderBytes: 8 << 10}

// closedByServer reports whether the server closes c before the test gives up waiting
// (30 s, far beyond every limit): a read that returns EOF or a reset.
func closedByServer(t *testing.T, c net.Conn) bool {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	return err == nil || !(errors.As(err, &ne) && ne.Timeout())
}

// Slow and idle clients cannot hold serve's connections: an idle keep-alive connection,
// a body trickled a byte at a time, and a request whose headers never end are all cut
// off; oversized headers get 431. The real handler on a real redis-server and versitygw.
func TestSlowAndIdleClientsAreCutOff(t *testing.T) {
	st := newStack(t, false, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- app.NewHTTPServer(ln, st.app.Handler(), slog.New(slog.DiscardHandler), shortLimits).Run(ctx)
	}()
	t.Cleanup(func() { cancel(); <-done })
	addr := ln.Addr().String()
	dial := func() net.Conn {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}

	// Idle after one request on a keep-alive connection.
	c := dial()
	fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", res, err)
	}
	io.Copy(io.Discard, res.Body)
	if !closedByServer(t, c) {
		t.Error("an idle keep-alive connection was still open after 30 s")
	}

	// A body that trickles in, a byte at a time, never finishing.
	c = dial()
	fmt.Fprintf(c, "POST /api/v1/conversions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{")
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
				if _, err := c.Write([]byte(" ")); err != nil {
					return
				}
			}
		}
	}()
	if !closedByServer(t, c) {
		t.Error("a trickled body kept its connection for 30 s")
	}
	close(stop)

	// Headers that never end.
	c = dial()
	fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
	if !closedByServer(t, c) {
		t.Error("a request with unfinished headers kept its connection for 30 s")
	}

	// Headers larger than the limit.
	req, _ := http.NewRequest("GET", "http://"+addr+"/healthz", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 64<<10))
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("64 KiB of headers: %v %v, want 431", res, err)
	} else {
		res.Body.Close()
	}
}

// countingReader counts what the server took of a request body.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// A form post of 64 MiB (streamed, with no Content-Length) is refused with 413 once the
// bound is passed: serve neither reads it all nor spills it to temporary files.
func TestHugeFormIsRefusedBeforeParsing(t *testing.T) {
	st := newStack(t, false, nil)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where multipart parsing would spill
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, _ := mw.CreateFormFile("text", "huge.txt")
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for range 64 {
			if _, err := part.Write(chunk); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(mw.Close())
	}()
	body := &countingReader{r: pr}
	req, _ := http.NewRequest("POST", st.url+"/ui/derivatives/any/edit", body)
	req.Header.Set("Authorization", "Bearer "+testAdminToken)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	var spilled atomic.Int64 // the most bytes seen in temporary files while the request ran
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		for {
			var n int64
			entries, _ := os.ReadDir(tmp)
			for _, e := range entries {
				if info, err := e.Info(); err == nil {
					n += info.Size()
				}
			}
			spilled.Store(max(spilled.Load(), n))
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	res, err := http.DefaultClient.Do(req)
	close(stop)
	<-watched
	pr.CloseWithError(io.ErrClosedPipe)
	if err == nil {
		msg, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(msg), "larger than") {
			t.Errorf("a 64 MiB form: HTTP %d %s, want 413 saying the body is too large", res.StatusCode, msg)
		}
	}
	if n := body.n.Load(); n > 16<<20 {
		t.Errorf("serve read %d MiB of a 64 MiB form before refusing it", n>>20)
	}
	if n := spilled.Load(); n > 0 {
		t.Errorf("serve wrote %d bytes of temporary files for one form", n)
	}
}

// Approving one snippet does not publish the whole document at /p/{slug}: the page is up
// only while the source is approved as a whole, and rejecting a part takes it down.
func TestPublicPageOnlyWhileTheWholeSourceIsApproved(t *testing.T) {
	st := newStack(t, true, nil)
	doc := filepath.Join(t.TempDir(), "draft.md")
	writeTestFile(t, doc, "# Unreleased Plans\n\n## Roadmap\n\nThe team plans to ship the new queue in March, a detail still under embargo for every customer.\n\nRetries need backoff, or a small outage becomes a large one for every customer at once.\n\n## Pricing\n\nThe price rises by 20% for every plan once the new queue ships, which nobody outside knows yet.\n")
	st.awsCp(doc, "draft.md")
	a := st.waitSource("draft.md", 30*time.Second)
	var src struct {
		Source struct{ Slug string } `json:"source"`
	}
	st.api("GET", "/api/v1/sources/"+a.Source.ID, testAdminToken, &src)
	page := "/p/" + src.Source.Slug
	one := a.Derivatives[0].ID
	if code := st.api("POST", "/api/v1/derivatives/"+one+"/approve", testAdminToken, nil); code != 200 {
		t.Fatalf("approving one derivative: HTTP %d", code)
	}
	if code := st.get(page); code != 404 {
		t.Errorf("public page after approving one of %d derivatives: HTTP %d, want 404", len(a.Derivatives), code)
	}
	st.api("POST", "/api/v1/derivatives/"+one+"/reject", testAdminToken, nil)
	if code := st.get(page); code != 404 {
		t.Errorf("public page after rejecting it again: HTTP %d, want 404", code)
	}
	st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, nil)
	st.api("POST", "/api/v1/derivatives/"+one+"/approve", testAdminToken, nil) // the approve-all skips rejected ones
	if code := st.get(page); code != 200 {
		t.Errorf("public page once the whole source is approved: HTTP %d, want 200", code)
	}
	st.api("POST", "/api/v1/derivatives/"+one+"/reject", testAdminToken, nil)
	if code := st.get(page); code != 404 {
		t.Errorf("public page after a part is rejected: HTTP %d, want 404", code)
	}
}

// heapGrowth runs f and answers by how many MiB the heap in use grew at its peak.
func heapGrowth(f func()) uint64 {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak.Store(max(peak.Load(), m.HeapInuse))
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	<-sampled
	return (peak.Load() - min(peak.Load(), before.HeapInuse)) >> 20
}

// A burst of sign-ins cannot race the limit or exhaust memory: of 24 simultaneous wrong
// guesses at one name from one address, at most 5 are checked and the rest refused with
// 429 (by the limit, or as busy and then not counted), and the right password afterwards
// is refused too; 24 simultaneous attempts at
// different names never hold more than a few password hashes' memory (64 MiB each).
func TestSignInBurstCannotRaceTheLimit(t *testing.T) {
	const testPassword = "correct horse battery staple"
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	st := newStack(t, false, func(c *config.Config) {
		c.File.Users = append(c.File.Users, config.User{Name: "maria", Role: config.RoleMarketing, PasswordHash: hash})
	})
	attempt := func(name, password string) int {
		form := url.Values{"username": {name}, "password": {password}}
		req, _ := http.NewRequest("POST", st.url+"/signin", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := c.Do(req)
		if err != nil {
			t.Error(err)
			return 0
		}
		res.Body.Close()
		return res.StatusCode
	}
	const n = 24
	burst := func(name func(i int) string) map[int]int {
		codes := make(chan int, n)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { <-start; codes <- attempt(name(i), "wrong guess number "+strconv.Itoa(i)) })
		}
		close(start)
		wg.Wait()
		close(codes)
		counted := map[int]int{}
		for c := range codes {
			counted[c]++
		}
		return counted
	}
	var answers map[int]int
	grew := heapGrowth(func() { answers = burst(func(int) string { return "maria" }) })
	checked := answers[http.StatusUnauthorized]
	if checked > 5 || checked+answers[http.StatusTooManyRequests] != n {
		t.Errorf("%d of %d simultaneous guesses at one name were checked (answers %v), want at most 5 and the rest 429", checked, n, answers)
	}
	// Guesses that found sign-in busy were not checked and not counted: the limit still
	// allows the rest of its 5, and then no more.
	for ; checked < 5 && attempt("maria", "one more wrong guess") == http.StatusUnauthorized; checked++ {
	}
	t.Logf("one name, one address: answers %v", answers)
	if code := attempt("maria", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("the right password after the burst: HTTP %d, want 429", code)
	}
	grew = max(grew, heapGrowth(func() { answers = burst(func(i int) string { return "name" + strconv.Itoa(i) }) }))
	t.Logf("many names: answers %v; heap grew at most %d MiB", answers, grew)
	if grew > 600 { // 2 hashes at once and the garbage of those before; 24 at once took 1,540
		t.Errorf("the heap grew by %d MiB during a burst (answers %v), want at most a few hashes' 64 MiB", grew, answers)
	}
}

// Conversions cannot be forged: click IDs the server did not sign (made up, or a real one
// altered) get 400 and store nothing; one real click posted 300 times counts at most the
// per-address allowance; and the signing key is the same for a second serve process and
// after Redis is flushed, so real clicks keep converting.
func TestForgedConversionsAreRefused(t *testing.T) {
	st := newStack(t, true, func(c *config.Config) {
		c.File.Tracking.ShortURL, c.File.Tracking.ClickParam = c.Infra.PublicURL, "rp_click"
	})
	doc := filepath.Join(t.TempDir(), "tracked.md")
	writeTestFile(t, doc, "---\ncanonical_url: https://example.com/tracked\n---\n# Tracked\n\n## Why\n\nQueues absorb bursts so that 90% of requests finish within a second even when traffic triples.\n\nRetries need backoff, or a small outage becomes a large one for every customer at once.\n")
	st.awsCp(doc, "tracked.md")
	a := st.waitSource("tracked.md", 30*time.Second)
	st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, nil)
	var link string
	for _, d := range st.waitSource("tracked.md", 30*time.Second).Derivatives {
		if strings.HasPrefix(d.Backlink, st.url+"/r/") {
			link = d.Backlink
			break
		}
	}
	if link == "" {
		t.Fatal("no tracked link")
	}
	code := strings.TrimPrefix(link, st.url+"/r/")
	rdb := st.redis.Client()
	ctx := t.Context()
	conversions := func() int {
		n, _ := rdb.HGet(ctx, "repurpose:ct:d:"+time.Now().UTC().Format("20060102"), "v:"+code).Int()
		return n
	}
	post := func(clickID string) int {
		res, err := http.Post(st.url+"/api/v1/conversions", "application/json", strings.NewReader(`{"click_id":"`+clickID+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}

	day := strconv.FormatInt(time.Now().Unix()/86400, 36)
	for i := range 300 {
		fake := fmt.Sprintf("%s.%s.%010d", code, day, i)
		if i%2 == 1 {
			fake += ".AAAAAAAAAAAAAAAA" // shaped like a signed one
		}
		if got := post(fake); got != http.StatusBadRequest {
			t.Fatalf("forged click ID %q: HTTP %d, want 400", fake, got)
		}
	}
	res, err := http.Get(st.url + "/c/" + code + ".gif?click=" + code + "." + day + ".0000000001.AAAAAAAAAAAAAAAA")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if keys, _ := rdb.Keys(ctx, "repurpose:conv:*").Result(); len(keys) != 0 || conversions() != 0 {
		t.Errorf("forged clicks stored %d keys and counted %d conversions, want none", len(keys), conversions())
	}

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", link, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (a reader)")
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, _ := url.Parse(res.Header.Get("Location"))
	click := loc.Query().Get("rp_click")
	altered := []byte(click)
	altered[len(altered)-1] ^= 1
	if got := post(string(altered)); got != http.StatusBadRequest {
		t.Errorf("a real click ID with its last character altered: HTTP %d, want 400", got)
	}
	accepted := 0
	for range 300 {
		if post(click) == http.StatusAccepted {
			accepted++
		}
	}
	if accepted == 0 || accepted > 60 || conversions() != accepted {
		t.Errorf("one click posted 300 times: %d accepted, %d counted; want at most 30 a minute", accepted, conversions())
	}

	// Another serve process, and one started after Redis lost everything, verify it too.
	rdb.FlushAll(ctx)
	other := toolkit.New(st.app.Config, st.app.S3, rdb, nil, st.app.Log)
	if _, err := other.Record().Reindex(ctx, func(int) {}); err != nil { // as after any flush
		t.Fatal(err)
	}
	if _, _, err := other.Links().Convert(ctx, click, "", false); err != nil {
		t.Errorf("a real click ID on a serve process started after Redis was flushed: %v", err)
	}
}
