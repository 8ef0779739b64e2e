package parse

import (
	"fmt"
	"strings"
)

// Markdown writes the document as derive sees it — headings, paragraphs, lists and
// attributed quotes, section by section — for people to check what the derivatives were
// made from (`repurpose derive --text`).
func (d *Document) Markdown() string {
	var b strings.Builder
	titled := false
	for _, s := range d.Sections {
		titled = titled || (s.Level == 1 && s.Heading == d.Title)
	}
	if d.Title != "" && !titled {
		fmt.Fprintf(&b, "# %s\n\n", d.Title)
	}
	for _, s := range d.Sections {
		if s.Level > 0 {
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", min(s.Level, 6)), s.Heading)
		}
		said := map[string]bool{}
		for _, q := range s.Quotes {
			said[q.Text] = true
		}
		for _, p := range s.Paragraphs {
			if !said[p] { // a talk's quotes are its prose too: written once, as quotes
				fmt.Fprintf(&b, "%s\n\n", p)
			}
		}
		for _, l := range s.Lists {
			for _, it := range l {
				fmt.Fprintf(&b, "- %s\n", it)
			}
			b.WriteString("\n")
		}
		for _, q := range s.Quotes {
			fmt.Fprintf(&b, "> %s\n", q.Text)
			if q.Attribution != "" {
				fmt.Fprintf(&b, ">\n> — %s\n", q.Attribution)
			}
			b.WriteString("\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
