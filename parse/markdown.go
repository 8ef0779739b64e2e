package parse

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is shared (safe for concurrent use): GitHub's tables and task lists; not its
// strikethrough, which drops the tildes of ranges ("5~49인"), nor its Linkify: no post
// takes a link from the text, and finding them costs a tenth of parsing.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Footnote))

// parseMarkdown reads front matter, then walks the goldmark AST once.
func parseMarkdown(data []byte) (*Document, error) {
	format, head, body := splitFrontMatter(data)
	var meta FrontMatter
	if format != "" {
		var err error
		if meta, err = decodeFrontMatter(format, head); err != nil {
			return nil, err
		}
	}
	if containerDepth(body) > maxNesting {
		return nil, &InputError{Reason: "the Markdown nests lists or quotes more than 512 deep, which no document needs; export it again from its editor, or upload its text"}
	}
	root := markdown.Parser().Parse(text.NewReader(body))
	w := &mdWalker{src: body, o: newOutline("markdown")}
	if err := ast.Walk(root, w.visit); err != nil {
		return nil, err
	}
	return w.o.finish(meta), nil
}

// mdWalker turns goldmark blocks into outline entries.
type mdWalker struct {
	src []byte
	o   *outline
	// hidden is the closing tag ("</script", "</style") while inline raw HTML has opened
	// an element whose content is code, not prose: its text is left out until then.
	hidden string
}

// visit is the one ast.Walk closure (as in Hugo's toc.go): each block kind it knows is
// consumed whole, and its children skipped.
func (w *mdWalker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.Heading:
		w.o.heading(n.Level, w.inline(n), "")
	case *ast.Paragraph, *ast.TextBlock:
		w.o.paragraph(withoutBoldLabel(n, w.inline(n)))
	case *ast.List:
		w.o.list(w.listItems(n, nil))
	case *ast.Blockquote:
		w.o.quote(w.quote(n))
	case *east.Table:
		var rows [][]string
		for r := n.FirstChild(); r != nil; r = r.NextSibling() { // the header, then each row
			var cells []string
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, w.inline(c))
			}
			rows = append(rows, cells)
		}
		w.o.table(rows)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak, *east.FootnoteList:
		// not prose
	default:
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, nil
}

// withoutBoldLabel is a paragraph's text without a first line in bold that labels it
// ("**③ 지오펜스 기반 위험구역 알림**" over "BIM 도면을 바탕으로…"): a heading in all but
// name, which run into the sentence under it reads as one garbled sentence.
func withoutBoldLabel(n ast.Node, text string) string {
	if e, ok := n.FirstChild().(*ast.Emphasis); !ok || e.Level != 2 || !strings.HasPrefix(text, string(wordJoiner)) {
		return text
	}
	label, rest, ok := strings.Cut(text[len(string(wordJoiner)):], string(wordJoiner)+"\n")
	if !ok || strings.TrimSpace(rest) == "" || strings.Contains(label, string(wordJoiner)) ||
		strings.HasSuffix(strings.TrimSpace(label), ":") || strings.HasSuffix(strings.TrimSpace(label), "：") {
		return text // bold words within the line, or a label the line goes on after
	}
	return rest
}

// inline is the plain text of n's inline content: no Markdown syntax, code kept as
// text, links as their text, escapes and entities decoded. Line breaks stay as "\n" for
// callers that care (quotes); the outline collapses them.
func (w *mdWalker) inline(n ast.Node) string {
	var b strings.Builder
	w.writeInline(&b, n)
	return b.String()
}

func (w *mdWalker) writeInline(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, raw := c.(*ast.RawHTML); w.hidden != "" && !raw {
			continue
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(w.src)
			if !c.IsRaw() && bytes.ContainsAny(v, `\&`) {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.Link:
			start := b.Len()
			w.writeInline(b, c)
			w.o.link(b.String()[start:], string(c.Destination))
		case *ast.AutoLink:
			label := c.Label(w.src)
			b.Write(label)
			w.o.link(string(label), string(c.URL(w.src)))
		case *ast.Image:
			w.o.image(w.inline(c), string(c.Destination))
		case *ast.RawHTML:
			b.WriteByte(' ') // inline tags such as <br> separate words
			w.hidden = hiddenAfter(w.hidden, c.Segments.Value(w.src))
		case *ast.Emphasis:
			b.WriteRune(wordJoiner) // see normalizeSpace
			w.writeInline(b, c)
			b.WriteRune(wordJoiner)
		case *east.FootnoteLink:
			// a reference mark, not text
		default:
			w.writeInline(b, c)
		}
	}
}

