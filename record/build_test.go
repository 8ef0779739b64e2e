package record

import (
	"errors"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/tasks"
)

func TestAnUnknownCampaignIsAWarningUnlessStrict(t *testing.T) {
	src := "---\ncampaign: lauch\n---\n# Platforms\n\nPlatform teams cut onboarding from two weeks to two days with templates.\n"
	file, err := config.ParseFile(strings.NewReader("campaigns:\n  launch:\n    auto_approve: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{File: *file}
	cfg.Infra.PublicURL = "https://toolkit.example.com"
	build := func() (string, []string, error) {
		doc, err := parse.File("p.md", []byte(src), 0)
		if err != nil {
			t.Fatal(err)
		}
		s, b, err := Build(tasks.Ingest{Bucket: "inbox", Key: "p.md"}, "0123456789", "v1", doc, cfg, nil)
		if err != nil {
			return "", nil, err
		}
		if len(b.Derivatives) == 0 || !strings.Contains(b.Derivatives[0].Backlink, "utm_campaign=lauch") {
			t.Errorf("derivatives do not keep the document's campaign name in utm_campaign: %q", b.Derivatives[0].Backlink)
		}
		return s.Campaign, s.Warnings, nil
	}
	name, warnings, err := build()
	if err != nil || name != "lauch" || len(warnings) != 1 || !strings.Contains(warnings[0], "(known: default, launch)") {
		t.Errorf("got campaign %q, warnings %q, err %v; want lauch with a warning listing the known campaigns", name, warnings, err)
	}
	cfg.File.CampaignsStrict = true
	var bad *parse.InputError
	if _, _, err := build(); !errors.As(err, &bad) || !strings.Contains(bad.Reason, `"lauch", which is not configured`) {
		t.Errorf("strict: %v, want an input error naming the campaign", err)
	}
}
