package cards

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// textStyle is how one block of text is set, and how far it may shrink to fit its box.
type textStyle struct {
	faces    faces
	lang     string
	maxSize  float64 // px
	minSize  float64 // px
	leading  float64 // line pitch, as a multiple of the size
	maxLines int     // 0: as many as fit
}

// block is text set to fit a box: shaped lines, positioned from the box's top-left corner.
type block struct {
	size   float64
	lines  []setLine
	ink    rect    // union of the glyphs' drawn boxes
	height float64 // of the lines' boxes, at least the ink's bottom
	runes  int     // runes set, after spaces were collapsed
}

type setLine struct {
	x, baseline float64
	runs        []shaping.Output
}

// rect is a box in pixels, y growing down.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) empty() bool { return r.x1 <= r.x0 || r.y1 <= r.y0 }

func (r rect) union(o rect) rect {
	if r.empty() {
		return o
	}
	if o.empty() {
		return r
	}
	return rect{math.Min(r.x0, o.x0), math.Min(r.y0, o.y0), math.Max(r.x1, o.x1), math.Max(r.y1, o.y1)}
}

func (r rect) translate(dx, dy float64) rect { return rect{r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy} }

func (r rect) contains(o rect) bool {
	return o.empty() || (o.x0 >= r.x0 && o.y0 >= r.y0 && o.x1 <= r.x1 && o.y1 <= r.y1)
}

// maxFitRunes bounds the text one block may hold; cards' own limits are far below it.
const maxFitRunes = 2000

// errDoesNotFit is returned when text does not fit its box even at the smallest size.
var errDoesNotFit = errors.New("does not fit")

// missingGlyphError names a letter or digit no font of the brand can draw: the text is
// refused rather than drawn with a missing-glyph box.
type missingGlyphError struct{ r rune }

func (e missingGlyphError) Error() string {
	return fmt.Sprintf("no font of the brand has a glyph for %q (U+%04X): name a font that has it under brand.cards.fonts", e.r, e.r)
}

// prepare collapses white space and drops what no font draws and no reader misses:
// format characters and variation selectors everywhere, and symbols (emoji) that no face
// has. A letter or digit no face has is an error.
func prepare(text string, fl faces) ([]rune, error) {
	text = strings.Join(strings.Fields(text), " ")
	out := make([]rune, 0, len(text))
	for _, r := range text {
		switch {
		case r == ' ':
		case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r), unicode.IsControl(r), r == unicode.ReplacementChar:
			continue
		case !fl.has(r):
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				return nil, missingGlyphError{r}
			}
			continue
		}
		out = append(out, r)
	}
	if len(out) > maxFitRunes {
		return nil, fmt.Errorf("%d characters is more than the %d a block of text may hold", len(out), maxFitRunes)
	}
	return []rune(strings.Join(strings.Fields(string(out)), " ")), nil
}

// fit sets text in the largest size, from st.maxSize down to st.minSize, at which every
// glyph lies inside a w×h box: lines are broken where UAX #14 allows (between words, and
// between characters in CJK text), a word wider than the box is broken between graphemes.
// Nothing is ever cut: text that does not fit at the smallest size is errDoesNotFit.
func fit(text string, st textStyle, w, h float64) (block, error) {
	runes, err := prepare(text, st.faces)
	if err != nil {
		return block{}, err
	}
	if len(runes) == 0 {
		return block{}, nil
	}
	var seg shaping.Segmenter
	inputs := append([]shaping.Input(nil), seg.Split(shaping.Input{
		Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Language: languageOf(st.lang),
	}, st.faces)...)
	l := layouter{runes: runes, inputs: inputs, st: st, w: w, h: h}
	lo, hi := max(1, int(math.Ceil(st.minSize))), int(math.Floor(st.maxSize))
	hi = max(hi, lo) // whole pixels: a range within one pixel is its upper end
	if b, ok, err := l.try(hi); err != nil || ok {
		return b, err
	}
	best, ok, err := l.try(lo)
	if err != nil || !ok {
		return block{}, errors.Join(err, errDoesNotFit)
	}
	for hi-lo > 1 { // the largest size that fits, by bisection
		mid := (lo + hi) / 2
		b, ok, err := l.try(mid)
		if err != nil {
			return block{}, err
		}
		if ok {
			lo, best = mid, b
		} else {
			hi = mid
		}
	}
	return best, nil
}

