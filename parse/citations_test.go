package parse

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
)

// citationsInPlace only spares work: whenever citedClause or citationNoun would find a
// marker, it must say so. Sentences are built from random strings each pattern matches,
// set in random surroundings, and from the corpus.
func TestCitationsInPlaceAdmitsEveryClauseAndNoun(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	surroundings := []string{"", " ", "Teams ", "平台", "x.", "\x00", "プラットフォーム", "플랫폼은 ", "(", "see[1] "}
	checked := 0
	for _, re := range []*regexp.Regexp{citedClause, citationNoun} {
		tree, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 15000 {
			var b strings.Builder
			sample(&b, tree, rng)
			s := surroundings[rng.IntN(len(surroundings))] + b.String() + surroundings[rng.IntN(len(surroundings))]
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

// sample writes a random string that re's syntax tree describes (zero-width assertions
// aside: the caller checks the pattern against what it writes).
func sample(b *strings.Builder, re *syntax.Regexp, rng *rand.Rand) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && rng.IntN(2) == 0 {
				r = unicode.SimpleFold(r)
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		i := 2 * rng.IntN(len(re.Rune)/2)
		lo, hi := re.Rune[i], min(re.Rune[i+1], re.Rune[i]+50)
		b.WriteRune(lo + rune(rng.IntN(int(hi-lo)+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		sample(b, re.Sub[0], rng)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			sample(b, sub, rng)
		}
	case syntax.OpAlternate:
		sample(b, re.Sub[rng.IntN(len(re.Sub))], rng)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 {
				hi = lo + 3
			}
		}
		for range lo + rng.IntN(hi-lo+1) {
			sample(b, re.Sub[0], rng)
		}
	}
}
