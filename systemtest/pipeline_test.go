package systemtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/tasks"
)

// sharedCorpus is the folder of real whitepapers kept beside the repository.
func sharedCorpus(t *testing.T) []string {
	t.Helper()
	all, _ := filepath.Glob("../../shared/corpus/*.md")
	var files []string
	for _, f := range all {
		if filepath.Base(f) != "README.md" {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Skip("../shared/corpus is absent: see README.md, Test data, for how to get equivalent documents")
	}
	return files
}

// TestCorpusDroppedWithAWSCLIBecomesReadyDerivatives is the product's promise: whitepapers
// copied into the inbox with `aws s3 cp` show up as ready sources with every derivative
// kind, through the versitygw webhook, and every X post is valid.
func TestCorpusDroppedWithAWSCLIBecomesReadyDerivatives(t *testing.T) {
	// Links go to the toolkit's public pages where a document names no URL: give it the
	// kind of address it has in production, so X counts the link as a link.
	st := newStack(t, true, func(c *config.Config) { c.Infra.PublicURL = "https://toolkit.example.com" })
	docs := append(sharedCorpus(t), "../samples/landing-page.html", "../samples/notes.txt", "../samples/whitepaper.es.md")
	for _, f := range docs {
		st.awsCp(f, "papers/"+filepath.Base(f))
	}
	for _, f := range docs {
		key := "papers/" + filepath.Base(f)
		a := st.waitSource(key, 60*time.Second)
		if a.Source.Status != "ready" {
			t.Errorf("%s: status %s (%s)", key, a.Source.Status, a.Source.Error)
			continue
		}
		kinds := map[string]int{}
		for _, d := range a.Derivatives {
			kinds[d.Kind]++
			if d.Status != "draft" {
				t.Errorf("%s: derivative %s starts %q, want draft", key, d.ID, d.Status)
			}
			if d.Backlink == "" || d.CTA == "" || !strings.Contains(d.Template, channel.LinkSlot) {
				t.Errorf("%s: %s %s lacks backlink, CTA or link slot", key, d.Kind, d.ID)
			}
			if d.Channel == "mastodon" || d.Channel == "bluesky" || d.Channel == "threads" || d.Channel == "linkedin" {
				if l, err := channel.Count(channel.Name(d.Channel), d.Text); err != nil || !l.Valid {
					t.Errorf("%s: invalid %s post (%+v, %v): %q", key, d.Channel, l, err, d.Text)
				}
			}
			if d.Channel == "x" {
				texts := []string{d.Text}
				if d.Kind == "thread" {
					texts = texts[:0]
					for _, p := range d.Parts {
						texts = append(texts, p.Text)
					}
					if n := len(d.Parts); n < 3 || n > 7 {
						t.Errorf("%s: thread of %d posts", key, n)
					}
				}
				for _, text := range texts {
					if l := channel.CountX(text); !l.Valid {
						t.Errorf("%s: invalid X post (%d/%d): %q", key, l.Weighted, l.Limit, text)
					}
				}
			}
		}
		// Every kind, or a reason why not: a short paper gives fewer posts rather than
		// say a sentence twice.
		for _, k := range []string{"tweet", "thread", "mastodon", "bluesky", "threads", "linkedin", "blog", "snippet"} {
			if kinds[k] == 0 && !slices.ContainsFunc(a.Source.Skipped, func(s skippedAnswer) bool { return s.Kind == k && s.Reason != "" }) {
				t.Errorf("%s: no %s derivative and no reason (got %v, skipped %v)", key, k, kinds, a.Source.Skipped)
			}
		}
	}
}

// TestBadInputFailsWithAReasonAndTheRestCarriesOn drops every kind of bad file beside a
// good one: each bad one shows failed with a reason a marketer can read.
func TestBadInputFailsWithAReasonAndTheRestCarriesOn(t *testing.T) {
	st := newStack(t, true, func(c *config.Config) { c.File.Limits.MaxObjectBytes = 64 << 10 })
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ key, file, reason string }{
		{"empty.md", write("empty.md", nil), "empty"},
		{"binary.md", write("binary.md", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0xff, 0xfe}), "binary"},
		{"latin1.md", write("latin1.md", []byte("# Caf\xe9\n\nCr\xe8me br\xfbl\xe9e is a dessert that many people enjoy.\n")), "UTF-8"},
		{"bad-front-matter.md", write("fm.md", []byte("---\ntitle: [unclosed\n---\n\n# Hello\n\nText.\n")), "front matter"},
		{"slides.pdf", write("slides.pdf", []byte("%PDF-1.4 fake")), "not really a PDF"},
		{"notes.rtf", write("notes.rtf", []byte("{\\rtf1 notes}")), "unsupported"},
		{"huge.md", write("huge.md", bytes.Repeat([]byte("All work and no play. "), 5000)), "limit"},
	}
	st.awsCp("../samples/whitepaper.en.md", "odd keys/Q3 report+ünïcode (final).md")
	// A typo in a campaign's name is shown, not fatal: the paper runs with the default
	// campaign's settings and keeps its own name in utm_campaign.
	st.awsCp(write("uc.md", []byte("---\ncampaign: nosuch\n---\n\n# Title\n\n"+string(good[:2000]))), "unknown-campaign.md")
	for _, c := range cases {
		st.awsCp(c.file, c.key)
	}
	for _, c := range cases {
		a := st.waitSource(c.key, 30*time.Second)
		if a.Source.Status != "failed" || !strings.Contains(a.Source.Error, c.reason) {
			t.Errorf("%s: status %q, error %q; want failed mentioning %q", c.key, a.Source.Status, a.Source.Error, c.reason)
		}
	}
	if a := st.waitSource("unknown-campaign.md", 30*time.Second); a.Source.Status != "ready" ||
		len(a.Source.Warnings) == 0 || !strings.Contains(a.Source.Warnings[0], `"nosuch", which is not configured (known: `) {
		t.Errorf("unknown campaign: status %q (%s), warnings %q; want ready with a warning naming it and the known ones", a.Source.Status, a.Source.Error, a.Source.Warnings)
	} else if len(a.Derivatives) == 0 || !strings.Contains(a.Derivatives[0].Backlink, "utm_campaign=nosuch") {
		t.Errorf("unknown campaign: derivatives do not carry utm_campaign=nosuch")
	}
	odd := "odd keys/Q3 report+ünïcode (final).md"
	if a := st.waitSource(odd, 30*time.Second); a.Source.Status != "ready" || a.Source.Key != odd {
		t.Errorf("key %q: status %q key %q (%s)", odd, a.Source.Status, a.Source.Key, a.Source.Error)
	}
	// Events for objects that are not in the inbox, or under names the server refuses
	// (versitygw will not store "../" keys at all), are ignored: no source appears.
	for _, key := range []string{"gone.md", "../escape/../whitepaper.md"} {
		code, answer := st.postEventAnswer(putEvent(key, `\"abc\"`))
		if code != 200 || answer["ignored"] != 1.0 {
			t.Errorf("event for %s: HTTP %d %v, want it ignored", key, code, answer)
		}
		if code := st.api("GET", "/api/v1/sources/"+sourceID(key), testAdminToken, nil); code != http.StatusNotFound {
			t.Errorf("%s: a source for an object that is not in the inbox (HTTP %d)", key, code)
		}
	}
}

