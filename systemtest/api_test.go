package systemtest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/review"
)

// TestServeAnswersTheTestEventWhileRedisIsDown: S3 servers test their webhook at start-up,
// so serve must answer it whatever else is down; real events get 503 until they can be
// queued, and /readyz says what is missing.
func TestServeAnswersTheTestEventWhileRedisIsDown(t *testing.T) {
	st := newStack(t, false, nil)
	if _, err := st.app.S3.Put(t.Context(), "inbox", "a.md", []byte("# A\n\nWords.\n"), "text/markdown"); err != nil {
		t.Fatal(err)
	}
	st.redis.Stop()
	if code := st.postEvent(`{"Service":"S3","Event":"s3:TestEvent","Bucket":"inbox"}`, testEventsToken); code != 200 {
		t.Errorf("test event while Redis is down: HTTP %d, want 200", code)
	}
	event := `{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"inbox"},"object":{"key":"a.md","eTag":"\"e\""}}}]}`
	if code := st.postEvent(event, testEventsToken); code != http.StatusServiceUnavailable {
		t.Errorf("event while Redis is down: HTTP %d, want 503", code)
	}
	var ready struct{ Missing map[string]string }
	if code := st.api("GET", "/readyz", "", &ready); code != http.StatusServiceUnavailable || ready.Missing["redis"] == "" {
		t.Errorf("/readyz while Redis is down: HTTP %d %+v", code, ready)
	}
	st.redis.Start()
	if code := st.postEvent(event, testEventsToken); code != 200 {
		t.Errorf("event once Redis is back: HTTP %d, want 200", code)
	}
	for _, token := range []string{"", "wrong-token"} {
		if code := st.postEvent(event, token); code != http.StatusUnauthorized {
			t.Errorf("an event with token %q: HTTP %d, want 401", token, code)
		}
	}
	if code := st.api("GET", "/readyz", "", nil); code != 200 {
		t.Errorf("/readyz once Redis is back: HTTP %d", code)
	}
}

// TestAPIAuthorisationPagingAndErrors checks the API's contract: tokens and roles, the
// error shape, limit and cursor paging, and the metrics endpoint.
func TestAPIAuthorisationPagingAndErrors(t *testing.T) {
	st := newStack(t, true, nil)
	for _, k := range []string{"a.txt", "b.txt", "c.txt"} {
		st.awsCp("../samples/notes.txt", k)
	}
	for _, k := range []string{"a.txt", "b.txt", "c.txt"} {
		st.waitSource(k, 30*time.Second)
	}
	var e struct {
		Error struct{ Code, Message string }
	}
	if code := st.api("GET", "/api/v1/sources", "", &e); code != 401 || e.Error.Code != "unauthorized" {
		t.Errorf("no token: HTTP %d %+v", code, e)
	}
	if code := st.api("GET", "/api/v1/sources", "wrong", nil); code != 401 {
		t.Errorf("wrong token: HTTP %d", code)
	}
	if code := st.api("GET", "/api/v1/sources", testContribA, &e); code != 403 || e.Error.Code != "forbidden" {
		t.Errorf("contributor listing sources: HTTP %d %+v", code, e)
	}
	if code := st.api("GET", "/api/v1/sources?limit=0", testAdminToken, &e); code != 400 || !strings.Contains(e.Error.Message, "1 to 1000") {
		t.Errorf("limit=0: HTTP %d %+v", code, e)
	}
	if code := st.api("GET", "/api/v1/sources/nope", testAdminToken, &e); code != 404 || e.Error.Code != "not_found" {
		t.Errorf("unknown source: HTTP %d %+v", code, e)
	}
	var me struct{ Name, Role string }
	if st.api("GET", "/api/v1/me", testContribA, &me); me.Name != "ana" || me.Role != "contributor" {
		t.Errorf("me = %+v", me)
	}
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		var page struct {
			Sources    []struct{ ID string }
			NextCursor string `json:"next_cursor"`
		}
		st.api("GET", "/api/v1/sources?limit=2&cursor="+cursor, testAdminToken, &page)
		for _, s := range page.Sources {
			if seen[s.ID] {
				t.Errorf("source %s on two pages", s.ID)
			}
			seen[s.ID] = true
		}
		if page.NextCursor == "" {
			if pages != 1 {
				t.Errorf("3 sources in pages of 2 took %d pages", pages+1)
			}
			break
		}
		cursor = page.NextCursor
	}
	if len(seen) != 3 {
		t.Errorf("paging saw %d sources, want 3", len(seen))
	}
	req, _ := http.NewRequest("POST", st.url+"/api/v1/count", strings.NewReader(`{"channel":"x","text":"Ship it: https://example.com/a/long/path 🚀"}`))
	req.Header.Set("Authorization", "Bearer "+testContribA)
	cresp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var counted review.CountResult
	json.NewDecoder(cresp.Body).Decode(&counted)
	cresp.Body.Close()
	// "Ship it: " 9 + URL 23 + space 1 + emoji 2: the editor's counter and the server agree.
	if cresp.StatusCode != 200 || counted != (review.CountResult{Channel: "x", WeightedLength: 35, Limit: 280, Valid: true}) {
		t.Errorf("POST /api/v1/count: HTTP %d %+v", cresp.StatusCode, counted)
	}
	resp, err := http.Get(st.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, m := range []string{"repurpose_http_requests_total", "repurpose_ingest_duration_seconds", "repurpose_s3_events_total"} {
		if !strings.Contains(string(body), m) {
			t.Errorf("/metrics lacks %s", m)
		}
	}
}

