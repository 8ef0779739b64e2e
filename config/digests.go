package config

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Digests is how digests of newly approved topics reach people: the sender and SMTP
// server of e-mails. Each user's interests and destinations are in users[].digest.
type Digests struct {
	// From is the sender of digest e-mails, e.g. "Toolkit <toolkit@example.com>".
	From string `yaml:"from"`
	SMTP SMTP   `yaml:"smtp"`
}

// SMTP is the mail server digests are sent through.
type SMTP struct {
	Host string `yaml:"host"`
	// Port defaults by TLS: 587 for starttls, 465 for tls, 25 for none.
	Port     int    `yaml:"port"`
	Username string `yaml:"username"`
	// PasswordEnv names the environment variable holding the password, so it stays out of
	// the file.
	PasswordEnv string `yaml:"password_env"`
	// TLS is starttls (default: the server must offer it), tls (TLS from the first byte,
	// port 465) or none (a relay on the same host or network only).
	TLS string `yaml:"tls"`
}

// Digest is one person's digest: how often, where to, and what they care about. Empty
// interests match every topic.
type Digest struct {
	// Every is weekly (default), daily or off.
	Every string `yaml:"every"`
	// Email is the person's address; digests go by e-mail when it is set.
	Email string `yaml:"email"`
	// SlackWebhookEnv and TeamsWebhookEnv name environment variables holding a Slack or
	// Microsoft Teams incoming-webhook URL (a secret: whoever has it may post).
	SlackWebhookEnv string `yaml:"slack_webhook_env"`
	TeamsWebhookEnv string `yaml:"teams_webhook_env"`
	// Tags keep topics whose document carries one of them.
	Tags []string `yaml:"tags"`
	// Channels keep topics for these channels (snippets, for any channel, always match).
	Channels []string `yaml:"channels"`
	// Languages keep topics in these languages (en, de, pt-BR ...).
	Languages []string `yaml:"languages"`
	// Region keeps topics meant for this region or for every region.
	Region string `yaml:"region"`
}

// Digest frequencies.
const (
	DigestWeekly = "weekly"
	DigestDaily  = "daily"
	DigestOff    = "off"
)

// Period is how long one digest waits for the next; 0 when digests are off.
func (d Digest) Period() time.Duration {
	switch d.Every {
	case DigestWeekly:
		return 7 * 24 * time.Hour
	case DigestDaily:
		return 24 * time.Hour
	}
	return 0
}

// envName is what an environment variable's name may be.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func (f *File) applyDigestDefaults() {
	s := &f.Digests.SMTP
	if s.TLS == "" {
		s.TLS = "starttls"
	}
	if s.Port == 0 {
		s.Port = map[string]int{"starttls": 587, "tls": 465, "none": 25}[s.TLS]
	}
	for i := range f.Users {
		if d := f.Users[i].Digest; d != nil && d.Every == "" {
			d.Every = DigestWeekly
		}
	}
}

func (f *File) validateDigests(bad func(path, format string, args ...any)) {
	s := f.Digests.SMTP
	if s.Host != "" {
		if strings.ContainsAny(s.Host, " /:") {
			bad("digests.smtp.host", "%q must be a host name or address, without port or scheme", s.Host)
		}
		if a, err := mail.ParseAddress(f.Digests.From); err != nil || a.Address == "" {
			bad("digests.from", "%q must be an e-mail address such as \"Toolkit <toolkit@example.com>\"", f.Digests.From)
		}
	}
	switch s.TLS {
	case "starttls", "tls", "none":
	default:
		bad("digests.smtp.tls", "%q is not one of starttls, tls, none", s.TLS)
	}
	if s.Port < 1 || s.Port > 65535 {
		bad("digests.smtp.port", "%d is outside 1 .. 65535", s.Port)
	}
	if s.PasswordEnv != "" && !envName.MatchString(s.PasswordEnv) {
		bad("digests.smtp.password_env", "%q is not an environment variable's name", s.PasswordEnv)
	}
	if (s.Username == "") != (s.PasswordEnv == "") {
		bad("digests.smtp", "give both username and password_env, or neither")
	}
	known := publishChannels
	for i, u := range f.Users {
		d := u.Digest
		if d == nil {
			continue
		}
		p := fmt.Sprintf("users[%d].digest", i)
		if d.Period() == 0 && d.Every != DigestOff {
			bad(p+".every", "%q is not one of weekly, daily, off", d.Every)
		}
		if d.Email != "" {
			if a, err := mail.ParseAddress(d.Email); err != nil || a.Address != d.Email {
				bad(p+".email", "%q is not a plain e-mail address (name@example.com)", d.Email)
			} else if s.Host == "" {
				bad(p+".email", "e-mail digests need digests.smtp.host and digests.from")
			}
		}
		for field, env := range map[string]string{"slack_webhook_env": d.SlackWebhookEnv, "teams_webhook_env": d.TeamsWebhookEnv} {
			if env != "" && !envName.MatchString(env) {
				bad(p+"."+field, "%q is not an environment variable's name", env)
			}
		}
		if d.Every != DigestOff && d.Email == "" && d.SlackWebhookEnv == "" && d.TeamsWebhookEnv == "" {
			bad(p, "name where it goes: email, slack_webhook_env or teams_webhook_env (or every: off)")
		}
		for j, t := range d.Tags {
			if strings.TrimSpace(t) == "" || len([]rune(t)) > 60 {
				bad(fmt.Sprintf("%s.tags[%d]", p, j), "must be a tag of 1 to 60 characters")
			}
		}
		for j, c := range d.Channels {
			if !slices.Contains(known, c) {
				bad(fmt.Sprintf("%s.channels[%d]", p, j), "%q is not a channel (%s)", c, strings.Join(known, ", "))
			}
		}
		for j, l := range d.Languages {
			if !localeTag.MatchString(l) {
				bad(fmt.Sprintf("%s.languages[%d]", p, j), "%q is not a language such as en, de or pt-BR", l)
			}
		}
		if d.Region != "" && !f.hasRegion(d.Region) {
			bad(p+".region", "%q is not one of the regions", d.Region)
		}
	}
}
