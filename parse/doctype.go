package parse

import (
	"strings"
	"unicode"

	"github.com/repurpose/repurpose/parse/doctype"
	"github.com/repurpose/repurpose/parse/titlecase"
)

// selfNameSample is how much of a document's prose is its opening, in bytes.
const selfNameSample = 2 << 10

// docType is what kind of document this is: what its front matter says (doc_type, else
// type or categories), else what its opening calls it, else what its title or its cover
// says, else an article for a web page, a talk for subtitles and unknown for the rest.
func docType(doc *Document) string {
	for _, declared := range append([]string{doc.Meta.DocType}, doc.Meta.Categories...) {
		if t := doctype.Named(declared); t != "" {
			return t
		}
	}
	if t := doctype.SelfNamed(doc.opening(selfNameSample)); t != "" {
		return t
	}
	if t := doctype.Named(doc.Title); t != "" {
		return t
	}
	// A cover often names the type in a heading of its own under the title ("WHITE
	// PAPER"): one of the first headings, that and little more.
	for _, s := range doc.Sections[:min(3, len(doc.Sections))] {
		if t := doctype.Named(s.Heading); t != "" && len(strings.Fields(s.Heading)) <= 3 {
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
	return titlecase.Capitalised(words, doc.sample(), doc.Lang)
}

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

// Document types, which decide what a call to action invites the reader to do.
const (
	DocWhitepaper = doctype.Whitepaper
	DocReport     = doctype.Report
	DocGuide      = doctype.Guide
	DocArticle    = doctype.Article
	DocTalk       = doctype.Talk
)
