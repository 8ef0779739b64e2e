package config

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultsRunWithoutAFile(t *testing.T) {
	f, err := ParseFile(strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	name, c := f.Campaign("")
	if name != "default" || len(c.CTA) != 0 || c.UTM.Medium != "social" {
		t.Fatalf("default campaign = %q %+v", name, c)
	}
	if f.Limits.MaxObjectBytes != 10<<20 || f.Limits.ScanInterval.Std().Minutes() != 1 || !f.PublicPagesOn() {
		t.Fatalf("limits = %+v", f.Limits)
	}
}

func TestParseFileNamesTheBadField(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"campaigns:\n  launch:\n    landing_pag: https://x.example\n", "field landing_pag is not a known setting"},
		{"campaigns:\n  launch:\n    cta:\n      awarenes: Read it\n", "campaigns.launch.cta.awarenes: not a stage"},
		{"campaigns:\n  launch:\n    landing_page: ftp://x\n", "campaigns.launch.landing_page"},
		{"campaigns:\n  launch:\n    utm:\n      source: '{chanel}'\n", "campaigns.launch.utm.source: unknown variable {chanel}"},
		{"users:\n  - name: ana\n    role: boss\n    token_sha256: " + strings.Repeat("a", 64) + "\n", "users[0].role"},
		{"users:\n  - name: ana\n    role: admin\n    token_sha256: secret\n", "users[0].token_sha256"},
		{"limits:\n  claim_ttl: forever\n", "is not a duration"},
		{"limits:\n  max_object_bytes: 10\n", "limits.max_object_bytes"},
		{"default_campaign: nope\n", "default_campaign"},
		{"bogus: 1\n", "field bogus is not a known setting"},
	}
	for _, tc := range tests {
		_, err := ParseFile(strings.NewReader(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseFile(%q) error = %v, want it to mention %q", tc.yaml, err, tc.want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	env := map[string]string{"REPURPOSE_INBOX": "s3://drop/papers", "REPURPOSE_S3_ENDPOINT": "http://127.0.0.1:7070"}
	in, err := FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if in.Inbox.Bucket != "drop" || in.Inbox.Prefix != "papers/" || in.Toolkit.Bucket != "toolkit" || in.RedisURL == "" {
		t.Fatalf("infra = %+v", in)
	}
	env = map[string]string{"REPURPOSE_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7,::1"}
	in, err = FromEnv(func(k string) string { return env[k] })
	if err != nil || fmt.Sprint(in.TrustedProxies) != "[10.0.0.0/8 192.0.2.7/32 ::1/128]" {
		t.Fatalf("trusted proxies %v, %v", in.TrustedProxies, err)
	}
	env = map[string]string{"REPURPOSE_INBOX": "inbox", "REPURPOSE_REDIS_URL": "localhost:6379", "REPURPOSE_TRUSTED_PROXIES": "proxy.local"}
	_, err = FromEnv(func(k string) string { return env[k] })
	for _, name := range []string{"REPURPOSE_INBOX", "REPURPOSE_REDIS_URL", `REPURPOSE_TRUSTED_PROXIES: "proxy.local"`} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("error = %v, want %s named", err, name)
		}
	}
}

func TestCTAForPicksTheMostSpecificOverride(t *testing.T) {
	f, err := ParseFile(strings.NewReader(`
campaigns:
  launch:
    cta:
      awareness: Read the paper
    cta_overrides:
      - locale: es
        text: Lee el informe
      - persona: cto
        text: Book a briefing
      - persona: cto
        locale: es
        text: Reserve una sesión
`))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Campaigns["launch"]
	for _, tc := range []struct{ persona, locale, want string }{
		{"", "en", "Read the paper"}, {"", "es", "Lee el informe"}, {"CTO", "en", "Book a briefing"}, {"cto", "es", "Reserve una sesión"},
		// A language's override serves its regions; English texts serve English only.
		{"", "es-MX", "Lee el informe"}, {"", "en-GB", "Read the paper"}, {"", "ko", ""}, {"cto", "ko", ""},
	} {
		if got := c.CTAFor("awareness", tc.persona, tc.locale); got != tc.want {
			t.Errorf("CTAFor(%q, %q) = %q, want %q", tc.persona, tc.locale, got, tc.want)
		}
	}
}

