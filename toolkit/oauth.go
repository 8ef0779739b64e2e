package toolkit

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/oauth2"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/s3store"
)

// Connecting X and LinkedIn accounts: an admin runs the OAuth 2.0 authorization code
// flow with PKCE (RFC 6749, RFC 7636 S256) from the Accounts page; the token is kept in
// the toolkit bucket sealed with AES-256-GCM under REPURPOSE_TOKEN_KEY, and AccessToken
// refreshes it for the publishers before it expires.

const (
	// oauthStateTTL is how long an admin has to approve on the provider's page.
	oauthStateTTL = 10 * time.Minute
	// refreshAhead refreshes a token this long before it expires, so a post never goes
	// out with a token that dies on the way.
	refreshAhead = 5 * time.Minute
)

// oauthHTTP calls the providers' token endpoints. Its timeout stays well inside
// WithLock's 30 s lease, so a slow refresh cannot outlive the lock that guards it.
var oauthHTTP = &http.Client{Timeout: 20 * time.Second}

// ErrNotConnected is an X or LinkedIn account with no usable connection: no one has
// connected it, or the provider refused its refresh token. An admin connects it on the
// Accounts page.
var ErrNotConnected = errors.New("the account is not connected")

// errNoTokenKey refuses to connect or read tokens without the key: nothing is stored in
// the clear.
var errNoTokenKey = errs.E("toolkit.tokens", errs.Conflict, "REPURPOSE_TOKEN_KEY is not set, so OAuth tokens cannot be stored encrypted and accounts cannot be connected: "+
	"make a key with `openssl rand -base64 32`, set it for serve and worker, and restart")

// reconnectError is a connection the provider no longer honours; it Is ErrNotConnected.
type reconnectError struct{ account, reason string }

func (e *reconnectError) Error() string {
	return "accounts." + e.account + " must be reconnected on the Accounts page: " + e.reason
}

func (e *reconnectError) Is(target error) bool { return target == ErrNotConnected }

// oauthProvider is a provider's defaults; an account's auth_url, token_url and scopes
// override them.
type oauthProvider struct {
	name              string
	authURL, tokenURL string
	scopes            string
	// secretInBody: the client authenticates with client_secret in the form (LinkedIn)
	// rather than HTTP Basic (X's confidential clients).
	secretInBody bool
}

var oauthProviders = map[string]oauthProvider{
	// X: a confidential client authenticates with Basic; a public one sends only
	// client_id in the body. offline.access is what brings a refresh token.
	"x": {name: "X", authURL: "https://x.com/i/oauth2/authorize", tokenURL: "https://api.x.com/2/oauth2/token",
		scopes: "tweet.read tweet.write users.read media.write offline.access"},
	// LinkedIn: client_secret in the body. A page needs w_organization_social instead.
	"linkedin": {name: "LinkedIn", authURL: "https://www.linkedin.com/oauth/v2/authorization",
		tokenURL: "https://www.linkedin.com/oauth/v2/accessToken", scopes: "w_member_social", secretInBody: true},
}

