package doc

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Nested lists, numbered or bulleted, come out of Markdown as the same nesting when a
// Markdown reader reads them back: each item its own item at its own depth (two spaces
// under "1. " used to fold the nested items into their parent's text), and a level that
// skips one is not read as code.
func TestMarkdownListsReadBackWithTheirNesting(t *testing.T) {
	item := func(level int, ordered bool, text string) Block {
		return Block{Kind: ListItem, Level: level, Ordered: ordered, Text: text}
	}
	d := &Document{Blocks: []Block{
		item(0, true, "one"), item(1, true, "one.a"), item(2, true, "one.a.i"), item(3, true, "one.a.i.A"),
		item(0, true, "two"),
		{Kind: Paragraph, Text: "Between the lists."},
		item(0, false, "bullet"), item(3, false, "skips two levels"), item(1, false, "back up"),
	}}
	src := []byte(d.Markdown())
	root := goldmark.New().Parser().Parse(text.NewReader(src))
	var got []string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.CodeBlock); ok && entering {
			t.Errorf("an item was read as code:\n%s", src)
		}
		if li, ok := n.(*ast.ListItem); ok && entering {
			depth := 0
			for p := li.Parent(); p != nil; p = p.Parent() {
				if _, ok := p.(*ast.ListItem); ok {
					depth++
				}
			}
			got = append(got, strings.Repeat(">", depth)+string(li.FirstChild().Lines().Value(src)))
		}
		return ast.WalkContinue, nil
	})
	want := []string{"one", ">one.a", ">>one.a.i", ">>>one.a.i.A", "two", "bullet", ">skips two levels", ">back up"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("items read back as\n%q\nwant\n%q\nfrom\n%s", got, want, src)
	}
}
