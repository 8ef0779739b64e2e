package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/web/auth"
)

// fakeAuthServer is an OAuth 2.0 authorization server that holds its clients to RFC 6749,
// RFC 7636 and what X and LinkedIn document: it approves every authorization request
// that is well formed, and issues tokens only to token requests that are.
type fakeAuthServer struct {
	t   *testing.T
	srv *httptest.Server
	// What the client was registered with.
	provider               string // "x" or "linkedin"
	clientID, clientSecret string // "" secret: a public client
	redirectURI, scope     string
	rotate                 bool          // X: each refresh spends the refresh token it used
	expiresIn              int           // seconds
	refreshDelay           time.Duration // how long a refresh takes

	mu        sync.Mutex
	codes     map[string]fakeGrant // outstanding authorization codes
	refresh   map[string]bool      // refresh tokens that still work
	exchanges int                  // codes traded for tokens
	refreshes int                  // successful refreshes
	last      fakeTokens           // the tokens issued last
}

type fakeGrant struct{ challenge, redirectURI string }

type fakeTokens struct{ access, refresh string }

func newFakeAuthServer(t *testing.T, provider, clientID, clientSecret, redirectURI, scope string) *fakeAuthServer {
	f := &fakeAuthServer{t: t, provider: provider, clientID: clientID, clientSecret: clientSecret,
		redirectURI: redirectURI, scope: scope, expiresIn: 7200, rotate: provider == "x",
		codes: map[string]fakeGrant{}, refresh: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", f.authorize)
	mux.HandleFunc("POST /token", f.token)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// verifierRE is RFC 7636 §4.1's code_verifier: 43 to 128 unreserved characters.
var verifierRE = regexp.MustCompile(`^[A-Za-z0-9\-._~]{43,128}$`)

// authorize checks an authorization request (RFC 6749 §4.1.1 with RFC 7636 §4.3) and,
// as if the user approved, sends the browser back with a code and the state.
func (f *fakeAuthServer) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k, want := range map[string]string{"response_type": "code", "client_id": f.clientID,
		"redirect_uri": f.redirectURI, "scope": f.scope, "code_challenge_method": "S256"} {
		if got := q.Get(k); got != want {
			f.t.Errorf("authorize: %s = %q, want %q", k, got, want)
		}
	}
	challenge := q.Get("code_challenge")
	// S256: BASE64URL(SHA256(verifier)) without padding is always 43 characters.
	if len(challenge) != 43 || strings.ContainsAny(challenge, "+/=") {
		f.t.Errorf("authorize: code_challenge %q is not an S256 challenge", challenge)
	}
	if len(q.Get("state")) < 16 {
		f.t.Errorf("authorize: state %q is too short to be unguessable", q.Get("state"))
	}
	code := rand.Text()
	f.mu.Lock()
	f.codes[code] = fakeGrant{challenge: challenge, redirectURI: q.Get("redirect_uri")}
	f.mu.Unlock()
	back := url.Values{"code": {code}, "state": {q.Get("state")}}
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

// token checks a token request's client authentication and grant, and issues tokens.
func (f *fakeAuthServer) token(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		f.t.Errorf("token: Content-Type %q", ct)
	}
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("token: %v", err)
	}
	form := r.PostForm
	if !f.clientAuthenticated(r) {
		f.fail(w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch form.Get("grant_type") {
	case "authorization_code":
		g, ok := f.codes[form.Get("code")]
		delete(f.codes, form.Get("code")) // a code works once
		verifier := form.Get("code_verifier")
		sum := sha256.Sum256([]byte(verifier))
		switch {
		case !ok:
			f.t.Errorf("token: unknown or spent code")
			f.fail(w, http.StatusBadRequest, "invalid_grant", "unknown code")
			return
		case form.Get("redirect_uri") != g.redirectURI:
			f.t.Errorf("token: redirect_uri %q, the authorization request had %q", form.Get("redirect_uri"), g.redirectURI)
			f.fail(w, http.StatusBadRequest, "invalid_grant", "redirect_uri mismatch")
			return
		case !verifierRE.MatchString(verifier) || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
			f.t.Errorf("token: code_verifier %q does not match the code_challenge %q", verifier, g.challenge)
			f.fail(w, http.StatusBadRequest, "invalid_grant", "PKCE verification failed")
			return
		}
		f.exchanges++
	case "refresh_token":
		rt := form.Get("refresh_token")
		if !f.refresh[rt] {
			f.fail(w, http.StatusBadRequest, "invalid_grant", "the refresh token is invalid")
			return
		}
		if f.rotate {
			delete(f.refresh, rt)
		}
		f.mu.Unlock()
		time.Sleep(f.refreshDelay)
		f.mu.Lock()
		f.refreshes++
	default:
		f.t.Errorf("token: grant_type %q", form.Get("grant_type"))
		f.fail(w, http.StatusBadRequest, "unsupported_grant_type", "")
		return
	}
	f.last = fakeTokens{access: "access-" + rand.Text(), refresh: "refresh-" + rand.Text()}
	if !f.rotate && form.Get("grant_type") == "refresh_token" {
		f.last.refresh = form.Get("refresh_token")
	}
	f.refresh[f.last.refresh] = true
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"token_type": "bearer", "access_token": f.last.access,
		"refresh_token": f.last.refresh, "expires_in": f.expiresIn, "scope": f.scope})
}