// oauthConfig is the OAuth 2.0 client of a configured X or LinkedIn account.
func (t *Toolkit) oauthConfig(name string) (*oauth2.Config, oauthProvider, error) {
	acct, ok := t.cfg.File.Accounts[name]
	if !ok {
		return nil, oauthProvider{}, errs.E("toolkit.oauthConfig", errs.NotFound, "no account is named "+name)
	}
	prov, ok := oauthProviders[acct.Type]
	if !ok {
		return nil, oauthProvider{}, errs.E("toolkit.oauthConfig", errs.Invalid, fmt.Sprintf("accounts.%s is a %s account: only X and LinkedIn accounts are connected here", name, acct.Type))
	}
	path := "accounts." + name + "."
	clientID := strings.TrimSpace(acct.Settings["client_id"])
	if clientID == "" {
		return nil, prov, errs.E("toolkit.oauthConfig", errs.Invalid, path+"client_id: required to connect the account (the "+prov.name+" app's OAuth 2.0 client ID)")
	}
	secret, err := acct.Secret("client_secret", os.Getenv, os.ReadFile)
	if err != nil {
		return nil, prov, errs.E("toolkit.oauthConfig", errs.Invalid, path+err.Error())
	}
	endpoint := oauth2.Endpoint{AuthURL: prov.authURL, TokenURL: prov.tokenURL, AuthStyle: oauth2.AuthStyleInParams}
	if secret != "" && !prov.secretInBody {
		endpoint.AuthStyle = oauth2.AuthStyleInHeader
	}
	for _, u := range []struct {
		setting string
		dst     *string
	}{{"auth_url", &endpoint.AuthURL}, {"token_url", &endpoint.TokenURL}} {
		if raw := strings.TrimSpace(acct.Settings[u.setting]); raw != "" {
			if !httpURL(raw) {
				return nil, prov, errs.E("toolkit.oauthConfig", errs.Invalid, fmt.Sprintf("%s%s: %q is not an http(s) URL", path, u.setting, raw))
			}
			*u.dst = raw
		}
	}
	scopes := prov.scopes
	if s := strings.TrimSpace(acct.Settings["scopes"]); s != "" {
		scopes = s
	}
	return &oauth2.Config{ClientID: clientID, ClientSecret: secret, Endpoint: endpoint,
		RedirectURL: t.cfg.Infra.PublicURL + "/oauth/callback", Scopes: strings.Fields(scopes)}, prov, nil
}

// oauthToken is what oauth/{account}.json holds, sealed.
type oauthToken struct {
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"` // zero: the provider did not say
	ConnectedBy  string    `json:"connected_by"`
	ConnectedAt  time.Time `json:"connected_at"`
}

// sealedToken is the object in S3: an oauthToken's JSON sealed with AES-256-GCM, a
// fresh random nonce in front. The account's name is the additional data, so one
// account's object cannot be passed off as another's.
type sealedToken struct {
	Alg    string `json:"alg"`
	Sealed []byte `json:"sealed"`
}

const sealAlg = "AES-256-GCM"

func (t *Toolkit) oauthKey(account string) string {
	return t.loc.Prefix + "oauth/" + account + ".json"
}

func (t *Toolkit) tokenAEAD() (cipher.AEAD, error) {
	if len(t.cfg.Infra.TokenKey) == 0 {
		return nil, errNoTokenKey
	}
	block, err := aes.NewCipher(t.cfg.Infra.TokenKey)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithRandomNonce(block)
}

// saveToken seals and stores an account's token.
func (t *Toolkit) saveToken(ctx context.Context, account string, tok *oauthToken) error {
	aead, err := t.tokenAEAD()
	if err != nil {
		return err
	}
	plain, err := json.Marshal(tok)
	if err != nil {
		return err
	}
	return t.rec.PutJSON(ctx, t.oauthKey(account), sealedToken{Alg: sealAlg, Sealed: aead.Seal(nil, nil, plain, []byte(account))})
}

// loadToken reads an account's token; nil when it was never connected.
func (t *Toolkit) loadToken(ctx context.Context, account string) (*oauthToken, error) {
	aead, err := t.tokenAEAD()
	if err != nil {
		return nil, err
	}
	var s sealedToken
	if err := t.rec.GetJSON(ctx, t.oauthKey(account), &s); errors.Is(err, s3store.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, nil, s.Sealed, []byte(account))
	if s.Alg != sealAlg || err != nil {
		return nil, &unreadableTokenError{account: account, why: "cannot be decrypted with REPURPOSE_TOKEN_KEY (was the key changed?): restore the key or reconnect the account"}
	}
	var tok oauthToken
	if err := json.Unmarshal(plain, &tok); err != nil {
		return nil, &unreadableTokenError{account: account, why: "is damaged: reconnect the account"}
	}
	return &tok, nil
}

// unreadableTokenError is a stored token that cannot be opened; the Accounts page shows
// it beside the account.
type unreadableTokenError struct{ account, why string }

func (e *unreadableTokenError) Error() string {
	return "accounts." + e.account + ": the stored token " + e.why
}

