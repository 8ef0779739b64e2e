package links

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
)

// newTestService is the links of an approved document on the in-process Redis and S3,
// with tracking on; it returns the snippet's tracked code.
func newTestService(t *testing.T) (*Service, *recordtest.Services, string) {
	t.Helper()
	svc := recordtest.Start(t)
	svc.Config.File.Tracking.ShortURL, svc.Config.File.Tracking.ClickParam = "https://go.example.com", "rp_click"
	now := func() time.Time { return time.Now().UTC() }
	rec := record.New(svc.Config, svc.S3, svc.Redis, nil, now, slog.Default())
	rec.Extend(record.Extensions{IndexDerivative: IndexDerivative})
	s := recordtest.Save(t, rec, svc.Config, "q.md", recordtest.Doc, time.Unix(1000, 0))
	_, ds, err := rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	d := recordtest.FirstOf(t, ds, "snippet", "any")
	return New(rec, svc.Config, svc.S3, svc.Redis, now, slog.Default()), svc, record.TrackedCode(d.ID, string(d.Channel), "")
}

// A person following a link gets a click ID naming the code and signed by this server;
// one changed by a character, one from an unknown key and one older than 30 days are
// refused; an unknown code leads nowhere.
func TestClickIDs(t *testing.T) {
	s, _, code := newTestService(t)
	ctx := t.Context()
	target, err := s.Follow(ctx, code, "203.0.113.7", "Mozilla/5.0", false)
	u, _ := url.Parse(target)
	id := u.Query().Get("rp_click")
	if err != nil || id == "" || !strings.Contains(target, "utm_source=any") {
		t.Fatalf("follow: %q (%v)", target, err)
	}
	if c, err := s.ClickCode(ctx, id); err != nil || c != code {
		t.Errorf("click ID %q: code %q (%v), want %q", id, c, err, code)
	}
	key, _ := s.Key(ctx)
	old := code + ".1.abcdefghij"
	for name, bad := range map[string]string{
		"changed":      id[:len(id)-1] + string(id[len(id)-1]^1),
		"another key":  newClickID([]byte(strings.Repeat("k", 32)), code, time.Now()),
		"from 1970":    old + "." + clickSignature(key, old),
		"not an ID":    "forged",
		"missing part": strings.Join(strings.Split(id, ".")[:3], "."),
	} {
		if _, err := s.ClickCode(ctx, bad); !errors.Is(err, errs.Invalid) {
			t.Errorf("%s click ID %q: %v, want invalid", name, bad, err)
		}
	}
	if target, err := s.Follow(ctx, "nosuchcode", "203.0.113.7", "Mozilla/5.0", false); !errors.Is(err, errs.NotFound) || target != "" {
		t.Errorf("an unknown code: %q, %v", target, err)
	}
	if target, _ := s.Follow(ctx, code, "", "Twitterbot/1.0", true); strings.Contains(target, "rp_click") {
		t.Errorf("a preview got a click ID: %s", target)
	}
}

// The link key outlives a flushed Redis: click IDs signed before still convert.
func TestLinkKeyOutlivesRedis(t *testing.T) {
	s, svc, _ := newTestService(t)
	ctx := t.Context()
	before, _ := s.Key(ctx)
	svc.Redis.FlushAll(ctx)
	fresh := New(s.rec, svc.Config, svc.S3, svc.Redis, s.now, slog.Default())
	if after, err := fresh.Key(ctx); err != nil || string(after) != string(before) {
		t.Errorf("the key changed with Redis (%v)", err)
	}
}

