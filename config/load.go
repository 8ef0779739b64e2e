package config

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/repurpose/repurpose/channel"
)

// Location is an S3 bucket with an optional key prefix, written s3://bucket[/prefix].
type Location struct {
	Bucket string
	Prefix string // without leading slash; with a trailing slash when not empty
}

// ParseLocation reads s3://bucket[/prefix].
func ParseLocation(s string) (Location, error) {
	rest, ok := strings.CutPrefix(s, "s3://")
	if !ok {
		return Location{}, fmt.Errorf("%q must look like s3://bucket or s3://bucket/prefix", s)
	}
	bucket, prefix, _ := strings.Cut(rest, "/")
	if !bucketName.MatchString(bucket) {
		return Location{}, fmt.Errorf("%q: bucket name %q is not valid (3-63 lower-case letters, digits, dots, hyphens)", s, bucket)
	}
	prefix = strings.Trim(prefix, "/")
	if prefix != "" {
		prefix += "/"
	}
	return Location{Bucket: bucket, Prefix: prefix}, nil
}

var bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

func (l Location) String() string { return "s3://" + l.Bucket + "/" + l.Prefix }

// HoldsDocument reports whether bucket/key is a document in this location. Folder
// placeholders (keys ending in "/", which S3 consoles create) are not documents.
func (l Location) HoldsDocument(bucket, key string) bool {
	return bucket == l.Bucket && strings.HasPrefix(key, l.Prefix) && key != "" && !strings.HasSuffix(key, "/")
}

// Load reads the environment and, when REPURPOSE_CONFIG names one, the YAML file.
func Load() (*Config, error) {
	infra, err := FromEnv(os.Getenv)
	if err != nil {
		return nil, err
	}
	file := Defaults()
	if infra.ConfigPath != "" {
		f, err := os.Open(infra.ConfigPath)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		defer f.Close()
		if file, err = ParseFile(f); err != nil {
			return nil, fmt.Errorf("config %s: %w", infra.ConfigPath, err)
		}
	}
	return &Config{Infra: infra, File: *file}, nil
}

// FromEnv reads the infrastructure settings through getenv (os.Getenv in production).
func FromEnv(getenv func(string) string) (Infra, error) {
	get := func(name, def string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		return def
	}
	in := Infra{
		RedisURL:    get("REPURPOSE_REDIS_URL", "redis://127.0.0.1:6379/0"),
		S3Endpoint:  get("REPURPOSE_S3_ENDPOINT", ""),
		S3Region:    get("AWS_REGION", get("AWS_DEFAULT_REGION", "us-east-1")),
		HTTPAddr:    get("REPURPOSE_HTTP_ADDR", ":8080"),
		PublicURL:   strings.TrimRight(get("REPURPOSE_PUBLIC_URL", "http://localhost:8080"), "/"),
		AdminToken:  get("REPURPOSE_ADMIN_TOKEN", ""),
		EventsToken: get("REPURPOSE_EVENTS_TOKEN", ""),
		ConfigPath:  get("REPURPOSE_CONFIG", ""),
		MetricsAddr: get("REPURPOSE_METRICS_ADDR", ""),
	}
	var errs []error
	if u, err := url.Parse(in.RedisURL); err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "" {
		errs = append(errs, fmt.Errorf("REPURPOSE_REDIS_URL: %s must look like redis://[:password@]host:port/db", RedactURL(in.RedisURL)))
	}
	if in.S3Endpoint != "" {
		if u, err := url.Parse(in.S3Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("REPURPOSE_S3_ENDPOINT: %q must be an http(s) URL such as http://127.0.0.1:7070", in.S3Endpoint))
		}
	}
	var err error
	open := get("REPURPOSE_EVENTS_OPEN", "false")
	if in.EventsOpen, err = strconv.ParseBool(open); err != nil {
		errs = append(errs, fmt.Errorf("REPURPOSE_EVENTS_OPEN: %q must be true or false", open))
	}
	if in.Inbox, err = ParseLocation(get("REPURPOSE_INBOX", "s3://inbox")); err != nil {
		errs = append(errs, fmt.Errorf("REPURPOSE_INBOX: %w", err))
	}
	if in.Toolkit, err = ParseLocation(get("REPURPOSE_TOOLKIT", "s3://toolkit")); err != nil {
		errs = append(errs, fmt.Errorf("REPURPOSE_TOOLKIT: %w", err))
	}
	if u, err := url.Parse(in.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("REPURPOSE_PUBLIC_URL: %q must be an http(s) URL", in.PublicURL))
	}
	if k := get("REPURPOSE_TOKEN_KEY", ""); k != "" {
		// The value is a secret: the message never quotes it.
		if b, err := base64.StdEncoding.DecodeString(k); err != nil || len(b) != 32 {
			errs = append(errs, errors.New("REPURPOSE_TOKEN_KEY: must be 32 random bytes in base64; make one with: openssl rand -base64 32"))
		} else {
			in.TokenKey = b
		}
	}
	for _, s := range strings.FieldsFunc(get("REPURPOSE_TRUSTED_PROXIES", ""), func(r rune) bool { return r == ',' || r == ' ' }) {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			a, aerr := netip.ParseAddr(s)
			if aerr != nil {
				errs = append(errs, fmt.Errorf("REPURPOSE_TRUSTED_PROXIES: %q is neither an IP address nor a CIDR range such as 10.0.0.0/8", s))
				continue
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		in.TrustedProxies = append(in.TrustedProxies, p.Masked())
	}
	return in, errors.Join(errs...)
}

