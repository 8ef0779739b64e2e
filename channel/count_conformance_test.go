package channel

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/repurpose/repurpose/internal/testdocs"
)

// conformanceCase is one counter case of twitter-text's validate.yml.
type conformanceCase struct {
	Description string `yaml:"description"`
	Text        string `yaml:"text"`
	Expected    struct {
		WeightedLength int  `yaml:"weightedLength"`
		Valid          bool `yaml:"valid"`
	} `yaml:"expected"`
}

// TestCountXConformance runs twitter-text's own counter cases, read at test time: the v2
// section with v2.json (emoji not discounted) and the v3 sections with v3.json.
func TestCountXConformance(t *testing.T) {
	dir := testdocs.Shared(t, "conformance", "twitter-text")
	raw, err := os.ReadFile(filepath.Join(dir, "validate.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var suite struct {
		// Other sections expect other shapes; decode only the counter ones.
		Tests map[string]yaml.Node `yaml:"tests"`
	}
	if err := yaml.Unmarshal(raw, &suite); err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct{ section, config string }{
		{"WeightedTweetsCounterTest", "v2.json"},
		{"WeightedTweetsWithDiscountedEmojiCounterTest", "v3.json"},
		{"UnicodeDirectionalMarkerCounterTest", "v3.json"},
	} {
		t.Run(run.section, func(t *testing.T) {
			cfg, err := os.ReadFile(filepath.Join(dir, run.config))
			if err != nil {
				t.Fatal(err)
			}
			var rules XRules
			if err := json.Unmarshal(cfg, &rules); err != nil {
				t.Fatal(err)
			}
			node := suite.Tests[run.section]
			var cases []conformanceCase
			if err := node.Decode(&cases); err != nil {
				t.Fatal(err)
			}
			if len(cases) == 0 {
				t.Fatalf("no cases in section %s", run.section)
			}
			pass := 0
			for _, c := range cases {
				got := rules.Count(c.Text)
				if got.Weighted != c.Expected.WeightedLength || got.Valid != c.Expected.Valid {
					t.Errorf("%s: got weighted %d valid %v, want %d %v", c.Description, got.Weighted, got.Valid, c.Expected.WeightedLength, c.Expected.Valid)
					continue
				}
				pass++
			}
			t.Logf("%s with %s: %d/%d cases pass", run.section, run.config, pass, len(cases))
		})
	}
}
