package cards

import (
	"fmt"
	"image/color"
	"math"
)

// part is one block of a card's body, set in the share of the body's height it may take.
type part struct {
	name     string // for errors: "quote", "title", ...
	text     string
	weight   int
	colour   color.RGBA
	maxSize  float64 // as a fraction of the image's shorter side
	minSize  float64
	share    float64 // of the body's height, at most
	maxLines int
	link     bool // PDF: the block opens its text as a URL
}

// Proportions of every layout, as fractions of the image's shorter side.
const (
	marginShare   = 0.065
	footerShare   = 0.085
	barShare      = 0.012
	gapShare      = 0.035
	leading       = 1.28
	footerMaxSize = 0.036
	footerMinSize = 0.024
)

// compose lays a card out: the accent bar along the top, the body's blocks stacked and
// centred, and a footer with the source line on the left and the logo on the right.
func (r *Renderer) compose(c Card, f Format) (*scene, error) {
	return r.layout(f, c.Lang, r.cardParts(c), footerLine(c))
}

func (r *Renderer) cardParts(c Card) []part {
	fg, accent := r.brand.Text, r.brand.Accent
	switch c.Kind {
	case Stat:
		return []part{
			{name: "figure", text: c.Figure, weight: bold, colour: accent, maxSize: 0.30, minSize: 0.08, share: 0.5, maxLines: 2},
			{name: "context", text: c.Context, weight: regular, colour: fg, maxSize: 0.075, minSize: 0.03, share: 1},
		}
	case Quote:
		return []part{
			{name: "quote", text: quoted(c.Lang, c.Quote), weight: regular, colour: fg, maxSize: 0.085, minSize: 0.03, share: 0.8},
			{name: "speaker", text: "— " + c.Speaker, weight: bold, colour: accent, maxSize: 0.045, minSize: 0.028, share: 1, maxLines: 2},
		}
	default:
		return []part{
			{name: "title", text: c.Title, weight: bold, colour: fg, maxSize: 0.12, minSize: 0.04, share: 0.65},
			{name: "subtitle", text: c.Subtitle, weight: regular, colour: r.muted, maxSize: 0.06, minSize: 0.03, share: 1},
		}
	}
}

func (r *Renderer) layout(f Format, lang string, parts []part, footer string) (*scene, error) {
	w, h := float64(f.Width), float64(f.Height)
	u := math.Min(w, h)
	m, fh, gap := math.Round(marginShare*u), math.Round(footerShare*u), math.Round(gapShare*u)
	s := &scene{width: f.Width, height: f.Height, background: r.brand.Background}
	bar := math.Max(6, math.Round(barShare*u))
	s.rects = append(s.rects, paintRect{rect{0, 0, w, bar}, r.brand.Accent})

	// Footer: the logo takes the right, the source line what is left.
	footerBox := rect{m, h - m - fh, w - m, h - m}
	textRight := footerBox.x1
	if r.logo != nil {
		b := r.logo.img.Bounds()
		lh := fh * 0.8
		lw := lh * float64(b.Dx()) / float64(b.Dy())
		if max := 0.3 * (w - 2*m); lw > max {
			lw, lh = max, max*float64(b.Dy())/float64(b.Dx())
		}
		top := footerBox.y0 + (fh-lh)/2
		s.logo, s.logoBox = r.logo, rect{footerBox.x1 - lw, top, footerBox.x1, top + lh}
		textRight = s.logoBox.x0 - gap
	}
	if footer != "" {
		st := textStyle{faces: r.fonts.facesFor(lang, regular), lang: lang, maxSize: footerMaxSize * u, minSize: footerMinSize * u, leading: 1.2, maxLines: 2}
		b, err := fit(footer, st, textRight-footerBox.x0, fh)
		if err != nil {
			return nil, fmt.Errorf("source line: %w", err)
		}
		s.texts = append(s.texts, paintText{b, footerBox.x0, footerBox.y0 + (fh-b.height)/2, r.muted})
	}

	// Body: each block fitted in turn into its share of what is left, then the stack centred.
	body := rect{m, bar + m, w - m, footerBox.y0 - gap}
	bw, bh := body.x1-body.x0, body.y1-body.y0
	var blocks []paintText
	used, linkIdx := 0.0, -1
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		if len(blocks) > 0 {
			used += gap
		}
		room := math.Min(p.share*bh, bh-used)
		st := textStyle{faces: r.fonts.facesFor(lang, p.weight), lang: lang, maxSize: p.maxSize * u, minSize: p.minSize * u, leading: leading, maxLines: p.maxLines}
		b, err := fit(p.text, st, bw, room)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
		if p.link {
			s.link, linkIdx = p.text, len(blocks)
		}
		blocks = append(blocks, paintText{b, body.x0, body.y0 + used, p.colour})
		used += b.height
	}
	shift := math.Max(0, (bh-used)/2)
	for i, t := range blocks {
		t.y += shift
		if i == linkIdx {
			s.linkBox = t.b.ink.translate(t.x, t.y)
		}
		s.texts = append(s.texts, t)
	}
	return s, nil
}
