package config

import (
	"strings"
	"testing"
)

const digestUser = "users:\n  - name: ana\n    role: contributor\n    token_sha256: " +
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    digest:\n"

// A digest is weekly unless the person says otherwise, and SMTP starts on STARTTLS at 587.
func TestDigestDefaults(t *testing.T) {
	f, err := ParseFile(strings.NewReader("digests:\n  from: Toolkit <toolkit@example.com>\n  smtp:\n    host: smtp.example.com\n" +
		digestUser + "      email: ana@example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := f.Users[0].Digest
	if d.Every != "weekly" || d.Period().Hours() != 7*24 {
		t.Errorf("every = %q, period %s", d.Every, d.Period())
	}
	if s := f.Digests.SMTP; s.TLS != "starttls" || s.Port != 587 {
		t.Errorf("smtp = %+v", s)
	}
}

func TestDigestSettingsAreChecked(t *testing.T) {
	smtp := "digests:\n  from: toolkit@example.com\n  smtp:\n    host: smtp.example.com\n"
	tests := []struct{ yaml, want string }{
		{digestUser + "      every: monthly\n      email: ana@example.com\n", "users[0].digest.every: \"monthly\" is not one of weekly, daily, off"},
		{digestUser + "      email: ana@example.com\n", "users[0].digest.email: e-mail digests need digests.smtp.host"},
		{smtp + digestUser + "      email: Ana <ana@example.com>\n", "users[0].digest.email: \"Ana <ana@example.com>\" is not a plain e-mail address"},
		{digestUser + "      tags: [sre]\n", "users[0].digest: name where it goes"},
		{digestUser + "      slack_webhook_env: https://hooks.slack.com/x\n", "users[0].digest.slack_webhook_env: \"https://hooks.slack.com/x\" is not an environment variable's name"},
		{digestUser + "      teams_webhook_env: T\n      channels: [x, tiktok]\n", "users[0].digest.channels[1]: \"tiktok\" is not a channel"},
		{digestUser + "      teams_webhook_env: T\n      languages: [English]\n", "users[0].digest.languages[0]"},
		{digestUser + "      teams_webhook_env: T\n      region: mars\n", "users[0].digest.region: \"mars\" is not one of the regions"},
		{digestUser + "      teams_webhook_env: T\n      colour: red\n", "field colour is not a known setting"},
		{"digests:\n  from: nobody\n  smtp:\n    host: smtp.example.com\n", "digests.from"},
		{"digests:\n  smtp:\n    tls: maybe\n", "digests.smtp.tls: \"maybe\" is not one of starttls, tls, none"},
		{smtp + "    username: toolkit\n", "digests.smtp: give both username and password_env"},
	}
	for _, tc := range tests {
		_, err := ParseFile(strings.NewReader(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseFile(%q) error = %v, want it to mention %q", tc.yaml, err, tc.want)
		}
	}
	// every: off needs no destination.
	if _, err := ParseFile(strings.NewReader(digestUser + "      every: off\n")); err != nil {
		t.Errorf("every: off: %v", err)
	}
}
