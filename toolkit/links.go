package toolkit

import (
	"context"
	"encoding/json"
	"net/url"
	"sync"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
)

// Tracked links (DESIGN.md, Links): every (derivative, channel, region) has a short code
// derived from its content, so it is stable and needs no allocation. /r/{code} redirects to
// the canonical backlink re-tagged for the channel, with a click ID the landing page can
// send back with a conversion.

// TrackedURL is the short link of a code, or "" when tracking is off.
func TrackedURL(f *config.File, code string) string {
	if !f.Tracking.On() {
		return ""
	}
	return f.Tracking.ShortURL + "/r/" + code
}

// LinkTarget is where a tracked link sends readers: the canonical backlink with
// utm_source naming the channel it was posted on (a snippet is written for any channel).
func LinkTarget(backlink, channel string) string {
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
}

// keyLink holds every code's Link: rebuilt by Reindex from bundles and plans, since codes
// and targets are derived from them.
const keyLink = "repurpose:link" // hash: code -> Link JSON

// indexTrackedLink registers the tracked link the toolkit shows for a derivative, in
// the transaction that indexes it.
func indexTrackedLink(ctx context.Context, p redis.Pipeliner, s *record.Source, d *record.Derivative) error {
	if d.Canonical == "" {
		return nil
	}
	return registerLinks(ctx, p, []Link{{Code: record.TrackedCode(d.ID, string(d.Channel), ""), Target: LinkTarget(d.Canonical, string(d.Channel)),
		DerivativeID: d.ID, SourceID: s.ID, Campaign: d.Campaign, Kind: string(d.Kind), Channel: string(d.Channel), Locale: d.Locale}})
}

// registerLinks indexes links within a pipeline.
func registerLinks(ctx context.Context, p redis.Pipeliner, links []Link) error {
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

// LinkOf reads a code's link (nil, ErrNotFound for an unknown code).
func (t *Toolkit) LinkOf(ctx context.Context, code string) (*Link, error) {
	if l, ok := t.links.get(code); ok {
		return l, nil
	}
	l, err := record.IndexedValue[Link](ctx, t.rdb, keyLink, code)
	if err != nil {
		return nil, err
	}
	t.links.put(code, l)
	return l, nil
}
