package toolkit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
)

// Counting clicks stays off the redirect's critical path: a request hands its event to a
// buffered channel and answers; a goroutine writes events to Redis in pipelined batches,
// and Close writes what is left, so a graceful restart loses no click. Raw IP addresses
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
func keyClickID(id string) string { return "repurpose:click:" + id }

type linkEvent struct {
	kind, code, visitor, clickID string
	at                           time.Time
}

// counter batches link events into Redis.
type counter struct {
	rdb    redis.UniversalClient
	events chan linkEvent
	once   sync.Once
	done   chan struct{}
	mu     sync.RWMutex // held to send; taken whole to close
	closed bool
}

func newCounter(rdb redis.UniversalClient) *counter {
	return &counter{rdb: rdb, events: make(chan linkEvent, 1<<16), done: make(chan struct{})}
}

// add counts e without waiting for Redis; only a full buffer makes the caller write.
func (c *counter) add(e linkEvent) {
	c.once.Do(func() { go c.run() })
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.closed { // shutting down: count it now
		c.write([]linkEvent{e})
		return
	}
	select {
	case c.events <- e:
	default:
		c.write([]linkEvent{e})
	}
}

func (c *counter) run() {
	defer close(c.done)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var batch []linkEvent
	for {
		select {
		case e, ok := <-c.events:
			if !ok {
				c.write(batch)
				return
			}
			if batch = append(batch, e); len(batch) >= 512 {
				c.write(batch)
				batch = batch[:0]
			}
		case <-tick.C:
			if len(batch) > 0 {
				c.write(batch)
				batch = batch[:0]
			}
		}
	}
}

// close writes every event still buffered.
func (c *counter) close() {
	c.once.Do(func() { go c.run() })
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		close(c.events)
	}
	c.mu.Unlock()
	<-c.done
}

func (c *counter) write(batch []linkEvent) {
	if len(batch) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := c.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, e := range batch {
			hk, dk := keyHourCounts(e.at), keyDayCounts(e.at)
			p.HIncrBy(ctx, hk, e.kind+":"+e.code, 1)
			p.HIncrBy(ctx, dk, e.kind+":"+e.code, 1)
			p.Expire(ctx, hk, hourRetention)
			p.Expire(ctx, dk, dayRetention)
			if e.visitor != "" {
				uk := keyUniques(e.at.UTC().Format("20060102"), e.code)
				p.PFAdd(ctx, uk, e.visitor)
				p.Expire(ctx, uk, dayRetention)
			}
			if e.clickID != "" {
				p.Set(ctx, keyClickID(e.clickID), e.code, clickIDTTL)
			}
		}
		return nil
	})
	if err != nil {
		clicksLost.Add(float64(len(batch)))
		slog.Warn("links: events not counted", "events", len(batch), "err", err)
		return
	}
	for _, e := range batch {
		clicksCounted.WithLabelValues(map[string]string{evClick: "click", evPreview: "preview"}[e.kind]).Inc()
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
	salt, err := t.daySalt(ctx, now.UTC().Format("20060102"))
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(salt + "\x00" + t.clientIP(r) + "\x00" + r.UserAgent()))
	return hex.EncodeToString(h[:12]), nil
}

// daySalt is the day's random salt, the same in every process (kept in Redis for two
// days, then gone: yesterday's hashes cannot be joined to today's).
func (t *Toolkit) daySalt(ctx context.Context, day string) (string, error) {
	if s, ok := t.salts.Load(day); ok {
		return s.(string), nil
	}
	key := "repurpose:salt:" + day
	if err := t.rdb.SetNX(ctx, key, rand.Text(), 48*time.Hour).Err(); err != nil {
		return "", err
	}
	s, err := t.rdb.Get(ctx, key).Result()
	if err != nil {
		return "", err
	}
	t.salts.Store(day, s)
	return s, nil
}

// redirect serves /r/{code}: 302 to the link's target with a click ID, or a 404 page for
// a code it does not know (never a redirect to anywhere else).
func (t *Toolkit) redirect(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	defer func() { redirectSeconds.Observe(time.Since(start).Seconds()) }()
	code := r.PathValue("code")
	l, err := t.LinkOf(r.Context(), code)
	if errors.Is(err, ErrNotFound) || (err == nil && l.Target == "") {
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
			slog.WarnContext(r.Context(), "links: no salt for unique visitors", "err", err)
		}
		id := rand.Text()[:16]
		t.clicks.add(linkEvent{kind: evClick, code: code, visitor: v, clickID: id, at: now})
		if u, err := url.Parse(target); err == nil {
			q := u.Query()
			q.Set(t.cfg.File.Tracking.ClickParam, id)
			u.RawQuery = q.Encode()
			target = u.String()
		}
	}
	h := w.Header()
	h.Set("Cache-Control", "private, no-store") // every click comes back here
	h.Set("Referrer-Policy", "no-referrer-when-downgrade")
	h.Set("Location", target)
	w.WriteHeader(http.StatusFound)
}

func notFoundLink(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, "<!doctype html><meta charset=utf-8><title>Unknown link</title><p>This link is not known. Check that it was copied whole.</p>\n")
}

// Convert counts a conversion for a click (by its ID) or a code: the first from a click is
// a new person (breadth), later ones a returning one (depth). A code alone counts as new
// unless returning says otherwise.
func (t *Toolkit) Convert(ctx context.Context, clickID, code string, returning bool) (string, bool, error) {
	if clickID != "" {
		c, err := t.rdb.Get(ctx, keyClickID(clickID)).Result()
		if errors.Is(err, redis.Nil) {
			return "", false, &InputError{Reason: "unknown or expired click_id (clicks are kept 30 days)"}
		}
		if err != nil {
			return "", false, err
		}
		n, err := t.rdb.Incr(ctx, "repurpose:conv:"+clickID).Result()
		if err != nil {
			return "", false, err
		}
		t.rdb.Expire(ctx, "repurpose:conv:"+clickID, clickIDTTL)
		code, returning = c, n > 1
	} else if _, err := t.LinkOf(ctx, code); err != nil {
		if errors.Is(err, ErrNotFound) {
			return "", false, &InputError{Reason: "unknown code"}
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
	if ok {
		if _, _, err := t.Convert(r.Context(), r.URL.Query().Get("click"), code, r.URL.Query().Get("returning") == "1"); err != nil {
			slog.InfoContext(r.Context(), "links: conversion pixel not counted", "code", code, "err", err)
		}
	}
	h := w.Header()
	h.Set("Content-Type", "image/gif")
	h.Set("Cache-Control", "no-store")
	w.Write(pixel)
}