// Defaults is the configuration used when there is no file: one default campaign.
func Defaults() *File {
	f := &File{}
	f.applyDefaults()
	return f
}

// ParseFile reads a YAML configuration, rejecting unknown keys, and fills in defaults.
// Errors name the field's path, e.g. campaigns.launch.cta.awarenes.
func ParseFile(r io.Reader) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	f := &File{}
	if len(bytes.TrimSpace(data)) > 0 {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(f); err != nil {
			return nil, explainYAML(err)
		}
	}
	f.applyDefaults()
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return f, nil
}

// explainYAML turns yaml.v3's messages into ones that name the problem plainly.
func explainYAML(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = strings.Replace(m, "not found in type", "is not a known setting of", 1)
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return err
}

func (f *File) applyDefaults() {
	if f.DefaultCampaign == "" {
		f.DefaultCampaign = "default"
	}
	if f.Campaigns == nil {
		f.Campaigns = map[string]Campaign{}
	}
	if _, ok := f.Campaigns[f.DefaultCampaign]; !ok && f.DefaultCampaign == "default" {
		f.Campaigns["default"] = Campaign{}
	}
	for name, c := range f.Campaigns {
		if c.DefaultStage == "" {
			c.DefaultStage = "awareness"
		}
		if c.Lang == "" {
			c.Lang = "en"
		}
		// No default CTA text here: without one, derivatives take the call to action of
		// their own language ("Read the full paper", "Lee el documento completo").
		if c.UTM.Source == "" {
			c.UTM.Source = "{channel}"
		}
		if c.UTM.Medium == "" {
			c.UTM.Medium = "social"
		}
		if c.UTM.Campaign == "" {
			c.UTM.Campaign = "{campaign}"
		}
		if c.UTM.Content == "" {
			c.UTM.Content = "{kind}-{ordinal}"
		}
		f.Campaigns[name] = c
	}
	f.Brand.applyDefaults()
	for name, c := range f.Campaigns {
		if c.Brand != nil {
			c.Brand.applyDefaults()
			f.Campaigns[name] = c
		}
	}
	if f.Translation.Provider == "aws" && f.Translation.Terminology == "" {
		f.Translation.Terminology = "repurpose-brand"
	}
	f.applyPublishingDefaults()
	f.applyDigestDefaults()
	if f.Channels.MastodonLimit == 0 {
		f.Channels.MastodonLimit = 500
	}
	l := &f.Limits
	if l.MaxObjectBytes == 0 {
		l.MaxObjectBytes = 10 << 20
	}
	if l.ClaimTTL == 0 {
		l.ClaimTTL = Duration(48 * time.Hour)
	}
	if l.ScanInterval == 0 {
		l.ScanInterval = Duration(time.Minute)
	}
	if l.WorkerConcurrency == 0 {
		l.WorkerConcurrency = 4
	}
	if l.TaskRetention == 0 {
		l.TaskRetention = Duration(24 * time.Hour)
	}
	if l.PublishAttempts == 0 {
		l.PublishAttempts = 8
	}
	if l.PublishBackoff == 0 {
		l.PublishBackoff = Duration(30 * time.Second)
	}
	if l.PublishBackoffMax == 0 {
		l.PublishBackoffMax = Duration(time.Hour)
	}
}

