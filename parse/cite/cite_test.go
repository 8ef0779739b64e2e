package cite

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/internal/regexsample"
)

// The checks before citedClause and citationNoun only spare work: whenever a pattern
// would find a marker, its check must let it run. Sentences are built from random
// strings each pattern matches (any case), set in random surroundings, and taken from the
// corpus.
func TestCitationChecksLetEveryClauseAndNounThrough(t *testing.T) {
	checks := []struct {
		re   *regexp.Regexp
		may  func(string) bool
		name string
	}{
		{citedClause, clauseMarks.of, "clause"},
		{citationNoun, nounMarks.of, "noun"},
	}
	surroundings := []string{"", " ", "Teams ", "平台", "x.", "プラットフォーム", "플랫폼은 ", "(", "see[1] ", "[2]で"}
	for _, c := range checks {
		sampler := regexsample.New(c.re)
		checked := 0
		for i := range 15000 {
			s := sampler.Pick(surroundings) + sampler.Next() + sampler.Pick(surroundings)
			may := c.may(s)
			if !may || i%10 == 0 { // the patterns are slow: those they must not match, and a sample
				if found := c.re.MatchString(s); found && !may {
					t.Fatalf("%q: the %s pattern matches, but its check says it cannot", s, c.name)
				} else if found {
					checked++
				}
			}
		}
		if checked < 1000 {
			t.Errorf("only %d of the 1,500 sampled sentences matched the %s pattern", checked, c.name)
		}
	}
	files, _ := filepath.Glob("../../../shared/corpus/*.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, c := range checks {
				if c.re.MatchString(line) && !c.may(line) {
					t.Errorf("%q: the %s pattern matches, but its check says it cannot", line, c.name)
				}
			}
		}
	}
}
