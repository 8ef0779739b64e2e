package transforms

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

// TestHTMLReadabilityPages parses Mozilla Readability's test pages (read at test time) and
// checks properties: each page parses, and the words of the article a reader keeps
// (expected.html) are mostly found in the Document, while little else is.
func TestHTMLReadabilityPages(t *testing.T) {
	dir := sharedPath(t, "conformance", "readability")
	cases, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(cases) == 0 {
		t.Skipf("no pages in %s", dir)
	}
	var recallSum, precisionSum float64
	parsed := 0
	for _, src := range cases {
		name := filepath.Base(filepath.Dir(src))
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		expected, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected.html"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse("page.html", data, 0)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		parsed++
		want := wordBag(htmlText(t, expected))
		got := wordBag(documentText(doc))
		recall, precision := overlap(want, got), overlap(got, want)
		recallSum += recall
		precisionSum += precision
		if recall < 0.5 {
			t.Logf("%s: only %.0f%% of the article's words kept", name, 100*recall)
		}
		var meta struct{ Lang string }
		if raw, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected-metadata.json")); err == nil {
			_ = json.Unmarshal(raw, &meta)
			if meta.Lang != "" && baseLang(meta.Lang) != baseLang(doc.Lang) {
				t.Logf("%s: lang %q, readability says %q", name, doc.Lang, meta.Lang)
			}
		}
	}
	n := float64(parsed)
	t.Logf("%d/%d pages parsed; mean word recall %.2f, precision %.2f", parsed, len(cases), recallSum/n, precisionSum/n)
	if recallSum/n < 0.8 || precisionSum/n < 0.8 {
		t.Errorf("mean recall %.2f / precision %.2f below 0.8", recallSum/n, precisionSum/n)
	}
}

func htmlText(t *testing.T, page []byte) string {
	q, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	q.Find("script, style, pre, table, figure, svg").Remove()
	return q.Text()
}

func documentText(d *Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		b.WriteString(s.Heading + "\n")
		for _, p := range s.Paragraphs {
			b.WriteString(p + "\n")
		}
		for _, l := range s.Lists {
			b.WriteString(strings.Join(l, "\n") + "\n")
		}
		for _, q := range s.Quotes {
			b.WriteString(q.Text + " " + q.Attribution + "\n")
		}
	}
	return b.String()
}

// wordBag counts lower-cased words.
func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		bag[w]++
	}
	return bag
}

// overlap is the share of a's words (with multiplicity) also in b.
func overlap(a, b map[string]int) float64 {
	total, common := 0, 0
	for w, n := range a {
		total += n
		common += min(n, b[w])
	}
	if total == 0 {
		return 1
	}
	return float64(common) / float64(total)
}
