package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/web/auth"
)

// TestRouteRoleMatrix walks every API route with every role (and none): each answer is
// either the route's work or the refusal the role deserves, never anything in between.
func TestRouteRoleMatrix(t *testing.T) {
	tk, _ := newTestToolkit(t)
	tokens := map[config.Role]string{}
	for _, r := range []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional, config.RoleContributor} {
		tokens[r] = "token-of-" + string(r)
		tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: string(r) + "-user", Role: r, TokenSHA256: auth.HashToken(tokens[r])})
	}
	// Translation routes: the regional user works in emea, which reads de.
	tk.cfg.File.Regions = append(tk.cfg.File.Regions, config.Region{ID: "emea", Locales: []string{"de"}})
	for i := range tk.cfg.File.Users {
		if tk.cfg.File.Users[i].Role == config.RoleRegional {
			tk.cfg.File.Users[i].Regions = append(tk.cfg.File.Users[i].Regions, "emea")
		}
	}
	// Accounts: an X account an admin can start connecting.
	tk.cfg.Infra.TokenKey = make([]byte, 32)
	tk.cfg.File.Accounts = map[string]config.Account{"x-main": {Type: "x", Settings: map[string]string{"client_id": "cid"}}}
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	d := ds[0].ID
	all := []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional, config.RoleContributor}
	routes := []struct {
		method, path, body string
		allowed            []config.Role
	}{
		{"GET", "/api/v1/me", "", all},
		{"GET", "/api/v1/sources", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/sources/" + s.ID, "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/sources/" + s.ID + "/approve", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/api/v1/derivatives/" + d + "/approve", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/api/v1/derivatives/" + ds[1].ID + "/reject", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"GET", "/api/v1/topics", "", all},
		{"POST", "/api/v1/topics/" + d + "/claim", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"DELETE", "/api/v1/topics/" + d + "/claim", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"PUT", "/api/v1/topics/" + d + "/rewrite", `{"text":"Queues absorb bursts."}`, []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"GET", "/api/v1/topics/" + d + "/rewrite", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"POST", "/api/v1/count", `{"channel":"x","text":"hello"}`, all},
		{"POST", "/api/v1/topics/" + d + "/share/preview", `{"channel":"x","text":""}`, all},
		{"POST", "/api/v1/derivatives/" + ds[2].ID + "/edit", `{"text":"Queues absorb bursts."}`, []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/api/v1/sources/" + s.ID + "/rerun", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/api/v1/derivatives/" + d + "/translations/de", `{"text":"Hallo Welt."}`, []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/derivatives/" + d + "/translations/de/approve", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/derivatives/" + d + "/translations/de/reject", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/translations?locale=de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/snippets?region=emea&locale=de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/snippets.csv?region=emea&locale=de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/calendar?region=emea", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/calendar/emea.ics", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/plan/entries/nope/reschedule", `{"at":"2099-01-01T09:00:00Z"}`, []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/plan/entries/nope/cancel", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/plan/entries/nope/resolve", `{"published":true}`, []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/regions/emea/pause", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/api/v1/regions/emea/resume", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		// Web UI pages and forms: the signed-out are sent to sign in instead of a 401.
		{"GET", "/ui/", "", all},
		{"GET", "/ui/sources", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/upload", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"GET", "/ui/sources/" + s.ID, "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/sources/" + s.ID + "/approve", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/derivatives/" + d + "/approve", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/derivatives/" + ds[1].ID + "/reject", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/derivatives/" + ds[2].ID + "/edit", "text=Queues+absorb+bursts.", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/sources/" + s.ID + "/rerun", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"POST", "/ui/sources/" + s.ID + "/withdraw", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"GET", "/ui/campaigns", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
		{"GET", "/ui/topics", "", all},
		{"GET", "/ui/topics/" + d, "", all},
		{"POST", "/ui/topics/" + d + "/claim", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"POST", "/ui/topics/" + d + "/release", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"POST", "/ui/topics/" + d + "/rewrite", "text=Queues+absorb+bursts.", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}},
		{"GET", "/ui/topics/" + d + "/reminder.ics?at=2025-06-02T09:00&tz=Europe/Madrid", "", all},
		{"GET", "/ui/topics/" + d + "/share?channel=linkedin", "", all},
		{"GET", "/ui/shares", "", all},
		{"GET", "/ui/leaderboard", "", all},
		{"POST", "/ui/me/sharing", "leaderboard=on", all},
		{"GET", "/ui/translations?locale=de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/ui/translations/" + d + "/de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/translations/" + d + "/de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/translations/" + d + "/de/machine", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/translations/" + d + "/de/approve", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/translations/" + d + "/de/reject", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/ui/snippets?region=emea&locale=de", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/ui/calendar", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/ui/analytics", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/analytics", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/analytics.csv", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/api/v1/analytics/hooks", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/plan/nope/reschedule", "at=2099-01-01T09:00", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/plan/nope/cancel", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/plan/nope/resolve", "published=yes", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/regions/emea/pause", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"POST", "/ui/regions/emea/resume", "", []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}},
		{"GET", "/ui/accounts", "", []config.Role{config.RoleAdmin}},
		{"POST", "/ui/accounts/x-main/connect", "", []config.Role{config.RoleAdmin}},
		{"GET", "/oauth/callback?state=unknown&code=c", "", []config.Role{config.RoleAdmin}},
		// Last: it takes the source's topics away.
		{"POST", "/api/v1/sources/" + s.ID + "/withdraw", "", []config.Role{config.RoleAdmin, config.RoleMarketing}},
	}
	h := tk.Handler()
	call := func(method, path, body, token string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, rt := range routes {
		refused := func(rec *httptest.ResponseRecorder) bool {
			if strings.HasPrefix(rt.path, "/ui/") || strings.HasPrefix(rt.path, "/oauth/") {
				return rec.Code == http.StatusSeeOther && strings.HasPrefix(rec.Header().Get("Location"), "/signin?next=")
			}
			return rec.Code == http.StatusUnauthorized
		}
		if rec := call(rt.method, rt.path, rt.body, ""); !refused(rec) {
			t.Errorf("%s %s without a token: HTTP %d, want 401 (or 303 to /signin for a page)", rt.method, rt.path, rec.Code)
		}
		if rec := call(rt.method, rt.path, rt.body, "not-a-token"); !refused(rec) {
			t.Errorf("%s %s with a wrong token: HTTP %d, want 401 (or 303 to /signin for a page)", rt.method, rt.path, rec.Code)
		}
		for _, role := range all {
			allowed := false
			for _, a := range rt.allowed {
				allowed = allowed || a == role
			}
			rec := call(rt.method, rt.path, rt.body, tokens[role])
			switch {
			case allowed && (rec.Code == http.StatusUnauthorized || rec.Code == http.StatusForbidden):
				t.Errorf("%s %s as %s: HTTP %d, want it allowed", rt.method, rt.path, role, rec.Code)
			case allowed && rec.Code >= 500:
				t.Errorf("%s %s as %s: HTTP %d: %s", rt.method, rt.path, role, rec.Code, rec.Body)
			case !allowed && rec.Code != http.StatusForbidden:
				t.Errorf("%s %s as %s: HTTP %d, want 403", rt.method, rt.path, role, rec.Code)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s %s: X-Content-Type-Options %q", rt.method, rt.path, got)
			}
			if !strings.Contains(rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'none'") {
				t.Errorf("%s %s: no frame-ancestors in the CSP", rt.method, rt.path)
			}
		}
	}
}

// A regional user reads the sources meant for their regions (or for every region), and
// of those only the approved derivatives; another region's source does not exist for them.
func TestRegionalUsersSeeTheirRegionsOnly(t *testing.T) {
	tk, _ := newTestToolkit(t)
	tk.cfg.File.Users = append(tk.cfg.File.Users,
		config.User{Name: "rhea", Role: config.RoleRegional, Regions: []string{"emea"}, TokenSHA256: auth.HashToken("regional-token")},
		config.User{Name: "mia", Role: config.RoleMarketing, TokenSHA256: auth.HashToken("marketing-token")})
	everywhere := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	apac := save(t, tk, "apac.md", "---\nregions: [apac]\n---\n"+strings.SplitN(doc, "---\n", 3)[2], time.Unix(2000, 0))
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), everywhere.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tk.reviews.Decide(t.Context(), ds[0].ID, record.Approved, "mia"); err != nil {
		t.Fatal(err)
	}
	h := tk.Handler()
	get := func(path, token string, v any) int {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if v != nil && rec.Code == http.StatusOK {
			if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
				t.Fatal(err)
			}
		}
		return rec.Code
	}
	var list struct{ Sources []record.Source }
	get("/api/v1/sources", "regional-token", &list)
	if len(list.Sources) != 1 || list.Sources[0].ID != everywhere.ID {
		t.Errorf("the regional user lists %+v, want only %s", list.Sources, everywhere.ID)
	}
	get("/api/v1/sources", "marketing-token", &list)
	if len(list.Sources) != 2 {
		t.Errorf("marketing lists %d sources, want 2", len(list.Sources))
	}
	if code := get("/api/v1/sources/"+apac.ID, "regional-token", nil); code != http.StatusNotFound {
		t.Errorf("another region's source: HTTP %d, want 404", code)
	}
	var one struct{ Derivatives []record.Derivative }
	if code := get("/api/v1/sources/"+everywhere.ID, "regional-token", &one); code != http.StatusOK ||
		len(one.Derivatives) != 1 || one.Derivatives[0].ID != ds[0].ID {
		t.Errorf("the regional user's source: HTTP %d with %d derivatives, want only the approved one", code, len(one.Derivatives))
	}
}
