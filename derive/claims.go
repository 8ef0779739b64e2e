package derive

import (
	"strings"
	"unicode"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/parse"
)

// wishes open a claim as what ought to be rather than what is ("Ideally a project will
// be secure by default"): a hope, as weak an opening as a hedge.
var wishes = map[string][]string{
	"en": {" ideally"}, "es": {" idealmente"}, "pt": {" idealmente"}, "fr": {" idéalement"},
	"de": {" idealerweise"}, "it": {" idealmente"}, "nl": {" idealiter", " in het ideale geval"},
	"ja": {"理想的には"}, "zh": {"理想情况下", "理想的情况下"}, "ko": {"이상적으로"},
}

// marked reports whether text holds a mark of lang's list, or English's in a Latin text
// (English terms stand in translated documents too), as whole words where the mark says so.
func marked(list map[string][]string, text, lang string) bool {
	lower := " " + strings.ToLower(text) + " "
	lang = parse.BaseLang(lang)
	if containsAnyOf(lower, list[lang]) {
		return true
	}
	return lang != "en" && lang != "ja" && lang != "zh" && lang != "ko" && containsAnyOf(lower, list["en"])
}

func containsAnyOf(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// weighty reports a strong sentence that is a claim worth a post of its own in a series
// (a thread's hook or point, a LinkedIn takeaway): strong (extract's Strong), not hedged
// or wished for, and, when it says what should be done, with what is at stake in it: a
// figure or measure, a risk or a reason ("should be configured to prevent cloud account
// takeover"). A bare requirement ("An operator should be able to upgrade…") is strong
// only by a word such as "increase"; in a series it reads as a list of rules.
func weighty(c *extract.Candidate, lang string) bool {
	if !c.Strong() || marked(marks.Hedge, c.Text, lang) || marked(wishes, c.Text, lang) {
		return false
	}
	if !marked(marks.Advice, c.Text, lang) {
		return true
	}
	return c.Stat || strings.ContainsAny(c.Text, "0123456789") || marked(marks.Measure, c.Text, lang) ||
		marked(marks.Risk, c.Text, lang) || marked(marks.Consequence, c.Text, lang)
}

// sameClaim reports two sentences that say much the same: most of the shorter one's
// content words (or, in Chinese and Japanese, its character pairs) are in the other.
// Two posts of one series, or two snippets, that share them read as one point twice.
func sameClaim(a, b, lang string) bool {
	wa, wb := contentWords(a, lang), contentWords(b, lang)
	small, large := wa, wb
	if len(small) > len(large) {
		small, large = large, small
	}
	if len(small) < 3 {
		return false
	}
	shared := 0
	for w := range small {
		if large[w] {
			shared++
		}
	}
	return shared*10 >= len(small)*6
}

// contentWords are the words of a sentence that carry its subject: longer than three
// letters (a Korean word: two syllables or more), folded as keywords are (extract.PhraseKey); character pairs where words are
// not spaced.
func contentWords(text, lang string) map[string]bool {
	out := map[string]bool{}
	lang = parse.BaseLang(lang)
	if lang == "ja" || lang == "zh" {
		var run []rune
		flush := func() {
			for i := 0; i+1 < len(run); i++ {
				out[string(run[i:i+2])] = true
			}
			run = run[:0]
		}
		for _, r := range text {
			if parse.IsCJK(r) {
				run = append(run, r)
			} else {
				flush()
			}
		}
		flush()
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(w)
		if parse.IsCJK(rs[0]) {
			continue
		}
		// A Korean word is a few syllables, each a letter of its own.
		if len(rs) > 3 || unicode.Is(unicode.Hangul, rs[0]) && len(rs) > 1 {
			out[extract.PhraseKey(w, lang)] = true
		}
	}
	return out
}
