package script

import (
	"testing"
	"unicode"
)

func TestShortcutsAgreeWithPackageUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if Hiragana(r) != unicode.Is(unicode.Hiragana, r) || Katakana(r) != unicode.Is(unicode.Katakana, r) ||
			Han(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("%U: script shortcuts disagree with package unicode", r)
		}
	}
}
