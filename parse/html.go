package parse

import (
	"bytes"
	"cmp"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads page metadata with goquery, keeps a full page's main content with
// readability (dropping navigation, banners and footers), then walks the content's
// headings, paragraphs, lists and quotes in order.
func parseHTML(data []byte) (*Document, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil && strings.Contains(err.Error(), "open stack of elements exceeds") {
		return nil, &InputError{Reason: "the HTML nests its elements more than 512 deep, which no page needs; export it again from its editor, or upload its text"}
	}
	if err != nil {
		return nil, &InputError{Reason: "the HTML could not be read: " + err.Error()}
	}
	page := goquery.NewDocumentFromNode(root)
	meta, err := htmlMeta(page)
	if err != nil {
		return nil, err
	}
	lang := strings.TrimSpace(page.Find("html").AttrOr("lang", ""))
	content := root
	if isFullPage(data) {
		base, _ := url.Parse(meta.CanonicalURL)
		if art, err := readability.FromDocument(root, base); err == nil && art.Node != nil {
			content = art.Node
			meta.Title = cmp.Or(normalizeSpace(art.Title()), meta.Title)
			meta.Byline = cmp.Or(normalizeSpace(art.Byline()), meta.Byline)
			lang = cmp.Or(lang, art.Language())
		}
	}
	o := newOutline("html")
	(&htmlWalker{o: o, byline: meta.Byline, attributions: quoteAttributions(page)}).walk(content)
	doc := o.finish(meta)
	doc.Lang = cmp.Or(meta.Lang, lang)
	return doc, nil
}

// isFullPage tells a web page (which has chrome to strip) from a fragment of article
// markup (which is all content).
func isFullPage(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 64<<10)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body"))
}

// htmlMeta reads what HTML says about itself: title, canonical URL, keywords, author,
// and any front-matter key given as <meta name="stage" content="decision">.
func htmlMeta(page *goquery.Document) (FrontMatter, error) {
	raw := map[string]any{}
	page.Find("meta[name], meta[property]").Each(func(_ int, m *goquery.Selection) {
		name := strings.ToLower(cmp.Or(m.AttrOr("name", ""), m.AttrOr("property", "")))
		if v := strings.TrimSpace(m.AttrOr("content", "")); v != "" {
			if _, seen := raw[name]; !seen {
				raw[name] = v
			}
		}
	})
	if v, ok := raw["keywords"]; ok {
		raw["tags"] = v
	}
	if v, ok := raw["og:url"]; ok && raw["canonical_url"] == nil {
		raw["canonical_url"] = v
	}
	if href, ok := page.Find(`link[rel="canonical"]`).Attr("href"); ok && strings.TrimSpace(href) != "" {
		raw["canonical_url"] = strings.TrimSpace(href)
	}
	raw["title"] = cmp.Or(normalizeSpace(page.Find("head title").First().Text()), scalar(raw["og:title"]))
	return frontMatterFromMap(raw)
}

// htmlWalker turns HTML blocks into outline entries.
type htmlWalker struct {
	o         *outline
	inArticle int
	byline    string
	// attributions of the page's blockquotes by quote text, read before readability,
	// which drops a blockquote's <footer>.
	attributions map[string]string
}

// quoteAttributions maps each attributed blockquote of the page to its speaker.
func quoteAttributions(page *goquery.Document) map[string]string {
	m := map[string]string{}
	w := &htmlWalker{o: newOutline("html")}
	for _, bq := range page.Find("blockquote").Nodes {
		caption := (*html.Node)(nil)
		if bq.Parent != nil && bq.Parent.DataAtom == atom.Figure {
			caption = child(bq.Parent, atom.Figcaption)
		}
		if q := w.quote(bq, caption); q.Attribution != "" {
			m[normalizeSpace(q.Text)] = normalizeSpace(q.Attribution)
		}
	}
	return m
}

// skipped elements are never content; chrome is page furniture around it.
var (
	skipped = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Svg: true, atom.Iframe: true, atom.Form: true, atom.Button: true, atom.Select: true,
		atom.Textarea: true, atom.Pre: true, atom.Table: true, atom.Head: true, atom.Canvas: true,
		atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Dialog: true,
		// A caption describes an image the post does not carry ("Team time on cluster
		// maintenance versus developer work, 2022–2025."); a quote's caption is read
		// for its attribution only.
		atom.Figcaption: true,
	}
	inlineAtoms = map[atom.Atom]bool{
		atom.A: true, atom.Span: true, atom.Em: true, atom.Strong: true, atom.B: true, atom.I: true,
		atom.Code: true, atom.Small: true, atom.Sup: true, atom.Sub: true, atom.Mark: true,
		atom.Abbr: true, atom.Cite: true, atom.Q: true, atom.Time: true, atom.U: true, atom.S: true,
		atom.Br: true, atom.Kbd: true, atom.Var: true, atom.Dfn: true, atom.Img: true,
	}
	headingLevels = map[atom.Atom]int{
		atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6,
	}
)

