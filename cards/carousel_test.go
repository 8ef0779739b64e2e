package cards

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func carouselOf(lang string, stats, takeaways int) Carousel {
	s := samples[lang]
	c := Carousel{Lang: lang, Title: s.title, Subtitle: s.subtitle, Link: "https://example.com/report", Source: s.source}
	for i := 0; i < stats; i++ {
		c.Stats = append(c.Stats, StatLine{Figure: s.figure, Context: s.context + " " + strconv.Itoa(i+1)})
	}
	for i := 0; i < takeaways; i++ {
		c.Takeaways = append(c.Takeaways, s.quote+" "+strconv.Itoa(i+1))
	}
	return c
}

var (
	pdfPage     = regexp.MustCompile(`/Type /Page\b[^s]`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)
)

// pdfPages counts a PDF's pages and checks each is square, reading its page objects.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-32:], []byte("%%EOF")) {
		t.Fatalf("not a whole PDF")
	}
	boxes := pdfMediaBox.FindAllSubmatch(pdf, -1)
	for _, b := range boxes {
		if string(b[1]) != string(b[2]) {
			t.Errorf("a page is %s × %s pt, not square", b[1], b[2])
		}
	}
	if len(boxes) == 0 {
		t.Error("no page sizes")
	}
	return len(pdfPage.FindAll(pdf, -1))
}

func TestCarouselIsAPDFOfSquareSlides(t *testing.T) {
	r := testRenderer(t)
	for _, tc := range []struct {
		lang             string
		stats, takeaways int
		pages            int
	}{
		{"en", 2, 1, 5}, // the fewest findings: title, 3 findings, call to action
		{"ja", 3, 3, 8},
		{"ko", 0, 4, 6},
		{"zh", 5, 9, 10}, // at most 8 findings, stats first
		{"de", 1, 2, 5},
	} {
		c := carouselOf(tc.lang, tc.stats, tc.takeaways)
		doc, err := r.Carousel(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.lang, err)
		}
		if doc.Pages != tc.pages {
			t.Errorf("%s: %d pages, want %d", tc.lang, doc.Pages, tc.pages)
		}
		if got := pdfPages(t, doc.PDF); got != tc.pages {
			t.Errorf("%s: the PDF has %d pages, want %d", tc.lang, got, tc.pages)
		}
		if !bytes.Contains(doc.PDF, []byte("(https://example.com/report)")) {
			t.Errorf("%s: the last slide does not link the report", tc.lang)
		}
		if doc.SHA256 != Hash(doc.PDF) {
			t.Errorf("%s: SHA256 is not the PDF's", tc.lang)
		}
		for _, want := range []string{c.Title, c.Link, wordsFor(tc.lang).readMore} {
			if !strings.Contains(doc.Alt, want) {
				t.Errorf("%s: alt text %q does not say %q", tc.lang, doc.Alt, want)
			}
		}
	}
}

// TestCarouselSlidesFit lays out each slide of a carousel with the longest texts and
// checks every glyph inside the margins.
func TestCarouselSlidesFit(t *testing.T) {
	r := testRenderer(t)
	for _, lang := range []string{"en", "fr", "ja", "zh", "ko"} {
		s := samples[lang]
		long := func(text string, n int) string { return upTo(text, s.word, n) }
		c := Carousel{Lang: lang, Title: long(s.title, maxRunes["title"]), Subtitle: long(s.subtitle, maxRunes["subtitle"]),
			Stats:     []StatLine{{long(s.figure, maxRunes["figure"]), long(s.context, maxRunes["context"])}},
			Takeaways: []string{long(s.quote, maxTakeawayRunes), s.quote},
			CTA:       long(s.title, maxCTARunes), Link: "https://example.com/" + strings.Repeat("a", 300), Source: long(s.source, 60)}
		doc, err := r.Carousel(c)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if pdfPages(t, doc.PDF) != 5 {
			t.Errorf("%s: want 5 pages", lang)
		}
		findings, _ := c.findings()
		for i, f := range findings {
			sc, err := r.layout(testFonts(t), CarouselFormat, lang, f.parts(r), "1/5")
			if err != nil {
				t.Fatal(err)
			}
			safe := safeArea(CarouselFormat)
			for _, g := range sc.glyphBoxes() {
				if !safe.contains(g) {
					t.Errorf("%s slide %d: a glyph at %v is outside the safe area", lang, i+2, g)
					break
				}
			}
		}
	}
}

func TestCarouselRefusesTooFewFindingsAndBadLinks(t *testing.T) {
	r := testRenderer(t)
	if _, err := r.Carousel(carouselOf("en", 1, 1)); err == nil || !strings.Contains(err.Error(), "at least 3") {
		t.Errorf("two findings: %v, want an error asking for at least 3", err)
	}
	c := carouselOf("en", 2, 2)
	c.Link = "javascript:alert(1)"
	if _, err := r.Carousel(c); err == nil || !strings.Contains(err.Error(), "not an http(s) URL") {
		t.Errorf("a javascript: link: %v", err)
	}
	c = carouselOf("en", 2, 2)
	c.Takeaways[0] = strings.Repeat("x", maxTakeawayRunes+1)
	if _, err := r.Carousel(c); err == nil || !strings.Contains(err.Error(), "takeaway 1") {
		t.Errorf("a takeaway too long: %v", err)
	}
}

func TestSameInputSameBytes(t *testing.T) {
	r := testRenderer(t)
	a, err := r.Carousel(carouselOf("en", 2, 2))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Carousel(carouselOf("en", 2, 2))
	if a.SHA256 != b.SHA256 {
		t.Error("the same carousel rendered twice has two hashes")
	}
	c := cardsOf("en")["stat"]
	i1, _ := r.Render(c, X)
	i2, _ := r.Render(c, X)
	c.Figure = "74%"
	i3, _ := r.Render(c, X)
	if i1.SHA256 != i2.SHA256 || i1.SHA256 == i3.SHA256 {
		t.Error("a card's hash does not follow its content")
	}
	if k := Key(i1.PNG, "png"); k != "media/"+i1.SHA256+".png" || len(i1.SHA256) != 64 {
		t.Errorf("Key = %q", k)
	}
}
