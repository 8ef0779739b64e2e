// Package digest brings people back when new topics are ready: for each person with a
// digest in the configuration, the topics approved since their last digest that match
// their interests (tags, channels, languages, region), sent by e-mail and/or to Slack and
// Microsoft Teams incoming webhooks, each with a signed unsubscribe link. A topic is never
// sent to the same person twice: what was sent is recorded in Redis before it goes out.
// It serves no HTTP; the unsubscribe route calls Unsubscribe.
package digest

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// MaxTopics bounds one digest; more are counted and left to the toolkit's topic list.
const MaxTopics = 20

// Topics is what digests read of the record (record.Store has it).
type Topics interface {
	Topics(ctx context.Context, f record.TopicFilter, limit int, cursor string) (record.Page[record.Derivative], error)
	IndexedSources(ctx context.Context, ids []string) (map[string]*record.Source, error)
}

// Leaser takes a lease on name for ttl if nobody holds it (record.Locks does), so one of
// several schedulers sends each round.
type Leaser interface {
	Lease(ctx context.Context, name string, ttl time.Duration) (bool, error)
}

// Options are what a Service is built from.
type Options struct {
	File      *config.File
	PublicURL string // the toolkit, for topic and unsubscribe links
	Topics    Topics
	Redis     redis.UniversalClient
	Leases    Leaser
	// Key is the secret unsubscribe links are signed with a key derived from (the link
	// key: links.Service.Key).
	Key    func(ctx context.Context) ([]byte, error)
	Getenv func(string) string // os.Getenv: webhook URLs and the SMTP password
	// SMTPTLS is the TLS configuration towards the SMTP server; nil trusts the system's
	// certificate authorities.
	SMTPTLS *tls.Config
	HTTP    *http.Client // nil: one with a 10 s timeout
	Log     *slog.Logger
	// Interval is how often Run looks for digests that are due. Default 15m.
	Interval time.Duration
	Now      func() time.Time // nil: time.Now
}

// Service builds and sends digests.
type Service struct {
	opt   Options
	users map[string]person
	order []string
	mail  *mailer // nil without digests.smtp.host
	// problems are what Check reports.
	problems []error
}

// person is a configured user's digest with its webhooks read from the environment.
type person struct {
	name         string
	d            config.Digest
	slack, teams string
}

// New returns the service. What is wrong with the destinations (see Check) does not stop
// it: unsubscribing and building digests work without them.
func New(opt Options) *Service {
	if opt.HTTP == nil {
		opt.HTTP = &http.Client{Timeout: 10 * time.Second}
	}
	if opt.Interval <= 0 {
		opt.Interval = 15 * time.Minute
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	s := &Service{opt: opt, users: map[string]person{}}
	for i, u := range opt.File.Users {
		if u.Digest == nil {
			continue
		}
		p := person{name: u.Name, d: *u.Digest}
		for _, w := range []struct {
			field, env string
			to         *string
		}{{"slack_webhook_env", u.Digest.SlackWebhookEnv, &p.slack}, {"teams_webhook_env", u.Digest.TeamsWebhookEnv, &p.teams}} {
			if w.env == "" {
				continue
			}
			*w.to = strings.TrimSpace(opt.Getenv(w.env))
			if err := checkWebhook(*w.to); err != nil {
				s.problems = append(s.problems, fmt.Errorf("users[%d].digest.%s: the environment variable %s %w", i, w.field, w.env, err))
			}
		}
		s.users[u.Name] = p
		s.order = append(s.order, u.Name)
	}
	if opt.File.Digests.SMTP.Host != "" {
		m, err := newMailer(opt.File.Digests, opt.Getenv, opt.SMTPTLS)
		if err != nil {
			s.problems = append(s.problems, err)
		}
		s.mail = m
	}
	return s
}

// Check says what stops digests from being sent, naming the setting: a webhook variable
// that is unset or does not hold an https URL (http only to this machine), an SMTP
// password variable that is unset. Senders (the scheduler, `repurpose digest`) refuse to
// start with one.
func (s *Service) Check() error { return errors.Join(s.problems...) }

func checkWebhook(raw string) error {
	if raw == "" {
		return errors.New("is not set")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && loopback(u.Hostname()))) {
		return errors.New("must hold an https URL (the incoming webhook's)")
	}
	return nil
}

func loopback(host string) bool {
	return host == "localhost" || strings.HasPrefix(host, "127.") || host == "::1"
}

// Topic is one topic in a digest.
type Topic struct {
	ID      string
	Label   string // "Tweet · X", "LinkedIn post", "Key point"
	Source  string // the document's title
	Text    string // clipped for a digest
	URL     string // the topic's page in the toolkit
	Channel string
	Locale  string
}

// Digest is what one person would be sent now.
type Digest struct {
	User   string
	Topics []Topic
	// More counts matching topics left out past MaxTopics.
	More           int
	Since          time.Time
	TopicsURL      string // the toolkit's topic list
	UnsubscribeURL string
	// To names the destinations: "e-mail ana@example.com", "Slack", "Microsoft Teams".
	To []string
}