// clientAuthenticated checks the client authentication each provider documents: X takes
// a confidential client's credentials by HTTP Basic only, and a public client's
// client_id in the body; LinkedIn takes client_id and client_secret in the body.
func (f *fakeAuthServer) clientAuthenticated(r *http.Request) bool {
	user, pass, basic := r.BasicAuth()
	form := r.PostForm
	switch {
	case f.provider == "x" && f.clientSecret != "":
		if !basic || user != f.clientID || pass != f.clientSecret || form.Has("client_secret") {
			f.t.Errorf("token: X wants Basic client auth only (basic %v as %q, client_secret in the body %v)", basic, user, form.Has("client_secret"))
			return false
		}
	default:
		if basic || form.Get("client_id") != f.clientID || form.Get("client_secret") != f.clientSecret {
			f.t.Errorf("token: %s wants client_id (and any client_secret) in the body (basic %v, client_id %q, client_secret set %v)",
				f.provider, basic, form.Get("client_id"), form.Has("client_secret"))
			return false
		}
	}
	return true
}

func (f *fakeAuthServer) fail(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

func (f *fakeAuthServer) counts() (exchanges, refreshes int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.exchanges, f.refreshes
}

func (f *fakeAuthServer) issued() fakeTokens {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

// revoke makes every refresh token stop working, as a user removing the app does.
func (f *fakeAuthServer) revoke() {
	f.mu.Lock()
	defer f.mu.Unlock()
	clear(f.refresh)
}

// oauthServer is uiServer with a token key, the public URL at the test server, and one
// account of the provider registered with a fake authorization server.
func oauthServer(t *testing.T, provider, clientSecret string) (*testKit, *httptest.Server, *fakeAuthServer) {
	t.Helper()
	tk, srv := uiServer(t)
	tk.cfg.Infra.PublicURL = srv.URL
	tk.cfg.Infra.TokenKey = make([]byte, 32)
	rand.Read(tk.cfg.Infra.TokenKey)
	// The scopes each provider is asked for by default: X's offline.access is what brings a
	// refresh token.
	scope := map[string]string{"x": "tweet.read tweet.write users.read media.write offline.access", "linkedin": "w_member_social"}[provider]
	fake := newFakeAuthServer(t, provider, "client-"+provider, clientSecret, srv.URL+"/oauth/callback", scope)
	settings := map[string]string{"client_id": fake.clientID, "auth_url": fake.srv.URL + "/authorize", "token_url": fake.srv.URL + "/token"}
	if clientSecret != "" {
		path := filepath.Join(t.TempDir(), "client-secret")
		if err := os.WriteFile(path, []byte(clientSecret+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		settings["client_secret_file"] = path
	}
	tk.cfg.File.Accounts = map[string]config.Account{
		"main":  {Type: provider, Settings: settings},
		"hook":  {Type: "webhook", Settings: map[string]string{"url": "https://hooks.example.com/x"}},
		"other": {Type: provider, Settings: settings},
	}
	return tk, srv, fake
}

// startConnect presses Connect and follows the browser to the provider, which approves;
// it returns the callback URL the provider sends the browser back to.
func startConnect(t *testing.T, c *http.Client, srv *httptest.Server, account string) string {
	t.Helper()
	res, body := do(t, c, "POST", srv.URL+"/ui/accounts/"+account+"/connect", url.Values{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("connect: HTTP %d\n%s", res.StatusCode, body)
	}
	res, _ = do(t, c, "GET", res.Header.Get("Location"), nil)
	back := res.Header.Get("Location")
	if res.StatusCode != http.StatusFound || !strings.HasPrefix(back, srv.URL+"/oauth/callback?") {
		t.Fatalf("the provider answered %d to %q", res.StatusCode, back)
	}
	return back
}

func TestConnectAccountEndToEnd(t *testing.T) {
	for _, tc := range []struct{ name, provider, secret string }{
		{"X confidential client", "x", "x-secret"},
		{"X public client", "x", ""},
		{"LinkedIn", "linkedin", "li-secret"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk, srv, fake := oauthServer(t, tc.provider, tc.secret)
			c := browser(t)
			signIn(t, c, srv, "admin", testPassword, "")
			res, page := do(t, c, "GET", srv.URL+"/ui/accounts", nil)
			if res.StatusCode != 200 || !strings.Contains(page, "not connected") || !strings.Contains(page, `action="/ui/accounts/main/connect"`) ||
				!strings.Contains(page, "hook") || strings.Contains(page, `action="/ui/accounts/hook/connect"`) {
				t.Fatalf("accounts page before connecting: %d\n%s", res.StatusCode, page)
			}
			if !strings.Contains(page, `href="/ui/accounts" aria-current="page"`) {
				t.Error("the nav has no current Accounts link for the admin")
			}

			back := startConnect(t, c, srv, "main")
			res, body := do(t, c, "GET", back, nil)
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ui/accounts?connected=main" {
				t.Fatalf("callback: %d to %q\n%s", res.StatusCode, res.Header.Get("Location"), body)
			}
			_, page = do(t, c, "GET", srv.URL+"/ui/accounts?connected=main", nil)
			if !strings.Contains(page, "Connected main.") || !strings.Contains(page, "by admin on") || !strings.Contains(page, "Reconnect") {
				t.Errorf("accounts page after connecting:\n%s", page)
			}

			// The state works once: the same callback again is refused, and the code is
			// not presented to the provider a second time.
			res, body = do(t, c, "GET", back, nil)
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "expired or was already used") {
				t.Errorf("replayed callback: %d\n%s", res.StatusCode, body)
			}
			if ex, _ := fake.counts(); ex != 1 {
				t.Errorf("%d code exchanges, want 1", ex)
			}

			issued := fake.issued()
			got, err := tk.accounts.AccessToken(t.Context(), "main")
			if err != nil || got != issued.access {
				t.Fatalf("AccessToken = %q, %v; want the issued token", got, err)
			}
			// The record in S3 is sealed: neither token can be read from it.
			obj, err := tk.s3.Get(t.Context(), tk.loc.Bucket, tk.loc.Prefix+"oauth/main.json", 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, secret := range []string{issued.access, issued.refresh, "connected_by", "admin"} {
				if strings.Contains(string(obj.Body), secret) {
					t.Errorf("the stored object holds %q in the clear: %s", secret, obj.Body)
				}
			}
		})
	}
}

func TestCallbackRefusesAForgedExpiredOrForeignState(t *testing.T) {
	tk, srv, fake := oauthServer(t, "x", "x-secret")
	hash, _ := auth.HashPassword(testPassword)
	tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: "second-admin", Role: config.RoleAdmin, PasswordHash: hash})
	admin, other := browser(t), browser(t)
	signIn(t, admin, srv, "admin", testPassword, "")
	signIn(t, other, srv, "second-admin", testPassword, "")

	back := startConnect(t, admin, srv, "main")
	u, _ := url.Parse(back)
	q := u.Query()
	forged := url.Values{"code": {q.Get("code")}, "state": {"forged-" + q.Get("state")}}
	res, body := do(t, admin, "GET", srv.URL+"/oauth/callback?"+forged.Encode(), nil)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "expired or was already used") {
		t.Errorf("a forged state: %d\n%s", res.StatusCode, body)
	}
	// Another admin cannot finish a connection someone else started.
	if res, body := do(t, other, "GET", back, nil); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "started by another user") {
		t.Errorf("another admin's callback: %d\n%s", res.StatusCode, body)
	}

	back = startConnect(t, admin, srv, "main")
	// The state lives 10 minutes in Redis.
	keys, _ := tk.rdb.Keys(t.Context(), "repurpose:oauth:state:*").Result()
	if len(keys) != 1 {
		t.Fatalf("state keys %v", keys)
	}
	if ttl, _ := tk.rdb.TTL(t.Context(), keys[0]).Result(); ttl <= 9*time.Minute || ttl > 10*time.Minute {
		t.Errorf("state TTL %v, want 10 minutes", ttl)
	}
	tk.rdb.Del(t.Context(), keys[0]) // as the TTL does
	if res, body := do(t, admin, "GET", back, nil); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "expired or was already used") {
		t.Errorf("an expired state: %d\n%s", res.StatusCode, body)
	}
	if ex, _ := fake.counts(); ex != 0 {
		t.Errorf("%d codes were exchanged for refused callbacks", ex)
	}
	if _, err := tk.accounts.AccessToken(t.Context(), "main"); !errors.Is(err, publish.ErrNotConnected) {
		t.Errorf("after refused callbacks AccessToken: %v, want publish.ErrNotConnected", err)
	}
}

