package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
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

	// Sign-in limits. Every attempt is counted before its password is checked, in one
	// atomic step with the check of the limits, so a burst cannot slip past them:
	//   - one name from one address: 5 attempts per window, then refused for the window;
	//   - one address: 20 attempts per window (it may be guessing many names);
	//   - one name from anywhere: after 5 failures, one attempt per backoff (1 s, doubling
	//     to 30 s), so guesses from many addresses slow the name down but never lock its
	//     owner out for long.
	signinPairMax     = 5
	signinAddrMax     = 20
	signinNameFree    = 5
	signinBackoffBase = time.Second
	SigninBackoffMax  = 30 * time.Second
	signinWindow      = 15 * time.Minute

	// Password hashing takes 64 MiB and about 100 ms: at most hashSlots run at once, and an
	// attempt that cannot get a slot within hashWait is refused (429) rather than queued.
	hashSlots = 2
	hashWait  = 2 * time.Second
)

// Why a sign-in did not open a session (besides storage errors).
var (
	// ErrMismatch: the name and password do not match (or the name is unknown: the same
	// answer, so none tells which names exist).
	ErrMismatch = errors.New("That user name and password do not match.")
	// ErrBusy: no password check could start in time; nothing was counted.
	ErrBusy = errors.New("sign-in is busy")
)

// LimitError is a sign-in refused by a limit before its password was checked.
type LimitError struct{ Wait time.Duration }

func (e *LimitError) Error() string { return "too many sign-ins: wait " + e.Wait.String() }

// hashing bounds the password checks running at once (HashPassword's memory each).
var hashing = make(chan struct{}, hashSlots)

func keySession(id string) string {
	h := sha256.Sum256([]byte(id))
	return "repurpose:session:" + hex.EncodeToString(h[:])
}

func keySigninFails(kind, v string) string { return "repurpose:signin:fails:" + kind + ":" + v }

// signinCounters are the keys of one attempt's limits: name and address, address, name.
func (a *Auth) signinCounters(r *http.Request, name string) []string {
	name, ip := strings.ToLower(name), a.ClientIP(r)
	return []string{keySigninFails("pair", ip+"\x00"+name), keySigninFails("ip", ip), keySigninFails("user", name)}
}

// sessionUser is the user of the request's session cookie, and slides its expiry. A
// session remembers a stamp of the password it was opened with: once the password in the
// configuration changes, every session opened with the old one has ended.
func (a *Auth) sessionUser(r *http.Request) (*config.User, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 128 {
		return nil, false
	}
	v, err := a.rdb.GetEx(r.Context(), keySession(c.Value), sessionTTL).Result()
	if err != nil {
		return nil, false
	}
	name, stamp, _ := strings.Cut(v, "\x00")
	u := a.User(name)
	if u == nil || u.PasswordHash == "" || stamp != passwordStamp(u.PasswordHash) {
		return nil, false // removed from the configuration, or its password changed
	}
	return u, true
}

// passwordStamp tells password hashes apart without keeping one in Redis.
func passwordStamp(hash string) string {
	h := sha256.Sum256([]byte("session\x00" + hash))
	return hex.EncodeToString(h[:8])
}

// secureCookies reports whether the browser reaches us over TLS, directly or through a
// proxy that the public URL names.
func (a *Auth) secureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(a.cfg.Infra.PublicURL, "https://")
}

// SignIn checks name and password under the sign-in limits and, when they match, opens
// a session whose cookie it sets on w. Otherwise it answers a *LimitError, ErrBusy,
// ErrMismatch, or a storage error.
func (a *Auth) SignIn(w http.ResponseWriter, r *http.Request, name, password string) error {
	ctx := r.Context()
	counters := a.signinCounters(r, name)
	wait, err := a.signinAttempt(ctx, counters)
	if err != nil {
		return err
	}
	if wait > 0 {
		return &LimitError{Wait: wait}
	}
	u := a.User(name)
	hash := dummyHash()
	if u != nil && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	// Unknown users are checked against a dummy hash: same work, same answer, so neither
	// timing nor wording tells which names exist.
	ok, busy := checkPassword(ctx, hash, password)
	if busy {
		a.signinUncount(ctx, counters) // not checked, so not a guess
		return ErrBusy
	}
	if !ok || u == nil || u.PasswordHash == "" {
		return ErrMismatch
	}
	id, err := a.newSession(ctx, u)
	if err != nil {
		return err
	}
	a.signinSucceeded(ctx, counters)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		Secure: a.secureCookies(r), SameSite: http.SameSiteLaxMode})
	return nil
}

