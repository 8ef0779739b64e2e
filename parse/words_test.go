package parse

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/repurpose/repurpose/internal/testdocs"
)

// RuneSet.Fields reads ASCII and the rest of the Basic Multilingual Plane from tables;
// it must cut as strings.FieldsFunc does, and the tables hold every character as the
// predicate has it.
func TestRuneSetFieldsCutAsFieldsFunc(t *testing.T) {
	lines := testdocs.Lines(t, "", " ", "It's the team’s call: 3 teams, 40% faster!", "ÉQUIPE d'Île-de-France", "İstanbul KELVIN ΣΊΣΥΦΟΣ",
		"プラットフォームチームは2024年に", "플랫폼 팀은 Kubernetes와", "bad \xff\xfe utf-8 \xe2\x80", "A_B^C[D]@E`F{G}", "١٢٣ ٤٥ digits")
	for _, in := range []func(rune) bool{
		func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' },
		func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) },
	} {
		set := NewRuneSet(in)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if set.has(r) != in(r) {
				t.Fatalf("the set says %v for %U, the predicate %v", set.has(r), r, in(r))
			}
		}
		for _, s := range lines {
			if got, want := set.Fields(s), strings.FieldsFunc(s, func(r rune) bool { return !in(r) }); !slices.Equal(got, want) {
				t.Fatalf("Fields(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
