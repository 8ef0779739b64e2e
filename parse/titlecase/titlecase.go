// Package titlecase writes a title set in capitals ("CLOUD NATIVE SECURITY WHITEPAPER", a
// label on a cover) as a headline: in title case in English, in sentence case elsewhere,
// each word as the document's own text writes it.
package titlecase

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/parse/doctype"
)

// Capitalised joins words as a title in lang, those text writes in capitals kept so. An
// English title capitalises each word; other languages capitalise the first, and each
// other word as text writes it within its sentences more often ("Eingangsrechnungen
// digital verarbeiten", "Guide pratique de la maintenance"). A word text does not use
// keeps its capital (a title in English over Italian text: "Cloud Native Security"),
// but for a short one outside German ("pour", "van", "per"): most are the language's
// small words.
func Capitalised(words []string, text, lang string) string {
	for i, w := range words {
		if up := strings.ToUpper(w); doctype.ContainsWord(text, up) {
			words[i] = up
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		title := string(unicode.ToUpper(r)) + w[size:]
		if i == 0 || lang == "en" || lang == "" {
			words[i] = title
			continue
		}
		lower, upper := doctype.CountWord(text, w), capitalisedWithin(text, title)
		if upper > lower || upper == 0 && lower == 0 && (lang == "de" || utf8.RuneCountInString(w) > 4) {
			words[i] = title
		}
	}
	return strings.Join(words, " ")
}

// capitalisedWithin counts title in text as a word where no sentence starts: a capital
// there is the word's own.
func capitalisedWithin(text, title string) int {
	n := 0
	for off := 0; ; {
		i := doctype.WordAt(text, title, off)
		if i < 0 {
			return n
		}
		before := strings.TrimRight(text[:i], " \t\"“«'‘„")
		if r, _ := utf8.DecodeLastRuneInString(before); before != "" && !strings.ContainsRune(".!?\n", r) {
			n++
		}
		off = i + len(title)
	}
}

// Shouting reports a title in capitals ("CLOUD NATIVE SECURITY WHITEPAPER"): a label
// on a cover, which reads as shouting in a post or a headline.
func Shouting(title string) bool {
	letters, words := 0, 0
	for _, w := range strings.Fields(title) {
		if hasLower := strings.ToUpper(w) != w; hasLower {
			return false
		}
		if strings.ToLower(w) != w {
			words++
		}
	}
	for _, r := range title {
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return words >= 3 && letters >= 12
}