// Clicks reach Redis while Run runs, and every one still held when it stops; after it
// stops, clicks are written as they come.
func TestRunWritesEveryClick(t *testing.T) {
	s, svc, code := newTestService(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() { done <- s.Run(ctx) }()
	dayCount := func() string {
		v, _ := svc.Redis.HGet(t.Context(), keyDayCounts(time.Now()), KindClick+":"+code).Result()
		return v
	}
	s.Follow(t.Context(), code, "198.51.100.1", "Mozilla/5.0", false)
	deadline := time.Now().Add(5 * time.Second)
	for dayCount() != "1" && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := dayCount(); got != "1" {
		t.Fatalf("a click while running: %q counted", got)
	}
	for range 3 {
		s.Follow(t.Context(), code, "198.51.100.1", "Mozilla/5.0", false)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := dayCount(); got != "4" {
		t.Errorf("after the stop: %q clicks, want 4", got)
	}
	s.Follow(t.Context(), code, "198.51.100.1", "Mozilla/5.0", false)
	if got := dayCount(); got != "5" {
		t.Errorf("a click after the stop: %q, want 5 at once", got)
	}
}

// A day's unique visitors never exceed its clicks: the HyperLogLog's estimate and a count
// restored from before Redis was lost can both say more.
func TestUniquesNeverExceedClicks(t *testing.T) {
	s, svc, code := newTestService(t)
	ctx := t.Context()
	s.Follow(ctx, code, "198.51.100.1", "Mozilla/5.0", false)
	s.Flush()
	day := time.Now().UTC()
	// Three visitors and a restored count of 2 against one click.
	svc.Redis.PFAdd(ctx, keyUniques(day.Format("20060102"), code), "a", "b", "c")
	svc.Redis.HSet(ctx, keyDayUniqueCounts(day.Format("20060102")), code, 2)
	r, err := s.DayCounts(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if c, u := r.Counts[KindClick+":"+code], r.Uniques[code]; c != 1 || u != 1 {
		t.Errorf("clicks %d, uniques %d: want 1 and 1", c, u)
	}
	if _, err := s.RollUp(ctx); err != nil {
		t.Fatal(err)
	}
	svc.Redis.FlushAll(ctx)
	r, err = s.DayCounts(ctx, day)
	if err != nil || r.Uniques[code] != 1 {
		t.Errorf("from the rollup: uniques %d (%v), want 1", r.Uniques[code], err)
	}
}

// A backlink's page drops the UTM tags and the section anchor and keeps other parameters.
func TestPage(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/p?utm_source=x&utm_medium=social&id=7#s2": "https://example.com/p?id=7",
		"https://example.com/p#intro":                                  "https://example.com/p",
		"mailto:a@example.com":                                         "",
	} {
		if got := Page(in); got != want {
			t.Errorf("Page(%q) = %q, want %q", in, got, want)
		}
	}
}

// CodeCounts adds up a link's clicks and conversions over a span: today's from Redis, a
// day Redis no longer keeps from its rollup; other links' counts are left out.
func TestCodeCountsOverASpan(t *testing.T) {
	s, _, code := newTestService(t)
	ctx := t.Context()
	target, _ := s.Follow(ctx, code, "198.51.100.1", "Mozilla/5.0", false)
	s.Follow(ctx, code, "198.51.100.2", "Mozilla/5.0", false)
	s.Flush()
	u, _ := url.Parse(target)
	if _, _, err := s.Convert(ctx, u.Query().Get("rp_click"), "", false); err != nil {
		t.Fatal(err)
	}
	old := time.Now().UTC().AddDate(0, 0, -50)
	if err := s.rec.PutJSON(ctx, s.rollupKey("days", old.Format("20060102")), Rollup{Period: old.Format("20060102"),
		Counts: map[string]int64{KindClick + ":" + code: 5, KindConverted + ":" + code: 2, KindClick + ":other": 9}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.CodeCounts(ctx, []string{code}, time.Now().AddDate(0, 0, -60), time.Now())
	if err != nil || len(got) != 1 || got[code] != (Tally{Clicks: 7, Conversions: 3}) {
		t.Errorf("counts %+v (%v), want 7 clicks and 3 conversions for %s alone", got, err, code)
	}
	if got, _ := s.CodeCounts(ctx, []string{code}, time.Now().AddDate(0, 0, -10), time.Now()); got[code] != (Tally{Clicks: 2, Conversions: 1}) {
		t.Errorf("the last 10 days: %+v, want 2 clicks and 1 conversion", got[code])
	}
}
