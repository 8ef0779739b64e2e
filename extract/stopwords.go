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
func wordKindsOf(lang string) *kindTable {
	if k, ok := kindTables[lang]; ok {
		return k
	}
	return kindTables[""]
}

// kindTable is one language's wordKinds with a filter in front: most words of a text
// (its content words) are turned away by two bits, without hashing them for the map.
type kindTable struct {
	words  map[string]wordKind
	filter [kindFilterBits / 64]uint64
}

const kindFilterBits = 1 << 12

// kindFilterBitsOf are w's two bits in the filter, from its length and first, second
// and last bytes.
func kindFilterBitsOf(w []byte) (uint, uint) {
	n := uint(len(w))
	first, second, last := uint(w[0]), uint(w[min(1, n-1)]), uint(w[n-1])
	return (n*131 + first*7 + last) % kindFilterBits, (first ^ second<<3 ^ n<<7 ^ last<<2) % kindFilterBits
}

var kindTables = func() map[string]*kindTable {
	out := map[string]*kindTable{}
	for lang, words := range wordKinds {
		t := &kindTable{words: words}
		for w := range words {
			if w == "" {
				continue
			}
			a, b := kindFilterBitsOf([]byte(w))
			t.filter[a/64] |= 1 << (a % 64)
			t.filter[b/64] |= 1 << (b % 64)
		}
		out[lang] = t
	}
	return out
}()

// of is w's kind: 0 for a word in none of the lists. w is not kept.
func (t *kindTable) of(w []byte) wordKind {
	if len(w) == 0 || len(w) > longestKindWord {
		return t.words[string(w)]
	}
	a, b := kindFilterBitsOf(w)
	if t.filter[a/64]&(1<<(a%64)) == 0 || t.filter[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	return t.words[string(w)]
}