// hashtagWord is what a hashtag may hold after its #.
var hashtagWord = regexp.MustCompile(`^[\pL\pN_]{1,30}$`)

// Channels whose hashtags the brand rules cap.
var hashtagChannels = names(channel.Social())

func (b *Brand) applyDefaults() {
	caps := map[string]int{string(channel.X): 2, string(channel.Mastodon): 3, string(channel.Bluesky): 2,
		string(channel.Threads): 1, string(channel.LinkedIn): 3}
	for k, v := range b.MaxHashtags {
		caps[k] = v
	}
	b.MaxHashtags = caps
	b.Cards.applyDefaults()
}

func (b *Brand) validate(path string, bad func(path, format string, args ...any)) {
	for i, p := range b.BannedPhrases {
		if strings.TrimSpace(p) == "" {
			bad(fmt.Sprintf("%s.banned_phrases[%d]", path, i), "must not be empty")
		}
	}
	for i, s := range b.Spellings {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "\n\t") {
			bad(fmt.Sprintf("%s.spellings[%d]", path, i), "must be a name on one line")
		}
	}
	for ch, n := range b.MaxHashtags {
		known := false
		for _, c := range hashtagChannels {
			known = known || c == ch
		}
		if !known {
			bad(path+".max_hashtags."+ch, "not a channel (%s)", strings.Join(hashtagChannels, ", "))
		} else if n < 0 || n > 10 {
			bad(path+".max_hashtags."+ch, "%d is outside 0 .. 10", n)
		}
	}
	for phrase, tag := range b.HashtagAliases {
		if strings.TrimSpace(phrase) == "" || !hashtagWord.MatchString(strings.TrimPrefix(tag, "#")) {
			bad(path+".hashtag_aliases."+phrase, "%q is not a hashtag (letters and digits, no spaces)", tag)
		}
	}
	if len([]rune(b.Disclosure)) > 40 {
		bad(path+".disclosure", "is %d characters; keep a disclosure within 40", len([]rune(b.Disclosure)))
	}
	b.Cards.validate(path+".cards", bad)
}

// hasRegion reports whether id names a configured region.
func (f *File) hasRegion(id string) bool {
	for _, r := range f.Regions {
		if r.ID == id {
			return true
		}
	}
	return false
}

var (
	passwordHash = regexp.MustCompile(`^(\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+|\$2[aby]\$\d\d\$[./A-Za-z0-9]{53})$`)
	localeTag    = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	hexSHA256    = regexp.MustCompile(`^[0-9a-f]{64}$`)
	campaignName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	utmVars      = regexp.MustCompile(`\{([^}]*)\}`)
)

