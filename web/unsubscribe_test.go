package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/digest"
	"github.com/repurpose/repurpose/record"
)

// A digest's unsubscribe link asks first (a mail scanner's GET changes nothing), then the
// POST — the page's button or a mail client's one-click — stops the digests; a token
// altered to name someone else is refused, and nobody is unsubscribed by it.
func TestUnsubscribeLinkAsksThenStops(t *testing.T) {
	tk, _ := newTestToolkit(t)
	tk.cfg.File.Users = append(tk.cfg.File.Users,
		config.User{Name: "ana", Role: config.RoleContributor, Digest: &config.Digest{Every: config.DigestWeekly, SlackWebhookEnv: "ANA_SLACK"}},
		config.User{Name: "bob", Role: config.RoleContributor, Digest: &config.Digest{Every: config.DigestWeekly, SlackWebhookEnv: "BOB_SLACK"}})
	d := digest.New(digest.Options{File: &tk.cfg.File, PublicURL: "https://toolkit.example.com", Topics: tk.rec, Redis: tk.rdb,
		Leases: record.NewLocks(tk.rdb), Getenv: func(string) string { return "https://hooks.example.com/x" },
		Key: func(context.Context) ([]byte, error) { return []byte("0123456789abcdef0123456789abcdef"), nil }})
	h := New(tk.tk, tk.log, Options{Digests: d})
	link, err := d.UnsubscribeURL(t.Context(), "ana")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(link)
	token := u.Query().Get("token")
	do := func(method, token string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, "/digest/unsubscribe?token="+url.QueryEscape(token), nil))
		return rec
	}
	unsubscribed := func(who string) bool {
		at, err := d.Unsubscribed(t.Context(), who)
		if err != nil {
			t.Fatal(err)
		}
		return !at.IsZero()
	}

	if rec := do("GET", token); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `<form method="post">`) || unsubscribed("ana") {
		t.Fatalf("GET: HTTP %d, unsubscribed %v: a GET must only ask\n%s", rec.Code, unsubscribed("ana"), rec.Body)
	}
	name, _, _ := strings.Cut(token, ".")
	forged := strings.Replace(token, name, "Ym9i", 1) // "bob", signed for ana
	if rec := do("POST", forged); rec.Code != http.StatusForbidden || unsubscribed("bob") {
		t.Errorf("forged token: HTTP %d, bob unsubscribed %v", rec.Code, unsubscribed("bob"))
	}
	if rec := do("POST", token); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "You are unsubscribed") || !unsubscribed("ana") {
		t.Errorf("POST: HTTP %d, unsubscribed %v\n%s", rec.Code, unsubscribed("ana"), rec.Body)
	}
}
