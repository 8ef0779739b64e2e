package pdf

import (
	"regexp"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
)

var (
	splitWord = regexp.MustCompile(`\p{Ll}- \p{Ll}`)
	ligature  = regexp.MustCompile("[\ufb00-\ufb06\u00ad\ufffd\ue000-\uf8ff]")
	loneNum   = regexp.MustCompile(`^(page\s*)?\d{1,4}$`)
)

// assertClean fails on what no derivative may contain: ligature glyphs, words split at a
// line end, page numbers or a running header left as text.
func assertClean(t *testing.T, d *doc.Document) {
	t.Helper()
	seen := map[string]int{}
	for _, b := range d.Blocks {
		if m := ligature.FindString(b.Text); m != "" {
			t.Errorf("ligature or glyph debris %q in %q", m, b.Text)
		}
		if b.Kind == doc.Paragraph || b.Kind == doc.ListItem {
			if m := splitWord.FindString(b.Text); m != "" && !strings.Contains(b.Text, " and ") {
				t.Errorf("a split word %q in %q", m, b.Text)
			}
		}
		if loneNum.MatchString(strings.ToLower(strings.TrimSpace(b.Text))) {
			t.Errorf("a page number left as a %s: %q", b.Kind, b.Text)
		}
		if b.Kind == doc.Paragraph && len(b.Text) < 80 {
			seen[b.Text]++
		}
	}
	for text, n := range seen {
		if n >= 4 && d.Pages >= 4 {
			t.Errorf("%q appears %d times: a running header or footer", text, n)
		}
	}
}
