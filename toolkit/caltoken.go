package toolkit

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/config"
)

// A calendar token lets a calendar app, which cannot send headers, read one user's
// region calendars and nothing else: "name.mac", the MAC over the user's name and their
// current credentials under the link key, so changing a password or API token revokes it.
// A full API token in a URL would end up in calendar apps, their sync logs and proxies.

// CalendarToken is user's read-only calendar token.
func (t *Toolkit) CalendarToken(ctx context.Context, u *config.User) (string, error) {
	key, err := t.links.Key(ctx)
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

// calendarReader answers who a ?token= calendar token belongs to, or false.
func (t *Toolkit) calendarReader(r *http.Request) (*Principal, bool) {
	tok := r.URL.Query().Get("token")
	name, mac, ok := strings.Cut(tok, ".")
	if !ok || len(tok) > 256 {
		return nil, false
	}
	u := t.user(name)
	if u == nil {
		return nil, false
	}
	key, err := t.links.Key(r.Context())
	if err != nil || !hmac.Equal([]byte(mac), []byte(calendarMAC(key, u))) {
		return nil, false
	}
	return principal(u), true
}

// calendarAuth admits a signed-in user or an API token as any route does, or a calendar
// token in ?token=; only for calendar feeds.
func (t *Toolkit) calendarAuth(h func(http.ResponseWriter, *http.Request, *Principal), roles ...config.Role) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" && r.URL.Query().Has("token") {
			p, ok := t.calendarReader(r)
			if !ok {
				w.Header().Set("WWW-Authenticate", `Bearer realm="repurpose"`)
				writeError(w, http.StatusUnauthorized, "unauthorized", "the calendar token is not valid (it changes when your password or API token does): copy the feed address again from the calendar page")
				return
			}
			if !slices.Contains(roles, p.Role) {
				writeError(w, http.StatusForbidden, "forbidden", "the "+string(p.Role)+" role may not do this")
				return
			}
			h(w, r, p)
			return
		}
		t.allow(h, roles...)(w, r)
	}
}
