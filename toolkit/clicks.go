package toolkit

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
)

// Counting clicks stays off the redirect's critical path: a request adds its event up in
// memory and answers; every 50 ms the totals go to Redis in one pipeline, and Close
// writes what is left, so a graceful restart loses no click. Raw IP addresses
// are never stored: unique visitors are a HyperLogLog of a hash of (a salt that changes
// every day, the address, the user agent).

var (
	clicksCounted = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "repurpose_link_events_total", Help: "Tracked-link events counted, by kind: click, preview, conversion.",
	}, []string{"kind"})
	clicksLost = promauto.NewCounter(prometheus.CounterOpts{
		Name: "repurpose_link_events_lost_total", Help: "Tracked-link events Redis would not take.",
	})
	redirectSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
		Name: "repurpose_redirect_seconds", Help: "Time to answer /r/{code}.",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .1},
	})
)

// Event kinds, as they prefix the counters' fields.
const (
	evClick     = "c"
	evPreview   = "p"
	evConverted = "v"
	evNew       = "vn" // a conversion from a click that had not converted before: breadth
	evReturning = "vr" // one more from the same click: depth
)

// How long counters live in Redis; rollups in S3 keep them for good.
const (
	hourRetention = 3 * 24 * time.Hour
	dayRetention  = 40 * 24 * time.Hour
	clickIDTTL    = 30 * 24 * time.Hour
)

func keyHourCounts(at time.Time) string { return "repurpose:ct:h:" + at.UTC().Format("2006010215") }
func keyDayCounts(at time.Time) string  { return "repurpose:ct:d:" + at.UTC().Format("20060102") }
func keyUniques(day, code string) string {
	return "repurpose:uv:" + day + ":" + code
}

// A click ID carries its code and day, so a click costs no write of its own: the
// landing page sends it back with a conversion, which is attributed to the code within
// clickIDTTL of the click. The random part tells clicks apart; the signature (an HMAC
// under the link key, linkkey.go) proves the server made it, so conversions cannot be
// invented for clicks that never happened.
func newClickID(key []byte, code string, at time.Time) string {
	// Not a secret: it only tells clicks apart, so the fast generator will do.
	r := strconv.FormatUint(mrand.Uint64()|1<<60, 36)
	id := code + "." + strconv.FormatInt(at.Unix()/86400, 36) + "." + r[len(r)-10:]
	return id + "." + clickSignature(key, id)
}

func clickSignature(key []byte, id string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:12])
}

// parseClickID is the code and day of a click ID the server signed.
func parseClickID(key []byte, id string) (code string, at time.Time, ok bool) {
	parts := strings.Split(id, ".")
	if len(parts) != 4 || len(parts[0]) != 10 || len(parts[2]) != 10 {
		return "", time.Time{}, false
	}
	signed := strings.Join(parts[:3], ".")
	if !hmac.Equal([]byte(parts[3]), []byte(clickSignature(key, signed))) {
		return "", time.Time{}, false
	}
	day, err := strconv.ParseInt(parts[1], 36, 64)
	if err != nil {
		return "", time.Time{}, false
	}
	return parts[0], time.Unix(day*86400, 0).UTC(), true
}

type linkEvent struct {
	kind, code, visitor string
	at                  time.Time
}

// counter adds link events up in memory, in shards so concurrent requests rarely meet,
// and writes the totals to Redis every tick in one pipeline: a click costs a map
// increment on the request and a share of one HINCRBY per link and tick in Redis.
type counter struct {
	rdb    redis.UniversalClient
	log    *slog.Logger
	shards [32]tally
	seed   maphash.Seed
	once   sync.Once
	stop   chan struct{}
	done   chan struct{}
	mu     sync.RWMutex // read-held to record; write-held to close
	closed bool
}

// tally is one shard's counts since the last write.
type tally struct {
	mu       sync.Mutex
	incr     map[countField]int64
	visitors map[string]map[string]struct{} // by HyperLogLog key
	kinds    map[string]int
	n        int
	// The keys of the hour last counted, made once per hour rather than per click.
	hour            int64
	hourKey, dayKey string
	day             string
}

type countField struct{ key, name string }

func newCounter(rdb redis.UniversalClient, log *slog.Logger) *counter {
	return &counter{rdb: rdb, log: log, seed: maphash.MakeSeed(), stop: make(chan struct{}), done: make(chan struct{})}
}

