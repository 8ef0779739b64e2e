package toolkit

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/tasks"
)

// firstOf is the first derivative of kind on channel.
func firstOf(t testing.TB, ds []record.Derivative, kind channel.Kind, ch channel.Name) record.Derivative {
	t.Helper()
	for _, d := range ds {
		if d.Kind == kind && d.Channel == ch {
			return d
		}
	}
	t.Fatalf("no %s on %s among %d derivatives", kind, ch, len(ds))
	return record.Derivative{}
}

func TestEditIsCheckedStoredAndNeedsApprovalAgain(t *testing.T) {
	tk, mr := newTestToolkit(t)
	tk.cfg.File.Brand = config.Brand{BannedPhrases: []string{"Game-Changer"}, Spellings: []string{"GitHub"}}
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	if _, err := tk.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	tw := firstOf(t, ds, channel.KindTweet, channel.X)

	var bad *errs.Error
	if _, err := tk.EditDerivative(t.Context(), tw.ID, "This is a game-changer for queues.", "m"); !errors.As(err, &bad) || bad.Kind != errs.Rejected ||
		bad.Code != "banned_phrase" || !strings.Contains(bad.Msg, "Game-Changer") {
		t.Fatalf("banned phrase: %v", err)
	}
	if _, err := tk.EditDerivative(t.Context(), tw.ID, strings.Repeat("Queues absorb bursts. ", 20), "m"); !errors.As(err, &bad) || bad.Kind != errs.Rejected ||
		bad.Code != "over_limit" || !strings.Contains(bad.Msg, "of 280") {
		t.Fatalf("over the limit: %v", err)
	}

	d, err := tk.EditDerivative(t.Context(), tw.ID, "We moved our queues to github and slept better.", "mia")
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
	d, err = tk.EditDerivative(t.Context(), tw.ID, "Read "+tw.Backlink+" about queues.", "mia")
	if err != nil || d.Template != "Read {link} about queues." {
		t.Fatalf("link kept in place: %q %v", d.Template, err)
	}

	// The edit lives in the record: a rebuilt index shows it.
	mr.FlushAll()
	if _, err := tk.rec.Reindex(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	got, err := tk.rec.Derivative(t.Context(), tw.ID)
	if err != nil || got.Template != "Read {link} about queues." || got.Status != record.Draft || got.EditedBy != "mia" {
		t.Fatalf("after reindex: %+v %v", got, err)
	}

	// Over HTTP: 422 with the reason.
	tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: "m", Role: config.RoleMarketing, TokenSHA256: HashToken("tok")})
	req := httptest.NewRequest("POST", "/api/v1/derivatives/"+tw.ID+"/edit", strings.NewReader(`{"text":"A GAME-CHANGER."}`))
	req.Header.Set("Authorization", "Bearer tok")
	rec := httptest.NewRecorder()
	tk.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "banned_phrase") {
		t.Errorf("API edit with a banned phrase: %d %s", rec.Code, rec.Body)
	}
}

