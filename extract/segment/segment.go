// Package segment cuts Japanese and Chinese text, written without spaces, into words and
// keyword phrases with a morphological analyser and its dictionary, and tells a Korean
// word's noun from the particle written onto it.
package segment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/repurpose/repurpose/internal/textcase"
)

// Japanese and Chinese have no spaces between words, so their keywords come from a
// morphological analyser with a dictionary: kagome with IPADIC for Japanese, gse with its
// simplified-Chinese dictionary for Chinese (docs/quality.md compares them). Each
// dictionary is loaded once, on the first document in its language, so a process that
// never sees one pays nothing.
var (
	japanese = sync.OnceValue(func() *tokenizer.Tokenizer {
		t, err := tokenizer.New(ipa.DictShrink(), tokenizer.OmitBosEos())
		if err != nil {
			panic("segment: the embedded Japanese dictionary does not load: " + err.Error())
		}
		return t
	})
	chinese = sync.OnceValue(func() *gse.Segmenter {
		// Pos segments by the dictionary alone: the HMM model for unknown words (tables
		// of every CJK character) is never used, so it is not loaded.
		s := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
		if err := s.LoadDictEmbed("zh_s"); err != nil {
			panic("segment: the embedded Chinese dictionary does not load: " + err.Error())
		}
		return s
	})
)

// Segmented reports whether lang's keywords come from this package: Japanese and Chinese.
func Segmented(lang string) bool { return lang == "ja" || lang == "zh" }

// Sample is how much of a CJK document's sentences is segmented for keywords, in bytes: a
// dictionary analyser is several times slower than the rest of derive per byte, and a
// document's recurring terms recur within its first 16 KB.
const Sample = 16 << 10

// wordClass is what a keyword phrase needs to know of a segmented word.
type wordClass uint8

const (
	notContent wordClass = iota // particles, verbs, numbers, punctuation: breaks a phrase
	content                     // a noun, a loanword, a Latin product name
	inner                       // a suffix or locative that joins nouns (開発「者」, 内部): never ends or starts a phrase alone
)

// words calls fn with each word of text, in order, with its byte span in text and
// its class.
func words(text, lang string, fn func(start, end int, class wordClass)) {
	switch lang {
	case "ja":
		for _, t := range japanese().Analyze(text, tokenizer.Normal) {
			start, end := t.Position, t.Position+len(t.Surface)
			if start < 0 || end > len(text) {
				return
			}
			fn(start, end, japaneseClass(t, text[start:end]))
		}
	case "zh":
		pos := 0
		for _, w := range chinese().Pos(text, false) {
			// gse lower-cases Latin letters; the byte length is the text's.
			start, end := pos, pos+len(w.Text)
			if end > len(text) {
				return
			}
			pos = end
			fn(start, end, chineseClass(w.Pos, text[start:end]))
		}
	}
}

// japaneseClass classes an IPADIC word: nouns are content except pronouns, numbers and
// dependent nouns (こと, ため); suffixes join.
func japaneseClass(t tokenizer.Token, surface string) wordClass {
	if !wordLike(surface) {
		return notContent
	}
	pos := t.POS()
	if len(pos) == 0 || pos[0] != "名詞" {
		return notContent
	}
	if len(pos) > 1 {
		switch pos[1] {
		case "代名詞", "数", "非自立", "副詞可能":
			return notContent
		case "接尾":
			return inner
		}
	}
	return content
}

// chineseClass classes a gse word by its part-of-speech tag (jieba's tag set): nouns,
// verbal nouns and abbreviations are content; locatives (内部, 上) join; Latin words of
// two letters or more (API, Kubernetes) are content.
func chineseClass(tag, surface string) wordClass {
	if !wordLike(surface) {
		return notContent
	}
	if r, _ := utf8.DecodeRuneInString(surface); r < utf8.RuneSelf {
		if len(surface) >= 2 && unicode.IsLetter(r) {
			return content
		}
		return notContent
	}
	switch {
	case tag == "vn" || tag == "j" || tag == "nz" || tag == "nt" || tag == "ns" || tag == "n" || tag == "l" && utf8.RuneCountInString(surface) >= 4:
		return content
	case tag == "f":
		return inner
	}
	return notContent
}

// wordLike reports a word that holds a letter: not punctuation, digits or markup.
func wordLike(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Phrases calls fn with every candidate keyword phrase of text in a language without
// spaces: runs of one to maxWords adjacent content words (an inner word only between
// two), with the phrase's words separated by spaces (lower-cased) as its key, so
// sub-phrases are found as they are for spaced languages. A phrase of one word needs two
// characters.
func Phrases(text, lang string, maxWords int, fn func(surface, spaced string, words int)) {
	type span struct {
		start, end int
		class      wordClass
	}
	var run []span
	var spaced strings.Builder
	flush := func() {
		for i := range run {
			if run[i].class != content {
				continue
			}
			spaced.Reset()
			for j := i; j < len(run) && j-i < maxWords; j++ {
				if j > i {
					spaced.WriteByte(' ')
				}
				spaced.WriteString(text[run[j].start:run[j].end])
				if run[j].class != content {
					continue
				}
				surface := text[run[i].start:run[j].end]
				if j == i && utf8.RuneCountInString(surface) < 2 {
					continue
				}
				fn(surface, textcase.Lower(spaced.String()), j-i+1)
			}
		}
		run = run[:0]
	}
	prevEnd := -1
	words(text, lang, func(start, end int, class wordClass) {
		adjacent := prevEnd < 0 || prevEnd == start || prevEnd+1 == start && text[prevEnd] == ' '
		prevEnd = end
		if class == notContent || !adjacent {
			flush()
		}
		if class != notContent {
			run = append(run, span{start, end, class})
		}
	})
	flush()
}

// koreanParticles follow a Korean noun within its word ("비용을", "플랫폼에서"), longest
// first. A word of one syllable more than the particle keeps it ("국가", "정도" are
// nouns); the stem of a longer one is the noun.
var koreanParticles = []string{"에서는", "으로는", "에게서", "에서", "으로", "에게", "까지", "부터", "처럼", "보다", "에는", "에도",
	"과의", "와의", "이나", "이라는", "라는", "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과", "도", "만"}

// KoreanStem is a Korean word without the particle that ends it, or the word.
func KoreanStem(w string) string {
	for _, p := range koreanParticles {
		if stem, ok := strings.CutSuffix(w, p); ok && utf8.RuneCountInString(stem) >= 2 {
			if r, _ := utf8.DecodeLastRuneInString(stem); unicode.Is(unicode.Hangul, r) {
				return stem
			}
		}
	}
	return w
}

// koreanPredicateEnds end a Korean verb or adjective ("권장한다", "줄이는", "발생하며"): no
// part of a keyword.
var koreanPredicateEnds = []string{"다", "하는", "하고", "하며", "하여", "해야", "되는", "되어", "하면", "지만", "는데", "했고", "하기"}

// KoreanPredicate reports a word that ends a verb or an adjective (koreanPredicateEnds).
func KoreanPredicate(w string) bool {
	for _, e := range koreanPredicateEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