// AccessToken is the account's current access token, refreshed first when it expires
// within refreshAhead. ErrNotConnected (errors.Is) says an admin must connect it.
func (t *Toolkit) AccessToken(ctx context.Context, account string) (string, error) {
	tok, err := t.loadToken(ctx, account)
	if err != nil || t.fresh(tok) {
		return t.usable(account, tok, err)
	}
	// X rotates refresh tokens and refuses a spent one, so only one process refreshes;
	// the others wait and read what it stored.
	err = t.rec.Locks().WithLock(ctx, "oauth:"+account, func() error {
		if tok, err = t.loadToken(ctx, account); err != nil || t.fresh(tok) {
			return err
		}
		tok, err = t.refresh(ctx, account, tok)
		return err
	})
	return t.usable(account, tok, err)
}

// ConnectedAt is when the account was last connected on the Accounts page; zero when it
// was not, or its token cannot be read (no key, another key).
func (t *Toolkit) ConnectedAt(ctx context.Context, account string) (time.Time, error) {
	tok, err := t.loadToken(ctx, account)
	var unreadable *unreadableTokenError
	if errors.Is(err, errNoTokenKey) || errors.As(err, &unreadable) || tok == nil {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	return tok.ConnectedAt, nil
}

// fresh reports whether tok needs no refresh (nil: nothing to refresh).
func (t *Toolkit) fresh(tok *oauthToken) bool {
	return tok == nil || tok.Expiry.IsZero() || tok.Expiry.After(t.now().Add(refreshAhead))
}

func (t *Toolkit) usable(account string, tok *oauthToken, err error) (string, error) {
	switch {
	case err != nil:
		return "", err
	case tok == nil:
		return "", fmt.Errorf("accounts.%s: %w", account, ErrNotConnected)
	}
	return tok.AccessToken, nil
}

// refresh trades tok's refresh token for a new token and stores it. Without a refresh
// token (LinkedIn gives them to few apps) the access token serves until it expires.
func (t *Toolkit) refresh(ctx context.Context, account string, tok *oauthToken) (*oauthToken, error) {
	if tok.RefreshToken == "" {
		if tok.Expiry.After(t.now()) {
			return tok, nil
		}
		return nil, &reconnectError{account: account, reason: "its access token expired at " +
			tok.Expiry.UTC().Format(time.RFC3339) + " and the provider gave no refresh token"}
	}
	conf, prov, err := t.oauthConfig(account)
	if err != nil {
		return nil, err
	}
	next, err := conf.TokenSource(context.WithValue(ctx, oauth2.HTTPClient, oauthHTTP),
		&oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
	if err != nil {
		var re *oauth2.RetrieveError
		// invalid_grant is RFC 6749's answer for a spent, expired or revoked refresh
		// token; X answers invalid_request ("Value passed for the token was invalid").
		if errors.As(err, &re) && (re.ErrorCode == "invalid_grant" || re.ErrorCode == "invalid_request") {
			return nil, &reconnectError{account: account, reason: prov.name + " refused its refresh token (" + retrieveReason(re) + ")"}
		}
		return nil, fmt.Errorf("accounts.%s: refreshing the access token: %s", account, tokenEndpointError(prov, err))
	}
	// The old refresh token may already be spent: keep the new one even if the request
	// that asked for it is cancelled now.
	nt := &oauthToken{AccessToken: next.AccessToken, RefreshToken: next.RefreshToken, TokenType: next.TokenType,
		Expiry: next.Expiry, ConnectedBy: tok.ConnectedBy, ConnectedAt: tok.ConnectedAt}
	if err := t.saveToken(context.WithoutCancel(ctx), account, nt); err != nil {
		return nil, err
	}
	return nt, nil
}

// retrieveReason is a token endpoint's refusal in its own words (RFC 6749 §5.2), never
// its raw body.
func retrieveReason(re *oauth2.RetrieveError) string {
	reason := re.ErrorCode
	if d := strings.TrimSpace(re.ErrorDescription); d != "" {
		reason += ": " + truncateRunes(d, 200)
	}
	if reason == "" && re.Response != nil {
		reason = "HTTP " + re.Response.Status
	}
	return reason
}

// tokenEndpointError says what went wrong calling a token endpoint.
func tokenEndpointError(prov oauthProvider, err error) string {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		return prov.name + " refused: " + retrieveReason(re)
	}
	return prov.name + "'s token endpoint could not be reached: " + err.Error()
}

func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// oauthErrorText reports whether s is a provider's error text fit to show: 1 to max
// characters of printable ASCII other than " and \.
func oauthErrorText(s string, max int) bool {
	return s != "" && len(s) <= max && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e || r == '"' || r == '\\' })
}