// Validate checks every value, naming each bad field by its path.
func (f *File) Validate() error {
	var errs []error
	bad := func(path, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...)))
	}
	if _, ok := f.Campaigns[f.DefaultCampaign]; !ok {
		bad("default_campaign", "%q is not one of the campaigns", f.DefaultCampaign)
	}
	names := make([]string, 0, len(f.Campaigns))
	for n := range f.Campaigns {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := f.Campaigns[n]
		p := "campaigns." + n
		if !campaignName.MatchString(n) {
			bad(p, "campaign names use lower-case letters, digits, - and _")
		}
		if c.LandingPage != "" {
			if u, err := url.Parse(c.LandingPage); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				bad(p+".landing_page", "%q is not an http(s) URL", c.LandingPage)
			}
		}
		if b, _ := language.Make(c.Lang).Base(); b.String() != c.Lang {
			bad(p+".lang", "%q is not a lower-case two-letter language code (en, es, ja, ...)", c.Lang)
		}
		if !isStage(c.DefaultStage) {
			bad(p+".default_stage", "%q is not a stage (awareness, consideration, decision)", c.DefaultStage)
		}
		for k, v := range c.CTA {
			if !isStage(k) {
				bad(p+".cta."+k, "not a stage (awareness, consideration, decision)")
			} else if strings.TrimSpace(v) == "" {
				bad(p+".cta."+k, "must not be empty")
			} else if len([]rune(v)) > 120 {
				bad(p+".cta."+k, "is %d characters; keep a call to action within 120", len([]rune(v)))
			}
		}
		for i, h := range c.Hashtags {
			if strings.TrimSpace(strings.TrimPrefix(h, "#")) == "" || utf8.RuneCountInString(h) > 60 {
				bad(fmt.Sprintf("%s.hashtags[%d]", p, i), "must be a phrase or a tag of at most 60 characters")
			}
		}
		for i, o := range c.CTAOverrides {
			op := fmt.Sprintf("%s.cta_overrides[%d]", p, i)
			if strings.TrimSpace(o.Text) == "" {
				bad(op+".text", "must not be empty")
			}
			if o.Stage != "" && !isStage(o.Stage) {
				bad(op+".stage", "%q is not a stage (awareness, consideration, decision)", o.Stage)
			}
			if o.Persona == "" && o.Locale == "" {
				bad(op, "name a persona or a locale (or both)")
			}
		}
		if c.Brand != nil {
			c.Brand.validate(p+".brand", bad)
		}
		for field, v := range map[string]string{"source": c.UTM.Source, "medium": c.UTM.Medium, "campaign": c.UTM.Campaign, "content": c.UTM.Content} {
			for _, m := range utmVars.FindAllStringSubmatch(v, -1) {
				switch m[1] {
				case "campaign", "channel", "kind", "source", "ordinal", "stage":
				default:
					bad(p+".utm."+field, "unknown variable {%s} (use {campaign}, {channel}, {kind}, {source}, {ordinal}, {stage})", m[1])
				}
			}
		}
	}
	f.Brand.validate("brand", bad)
	regionIDs := map[string]bool{}
	for i, r := range f.Regions {
		p := fmt.Sprintf("regions[%d]", i)
		if !campaignName.MatchString(r.ID) {
			bad(p+".id", "%q: use lower-case letters, digits, - and _", r.ID)
		} else if regionIDs[r.ID] {
			bad(p+".id", "%q appears twice", r.ID)
		}
		regionIDs[r.ID] = true
		if len(r.Locales) == 0 {
			bad(p+".locales", "name at least one locale (e.g. [de, fr])")
		}
		for j, l := range r.Locales {
			if !localeTag.MatchString(l) {
				bad(fmt.Sprintf("%s.locales[%d]", p, j), "%q is not a locale such as de, pt-BR or zh-Hant", l)
			}
		}
	}
	switch t := f.Translation; t.Provider {
	case "":
	case "libretranslate":
		if u, err := url.Parse(t.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("translation.url", "%q must be the LibreTranslate server's http(s) URL", t.URL)
		}
	case "aws":
	default:
		bad("translation.provider", "%q is not a provider (libretranslate, aws, or leave it empty for people only)", t.Provider)
	}
	if f.Channels.MastodonLimit < 100 || f.Channels.MastodonLimit > 100000 {
		bad("channels.mastodon_limit", "%d is outside 100 .. 100000", f.Channels.MastodonLimit)
	}
	seen := map[string]bool{}
	for i, u := range f.Users {
		p := fmt.Sprintf("users[%d]", i)
		if strings.TrimSpace(u.Name) == "" {
			bad(p+".name", "must not be empty")
		} else if seen[u.Name] {
			bad(p+".name", "%q appears twice", u.Name)
		}
		seen[u.Name] = true
		switch u.Role {
		case RoleAdmin, RoleMarketing, RoleRegional, RoleContributor:
		default:
			bad(p+".role", "%q is not a role (admin, marketing, regional, contributor)", u.Role)
		}
		switch {
		case u.TokenSHA256 == "" && u.PasswordHash == "":
			bad(p, "give the user a token_sha256 (for scripts) or a password_hash (for the browser), or both")
		case u.TokenSHA256 != "" && !hexSHA256.MatchString(u.TokenSHA256):
			bad(p+".token_sha256", "must be the 64-character lower-case hex SHA-256 of the token (printf %%s TOKEN | sha256sum)")
		}
		if u.PasswordHash != "" && !passwordHash.MatchString(u.PasswordHash) {
			bad(p+".password_hash", "must be an argon2id ($argon2id$...) or bcrypt ($2b$...) hash; make one with `repurpose hash-password`")
		}
		for _, r := range u.Regions {
			if !f.hasRegion(r) {
				bad(p+".regions", "%q is not one of the regions", r)
			}
		}
		if u.Role == RoleRegional && len(u.Regions) == 0 {
			bad(p+".regions", "a regional user needs at least one region")
		}
	}
	f.validatePublishing(bad)
	f.validateDigests(bad)
	l := f.Limits
	if l.MaxObjectBytes < 1024 || l.MaxObjectBytes > 1<<30 {
		bad("limits.max_object_bytes", "%d is outside 1024 .. 1073741824", l.MaxObjectBytes)
	}
	if l.ClaimTTL.Std() < time.Minute {
		bad("limits.claim_ttl", "must be at least 1m")
	}
	if l.ScanInterval.Std() < time.Second {
		bad("limits.scan_interval", "must be at least 1s")
	}
	if l.WorkerConcurrency < 1 || l.WorkerConcurrency > 256 {
		bad("limits.worker_concurrency", "%d is outside 1 .. 256", l.WorkerConcurrency)
	}
	if l.TaskRetention.Std() < time.Minute {
		bad("limits.task_retention", "must be at least 1m")
	}
	if l.PublishAttempts < 1 || l.PublishAttempts > 100 {
		bad("limits.publish_attempts", "%d is outside 1 .. 100", l.PublishAttempts)
	}
	if l.PublishBackoff.Std() < time.Second {
		bad("limits.publish_backoff", "must be at least 1s (retries are scheduled in whole seconds)")
	}
	if l.PublishBackoffMax.Std() < l.PublishBackoff.Std() || l.PublishBackoffMax.Std() > 24*time.Hour {
		bad("limits.publish_backoff_max", "must be between limits.publish_backoff (%s) and 24h", l.PublishBackoff.Std())
	}
	return errors.Join(errs...)
}

func isStage(s string) bool {
	for _, st := range Stages {
		if s == st {
			return true
		}
	}
	return false
}

// RedactURL hides the user information (a password) of a connection URL, also of one
// that does not parse, before it is shown or logged.
func RedactURL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" && u.Opaque == "" {
		return u.Redacted()
	}
	at := strings.LastIndex(raw, "@") // a password would be before it
	if at < 0 {
		return raw
	}
	scheme, _, ok := strings.Cut(raw[:at], ":")
	if !ok || strings.ContainsAny(scheme, "/@") {
		scheme = ""
	}
	return scheme + "://xxxxx@" + raw[at+1:]
}
