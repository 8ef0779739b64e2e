// Package textcase lower-cases text as strings.ToLower does, faster on the text derive
// reads most: sentences in ASCII with a few other characters (curly quotes, accents,
// dashes). strings.ToLower sends any such sentence through strings.Map, a function call
// and a rune write per character; here runs of lower-case ASCII are copied whole,
// capitals lowered by hand, and only the other characters go through unicode.ToLower.
package textcase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lower is strings.ToLower(s): s itself when nothing changes, invalid UTF-8 replaced by
// U+FFFD as strings.Map replaces it.
func Lower(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return lowerFrom(s, i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToLower(r) != r {
			return lowerFrom(s, i)
		}
		i += n
	}
	return s
}

// lowerFrom is Lower(s) when s[:i] is already lower case.
func lowerFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	b.WriteString(s[:i])
	for i < len(s) {
		j := unchangedRun(s, i)
		b.WriteString(s[i:j])
		if i = j; i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b.WriteByte(c + 'a' - 'A')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:]) // utf8.RuneError for a broken byte, as strings.Map reads it
		b.WriteRune(unicode.ToLower(r))
		i += n
	}
	return b.String()
}

// AppendLower appends strings.ToLower(s) to dst.
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		j := unchangedRun(s, i)
		dst = append(dst, s[i:j]...)
		if i = j; i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, c+'a'-'A')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// unchangedRun is the end of the run of ASCII from i that is not upper case: copied as
// it is, in one go.
func unchangedRun(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
	}
	return i
}
