// Package slug makes URL path segments of titles: the toolkit's public pages and the
// blog teasers' slugs.
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Title is a URL path segment for a title: lower-case ASCII words joined by hyphens,
// accents transliterated, at most 60 bytes; "" for titles in non-Latin scripts.
func Title(title string) string { return ASCII(title, 60) }

// asciiFolds covers Latin letters that NFKD does not decompose.
var asciiFolds = strings.NewReplacer("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "þ", "th")

// ASCII is a URL path slug: accents transliterated (é -> e), lower-case ASCII letters
// and digits joined by single hyphens, at most maxLen bytes cut at a hyphen. It returns ""
// when the text is mostly non-Latin, where transliteration would lose the meaning.
func ASCII(text string, maxLen int) string {
	latin, other := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	if latin < 3 || other > latin {
		return ""
	}
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(asciiFolds.Replace(strings.ToLower(text))) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// combining accent: dropped
		default:
			hyphen = true
		}
	}
	s := b.String()
	if len(s) > maxLen {
		s = s[:maxLen]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	return s
}