func TestProviderDenialIsReadable(t *testing.T) {
	tk, srv, _ := oauthServer(t, "linkedin", "li-secret")
	c := browser(t)
	signIn(t, c, srv, "admin", testPassword, "")
	back := startConnect(t, c, srv, "main")
	u, _ := url.Parse(back)
	denied := url.Values{"error": {"access_denied"}, "error_description": {"The user cancelled the authorization"}, "state": {u.Query().Get("state")}}
	res, body := do(t, c, "GET", srv.URL+"/oauth/callback?"+denied.Encode(), nil)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "The connection was cancelled on LinkedIn: no access was granted") {
		t.Errorf("access_denied: %d\n%s", res.StatusCode, body)
	}
	// The denial used the state up.
	if keys, _ := tk.rdb.Keys(t.Context(), "repurpose:oauth:state:*").Result(); len(keys) != 0 {
		t.Errorf("state keys left: %v", keys)
	}
}

// A crafted link to the callback cannot put its words on the toolkit's page: without a
// connection this admin started nothing of it is shown, and with one only a short
// OAuth error code is.
func TestCallbackShowsNoCraftedErrorText(t *testing.T) {
	_, srv, _ := oauthServer(t, "linkedin", "li-secret")
	c := browser(t)
	signIn(t, c, srv, "admin", testPassword, "")
	phish := "Your account is locked. Call +1 555 0100 to restore access " + strings.Repeat("now ", 20000)
	crafted := url.Values{"error": {phish}, "error_description": {"<script>alert(1)</script>"}}
	res, body := do(t, c, "GET", srv.URL+"/oauth/callback?"+crafted.Encode(), nil)
	if res.StatusCode != http.StatusBadRequest || strings.Contains(body, "555 0100") || strings.Contains(body, "alert(1)") ||
		!strings.Contains(body, "This connection has expired") {
		t.Errorf("a crafted callback without a connection under way: %d, shows the attacker's text or not the expiry\n%.2000s", res.StatusCode, body)
	}
	back := startConnect(t, c, srv, "main")
	u, _ := url.Parse(back)
	crafted.Set("state", u.Query().Get("state"))
	crafted.Set("error_description", strings.Repeat("Call +1 555 0100. ", 100))
	res, body = do(t, c, "GET", srv.URL+"/oauth/callback?"+crafted.Encode(), nil)
	if res.StatusCode != http.StatusBadRequest || strings.Contains(body, "555 0100") ||
		!strings.Contains(body, "LinkedIn refused the connection") {
		t.Errorf("a long error text on a real connection: %d, shown or no refusal\n%.2000s", res.StatusCode, body)
	}
}

