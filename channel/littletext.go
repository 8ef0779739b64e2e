package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// littleReserved are the characters LinkedIn's "little" text format (the Posts API's
// commentary) reserves for its elements. Unescaped, they are parsed as markup, and the
// API may accept the post yet publish it cut at the first one.
const littleReserved = `\|{}@[]()<>#*_~`

// LinkedInLittleText escapes text for the commentary of LinkedIn's Posts API: each
// reserved character gets a backslash, so it reads as written. A '#' that starts a
// hashtag (at the start or after white space, before a letter or digit) stays as it is:
// little reads it as a hashtag element, which is what the post means.
func LinkedInLittleText(text string) string {
	if !strings.ContainsAny(text, littleReserved) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	for i, r := range text {
		if strings.ContainsRune(littleReserved, r) && !(r == '#' && startsHashtag(text, i)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// startsHashtag: the '#' at i opens a hashtag.
func startsHashtag(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	return (i == 0 || unicode.IsSpace(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next))
}
