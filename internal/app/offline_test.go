package app

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/review"
)

func TestCountPrintsTheChannelsVerdict(t *testing.T) {
	var out bytes.Buffer
	if err := Count(config.Defaults(), strings.NewReader("Read it: https://example.com/a/very/long/path/that/is/long 👩‍👩‍👧‍👦"), &out, "x", false); err != nil {
		t.Fatal(err)
	}
	var r review.CountResult
	json.Unmarshal(out.Bytes(), &r)
	// "Read it: " is 9, the URL counts 23, the space 1, the family emoji 2.
	if r != (review.CountResult{Channel: "x", WeightedLength: 35, Limit: 280, Valid: true}) {
		t.Errorf("count = %+v", r)
	}
	out.Reset()
	in := `"hello"` + "\n" + `"` + strings.Repeat("a", 281) + `"` + "\n"
	if err := Count(config.Defaults(), strings.NewReader(in), &out, "x", true); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"valid":true`) || !strings.Contains(lines[1], `"weighted_length":281`) || !strings.Contains(lines[1], `"valid":false`) {
		t.Errorf("jsonl output:\n%s", out.String())
	}
	if err := Count(config.Defaults(), strings.NewReader("not json\n"), &out, "x", true); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad jsonl line: %v", err)
	}
	if err := Count(config.Defaults(), strings.NewReader("x"), &out, "myspace", false); err == nil {
		t.Error("an unknown channel gave no error")
	}
}

func TestDeriveIsDeterministicAndMatchesTheAPIShape(t *testing.T) {
	cfg := &config.Config{File: *config.Defaults()}
	cfg.Infra, _ = config.FromEnv(func(string) string { return "" })
	data, err := os.ReadFile("../../samples/whitepaper.es.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Derive(cfg, "whitepaper.es.md", "", data)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Derive(cfg, "whitepaper.es.md", "", data)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("two derivations of the same bytes differ")
	}
	if a.Source.Lang != "es" || len(a.Derivatives) == 0 || a.Derivatives[0].Status != "draft" || a.Derivatives[0].Locale != "es" {
		t.Errorf("source %+v, first derivative %+v", a.Source, a.Derivatives[0])
	}
	// An unconfigured campaign is a warning on the source (a typo is shown, not fatal),
	// and an error under campaigns_strict.
	if out, err := Derive(cfg, "x.md", "nosuch", data); err != nil || len(out.Source.Warnings) == 0 || !strings.Contains(out.Source.Warnings[0], `"nosuch"`) {
		t.Errorf("an unconfigured campaign: %v; want the derivatives with a warning naming it", err)
	}
	cfg.File.CampaignsStrict = true
	if _, err := Derive(cfg, "x.md", "nosuch", data); err == nil {
		t.Error("an unconfigured campaign under campaigns_strict gave no error")
	}
}
