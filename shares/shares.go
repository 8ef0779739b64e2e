// Package shares credits people for what they share (README, Sharing and credit). Every
// share carries a link of the person's own: their tracked code when tracking is on, else
// the page with utm_term naming them; either way tagged with the channel it is shared on.
// The package records shares in Redis (bounded), lists a person's shares with the clicks
// and conversions their links brought, and ranks people per team or region over a span
// of days, leaving out those who opted out. It serves no HTTP: callers pass the person's
// name, and errors are errs.Error kinds.
package shares

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
)

// Bounds: what one person's record keeps, and for how long.
const (
	maxPerPerson = 500
	keepFor      = 400 * 24 * time.Hour
	maxPeople    = 100 // on a leaderboard
)

const (
	keySharers = "repurpose:sharers" // set: people who have shared
	keyOptOut  = "repurpose:sharers:optout"
)

func keyShares(person string) string { return "repurpose:shares:" + person } // hash: topic|channel -> record JSON

// Service records shares and reports what they brought.
type Service struct {
	rec     *record.Store // the record: each share's object, for Restore
	prefix  string        // of the toolkit bucket
	file    *config.File
	rdb     redis.UniversalClient
	links   *links.Service
	reviews *review.Service
	now     func() time.Time
}

// New returns the shares kept in rec and indexed in rdb, counted through l, texts
// through r; now is the clock.
func New(rec *record.Store, cfg *config.Config, rdb redis.UniversalClient, l *links.Service, r *review.Service, now func() time.Time) *Service {
	return &Service{rec: rec, prefix: cfg.Infra.Toolkit.Prefix, file: &cfg.File, rdb: rdb, links: l, reviews: r, now: now}
}

// Channels are those a person shares on from their own account.
var Channels = []channel.Name{channel.X, channel.LinkedIn, channel.Bluesky, channel.Threads, channel.Mastodon}

// intents are the networks' compose dialogs that take a whole text; LinkedIn's takes only
// a URL, and Mastodon has one per instance.
var intents = map[channel.Name]string{
	channel.X:       "https://twitter.com/intent/tweet?text=",
	channel.Bluesky: "https://bsky.app/intent/compose?text=",
	channel.Threads: "https://www.threads.net/intent/post?text=",
}

// Share is a topic as one person shares it on one channel (GET /api/v1/topics/{id}/share).
type Share struct {
	Channel string `json:"channel"`
	// Text is what goes out, the person's link and the disclosure included; Count is its
	// length by the channel's own rules, Fits whether the channel takes it.
	Text  string `json:"text"`
	URL   string `json:"url"`
	Count int    `json:"count"`
	Limit int    `json:"limit"`
	Fits  bool   `json:"fits"`
	// IntentURL opens the channel's compose dialog with Text; "" where the dialog cannot
	// carry it (LinkedIn, Mastodon, or a text that does not fit).
	IntentURL string `json:"intent_url"`
}

// record is one share as kept.
type shareRecord struct {
	Topic   string    `json:"topic"`
	Channel string    `json:"channel"`
	URL     string    `json:"url"`
	Code    string    `json:"code,omitempty"` // the tracked code; "" with tracking off
	At      time.Time `json:"at"`
}

// Share makes person's share of topic d on ch ("" for the topic's own channel) and
// records it: text as they would post it — "" for their saved version, else the draft
// with the disclosure; any other text is checked by the brand rules as their saved
// version would be (errs.Rejected saying why) — carrying their own link, where d's link
// was or after the text when they left it out. An unknown channel is errs.Invalid.
func (s *Service) Share(ctx context.Context, person string, d *record.Derivative, ch, text string) (*Share, error) {
	out, rec, link, err := s.build(ctx, person, d, ch, text)
	if err != nil {
		return nil, err
	}
	return out, s.save(ctx, person, rec, link)
}

// Preview is Share without recording it: what the share would be, for a page to offer and
// a live counter to count.
func (s *Service) Preview(ctx context.Context, person string, d *record.Derivative, ch, text string) (*Share, error) {
	out, _, _, err := s.build(ctx, person, d, ch, text)
	return out, err
}

func (s *Service) build(ctx context.Context, person string, d *record.Derivative, ch, text string) (*Share, shareRecord, *links.Link, error) {
	rec := shareRecord{Topic: d.ID, Channel: cmp.Or(ch, string(d.Channel)), At: s.now().UTC()}
	name := channel.Name(rec.Channel)
	if !slices.Contains(Channels, name) {
		return nil, rec, nil, errs.E("shares.Share", errs.Invalid, fmt.Sprintf("channel %q: share on one of %s", name, names(Channels)))
	}
	var err error
	if text == "" {
		text, err = s.reviews.Own(ctx, d, person)
	} else {
		text, err = s.reviews.OwnText(d, text)
	}
	if err != nil {
		return nil, rec, nil, err
	}
	target := Credit(cmp.Or(d.Canonical, d.Backlink), name, person)
	rec.URL = target
	var link *links.Link
	if target != "" && s.file.Tracking.On() {
		rec.Code = record.TrackedCode(d.ID, string(name), "person:"+person)
		rec.URL = links.TrackedURL(s.file, rec.Code)
		link = &links.Link{Code: rec.Code, Target: target, DerivativeID: d.ID, SourceID: d.SourceID, Campaign: d.Campaign,
			Kind: string(d.Kind), Channel: string(name), Locale: d.Locale, Person: person}
	}
	out := &Share{Channel: string(name), Text: withLink(text, d.Backlink, rec.URL), URL: rec.URL}
	if c, err := review.Count(s.file, name, out.Text); err == nil {
		out.Count, out.Limit, out.Fits = c.WeightedLength, c.Limit, c.Valid
	}
	if prefix, ok := intents[name]; ok && out.Fits {
		out.IntentURL = prefix + url.QueryEscape(out.Text)
	}
	return out, rec, link, nil
}

