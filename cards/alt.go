package cards

import (
	"strings"
	"unicode/utf8"
)

// words are the few words cards and their alt texts add of their own, per language.
type words struct {
	source    string // labels a stat's source; "" in a language without built-in words
	colon     string // ends a label
	open      string // quotation marks around a quote
	close     string
	stop      string // ends a sentence, with the space after it
	readMore  string // a carousel's call to action when none is given
	slides    string // "{n} slides", before the list of a carousel's slides
	figureSep string // between a figure and its context
}

var wordsByLang = map[string]words{
	"en": {source: "Source", colon: ": ", open: "“", close: "”", stop: ". ", readMore: "Read more", slides: "{n} slides", figureSep: " "},
	"es": {source: "Fuente", colon: ": ", open: "«", close: "»", stop: ". ", readMore: "Leer más", slides: "{n} diapositivas", figureSep: " "},
	"pt": {source: "Fonte", colon: ": ", open: "“", close: "”", stop: ". ", readMore: "Leia mais", slides: "{n} slides", figureSep: " "},
	"fr": {source: "Source", colon: " : ", open: "« ", close: " »", stop: ". ", readMore: "En savoir plus", slides: "{n} diapositives", figureSep: " "},
	"de": {source: "Quelle", colon: ": ", open: "„", close: "“", stop: ". ", readMore: "Mehr erfahren", slides: "{n} Folien", figureSep: " "},
	"it": {source: "Fonte", colon: ": ", open: "«", close: "»", stop: ". ", readMore: "Scopri di più", slides: "{n} slide", figureSep: " "},
	"nl": {source: "Bron", colon: ": ", open: "“", close: "”", stop: ". ", readMore: "Lees meer", slides: "{n} dia's", figureSep: " "},
	"ja": {source: "出典", colon: "：", open: "「", close: "」", stop: "。", readMore: "続きを読む", slides: "スライド{n}枚", figureSep: " "},
	"zh": {source: "来源", colon: "：", open: "“", close: "”", stop: "。", readMore: "阅读更多", slides: "共{n}张幻灯片", figureSep: " "},
	"ko": {source: "출처", colon: ": ", open: "“", close: "”", stop: ". ", readMore: "더 읽기", slides: "슬라이드 {n}장", figureSep: " "},
}

// neutralWords serve a language without built-in words: no English is mixed into its
// cards, so a stat's source is shown by its name alone.
var neutralWords = words{colon: ": ", open: "“", close: "”", stop: ". ", slides: "{n}", figureSep: " "}

func wordsFor(lang string) words {
	base, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	if w, ok := wordsByLang[base]; ok {
		return w
	}
	return neutralWords
}

// quoted puts a quote in the language's quotation marks.
func quoted(lang, q string) string {
	w := wordsFor(lang)
	return w.open + strings.TrimSpace(q) + w.close
}

// footerLine is the small line at the bottom of a card.
func footerLine(c Card) string {
	src := strings.TrimSpace(c.Source)
	if src == "" {
		return ""
	}
	if w := wordsFor(c.Lang); c.Kind == Stat && w.source != "" {
		return w.source + w.colon + src
	}
	return src
}

// sentence ends s with the language's full stop unless it ends in punctuation already.
func sentence(w words, s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?。！？…»”」", last) {
		return s + strings.TrimLeft(w.stop, ".。") // the space after a stop, if the language has one
	}
	return s + w.stop
}

// joinSentences joins sentences with the language's full stop, trimmed at the end.
func joinSentences(w words, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(sentence(w, p))
	}
	return strings.TrimSpace(b.String())
}

// altText says what a card says, in its order and its language.
func altText(c Card) string {
	w := wordsFor(c.Lang)
	switch c.Kind {
	case Stat:
		return joinSentences(w, strings.TrimSpace(c.Figure)+w.figureSep+strings.TrimSpace(c.Context), footerLine(c))
	case Quote:
		return joinSentences(w, quoted(c.Lang, c.Quote)+" — "+strings.TrimSpace(c.Speaker), footerLine(c))
	default:
		return joinSentences(w, c.Title, c.Subtitle, footerLine(c))
	}
}