// oauthPending is a connection under way, kept in Redis under its state.
type oauthPending struct {
	Account  string `json:"account"`
	Type     string `json:"type"`
	Verifier string `json:"verifier"`
	By       string `json:"by"`
}

// keyOAuthState holds the state's SHA-256, as sessions do, so a copy of Redis cannot
// finish someone's connection.
func keyOAuthState(state string) string {
	h := sha256.Sum256([]byte(state))
	return "repurpose:oauth:state:" + hex.EncodeToString(h[:])
}

type accountsView struct {
	Notice   string
	Accounts []accountRow
}

// accountRow is one configured account on the Accounts page.
type accountRow struct {
	Name, Type string
	Provider   string // "X", "LinkedIn"; "" for accounts that are not connected here
	// Fixed: the account sets its own access_token, which publishers use instead.
	Fixed       bool
	Connected   bool
	ConnectedBy string
	ConnectedAt time.Time
	Expiry      time.Time
	Expired     bool
	NoRefresh   bool
	Problem     string // why its token cannot be read
}

func (t *Toolkit) uiAccounts(w http.ResponseWriter, r *http.Request, p *Principal) {
	notice := ""
	if name := r.URL.Query().Get("connected"); name != "" {
		if _, ok := t.cfg.File.Accounts[name]; ok {
			notice = "Connected " + name + ". Its posts now go out with this connection."
		}
	}
	errMsg := ""
	if len(t.cfg.Infra.TokenKey) == 0 {
		errMsg = errNoTokenKey.Msg
	}
	t.renderAccounts(w, r, p, http.StatusOK, errMsg, notice)
}

func (t *Toolkit) renderAccounts(w http.ResponseWriter, r *http.Request, p *Principal, status int, errMsg, notice string) {
	v := accountsView{Notice: notice}
	names := make([]string, 0, len(t.cfg.File.Accounts))
	for name := range t.cfg.File.Accounts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		a := t.cfg.File.Accounts[name]
		row := accountRow{Name: name, Type: a.Type}
		if prov, ok := oauthProviders[a.Type]; ok {
			row.Provider = prov.name
			row.Fixed = a.Settings["access_token_env"] != "" || a.Settings["access_token_file"] != ""
			tok, err := t.loadToken(r.Context(), name)
			var unreadable *unreadableTokenError
			switch {
			case errors.Is(err, errNoTokenKey): // said once, above the list
			case errors.As(err, &unreadable):
				row.Problem = unreadable.Error()
			case err != nil:
				t.uiError(w, r, p, err)
				return
			case tok != nil:
				row.Connected, row.ConnectedBy, row.ConnectedAt, row.Expiry = true, tok.ConnectedBy, tok.ConnectedAt, tok.Expiry
				row.Expired = !tok.Expiry.IsZero() && !tok.Expiry.After(t.now())
				row.NoRefresh = tok.RefreshToken == ""
			}
		}
		v.Accounts = append(v.Accounts, row)
	}
	t.render(w, r, status, "accounts", view{Title: "Accounts", User: p, Error: errMsg, Data: v})
}

// accountsFailed shows err on the Accounts page with the status its kind deserves.
func (t *Toolkit) accountsFailed(w http.ResponseWriter, r *http.Request, p *Principal, err error) {
	status, _, msg := t.classify(r, err)
	t.renderAccounts(w, r, p, status, msg, "")
}

