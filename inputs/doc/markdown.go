package doc

import (
	"fmt"
	"strings"
)

// Markdown writes the document's body as Markdown: headings as #, paragraphs, lists and
// quotes (with their speaker). The title is metadata, not a heading of the body. Tables,
// captions and footnotes are left out: they are not prose, and derivatives are made from
// this text.
func (d *Document) Markdown() string {
	var b strings.Builder
	depth := -1 // the level of the list item before, -1 outside a list
	for _, bl := range d.Blocks {
		text := oneLine(bl.Text)
		if bl.Kind != ListItem {
			depth = -1
		}
		switch bl.Kind {
		case Heading:
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", min(max(bl.Level, 1), 6)), text)
		case Paragraph:
			fmt.Fprintf(&b, "%s\n\n", escapeStart(text))
		case ListItem:
			marker := "-"
			if bl.Ordered {
				marker = "1."
			}
			// Four spaces a level nest an item under a "- " or a "1. " parent alike, and a
			// level never skips one: deeper would read as code.
			depth = min(max(bl.Level, 0), depth+1, 8)
			fmt.Fprintf(&b, "%s%s %s\n", strings.Repeat("    ", depth), marker, escapeStart(text))
		case Quote:
			fmt.Fprintf(&b, "> %s\n", text)
			if bl.Speaker != "" {
				fmt.Fprintf(&b, ">\n> — %s\n", oneLine(bl.Speaker))
			}
			b.WriteString("\n")
		}
	}
	return tidyLists(b.String())
}

// tidyLists ends every list with a blank line before what follows it.
func tidyLists(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i, l := range lines {
		out = append(out, l)
		if isItem(l) && i+1 < len(lines) && lines[i+1] != "" && !isItem(lines[i+1]) {
			out = append(out, "")
		}
	}
	return strings.Join(out, "\n")
}

func isItem(l string) bool {
	t := strings.TrimLeft(l, " ")
	return strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "1. ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// escapeStart keeps a paragraph that begins like Markdown syntax from being read as it.
func escapeStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '*', '+', '|', '=':
		return `\` + s
	}
	if i := strings.IndexAny(s, ".)"); i > 0 && i < 4 && allDigits(s[:i]) {
		return s[:i] + `\` + s[i:]
	}
	return s
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