func (t *tally) record(e linkEvent) {
	if t.incr == nil {
		t.incr, t.visitors, t.kinds = map[countField]int64{}, map[string]map[string]struct{}{}, map[string]int{}
	}
	if h := e.at.Unix() / 3600; h != t.hour || t.hourKey == "" {
		t.hour, t.hourKey, t.dayKey, t.day = h, keyHourCounts(e.at), keyDayCounts(e.at), e.at.UTC().Format("20060102")
	}
	name := e.kind + ":" + e.code
	t.incr[countField{t.hourKey, name}]++
	t.incr[countField{t.dayKey, name}]++
	if e.visitor != "" {
		uk := keyUniques(t.day, e.code)
		if t.visitors[uk] == nil {
			t.visitors[uk] = map[string]struct{}{}
		}
		t.visitors[uk][e.visitor] = struct{}{}
	}
	t.kinds[e.kind]++
	t.n++
}

// add counts e without waiting for Redis.
func (c *counter) add(e linkEvent) {
	c.once.Do(func() { go c.run() })
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.closed { // shutting down: count it now
		var t tally
		t.record(e)
		c.write([]*tally{&t})
		return
	}
	s := &c.shards[maphash.String(c.seed, e.code)%uint64(len(c.shards))]
	s.mu.Lock()
	s.record(e)
	s.mu.Unlock()
}

func (c *counter) run() {
	defer close(c.done)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			c.flush()
			return
		case <-tick.C:
			c.flush()
		}
	}
}

// flush takes every shard's counts and writes them.
func (c *counter) flush() {
	var taken []*tally
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		if s.n > 0 {
			t := &tally{incr: s.incr, visitors: s.visitors, kinds: s.kinds, n: s.n}
			s.incr, s.visitors, s.kinds, s.n = nil, nil, nil, 0 // the key cache stays
			taken = append(taken, t)
		}
		s.mu.Unlock()
	}
	c.write(taken)
}

// close writes every count still held; later events are written as they come.
func (c *counter) close() {
	c.once.Do(func() { go c.run() })
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		close(c.stop)
	}
	c.mu.Unlock()
	<-c.done
}

// write adds tallies to Redis in one pipeline, each key's expiry set once.
func (c *counter) write(ts []*tally) {
	if len(ts) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	events := 0
	_, err := c.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		expire := map[string]time.Duration{}
		for _, t := range ts {
			events += t.n
			for f, n := range t.incr {
				p.HIncrBy(ctx, f.key, f.name, n)
				expire[f.key] = dayRetention
				if strings.HasPrefix(f.key, "repurpose:ct:h:") {
					expire[f.key] = hourRetention
				}
			}
			for k, set := range t.visitors {
				vs := make([]any, 0, len(set))
				for v := range set {
					vs = append(vs, v)
				}
				p.PFAdd(ctx, k, vs...)
				expire[k] = dayRetention
			}
		}
		for k, ttl := range expire {
			p.Expire(ctx, k, ttl)
		}
		return nil
	})
	if err != nil {
		clicksLost.Add(float64(events))
		c.log.Warn("links: events not counted", "events", events, "err", err)
		return
	}
	for _, t := range ts {
		for kind, n := range t.kinds {
			clicksCounted.WithLabelValues(map[string]string{evClick: "click", evPreview: "preview"}[kind]).Add(float64(n))
		}
	}
}

// Close writes the link events still buffered; serve calls it on a graceful shutdown.
func (t *Toolkit) Close() { t.clicks.close() }

// previewAgents are the user agents of link-preview fetchers (and crawlers): they show a
// card, not a person arriving.
var previewAgents = []string{"twitterbot", "linkedinbot", "slackbot", "facebookexternalhit", "discordbot",
	"telegrambot", "whatsapp", "skypeuripreview", "applebot", "googlebot", "bingbot", "embedly", "redditbot",
	"mastodon/", "cardyb", "iframely", "pinterest", "bot", "crawler", "spider", "preview"}

func isPreview(r *http.Request) bool {
	if r.Method == http.MethodHead {
		return true
	}
	ua := strings.ToLower(r.UserAgent())
	for _, a := range previewAgents {
		if strings.Contains(ua, a) {
			return true
		}
	}
	return ua == ""
}

