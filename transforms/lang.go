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
	var hits [4]int // en, es, de, fr
	langs := [4]string{"en", "es", "de", "fr"}
	var word []byte
	count := func() {
		if len(word) == 0 {
			return
		}
		for i, lang := range langs {
			if stopwords[lang][string(word)] { // no allocation for a map key
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
	return langs[best]
}

// baseLang is the language part of a tag: "es-MX" -> "es".
func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}
