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
}

// HashToken is how tokens are kept: the hex SHA-256, never the token itself.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// authenticate finds the user whose token hash matches the bearer token. Every user is
// compared, in constant time, so timing tells nothing about which hashes are close.
func (t *Toolkit) authenticate(r *http.Request) (*Principal, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	token = strings.TrimSpace(token)
	if !ok || token == "" {
		return nil, false
	}
	sum := []byte(HashToken(token))
	var found *Principal
	if admin := t.cfg.Infra.AdminToken; admin != "" && subtle.ConstantTimeCompare(sum, []byte(HashToken(admin))) == 1 {
		found = &Principal{Name: "admin", Role: config.RoleAdmin}
	}
	for _, u := range t.cfg.File.Users {
		if subtle.ConstantTimeCompare(sum, []byte(u.TokenSHA256)) == 1 && found == nil {
			found = &Principal{Name: u.Name, Role: u.Role}
		}
	}
	return found, found != nil
}

// allow wraps a handler so only the given roles reach it.
func (t *Toolkit) allow(h func(http.ResponseWriter, *http.Request, *Principal), roles ...config.Role) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := t.authenticate(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="repurpose"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", "send a valid API token as Authorization: Bearer <token>")
			return
		}
		if !slices.Contains(roles, p.Role) {
			writeError(w, http.StatusForbidden, "forbidden", "the "+string(p.Role)+" role may not do this")
			return
		}
		h(w, r, p)
	}
}
