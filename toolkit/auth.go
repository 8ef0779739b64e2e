package toolkit

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/config"
)

// Principal is who made a request.
type Principal struct {
	Name string      `json:"name"`
	Role config.Role `json:"role"`
	// Regions scope a regional user.
	Regions []string `json:"regions,omitempty"`
}

func principal(u *config.User) *Principal {
	return &Principal{Name: u.Name, Role: u.Role, Regions: u.Regions}
}

// HashToken is how tokens are kept: the hex SHA-256, never the token itself.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// authenticate finds who made the request: a script by its bearer token, a browser by its
// session cookie. A request that sends a token is judged by the token alone. The role
// always comes from the configuration, so changing it takes effect at once.
func (t *Toolkit) authenticate(r *http.Request) (*Principal, bool) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		return t.bearer(auth)
	}
	if u, ok := t.sessionUser(r); ok {
		return principal(u), true
	}
	return nil, false
}

// bearer finds the user whose token hash matches the bearer token. Every user is
// compared, in constant time, so timing tells nothing about which hashes are close.
func (t *Toolkit) bearer(auth string) (*Principal, bool) {
	token, ok := strings.CutPrefix(auth, "Bearer ")
	token = strings.TrimSpace(token)
	if !ok || token == "" {
		return nil, false
	}
	sum := []byte(HashToken(token))
	var found *Principal
	if admin := t.cfg.Infra.AdminToken; admin != "" && subtle.ConstantTimeCompare(sum, []byte(HashToken(admin))) == 1 {
		found = &Principal{Name: "admin", Role: config.RoleAdmin}
	}
	for i, u := range t.cfg.File.Users {
		if subtle.ConstantTimeCompare(sum, []byte(u.TokenSHA256)) == 1 && found == nil {
			found = principal(&t.cfg.File.Users[i])
		}
	}
	return found, found != nil
}

// allow wraps a handler so only the given roles reach it.
func (t *Toolkit) allow(h func(http.ResponseWriter, *http.Request, *Principal), roles ...config.Role) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch p, status := t.authorize(r, roles); status {
		case http.StatusUnauthorized:
			w.Header().Set("WWW-Authenticate", `Bearer realm="repurpose"`)
			writeError(w, status, "unauthorized", "send a valid API token as Authorization: Bearer <token>, or sign in")
		case http.StatusForbidden:
			writeError(w, status, "forbidden", "the "+string(p.Role)+" role may not do this")
		default:
			h(w, r, p)
		}
	}
}

// authorize answers who made the request and whether their role is one of roles: 0 when
// it is, else the HTTP status of the refusal (with the principal for a 403).
func (t *Toolkit) authorize(r *http.Request, roles []config.Role) (*Principal, int) {
	p, ok := t.authenticate(r)
	switch {
	case !ok:
		return nil, http.StatusUnauthorized
	case !slices.Contains(roles, p.Role):
		return p, http.StatusForbidden
	}
	return p, 0
}