func TestAccountsPagesAreForAdminsOnly(t *testing.T) {
	tk, srv, _ := oauthServer(t, "x", "")
	for _, role := range []string{"marketing", "regional", "contributor"} {
		c := browser(t)
		signIn(t, c, srv, role, testPassword, "")
		for _, req := range []struct{ method, path string }{{"GET", "/ui/accounts"}, {"POST", "/ui/accounts/main/connect"}, {"GET", "/oauth/callback?state=s&code=c"}} {
			var form url.Values
			if req.method == "POST" {
				form = url.Values{}
			}
			res, body := do(t, c, req.method, srv.URL+req.path, form)
			if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "cannot open this page") {
				t.Errorf("%s %s as %s: %d, want the 403 page", req.method, req.path, role, res.StatusCode)
			}
		}
		if _, body := do(t, c, "GET", srv.URL+"/ui/topics", nil); strings.Contains(body, `href="/ui/accounts"`) {
			t.Errorf("the %s's nav links to Accounts", role)
		}
	}
	if keys, _ := tk.rdb.Keys(t.Context(), "repurpose:oauth:state:*").Result(); len(keys) != 0 {
		t.Errorf("a refused connect left a state: %v", keys)
	}
}

func TestConnectingNeedsTheTokenKey(t *testing.T) {
	tk, srv, _ := oauthServer(t, "x", "x-secret")
	tk.cfg.Infra.TokenKey = nil
	c := browser(t)
	signIn(t, c, srv, "admin", testPassword, "")
	const msg = "REPURPOSE_TOKEN_KEY is not set, so OAuth tokens cannot be stored encrypted"
	if _, body := do(t, c, "GET", srv.URL+"/ui/accounts", nil); !strings.Contains(body, msg) || !strings.Contains(body, "openssl rand -base64 32") {
		t.Errorf("the Accounts page does not say the key is missing:\n%s", body)
	}
	res, body := do(t, c, "POST", srv.URL+"/ui/accounts/main/connect", url.Values{})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, msg) {
		t.Errorf("connect without the key: %d\n%s", res.StatusCode, body)
	}
	if keys, _ := tk.rdb.Keys(t.Context(), "repurpose:oauth:state:*").Result(); len(keys) != 0 {
		t.Errorf("connect without the key left a state: %v", keys)
	}
	if _, err := tk.accounts.AccessToken(t.Context(), "main"); err == nil || !strings.Contains(err.Error(), msg) {
		t.Errorf("AccessToken without the key: %v", err)
	}
}

