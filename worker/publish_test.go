package worker

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// fakePublisher answers with its next error (nil: published) and counts its calls.
type fakePublisher struct {
	calls atomic.Int32
	next  func() error
}

func (f *fakePublisher) Publish(_ context.Context, p *publish.Post) (publish.Result, error) {
	f.calls.Add(1)
	if err := f.next(); err != nil {
		return publish.Result{}, err
	}
	return publish.Result{RemoteID: "r-" + p.ID, URL: "https://example.com/" + p.ID}, nil
}

type idempotentFake struct{ *fakePublisher }

func (idempotentFake) Idempotent() {}

// publishFixture stores an approved source and a plan of one tweet, due now, on "acct".
func publishFixture(t *testing.T) (*toolkit.Toolkit, tasks.Publish) {
	t.Helper()
	svc := recordtest.Start(t)
	tk := toolkit.New(svc.Config, svc.S3, svc.Redis, nil, slog.Default())
	body, _ := os.ReadFile("../samples/whitepaper.en.md")
	doc, err := parse.File("w.md", body, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	version := strings.Repeat("a", 64)
	id := tasks.SourceID("inbox", "w.md")
	res := derive.From(doc, derive.Options{Version: version, SourceID: id})
	s := &record.Source{ID: id, Bucket: "inbox", Key: "w.md", Version: version, ObjectTime: time.Now()}
	if err := tk.Record().Intake().Save(t.Context(), tasks.Ingest{Bucket: "inbox", Key: "w.md", ETag: "e"}, s, &record.Bundle{SourceID: id, Version: version, Document: doc, Derivatives: res.Derivatives}); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.Review().ApproveSource(t.Context(), id, "mia"); err != nil {
		t.Fatal(err)
	}
	var tweet derive.Derivative
	for _, d := range res.Derivatives {
		if d.Kind == channel.KindTweet {
			tweet = d
			break
		}
	}
	at := time.Now().UTC().Truncate(time.Second)
	e := planstore.PlanEntry{ID: "e1", SourceID: id, DerivativeID: tweet.ID, Kind: string(tweet.Kind), Channel: "x", Locale: "en", Region: "emea", Account: "acct", At: at, Status: planstore.Planned}
	if err := tk.Plans().SavePlan(t.Context(), &planstore.Plan{SourceID: id, Version: version, Entries: []planstore.PlanEntry{e}}, nil); err != nil {
		t.Fatal(err)
	}
	return tk, tasks.Publish{EntryID: "e1", SourceID: id, At: at}
}

func (h *publisher) run(t *testing.T, in tasks.Publish) (string, error) {
	t.Helper()
	var ch string
	return h.publish(t.Context(), in, &ch)
}

// A rate limit is "later": nothing is recorded as failed, asynq waits as long as the
// service asked and does not count it; the next delivery publishes and records the
// remote post; a repeated delivery does nothing.
func TestRateLimitIsLaterThenPublishedOnce(t *testing.T) {
	tk, in := publishFixture(t)
	fake := &fakePublisher{}
	fake.next = func() error {
		return &publish.Error{Kind: publish.Later, RetryAfter: 7 * time.Second, Msg: "429 slow down"}
	}
	h := &publisher{rec: tk.Record(), locks: tk.Record().Locks(), tk: tk, pub: Publishing{Publishers: map[string]publish.Publisher{"acct": fake}, Now: time.Now}, log: slog.New(slog.DiscardHandler), hold: time.Minute, limits: config.Defaults().Limits}
	outcome, err := h.run(t, in)
	var later *laterError
	// The first wait is the backoff's (30 s less up to a quarter), longer than asked.
	if d := retryDelay(3, err, nil); outcome != "later" || !errors.As(err, &later) || d < 22*time.Second || d > 30*time.Second || isFailure(err) {
		t.Fatalf("a rate limit: %s %v; delay %v, failure %v", outcome, err, d, isFailure(err))
	}
	if rec, _ := tk.Plans().PostRecord(t.Context(), "e1"); rec.State != planstore.Waiting || !strings.Contains(rec.Error, "429 slow down") {
		t.Errorf("record after a rate limit: %+v", rec)
	}
	if d := retryDelay(3, errors.New("s3 down"), nil); d != 8*time.Second || !isFailure(errors.New("x")) {
		t.Errorf("an ordinary error backs off %v (want 8s) and counts as a failure", d)
	}
	fake.next = func() error { return nil }
	if outcome, err := h.run(t, in); outcome != string(planstore.Published) || err != nil {
		t.Fatalf("the retry: %s %v", outcome, err)
	}
	rec, _ := tk.Plans().PostRecord(t.Context(), "e1")
	if rec.State != planstore.Published || rec.RemoteID != "r-e1" || rec.Attempts != 2 || rec.Error != "" {
		t.Errorf("record after publishing: %+v", rec)
	}
	if outcome, _ := h.run(t, in); outcome != "duplicate" || fake.calls.Load() != 2 {
		t.Errorf("a repeated delivery: %s, %d calls", outcome, fake.calls.Load())
	}
}

// A refusal is recorded with the service's words and not retried; an outcome the
// publisher cannot know is unknown (for a person) on a channel without idempotency, and
// tried again on one with it; an intent found from a dead worker is treated the same way.
func TestRefusedUnknownAndInterruptedPosts(t *testing.T) {
	for _, tc := range []struct {
		name       string
		idempotent bool
		intent     bool // a record in "publishing" left by a dead worker
		err        error
		outcome    planstore.PostState
		calls      int32
		retried    bool
	}{
		{"refused", false, false, &publish.Error{Kind: publish.Refused, Msg: "duplicate content"}, planstore.FailedPost, 1, false},
		{"unknown", false, false, &publish.Error{Kind: publish.Unknown, Msg: "no answer"}, planstore.Unknown, 1, false},
		{"unknown, idempotent", true, false, &publish.Error{Kind: publish.Unknown, Msg: "no answer"}, "later", 1, true},
		{"interrupted", false, true, nil, planstore.Unknown, 0, false},
		{"interrupted, idempotent", true, true, nil, planstore.Published, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk, in := publishFixture(t)
			fake := &fakePublisher{next: func() error { return tc.err }}
			var pub publish.Publisher = fake
			if tc.idempotent {
				pub = idempotentFake{fake}
			}
			if tc.intent {
				tk.Plans().PutPostRecord(t.Context(), &planstore.PostRecord{EntryID: "e1", SourceID: in.SourceID, State: planstore.Publishing, Attempts: 1})
			}
			h := &publisher{rec: tk.Record(), locks: tk.Record().Locks(), tk: tk, pub: Publishing{Publishers: map[string]publish.Publisher{"acct": pub}, Now: time.Now}, log: slog.New(slog.DiscardHandler), hold: time.Minute, limits: config.Defaults().Limits}
			outcome, err := h.run(t, in)
			if outcome != string(tc.outcome) || fake.calls.Load() != tc.calls || (err != nil) != tc.retried {
				t.Errorf("outcome %s (err %v), %d calls; want %s, %d calls, retried %v", outcome, err, fake.calls.Load(), tc.outcome, tc.calls, tc.retried)
			}
			rec, _ := tk.Plans().PostRecord(t.Context(), "e1")
			if tc.outcome == planstore.FailedPost && !strings.Contains(rec.Error, "duplicate content") {
				t.Errorf("the refusal's words are lost: %+v", rec)
			}
			if tc.outcome == planstore.Unknown && rec.State != planstore.Unknown {
				t.Errorf("record %+v, want unknown", rec)
			}
		})
	}
}

