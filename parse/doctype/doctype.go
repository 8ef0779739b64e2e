// Package doctype tells what kind of document a text is from the words that name one: a
// title's ("…White Paper", "Informe anual…") and the document's own in its opening ("This
// essay argues…", "本报告…").
package doctype

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// Document types, which decide what a call to action invites the reader to do.
const (
	Whitepaper = "whitepaper"
	Report     = "report"
	Guide      = "guide"
	Article    = "article"
	Talk       = "talk"
)

// typeWords name a document type in front matter (doc_type, type, categories) or in a
// title, in each language with built-in texts (lower case).
var typeWords = []struct {
	typ   string
	words []string
}{
	{Talk, []string{"talk", "webinar", "keynote", "transcript", "podcast", "charla", "palestra", "conférence", "vortrag", "intervento", "講演", "演讲", "발표"}},
	{Report, []string{"report", "survey", "state of", "informe", "relatório", "rapport", "bericht", "rapporto", "レポート", "報告書", "报告", "보고서"}},
	{Guide, []string{"guide", "handbook", "playbook", "how-to", "tutorial", "guía", "guia", "leitfaden", "guida", "gids", "ガイド", "手引き", "指南", "가이드"}},
	{Whitepaper, []string{"whitepaper", "white paper", "white-paper", "libro blanco", "livro branco", "livre blanc", "documento técnico", "ホワイトペーパー", "白書", "白皮书", "백서"}},
	{Article, []string{"article", "blog", "post", "news", "essay", "letter", "op-ed", "artículo", "ensayo", "artigo", "ensaio", "artikel", "articolo", "記事", "ブログ", "エッセイ", "文章", "博客", "随笔", "기사", "블로그", "에세이"}},
}

// selfNames are how a document names what it is in its own opening ("This essay argues…",
// "Ce livre blanc présente…", "本报告…"): surer than a title's word, which may be a
// metaphor ("the wrong playbook"), and than no word at all (lower case).
var selfNames = []struct {
	typ   string
	names []string
}{
	{Report, []string{"this report", "this survey", "this study", "este informe", "este estudio", "este relatório", "este estudo",
		"ce rapport", "cette étude", "dieser bericht", "diese studie", "questo rapporto", "questo studio", "dit rapport", "dit onderzoek",
		"本レポート", "本報告書", "本调查", "本报告", "본 보고서", "이 보고서"}},
	{Whitepaper, []string{"this whitepaper", "this white paper", "this paper", "este libro blanco", "este livro branco",
		"ce livre blanc", "dieses whitepaper", "questo white paper", "questo whitepaper", "deze whitepaper",
		"本ホワイトペーパー", "本白皮书", "본 백서", "이 백서"}},
	{Guide, []string{"this guide", "this playbook", "this handbook", "esta guía", "este guia", "ce guide", "dieser leitfaden",
		"questa guida", "deze gids", "本ガイド", "本指南", "이 가이드"}},
	{Article, []string{"this essay", "this article", "this post", "this letter", "este ensayo", "este artículo", "este ensaio",
		"este artigo", "cet essai", "cet article", "dieser essay", "dieser artikel", "dieser beitrag", "questo saggio",
		"questo articolo", "dit essay", "dit artikel"}},
}

// SelfNamed is the type an opening text names first ("This essay argues…"), "" for none.
func SelfNamed(opening string) string {
	opening = strings.ToLower(opening)
	typ, at := "", len(opening)
	for _, t := range selfNames {
		for _, n := range t.names {
			if i := strings.Index(opening[:at], n); i >= 0 && ContainsWord(opening[i:], n) {
				typ, at = t.typ, i
			}
		}
	}
	return typ
}

// compoundTypes end German and Dutch compounds that name a type ("Marktbericht",
// "Praxisleitfaden", "Marktrapport", "Jaarverslag").
var compoundTypes = []struct{ suffix, typ string }{{"bericht", Report}, {"leitfaden", Guide}, {"rapport", Report}, {"verslag", Report}}

// Named is the type a title or a heading names ("The 2024 Benchmark Report"), "" for none.
func Named(s string) string {
	s = strings.ToLower(s)
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, c := range compoundTypes {
			if len(w) > len(c.suffix) && strings.HasSuffix(w, c.suffix) {
				return c.typ // "Marktbericht", "Praxisleitfaden"
			}
		}
	}
	for _, t := range typeWords {
		for _, w := range t.words {
			if ContainsWord(s, w) {
				return t.typ
			}
		}
	}
	return ""
}

// ContainsWord reports w in s as a word or its plural ("whitepapers"), not inside a
// longer word ("reporting", "Postgres"); in scripts without spaces, anywhere.
func ContainsWord(s, w string) bool {
	return WordAt(s, w, 0) >= 0
}

// CountWord is how many times s holds w as ContainsWord finds it.
func CountWord(s, w string) int {
	n := 0
	for off := 0; ; n++ {
		i := WordAt(s, w, off)
		if i < 0 {
			return n
		}
		off = i + len(w)
	}
}

// WordAt is the index of the first w in s at or after off that ContainsWord counts, or -1.
func WordAt(s, w string, off int) int {
	for {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		end := i + len(w)
		if strings.HasPrefix(s[end:], "s") {
			end++
		}
		after, _ := utf8.DecodeRuneInString(s[end:])
		first, _ := utf8.DecodeRuneInString(w)
		if script.CJK(first) || first > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, first) ||
			!unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return i
		}
		off = i + 1
	}
}
