package review_test

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/review"
)

const doc = recordtest.Doc

func newReview(t *testing.T) (*recordtest.Services, *record.Store, *review.Service) {
	svc := recordtest.Start(t)
	now := func() time.Time { return time.Now().UTC() }
	rec := record.New(svc.Config, svc.S3, svc.Redis, nil, now, slog.New(slog.DiscardHandler))
	return svc, rec, review.New(rec, svc.Config, now)
}

var firstOf = recordtest.FirstOf

func TestEditIsCheckedStoredAndNeedsApprovalAgain(t *testing.T) {
	svc, rec, rv := newReview(t)
	mr := svc.Mini
	svc.Config.File.Brand = config.Brand{BannedPhrases: []string{"Game-Changer"}, Spellings: []string{"GitHub"}}
	s := recordtest.Save(t, rec, svc.Config, "q.md", doc, time.Unix(1000, 0))
	if _, err := rv.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	_, ds, err := rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	tw := firstOf(t, ds, channel.KindTweet, channel.X)

	var bad *errs.Error
	if _, err := rv.EditDerivative(t.Context(), tw.ID, "This is a game-changer for queues.", "m"); !errors.As(err, &bad) || bad.Kind != errs.Rejected ||
		bad.Code != "banned_phrase" || !strings.Contains(bad.Msg, "Game-Changer") {
		t.Fatalf("banned phrase: %v", err)
	}
	if _, err := rv.EditDerivative(t.Context(), tw.ID, strings.Repeat("Queues absorb bursts. ", 20), "m"); !errors.As(err, &bad) || bad.Kind != errs.Rejected ||
		bad.Code != "over_limit" || !strings.Contains(bad.Msg, "of 280") {
		t.Fatalf("over the limit: %v", err)
	}

	d, err := rv.EditDerivative(t.Context(), tw.ID, "We moved our queues to github and slept better.", "mia")
	if err != nil {
		t.Fatal(err)
	}
	if d.Template != "We moved our queues to GitHub and slept better. {link}" || !strings.HasSuffix(d.Text, tw.Backlink) {
		t.Errorf("edit not spelled or not linked: template %q text %q", d.Template, d.Text)
	}
	if d.Status != record.Draft || d.EditedBy != "mia" || d.EditedAt.IsZero() || d.Length == nil || !d.Length.Valid {
		t.Errorf("edited derivative: %+v", d)
	}
	// A text that keeps the link keeps it where the person put it.
	d, err = rv.EditDerivative(t.Context(), tw.ID, "Read "+tw.Backlink+" about queues.", "mia")
	if err != nil || d.Template != "Read {link} about queues." {
		t.Fatalf("link kept in place: %q %v", d.Template, err)
	}

	// The edit lives in the record: a rebuilt index shows it.
	mr.FlushAll()
	if _, err := rec.Reindex(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	got, err := rec.Derivative(t.Context(), tw.ID)
	if err != nil || got.Template != "Read {link} about queues." || got.Status != record.Draft || got.EditedBy != "mia" {
		t.Fatalf("after reindex: %+v %v", got, err)
	}
}

func TestClaimsAreExclusiveUntilTheyExpire(t *testing.T) {
	svc, rec, rv := newReview(t)
	mr := svc.Mini
	ctx := t.Context()
	s := recordtest.Save(t, rec, svc.Config, "q.md", doc, time.Unix(1000, 0))
	_, ds, err := rec.SourceWithDerivatives(ctx, s.ID)
	if err != nil || len(ds) == 0 {
		t.Fatalf("derivatives: %v %d", err, len(ds))
	}
	id := ds[0].ID
	if _, _, err := rv.Claim(ctx, id, "ana"); !errors.Is(err, errs.Conflict) {
		t.Fatalf("claiming a draft: %v, want a conflict", err)
	}
	if _, err := rv.ApproveSource(ctx, s.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rv.Claim(ctx, id, "ana"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rv.Claim(ctx, id, "ana"); err != nil {
		t.Errorf("the holder claiming again: %v", err)
	}
	if _, _, err := rv.Claim(ctx, id, "ben"); !errors.Is(err, errs.Conflict) {
		t.Errorf("a second contributor's claim: %v, want a conflict", err)
	}
	if err := rv.Release(ctx, id, "ben", false); !errors.Is(err, errs.Conflict) {
		t.Errorf("release by someone else: %v, want a conflict", err)
	}
	mr.FastForward(svc.Config.File.Limits.ClaimTTL.Std() + time.Second)
	if _, _, err := rv.Claim(ctx, id, "ben"); err != nil {
		t.Errorf("claim after expiry: %v", err)
	}
	if err := rv.Release(ctx, id, "ben", false); err != nil {
		t.Errorf("release by the holder: %v", err)
	}
}

func TestWithdrawRemovesTopicsAndSurvivesReindex(t *testing.T) {
	svc, rec, rv := newReview(t)
	mr := svc.Mini
	s := recordtest.Save(t, rec, svc.Config, "q.md", doc, time.Unix(1000, 0))
	if _, err := rv.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	_, ds, _ := rec.SourceWithDerivatives(t.Context(), s.ID)
	if _, _, err := rv.Claim(t.Context(), ds[0].ID, "ann"); err != nil {
		t.Fatal(err)
	}
	topics := func() int {
		t.Helper()
		p, err := rec.Topics(t.Context(), record.TopicFilter{}, 100, "")
		if err != nil {
			t.Fatal(err)
		}
		return len(p.Items)
	}
	if topics() == 0 {
		t.Fatal("no topics before withdrawing")
	}
	w, err := rec.Withdraw(t.Context(), s.ID, "mia")
	if err != nil || w.Status != record.StatusWithdrawn || w.WithdrawnBy != "mia" {
		t.Fatalf("withdraw: %+v %v", w, err)
	}
	if n := topics(); n != 0 {
		t.Errorf("%d topics left after withdrawing", n)
	}
	if h, err := rec.Claims().Holder(t.Context(), ds[0].ID); err != nil || h != "" {
		t.Error("the claim was not released")
	}
	if _, err := rv.ApproveSource(t.Context(), s.ID, "mia"); err == nil {
		t.Error("a withdrawn source could be approved back into the topics")
	}
	mr.FlushAll()
	if _, err := rec.Reindex(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if n := topics(); n != 0 {
		t.Errorf("reindex brought back %d topics", n)
	}
	if got, err := rec.Source(t.Context(), s.ID); err != nil || got.Status != record.StatusWithdrawn {
		t.Errorf("after reindex: %+v %v", got, err)
	}
	// A new version of the file brings it back.
	recordtest.Save(t, rec, svc.Config, "q.md", doc+"\nOne more line.\n", time.Unix(2000, 0))
	if got, _ := rec.Source(t.Context(), s.ID); got.Withdrawn() || topics() == 0 {
		t.Errorf("a new version did not bring it back: %+v", got)
	}
}
