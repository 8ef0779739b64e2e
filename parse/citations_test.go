package parse

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/internal/regexsample"
)

// citationsInPlace only spares work: whenever citedClause or citationNoun would find a
// marker, it must say so. Sentences are built from random strings each pattern matches,
// set in random surroundings, and from the corpus.
func TestCitationsInPlaceAdmitsEveryClauseAndNoun(t *testing.T) {
	surroundings := []string{"", " ", "Teams ", "平台", "x.", "\x00", "プラットフォーム", "플랫폼은 ", "(", "see[1] "}
	checked := 0
	for _, re := range []*regexp.Regexp{citedClause, citationNoun} {
		sampler := regexsample.New(re)
		for i := range 15000 {
			s := sampler.Pick(surroundings) + sampler.Next() + sampler.Pick(surroundings)
			inPlace := citationsInPlace(s)
			if !inPlace || i%10 == 0 { // the patterns are slow: those they must not match, and a sample
				if found := citedClause.MatchString(s) || citationNoun.MatchString(s); found && !inPlace {
					t.Fatalf("citationsInPlace(%q) = false, but a pattern finds a marker in place", s)
				} else if found {
					checked++
				}
			}
		}
	}
	files, _ := filepath.Glob("../../shared/corpus/*.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if (citedClause.MatchString(line) || citationNoun.MatchString(line)) && !citationsInPlace(line) {
				t.Errorf("citationsInPlace(%q) = false, but a pattern finds a marker in place", line)
			}
		}
	}
	if checked < 1000 { // of the 3,000 sampled
		t.Errorf("only %d sentences held a clause or noun marker", checked)
	}
}
