package parse

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/parse/cite"
)

// outline builds a Document's sections as a parser meets headings and blocks in
// document order; the three parsers share it so Markdown, HTML and text documents have
// the same shape.
type outline struct {
	doc      Document
	slugs    slugger
	firstH1  string
	firstAny string
	// linkItems and items count list items per section, to spot tables of contents.
	linkItems, items []int
}

// listItem is one flattened list entry; linkOnly marks an entry that is nothing but an
// in-page link (a table-of-contents line).
type listItem struct {
	text     string
	linkOnly bool
}

func newOutline(format string) *outline {
	o := &outline{slugs: slugger{}}
	o.doc.Format = format
	o.startSection(Section{})
	return o
}

func (o *outline) startSection(s Section) {
	o.doc.Sections = append(o.doc.Sections, s)
	o.linkItems = append(o.linkItems, 0)
	o.items = append(o.items, 0)
}

func (o *outline) current() *Section { return &o.doc.Sections[len(o.doc.Sections)-1] }

// heading starts a section. id is the element's own anchor (HTML id), if any. An empty
// heading starts nothing: its content stays with the section before.
func (o *outline) heading(level int, text, id string) {
	text = normalizeSpace(withoutMarkup(text))
	if text == "" {
		return
	}
	if id == "" {
		id = o.slugs.anchor(text)
	}
	if o.firstAny == "" {
		o.firstAny = text
	}
	if level == 1 && o.firstH1 == "" {
		o.firstH1 = text
	}
	o.startSection(Section{Heading: text, Level: level, Anchor: id})
}

func (o *outline) paragraph(text string) {
	if text = normalizeSpace(cite.Without(withoutMarkup(text))); text != "" && !isTableRow(text) && !caption.MatchString(text) && !footnote(text) {
		s := o.current()
		s.Paragraphs = append(s.Paragraphs, text)
	}
}

func (o *outline) list(items []listItem) {
	var texts []string
	i := len(o.doc.Sections) - 1
	for _, it := range items {
		if t := normalizeSpace(cite.Without(withoutMarkup(it.text))); t != "" {
			texts = append(texts, t)
			o.items[i]++
			if it.linkOnly {
				o.linkItems[i]++
			}
		}
	}
	if len(texts) > 0 {
		s := o.current()
		s.Lists = append(s.Lists, texts)
	}
}

// table keeps a table of at most maxTableRows rows of maxTableCells cells; a longer one
// is data, not a result a post could quote.
func (o *outline) table(rows [][]string) {
	var t Table
	for _, row := range rows[:min(len(rows), maxTableRows)] {
		cells := make([]string, 0, min(len(row), maxTableCells))
		for _, c := range row[:min(len(row), maxTableCells)] {
			cells = append(cells, normalizeSpace(withoutMarkup(c)))
		}
		t = append(t, cells)
	}
	if len(t) > 1 {
		s := o.current()
		s.Tables = append(s.Tables, t)
	}
}

const maxTableRows, maxTableCells = 40, 12

func (o *outline) quote(q Quote) {
	q.Text, q.Attribution = normalizeSpace(cite.Without(withoutMarkup(q.Text))), normalizeSpace(q.Attribution)
	if q.Text != "" {
		s := o.current()
		s.Quotes = append(s.Quotes, q)
	}
}

func (o *outline) link(text, url string) {
	if url != "" {
		o.doc.Links = append(o.doc.Links, Link{Text: normalizeSpace(text), URL: url})
	}
}

func (o *outline) image(alt, url string) {
	if url != "" {
		o.doc.Images = append(o.doc.Images, Image{Alt: normalizeSpace(alt), URL: url})
	}
}

// tocHeading matches the usual names of a table of contents.
var tocHeading = regexp.MustCompile(`(?i)^(table of contents|contents|toc|índice|indice|tabla de contenidos?|contenido|inhalt|inhaltsverzeichnis|table des matières|sommaire|目次|もくじ)$`)

// finish drops empty and table-of-contents sections and settles title and summary.
func (o *outline) finish(meta FrontMatter) *Document {
	kept := o.doc.Sections[:0]
	for i, s := range o.doc.Sections {
		empty := len(s.Paragraphs)+len(s.Lists)+len(s.Quotes) == 0
		toc := len(s.Paragraphs)+len(s.Quotes) == 0 && o.items[i] > 0 &&
			(tocHeading.MatchString(s.Heading) || o.linkItems[i] == o.items[i])
		if (empty && i == 0) || toc {
			continue
		}
		kept = append(kept, s)
	}
	d := o.doc
	d.Sections = kept
	d.Meta = meta
	d.Title = cmp.Or(meta.Title, o.firstH1, o.firstAny)
	d.Summary = d.summary()
	if d.Title == "" {
		d.Title = d.titleFromText()
	}
	if meta.Lang != "" {
		d.Lang = meta.Lang
	}
	return &d
}