// visitor is today's salted hash of the request's address and agent.
func (t *Toolkit) visitor(ctx context.Context, r *http.Request, now time.Time) (string, error) {
	salt := ""
	if cur := t.salt.Load(); cur != nil && cur.day == now.Unix()/86400 {
		salt = cur.salt // today's, as most clicks find it
	} else {
		var err error
		if salt, err = t.daySalt(ctx, now.UTC().Format("20060102")); err != nil {
			return "", err
		}
		t.salt.Store(&saltOfDay{day: now.Unix() / 86400, salt: salt})
	}
	h := sha256.Sum256([]byte(salt + "\x00" + t.clientIP(r) + "\x00" + r.UserAgent()))
	return hex.EncodeToString(h[:12]), nil
}

// saltOfDay is a day's salt, kept at hand for the day's clicks.
type saltOfDay struct {
	day  int64 // days since 1970, UTC
	salt string
}

// daySalt is the day's random salt, the same in every process (kept in Redis for two
// days, then gone: yesterday's hashes cannot be joined to today's).
func (t *Toolkit) daySalt(ctx context.Context, day string) (string, error) {
	key := "repurpose:salt:" + day
	if err := t.rdb.SetNX(ctx, key, rand.Text(), 48*time.Hour).Err(); err != nil {
		return "", err
	}
	s, err := t.rdb.Get(ctx, key).Result()
	if err != nil {
		return "", err
	}
	return s, nil
}

// Redirects serves /r/{code} alone, for mounting ahead of everything else.
func (t *Toolkit) Redirects() http.Handler { return http.HandlerFunc(t.redirect) }

// redirect serves /r/{code}: 302 to the link's target with a click ID, or a 404 page for
// a code it does not know (never a redirect to anywhere else).
func (t *Toolkit) redirect(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	defer func() { redirectSeconds.Observe(time.Since(start).Seconds()) }()
	code := r.PathValue("code")
	l, err := t.LinkOf(r.Context(), code)
	if errors.Is(err, errs.NotFound) || (err == nil && l.Target == "") {
		notFoundLink(w)
		return
	}
	if err != nil {
		http.Error(w, "this link cannot be followed right now; try again in a moment", http.StatusServiceUnavailable)
		return
	}
	now := t.now()
	target := l.Target
	if isPreview(r) {
		t.clicks.add(linkEvent{kind: evPreview, code: code, at: now})
	} else {
		v, err := t.visitor(r.Context(), r, now)
		if err != nil {
			t.log.WarnContext(r.Context(), "links: no salt for unique visitors", "err", err)
		}
		t.clicks.add(linkEvent{kind: evClick, code: code, visitor: v, at: now})
		if key, err := t.linkKey(r.Context()); err == nil {
			target = withParam(target, t.cfg.File.Tracking.ClickParam, newClickID(key, code, now))
		} else { // the reader still gets there; only this click cannot convert
			t.log.WarnContext(r.Context(), "links: no link key for click IDs", "err", err)
		}
	}
	h := w.Header()                                    // canonical keys set directly: this is the hot path
	h["Cache-Control"] = []string{"private, no-store"} // every click comes back here
	h["Location"] = []string{target}
	w.WriteHeader(http.StatusFound)
}

// withParam adds name=value (both URL-safe) to a URL's query, before its fragment.
func withParam(target, name, value string) string {
	base, frag, hasFrag := strings.Cut(target, "#")
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	out := base + sep + name + "=" + value // names and click IDs need no escaping
	if hasFrag {
		out += "#" + frag
	}
	return out
}

func notFoundLink(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, "<!doctype html><meta charset=utf-8><title>Unknown link</title><p>This link is not known. Check that it was copied whole.</p>\n")
}

// clickCode is the code of a click ID this server signed within clickIDTTL.
func (t *Toolkit) clickCode(ctx context.Context, clickID string) (string, error) {
	key, err := t.linkKey(ctx)
	if err != nil {
		return "", err
	}
	c, at, ok := parseClickID(key, clickID)
	if !ok || t.now().Sub(at) > clickIDTTL+24*time.Hour {
		return "", errs.E("toolkit.clickCode", errs.Invalid, "unknown or expired click_id: send it exactly as the landing page's URL carried it (a conversion counts within 30 days of its click)")
	}
	return c, nil
}