// uiConnect starts the authorization code flow: a random state and PKCE verifier are
// kept for ten minutes, and the admin is sent to the provider to approve.
func (t *Toolkit) uiConnect(w http.ResponseWriter, r *http.Request, p *Principal) {
	name := r.PathValue("name")
	if len(t.cfg.Infra.TokenKey) == 0 {
		t.accountsFailed(w, r, p, errNoTokenKey)
		return
	}
	conf, _, err := t.oauthConfig(name)
	if err != nil {
		t.accountsFailed(w, r, p, err)
		return
	}
	state, verifier := rand.Text(), oauth2.GenerateVerifier()
	pending, _ := json.Marshal(oauthPending{Account: name, Type: t.cfg.File.Accounts[name].Type, Verifier: verifier, By: p.Name})
	if err := t.rdb.Set(r.Context(), keyOAuthState(state), pending, oauthStateTTL).Err(); err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, conf.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), http.StatusSeeOther)
}

// oauthCallback finishes the flow: the state is taken (so it works once), the code is
// exchanged with the verifier, and the token is sealed and stored.
func (t *Toolkit) oauthCallback(w http.ResponseWriter, r *http.Request, p *Principal) {
	ctx := r.Context()
	q := r.URL.Query()
	var pending *oauthPending
	if state := q.Get("state"); state != "" {
		raw, err := t.rdb.GetDel(ctx, keyOAuthState(state)).Bytes()
		switch {
		case err == nil:
			pending = &oauthPending{}
			if json.Unmarshal(raw, pending) != nil {
				pending = nil
			}
		case !errors.Is(err, redis.Nil):
			t.uiError(w, r, p, err)
			return
		}
	}
	provider := "The provider"
	if pending != nil {
		provider = oauthProviders[pending.Type].name
	}
	// Anyone can send an admin a link to this page, so the provider's words are shown
	// only for a connection this admin started, and only as OAuth allows them: short
	// printable ASCII (RFC 6749, 4.1.2.1).
	if e := q.Get("error"); e != "" && pending != nil && pending.By == p.Name {
		msg := provider + " refused the connection"
		if oauthErrorText(e, 64) {
			msg += ": " + e
		}
		if d := q.Get("error_description"); oauthErrorText(d, 200) {
			msg += " (" + d + ")"
		}
		if e == "access_denied" {
			msg = "The connection was cancelled on " + provider + ": no access was granted, and the account stays as it was."
		}
		t.renderAccounts(w, r, p, http.StatusBadRequest, msg, "")
		return
	}
	if pending == nil {
		t.renderAccounts(w, r, p, http.StatusBadRequest,
			"This connection has expired or was already used (each lasts 10 minutes and works once): press Connect again.", "")
		return
	}
	if pending.By != p.Name {
		t.renderAccounts(w, r, p, http.StatusForbidden, "This connection was started by another user; start your own with Connect.", "")
		return
	}
	conf, prov, err := t.oauthConfig(pending.Account)
	if err == nil && t.cfg.File.Accounts[pending.Account].Type != pending.Type {
		err = errs.E("toolkit.oauthCallback", errs.Invalid, "accounts."+pending.Account+" changed type while it was being connected: press Connect again")
	}
	if err != nil {
		t.accountsFailed(w, r, p, err)
		return
	}
	code := q.Get("code")
	if code == "" {
		t.renderAccounts(w, r, p, http.StatusBadRequest, prov.name+" sent no authorization code: press Connect again.", "")
		return
	}
	tok, err := conf.Exchange(context.WithValue(ctx, oauth2.HTTPClient, oauthHTTP), code, oauth2.VerifierOption(pending.Verifier))
	if err != nil {
		t.accountsFailed(w, r, p, errs.E("toolkit.oauthCallback", errs.Unavailable, "Connecting "+pending.Account+" failed: "+tokenEndpointError(prov, err)))
		return
	}
	err = t.saveToken(ctx, pending.Account, &oauthToken{AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken,
		TokenType: tok.TokenType, Expiry: tok.Expiry, ConnectedBy: p.Name, ConnectedAt: t.now()})
	if err != nil {
		t.accountsFailed(w, r, p, err)
		return
	}
	// Posts that came due while the account was not connected wait for it: planning
	// again gives them the next free slots.
	if _, err := t.replanAll(ctx, "connected "+pending.Account); err != nil {
		t.log.WarnContext(ctx, "oauth: the posts waiting for the account were not planned again; the next plan does it", "account", pending.Account, "err", err)
	}
	http.Redirect(w, r, "/ui/accounts?connected="+url.QueryEscape(pending.Account), http.StatusSeeOther)
}
