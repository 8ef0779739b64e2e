package transforms

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slugger makes GitHub-style heading anchors, unique within one document, so a deep link
// lands where GitHub (and most Markdown sites) put the heading.
type slugger map[string]int

// anchor follows github-slugger: the first "intro" is intro, the next intro-1, intro-2.
func (s slugger) anchor(heading string) string {
	base := githubSlug(heading)
	slug := base
	for {
		if _, taken := s[slug]; !taken {
			break
		}
		s[base]++
		slug = base + "-" + strconv.Itoa(s[base])
	}
	s[slug] = 0
	return slug
}

// githubSlug lower-cases, keeps letters, marks, digits, '_' and '-', and turns each space
// into '-' (runs are not collapsed: "A / B" gives "a--b", as on GitHub).
func githubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiFolds covers Latin letters that NFKD does not decompose.
var asciiFolds = strings.NewReplacer("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "þ", "th")

// asciiSlug is a URL path slug: accents transliterated (é -> e), lower-case ASCII letters
// and digits joined by single hyphens, at most maxLen bytes cut at a hyphen. It returns ""
// when the text is mostly non-Latin, where transliteration would lose the meaning.
func asciiSlug(text string, maxLen int) string {
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
