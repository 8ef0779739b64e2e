// Package regexsample writes random strings a regular expression describes, for tests
// that hold a cheap pre-check to the pattern it spares running: whenever the pattern
// matches, the pre-check must say it may.
package regexsample

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// Sampler writes strings re describes, zero-width assertions aside (\b, ^, $): a caller
// checks the pattern against what it gets.
type Sampler struct {
	tree *syntax.Regexp
	rng  *rand.Rand
}

// New samples re with a fixed seed, so a failure repeats.
func New(re *regexp.Regexp) *Sampler {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic("regexsample: " + err.Error()) // re compiled, so it parses
	}
	return &Sampler{tree: tree, rng: rand.New(rand.NewPCG(1, 2))}
}

// Next is one random string.
func (s *Sampler) Next() string {
	var b strings.Builder
	s.write(&b, s.tree)
	return b.String()
}

// Pick is one of choices at random.
func (s *Sampler) Pick(choices []string) string { return choices[s.rng.IntN(len(choices))] }

func (s *Sampler) write(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				for range s.rng.IntN(3) {
					r = unicode.SimpleFold(r) // round the letter's cases: S, s, ſ (long s); K, k, K (Kelvin)
				}
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		i := 2 * s.rng.IntN(len(re.Rune)/2)
		lo, hi := re.Rune[i], min(re.Rune[i+1], re.Rune[i]+50)
		b.WriteRune(lo + rune(s.rng.IntN(int(hi-lo)+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		s.write(b, re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s.write(b, sub)
		}
	case syntax.OpAlternate:
		s.write(b, re.Sub[s.rng.IntN(len(re.Sub))])
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
		for range lo + s.rng.IntN(hi-lo+1) {
			s.write(b, re.Sub[0])
		}
	}
}
