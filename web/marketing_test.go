package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/web/auth"
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
	tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: "m", Role: config.RoleMarketing, TokenSHA256: auth.HashToken("tok")})
	req := httptest.NewRequest("POST", "/api/v1/derivatives/"+tw.ID+"/edit", strings.NewReader(`{"text":"A GAME-CHANGER."}`))
	req.Header.Set("Authorization", "Bearer tok")
	rec := httptest.NewRecorder()
	tk.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "banned_phrase") {
		t.Errorf("API edit with a banned phrase: %d %s", rec.Code, rec.Body)
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
