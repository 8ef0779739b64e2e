package whole

import (
	"testing"

	"github.com/repurpose/repurpose/internal/regexsample"
)

// The cheap check before statusField only spares work: on every sentence the pattern
// matches, it must let it run. Sentences are built from random strings the pattern
// matches (any case, the long s and the Kelvin sign included), set in random
// surroundings.
func TestStatusPrecheckLetsEveryMatchThrough(t *testing.T) {
	surroundings := []string{"", " ", "The platform ", "平台", "x.", "(", "see ", ": ", "Status", "2024 "}
	statuses := regexsample.New(statusField)
	matched := 0
	for range 20000 {
		s := statuses.Pick(surroundings) + statuses.Next() + statuses.Pick(surroundings)
		if statusField.MatchString(s) {
			matched++
			if !hasStatusField(s) {
				t.Fatalf("%q: statusField matches, but hasStatusField says no", s)
			}
		}
	}
	if matched < 5000 {
		t.Errorf("only %d of 20,000 sentences matched the pattern", matched)
	}
}

// TestMayBeVersionLineSparesNoMatch: versionLine matches no text that mayBeVersionLine
// turns away.
func TestMayBeVersionLineSparesNoMatch(t *testing.T) {
	for _, s := range []string{"Version 1.0", "VERSION 2", "ſtatus: Draft", "Status: WIP", "Estado: borrador", "Last updated: today",
		"Revisión 3", "  2023-04-01 draft", "— 2023-04-01", "Kelvin", "Teams ship weekly.", "バージョン 1.0", "2023-04-01", "ESTADO final"} {
		if versionLine.MatchString(s) && !mayBeVersionLine(s) {
			t.Errorf("versionLine matches %q, which mayBeVersionLine turns away", s)
		}
	}
}

func FuzzMayBeVersionLineSparesNoMatch(f *testing.F) {
	f.Add("Version 1.0")
	f.Add("— 2023-04-01")
	f.Fuzz(func(t *testing.T, s string) {
		if versionLine.MatchString(s) && !mayBeVersionLine(s) {
			t.Errorf("versionLine matches %q, which mayBeVersionLine turns away", s)
		}
	})
}