type layouter struct {
	runes   []rune
	inputs  []shaping.Input
	st      textStyle
	w, h    float64
	shaper  shaping.HarfbuzzShaper
	wrapper shaping.LineWrapper
}

func toFixed(v float64) fixed.Int26_6   { return fixed.Int26_6(math.Round(v * 64)) }
func fromFixed(v fixed.Int26_6) float64 { return float64(v) / 64 }

// try sets the text at one size and reports whether it fits.
func (l *layouter) try(size int) (block, bool, error) {
	outs := make([]shaping.Output, len(l.inputs))
	for i, in := range l.inputs {
		in.Size = fixed.I(size)
		outs[i] = l.shaper.Shape(in)
		for _, g := range outs[i].Glyphs {
			if g.GlyphID == 0 && !unicode.IsSpace(l.runes[g.ClusterIndex]) {
				return block{}, false, missingGlyphError{l.runes[g.ClusterIndex]}
			}
		}
	}
	lines, _ := l.wrapper.WrapParagraphF(shaping.WrapConfig{BreakPolicy: shaping.WhenNecessary}, toFixed(l.w), l.runes, shaping.NewSliceIterator(outs))
	if l.st.maxLines > 0 && len(lines) > l.st.maxLines {
		return block{}, false, nil
	}
	b := block{size: float64(size), runes: len(l.runes)}
	pitch := l.st.leading * float64(size)
	baseline := 0.0
	for i, ln := range lines {
		var ascent, descent, width float64
		for _, run := range ln {
			ascent = math.Max(ascent, fromFixed(run.LineBounds.Ascent))
			descent = math.Max(descent, -fromFixed(run.LineBounds.Descent))
			width += fromFixed(run.Advance)
		}
		if i == 0 {
			baseline = ascent
		} else {
			baseline += pitch
		}
		if width > l.w {
			return block{}, false, nil
		}
		// The wrapper reuses its lines' memory on the next call: keep a copy.
		runs := make([]shaping.Output, len(ln))
		for j, run := range ln {
			run.Glyphs = append([]shaping.Glyph(nil), run.Glyphs...)
			runs[j] = run
		}
		sl := setLine{baseline: baseline, runs: runs}
		b.ink = b.ink.union(sl.ink())
		b.lines = append(b.lines, sl)
		b.height = baseline + descent
	}
	// A glyph reaching left of the pen or above the ascent moves the block, not out of it.
	dx, dy := math.Max(0, -b.ink.x0), math.Max(0, -b.ink.y0)
	for i := range b.lines {
		b.lines[i].x += dx
		b.lines[i].baseline += dy
	}
	b.ink = b.ink.translate(dx, dy)
	b.height = math.Max(b.height+dy, b.ink.y1)
	box := rect{0, 0, l.w, l.h}
	return b, b.height <= l.h && box.contains(b.ink), nil
}

// glyphs calls f for each glyph of a line with its pen position (x, baseline).
func (sl setLine) glyphs(f func(run *shaping.Output, g shaping.Glyph, x, y float64)) {
	pen := sl.x
	for i := range sl.runs {
		run := &sl.runs[i]
		for _, g := range run.Glyphs {
			f(run, g, pen+fromFixed(g.XOffset), sl.baseline-fromFixed(g.YOffset))
			pen += fromFixed(g.Advance)
		}
	}
}

// glyphInk is the box a glyph draws in, with its pen at (x, y).
func glyphInk(g shaping.Glyph, x, y float64) rect {
	x0 := x + fromFixed(g.XBearing)
	y0 := y - fromFixed(g.YBearing)
	return rect{x0, y0, x0 + fromFixed(g.Width), y0 - fromFixed(g.Height)}
}

func (sl setLine) ink() rect {
	var r rect
	sl.glyphs(func(_ *shaping.Output, g shaping.Glyph, x, y float64) { r = r.union(glyphInk(g, x, y)) })
	return r
}

// glyphBoxes are the drawn boxes of every glyph of a block placed at (x, y).
func (b block) glyphBoxes(x, y float64) []rect {
	var out []rect
	for _, sl := range b.lines {
		sl.glyphs(func(_ *shaping.Output, g shaping.Glyph, gx, gy float64) {
			if r := glyphInk(g, gx, gy); !r.empty() {
				out = append(out, r.translate(x, y))
			}
		})
	}
	return out
}