// A task for a cancelled or moved post, or one whose account is paused, posts nothing.
func TestStaleTasksPostNothing(t *testing.T) {
	tk, in := publishFixture(t)
	fake := &fakePublisher{next: func() error { return nil }}
	h := &publisher{rec: tk.Record(), locks: tk.Record().Locks(), tk: tk, pub: Publishing{Publishers: map[string]publish.Publisher{"acct": fake}, Now: time.Now}, log: slog.New(slog.DiscardHandler), hold: time.Minute, limits: config.Defaults().Limits}
	moved := in
	moved.At = in.At.Add(-time.Hour)
	if outcome, _ := h.run(t, moved); outcome != "skipped" {
		t.Errorf("a task for the post's old time: %s", outcome)
	}
	if err := tk.Plans().SetPaused(t.Context(), "emea/x", true, "mia"); err != nil {
		t.Fatal(err)
	}
	if outcome, _ := h.run(t, in); outcome != "skipped" {
		t.Errorf("a paused channel: %s", outcome)
	}
	if fake.calls.Load() != 0 {
		t.Errorf("%d posts went out", fake.calls.Load())
	}
}

// Recording a post's outcome is retried while the record cannot be written, but a worker
// shutting down (or a task's deadline) ends the waiting: it does not sit out the wait.
func TestRecordRetriesEndWithTheirContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	down := errors.New("the record cannot be written")
	tried := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() {
		done <- retryFor(ctx, time.Hour, 2*time.Hour, func() error {
			tried <- struct{}{}
			return down
		})
	}()
	<-tried // the first attempt failed: an hour's wait begins
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, down) {
			t.Errorf("retryFor returned %v, want the last attempt's error", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting to retry 10s after the context ended")
	}
}