// Convert counts a conversion for a click (by its ID) or a code: the first from a click is
// a new person (breadth), later ones a returning one (depth). A code alone counts as new
// unless returning says otherwise.
func (t *Toolkit) Convert(ctx context.Context, clickID, code string, returning bool) (string, bool, error) {
	if clickID != "" {
		c, err := t.clickCode(ctx, clickID)
		if err != nil {
			return "", false, err
		}
		if _, err := t.LinkOf(ctx, c); err != nil {
			if errors.Is(err, errs.NotFound) {
				return "", false, errs.E("toolkit.Convert", errs.Invalid, "the click_id's link is not known")
			}
			return "", false, err
		}
		n, err := t.rdb.Incr(ctx, "repurpose:conv:"+clickID).Result()
		if err != nil {
			return "", false, err
		}
		t.rdb.Expire(ctx, "repurpose:conv:"+clickID, clickIDTTL)
		code, returning = c, n > 1
	} else if _, err := t.LinkOf(ctx, code); err != nil {
		if errors.Is(err, errs.NotFound) {
			return "", false, errs.E("toolkit.Convert", errs.Invalid, "unknown code")
		}
		return "", false, err
	}
	kind := evNew
	if returning {
		kind = evReturning
	}
	now := t.now()
	_, err := t.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range []string{keyHourCounts(now), keyDayCounts(now)} {
			p.HIncrBy(ctx, k, evConverted+":"+code, 1)
			p.HIncrBy(ctx, k, kind+":"+code, 1)
		}
		p.Expire(ctx, keyHourCounts(now), hourRetention)
		p.Expire(ctx, keyDayCounts(now), dayRetention)
		return nil
	})
	if err == nil {
		clicksCounted.WithLabelValues("conversion").Inc()
	}
	return code, returning, err
}

// conversions serves POST /api/v1/conversions: {"click_id"} (or {"code", "returning"}).
// It is open, like the pixel, because landing pages call it; it only counts.
func (t *Toolkit) conversions(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ClickID   string `json:"click_id"`
		Code      string `json:"code"`
		Returning bool   `json:"returning"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&req); err != nil || (req.ClickID == "") == (req.Code == "") {
		writeError(w, http.StatusBadRequest, "bad_request", `send {"click_id": "..."} (from the landing page's URL) or {"code": "..."}`)
		return
	}
	if req.ClickID != "" { // a forged one is told so, and counts against nothing
		if _, err := t.clickCode(r.Context(), req.ClickID); t.failed(w, r, err) {
			return
		}
	}
	if wait, err := t.conversionLimited(r); err != nil || wait > 0 {
		if err == nil {
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			writeError(w, http.StatusTooManyRequests, "rate_limited", fmt.Sprintf("at most %d conversions a minute from one address; try again later", conversionsPerMinute))
			return
		}
		t.failed(w, r, err)
		return
	}
	code, returning, err := t.Convert(r.Context(), req.ClickID, req.Code, req.Returning)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"code": code, "returning": returning})
}

// pixel is a transparent 1×1 GIF.
var pixel = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// conversionPixel serves /c/{code}.gif[?click=ID]: a conversion counted by an image on the
// thank-you page. It always answers the image, so a page never shows a broken one.
func (t *Toolkit) conversionPixel(w http.ResponseWriter, r *http.Request) {
	code, ok := strings.CutSuffix(r.PathValue("file"), ".gif")
	if wait, err := t.conversionLimited(r); ok && (err != nil || wait > 0) {
		t.log.InfoContext(r.Context(), "links: conversion pixel over its address's limit", "code", code, "err", err)
	} else if ok {
		if _, _, err := t.Convert(r.Context(), r.URL.Query().Get("click"), code, r.URL.Query().Get("returning") == "1"); err != nil {
			t.log.InfoContext(r.Context(), "links: conversion pixel not counted", "code", code, "err", err)
		}
	}
	h := w.Header()
	h.Set("Content-Type", "image/gif")
	h.Set("Cache-Control", "no-store")
	w.Write(pixel)
}

// conversionsPerMinute bounds the conversions one address may report (postback and pixel
// together): a person converts a few times, not hundreds.
const conversionsPerMinute = 30

// conversionLimited counts a conversion report against its address's minute and says how
// long to wait when the minute's allowance is used up.
func (t *Toolkit) conversionLimited(r *http.Request) (time.Duration, error) {
	now := t.now()
	key := "repurpose:convlimit:" + t.clientIP(r) + ":" + strconv.FormatInt(now.Unix()/60, 36)
	ctx := r.Context()
	var n *redis.IntCmd
	_, err := t.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		n = p.Incr(ctx, key)
		p.Expire(ctx, key, 2*time.Minute)
		return nil
	})
	if err != nil || n.Val() <= conversionsPerMinute {
		return 0, err
	}
	return time.Duration(60-now.Unix()%60) * time.Second, nil
}