// summary is the first substantial paragraph (80+ characters), else the first one.
func (d *Document) summary() string {
	first := ""
	for _, s := range d.Sections {
		for _, p := range s.Paragraphs {
			if Note(p) {
				continue
			}
			if utf8.RuneCountInString(p) >= 80 {
				return p
			}
			if first == "" {
				first = p
			}
		}
	}
	return first
}

// titleFromText is the first sentence, trimmed to 80 characters, for documents with no
// title and no heading.
func (d *Document) titleFromText() string {
	text := d.Summary
	if text == "" {
		for _, s := range d.Sections {
			for _, l := range s.Lists {
				text = l[0]
				break
			}
		}
	}
	if sents := Sentences(text); len(sents) > 0 {
		text = sents[0]
	}
	return Truncate(text, 80)
}

// isTableRow spots a pipe table that Markdown did not recognise (blank lines between
// rows): it is layout, not prose.
func isTableRow(text string) bool {
	return strings.HasPrefix(text, "|") && strings.Count(text, "|") >= 3
}

// normalizeSpace collapses every run of white space (including newlines and no-break
// spaces) to one space, drops invisible characters (zero-width spaces, soft hyphens) and
// trims the ends.
func normalizeSpace(s string) string {
	if isNormalSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space, joined := false, false
	for i := 0; i < len(s); {
		// Copy the run of characters kept as they are in one go.
		end := i
		for end < len(s) {
			if c := s[end]; c < utf8.RuneSelf {
				if c == ' ' || c >= '\t' && c <= '\r' {
					break // unicode.IsSpace in ASCII
				}
				end++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[end:])
			if isInvisible(r) || r <= maxSpace && unicode.IsSpace(r) {
				break
			}
			end += size
		}
		if end > i {
			if space && !(joined && betweenCJK(b.String(), s[i:end])) {
				b.WriteByte(' ')
			}
			space, joined = false, false
			b.WriteString(s[i:end])
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else if r == wordJoiner {
			joined = true
		}
		i += size // an invisible character goes
	}
	return b.String()
}

// wordJoiner marks where markup ended: a space beside it between two Chinese or
// Japanese characters is the markup's, not the writer's (Markdown emphasis needs one:
// "それらを _内部_ プラットフォーム"), and goes with it. Other spaces between them stay
// ("田中 美咲").
const wordJoiner = '\u2060'

// betweenCJK reports a space between two Chinese or Japanese characters.
func betweenCJK(before, after string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	return r >= utf8.RuneSelf && next >= utf8.RuneSelf && script.CJK(r) && script.CJK(next)
}

// maxSpace is the last white-space character (the ideographic space): kana and kanji
// need no look-up.
const maxSpace = '\u3000'

// isInvisible: the zero-width space, word joiner and no-break space (BOM), soft hyphens.
func isInvisible(r rune) bool {
	return r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD'
}

// isNormalSpace: printable ASCII with single inner spaces, the common case that needs no
// copy.
func isNormalSpace(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// footnote reports a paragraph that opens on a footnote's mark ("¹ Replacement cost
// estimated as…"): a note on the text above it, not prose of its own.
func footnote(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹†‡*", r)
}

// caption matches a figure's or table's caption ("Figure 2. Median pipeline duration…",
// "Tabla 3:", "図1：") or its source line ("Fuente: datos de campo…"): it describes an
// image or a table the posts do not carry, and
// whatever it adds ("(Corrected in v1.2…)") is about the document. One "^" before the
// alternatives: the pattern is tried at the start only, not at every byte.
var caption = regexp.MustCompile(`^(?:(?i:figure|fig\.|table|chart|exhibit|graph|figura|tabla|tabela|gráfico|grafico|tableau|abbildung|tabelle|grafik|figuur|tabel|grafiek)\s*\d+[.:]|[图表図]\s*\d+[.:：]|(?:그림|표)\s*\d+[.:]|(?i:sources?|fuentes?|fontes?|quellen?|bronn?e?n?)\s*:|(?:出典|来源|资料来源|数据来源|출처)\s*[:：])`)

// noteLabel opens a paragraph that is a note on the document, not its text: a
// disclaimer, a reader's hint ("Hinweis: Dieser Leitfaden ersetzt keine Beratung.").
var noteLabel = regexp.MustCompile(`^(?i:note|disclaimer|hinweis|haftungsausschluss|nota|aviso|avertissement|remarque|opmerking|注|注意|免责声明|免責事項|참고|유의사항)\s*[:：]`)

// Note reports a paragraph that opens on a note's label: none of it is a post, and it
// says nothing of what the document is about.
func Note(p string) bool { return noteLabel.MatchString(p) }
