package shares

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/review"
)

// fixture is a stored document's derivatives on a real redis-server, with people on two
// teams, and the services sharing needs.
type fixture struct {
	shares *Service
	links  *links.Service
	rdb    *redis.Client
	rec    *record.Store
	cfg    *config.Config
	ds     []record.Derivative
}

func newFixture(t *testing.T, tracking bool) *fixture {
	t.Helper()
	svc := recordtest.Start(t) // its S3; Redis is a real server
	srv := testservices.NewRedis(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
	t.Cleanup(func() { rdb.Close() })
	cfg := svc.Config
	if tracking {
		cfg.File.Tracking.ShortURL, cfg.File.Tracking.ClickParam = "https://go.example.com", "rp_click"
	}
	cfg.File.Users = []config.User{{Name: "alice", Role: config.RoleContributor, Team: "growth"},
		{Name: "bob", Role: config.RoleContributor, Regions: []string{"emea"}}, {Name: "carol", Role: config.RoleContributor, Team: "growth"}}
	now := func() time.Time { return time.Now().UTC() }
	rec := record.New(cfg, svc.S3, rdb, nil, now, slog.New(slog.DiscardHandler))
	rec.Extend(record.Extensions{IndexDerivative: links.IndexDerivative})
	s := recordtest.Save(t, rec, cfg, "q.md", recordtest.Doc, time.Unix(1000, 0))
	_, ds, err := rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	l := links.New(rec, cfg, svc.S3, rdb, now, slog.New(slog.DiscardHandler))
	return &fixture{shares: New(rec, cfg, rdb, l, review.New(rec, cfg, now), now), links: l, rdb: rdb, rec: rec, cfg: cfg, ds: ds}
}

func (f *fixture) first(t *testing.T, kind channel.Kind, ch channel.Name) *record.Derivative {
	d := recordtest.FirstOf(t, f.ds, kind, ch)
	return &d
}

// follow clicks a share's link as a reader would, and converts from the click.
func (f *fixture) follow(t *testing.T, link string, convert bool) string {
	t.Helper()
	code := strings.TrimPrefix(link, "https://go.example.com/r/")
	target, err := f.links.Follow(t.Context(), code, "203.0.113.9", "Mozilla/5.0", false)
	if err != nil {
		t.Fatalf("follow %s: %v", link, err)
	}
	if convert {
		u, _ := url.Parse(target)
		if _, _, err := f.links.Convert(t.Context(), u.Query().Get("rp_click"), "", false); err != nil {
			t.Fatal(err)
		}
	}
	f.links.Flush()
	return target
}

// A click on a person's link is credited to them: their link leads to the page tagged
// with the channel it was shared on and their name, and its click and conversion show on
// their shares and on the leaderboard, where people who opted out are absent.
func TestAClickOnAPersonsLinkIsCreditedToThem(t *testing.T) {
	f := newFixture(t, true)
	ctx := t.Context()
	tweet := f.first(t, channel.KindTweet, channel.X)
	alice, err := f.shares.Share(ctx, "alice", tweet, "linkedin", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(alice.URL, "https://go.example.com/r/") || alice.URL == tweet.Backlink || !strings.Contains(alice.Text, alice.URL) || strings.Contains(alice.Text, tweet.Backlink) {
		t.Fatalf("alice's share %+v: want her own short link in the text, not the topic's %s", alice, tweet.Backlink)
	}
	if alice.IntentURL != "" || !alice.Fits || alice.Count == 0 {
		t.Errorf("on LinkedIn: %+v, want it to fit and no intent (LinkedIn's takes only a URL)", alice)
	}
	target := f.follow(t, alice.URL, true)
	u, _ := url.Parse(target)
	if q := u.Query(); q.Get("utm_source") != "linkedin" || q.Get("utm_term") != "alice" {
		t.Errorf("alice's link leads to %s, want utm_source=linkedin and utm_term=alice", target)
	}
	bob, err := f.shares.Share(ctx, "bob", tweet, "x", "")
	if err != nil || bob.URL == alice.URL {
		t.Fatalf("bob's share %+v (%v), want a link of his own", bob, err)
	}
	carol, _ := f.shares.Share(ctx, "carol", tweet, "x", "")
	f.follow(t, carol.URL, false)
	f.follow(t, carol.URL, false)
	if _, err := f.shares.SetSettings(ctx, "carol", Settings{LeaderboardOptOut: true}); err != nil {
		t.Fatal(err)
	}

	mine, err := f.shares.Mine(ctx, "alice")
	if err != nil || len(mine.Shares) != 1 {
		t.Fatalf("alice's shares %+v (%v)", mine, err)
	}
	if s := mine.Shares[0]; s.Topic != tweet.ID || s.Channel != "linkedin" || s.URL != alice.URL || s.Clicks != 1 || s.Conversions != 1 || s.At.IsZero() {
		t.Errorf("alice's share %+v, want the tweet on LinkedIn with 1 click and 1 conversion", s)
	}
	if mine, _ := f.shares.Mine(ctx, "bob"); len(mine.Shares) != 1 || mine.Shares[0].Clicks != 0 {
		t.Errorf("bob's shares %+v, want one with no clicks (alice's and carol's are not his)", mine)
	}
	board, err := f.shares.Leaderboard(ctx, "", "30")
	if err != nil {
		t.Fatal(err)
	}
	want := []Person{{Name: "alice", Shares: 1, Clicks: 1, Conversions: 1}, {Name: "bob", Shares: 1}}
	if len(board.People) != len(want) || board.People[0] != want[0] || board.People[1] != want[1] {
		t.Errorf("leaderboard %+v, want %+v (carol opted out)", board.People, want)
	}
	if team, _ := f.shares.Leaderboard(ctx, "growth", ""); len(team.People) != 1 || team.People[0].Name != "alice" {
		t.Errorf("team growth: %+v, want alice alone", team.People)
	}
	if region, _ := f.shares.Leaderboard(ctx, "emea", ""); len(region.People) != 1 || region.People[0].Name != "bob" {
		t.Errorf("region emea: %+v, want bob alone", region.People)
	}
	if _, err := f.shares.SetSettings(ctx, "carol", Settings{}); err != nil {
		t.Fatal(err)
	}
	if board, _ := f.shares.Leaderboard(ctx, "", ""); len(board.People) != 3 || board.People[1].Name != "carol" || board.People[1].Clicks != 2 {
		t.Errorf("after carol opts back in: %+v, want her second with 2 clicks", board.People)
	}
	for _, bad := range []string{"0", "366", "week"} {
		if _, err := f.shares.Leaderboard(ctx, "", bad); !errors.Is(err, errs.Invalid) {
			t.Errorf("days=%s: %v, want invalid", bad, err)
		}
	}
}

// On X the intent carries the whole text when it fits with its link, counted by X's
// rules (the link as 23); a text that does not fit gets no intent. An unknown channel is
// refused.
func TestShareOnXOnlyWhatFits(t *testing.T) {
	f := newFixture(t, true)
	ctx := t.Context()
	tweet := f.first(t, channel.KindTweet, channel.X)
	x, err := f.shares.Share(ctx, "alice", tweet, "x", "")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := channel.Count(channel.X, x.Text)
	if !x.Fits || x.Count != n.Weighted || x.Limit != 280 || !strings.HasPrefix(x.IntentURL, "https://twitter.com/intent/tweet?text=") {
		t.Fatalf("a tweet on X: %+v", x)
	}
	if u, _ := url.Parse(x.IntentURL); u.Query().Get("text") != x.Text {
		t.Errorf("the intent carries %q, want the text %q", u.Query().Get("text"), x.Text)
	}
	long := f.first(t, channel.KindLinkedIn, channel.LinkedIn)
	li, err := f.shares.Share(ctx, "alice", long, "x", "")
	if err != nil {
		t.Fatal(err)
	}
	if li.Fits || li.IntentURL != "" || li.Count <= 280 {
		t.Errorf("a LinkedIn post on X: fits %v, count %d, intent %q; want no intent", li.Fits, li.Count, li.IntentURL)
	}
	if _, err := f.shares.Share(ctx, "alice", tweet, "myspace", ""); !errors.Is(err, errs.Invalid) {
		t.Errorf("an unknown channel: %v, want invalid", err)
	}
}

// With tracking off the link is the page itself, tagged with the channel and the person.
func TestShareWithoutTrackingNamesThePersonInUTM(t *testing.T) {
	f := newFixture(t, false)
	tweet := f.first(t, channel.KindTweet, channel.X)
	s, err := f.shares.Share(context.Background(), "bob", tweet, "linkedin", "")
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(s.URL)
	if err != nil || u.Host != "localhost" || u.Query().Get("utm_source") != "linkedin" || u.Query().Get("utm_term") != "bob" || !strings.Contains(s.Text, s.URL) {
		t.Errorf("share %+v: want the page with utm_source=linkedin and utm_term=bob in the text", s)
	}
	if mine, _ := f.shares.Mine(context.Background(), "bob"); len(mine.Shares) != 1 || mine.Shares[0].URL != s.URL {
		t.Errorf("bob's shares %+v", mine)
	}
}

// A person's record keeps their newest shares only.
func TestSharesAreBounded(t *testing.T) {
	f := newFixture(t, true)
	ctx := t.Context()
	tweet := f.first(t, channel.KindTweet, channel.X)
	for i := range maxPerPerson + 3 {
		d := *tweet
		d.ID = tweet.ID + "-" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26))
		if _, err := f.shares.Share(ctx, "alice", &d, "x", ""); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := f.rdb.HLen(ctx, keyShares("alice")).Result(); n != maxPerPerson {
		t.Errorf("alice's record holds %d shares, want %d", n, maxPerPerson)
	}
}

// A share's link keeps leading to the page after Redis is lost: reindex restores the
// shares and their links from the record.
func TestSharesAndTheirLinksSurviveALostRedis(t *testing.T) {
	f := newFixture(t, true)
	ctx := t.Context()
	tweet := f.first(t, channel.KindTweet, channel.X)
	s, err := f.shares.Share(ctx, "alice", tweet, "linkedin", "")
	if err != nil {
		t.Fatal(err)
	}
	f.shares.Share(ctx, "alice", tweet, "linkedin", "") // again: one share, one object
	f.rdb.FlushAll(ctx)
	if n, err := f.shares.Restore(ctx); err != nil || n != 1 {
		t.Fatalf("restored %d shares (%v), want 1", n, err)
	}
	fresh := links.New(f.rec, f.cfg, nil, f.rdb, time.Now, slog.New(slog.DiscardHandler))
	code := strings.TrimPrefix(s.URL, "https://go.example.com/r/")
	if l, err := fresh.Lookup(ctx, code); err != nil || l.Person != "alice" || !strings.Contains(l.Target, "utm_term=alice") {
		t.Errorf("alice's link after the loss: %+v (%v)", l, err)
	}
	if mine, _ := f.shares.Mine(ctx, "alice"); len(mine.Shares) != 1 || mine.Shares[0].URL != s.URL {
		t.Errorf("alice's shares after the loss: %+v", mine)
	}
	if n, _ := f.shares.Restore(ctx); n != 0 {
		t.Errorf("a second restore brought back %d, want 0", n)
	}
}

// A person's edited version is shared as they typed it, with their own link put back when
// they left it out; it is checked by the brand rules as a saved version is (the
// disclosure must stay). A preview is the same share, recorded only when shared.
func TestShareOfAnEditedVersion(t *testing.T) {
	f := newFixture(t, true)
	f.cfg.File.Brand.Disclosure = "(I work here)"
	ctx := t.Context()
	tweet := f.first(t, channel.KindTweet, channel.X)
	edited := "My own words on this paper (I work here)"
	pre, err := f.shares.Preview(ctx, "alice", tweet, "x", edited)
	if err != nil {
		t.Fatal(err)
	}
	if want := edited + " " + pre.URL; pre.Text != want || !strings.HasPrefix(pre.URL, "https://go.example.com/r/") {
		t.Errorf("a version without the link is shared as %q, want %q", pre.Text, want)
	}
	if mine, _ := f.shares.Mine(ctx, "alice"); len(mine.Shares) != 0 {
		t.Errorf("a preview was recorded as a share: %+v", mine.Shares)
	}
	sh, err := f.shares.Share(ctx, "alice", tweet, "x", edited)
	if err != nil || *sh != *pre {
		t.Fatalf("the share %+v (%v) is not what the preview showed %+v", sh, err, pre)
	}
	if mine, _ := f.shares.Mine(ctx, "alice"); len(mine.Shares) != 1 {
		t.Errorf("alice's shares after sharing: %+v", mine.Shares)
	}
	if _, err := f.shares.Preview(ctx, "alice", tweet, "x", "My own words, no disclosure"); !errors.Is(err, errs.Rejected) {
		t.Errorf("a version without the disclosure: %v, want it refused", err)
	}
}
