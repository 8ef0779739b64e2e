// Package accounts keeps the OAuth 2.0 connections of X and LinkedIn accounts: the
// authorization code flow with PKCE (RFC 6749, RFC 7636 S256) an admin starts on the
// Accounts page, the tokens kept in the toolkit bucket sealed with AES-256-GCM under
// REPURPOSE_TOKEN_KEY, and their refresh for the publishers before they expire. It
// serves no HTTP: the Accounts page and the provider's callback are toolkit's.
package accounts

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
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/oauth2"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
)

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

// ErrNoTokenKey refuses to connect or read tokens without the key: nothing is stored in
// the clear.
var ErrNoTokenKey = errs.E("accounts.tokens", errs.Conflict, "REPURPOSE_TOKEN_KEY is not set, so OAuth tokens cannot be stored encrypted and accounts cannot be connected: "+
	"make a key with `openssl rand -base64 32`, set it for serve and worker, and restart")

// reconnectError is a connection the provider no longer honours; it Is
// publish.ErrNotConnected.
type reconnectError struct{ account, reason string }

func (e *reconnectError) Error() string {
	return "accounts." + e.account + " must be reconnected on the Accounts page: " + e.reason
}

func (e *reconnectError) Is(target error) bool { return target == publish.ErrNotConnected }

// Service keeps the accounts' connections.
type Service struct {
	rec *record.Store
	cfg *config.Config
	rdb redis.UniversalClient
	loc config.Location // the toolkit bucket: oauth/{account}.json
	now func() time.Time
}

// New returns the connections of cfg's accounts, kept in rec; now is the clock.
func New(rec *record.Store, cfg *config.Config, rdb redis.UniversalClient, now func() time.Time) *Service {
	return &Service{rec: rec, cfg: cfg, rdb: rdb, loc: cfg.Infra.Toolkit, now: now}
}

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
func (s *Service) oauthConfig(name string) (*oauth2.Config, oauthProvider, error) {
	acct, ok := s.cfg.File.Accounts[name]
	if !ok {
		return nil, oauthProvider{}, errs.E("accounts.config", errs.NotFound, "no account is named "+name)
	}
	prov, ok := oauthProviders[acct.Type]
	if !ok {
		return nil, oauthProvider{}, errs.E("accounts.config", errs.Invalid, fmt.Sprintf("accounts.%s is a %s account: only X and LinkedIn accounts are connected here", name, acct.Type))
	}
	path := "accounts." + name + "."
	clientID := strings.TrimSpace(acct.Settings["client_id"])
	if clientID == "" {
		return nil, prov, errs.E("accounts.config", errs.Invalid, path+"client_id: required to connect the account (the "+prov.name+" app's OAuth 2.0 client ID)")
	}
	secret, err := acct.Secret("client_secret", os.Getenv, os.ReadFile)
	if err != nil {
		return nil, prov, errs.E("accounts.config", errs.Invalid, path+err.Error())
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
			if parsed, err := url.Parse(raw); err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
				return nil, prov, errs.E("accounts.config", errs.Invalid, fmt.Sprintf("%s%s: %q is not an http(s) URL", path, u.setting, raw))
			}
			*u.dst = raw
		}
	}
	scopes := prov.scopes
	if s := strings.TrimSpace(acct.Settings["scopes"]); s != "" {
		scopes = s
	}
	return &oauth2.Config{ClientID: clientID, ClientSecret: secret, Endpoint: endpoint,
		RedirectURL: s.cfg.Infra.PublicURL + "/oauth/callback", Scopes: strings.Fields(scopes)}, prov, nil
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

func (s *Service) oauthKey(account string) string {
	return s.loc.Prefix + "oauth/" + account + ".json"
}

func (s *Service) tokenAEAD() (cipher.AEAD, error) {
	if len(s.cfg.Infra.TokenKey) == 0 {
		return nil, ErrNoTokenKey
	}
	block, err := aes.NewCipher(s.cfg.Infra.TokenKey)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithRandomNonce(block)
}

