// Package auth is who is asking: API tokens, browser sessions and their sign-in, calendar
// tokens, and the client's address behind trusted proxies. The route table's guards (package
// web) ask it before any handler runs; it keeps sessions and sign-in counters in Redis.
package auth

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/web/httpx"
)

// Auth authenticates requests against the configured users.
type Auth struct {
	cfg   *config.Config
	rdb   redis.UniversalClient
	links *links.Service // its key signs calendar tokens
	now   func() time.Time
}

// New returns the authenticator of cfg's users; sessions and counters live in rdb.
func New(cfg *config.Config, rdb redis.UniversalClient, l *links.Service, now func() time.Time) *Auth {
	return &Auth{cfg: cfg, rdb: rdb, links: l, now: now}
}

// HashToken is how tokens are kept: the hex SHA-256, never the token itself.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Authenticate finds who made the request: a script by its bearer token, a browser by its
// session cookie. A request that sends a token is judged by the token alone. The role
// always comes from the configuration, so changing it takes effect at once.
func (a *Auth) Authenticate(r *http.Request) (*httpx.Principal, bool) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		return a.bearer(auth)
	}
	if u, ok := a.sessionUser(r); ok {
		return httpx.FromUser(u), true
	}
	return nil, false
}

// Authorize answers who made the request and whether their role is one of roles: 0 when
// it is, else the HTTP status of the refusal (with the principal for a 403).
func (a *Auth) Authorize(r *http.Request, roles []config.Role) (*httpx.Principal, int) {
	p, ok := a.Authenticate(r)
	switch {
	case !ok:
		return nil, http.StatusUnauthorized
	case !slices.Contains(roles, p.Role):
		return p, http.StatusForbidden
	}
	return p, 0
}

// bearer finds the user whose token hash matches the bearer token. Every user is
// compared, in constant time, so timing tells nothing about which hashes are close.
func (a *Auth) bearer(auth string) (*httpx.Principal, bool) {
	token, ok := strings.CutPrefix(auth, "Bearer ")
	token = strings.TrimSpace(token)
	if !ok || token == "" {
		return nil, false
	}
	sum := []byte(HashToken(token))
	var found *httpx.Principal
	if admin := a.cfg.Infra.AdminToken; admin != "" && subtle.ConstantTimeCompare(sum, []byte(HashToken(admin))) == 1 {
		found = &httpx.Principal{Name: "admin", Role: config.RoleAdmin}
	}
	for i, u := range a.cfg.File.Users {
		if subtle.ConstantTimeCompare(sum, []byte(u.TokenSHA256)) == 1 && found == nil {
			found = httpx.FromUser(&a.cfg.File.Users[i])
		}
	}
	return found, found != nil
}

// User finds a configured user by name.
func (a *Auth) User(name string) *config.User {
	for i, u := range a.cfg.File.Users {
		if u.Name == name {
			return &a.cfg.File.Users[i]
		}
	}
	return nil
}

// A calendar token lets a calendar app, which cannot send headers, read one user's
// region calendars and nothing else: "name.mac", the MAC over the user's name and their
// current credentials under the link key, so changing a password or API token revokes it.
// A full API token in a URL would end up in calendar apps, their sync logs and proxies.

// CalendarToken is user's read-only calendar token.
func (a *Auth) CalendarToken(ctx context.Context, u *config.User) (string, error) {
	key, err := a.links.Key(ctx)
	if err != nil {
		return "", err
	}
	return u.Name + "." + calendarMAC(key, u), nil
}

func calendarMAC(key []byte, u *config.User) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("calendar\x00" + u.Name + "\x00" + u.TokenSHA256 + "\x00" + u.PasswordHash))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// CalendarReader answers who a ?token= calendar token belongs to, or false.
func (a *Auth) CalendarReader(r *http.Request) (*httpx.Principal, bool) {
	tok := r.URL.Query().Get("token")
	name, mac, ok := strings.Cut(tok, ".")
	if !ok || len(tok) > 256 {
		return nil, false
	}
	u := a.User(name)
	if u == nil {
		return nil, false
	}
	key, err := a.links.Key(r.Context())
	if err != nil || !hmac.Equal([]byte(mac), []byte(calendarMAC(key, u))) {
		return nil, false
	}
	return httpx.FromUser(u), true
}

// ClientIP is the address a request came from. Behind the trusted proxies
// (REPURPOSE_TRUSTED_PROXIES) it is the right-most X-Forwarded-For entry that is not one
// of them: entries further left are whatever the client chose to send. Without the
// setting, every client behind a proxy shares its address, so the per-address sign-in
// limit guards the whole site; the per-name one holds either way.
func (a *Auth) ClientIP(r *http.Request) string {
	peer, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	addr := peer.Addr().Unmap()
	if !a.trusted(addr) {
		return addr.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // garbled: stop at the last address we could trust
		}
		addr = ip.Unmap()
		if !a.trusted(addr) {
			break
		}
	}
	return addr.String()
}

func (a *Auth) trusted(ip netip.Addr) bool {
	for _, p := range a.cfg.Infra.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}
