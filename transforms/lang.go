package transforms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// langSample bounds the text a guess reads: a few KB settle it.
const langSample = 4 << 10

// guessLang is a cheap language guess for documents that do not say: Japanese script
// gives ja; otherwise the language whose function words occur most (en, es, de, fr);
// en when nothing stands out.
func guessLang(text string) string {
	if len(text) > langSample {
		text = text[:langSample]
	}
	letters, cjk := 0, 0
	var hits [len(guessLangs)]int
	var word []byte
	count := func() {
		if len(word) == 0 {
			return
		}
		langs := guessWords[string(word)] // no allocation for a map key
		for i := range hits {
			if langs&(1<<i) != 0 {
				hits[i]++
			}
		}
		word = word[:0]
	}
	for _, r := range text {
		switch {
		case 'a' <= r && r <= 'z':
			letters++
			word = append(word, byte(r))
		case 'A' <= r && r <= 'Z':
			letters++
			word = append(word, byte(r)+'a'-'A')
		case r < utf8.RuneSelf:
			count()
		case isCJK(r):
			cjk++
			letters++
			count()
		case unicode.IsLetter(r):
			letters++
			word = utf8.AppendRune(word, unicode.ToLower(r))
		default:
			count()
		}
	}
	count()
	if letters > 0 && cjk*5 > letters {
		return "ja"
	}
	best := 0
	for i := range hits {
		if hits[i] > hits[best] {
			best = i
		}
	}
	return guessLangs[best]
}

// guessLangs are the languages guessLang tells apart by their function words, the first
// the default.
var guessLangs = [...]string{"en", "es", "de", "fr"}

// guessWords maps each function word of guessLangs to the bit set of those it belongs
// to (bit i for guessLangs[i]), so a word is looked up once.
var guessWords = func() map[string]uint8 {
	words := map[string]uint8{}
	for i, lang := range guessLangs {
		for w := range stopwords[lang] {
			words[w] |= 1 << i
		}
	}
	return words
}()

// baseLang is the language part of a tag: "es-MX" -> "es".
func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}