// Redis keys: what each person was sent (topic id by time sent), when their last digest
// went out, and who unsubscribed. Persisted with Redis (AOF or RDB), they survive
// restarts; they are not rebuilt from S3.
func keySent(user string) string { return "repurpose:digest:sent:" + user }
func keyLast(user string) string { return "repurpose:digest:last:" + user }

const keyUnsubscribed = "repurpose:digest:unsubscribed" // hash: user -> RFC 3339 time

// sentKept is how long a sent topic is remembered; older topics are not approved anew
// within a digest's reach.
const sentKept = 400 * 24 * time.Hour

// Build is the digest user would be sent now: the matching topics approved since a period
// before their last digest (within one period, for a first) that they were not sent
// before, at most MaxTopics of them.
func (s *Service) Build(ctx context.Context, user string) (*Digest, error) {
	p, ok := s.users[user]
	if !ok {
		return nil, errs.E("digest.Build", errs.NotFound, fmt.Sprintf("user %q has no digest: give them digest: settings in the config file's users", user))
	}
	now := s.opt.Now()
	period := p.d.Period()
	if period == 0 {
		period = 7 * 24 * time.Hour // every: off, shown by a dry run
	}
	// A period back from the last digest (or from now, for a first): what the last one
	// left out past MaxTopics comes now; the record of what was sent keeps the rest out.
	since := now.Add(-period)
	if last, err := s.last(ctx, user); err != nil {
		return nil, err
	} else if !last.IsZero() {
		since = last.Add(-period)
	}
	page, err := s.opt.Topics.Topics(ctx, record.TopicFilter{Status: record.Approved, ApprovedSince: since, Region: p.d.Region}, 1000, "")
	if err != nil {
		return nil, err
	}
	var matched []record.Derivative
	for _, d := range page.Items {
		if interested(p.d, &d) {
			matched = append(matched, d)
		}
	}
	sent, err := s.alreadySent(ctx, user, matched)
	if err != nil {
		return nil, err
	}
	matched = slices.DeleteFunc(matched, func(d record.Derivative) bool { return sent[d.ID] })
	dg := &Digest{User: user, Since: since, TopicsURL: s.opt.PublicURL + "/ui/topics", To: s.destinations(p)}
	if len(matched) > MaxTopics {
		dg.More = len(matched) - MaxTopics
		matched = matched[:MaxTopics]
	}
	titles, err := s.titles(ctx, matched)
	if err != nil {
		return nil, err
	}
	for _, d := range matched {
		dg.Topics = append(dg.Topics, Topic{ID: d.ID, Label: label(d.Kind, d.Channel, d.Type), Source: titles[d.SourceID],
			Text: clip(d.Text, 280), URL: s.opt.PublicURL + "/ui/topics/" + url.PathEscape(d.ID), Channel: string(d.Channel), Locale: d.Locale})
	}
	if dg.UnsubscribeURL, err = s.UnsubscribeURL(ctx, user); err != nil {
		return nil, err
	}
	return dg, nil
}

// interested reports whether a person's interests keep topic d.
func interested(want config.Digest, d *record.Derivative) bool {
	if len(want.Tags) > 0 && !slices.ContainsFunc(d.Tags, func(t string) bool {
		return slices.ContainsFunc(want.Tags, func(w string) bool { return strings.EqualFold(w, t) })
	}) {
		return false
	}
	if len(want.Channels) > 0 && d.Channel != channel.Any && !slices.Contains(want.Channels, string(d.Channel)) {
		return false
	}
	if len(want.Languages) > 0 && !slices.ContainsFunc(want.Languages, func(l string) bool { return sameLanguage(d.Locale, l) }) {
		return false
	}
	return true
}

// sameLanguage: "pt-BR" topics reach people who read "pt" or "pt-BR"; a wanted "pt-BR"
// is not met by "pt-PT".
func sameLanguage(locale, want string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "-")) }
	locale, want = norm(locale), norm(want)
	base, _, _ := strings.Cut(locale, "-")
	return locale == want || base == want
}

func (s *Service) titles(ctx context.Context, ds []record.Derivative) (map[string]string, error) {
	var ids []string
	for _, d := range ds {
		if !slices.Contains(ids, d.SourceID) {
			ids = append(ids, d.SourceID)
		}
	}
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	srcs, err := s.opt.Topics.IndexedSources(ctx, ids)
	for id, src := range srcs {
		out[id] = src.Title
	}
	return out, err
}

func (s *Service) destinations(p person) []string {
	var to []string
	if p.d.Email != "" {
		to = append(to, "e-mail "+p.d.Email)
	}
	if p.slack != "" {
		to = append(to, "Slack")
	}
	if p.teams != "" {
		to = append(to, "Microsoft Teams")
	}
	return to
}

func (s *Service) last(ctx context.Context, user string) (time.Time, error) {
	v, err := s.opt.Redis.Get(ctx, keyLast(user)).Result()
	if errors.Is(err, redis.Nil) {
		return time.Time{}, nil
	} else if err != nil {
		return time.Time{}, err
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s holds %q, not a time", keyLast(user), v)
	}
	return time.UnixMilli(ms), nil
}

