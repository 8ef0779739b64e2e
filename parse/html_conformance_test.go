package parse

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/repurpose/repurpose/langid"

	"github.com/PuerkitoBio/goquery"

	"github.com/repurpose/repurpose/internal/testdocs"
)

// TestHTMLReadabilityPages parses Mozilla Readability's test pages (read at test time) and
// checks properties: each page parses, and the words of the article a reader keeps
// (expected.html) are mostly found in the Document, while little else is.
func TestHTMLReadabilityPages(t *testing.T) {
	dir := testdocs.Shared(t, "conformance", "readability")
	cases, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(cases) == 0 {
		t.Skipf("no pages in %s", dir)
	}
	var recallSum, precisionSum float64
	var similarity []float64 // per page: F1 of word recall and precision
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
		doc, err := File("page.html", data, 0)
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
		sim := 0.0
		if recall+precision > 0 {
			sim = 2 * recall * precision / (recall + precision)
		}
		similarity = append(similarity, sim)
		if sim < 0.6 {
			t.Logf("%s: similarity %.2f (recall %.2f, precision %.2f)", name, sim, recall, precision)
		}
		var meta struct{ Lang string }
		if raw, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected-metadata.json")); err == nil {
			_ = json.Unmarshal(raw, &meta)
			if meta.Lang != "" && langid.Base(meta.Lang) != langid.Base(doc.Lang) {
				t.Logf("%s: lang %q, readability says %q", name, doc.Lang, meta.Lang)
			}
		}
	}
	n := float64(parsed)
	d := distribution(similarity)
	t.Logf("%d/%d pages parsed; word-level similarity (F1): min %.2f, p10 %.2f, median %.2f, mean %.2f; mean recall %.2f, precision %.2f",
		parsed, len(cases), d.min, d.p10, d.median, d.mean, recallSum/n, precisionSum/n)
	// Floors a few points under today's figures: a regression in extraction fails here.
	if d.mean < 0.95 || d.median < 0.95 || d.p10 < 0.9 || recallSum/n < 0.9 || precisionSum/n < 0.9 {
		t.Errorf("similarity below the floor (mean and median 0.95, p10 0.90; recall and precision 0.90)")
	}
}

type spread struct{ min, p10, median, mean float64 }

// distribution summarises per-page scores; p10 and the median are nearest-rank.
func distribution(xs []float64) spread {
	if len(xs) == 0 {
		return spread{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	sum := 0.0
	for _, x := range s {
		sum += x
	}
	rank := func(p float64) float64 { return s[int(math.Ceil(p*float64(len(s))))-1] }
	return spread{min: s[0], p10: rank(0.1), median: rank(0.5), mean: sum / float64(len(s))}
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
