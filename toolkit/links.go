package toolkit

import (
	"context"
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"net/url"
	"sync"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
)

// Tracked links (DESIGN.md, Links): every (derivative, channel, region) has a short code
// derived from its content, so it is stable and needs no allocation. /r/{code} redirects to
// the canonical backlink re-tagged for the channel, with a click ID the landing page can
// send back with a conversion.

var codeEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// TrackedCode is the code of a derivative's link on a channel in a region ("" for links
// that belong to no region: the toolkit's own, a contributor's share).
func TrackedCode(derivID, channel, region string) string {
	h := sha256.Sum256([]byte("link\x00" + derivID + "\x00" + channel + "\x00" + region))
	return codeEncoding.EncodeToString(h[:])[:10] // 50 bits: no collision among millions
}

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
	b, err := t.rdb.HGet(ctx, keyLink, code).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, errs.E("toolkit.LinkOf", errs.NotFound, "")
	}
	if err != nil {
		return nil, err
	}
	var l Link
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, err
	}
	t.links.put(code, &l)
	return &l, nil
}
