// Package config holds repurpose's typed configuration: infrastructure from the
// environment, and campaigns, users and limits from one YAML file. Every field has a
// default, so the pipeline runs with no file at all.
package config

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
	"time"
)

// Config is everything a repurpose process needs to know.
type Config struct {
	Infra Infra
	File  File
}

// Infra is read from the environment (see FromEnv).
type Infra struct {
	// RedisURL is redis://[user:pass@]host:port/db. Default redis://127.0.0.1:6379/0.
	RedisURL string
	// S3Endpoint is the base URL of an S3-compatible server; empty means AWS.
	S3Endpoint string
	// S3Region is the signing region. Default from AWS_REGION, else us-east-1.
	S3Region string
	// Inbox is where marketing drops documents. Default s3://inbox.
	Inbox Location
	// Toolkit is where the record is kept. Default s3://toolkit.
	Toolkit Location
	// HTTPAddr is where serve listens. Default :8080.
	HTTPAddr string
	// PublicURL is how people reach serve, used for /p/{slug} links. Default http://localhost:8080.
	PublicURL string
	// AdminToken, when set, is a bearer token with the admin role.
	AdminToken string
	// EventsToken authenticates POST /events/s3. serve will not start without one unless
	// EventsOpen says so.
	EventsToken string
	// EventsOpen (REPURPOSE_EVENTS_OPEN=true) lets serve run without an events token, its
	// /events/s3 open to anyone who can reach it. Default false.
	EventsOpen bool
	// ConfigPath is the YAML file; empty means defaults only.
	ConfigPath string
	// MetricsAddr is where worker and scheduler serve /metrics (serve has its own on
	// HTTPAddr). Empty: they serve none.
	MetricsAddr string
	// TokenKey is the AES-256 key (REPURPOSE_TOKEN_KEY, 32 bytes in base64) the toolkit
	// encrypts stored OAuth tokens with. Default none: accounts cannot be connected.
	TokenKey []byte
	// TrustedProxies are the addresses (IPs or CIDR ranges) of reverse proxies in front of
	// serve, whose X-Forwarded-For names the client. Default none: the peer is the client.
	TrustedProxies []netip.Prefix
}

// File is the YAML configuration file.
type File struct {
	// Campaigns by name. A "default" campaign always exists.
	Campaigns map[string]Campaign `yaml:"campaigns"`
	// DefaultCampaign is used when a document names none. Default "default".
	DefaultCampaign string `yaml:"default_campaign"`
	// CampaignsStrict refuses documents that name a campaign not configured here. By
	// default such a document runs with the default campaign's settings, keeps its own
	// name in utm_campaign, and its source carries a warning naming the known campaigns.
	CampaignsStrict bool `yaml:"campaigns_strict"`
	// Users who may call the API, with hashed tokens.
	Users []User `yaml:"users"`
	// Limits bound the work.
	Limits Limits `yaml:"limits"`
	// PublicPages lets the toolkit serve /p/{slug} for approved sources that name no URL.
	// Default true.
	PublicPages *bool `yaml:"public_pages"`
	// Brand holds the rules every derivative follows, unless a campaign sets its own.
	Brand Brand `yaml:"brand"`
	// Channels tune per-channel limits.
	Channels Channels `yaml:"channels"`
	// Regions are the regional teams' markets and the locales each reads.
	Regions []Region `yaml:"regions"`
	// Translation configures machine translation; without a provider, translation is
	// done by people only.
	Translation Translation `yaml:"translation"`
	// Plans are drip plans by name: which derivatives go out when, and which are
	// recycled. A built-in "launch" plan exists unless the file defines its own.
	Plans map[string]Plan `yaml:"plans"`
	// Tracking turns on tracked short links and click counting.
	Tracking Tracking `yaml:"tracking"`
	// Accounts are the channel accounts posts go out on, by name; regions' channels name
	// them. Each has a type (a publisher: webhook, outbox, x, mastodon, bluesky, linkedin,
	// wordpress) and that publisher's settings.
	Accounts map[string]Account `yaml:"accounts"`
	// Digests is how digests of new topics are sent (users[].digest says to whom).
	Digests Digests `yaml:"digests"`
}

// Tracking is how backlinks are tracked.
type Tracking struct {
	// ShortURL is the base of tracked links, e.g. https://go.example.com (served by serve
	// at /r/{code}). Empty: posts carry the canonical backlinks and nothing is counted.
	ShortURL string `yaml:"short_url"`
	// ClickParam names the click ID added to the landing page's URL, which the page sends
	// back with a conversion. Default rp_click.
	ClickParam string `yaml:"click_param"`
}

// On reports whether links are tracked.
func (t Tracking) On() bool { return t.ShortURL != "" }