// saveToken seals and stores an account's token.
func (s *Service) saveToken(ctx context.Context, account string, tok *oauthToken) error {
	aead, err := s.tokenAEAD()
	if err != nil {
		return err
	}
	plain, err := json.Marshal(tok)
	if err != nil {
		return err
	}
	return s.rec.PutJSON(ctx, s.oauthKey(account), sealedToken{Alg: sealAlg, Sealed: aead.Seal(nil, nil, plain, []byte(account))})
}

// loadToken reads an account's token; nil when it was never connected.
func (s *Service) loadToken(ctx context.Context, account string) (*oauthToken, error) {
	aead, err := s.tokenAEAD()
	if err != nil {
		return nil, err
	}
	var sealed sealedToken
	if err := s.rec.GetJSON(ctx, s.oauthKey(account), &sealed); errors.Is(err, s3store.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, nil, sealed.Sealed, []byte(account))
	if sealed.Alg != sealAlg || err != nil {
		return nil, &UnreadableError{account: account, why: "cannot be decrypted with REPURPOSE_TOKEN_KEY (was the key changed?): restore the key or reconnect the account"}
	}
	var tok oauthToken
	if err := json.Unmarshal(plain, &tok); err != nil {
		return nil, &UnreadableError{account: account, why: "is damaged: reconnect the account"}
	}
	return &tok, nil
}

// UnreadableError is a stored token that cannot be opened; the Accounts page shows it
// beside the account.
type UnreadableError struct{ account, why string }

func (e *UnreadableError) Error() string {
	return "accounts." + e.account + ": the stored token " + e.why
}

// AccessToken is the account's current access token, refreshed first when it expires
// within refreshAhead. publish.ErrNotConnected (errors.Is) says an admin must connect it.
func (s *Service) AccessToken(ctx context.Context, account string) (string, error) {
	tok, err := s.loadToken(ctx, account)
	if err != nil || s.fresh(tok) {
		return s.usable(account, tok, err)
	}
	// X rotates refresh tokens and refuses a spent one, so only one process refreshes;
	// the others wait and read what it stored.
	err = s.rec.Locks().WithLock(ctx, "oauth:"+account, func() error {
		if tok, err = s.loadToken(ctx, account); err != nil || s.fresh(tok) {
			return err
		}
		tok, err = s.refresh(ctx, account, tok)
		return err
	})
	return s.usable(account, tok, err)
}