// Credit is the page a person's share leads to: backlink with utm_source naming the
// channel it is shared on and utm_term naming the person ("" for a link that is not
// http(s)).
func Credit(backlink string, ch channel.Name, person string) string {
	u, err := url.Parse(backlink)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	q := u.Query()
	q.Set("utm_source", string(ch))
	q.Set("utm_term", person)
	u.RawQuery = q.Encode()
	return u.String()
}

// withLink puts link where the topic's own link was in text, or after it when the person
// left the link out.
func withLink(text, old, link string) string {
	switch {
	case link == "":
		return text
	case old != "" && strings.Contains(text, old):
		return strings.ReplaceAll(text, old, link)
	case strings.Contains(text, link):
		return text
	}
	return strings.TrimRight(text, " \n") + " " + link
}

// kept is a share as the record keeps it: a person's first share of a topic on a channel
// is written to S3 once, so Restore brings it and its link back after Redis is lost (a
// link out in the world must keep leading somewhere).
type kept struct {
	Person string      `json:"person"`
	Share  shareRecord `json:"share"`
	Link   *links.Link `json:"link,omitempty"`
}

func (s *Service) objectKey(person, topic, ch string) string {
	return s.prefix + "shares/" + record.TrackedCode(topic, ch, "person:"+person) + ".json"
}

// save records a share (and registers its link) in one transaction, keeping the person's
// newest maxPerPerson shares.
func (s *Service) save(ctx context.Context, person string, rec shareRecord, link *links.Link) error {
	field := rec.Topic + "|" + rec.Channel
	known, err := s.rdb.HExists(ctx, keyShares(person), field).Result()
	if err != nil {
		return err
	}
	if !known {
		if err := s.rec.PutJSON(ctx, s.objectKey(person, rec.Topic, rec.Channel), kept{Person: person, Share: rec, Link: link}); err != nil {
			return err
		}
	}
	if err := s.index(ctx, kept{Person: person, Share: rec, Link: link}); err != nil {
		return err
	}
	if n, err := s.rdb.HLen(ctx, keyShares(person)).Result(); err != nil || n <= maxPerPerson {
		return err
	}
	all, err := s.records(ctx, person)
	if err != nil {
		return err
	}
	drop := make([]string, 0, len(all)-maxPerPerson)
	for _, r := range all[maxPerPerson:] {
		drop = append(drop, r.Topic+"|"+r.Channel)
	}
	return s.rdb.HDel(ctx, keyShares(person), drop...).Err()
}

// index puts a share and its link in Redis, in one transaction.
func (s *Service) index(ctx context.Context, k kept) error {
	b, err := json.Marshal(k.Share)
	if err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if k.Link != nil {
			if err := links.Register(ctx, p, []links.Link{*k.Link}); err != nil {
				return err
			}
		}
		p.HSet(ctx, keyShares(k.Person), k.Share.Topic+"|"+k.Share.Channel, b)
		p.SAdd(ctx, keySharers, k.Person)
		return nil
	})
	return err
}

// Restore indexes again the shares the record keeps from the last 400 days, with their
// links (for `repurpose reindex` after Redis was lost); a share indexed since keeps its
// latest time. It reports how many it restored.
func (s *Service) Restore(ctx context.Context) (int, error) {
	n, since := 0, s.now().Add(-keepFor)
	err := s.rec.Each(ctx, "shares/", func(key string) error {
		var k kept
		if err := s.rec.GetJSON(ctx, key, &k); err != nil {
			return err
		}
		if k.Person == "" || !k.Share.At.After(since) {
			return nil
		}
		known, err := s.rdb.HExists(ctx, keyShares(k.Person), k.Share.Topic+"|"+k.Share.Channel).Result()
		if err != nil || known {
			return err
		}
		n++
		return s.index(ctx, k)
	})
	return n, err
}

// records are person's shares within keepFor, newest first.
func (s *Service) records(ctx context.Context, person string) ([]shareRecord, error) {
	vals, err := s.rdb.HGetAll(ctx, keyShares(person)).Result()
	if err != nil {
		return nil, err
	}
	return parseRecords(vals, s.now().Add(-keepFor)), nil
}

func parseRecords(vals map[string]string, since time.Time) []shareRecord {
	out := make([]shareRecord, 0, len(vals))
	for _, v := range vals {
		var r shareRecord
		if json.Unmarshal([]byte(v), &r) == nil && r.At.After(since) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b shareRecord) int {
		return cmp.Or(b.At.Compare(a.At), strings.Compare(a.Topic, b.Topic), strings.Compare(a.Channel, b.Channel))
	})
	return out
}

func names(chs []channel.Name) string {
	s := make([]string, len(chs))
	for i, c := range chs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
