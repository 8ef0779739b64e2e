package links

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
)

// Counting clicks stays off the redirect's critical path: a request adds its event up in
// memory and answers; while Run runs, the totals go to Redis every 50 ms in one pipeline,
// and when it stops it writes what is left, so a graceful restart loses no click. Raw IP
// addresses are never stored: unique visitors are a HyperLogLog of a hash of (a salt that
// changes every day, the address, the user agent).

var (
	eventsCounted = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "repurpose_link_events_total", Help: "Tracked-link events counted, by kind: click, preview, conversion.",
	}, []string{"kind"})
	eventsLost = promauto.NewCounter(prometheus.CounterOpts{
		Name: "repurpose_link_events_lost_total", Help: "Tracked-link events Redis would not take.",
	})
)

// Event kinds, as they prefix the counters' fields ("c:{code}").
const (
	KindClick     = "c"
	KindPreview   = "p"
	KindConverted = "v"
	KindNew       = "vn" // a conversion from a click that had not converted before: breadth
	KindReturning = "vr" // one more from the same click: depth
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

// Follow counts a reader following code's link and says where to send them: the link's
// target, with a click ID for a person (not for a preview). An unknown code, or one with
// nowhere to go, is errs.NotFound.
func (s *Service) Follow(ctx context.Context, code, ip, userAgent string, preview bool) (string, error) {
	l, err := s.Lookup(ctx, code)
	if err == nil && l.Target == "" {
		err = errs.E("links.Follow", errs.NotFound, "the link leads nowhere")
	}
	if err != nil {
		return "", err
	}
	now := s.now()
	if preview {
		s.counts.add(linkEvent{kind: KindPreview, code: code, at: now})
		return l.Target, nil
	}
	v, err := s.visitor(ctx, ip, userAgent, now)
	if err != nil {
		s.log.WarnContext(ctx, "links: no salt for unique visitors", "err", err)
	}
	s.counts.add(linkEvent{kind: KindClick, code: code, visitor: v, at: now})
	key, err := s.key(ctx)
	if err != nil { // the reader still gets there; only this click cannot convert
		s.log.WarnContext(ctx, "links: no link key for click IDs", "err", err)
		return l.Target, nil
	}
	return withParam(l.Target, s.cfg.File.Tracking.ClickParam, newClickID(key, code, now)), nil
}

// withParam adds name=value to target's query, ahead of its fragment.
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

// Run writes the counted events to Redis until ctx ends, then writes what is left and
// counts later events as they come.
func (s *Service) Run(ctx context.Context) error {
	s.counts.run(ctx)
	return nil
}

// Flush writes the events counted so far, for callers that do not Run the service.
func (s *Service) Flush() { s.counts.flush() }

// visitor is today's salted hash of a reader's address and agent.
func (s *Service) visitor(ctx context.Context, ip, userAgent string, now time.Time) (string, error) {
	salt := ""
	if cur := s.salt.Load(); cur != nil && cur.day == now.Unix()/86400 {
		salt = cur.salt // today's, as most clicks find it
	} else {
		var err error
		if salt, err = s.daySalt(ctx, now.UTC().Format("20060102")); err != nil {
			return "", err
		}
		s.salt.Store(&saltOfDay{day: now.Unix() / 86400, salt: salt})
	}
	h := sha256.Sum256([]byte(salt + "\x00" + ip + "\x00" + userAgent))
	return hex.EncodeToString(h[:12]), nil
}

// saltOfDay is a day's salt, kept at hand for the day's clicks.
type saltOfDay struct {
	day  int64 // days since 1970, UTC
	salt string
}

// daySalt is the day's random salt, the same in every process (kept in Redis for two
// days, then gone: yesterday's hashes cannot be joined to today's).
func (s *Service) daySalt(ctx context.Context, day string) (string, error) {
	key := "repurpose:salt:" + day
	if err := s.rdb.SetNX(ctx, key, rand.Text(), 48*time.Hour).Err(); err != nil {
		return "", err
	}
	return s.rdb.Get(ctx, key).Result()
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
	mu     sync.RWMutex // read-held to record; write-held to stop
	closed bool
	// writing is held from taking the shards' counts until Redis has them, so a Flush
	// returns only once every event counted before it is in Redis.
	writing sync.Mutex
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
	return &counter{rdb: rdb, log: log, seed: maphash.MakeSeed()}
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

// run writes the counts every tick until ctx ends; then every count still held, and
// later events as they come.
func (c *counter) run(ctx context.Context) {
	c.mu.Lock()
	c.closed = false // a service may be run again after a stop
	c.mu.Unlock()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			c.mu.Lock()
			c.closed = true
			c.mu.Unlock()
			c.flush()
			return
		case <-tick.C:
			c.flush()
		}
	}
}

// flush takes every shard's counts and writes them.
func (c *counter) flush() {
	c.writing.Lock()
	defer c.writing.Unlock()
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
		eventsLost.Add(float64(events))
		c.log.Warn("links: events not counted", "events", events, "err", err)
		return
	}
	for _, t := range ts {
		for kind, n := range t.kinds {
			eventsCounted.WithLabelValues(map[string]string{KindClick: "click", KindPreview: "preview"}[kind]).Add(float64(n))
		}
	}
}
