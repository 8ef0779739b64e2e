// Package links is tracked links (DESIGN.md, Links): every (derivative, channel, region)
// has a short code derived from its content, so it is stable and needs no allocation. A
// code's link sends readers to the canonical backlink re-tagged for the channel, with a
// signed click ID the landing page can send back with a conversion. The package counts
// clicks, previews, unique visitors and conversions in Redis and rolls them up to S3. It
// serves no HTTP: callers pass the reader's address and agent as plain values, and errors
// are errs.Error kinds.
package links

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
)

// TrackedURL is the short link of a code, or "" when tracking is off.
func TrackedURL(f *config.File, code string) string {
	if !f.Tracking.On() {
		return ""
	}
	return f.Tracking.ShortURL + "/r/" + code
}

// Target is where a tracked link sends readers: the canonical backlink with utm_source
// naming the channel it was posted on (a snippet is written for any channel).
func Target(backlink, channel string) string {
	u, err := url.Parse(backlink)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	q := u.Query()
	if q.Has("utm_source") {
		q.Set("utm_source", channel)
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Page is the page a backlink leads to, as a canonical URL names it: without its UTM
// tags and section anchor ("" for a link that is not http(s)).
func Page(backlink string) string {
	u, err := url.Parse(backlink)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") {
			q.Del(k)
		}
	}
	u.RawQuery, u.Fragment, u.RawFragment = q.Encode(), "", ""
	return u.String()
}

// Link is what a code stands for: where it goes, and what its clicks count for.
type Link struct {
	Code         string `json:"code"`
	Target       string `json:"target"`
	DerivativeID string `json:"derivative_id"`
	SourceID     string `json:"source_id"`
	Campaign     string `json:"campaign,omitempty"`
	Kind         string `json:"kind"`
	Channel      string `json:"channel"`
	Region       string `json:"region,omitempty"`
	Locale       string `json:"locale"`
	// Person is who shared it, for a link made for one person's share (package shares).
	Person string `json:"person,omitempty"`
}

// keyLink holds every code's Link: rebuilt by reindex from bundles and plans, since codes
// and targets are derived from them.
const keyLink = "repurpose:link" // hash: code -> Link JSON

// IndexDerivative registers the tracked link the toolkit shows for a derivative, in the
// transaction that indexes it (a record.Extensions hook).
func IndexDerivative(ctx context.Context, p redis.Pipeliner, s *record.Source, d *record.Derivative) error {
	if d.Canonical == "" {
		return nil
	}
	return Register(ctx, p, []Link{{Code: record.TrackedCode(d.ID, string(d.Channel), ""), Target: Target(d.Canonical, string(d.Channel)),
		DerivativeID: d.ID, SourceID: s.ID, Campaign: d.Campaign, Kind: string(d.Kind), Channel: string(d.Channel), Locale: d.Locale}})
}

// Register indexes links within a pipeline; a link with nowhere to go is left out.
func Register(ctx context.Context, p redis.Pipeliner, links []Link) error {
	for _, l := range links {
		if l.Target == "" {
			continue
		}
		b, err := json.Marshal(l)
		if err != nil {
			return err
		}
		p.HSet(ctx, keyLink, l.Code, b)
	}
	return nil
}

// Service looks links up, counts what happens to them and rolls the counts up.
type Service struct {
	rec    *record.Store
	cfg    *config.Config
	s3     *s3store.Store
	rdb    redis.UniversalClient
	loc    config.Location // the toolkit bucket: the link key and rollups
	now    func() time.Time
	log    *slog.Logger
	cache  linkCache                 // links already looked up
	counts *counter                  // link events on their way to Redis
	salt   atomic.Pointer[saltOfDay] // today's visitor salt
	secret atomic.Pointer[[]byte]    // the link key, once read (key.go)
}

// New returns the links of the record rec; now is the clock.
func New(rec *record.Store, cfg *config.Config, s3 *s3store.Store, rdb redis.UniversalClient, now func() time.Time, log *slog.Logger) *Service {
	return &Service{rec: rec, cfg: cfg, s3: s3, rdb: rdb, loc: cfg.Infra.Toolkit, now: now, log: log, counts: newCounter(rdb, log)}
}

// linkCache keeps codes already looked up: a code's link never changes (a new version
// has new derivative IDs, so new codes), so the redirect pays Redis once per code.
type linkCache struct {
	mu sync.RWMutex
	m  map[string]*Link
}

const linkCacheMax = 200_000

func (c *linkCache) get(code string) (*Link, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	l, ok := c.m[code]
	return l, ok
}

func (c *linkCache) put(code string, l *Link) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= linkCacheMax {
		c.m = map[string]*Link{} // start over rather than track recency: codes are cheap to fetch
	}
	c.m[code] = l
}

// Lookup reads a code's link (errs.NotFound for an unknown code).
func (s *Service) Lookup(ctx context.Context, code string) (*Link, error) {
	if l, ok := s.cache.get(code); ok {
		return l, nil
	}
	l, err := record.IndexedValue[Link](ctx, s.rdb, keyLink, code)
	if err != nil {
		return nil, err
	}
	s.cache.put(code, l)
	return l, nil
}

// Many reads the links of codes (unknown ones left out), each with the campaign of its
// source filled in when the link has none of its own.
func (s *Service) Many(ctx context.Context, codes []string) (map[string]*Link, error) {
	out, err := record.IndexedValues[Link](ctx, s.rdb, keyLink, codes)
	if err != nil {
		return nil, err
	}
	campaigns := map[string]string{}
	for _, l := range out {
		if l.Campaign != "" {
			continue
		}
		c, seen := campaigns[l.SourceID]
		if !seen {
			if src, err := s.rec.IndexedSource(ctx, l.SourceID); err == nil {
				c = src.Campaign
			}
			campaigns[l.SourceID] = c
		}
		l.Campaign = c
	}
	return out, nil
}
