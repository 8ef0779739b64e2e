package textcase

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// Lower and AppendLower stand for strings.ToLower: every code point alone and in
// ASCII, every byte that is not UTF-8, and random mixes of them must come out the same.
func TestLowerIsStringsToLower(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := strings.ToLower(s)
		if got := Lower(s); got != want {
			t.Fatalf("Lower(%q) = %q, want %q", s, got, want)
		}
		if got := string(AppendLower([]byte("Ab"), s)); got != "Ab"+want {
			t.Fatalf("AppendLower(%q) = %q, want %q", s, got, "Ab"+want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := string(r)
		check(s)
		check("Team " + s + "s")
	}
	for b := 0x80; b <= 0xff; b++ {
		check("A" + string([]byte{byte(b)}) + "Z")
	}
	pieces := []string{"a", "Z", " ", "İ", "K", "ß", "Σ", "ẞ", "’", "\xff", "\xe2\x80", "\uFFFD", "Ǆ", "ǅ", "ⅰ", "Ⅰ", "日"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}
