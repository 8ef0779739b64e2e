package channel

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"gopkg.in/yaml.v3"

	"github.com/repurpose/repurpose/internal/testdocs"
)

// extractCase is one URL case of twitter-text's extract.yml: either a list of URLs, or
// URLs with their indices (UTF-16 code units, as JavaScript counts).
type extractCase struct {
	Description string    `yaml:"description"`
	Text        string    `yaml:"text"`
	Expected    yaml.Node `yaml:"expected"`
}

type extractedURL struct {
	URL     string `yaml:"url"`
	Indices []int  `yaml:"indices"`
}

// TestFindURLsConformance runs every URL section of twitter-text's extract.yml, read at
// test time: FindURLs must find exactly the expected URLs (and indices where given).
func TestFindURLsConformance(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(testdocs.Shared(t, "conformance", "twitter-text"), "extract.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var suite struct {
		Tests map[string][]extractCase `yaml:"tests"`
	}
	if err := yaml.Unmarshal(raw, &suite); err != nil {
		t.Fatal(err)
	}
	total, passed := 0, 0
	for _, section := range []string{"urls", "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params"} {
		cases, ok := suite.Tests[section]
		if !ok {
			t.Logf("extract.yml has no %s section", section)
			continue
		}
		pass := 0
		for _, c := range cases {
			want, err := expectedURLs(c.Expected)
			if err != nil {
				t.Fatalf("%s: %s: %v", section, c.Description, err)
			}
			got := extractedAt(c.Text, want)
			if !equalURLs(got, want) {
				t.Errorf("%s: %s\ntext %q\ngot  %+v\nwant %+v", section, c.Description, c.Text, got, want)
				continue
			}
			pass++
		}
		t.Logf("extract.yml %s: %d/%d cases pass", section, pass, len(cases))
		total += len(cases)
		passed += pass
	}
	t.Logf("extract.yml URL cases: %d/%d pass", passed, total)
}

func expectedURLs(n yaml.Node) ([]extractedURL, error) {
	var plain []string
	if err := n.Decode(&plain); err == nil {
		out := make([]extractedURL, len(plain))
		for i, u := range plain {
			out[i] = extractedURL{URL: u}
		}
		return out, nil
	}
	var withIndices []extractedURL
	return withIndices, n.Decode(&withIndices)
}

// extractedAt is what FindURLs finds in text, with UTF-16 indices when want has them.
func extractedAt(text string, want []extractedURL) []extractedURL {
	indices := len(want) > 0 && want[0].Indices != nil
	var out []extractedURL
	for _, sp := range FindURLs(text) {
		u := extractedURL{URL: text[sp[0]:sp[1]]}
		if indices {
			u.Indices = []int{len(utf16.Encode([]rune(text[:sp[0]]))), len(utf16.Encode([]rune(text[:sp[1]])))}
		}
		out = append(out, u)
	}
	return out
}

func equalURLs(got, want []extractedURL) bool {
	return slices.EqualFunc(got, want, func(g, w extractedURL) bool {
		return g.URL == w.URL && slices.Equal(g.Indices, w.Indices)
	})
}

// TestTLDCoverage compares the compiled-in TLDs (the Public Suffix List's ICANN section)
// with twitter-text's tld_lib.yml. They differ where the root zone has moved on: brand
// TLDs retired since, ccTLDs never delegated (an, tp, bl, ...). It reports; it does not
// fail, except when a common TLD is missing.
func TestTLDCoverage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(testdocs.Shared(t, "conformance", "twitter-text"), "tld_lib.yml"))
	if err != nil {
		t.Skipf("no tld_lib.yml: %v", err)
	}
	var lib map[string][]string
	if err := yaml.Unmarshal(raw, &lib); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"country", "generic"} {
		var missing []string
		for _, tld := range lib[kind] {
			if !isTLD(tld) {
				missing = append(missing, tld)
			}
		}
		t.Logf("tld_lib.yml %s: %d/%d known; not in the root zone any more: %s", kind,
			len(lib[kind])-len(missing), len(lib[kind]), strings.Join(missing, " "))
	}
	for _, tld := range []string{"com", "org", "net", "io", "dev", "jp", "uk", "de", "みんな", "中国", "рф", "onion"} {
		if !isTLD(tld) {
			t.Errorf("%s is not known as a TLD", tld)
		}
	}
}