func (s *Service) alreadySent(ctx context.Context, user string, ds []record.Derivative) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ds) == 0 {
		return out, nil
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	scores, err := s.opt.Redis.ZMScore(ctx, keySent(user), ids...).Result()
	if err != nil {
		return nil, err
	}
	for i, sc := range scores {
		out[ids[i]] = sc != 0
	}
	return out, nil
}

// Result is what Send did.
type Result struct {
	Topics int      // topics sent
	To     []string // destinations reached
}

// Send builds user's digest and sends it now, whether or not it is due: to every
// destination, the topics nobody sent them before. Each topic is recorded as sent to them
// before it goes (so two senders never both send it); if every destination fails, the
// record is undone and the error returned. An unsubscribed person is refused.
func (s *Service) Send(ctx context.Context, user string) (Result, error) {
	if at, err := s.Unsubscribed(ctx, user); err != nil {
		return Result{}, err
	} else if !at.IsZero() {
		return Result{}, errs.E("digest.Send", errs.Conflict, fmt.Sprintf("%s unsubscribed from digests on %s", user, at.Format("2 Jan 2006")))
	}
	dg, err := s.Build(ctx, user)
	if err != nil {
		return Result{}, err
	}
	now := s.opt.Now()
	if err := s.claim(ctx, dg, now); err != nil {
		return Result{}, err
	}
	if len(dg.Topics) == 0 {
		return Result{}, s.opt.Redis.Set(ctx, keyLast(user), now.UnixMilli(), 0).Err()
	}
	res, err := s.deliver(ctx, s.users[user], dg)
	if len(res.To) == 0 {
		ids := make([]any, len(dg.Topics))
		for i, t := range dg.Topics {
			ids[i] = t.ID
		}
		if uerr := s.opt.Redis.ZRem(context.WithoutCancel(ctx), keySent(user), ids...).Err(); uerr != nil {
			err = errors.Join(err, uerr)
		}
		return Result{}, err
	}
	if err != nil {
		s.opt.Log.Warn("digest reached only some destinations", "user", user, "to", res.To, "err", err)
	}
	res.Topics = len(dg.Topics)
	return res, s.opt.Redis.Set(ctx, keyLast(user), now.UnixMilli(), 0).Err()
}

// claim records dg's topics as sent to its person, keeping only those this call added:
// another sender that got there first keeps the rest.
func (s *Service) claim(ctx context.Context, dg *Digest, now time.Time) error {
	key := keySent(dg.User)
	cmds := make([]*redis.IntCmd, len(dg.Topics))
	_, err := s.opt.Redis.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for i, t := range dg.Topics {
			cmds[i] = p.ZAddNX(ctx, key, redis.Z{Score: float64(now.UnixMilli()), Member: t.ID})
		}
		p.ZRemRangeByScore(ctx, key, "-inf", strconv.FormatInt(now.Add(-sentKept).UnixMilli(), 10))
		return nil
	})
	if err != nil {
		return err
	}
	kept := dg.Topics[:0]
	for i, t := range dg.Topics {
		if cmds[i].Val() == 1 {
			kept = append(kept, t)
		}
	}
	dg.Topics = kept
	return nil
}

// Due lists the people whose digest is due: not off, not unsubscribed, and a period past
// their last one.
func (s *Service) Due(ctx context.Context) ([]string, error) {
	var due []string
	for _, name := range s.order {
		p := s.users[name]
		if p.d.Period() == 0 {
			continue
		}
		at, err := s.Unsubscribed(ctx, name)
		if err != nil {
			return nil, err
		}
		last, err := s.last(ctx, name)
		if err != nil {
			return nil, err
		}
		if at.IsZero() && (last.IsZero() || !s.opt.Now().Before(last.Add(p.d.Period()))) {
			due = append(due, name)
		}
	}
	return due, nil
}

// Run sends the digests that are due, at once and then every Interval, until ctx ends.
// With several schedulers on one Redis, a lease lets one of them send each round.
func (s *Service) Run(ctx context.Context) error {
	tick := time.NewTicker(s.opt.Interval)
	defer tick.Stop()
	for {
		s.RunOnce(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// RunOnce takes the round's lease and sends every digest that is due; it reports how many
// people were sent one. Failures are logged and tried again next round.
func (s *Service) RunOnce(ctx context.Context) int {
	if len(s.users) == 0 {
		return 0
	}
	if ok, err := s.opt.Leases.Lease(ctx, "digests", s.opt.Interval*9/10); err != nil {
		s.opt.Log.Warn("digests wait for Redis", "err", err)
		return 0
	} else if !ok {
		return 0 // another scheduler has this round
	}
	due, err := s.Due(ctx)
	if err != nil {
		s.opt.Log.Warn("digests wait for Redis", "err", err)
		return 0
	}
	n := 0
	for _, user := range due {
		res, err := s.Send(ctx, user)
		if err != nil {
			s.opt.Log.Warn("digest not sent; will retry", "user", user, "err", err)
			continue
		}
		if res.Topics > 0 {
			n++
			s.opt.Log.Info("digest sent", "user", user, "topics", res.Topics, "to", strings.Join(res.To, ", "))
		}
	}
	return n
}
