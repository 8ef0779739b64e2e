package parse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
	"github.com/rivo/uniseg"
)

// dangling is punctuation that must not end a cut text.
const dangling = ",;:([{-–—/&\"'“‘«「『（、・.·"

// Fit returns the longest form of text that ok accepts: the whole text, else its
// leading sentences, else a cut at a word boundary (never inside a grapheme) marked
// with "…". The second result is false when not even one word fits.
//
// ok is expected to be monotone (a prefix that passes implies shorter ones pass), which
// holds for every channel count; that lets both searches be binary.
func Fit(text string, ok func(string) bool) (string, bool) {
	if ok(text) {
		return text, true
	}
	if sents := Sentences(text); len(sents) > 1 {
		// Largest k with sents[:k] fitting; sort.Search finds the first k that fails.
		k := sort.Search(len(sents), func(k int) bool { return !ok(JoinSentences(sents[:k+1])) })
		if k > 0 {
			return JoinSentences(sents[:k]), true
		}
		text = sents[0]
	}
	cuts := wordCuts(text)
	i := sort.Search(len(cuts), func(i int) bool { return !ok(cutAt(text, cuts[i])) })
	if i == 0 {
		return "", false
	}
	return cutAt(text, cuts[i-1]), true
}

// wordCuts are the byte offsets where text may be cut: after a word followed by white
// space (possibly after punctuation, which cutAt drops), or after any word in scripts
// written without spaces.
func wordCuts(text string) []int {
	var cuts []int
	state, pos := -1, 0
	for rest := text; rest != ""; {
		var word string
		word, rest, state = uniseg.FirstWordInString(rest, state)
		pos += len(word)
		first, _ := utf8.DecodeRuneInString(word)
		if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
			continue
		}
		after := strings.TrimLeftFunc(rest, unicode.IsPunct)
		next, _ := utf8.DecodeRuneInString(after)
		if script.CJK(first) || after != "" && unicode.IsSpace(next) {
			cuts = append(cuts, pos)
		}
	}
	return cuts
}

// cutAt keeps text[:n], drops trailing spaces and dangling punctuation, and marks the
// cut with "…".
func cutAt(text string, n int) string {
	s := strings.TrimRightFunc(text[:n], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(dangling, r)
	})
	if s == "" {
		return ""
	}
	return s + "…"
}

// Truncate fits text into max characters.
func Truncate(text string, max int) string {
	s, _ := Fit(text, func(s string) bool { return utf8.RuneCountInString(s) <= max })
	return s
}