// connected connects the account as admin through the pages.
func connected(t *testing.T, srv *httptest.Server) {
	t.Helper()
	c := browser(t)
	signIn(t, c, srv, "admin", testPassword, "")
	if res, body := do(t, c, "GET", startConnect(t, c, srv, "main"), nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("callback: %d\n%s", res.StatusCode, body)
	}
}

func TestAccessTokenRefreshesBeforeItExpires(t *testing.T) {
	tk, srv, fake := oauthServer(t, "x", "x-secret")
	connected(t, srv)
	first := fake.issued()
	expires := time.Now().Add(2 * time.Hour) // expires_in 7200
	at := func(d time.Duration) { tk.now = func() time.Time { return expires.Add(-d) } }

	at(6 * time.Minute)
	if got, err := tk.accounts.AccessToken(t.Context(), "main"); err != nil || got != first.access {
		t.Fatalf("6 minutes before expiry: %q, %v; want the first token", got, err)
	}
	if _, n := fake.counts(); n != 0 {
		t.Fatalf("refreshed %d times 6 minutes before expiry", n)
	}
	at(4 * time.Minute)
	got, err := tk.accounts.AccessToken(t.Context(), "main")
	second := fake.issued()
	if err != nil || got != second.access || got == first.access {
		t.Fatalf("4 minutes before expiry: %q, %v; want the refreshed token", got, err)
	}
	// X rotated the refresh token and spent the first one: the next refresh works only
	// if the rotated one was stored.
	expires = time.Now().Add(2 * time.Hour)
	at(time.Minute)
	if got, err := tk.accounts.AccessToken(t.Context(), "main"); err != nil || got != fake.issued().access || got == second.access {
		t.Fatalf("the second refresh: %q, %v", got, err)
	}
	if _, n := fake.counts(); n != 2 {
		t.Errorf("%d refreshes, want 2", n)
	}
}

