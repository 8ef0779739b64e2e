package cards

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Carousel is the text of a LinkedIn document carousel: a title slide, one slide per
// finding (the best stats first, then takeaways), and a call to action with the link.
type Carousel struct {
	Lang            string
	Title, Subtitle string
	Stats           []StatLine // in order of importance
	Takeaways       []string   // in order of importance
	CTA             string     // the last slide's invitation; default "Read more" in Lang
	Link            string     // http(s) URL the last slide shows and links
	Source          string     // the publication, shown on every slide
}

// StatLine is a figure and what it counts.
type StatLine struct{ Figure, Context string }

// Document is a rendered carousel.
type Document struct {
	PDF    []byte
	Pages  int
	Format Format
	Alt    string // says what the slides say, in order
	SHA256 string // of PDF: the document's storage key is Key(PDF, "pdf")
}

// Slides of a carousel: with a title and a call to action, 5 to 10.
const (
	MinFindings = 3
	MaxFindings = 8
)

// CarouselFormat is the square page of a document carousel.
var CarouselFormat = Format{"linkedin-carousel", 1080, 1080}

const (
	maxTakeawayRunes = 280
	maxCTARunes      = 120
	maxLinkRunes     = 400
)

// Carousel renders a carousel as a PDF of square pages.
func (r *Renderer) Carousel(c Carousel) (Document, error) {
	findings, err := c.findings()
	if err != nil {
		return Document{}, err
	}
	w := wordsFor(c.Lang)
	cta := strings.TrimSpace(c.CTA)
	if cta == "" {
		cta = w.readMore
	}
	if n := utf8.RuneCountInString(cta); n > maxCTARunes {
		return Document{}, fmt.Errorf("the call to action is %d characters; a slide takes at most %d", n, maxCTARunes)
	}
	if err := checkLink(c.Link); err != nil {
		return Document{}, err
	}
	title := Card{Kind: Title, Lang: c.Lang, Title: c.Title, Subtitle: c.Subtitle}
	if err := title.check(); err != nil {
		return Document{}, err
	}
	fg, accent := r.brand.Text, r.brand.Accent
	slides := [][]part{r.cardParts(title)}
	alts := []string{title.Title, title.Subtitle}
	for _, f := range findings {
		slides = append(slides, f.parts(r))
		alts = append(alts, f.alt(w))
	}
	cta1 := []part{{name: "call to action", text: cta, weight: bold, colour: fg, maxSize: 0.1, minSize: 0.04, share: 0.6}}
	if c.Link != "" {
		cta1 = append(cta1, part{name: "link", text: c.Link, weight: regular, colour: accent, maxSize: 0.05, minSize: 0.022, share: 1, link: true})
	}
	slides = append(slides, cta1)
	alts = append(alts, cta)

	doc := newPDF(CarouselFormat, c.Title, c.Lang)
	fs := r.borrowFonts()
	defer r.returnFonts(fs)
	for i, parts := range slides {
		footer := strconv.Itoa(i+1) + "/" + strconv.Itoa(len(slides))
		if src := strings.TrimSpace(c.Source); src != "" {
			footer += " · " + src
		}
		s, err := r.layout(fs, CarouselFormat, c.Lang, parts, footer)
		if err != nil {
			return Document{}, fmt.Errorf("slide %d: %w", i+1, err)
		}
		doc.page(s)
	}
	data, err := doc.bytes()
	if err != nil {
		return Document{}, err
	}
	alt := strings.ReplaceAll(w.slides, "{n}", strconv.Itoa(len(slides))) + w.colon + joinSentences(w, alts...)
	if c.Link != "" {
		alt += " " + c.Link // no full stop after it, which would read as part of the URL
	}
	return Document{PDF: data, Pages: len(slides), Format: CarouselFormat, Alt: alt, SHA256: Hash(data)}, nil
}

// finding is one slide between the title and the call to action.
type finding struct {
	stat     *StatLine
	takeaway string
}

func (f finding) parts(r *Renderer) []part {
	if f.stat != nil {
		return r.cardParts(Card{Kind: Stat, Figure: f.stat.Figure, Context: f.stat.Context})
	}
	return []part{{name: "takeaway", text: f.takeaway, weight: bold, colour: r.brand.Text, maxSize: 0.085, minSize: 0.03, share: 1}}
}

func (f finding) alt(w words) string {
	if f.stat != nil {
		return strings.TrimSpace(f.stat.Figure) + w.figureSep + strings.TrimSpace(f.stat.Context)
	}
	return f.takeaway
}

// findings are the stats, then the takeaways, at most MaxFindings; fewer than
// MinFindings make no carousel.
func (c Carousel) findings() ([]finding, error) {
	var out []finding
	for i := range c.Stats {
		s := c.Stats[i]
		if strings.TrimSpace(s.Figure) == "" || strings.TrimSpace(s.Context) == "" {
			return nil, fmt.Errorf("stat %d needs a figure and its context", i+1)
		}
		if err := (Card{Kind: Stat, Figure: s.Figure, Context: s.Context}).check(); err != nil {
			return nil, fmt.Errorf("stat %d: %w", i+1, err)
		}
		if len(out) < MaxFindings {
			out = append(out, finding{stat: &s})
		}
	}
	for i, t := range c.Takeaways {
		t = strings.TrimSpace(t)
		if t == "" {
			return nil, fmt.Errorf("takeaway %d is empty", i+1)
		}
		if n := utf8.RuneCountInString(t); n > maxTakeawayRunes {
			return nil, fmt.Errorf("takeaway %d is %d characters; a slide takes at most %d", i+1, n, maxTakeawayRunes)
		}
		if len(out) < MaxFindings {
			out = append(out, finding{takeaway: t})
		}
	}
	if len(out) < MinFindings {
		return nil, fmt.Errorf("a carousel needs at least %d stats and takeaways, for 5 slides; this has %d", MinFindings, len(out))
	}
	return out, nil
}

// checkLink accepts "" (a call to action without a link) or an http(s) URL.
func checkLink(link string) error {
	if link == "" {
		return nil
	}
	if n := utf8.RuneCountInString(link); n > maxLinkRunes {
		return fmt.Errorf("the link is %d characters; a slide takes at most %d", n, maxLinkRunes)
	}
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(link, " \t\n") {
		return fmt.Errorf("the link %q is not an http(s) URL", link)
	}
	return nil
}