// ConnectedAt is when the account was last connected on the Accounts page; zero when it
// was not, or its token cannot be read (no key, another key).
func (s *Service) ConnectedAt(ctx context.Context, account string) (time.Time, error) {
	tok, err := s.loadToken(ctx, account)
	var unreadable *UnreadableError
	if errors.Is(err, ErrNoTokenKey) || errors.As(err, &unreadable) || tok == nil {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	return tok.ConnectedAt, nil
}

// fresh reports whether tok needs no refresh (nil: nothing to refresh).
func (s *Service) fresh(tok *oauthToken) bool {
	return tok == nil || tok.Expiry.IsZero() || tok.Expiry.After(s.now().Add(refreshAhead))
}

func (s *Service) usable(account string, tok *oauthToken, err error) (string, error) {
	switch {
	case err != nil:
		return "", err
	case tok == nil:
		return "", fmt.Errorf("accounts.%s: %w", account, publish.ErrNotConnected)
	}
	return tok.AccessToken, nil
}

// refresh trades tok's refresh token for a new token and stores it. Without a refresh
// token (LinkedIn gives them to few apps) the access token serves until it expires.
func (s *Service) refresh(ctx context.Context, account string, tok *oauthToken) (*oauthToken, error) {
	if tok.RefreshToken == "" {
		if tok.Expiry.After(s.now()) {
			return tok, nil
		}
		return nil, &reconnectError{account: account, reason: "its access token expired at " +
			tok.Expiry.UTC().Format(time.RFC3339) + " and the provider gave no refresh token"}
	}
	conf, prov, err := s.oauthConfig(account)
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
	if err := s.saveToken(context.WithoutCancel(ctx), account, nt); err != nil {
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

// Pending is a connection under way, kept in Redis under its state.
type Pending struct {
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

// ProviderName is the name people know the provider of an account type by ("X",
// "LinkedIn"), or "" for a type that is not connected here.
func ProviderName(accountType string) string { return oauthProviders[accountType].name }

// Connection is what is known of an account's stored token.
type Connection struct {
	By, TokenType string
	At, Expiry    time.Time // Expiry zero: the provider did not say
	Refreshable   bool
}

// Connection reads an account's connection: nil when it was never connected;
// ErrNoTokenKey without the key; an *UnreadableError when the stored token cannot be
// opened.
func (s *Service) Connection(ctx context.Context, account string) (*Connection, error) {
	tok, err := s.loadToken(ctx, account)
	if err != nil || tok == nil {
		return nil, err
	}
	return &Connection{By: tok.ConnectedBy, At: tok.ConnectedAt, Expiry: tok.Expiry, Refreshable: tok.RefreshToken != ""}, nil
}

// Start begins connecting an account for by: a random state and PKCE verifier are kept
// for ten minutes, and it returns the provider's page to send the admin to.
func (s *Service) Start(ctx context.Context, account, by string) (string, error) {
	if len(s.cfg.Infra.TokenKey) == 0 {
		return "", ErrNoTokenKey
	}
	conf, _, err := s.oauthConfig(account)
	if err != nil {
		return "", err
	}
	state, verifier := rand.Text(), oauth2.GenerateVerifier()
	pending, _ := json.Marshal(Pending{Account: account, Type: s.cfg.File.Accounts[account].Type, Verifier: verifier, By: by})
	if err := s.rdb.Set(ctx, keyOAuthState(state), pending, oauthStateTTL).Err(); err != nil {
		return "", err
	}
	return conf.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), nil
}

// Take takes the connection under way with state, so a state works once; nil when there
// is none (expired, used, or never made).
func (s *Service) Take(ctx context.Context, state string) (*Pending, error) {
	if state == "" {
		return nil, nil
	}
	raw, err := s.rdb.GetDel(ctx, keyOAuthState(state)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p Pending
	if json.Unmarshal(raw, &p) != nil {
		return nil, nil
	}
	return &p, nil
}

// Check says whether a pending connection can still be finished: its account is still
// configured, as the same type.
func (s *Service) Check(p *Pending) error {
	_, _, err := s.oauthConfig(p.Account)
	if err == nil && s.cfg.File.Accounts[p.Account].Type != p.Type {
		err = errs.E("accounts.Check", errs.Invalid, "accounts."+p.Account+" changed type while it was being connected: press Connect again")
	}
	return err
}

// Connect finishes a pending connection: the provider's code is exchanged with the
// verifier, and the token is sealed and stored.
func (s *Service) Connect(ctx context.Context, p *Pending, code string) error {
	if err := s.Check(p); err != nil {
		return err
	}
	conf, prov, err := s.oauthConfig(p.Account)
	if err != nil {
		return err
	}
	tok, err := conf.Exchange(context.WithValue(ctx, oauth2.HTTPClient, oauthHTTP), code, oauth2.VerifierOption(p.Verifier))
	if err != nil {
		return errs.E("accounts.Connect", errs.Unavailable, "Connecting "+p.Account+" failed: "+tokenEndpointError(prov, err))
	}
	return s.saveToken(ctx, p.Account, &oauthToken{AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken,
		TokenType: tok.TokenType, Expiry: tok.Expiry, ConnectedBy: p.By, ConnectedAt: s.now()})
}
