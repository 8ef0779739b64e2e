package derive

import (
	"testing"

	"github.com/repurpose/repurpose/parse"
)

func TestQuoteSnippetsFromProse(t *testing.T) {
	src := "# Pages\n\n## Results\n\nThe team measured every page for a quarter and compared the numbers week by week. “We cut our pages in half within six weeks,” said Maria Lopez, SRE lead at Acme. Nobody expected that.\n\n## Next\n\nThe next step is to roll the same practice out to every other team in the company.\n"
	doc, err := parse.File("p.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Type == SnippetQuote {
			if d.Attribution != "Maria Lopez, SRE lead at Acme" || d.Section == nil || d.Section.Anchor != "results" {
				t.Errorf("quote %q by %q in %+v", d.Text, d.Attribution, d.Section)
			}
			return
		}
	}
	t.Error("no quote snippet from a quoted sentence")
}
