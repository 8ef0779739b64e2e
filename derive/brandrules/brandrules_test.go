package brandrules

import (
	"testing"

	"github.com/repurpose/repurpose/config"
)

// TestSpellLeavesURLsAndOtherWords: a name is spelled where it stands as a whole word,
// the longest listed name first, and never inside a link.
func TestSpellLeavesURLsAndOtherWords(t *testing.T) {
	r := New(config.Brand{Spellings: []string{"GitHub", "GitHub Actions"}})
	for in, want := range map[string]string{
		"Use github actions on github.com/acme or https://github.com/acme.": "Use GitHub Actions on github.com/acme or https://github.com/acme.",
		"githubber and mygithub stay; GITHUB changes.":                      "githubber and mygithub stay; GitHub changes.",
		"#github and (github)": "#GitHub and (GitHub)",
	} {
		if got := r.Spell(in); got != want {
			t.Errorf("Spell(%q) = %q, want %q", in, got, want)
		}
	}
}
