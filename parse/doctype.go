package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// docTypeWords name a document type in front matter (doc_type, type, categories) or in a
// title, in each language with built-in texts (lower case).
var docTypeWords = []struct {
	typ   string
	words []string
}{
	{DocTalk, []string{"talk", "webinar", "keynote", "transcript", "podcast", "charla", "palestra", "conférence", "vortrag", "intervento", "講演", "演讲", "발표"}},
	{DocReport, []string{"report", "survey", "state of", "informe", "relatório", "rapport", "bericht", "rapporto", "レポート", "報告書", "报告", "보고서"}},
	{DocGuide, []string{"guide", "handbook", "playbook", "how-to", "tutorial", "guía", "guia", "leitfaden", "guida", "gids", "ガイド", "手引き", "指南", "가이드"}},
	{DocWhitepaper, []string{"whitepaper", "white paper", "white-paper", "libro blanco", "livro branco", "livre blanc", "documento técnico", "ホワイトペーパー", "白書", "白皮书", "백서"}},
	{DocArticle, []string{"article", "blog", "post", "news", "essay", "letter", "op-ed", "artículo", "ensayo", "artigo", "ensaio", "artikel", "articolo", "記事", "ブログ", "エッセイ", "文章", "博客", "随笔", "기사", "블로그", "에세이"}},
}

// selfNames are how a document names what it is in its own opening ("This essay argues…",
// "Ce livre blanc présente…", "本报告…"): surer than a title's word, which may be a
// metaphor ("the wrong playbook"), and than no word at all (lower case).
var selfNames = []struct {
	typ   string
	names []string
}{
	{DocReport, []string{"this report", "this survey", "this study", "este informe", "este estudio", "este relatório", "este estudo",
		"ce rapport", "cette étude", "dieser bericht", "diese studie", "questo rapporto", "questo studio", "dit rapport", "dit onderzoek",
		"本レポート", "本報告書", "本调查", "本报告", "본 보고서", "이 보고서"}},
	{DocWhitepaper, []string{"this whitepaper", "this white paper", "this paper", "este libro blanco", "este livro branco",
		"ce livre blanc", "dieses whitepaper", "questo white paper", "questo whitepaper", "deze whitepaper",
		"本ホワイトペーパー", "本白皮书", "본 백서", "이 백서"}},
	{DocGuide, []string{"this guide", "this playbook", "this handbook", "esta guía", "este guia", "ce guide", "dieser leitfaden",
		"questa guida", "deze gids", "本ガイド", "本指南", "이 가이드"}},
	{DocArticle, []string{"this essay", "this article", "this post", "this letter", "este ensayo", "este artículo", "este ensaio",
		"este artigo", "cet essai", "cet article", "dieser essay", "dieser artikel", "dieser beitrag", "questo saggio",
		"questo articolo", "dit essay", "dit artikel"}},
}

// selfNamedIn is the type the opening text names first, "" for none.
func selfNamedIn(opening string) string {
	opening = strings.ToLower(opening)
	typ, at := "", len(opening)
	for _, t := range selfNames {
		for _, n := range t.names {
			if i := strings.Index(opening[:at], n); i >= 0 && containsWord(opening[i:], n) {
				typ, at = t.typ, i
			}
		}
	}
	return typ
}

// selfNameSample is how much of a document's prose is its opening, in bytes.
const selfNameSample = 2 << 10

// docType is what kind of document this is: what its front matter says (doc_type, else
// type or categories), else what its opening calls it, else what its title or its cover
// says, else an article for a web page, a talk for subtitles and unknown for the rest.
func docType(doc *Document) string {
	for _, declared := range append([]string{doc.Meta.DocType}, doc.Meta.Categories...) {
		if t := typeNamed(declared); t != "" {
			return t
		}
	}
	if t := selfNamedIn(doc.opening(selfNameSample)); t != "" {
		return t
	}
	if t := typeNamed(doc.Title); t != "" {
		return t
	}
	// A cover often names the type in a heading of its own under the title ("WHITE
	// PAPER"): one of the first headings, that and little more.
	for _, s := range doc.Sections[:min(3, len(doc.Sections))] {
		if t := typeNamed(s.Heading); t != "" && len(strings.Fields(s.Heading)) <= 3 {
			return t
		}
	}
	switch doc.Format {
	case "html":
		return DocArticle
	case "vtt", "srt":
		return DocTalk // subtitles are a recording's
	}
	return ""
}

func typeNamed(s string) string {
	s = strings.ToLower(s)
	for _, t := range docTypeWords {
		for _, w := range t.words {
			if containsWord(s, w) {
				return t.typ
			}
		}
	}
	return ""
}

// containsWord reports w in s as a word or its plural ("whitepapers"), not inside a
// longer word ("reporting", "Postgres"); in scripts without spaces, anywhere.
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
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
			return true
		}
		off = i + 1
	}
}

// genericTitles are headings that open many documents and name none of them: a document
// whose first heading is one of them has no title of its own (lower case).
var genericTitles = WordList(`introduction|overview|summary|executive summary|abstract|preface|foreword|background|
	contents|table of contents|introducción|resumen|resumen ejecutivo|introdução|resumo|introduction générale|résumé|
	einleitung|einführung|zusammenfassung|introduzione|sommario|inleiding|samenvatting|はじめに|概要|序論|引言|简介|概述|摘要|
	소개|개요|서론|요약`)

func genericTitle(title string) bool {
	t := strings.ToLower(strings.TrimFunc(title, func(r rune) bool { return !unicode.IsLetter(r) }))
	for _, g := range genericTitles {
		if t == g {
			return true
		}
	}
	return false
}

// titleFromKey makes a title of an inbox key's file name ("cncf-secure-software-factory.en.md"
// → "CNCF Secure Software Factory"): words capitalised, those the document writes in
// capitals kept so.
func titleFromKey(key string, doc *Document) string {
	name := key[strings.LastIndex(key, "/")+1:]
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // the extension and a language suffix
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	if len(words) < 2 {
		return "" // "paper.md" says nothing
	}
	return capitalised(words, doc.sample())
}

// capitalised joins words capitalised, those text writes in capitals kept so.
func capitalised(words []string, text string) string {
	for i, w := range words {
		if up := strings.ToUpper(w); containsWord(text, up) {
			words[i] = up
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// shouting reports a title in capitals ("CLOUD NATIVE SECURITY WHITEPAPER"): a label
// on a cover, which reads as shouting in a post or a headline.
func shouting(title string) bool {
	letters, words := 0, 0
	for _, w := range strings.Fields(title) {
		if hasLower := strings.ToUpper(w) != w; hasLower {
			return false
		}
		if strings.ToLower(w) != w {
			words++
		}
	}
	for _, r := range title {
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return words >= 3 && letters >= 12
}

// Document types, which decide what a call to action invites the reader to do.
const (
	DocWhitepaper = "whitepaper"
	DocReport     = "report"
	DocGuide      = "guide"
	DocArticle    = "article"
	DocTalk       = "talk"
)

// opening is the document's first paragraphs, up to limit bytes.
func (d *Document) opening(limit int) string {
	var b strings.Builder
	for _, s := range d.Sections {
		for _, p := range s.Paragraphs {
			if b.Len() >= limit {
				return b.String()
			}
			b.WriteString(p[:min(len(p), limit-b.Len())])
			b.WriteString("\n")
		}
	}
	return b.String()
}
