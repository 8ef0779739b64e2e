package transforms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHashtagRunes keeps tags readable: a long phrase makes a tag nobody types.
const maxHashtagRunes = 30

// hashtags are up to n CamelCase tags (all when n < 0): the document's own tags first,
// then its keyword phrases, without duplicates in any capitalisation.
func hashtags(tags, keywords []string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, src := range [][]string{tags, keywords} {
		for _, t := range src {
			h := camelTag(t)
			if h == "" || seen[strings.ToLower(h)] || len(out) == n {
				continue
			}
			seen[strings.ToLower(h)] = true
			out = append(out, h)
		}
	}
	return out
}

// camelTag makes "platform engineering" into "#PlatformEngineering" and "cadena de
// suministro" into "#CadenaDeSuministro"; the rest of each word keeps its case ("DevOps",
// "CNCF"). A tag with no letter, or too long to read, is dropped.
func camelTag(phrase string) string {
	var b strings.Builder
	letters := false
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != 'ー'
	}) {
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
		for _, r := range w {
			letters = letters || unicode.IsLetter(r)
		}
	}
	if !letters || utf8.RuneCountInString(b.String()) > maxHashtagRunes {
		return ""
	}
	return "#" + b.String()
}