func (st *stack) postEvent(body, token string) int {
	st.t.Helper()
	req, _ := http.NewRequest("POST", st.url+"/events/s3", strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestDuplicateEventsAndSameBytesAddNothing sends one drop's event three times and
// uploads the same bytes again: one version, the same derivatives; new bytes supersede.
func TestDuplicateEventsAndSameBytesAddNothing(t *testing.T) {
	st := newStack(t, true, nil)
	st.awsCp("../samples/whitepaper.en.md", "paper.md")
	first := st.waitSource("paper.md", 30*time.Second)
	info, err := st.app.S3.Head(t.Context(), "inbox", "paper.md")
	if err != nil {
		t.Fatal(err)
	}
	event := `{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"inbox"},"object":{"key":"paper.md","eTag":"` + tasks.NormalizeETag(info.ETag) + `"}}}]}`
	for range 3 {
		if code := st.postEvent(event, testEventsToken); code != 200 {
			t.Fatalf("event: HTTP %d", code)
		}
	}
	if code := st.postEvent(event, ""); code != http.StatusUnauthorized {
		t.Errorf("event without token: HTTP %d, want 401", code)
	}
	st.awsCp("../samples/whitepaper.en.md", "paper.md") // same bytes again
	time.Sleep(500 * time.Millisecond)
	again := st.waitSource("paper.md", 30*time.Second)
	if !reflect.DeepEqual(first, again) {
		t.Errorf("re-delivery changed the source:\nbefore %+v\nafter  %+v", first.Source, again.Source)
	}
	// Long after the task's retention (here: Redis lost entirely), the processed marker in
	// S3 still makes a re-delivered event a no-op.
	st.redis.FlushAll()
	if err := st.app.Reindex(t.Context(), os.Stderr); err != nil {
		t.Fatal(err)
	}
	if code := st.postEvent(event, testEventsToken); code != 200 {
		t.Fatalf("event after flush: HTTP %d", code)
	}
	time.Sleep(500 * time.Millisecond)
	if after := st.waitSource("paper.md", 30*time.Second); !reflect.DeepEqual(first, after) {
		t.Errorf("re-delivery after Redis was lost changed the source:\nbefore %+v\nafter  %+v", first.Source, after.Source)
	}

	data, _ := os.ReadFile("../samples/whitepaper.en.md")
	p := filepath.Join(t.TempDir(), "paper.md")
	os.WriteFile(p, append(data, []byte("\n\nA closing paragraph added in the second edition, with 42% more insight.\n")...), 0o644)
	st.awsCp(p, "paper.md")
	deadline := time.Now().Add(30 * time.Second)
	for {
		v2 := st.waitSource("paper.md", 30*time.Second)
		if v2.Source.Version != first.Source.Version {
			if len(v2.Source.Superseded) != 1 || v2.Source.Superseded[0] != first.Source.Version {
				t.Errorf("superseded = %v, want [%s]", v2.Source.Superseded, first.Source.Version)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("new bytes did not make a new version")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestReviewClaimAndReindexAfterRedisFlush approves, claims, flushes Redis and rebuilds:
// the API answers the same afterwards.
func TestReviewClaimAndReindexAfterRedisFlush(t *testing.T) {
	st := newStack(t, true, withCards)
	st.awsCp("../samples/whitepaper.en.md", "a.md")
	st.awsCp("../samples/notes.txt", "b.txt")
	a := st.waitSource("a.md", 30*time.Second)
	st.waitSource("b.txt", 30*time.Second)

	var topics struct{ Topics []struct{ ID, Status string } }
	if st.api("GET", "/api/v1/topics", testContribA, &topics); len(topics.Topics) != 0 {
		t.Fatalf("contributors see %d unapproved topics", len(topics.Topics))
	}
	if code := st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testContribA, nil); code != http.StatusForbidden {
		t.Errorf("contributor approving: HTTP %d, want 403", code)
	}
	if code := st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, nil); code != 200 {
		t.Fatalf("approve source: HTTP %d", code)
	}
	rejected := a.Derivatives[0].ID
	if code := st.api("POST", "/api/v1/derivatives/"+rejected+"/reject", testAdminToken, nil); code != 200 {
		t.Fatalf("reject: HTTP %d", code)
	}
	st.api("GET", "/api/v1/topics?limit=1000", testContribA, &topics)
	if len(topics.Topics) != len(a.Derivatives)-1 {
		t.Errorf("contributors see %d topics, want %d approved", len(topics.Topics), len(a.Derivatives)-1)
	}
	topic := topics.Topics[0].ID
	if code := st.api("POST", "/api/v1/topics/"+topic+"/claim", testContribA, nil); code != 200 {
		t.Fatalf("claim: HTTP %d", code)
	}
	var conflict struct {
		Error struct{ Code, Message string }
	}
	if code := st.api("POST", "/api/v1/topics/"+topic+"/claim", testContribB, &conflict); code != http.StatusConflict || !strings.Contains(conflict.Error.Message, "ana") {
		t.Errorf("second claim: HTTP %d %+v, want 409 naming the holder", code, conflict)
	}

	snapshot := func() []string {
		var out []string
		for _, p := range []string{"/api/v1/sources", "/api/v1/sources/" + a.Source.ID, "/api/v1/topics?limit=1000"} {
			var v any
			st.api("GET", p, testAdminToken, &v)
			b, _ := json.Marshal(v)
			out = append(out, string(b))
		}
		return out
	}
	st.waitImages(a.Source.ID, 60*time.Second) // rendered after ready: the answers change until then
	st.waitImages(sourceID("b.txt"), 60*time.Second)
	before := snapshot()
	st.redis.FlushAll()
	if err := st.app.Reindex(t.Context(), os.Stderr); err != nil {
		t.Fatal(err)
	}
	after := snapshot()
	// Claims are short-lived state and are meant to go with Redis; everything else returns.
	for i := range before {
		b := strings.ReplaceAll(before[i], `"claimed_by":"ana",`, "")
		if b != after[i] {
			t.Errorf("answer %d differs after reindex:\nbefore %s\nafter  %s", i, b, after[i])
		}
	}
}

// approvedPaper drops the sample whitepaper as paper.md and approves it once ready.
func (st *stack) approvedPaper() sourceAnswer {
	st.t.Helper()
	st.awsCp("../samples/whitepaper.en.md", "paper.md")
	a := st.waitSource("paper.md", 30*time.Second)
	if code := st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, nil); code != 200 {
		st.t.Fatalf("approve: HTTP %d", code)
	}
	return a
}

// TestWithdrawAndRerunOnTheRealStack withdraws a source (contributors lose its topics),
// then re-runs it: the worker processes the same bytes again although they were handled
// already, and the source comes back.
func TestWithdrawAndRerunOnTheRealStack(t *testing.T) {
	st := newStack(t, true, nil)
	first := st.approvedPaper()
	id := first.Source.ID
	var topics struct{ Topics []struct{ ID string } }
	count := func() int {
		topics.Topics = nil
		st.api("GET", "/api/v1/topics?limit=1000&source="+id, testContribA, &topics)
		return len(topics.Topics)
	}
	if count() == 0 {
		t.Fatal("no topics after approving")
	}
	if code := st.api("POST", "/api/v1/sources/"+id+"/withdraw", testContribA, nil); code != http.StatusForbidden {
		t.Errorf("contributor withdrawing: HTTP %d, want 403", code)
	}
	if code := st.api("POST", "/api/v1/sources/"+id+"/withdraw", testAdminToken, nil); code != 200 {
		t.Fatalf("withdraw: HTTP %d", code)
	}
	if n := count(); n != 0 {
		t.Errorf("contributors still see %d topics of a withdrawn source", n)
	}
	var rerun struct {
		Queued bool
		Source struct{ Status string }
	}
	if code := st.api("POST", "/api/v1/sources/"+id+"/rerun", testAdminToken, &rerun); code != http.StatusAccepted || !rerun.Queued || rerun.Source.Status != "queued" {
		t.Fatalf("rerun: HTTP %d %+v", code, rerun)
	}
	again := st.waitSource("paper.md", 30*time.Second)
	if again.Source.Status != "ready" || again.Source.UpdatedAt == first.Source.UpdatedAt || again.Source.Version != first.Source.Version {
		t.Errorf("re-run did not re-process: before %+v\nafter %+v", first.Source, again.Source)
	}
	// The source shows ready a moment before its derivatives are indexed.
	for deadline := time.Now().Add(5 * time.Second); count() == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the re-run source's approved topics did not come back")
		}
	}
}
