package toolkit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
)

// Browser sessions. The cookie holds 32 random bytes; Redis keeps only their SHA-256, so
// a copy of Redis cannot be replayed as cookies.
const (
	sessionCookie = "repurpose_session"
	sessionTTL    = 12 * time.Hour // sliding: every request through the session renews it

	// A name or an address that failed this many times within the window is refused
	// without checking the password, so guessing costs the guesser, not the server.
	signinMaxFails = 5
	signinWindow   = 15 * time.Minute

	badSignin = "That user name and password do not match."
)

func keySession(id string) string {
	h := sha256.Sum256([]byte(id))
	return "repurpose:session:" + hex.EncodeToString(h[:])
}

func keySigninFails(kind, v string) string { return "repurpose:signin:fails:" + kind + ":" + v }

// sessionUser names the user of the request's session cookie and slides its expiry.
func (t *Toolkit) sessionUser(r *http.Request) (string, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 128 {
		return "", false
	}
	name, err := t.rdb.GetEx(r.Context(), keySession(c.Value), sessionTTL).Result()
	return name, err == nil
}

// user finds a configured user by name.
func (t *Toolkit) user(name string) *config.User {
	for i, u := range t.cfg.File.Users {
		if u.Name == name {
			return &t.cfg.File.Users[i]
		}
	}
	return nil
}

// secureCookies reports whether the browser reaches us over TLS, directly or through a
// proxy that the public URL names.
func (t *Toolkit) secureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(t.cfg.Infra.PublicURL, "https://")
}

type signinView struct {
	Username, Next string
}

func (t *Toolkit) signinForm(w http.ResponseWriter, r *http.Request) {
	t.render(w, r, http.StatusOK, "signin", view{Title: "Sign in", Data: signinView{Next: safeNext(r.URL.Query().Get("next"))}})
}

func (t *Toolkit) signin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	name := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	v := view{Title: "Sign in", Data: signinView{Username: name, Next: safeNext(r.PostFormValue("next"))}}
	ctx := r.Context()
	counters := []string{keySigninFails("user", strings.ToLower(name)), keySigninFails("ip", t.clientIP(r))}
	wait, err := t.signinBlocked(ctx, counters)
	if err != nil {
		t.uiError(w, r, nil, err)
		return
	}
	if wait > 0 {
		mins := int(wait.Minutes()) + 1
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		v.Error = fmt.Sprintf("Too many failed sign-ins. Sign-in is paused for %d minutes; try again after that, or ask an admin.", mins)
		t.render(w, r, http.StatusTooManyRequests, "signin", v)
		return
	}
	u := t.user(name)
	hash := dummyHash()
	if u != nil && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	// Unknown users are checked against a dummy hash: same work, same answer, so neither
	// timing nor wording tells which names exist.
	if ok := VerifyPassword(hash, password); !ok || u == nil || u.PasswordHash == "" {
		if err := t.signinFailed(ctx, counters); err != nil {
			t.uiError(w, r, nil, err)
			return
		}
		v.Error = badSignin
		t.render(w, r, http.StatusUnauthorized, "signin", v)
		return
	}
	id, err := t.newSession(ctx, u.Name)
	if err != nil {
		t.uiError(w, r, nil, err)
		return
	}
	t.rdb.Del(ctx, counters[0])
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		Secure: t.secureCookies(r), SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, v.Data.(signinView).Next, http.StatusSeeOther)
}

func (t *Toolkit) signout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := t.rdb.Del(r.Context(), keySession(c.Value)).Err(); err != nil {
			t.uiError(w, r, nil, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: t.secureCookies(r), SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

func (t *Toolkit) newSession(ctx context.Context, user string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := base64.RawURLEncoding.EncodeToString(b)
	return id, t.rdb.Set(ctx, keySession(id), user, sessionTTL).Err()
}

// signinBlocked reports how long sign-in stays refused for any of the counters.
func (t *Toolkit) signinBlocked(ctx context.Context, counters []string) (time.Duration, error) {
	var wait time.Duration
	for _, k := range counters {
		n, err := t.rdb.Get(ctx, k).Int()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			return 0, err
		}
		if n >= signinMaxFails {
			ttl, err := t.rdb.PTTL(ctx, k).Result()
			if err != nil {
				return 0, err
			}
			wait = max(wait, ttl, time.Second)
		}
	}
	return wait, nil
}

// signinFailed counts a failure; the window starts at the first one.
func (t *Toolkit) signinFailed(ctx context.Context, counters []string) error {
	_, err := t.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range counters {
			p.Incr(ctx, k)
			p.ExpireNX(ctx, k, signinWindow)
		}
		return nil
	})
	return err
}

// clientIP is the address a request came from. Behind the trusted proxies
// (REPURPOSE_TRUSTED_PROXIES) it is the right-most X-Forwarded-For entry that is not one
// of them: entries further left are whatever the client chose to send. Without the
// setting, every client behind a proxy shares its address, so the per-address sign-in
// limit guards the whole site; the per-name one holds either way.
func (t *Toolkit) clientIP(r *http.Request) string {
	peer, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	addr := peer.Addr().Unmap()
	if !t.trusted(addr) {
		return addr.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // garbled: stop at the last address we could trust
		}
		addr = a.Unmap()
		if !t.trusted(addr) {
			break
		}
	}
	return addr.String()
}

func (t *Toolkit) trusted(a netip.Addr) bool {
	for _, p := range t.cfg.Infra.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// dummyHash is checked for unknown users, made once with HashPassword's parameters.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword(rand.Text())
	if err != nil {
		panic(err) // only a broken random source gets here
	}
	return h
})
