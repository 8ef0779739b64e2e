package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/repurpose/repurpose/internal/regexsample"
)

// The cheap checks before figureReference and statusField only spare work: on every
// sentence a pattern matches, they must let it run. Sentences are built from random
// strings each pattern matches (any case, the long s and the Kelvin sign included), set
// in random surroundings.
func TestPatternPrechecksLetEveryMatchThrough(t *testing.T) {
	surroundings := []string{"", " ", "The platform ", "平台", "x.", "(", "see ", ": ", "Status", "2024 "}
	figures, statuses := regexsample.New(figureReference), regexsample.New(statusField)
	matched := [2]int{}
	for range 20000 {
		s := figures.Pick(surroundings) + figures.Next() + figures.Pick(surroundings)
		if figureReference.MatchString(s) {
			matched[0]++
			if !containsAny(strings.ToLower(s), figureStems) {
				t.Fatalf("%q: figureReference matches, but no figure stem is found in its lower case", s)
			}
		}
		s = statuses.Pick(surroundings) + statuses.Next() + statuses.Pick(surroundings)
		if statusField.MatchString(s) {
			matched[1]++
			if !hasStatusField(s) {
				t.Fatalf("%q: statusField matches, but hasStatusField says no", s)
			}
		}
	}
	if matched[0] < 5000 || matched[1] < 5000 {
		t.Errorf("only %d and %d of 20,000 sentences matched the patterns", matched[0], matched[1])
	}
}

// wordsOf and sameWords read ASCII without table look-ups; they must cut and fold as the
// general functions they stand for do, on the corpus and on awkward text.
func TestWordsAndSameWordsAsTheGeneralFunctions(t *testing.T) {
	texts := []string{"", " ", "It's the team’s call: 3 teams, 40% faster!", "ÉQUIPE d'Île-de-France", "İstanbul ΣΊΣΥΦΟΣ",
		"プラットフォームチームは2024年に", "플랫폼 팀은 Kubernetes와", "bad \xff\xfe utf-8 \xe2\x80", "A_B^C[D]@E`F{G}", "١٢٣ ٤٥ digits"}
	files, _ := filepath.Glob("../../shared/corpus/*.md")
	for _, name := range []string{"whitepaper.en.md", "whitepaper.es.md", "whitepaper.ja.md", "notes.txt"} {
		files = append(files, filepath.Join("..", "samples", name))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, s := range texts {
		want := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		if got := wordsOf(s); !slices.Equal(got, want) {
			t.Fatalf("wordsOf(%q) = %q, want %q", s, got, want)
		}
		same := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
		if got := sameWords(s); got != same {
			t.Fatalf("sameWords(%q) = %q, want %q", s, got, same)
		}
	}
}