// mediaFake uploads the post's files on its first attempt and is then turned away; it
// keeps the posts it was given.
type mediaFake struct{ posts []publish.Post }

func (f *mediaFake) Publish(_ context.Context, p *publish.Post) (publish.Result, error) {
	f.posts = append(f.posts, *p)
	if len(f.posts) == 1 {
		return publish.Result{Uploaded: map[string]string{p.Media[0].SHA256: "media-1"}}, &publish.Error{Kind: publish.Later, Msg: "503"}
	}
	return publish.Result{RemoteID: "r1"}, nil
}

// A post carries the files the Media hook gives for its derivative, and the attempt
// after one that uploaded them is handed their IDs, so it does not upload them twice.
func TestRetryIsGivenWhatTheFailedAttemptUploaded(t *testing.T) {
	tk, in := publishFixture(t)
	fake := &mediaFake{}
	card := publish.Media{Kind: publish.MediaCard, SHA256: "c0ffee", ContentType: "image/png", Alt: "A card", Bytes: []byte("png")}
	var asked []string
	h := &publisher{rec: tk.Record(), locks: tk.Record().Locks(), tk: tk, log: slog.New(slog.DiscardHandler), hold: time.Minute, limits: config.Defaults().Limits,
		pub: Publishing{Publishers: map[string]publish.Publisher{"acct": fake}, Now: time.Now,
			Media: func(_ context.Context, e *planstore.PlanEntry, d *record.Derivative) ([]publish.Media, error) {
				asked = append(asked, e.ID+"/"+d.ID)
				return []publish.Media{card}, nil
			}}}
	if outcome, _ := h.run(t, in); outcome != "later" {
		t.Fatalf("first attempt: %s", outcome)
	}
	if rec, _ := tk.Plans().PostRecord(t.Context(), "e1"); rec.Uploaded["c0ffee"] != "media-1" {
		t.Errorf("the record keeps what was uploaded: %+v", rec)
	}
	if outcome, err := h.run(t, in); outcome != string(planstore.Published) {
		t.Fatalf("retry: %s %v", outcome, err)
	}
	if len(fake.posts) != 2 || len(fake.posts[0].Media) != 1 || fake.posts[0].Uploaded["c0ffee"] != "" || fake.posts[1].Uploaded["c0ffee"] != "media-1" {
		t.Errorf("posts given: %+v", fake.posts)
	}
	if len(asked) != 2 || !strings.HasPrefix(asked[0], "e1/") {
		t.Errorf("media asked for %v", asked)
	}
}

// A post names the page it leads to, untracked — the outbox's canonical — whatever link
// its text carries.
func TestPostNamesItsPageNotItsShortLink(t *testing.T) {
	tk, in := publishFixture(t)
	h := &publisher{rec: tk.Record(), locks: tk.Record().Locks(), tk: tk, log: slog.New(slog.DiscardHandler), hold: time.Minute, limits: config.Defaults().Limits}
	e, err := tk.Plans().Entry(t.Context(), in.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	e.Link = "https://go.example.com/r/abcdefghij"
	p, err := h.post(t.Context(), e)
	if err != nil || p == nil {
		t.Fatalf("post: %v %v", p, err)
	}
	if p.Link != e.Link || p.Page != "https://example.com/papers/quiet-pagers" {
		t.Errorf("link %q, page %q: want the short link and the paper's page", p.Link, p.Page)
	}
}
