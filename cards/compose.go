package cards

import (
	"errors"
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
	link     bool // the text is a URL, which a PDF page links
}

// Proportions of every layout, as fractions of the image's shorter side.
const (
	marginShare   = 0.065
	footerShare   = 0.085
	barShare      = 0.012
	gapShare      = 0.035
	leading       = 1.28
	footerMaxSize = 0.036
	footerMinSize = 0.02
)

// compose lays a card out: the accent bar along the top, the body's blocks stacked and
// centred, and a footer with the source line on the left and the logo on the right.
func (r *Renderer) compose(fs *fontSet, c Card, f Format) (*scene, error) {
	return r.layout(fs, f, c.Lang, r.cardParts(c), footerLine(c))
}

func (r *Renderer) cardParts(c Card) []part {
	fg, accent := r.brand.Text, r.brand.Accent
	switch c.Kind {
	case Stat:
		return []part{
			{name: "figure", text: c.Figure, weight: bold, colour: accent, maxSize: 0.30, minSize: 0.06, share: 0.5, maxLines: 3},
			{name: "context", text: c.Context, weight: regular, colour: fg, maxSize: 0.075, minSize: 0.025, share: 1},
		}
	case Quote:
		return []part{
			{name: "quote", text: quoted(c.Lang, c.Quote), weight: regular, colour: fg, maxSize: 0.085, minSize: 0.025, share: 0.8},
			{name: "speaker", text: "— " + c.Speaker, weight: bold, colour: accent, maxSize: 0.045, minSize: 0.028, share: 1},
		}
	default:
		return []part{
			{name: "title", text: c.Title, weight: bold, colour: fg, maxSize: 0.12, minSize: 0.035, share: 0.65},
			{name: "subtitle", text: c.Subtitle, weight: regular, colour: r.muted, maxSize: 0.06, minSize: 0.025, share: 1},
		}
	}
}

// layout places parts and a footer in a format, set in fs's faces: the scene must be
// painted before fs is returned.
func (r *Renderer) layout(fs *fontSet, f Format, lang string, parts []part, footer string) (*scene, error) {
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
		st := textStyle{faces: fs.facesFor(lang, regular), lang: lang, maxSize: footerMaxSize * u, minSize: footerMinSize * u, leading: 1.2, maxLines: 3}
		b, err := fit(footer, st, textRight-footerBox.x0, fh)
		if err != nil {
			return nil, fmt.Errorf("source line: %w", err)
		}
		s.texts = append(s.texts, paintText{b: b, x: footerBox.x0, y: footerBox.y0 + (fh-b.height)/2, c: r.muted})
	}

	// Body: each block fitted in turn into its share of what is left, then the stack
	// centred. When a later block does not fit, every block's largest size shrinks and the
	// body is set again, so a long subtitle takes room from a title set large.
	body := rect{m, bar + m, w - m, footerBox.y0 - gap}
	var (
		blocks []paintText
		used   float64
		err    error
	)
	for scale, tries := 1.0, 0; tries < 8; scale, tries = scale*0.8, tries+1 {
		blocks, used, err = r.stack(fs, parts, lang, body, u, gap, scale)
		if !errors.Is(err, errDoesNotFit) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	bh := body.y1 - body.y0
	shift := math.Max(0, (bh-used)/2)
	for _, t := range blocks {
		t.y += shift
		s.texts = append(s.texts, t)
	}
	return s, nil
}

// stack fits the parts one under the other into the body, each at most scale times its
// largest size (never under its smallest); it returns the blocks and the height they take.
func (r *Renderer) stack(fs *fontSet, parts []part, lang string, body rect, u, gap, scale float64) ([]paintText, float64, error) {
	bw, bh := body.x1-body.x0, body.y1-body.y0
	var blocks []paintText
	used := 0.0
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		if len(blocks) > 0 {
			used += gap
		}
		room := math.Min(p.share*bh, bh-used)
		st := textStyle{faces: fs.facesFor(lang, p.weight), lang: lang, maxSize: math.Max(p.maxSize*scale, p.minSize) * u,
			minSize: p.minSize * u, leading: leading, maxLines: p.maxLines}
		b, err := fit(p.text, st, bw, room)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", p.name, err)
		}
		if b.runes == 0 {
			return nil, 0, fmt.Errorf("%s: no font of the brand draws any of its characters", p.name)
		}
		t := paintText{b: b, x: body.x0, y: body.y0 + used, c: p.colour}
		if p.link {
			t.link = p.text
		}
		blocks = append(blocks, t)
		used += b.height
	}
	return blocks, used, nil
}
