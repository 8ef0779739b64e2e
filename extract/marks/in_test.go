package marks

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/internal/testdocs"
	"github.com/repurpose/repurpose/internal/textcase"
)

// lists are the mark lists a claim check reads, and two made up.
var lists = func() [][]string {
	var out [][]string
	for _, list := range []map[string][]string{Advice, Measure, Risk, Consequence, Hedge, Contrast, Documents} {
		for _, l := range list {
			out = append(out, l)
		}
	}
	return append(out, []string{" a", " b", "c", " dd ", " e", " ", ""}, []string{" x", " y", " z", " w", " v", " u"}, []string{" ideally"})
}()

// TestInAgreesWithASearchPerMark holds In's reading of a sentence word by word to
// strings.Contains of each mark of the list, for every list and language, on corpus lines
// and random text made of the marks and their halves.
func TestInAgreesWithASearchPerMark(t *testing.T) {
	pieces := []string{" ", "  ", "a", "s", "日", "\xe2"}
	for _, l := range lists {
		for _, m := range l {
			pieces = append(pieces, m, m[:len(m)/2], m[len(m)/2:])
		}
	}
	lines := append(testdocs.Lines(t, "", " ", " a", "a "), testdocs.Random(rand.New(rand.NewPCG(9, 10)), pieces, 8)...)
	for _, s := range lines {
		for _, s := range []string{s, " " + textcase.Lower(s) + " "} {
			for _, l := range lists {
				want := false
				for _, m := range l {
					want = want || strings.Contains(s, m)
				}
				if got := In(s, l); got != want {
					t.Fatalf("In(%q, %q) = %v, strings.Contains of each mark says %v", s, l, got, want)
				}
			}
		}
	}
}

// containsMark stands for strings.Contains on every mark list a claim check reads: it
// must agree on the corpus's lines and on random text made of the marks and their pieces.
func TestContainsMarkAgreesWithStringsContains(t *testing.T) {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	pieces := []string{" ", "  ", "a", "s", "日", "\xe2"}
	for _, m := range all {
		pieces = append(pieces, m, m[:len(m)/2], m[len(m)/2:])
	}
	lines := append(testdocs.Lines(t, "", " ", "should", " should", "  should "), testdocs.Random(rand.New(rand.NewPCG(7, 8)), pieces, 8)...)
	for _, s := range lines {
		s = " " + textcase.Lower(s) + " "
		for _, m := range append(all, " ", "", "  ", " x") {
			if got, want := containsMark(s, m), strings.Contains(s, m); got != want {
				t.Fatalf("containsMark(%q, %q) = %v, strings.Contains says %v", s, m, got, want)
			}
			if got, want := containsMark(s[1:], m), strings.Contains(s[1:], m); got != want {
				t.Fatalf("containsMark(%q, %q) = %v, strings.Contains says %v", s[1:], m, got, want)
			}
		}
	}
}
