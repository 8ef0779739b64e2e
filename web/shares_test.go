package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/shares"
)

// The share routes answer the contract: a contributor's share of a topic carries a link
// of their own, shows on My shares and on the leaderboard until they opt out; an unknown
// channel is refused and nobody signed out sees any of it.
func TestShareRoutes(t *testing.T) {
	a := newTranslationAPI(t)
	_, d := approvedTweet(t, a.tk, "kube.md")

	var sh shares.Share
	out := want(t, a.call(t, "carl", "GET", "/api/v1/topics/"+d.ID+"/share?channel=x", ""), http.StatusOK)
	raw, _ := json.Marshal(out)
	if err := json.Unmarshal(raw, &sh); err != nil {
		t.Fatal(err)
	}
	if sh.Channel != "x" || sh.URL == "" || !strings.Contains(sh.Text, sh.URL) || sh.Count == 0 {
		t.Errorf("carl's share %+v: want his link in the text, counted", sh)
	}
	for _, key := range []string{"channel", "text", "url", "intent_url", "count", "fits"} {
		if _, ok := out[key]; !ok {
			t.Errorf("the share answer has no %q: %s", key, raw)
		}
	}
	want(t, a.call(t, "carl", "GET", "/api/v1/topics/"+d.ID+"/share?channel=myspace", ""), http.StatusBadRequest)

	var mine shares.Mine
	decodeInto(t, a.call(t, "carl", "GET", "/api/v1/me/shares", ""), &mine)
	if len(mine.Shares) != 1 || mine.Shares[0].Topic != d.ID || mine.Shares[0].URL != sh.URL {
		t.Errorf("carl's shares %+v, want the one he made", mine.Shares)
	}
	board := func() []shares.Person {
		var lb shares.Leaderboard
		decodeInto(t, a.call(t, "mia", "GET", "/api/v1/leaderboard?days=30", ""), &lb)
		return lb.People
	}
	if people := board(); len(people) != 1 || people[0].Name != "carl" || people[0].Shares != 1 {
		t.Errorf("leaderboard %+v, want carl with one share", people)
	}
	want(t, a.call(t, "carl", "PUT", "/api/v1/me/sharing", `{"leaderboard_opt_out": true}`), http.StatusOK)
	if people := board(); len(people) != 0 {
		t.Errorf("leaderboard %+v after carl opted out", people)
	}
	var set shares.Settings
	decodeInto(t, a.call(t, "carl", "GET", "/api/v1/me/sharing", ""), &set)
	if !set.LeaderboardOptOut {
		t.Error("carl's opt-out is not kept")
	}
	want(t, a.call(t, "mia", "GET", "/api/v1/leaderboard?days=week", ""), http.StatusBadRequest)

	for _, path := range []string{"/api/v1/me/shares", "/api/v1/leaderboard", "/api/v1/topics/" + d.ID + "/share?channel=x"} {
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("signed out, GET %s: HTTP %d, want 401", path, rec.Code)
		}
	}
}

func decodeInto(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("HTTP %d: %s", rec.Code, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatal(err)
	}
}