// TestLinkTargetsPublicPagesAndAutoApprove: a document with no canonical URL in a campaign
// with no landing page links to the toolkit's public page, which goes live only once the
// source is approved; an auto-approving campaign approves as it derives.
func TestLinkTargetsPublicPagesAndAutoApprove(t *testing.T) {
	st := newStack(t, true, func(c *config.Config) {
		c.File.Campaigns["auto"] = config.Campaign{AutoApprove: true, LandingPage: "https://example.com/auto",
			DefaultStage: "decision", CTA: map[string]string{"decision": "Book a demo"}, UTM: c.File.Campaigns["default"].UTM,
			Brand: &config.Brand{Spellings: []string{"GitHub"}, BannedPhrases: []string{"synergy"}, Disclosure: "#employee"}}
	})
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.md")
	os.WriteFile(plain, []byte("# Plain Facts About <Queues>\n\n## Why it matters\n\nQueues absorb bursts of work so that 90% of requests finish within a second even when traffic triples.\n\nA second paragraph explains that retries need backoff, or they turn a small outage into a large one.\n\n## What to do\n\nMeasure queue depth, alert on age rather than size, and scale workers before the backlog grows.\n"), 0o644)
	auto := filepath.Join(dir, "auto.md")
	os.WriteFile(auto, []byte("---\ncampaign: auto\n---\n# Automatic\n\nEvery derivative in the auto campaign is approved the moment it is made, because the team reviews the source on github itself.\n\nThe landing page carries 3 case studies and a pricing table.\n\nOur synergy with partners doubles the reach of every launch we plan together.\n"), 0o644)
	st.awsCp(plain, "plain.md")
	st.awsCp(auto, "auto.md")

	a := st.waitSource("auto.md", 30*time.Second)
	var raw struct {
		Derivatives []struct{ Kind, Text, Disclosure string }
	}
	st.api("GET", "/api/v1/sources/"+a.Source.ID, testAdminToken, &raw)
	respelled := 0
	for i, d := range a.Derivatives {
		if strings.Contains(raw.Derivatives[i].Text, "GitHub") {
			respelled++
		}
		if d.Status != "approved" || !strings.HasPrefix(d.Backlink, "https://example.com/auto") || d.CTA != "Book a demo" {
			t.Errorf("auto campaign derivative %s: status %s backlink %s cta %q", d.Kind, d.Status, d.Backlink, d.CTA)
		}
		// The campaign's brand rules: canonical spelling, no banned phrase, the disclosure.
		if r := raw.Derivatives[i]; strings.Contains(r.Text, "github") || strings.Contains(strings.ToLower(r.Text), "synergy") || r.Disclosure != "#employee" {
			t.Errorf("brand rules not applied to %s: disclosure %q, text %q", r.Kind, r.Disclosure, r.Text)
		}
	}
	if respelled == 0 {
		t.Error("no derivative uses the sentence that names GitHub, so the spelling rule went untested")
	}

	p := st.waitSource("plain.md", 30*time.Second)
	var src struct {
		Source struct {
			Slug       string
			LinkTarget string `json:"link_target"`
		} `json:"source"`
	}
	st.api("GET", "/api/v1/sources/"+p.Source.ID, testAdminToken, &src)
	if src.Source.LinkTarget != "public_page" || !strings.HasPrefix(p.Derivatives[0].Backlink, st.url+"/p/"+src.Source.Slug) {
		t.Fatalf("link target %q, backlink %s", src.Source.LinkTarget, p.Derivatives[0].Backlink)
	}
	page := "/p/" + src.Source.Slug
	if code := st.get(page); code != 404 {
		t.Errorf("public page before approval: HTTP %d, want 404", code)
	}
	st.api("POST", "/api/v1/sources/"+p.Source.ID+"/approve", testAdminToken, nil)
	resp, err := http.Get(st.url + page)
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(html), `id="why-it-matters"`) || strings.Contains(string(html), "<Queues>") {
		t.Errorf("public page after approval: HTTP %d, want the sections with their anchors and the title escaped:\n%s", resp.StatusCode, html)
	}
}

// TestNoPublicPagesMeansNoApprovalWithoutAURL: with public_pages off, derivatives that would
// link to the toolkit cannot be approved until the document or campaign names a URL.
func TestNoPublicPagesMeansNoApprovalWithoutAURL(t *testing.T) {
	st := newStack(t, true, func(c *config.Config) { off := false; c.File.PublicPages = &off })
	st.awsCp("../samples/notes.txt", "notes.txt")
	a := st.waitSource("notes.txt", 30*time.Second)
	var e struct {
		Error struct{ Code, Message string }
	}
	if code := st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, &e); code != 409 || !strings.Contains(e.Error.Message, "canonical_url") {
		t.Errorf("approving without a URL: HTTP %d %+v, want 409 saying how to add one", code, e)
	}
}

// TestWorkerAndSchedulerWaitForRedis: started before Redis, they wait for it instead of
// exiting, so the roles start in any order.
func TestWorkerAndSchedulerWaitForRedis(t *testing.T) {
	st := newStack(t, false, nil)
	if _, err := st.app.S3.Put(t.Context(), "inbox", "a.md", []byte("# A\n\nWords.\n"), "text/markdown"); err != nil {
		t.Fatal(err)
	}
	st.redis.Stop()
	go func() {
		time.Sleep(500 * time.Millisecond)
		st.redis.Start()
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := st.app.WaitForRedis(ctx); err != nil {
		t.Fatalf("waitForRedis: %v", err)
	}
	if err := st.app.Redis.Ping(ctx).Err(); err != nil {
		t.Errorf("Redis after the wait: %v", err)
	}
}