// SignOut ends the request's session, if any, and clears its cookie on w.
func (a *Auth) SignOut(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := a.rdb.Del(r.Context(), keySession(c.Value)).Err(); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: a.secureCookies(r), SameSite: http.SameSiteLaxMode})
	return nil
}

func (a *Auth) newSession(ctx context.Context, u *config.User) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := base64.RawURLEncoding.EncodeToString(b)
	return id, a.rdb.Set(ctx, keySession(id), u.Name+"\x00"+passwordStamp(u.PasswordHash), sessionTTL).Err()
}

// signinScript counts an attempt against its limits if none is reached, in one step
// (KEYS: signinCounters; ARGV: pair max, address max, name free, window, now, backoff
// base, backoff max, all times in ms). It answers 0, or the milliseconds to wait.
var signinScript = redis.NewScript(`
local pair = tonumber(redis.call('GET', KEYS[1]) or '0')
if pair >= tonumber(ARGV[1]) then return math.max(redis.call('PTTL', KEYS[1]), 1000) end
local addr = tonumber(redis.call('GET', KEYS[2]) or '0')
if addr >= tonumber(ARGV[2]) then return math.max(redis.call('PTTL', KEYS[2]), 1000) end
local now = tonumber(ARGV[5])
local fails = tonumber(redis.call('HGET', KEYS[3], 'n') or '0')
local nextAt = tonumber(redis.call('HGET', KEYS[3], 'next') or '0')
if fails >= tonumber(ARGV[3]) and now < nextAt then return nextAt - now end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
end
fails = redis.call('HINCRBY', KEYS[3], 'n', 1)
local over = fails - tonumber(ARGV[3])
if over >= 0 then
  redis.call('HSET', KEYS[3], 'next', now + math.min(tonumber(ARGV[6]) * 2 ^ math.min(over, 20), tonumber(ARGV[7])))
end
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 0
`)

// signinAttempt counts an attempt, as a failure until it succeeds, unless a limit is
// reached: then it answers how long to wait.
func (a *Auth) signinAttempt(ctx context.Context, counters []string) (time.Duration, error) {
	ms, err := signinScript.Run(ctx, a.rdb, counters, signinPairMax, signinAddrMax, signinNameFree,
		signinWindow.Milliseconds(), a.now().UnixMilli(), signinBackoffBase.Milliseconds(), SigninBackoffMax.Milliseconds()).Int64()
	return time.Duration(ms) * time.Millisecond, err
}

// signinUncount takes back an attempt that was not checked.
func (a *Auth) signinUncount(ctx context.Context, counters []string) {
	a.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Decr(ctx, counters[0])
		p.Decr(ctx, counters[1])
		p.HIncrBy(ctx, counters[2], "n", -1)
		return nil
	})
}

// signinSucceeded clears the name's failures; the address keeps its count.
func (a *Auth) signinSucceeded(ctx context.Context, counters []string) {
	a.rdb.Del(ctx, counters[0], counters[2])
}

// checkPassword verifies password under the hashing bound; busy means no slot came free
// within hashWait and nothing was checked.
func checkPassword(ctx context.Context, hash, password string) (ok, busy bool) {
	wait := time.NewTimer(hashWait)
	defer wait.Stop()
	select {
	case hashing <- struct{}{}:
	case <-wait.C:
		return false, true
	case <-ctx.Done():
		return false, true
	}
	defer func() { <-hashing }()
	return VerifyPassword(hash, password), false
}

// dummyHash is checked for unknown users, made once with HashPassword's parameters.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword(rand.Text())
	if err != nil {
		panic(err) // only a broken random source gets here
	}
	return h
})