// listItems flattens a list: each item's own text, then its nested items.
func (w *mdWalker) listItems(list ast.Node, items []listItem) []listItem {
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		var b strings.Builder
		var nested []ast.Node
		linkOnly := false
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.List:
				nested = append(nested, c)
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
				if b.Len() == 0 {
					linkOnly = isInPageLink(c)
				}
				b.WriteString(w.inline(c))
				b.WriteByte(' ')
			}
		}
		items = append(items, listItem{text: b.String(), linkOnly: linkOnly})
		for _, n := range nested {
			items = w.listItems(n, items)
		}
	}
	return items
}

// isInPageLink reports whether a block is a single link to an anchor in the same page,
// as table-of-contents entries are.
func isInPageLink(block ast.Node) bool {
	l, ok := block.FirstChild().(*ast.Link)
	return ok && block.ChildCount() == 1 && bytes.HasPrefix(l.Destination, []byte("#"))
}

// quote reads a blockquote; a last line starting with a dash names the speaker. A
// "- Name" line is parsed by Markdown as a one-item list, so that counts too.
func (w *mdWalker) quote(bq *ast.Blockquote) Quote {
	var lines []string
	for c := bq.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			if c.NextSibling() == nil && c.ChildCount() == 1 && !c.IsOrdered() && c.Marker == '-' {
				lines = append(lines, "- "+w.inline(c.FirstChild()))
				continue
			}
			for _, it := range w.listItems(c, nil) {
				lines = append(lines, it.text)
			}
		case *ast.Paragraph, *ast.TextBlock:
			lines = append(lines, strings.Split(w.inline(c), "\n")...)
		}
	}
	return splitAttribution(lines)
}

// attributionMarks open a line that names who said a quote.
var attributionMarks = []string{"—", "―", "--", "– ", "- ", "~"}

// splitAttribution separates a trailing attribution line from a quote's lines and strips
// the quote marks around the text.
func splitAttribution(lines []string) Quote {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	var q Quote
	if n := len(lines); n > 1 {
		last := strings.TrimSpace(lines[n-1])
		for _, m := range attributionMarks {
			if strings.HasPrefix(last, m) {
				// "——陈蔚然": Chinese writes the dash twice.
				q.Attribution = strings.TrimLeft(strings.TrimSpace(strings.TrimPrefix(last, m)), "—―–- ")
				lines = lines[:n-1]
				break
			}
		}
	}
	q.Text = strings.Trim(normalizeSpace(strings.Join(lines, " ")), `"“”„«»「」`)
	return q
}

// hiddenAfter follows inline raw HTML through <script> and <style> elements: it returns
// the closing tag still awaited after tag, given the one awaited before ("" for none).
func hiddenAfter(awaited string, tag []byte) string {
	t := strings.ToLower(string(tag))
	if awaited != "" {
		if strings.HasPrefix(t, awaited) {
			return ""
		}
		return awaited
	}
	for _, name := range []string{"script", "style"} {
		if strings.HasPrefix(t, "<"+name) && !strings.HasSuffix(strings.TrimSpace(t), "/>") &&
			!strings.Contains(t, "</"+name) {
			return "</" + name
		}
	}
	return ""
}

// maxNesting is the deepest nesting of elements a document may have: far beyond any real
// one, and shallow enough that the parsers' work on nesting stays small (goldmark takes
// seconds on a line of 50,000 list markers).
const maxNesting = 512

// containerDepth is the most list markers and quote marks any line opens with ("> - 1. "
// is three): a bound on how deep the line's blocks nest. It reads each byte once and
// stops counting past maxNesting.
func containerDepth(src []byte) int {
	deepest, depth, start := 0, 0, true
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			depth, start = 0, true
			continue
		case !start || c == ' ' || c == '\t':
			continue
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if j+1 < len(src) && (src[j] == '.' || src[j] == ')') && (src[j+1] == ' ' || src[j+1] == '\t') {
				depth++
				i = j
			} else {
				start = false
			}
		default:
			start = false
		}
		if depth > deepest {
			if deepest = depth; deepest > maxNesting {
				return deepest
			}
		}
	}
	return deepest
}
