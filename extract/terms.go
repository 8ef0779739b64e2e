package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/internal/textcase"
)

// vocabulary interns terms, so ranking counts small integers instead of hashing strings.
type vocabulary map[string]int32

// intern returns the distinct term IDs of text, adding new terms to the vocabulary and
// counting their document frequency (tf) and sentence frequency (df). The IDs of every
// sentence share one backing array, a.termIDs, to spare an allocation per sentence.
func (a *Analysis) intern(text string) []int32 {
	start := len(a.termIDs)
	a.word = eachTerm(text, a.Lang, a.word, func(t []byte) {
		id, ok := a.vocab[string(t)] // no allocation for a look-up
		if !ok {
			id = int32(len(a.vocab))
			a.vocab[string(t)] = id
			a.tf = append(a.tf, 0)
			a.df = append(a.df, 0)
		}
		a.tf[id]++
		if !containsID(a.termIDs[start:], id) {
			a.termIDs = append(a.termIDs, id)
			a.df[id]++
		}
	})
	return a.termIDs[start:len(a.termIDs):len(a.termIDs)] // capped: later appends go elsewhere
}

// lookup is the set of known term IDs of text (a heading, the title); a few IDs, so a
// slice.
func (a *Analysis) lookup(text string) []int32 {
	var ids []int32
	a.word = eachTerm(text, a.Lang, a.word, func(t []byte) {
		if id, ok := a.vocab[string(t)]; ok && !containsID(ids, id) {
			ids = append(ids, id)
		}
	})
	return ids
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// eachTerm calls fn with each content word of text: lower-cased words that are not stop
// words or numbers; in Japanese, katakana words whole and kanji runs as bigrams (there
// are no word spaces to split on). fn must not keep the slice. word is a buffer reused
// across calls, and returned.
func eachTerm(text, lang string, word []byte, fn func([]byte)) []byte {
	kinds := wordKindsOf(lang)
	word = word[:0] // UTF-8 of the word being read
	runes := 0
	scriptRun := 0 // of that word: 'L'atin, 'K'atakana or 'H'an
	flush := func() {
		switch {
		case runes == 0:
		case scriptRun == 'K':
			if runes > 1 {
				fn(word)
			}
		case scriptRun == 'H':
			if runes == 1 {
				fn(word)
			}
			// Kanji bigrams: every two adjacent characters (3 bytes each in UTF-8 for
			// the common planes; decode to be safe).
			for i := 0; i < len(word); {
				_, n1 := utf8.DecodeRune(word[i:])
				if i+n1 >= len(word) {
					break
				}
				_, n2 := utf8.DecodeRune(word[i+n1:])
				fn(word[i : i+n1+n2])
				i += n1
			}
		default:
			if first, _ := utf8.DecodeRune(word); runes > 1 && unicode.IsLetter(first) &&
				(len(word) > longestKindWord || kinds.of(word)&stopWord == 0) {
				fn(word)
			}
		}
		word, runes, scriptRun = word[:0], 0, 0
	}
	extend := func(r rune, s int) {
		if scriptRun != s {
			flush()
			scriptRun = s
		}
		word = utf8.AppendRune(word, r)
		runes++
	}
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf: // ASCII first: most text, no table look-ups
			switch {
			case 'A' <= r && r <= 'Z':
				extend(r+'a'-'A', 'L')
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '\'' && scriptRun == 'L':
				extend(r, 'L')
			default:
				flush()
			}
		case r >= 0x3041 && r <= 0x3096:
			flush() // hiragana, the most common characters of Japanese: no table look-ups
		case script.Katakana(r) || r == 'ー':
			extend(r, 'K')
		case script.Han(r):
			extend(r, 'H')
		case unicode.IsLetter(r) && !script.Hiragana(r) || unicode.IsDigit(r):
			extend(unicode.ToLower(r), 'L')
		default:
			flush() // hiragana (particles), punctuation, space
		}
	}
	flush()
	return word
}

// lowerASCII is strings.ToLower without allocating for text already in lower case.
func lowerASCII(s string) string { return textcase.Lower(s) }