func TestConcurrentAccessTokensRefreshOnce(t *testing.T) {
	tk, srv, fake := oauthServer(t, "x", "")
	connected(t, srv)
	fake.refreshDelay = 200 * time.Millisecond
	fake.expiresIn = 4 * 3600 // the refreshed token outlives the clock moved below
	tk.now = func() time.Time { return time.Now().Add(2*time.Hour - time.Minute) }
	var wg sync.WaitGroup
	got := make([]string, 4)
	errs := make([]error, 4)
	for i := range got {
		wg.Go(func() { got[i], errs[i] = tk.accounts.AccessToken(t.Context(), "main") })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil || got[i] != fake.issued().access {
			t.Errorf("worker %d: %q, %v; want the one refreshed token", i, got[i], errs[i])
		}
	}
	if _, n := fake.counts(); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
}

func TestAccessTokenOfAnAccountNeverConnected(t *testing.T) {
	tk, _, _ := oauthServer(t, "linkedin", "li-secret")
	_, err := tk.accounts.AccessToken(t.Context(), "main")
	if !errors.Is(err, publish.ErrNotConnected) || !strings.Contains(err.Error(), "accounts.main") {
		t.Errorf("AccessToken = %v, want publish.ErrNotConnected naming the account", err)
	}
}

func TestRefusedRefreshAsksForAReconnect(t *testing.T) {
	tk, srv, fake := oauthServer(t, "linkedin", "li-secret")
	connected(t, srv)
	fake.revoke()
	tk.now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	_, err := tk.accounts.AccessToken(t.Context(), "main")
	if !errors.Is(err, publish.ErrNotConnected) || !strings.Contains(err.Error(), "accounts.main must be reconnected on the Accounts page: LinkedIn refused its refresh token (invalid_grant") {
		t.Errorf("AccessToken after the grant was revoked: %v", err)
	}
}

func TestCallbackCodeAndStateAreNotLogged(t *testing.T) {
	got := redactQuery(url.Values{"code": {"the-code"}, "state": {"the-state"}}.Encode())
	if strings.Contains(got, "the-code") || strings.Contains(got, "the-state") {
		t.Errorf("redactQuery = %q", got)
	}
}