func TestWithdrawRemovesTopicsAndSurvivesReindex(t *testing.T) {
	tk, mr := newTestToolkit(t)
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	if _, err := tk.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if _, _, err := tk.Claim(t.Context(), ds[0].ID, "ann"); err != nil {
		t.Fatal(err)
	}
	topics := func() int {
		t.Helper()
		p, err := tk.rec.Topics(t.Context(), record.TopicFilter{}, 100, "")
		if err != nil {
			t.Fatal(err)
		}
		return len(p.Items)
	}
	if topics() == 0 {
		t.Fatal("no topics before withdrawing")
	}
	w, err := tk.rec.Withdraw(t.Context(), s.ID, "mia")
	if err != nil || w.Status != record.StatusWithdrawn || w.WithdrawnBy != "mia" {
		t.Fatalf("withdraw: %+v %v", w, err)
	}
	if n := topics(); n != 0 {
		t.Errorf("%d topics left after withdrawing", n)
	}
	if h, err := tk.rec.ClaimHolder(t.Context(), ds[0].ID); err != nil || h != "" {
		t.Error("the claim was not released")
	}
	if _, err := tk.ApproveSource(t.Context(), s.ID, "mia"); err == nil {
		t.Error("a withdrawn source could be approved back into the topics")
	}
	mr.FlushAll()
	if _, err := tk.rec.Reindex(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if n := topics(); n != 0 {
		t.Errorf("reindex brought back %d topics", n)
	}
	if got, err := tk.rec.Source(t.Context(), s.ID); err != nil || got.Status != record.StatusWithdrawn {
		t.Errorf("after reindex: %+v %v", got, err)
	}
	// A new version of the file brings it back.
	save(t, tk, "q.md", doc+"\nOne more line.\n", time.Unix(2000, 0))
	if got, _ := tk.rec.Source(t.Context(), s.ID); got.Withdrawn() || topics() == 0 {
		t.Errorf("a new version did not bring it back: %+v", got)
	}
}

func TestRerunQueuesAForcedTaskEachTime(t *testing.T) {
	tk, mr := newQueueingToolkit(t)
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	if _, err := tk.s3.Put(t.Context(), "inbox", "q.md", []byte(doc), "text/markdown"); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		got, queued, err := tk.rec.Rerun(t.Context(), s.ID)
		if err != nil || !queued || got.Status != record.StatusQueued {
			t.Fatalf("re-run %d: %+v %v %v", i, got, queued, err)
		}
		time.Sleep(time.Millisecond) // a distinct re-run
	}
	ins := asynq.NewInspector(asynq.RedisClientOpt{Addr: mr.Addr()})
	defer ins.Close()
	pending, err := ins.ListPendingTasks(tasks.QueueIngest)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 {
		t.Fatalf("%d pending tasks, want 2", len(pending))
	}
	for _, p := range pending {
		in, err := tasks.DecodeIngest(p.Payload)
		if err != nil || !in.Force || in.Key != "q.md" || in.ETag == "" {
			t.Errorf("task %s: %+v %v", p.ID, in, err)
		}
	}
	if err := tk.s3.Delete(t.Context(), "inbox", "q.md"); err == nil {
		if _, _, err := tk.rec.Rerun(t.Context(), s.ID); !errors.Is(err, errs.Conflict) {
			t.Errorf("re-run of a removed file: %v", err)
		}
	}
}

func TestMarketingPages(t *testing.T) {
	tk, srv := uiServer(t)
	tk.cfg.File.Brand.BannedPhrases = []string{"synergy"}
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	c := browser(t)
	signIn(t, c, srv, "marketing", testPassword, "")
	if res, body := do(t, c, "GET", srv.URL+"/ui/campaigns", nil); res.StatusCode != 200 ||
		!strings.Contains(body, "default") || !strings.Contains(body, "utm_medium=social") ||
		!strings.Contains(body, "Drip plan: launch") || !strings.Contains(body, "<td>7-28</td><td>snippet</td>") ||
		!strings.Contains(body, "recycled every 30 days, 2 times") || !strings.Contains(body, "synergy") {
		t.Errorf("campaigns page: %d\n%s", res.StatusCode, body)
	}
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	tw := firstOf(t, ds, channel.KindTweet, channel.X)
	if _, body := do(t, c, "GET", srv.URL+"/ui/sources/"+s.ID, nil); !strings.Contains(body, `action="/ui/derivatives/`+tw.ID+`/edit"`) ||
		!strings.Contains(body, `data-counter="n-`+tw.ID+`"`) || !strings.Contains(body, "/rerun") {
		t.Error("the review page has no edit form, counter or re-run button")
	}
	if res, body := do(t, c, "POST", srv.URL+"/ui/derivatives/"+tw.ID+"/edit", url.Values{"text": {"Pure synergy."}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "synergy") {
		t.Errorf("banned edit from the form: %d", res.StatusCode)
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/derivatives/"+tw.ID+"/edit", url.Values{"text": {"Queues, shorter."}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("edit from the form: %d", res.StatusCode)
	}
	if _, body := do(t, c, "GET", srv.URL+"/ui/sources/"+s.ID, nil); !strings.Contains(body, "Queues, shorter.") || !strings.Contains(body, "Edited by marketing") {
		t.Error("the review page does not show the edit")
	}
	if res, body := do(t, c, "POST", srv.URL+"/ui/sources/"+s.ID+"/withdraw", url.Values{}); res.StatusCode != 200 || !strings.Contains(body, `name="confirm" value="yes"`) {
		t.Errorf("withdraw asks first: %d", res.StatusCode)
	}
	if got, _ := tk.rec.Source(t.Context(), s.ID); got.Withdrawn() {
		t.Fatal("withdrawn without confirming")
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/sources/"+s.ID+"/withdraw", url.Values{"confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("confirmed withdraw: %d", res.StatusCode)
	}
	if got, _ := tk.rec.Source(t.Context(), s.ID); !got.Withdrawn() {
		t.Error("not withdrawn after confirming")
	}
}
