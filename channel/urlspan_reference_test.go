package channel

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDomainRuns holds the linear domain matcher to the quadratic one it replaced, kept
// below as the reference: at every start of a text, in order (as FindURLs tries them),
// domainRuns.match must give the same end and skip; and asciiDomains must find the same
// domains as its reference, which retried every label of a run.
func FuzzDomainRuns(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, u := range adversarialUnits {
		f.Add(adversarial(u.unit, 200))
	}
	f.Fuzz(func(t *testing.T, s string) {
		runs := &domainRuns{s: s}
		for a := 0; a <= len(s); a++ {
			if a < len(s) && !utf8.RuneStart(s[a]) {
				continue
			}
			end, skip := runs.match(a)
			wantEnd, wantSkip := matchDomainReference(s, a)
			if end != wantEnd || skip != wantSkip {
				t.Fatalf("match(%q, %d) = %d, %d; the reference says %d, %d", s, a, end, skip, wantEnd, wantSkip)
			}
		}
		if got, want := asciiDomains(s), asciiDomainsReference(s); !slices.Equal(got, want) {
			t.Fatalf("asciiDomains(%q) = %v; the reference says %v", s, got, want)
		}
	})
}

// matchDomainReference is domainRuns.match as it was before it was made linear: it reads
// every label after a, at every start.
func matchDomainReference(s string, a int) (end, skip int) {
	var labels [][2]int // each followed by '.'
	fitSub := 0         // how many leading labels fit as subdomains
	pos := a
	for {
		e := pos
		for e < len(s) {
			c, size := utf8.DecodeRuneInString(s[e:])
			if !isDomainRune(c) && c != '-' && c != '_' {
				break
			}
			e += size
		}
		if e == pos || e >= len(s) || s[e] != '.' {
			if len(labels) == 0 {
				return -1, e
			}
			break
		}
		labels = append(labels, [2]int{pos, e})
		if fitSub == len(labels)-1 && labelFits(s[pos:e], true) {
			fitSub++
		}
		pos = e + 1
	}
	for n := min(fitSub, len(labels)-1); n >= 0; n-- {
		l := labels[n]
		if !labelFits(s[l[0]:l[1]], false) {
			continue
		}
		if t := tldEnd(s, l[1]+1, isTLD); t > 0 {
			return t, 0
		}
	}
	first := s[labels[0][0]:labels[0][1]]
	if i := strings.LastIndexByte(first, '_'); i >= 0 && labelFits(first, true) {
		return -1, labels[0][0] + i
	}
	return -1, labels[0][1]
}

// asciiDomainsReference is asciiDomains as it was before it was made linear: a failed
// start retried from the next label of the same run.
func asciiDomainsReference(d string) [][2]int {
	var out [][2]int
	for q := 0; q < len(d); {
		c, size := utf8.DecodeRuneInString(d[q:])
		if !isASCIILabelRune(c) {
			q += size
			continue
		}
		var dots []int // the dot after each label
		firstEnd := -1
		for pos := q; ; {
			e := pos
			for e < len(d) {
				c, size := utf8.DecodeRuneInString(d[e:])
				if !isASCIILabelRune(c) {
					break
				}
				e += size
			}
			if firstEnd < 0 {
				firstEnd = e
			}
			if e == pos || e >= len(d) || d[e] != '.' {
				break
			}
			dots = append(dots, e)
			pos = e + 1
		}
		found := -1
		for n := len(dots) - 1; n >= 0 && found < 0; n-- {
			found = tldEnd(d, dots[n]+1, isTLD)
		}
		if found < 0 {
			q = firstEnd // a later start in the same label sees the same labels
			continue
		}
		out = append(out, [2]int{q, found})
		q = found
	}
	return out
}
