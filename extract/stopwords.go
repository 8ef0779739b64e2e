package extract

import (
	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/parse"
)

// stopwords are marks.Stopwords as word sets.
var stopwords = parse.WordSets(marks.Stopwords)

// wordKind is what the term and phrase tokenizers need to know of a lower-cased word.
type wordKind uint8

const (
	stopWord      wordKind = 1 << iota // a stop word of the language or of English
	connectorWord                      // may join a keyword phrase (phraseConnectors)
)

// wordKinds merges, per language, its stop words, English ones and its phrase
// connectors, so a tokenizer looks a word up once; "" serves unknown languages.
var wordKinds = func() map[string]map[string]wordKind {
	kinds := map[string]map[string]wordKind{"": nil}
	for lang := range stopwords {
		kinds[lang] = nil
	}
	for lang := range phraseConnectors {
		kinds[lang] = nil
	}
	for lang := range kinds {
		k := map[string]wordKind{}
		for _, set := range []map[string]bool{stopwords["en"], stopwords[lang]} {
			for w := range set {
				k[w] |= stopWord
			}
		}
		for w := range phraseConnectors[lang] {
			k[w] |= connectorWord
		}
		kinds[lang] = k
	}
	return kinds
}()

// longestKindWord is the length in bytes of the longest word in wordKinds: longer words
// (a third of technical text) need no look-up.
var longestKindWord = func() int {
	n := 0
	for _, kinds := range wordKinds {
		for w := range kinds {
			n = max(n, len(w))
		}
	}
	return n
}()

// wordKindsOf is the word classes of lang (English stop words only when unknown).
func wordKindsOf(lang string) map[string]wordKind {
	if k, ok := wordKinds[lang]; ok {
		return k
	}
	return wordKinds[""]
}

// isStopword checks the document's language and English, which technical text in any
// language borrows.
func isStopword(lang, word string) bool {
	return stopwords[lang][word] || stopwords["en"][word]
}