func TestBrandRules(t *testing.T) {
	f, err := ParseFile(strings.NewReader("brand:\n  disclosure: '#employee'\n  max_hashtags:\n    x: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := f.BrandFor(f.Campaigns["default"])
	if b.Disclosure != "#employee" || b.MaxHashtags["x"] != 1 || b.MaxHashtags["linkedin"] != 3 {
		t.Errorf("brand = %+v", b)
	}
	_, err = ParseFile(strings.NewReader("brand:\n  max_hashtags:\n    myspace: 2\n"))
	if err == nil || !strings.Contains(err.Error(), "brand.max_hashtags.myspace") {
		t.Errorf("unknown channel: %v", err)
	}
}

// TestREADMEExampleIsValid keeps the configuration reference in README.md honest.
func TestREADMEExampleIsValid(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```yaml\ndefault_campaign:")
	if !ok {
		t.Fatal("README.md has no configuration example starting with default_campaign")
	}
	example, _, _ := strings.Cut("default_campaign:"+rest, "```")
	f, err := ParseFile(strings.NewReader(example))
	if err != nil {
		t.Fatalf("README.md's configuration example is rejected: %v", err)
	}
	if f.DefaultCampaign != "launch" || f.Brand.Disclosure != "#employee" || len(f.Users) != 2 {
		t.Errorf("example parsed as %+v", f)
	}
	if d := f.Users[1].Digest; d == nil || d.Every != DigestWeekly || d.Region != "emea" || f.Digests.SMTP.Port != 587 {
		t.Errorf("the example's digest parsed as %+v, smtp %+v", d, f.Digests.SMTP)
	}
}

func TestAccountSecretReadsAVariableOrAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte("from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"TOKEN": " from-env \n"}
	getenv := func(k string) string { return env[k] }
	for _, tc := range []struct {
		settings map[string]string
		want     string
		err      string
	}{
		{map[string]string{"token_env": "TOKEN"}, "from-env", ""},
		{map[string]string{"token_file": path}, "from-file", ""},
		{map[string]string{"url": "https://example.com"}, "", ""},
		{map[string]string{"token_env": "UNSET"}, "", "token_env: the environment variable UNSET is not set"},
		{map[string]string{"token_file": path + ".missing"}, "", "token_file: open " + path + ".missing"},
	} {
		got, err := Account{Type: "webhook", Settings: tc.settings}.Secret("token", getenv, os.ReadFile)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && !strings.HasPrefix(err.Error(), tc.err)) {
			t.Errorf("Secret with %v = %q, %v; want %q, %q", tc.settings, got, err, tc.want, tc.err)
		}
	}
	if _, err := (Account{Settings: map[string]string{"token_file": path + ".missing"}}).Secret("token", getenv, os.ReadFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist wrapped", err)
	}
}

func TestTokenKeyFromEnv(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 32)
	in, err := FromEnv(func(k string) string {
		return map[string]string{"REPURPOSE_TOKEN_KEY": base64.StdEncoding.EncodeToString(key) + "\n"}[k]
	})
	if err != nil || !bytes.Equal(in.TokenKey, key) {
		t.Fatalf("TokenKey = %x, %v", in.TokenKey, err)
	}
	for _, bad := range []string{base64.StdEncoding.EncodeToString(key[:16]), "not base64 at all!"} {
		_, err := FromEnv(func(k string) string { return map[string]string{"REPURPOSE_TOKEN_KEY": bad}[k] })
		if err == nil || !strings.Contains(err.Error(), "REPURPOSE_TOKEN_KEY: must be 32 random bytes") ||
			!strings.Contains(err.Error(), "openssl rand -base64 32") || strings.Contains(err.Error(), bad) {
			t.Errorf("REPURPOSE_TOKEN_KEY=%q: %v", bad, err)
		}
	}
}

func TestInboxHoldsDocumentsNotFolders(t *testing.T) {
	inbox := Location{Bucket: "drop", Prefix: "papers/"}
	for _, c := range []struct {
		bucket, key string
		want        bool
	}{
		{"drop", "papers/a.md", true},
		{"drop", "papers/2026/a.md", true},
		{"drop", "papers/", false},        // the prefix's own placeholder
		{"drop", "papers/2026/", false},   // a folder placeholder
		{"drop", "other/a.md", false},     // outside the prefix
		{"toolkit", "papers/a.md", false}, // another bucket
	} {
		if got := inbox.HoldsDocument(c.bucket, c.key); got != c.want {
			t.Errorf("HoldsDocument(%q, %q) = %v, want %v", c.bucket, c.key, got, c.want)
		}
	}
	if (Location{Bucket: "drop"}).HoldsDocument("drop", "") {
		t.Error("an empty key is a document")
	}
}
