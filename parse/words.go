package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// WordSet is the set of the white-space separated words: a word list of the source
// code, written as prose.
func WordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// WordSets are word lists by language (WordSet) as sets, built once where a list is read
// per sentence.
func WordSets(lists map[string]string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for lang, words := range lists {
		out[lang] = WordSet(words)
	}
	return out
}

// WordList is the "|"-separated entries of s, trimmed: for entries of several words.
func WordList(s string) []string {
	var out []string
	for _, w := range strings.Split(s, "|") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// A RuneSet is the characters words are made of, ASCII held in a table: the loops that
// cut every sentence into words read mostly ASCII. The rest of the Basic Multilingual
// Plane (accents, CJK, Hangul: every character of most non-English text) is a bitmap,
// 8 KB, so a character costs a load instead of a Unicode table search.
type RuneSet struct {
	ascii [utf8.RuneSelf]bool
	bmp   *[1 << 16 / 64]uint64
	in    func(rune) bool
}

// NewRuneSet is the set of the characters in reports.
func NewRuneSet(in func(rune) bool) *RuneSet {
	set := &RuneSet{in: in, bmp: new([1 << 16 / 64]uint64)}
	for c := range set.ascii {
		set.ascii[c] = in(rune(c))
	}
	for r := range rune(1 << 16) {
		if in(r) {
			set.bmp[r/64] |= 1 << (r % 64)
		}
	}
	return set
}

// LettersAndDigits are the characters of words where any letter or digit is one: "ROI",
// "2024", "日本語".
var LettersAndDigits = NewRuneSet(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })

// has reports whether r is in the set.
func (set *RuneSet) has(r rune) bool {
	if uint32(r) < 1<<16 {
		return set.bmp[r/64]&(1<<(r%64)) != 0
	}
	return set.in(r)
}

// Fields cuts s into the runs of the set's characters: strings.FieldsFunc(s, not in set),
// in one pass.
func (set *RuneSet) Fields(s string) []string {
	return set.AppendFields(make([]string, 0, len(s)/6+1), s)
}

// AppendFields appends Fields(s) to words, for a caller that reuses one slice.
func (set *RuneSet) AppendFields(words []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		in, size := false, 1
		if c := s[i]; c < utf8.RuneSelf {
			in = set.ascii[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			in = set.has(r)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			words, start = append(words, s[start:i]), -1
		}
		i += size
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// ReadingWords counts words the way a reader would: white-space separated words with a
// letter or digit, and in Chinese and Japanese, written without spaces, one word per two
// characters.
func ReadingWords(text string) int {
	words, cjk := 0, 0
	latin := false // the current white-space separated word has a letter or digit
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			if latin {
				words++
			}
			latin = false
		case script.CJK(r):
			cjk++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			latin = true
		}
	}
	if latin {
		words++
	}
	return words + cjk/2
}
