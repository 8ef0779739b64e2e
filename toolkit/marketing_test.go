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
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
)

var firstOf = recordtest.FirstOf

func TestAnEditTheRulesRefuseIs422(t *testing.T) {
	tk, _ := newTestToolkit(t)
	tk.cfg.File.Brand = config.Brand{BannedPhrases: []string{"Game-Changer"}}
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	tw := firstOf(t, ds, channel.KindTweet, channel.X)
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
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if _, _, err := tk.reviews.Claim(t.Context(), ds[0].ID, "ann"); err != nil {
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
	if h, err := tk.rec.Claims().Holder(t.Context(), ds[0].ID); err != nil || h != "" {
		t.Error("the claim was not released")
	}
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err == nil {
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