// Account is one account a publisher posts to. Settings are checked by the publisher
// (`repurpose publishers` lists each type's); secrets are never written here, only the
// name of a variable (token_env) or file (token_file) holding them.
type Account struct {
	Type     string            `yaml:"type"`
	Settings map[string]string `yaml:",inline"`
}

// Secret reads the secret setting name from the environment variable that name_env
// names or the file that name_file names, trimmed; "" when neither is set. It is shared
// by the publishers and the toolkit's Accounts page, which both need the account's
// secrets. Errors name the setting (token_env, token_file); the caller, who knows the
// account's name, puts "accounts.<name>." in front.
func (a Account) Secret(name string, getenv func(string) string, readFile func(string) ([]byte, error)) (string, error) {
	if env := a.Settings[name+"_env"]; env != "" {
		v := strings.TrimSpace(getenv(env))
		if v == "" {
			return "", fmt.Errorf("%s_env: the environment variable %s is not set", name, env)
		}
		return v, nil
	}
	if path := a.Settings[name+"_file"]; path != "" {
		b, err := readFile(path)
		if err != nil {
			return "", fmt.Errorf("%s_file: %w", name, err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return "", nil
}

// Region is a market a regional team publishes to.
type Region struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Locales []string `yaml:"locales"`
	// TimeZone is the IANA zone the region's calendar is kept in. Default UTC.
	TimeZone string `yaml:"timezone"`
	// Holidays are ISO 3166 country codes (DE, GB, US, ...) whose public holidays nothing
	// is published on.
	Holidays []string `yaml:"holidays"`
	// Blackouts are more days nothing is published on: one-off (2026-12-24) or every
	// year (12-24), each a single day or a range.
	Blackouts []Blackout `yaml:"blackouts"`
	// Channels are where the region publishes, by channel: x, mastodon, bluesky,
	// threads, linkedin, blog. A region without channels plans nothing.
	Channels map[string]RegionChannel `yaml:"channels"`
}

// RegionChannel is how a region publishes on one channel.
type RegionChannel struct {
	// Account names one of the accounts.
	Account string `yaml:"account"`
	// Windows are the local times posts may go out, e.g. "mon-fri 09:00-17:00",
	// "sat,sun 10:00-12:30", "daily 08:00-20:00". Default mon-fri 09:00-17:00.
	Windows []Window `yaml:"windows"`
	// Spacing is the least time between two posts on the account. Default 2h.
	Spacing Duration `yaml:"spacing"`
	// MaxPerDay caps posts on the account per local day. Default 3.
	MaxPerDay int `yaml:"max_per_day"`
}

// Translation selects and configures a machine translation provider.
type Translation struct {
	// Provider is "libretranslate", "aws" or "" (people translate).
	Provider string `yaml:"provider"`
	// URL is the LibreTranslate server, e.g. http://libretranslate:5000.
	URL string `yaml:"url"`
	// APIKeyEnv names the environment variable holding the LibreTranslate API key, so the
	// key itself stays out of the file.
	APIKeyEnv string `yaml:"api_key_env"`
	// Terminology is the AWS Translate custom terminology that keeps brand names
	// untranslated (created from brand.spellings). Default "repurpose-brand".
	Terminology string `yaml:"terminology"`
}

// Brand is how the company writes.
type Brand struct {
	// BannedPhrases never appear in a derivative (matched case-insensitively); text that
	// holds one is not used.
	BannedPhrases []string `yaml:"banned_phrases"`
	// Spellings are the canonical spellings of names (e.g. "GitHub", "Kubernetes"); any
	// other capitalisation in derived text is rewritten to them.
	Spellings []string `yaml:"spellings"`
	// MaxHashtags caps hashtags per channel (x, mastodon, bluesky, threads, linkedin).
	// Default: x 2, mastodon 3, bluesky 2, threads 1, linkedin 3.
	MaxHashtags map[string]int `yaml:"max_hashtags"`
	// HashtagAliases spell a phrase as a tag: "content operations": ContentOps. They apply
	// to front-matter tags and to a campaign's hashtags. Without one a phrase is written
	// in CamelCase, keeping acronyms as the document writes them (#ROI, #SBOM).
	HashtagAliases map[string]string `yaml:"hashtag_aliases"`
	// Disclosure is appended to contributor shares (e.g. "#employee"); every post leaves
	// room for it. Default none.
	Disclosure string `yaml:"disclosure"`
	// Cards is how the images made from a document look.
	Cards Cards `yaml:"cards"`
}

// Cards is the look of stat, quote and title cards and of carousel slides.
type Cards struct {
	// Off renders no images: posts go out as text with their link previews from the
	// channel. For a brand that posts text only, or a machine without the fonts.
	// Default false.
	Off bool `yaml:"off"`
	// Background, Text and Accent are colours written #RRGGBB. Text must stand out from
	// the background (WCAG contrast at least 4.5:1), the accent (stat figures, the
	// speaker, the bar along the top) at least 3:1. Defaults #0F172A, #F8FAFC, #38BDF8.
	Background string `yaml:"background"`
	Text       string `yaml:"text"`
	Accent     string `yaml:"accent"`
	// Logo is a PNG or JPEG file drawn in the bottom corner of every card. Default none.
	Logo string `yaml:"logo"`
	// Fonts are the font files cards are set in. Defaults: Debian's Noto Sans
	// (fonts-noto-core) and Noto Sans CJK (fonts-noto-cjk).
	Fonts CardFonts `yaml:"fonts"`
}

// CardFonts are font files (.ttf, .otf, or a .ttc collection): a Latin family, and a CJK
// one for Chinese, Japanese and Korean text, each regular and bold.
type CardFonts struct {
	Regular    string `yaml:"regular"`
	Bold       string `yaml:"bold"`
	CJKRegular string `yaml:"cjk_regular"`
	CJKBold    string `yaml:"cjk_bold"`
}

// Channels are per-channel settings.
type Channels struct {
	// MastodonLimit is the instance's post limit. Default 500.
	MastodonLimit int `yaml:"mastodon_limit"`
}

// Campaign is a marketing campaign's voice and links.
type Campaign struct {
	// LandingPage is linked when a document names no canonical_url.
	LandingPage string `yaml:"landing_page"`
	// AutoApprove makes derivatives approved as they are made. Default false.
	AutoApprove bool `yaml:"auto_approve"`
	// CTA text per buying stage: awareness, consideration, decision. Without one, each
	// derivative uses a call to action in its own language.
	CTA map[string]string `yaml:"cta"`
	// Hashtags the campaign's posts may carry, each only on documents that mention it
	// (a phrase or a tag: "platform engineering", "SBOM"), after the document's own
	// front-matter tags. Hashtags come from nowhere else: no tag beats a bad tag.
	Hashtags []string `yaml:"hashtags"`
	// Lang is the language cta is written in. Default en. A document in another language
	// takes a cta_overrides entry for its locale, else the built-in call to action of its
	// own language: never a CTA in one language under a post in another.
	Lang string `yaml:"lang"`
	// UTM parameters; values may use {campaign}, {channel}, {kind}, {source}, {ordinal}.
	UTM UTM `yaml:"utm"`
	// Stage used when a document names none. Default awareness.
	DefaultStage string `yaml:"default_stage"`
	// CTAOverrides give a CTA for a persona and/or locale (and optionally a stage); the
	// most specific match wins over CTA.
	CTAOverrides []CTAOverride `yaml:"cta_overrides"`
	// Brand, when set, replaces the file's brand rules for this campaign.
	Brand *Brand `yaml:"brand"`
	// Plan names the drip plan (one of plans) its approved derivatives follow. Default
	// launch.
	Plan string `yaml:"plan"`
}

// CTAOverride is a call to action for one audience.
type CTAOverride struct {
	Persona string `yaml:"persona"`
	Locale  string `yaml:"locale"`
	Stage   string `yaml:"stage"`
	Text    string `yaml:"text"`
}

// UTM is the template of the tracking parameters added to every backlink.
type UTM struct {
	Source   string `yaml:"source"`
	Medium   string `yaml:"medium"`
	Campaign string `yaml:"campaign"`
	Content  string `yaml:"content"`
}

// Role is what a user may do.
type Role string

// Roles, from most to least powerful.
const (
	RoleAdmin       Role = "admin"
	RoleMarketing   Role = "marketing"
	RoleRegional    Role = "regional"
	RoleContributor Role = "contributor"
)

// User is someone who calls the API.
type User struct {
	Name string `yaml:"name"`
	Role Role   `yaml:"role"`
	// TokenSHA256 is the hex SHA-256 of the user's API token for scripts; the token itself
	// is never stored. Optional when the user signs in with a password.
	TokenSHA256 string `yaml:"token_sha256"`
	// PasswordHash is the user's browser sign-in password as an argon2id PHC string
	// ($argon2id$v=19$m=...,t=...,p=...$salt$hash) or a bcrypt hash ($2a$/$2b$/$2y$);
	// `repurpose hash-password` makes one. Optional when the user only uses a token.
	PasswordHash string `yaml:"password_hash"`
	// Regions scopes a regional user.
	Regions []string `yaml:"regions"`
	// Team groups people on the sharing leaderboard (beside their regions).
	Team string `yaml:"team"`
	// Digest, when set, sends the user a digest of newly approved topics that match
	// their interests. Default none.
	Digest *Digest `yaml:"digest"`
}

// Limits bound the work a process takes on.
type Limits struct {
	// MaxObjectBytes is the largest document accepted. Default 10 MiB.
	MaxObjectBytes int64 `yaml:"max_object_bytes"`
	// ClaimTTL is how long a contributor holds a topic. Default 48h.
	ClaimTTL Duration `yaml:"claim_ttl"`
	// ScanInterval is how often the scheduler lists the inbox. Default 1m.
	ScanInterval Duration `yaml:"scan_interval"`
	// WorkerConcurrency is how many tasks one worker runs at once. Default 4.
	WorkerConcurrency int `yaml:"worker_concurrency"`
	// TaskRetention keeps finished tasks (and so their IDs) in Redis. Default 24h.
	TaskRetention Duration `yaml:"task_retention"`
	// PublishAttempts is how many times a post is sent to a service that is down, rate
	// limited or unreachable before it is marked failed with the service's last words.
	// Default 8. (asynq schedules retries in whole seconds, so the backoff is at least 1s.)
	PublishAttempts int `yaml:"publish_attempts"`
	// PublishBackoff is the wait after the first such attempt, doubled after each next
	// one (less up to a quarter, at random, so posts do not come back together) up to
	// PublishBackoffMax. A service's Retry-After, when longer, is waited instead.
	// Defaults 30s and 1h: the default budget spans about an hour.
	PublishBackoff    Duration `yaml:"publish_backoff"`
	PublishBackoffMax Duration `yaml:"publish_backoff_max"`
}

// Stages of the buying journey, in order.
var Stages = []string{"awareness", "consideration", "decision"}

// Duration is a time.Duration written as "90s", "48h".
type Duration time.Duration

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("%q is not a duration (use e.g. 90s, 15m, 48h)", string(b))
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes the duration as Go does.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// Std returns the time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// ValidCampaignName reports whether name may name a campaign: lower-case letters, digits,
// - and _.
func ValidCampaignName(name string) bool { return campaignName.MatchString(name) }

// CampaignNames are the configured campaigns' names, sorted.
func (f *File) CampaignNames() []string {
	names := make([]string, 0, len(f.Campaigns))
	for n := range f.Campaigns {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// UnknownCampaign is "" when name is a configured campaign or empty (the default one);
// else it says, as a phrase for messages, that name is not configured and which are.
func (f *File) UnknownCampaign(name string) string {
	if _, ok := f.Campaigns[name]; ok || name == "" {
		return ""
	}
	return fmt.Sprintf("campaign %q, which is not configured (known: %s)", name, strings.Join(f.CampaignNames(), ", "))
}

// Campaign returns the named campaign, or the default one when the name is empty or unknown,
// with the name that was used.
func (f *File) Campaign(name string) (string, Campaign) {
	if c, ok := f.Campaigns[name]; ok && name != "" {
		return name, c
	}
	return f.DefaultCampaign, f.Campaigns[f.DefaultCampaign]
}

// CTAFor is the call to action for a stage, persona and locale: the most specific
// override that matches, else the stage's CTA. An override's empty fields match anything,
// and an override naming a language ("es") serves its regional locales ("es-MX") unless one
// names the region itself. Texts without a locale are in the campaign's language and serve
// only locales of it: "" when nothing fits, so the caller uses the locale's own words.
func (c Campaign) CTAFor(stage, persona, locale string) string {
	inLang := sameLanguage(locale, c.Lang)
	best, score := "", 0
	if inLang {
		best = c.CTA[stage]
	}
	for _, o := range c.CTAOverrides {
		s := 0
		switch {
		case o.Locale == "":
			if !inLang {
				continue
			}
		case strings.EqualFold(o.Locale, locale):
			s += 4
		case !strings.ContainsAny(o.Locale, "-_") && sameLanguage(locale, o.Locale):
			s += 2
		default:
			continue
		}
		if o.Persona != "" {
			if !strings.EqualFold(o.Persona, persona) {
				continue
			}
			s += 8
		}
		if o.Stage != "" {
			if o.Stage != stage {
				continue
			}
			s++
		}
		if s > score {
			best, score = o.Text, s
		}
	}
	return best
}

// sameLanguage reports whether a locale ("es-MX") is in language lang ("es"); an empty
// lang is English.
func sameLanguage(locale, lang string) bool {
	if lang == "" {
		lang = "en"
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(locale, "_", "-"), "-")
	return base == "" || strings.EqualFold(base, lang)
}

// BrandFor is the brand rules a campaign follows.
func (f *File) BrandFor(c Campaign) Brand {
	if c.Brand != nil {
		return *c.Brand
	}
	return f.Brand
}

// PublicPagesOn reports whether /p/{slug} pages are served.
func (f *File) PublicPagesOn() bool { return f.PublicPages == nil || *f.PublicPages }