// walk visits n's children in order. Loose inline content (text directly inside a div)
// is gathered and becomes a paragraph when a block interrupts it.
func (w *htmlWalker) walk(n *html.Node) {
	var loose strings.Builder
	flush := func() {
		w.o.paragraph(loose.String())
		loose.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			loose.WriteString(c.Data)
			continue
		}
		if c.Type != html.ElementNode && c.Type != html.DocumentNode {
			continue
		}
		if lvl, ok := headingLevels[c.DataAtom]; ok {
			flush()
			w.o.heading(lvl, w.text(c), attr(c, "id"))
			continue
		}
		switch {
		case c.DataAtom == atom.Table:
			flush()
			w.o.table(w.tableRows(c, nil))
		case skipped[c.DataAtom], c.DataAtom == atom.Header && w.inArticle == 0:
			flush()
		case inlineAtoms[c.DataAtom]:
			w.writeNode(&loose, c)
		case c.DataAtom == atom.P:
			flush()
			if t := w.text(c); !w.isByline(t) {
				w.o.paragraph(t)
			}
		case c.DataAtom == atom.Ul || c.DataAtom == atom.Ol:
			flush()
			w.o.list(w.listItems(c, nil))
		case c.DataAtom == atom.Blockquote:
			flush()
			q := w.quote(c, nil)
			if q.Attribution == "" {
				q.Attribution = w.attributions[normalizeSpace(q.Text)]
			}
			w.o.quote(q)
		case c.DataAtom == atom.Figure && child(c, atom.Blockquote) != nil:
			flush()
			w.o.quote(w.quote(child(c, atom.Blockquote), child(c, atom.Figcaption)))
		default:
			flush()
			article := c.DataAtom == atom.Article || c.DataAtom == atom.Main
			if article {
				w.inArticle++
			}
			w.walk(c)
			if article {
				w.inArticle--
			}
		}
	}
	flush()
}

// tableRows are the rows of the table n, each its cells' text; a table nested in a cell
// is that cell's text.
func (w *htmlWalker) tableRows(n *html.Node, rows [][]string) [][]string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			var cells []string
			for td := c.FirstChild; td != nil; td = td.NextSibling {
				if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
					cells = append(cells, w.text(td))
				}
			}
			rows = append(rows, cells)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			rows = w.tableRows(c, rows)
		}
	}
	return rows
}

// text is the plain text of n; links and images met on the way are recorded.
func (w *htmlWalker) text(n *html.Node) string {
	var b strings.Builder
	w.writeText(&b, n)
	return b.String()
}

func (w *htmlWalker) writeText(b *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.writeNode(b, c)
	}
}

func (w *htmlWalker) writeNode(b *strings.Builder, c *html.Node) {
	switch {
	case c.Type == html.TextNode:
		b.WriteString(c.Data)
	case c.Type != html.ElementNode, skipped[c.DataAtom]:
	case c.DataAtom == atom.Br:
		b.WriteByte('\n')
	case c.DataAtom == atom.Img:
		w.o.image(attr(c, "alt"), attr(c, "src"))
	case c.DataAtom == atom.A:
		start := b.Len()
		w.writeText(b, c)
		w.o.link(b.String()[start:], attr(c, "href"))
	case inlineAtoms[c.DataAtom]:
		w.writeText(b, c)
	default: // a block inside a block: keep it on its own line
		b.WriteByte('\n')
		w.writeText(b, c)
		b.WriteByte('\n')
	}
}

// listItems flattens a list: each item's own text, then its nested items.
func (w *htmlWalker) listItems(list *html.Node, items []listItem) []listItem {
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		var b strings.Builder
		var nested []*html.Node
		links := 0
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol):
				nested = append(nested, c)
			case c.Type == html.ElementNode && c.DataAtom == atom.A && strings.HasPrefix(attr(c, "href"), "#"):
				links++
				w.writeNode(&b, c)
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			default:
				links = -1 << 20 // other content: not a table-of-contents line
				w.writeNode(&b, c)
			}
		}
		items = append(items, listItem{text: b.String(), linkOnly: links == 1})
		for _, n := range nested {
			items = w.listItems(n, items)
		}
	}
	return items
}

// quote reads a blockquote; the speaker comes from a <footer> or <cite> line inside it,
// a <figcaption> beside it, or a trailing dash line.
func (w *htmlWalker) quote(bq, caption *html.Node) Quote {
	var lines []string
	attribution := ""
	if caption != nil {
		attribution = w.text(caption)
	}
	for c := bq.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Footer || c.DataAtom == atom.Cite) && isLastElement(c) {
			attribution = w.text(c)
			continue
		}
		var b strings.Builder
		w.writeNode(&b, c)
		lines = append(lines, strings.Split(b.String(), "\n")...)
	}
	if attribution != "" {
		lines = append(lines, "— "+strings.TrimLeft(strings.TrimSpace(attribution), "—―–- "))
	}
	return splitAttribution(lines)
}

// isByline spots the "By Jane Doe, Staff Engineer" line that readability leaves in when
// it found the author elsewhere.
func (w *htmlWalker) isByline(text string) bool {
	t := normalizeSpace(text)
	return w.byline != "" && len(t) < 100 && strings.Contains(t, w.byline)
}

// isLastElement: nothing but white space follows n in its parent.
func isLastElement(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode || s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// child is n's first child element of the given kind.
func child(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}
