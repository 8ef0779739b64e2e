package cards

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/shaping"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"
)

// scene is one image as shapes to paint, so a card and a carousel slide are composed once
// and painted the same way to PNG and to PDF.
type scene struct {
	width, height int
	background    color.RGBA
	rects         []paintRect
	texts         []paintText
	logo          *logo
	logoBox       rect
}

type paintRect struct {
	r rect
	c color.RGBA
}

type paintText struct {
	b    block
	x, y float64 // the block's top-left corner
	c    color.RGBA
	link string // a URL the text opens, in a PDF
}

// glyphBoxes are the drawn boxes of every glyph of the scene.
func (s *scene) glyphBoxes() []rect {
	var out []rect
	for _, t := range s.texts {
		out = append(out, t.b.glyphBoxes(t.x, t.y)...)
	}
	return out
}

// pather receives a glyph's outline; vector.Rasterizer is one.
type pather interface {
	MoveTo(x, y float32)
	LineTo(x, y float32)
	QuadTo(x1, y1, x2, y2 float32)
	CubeTo(x1, y1, x2, y2, x3, y3 float32)
	ClosePath()
}

// traceGlyph sends a glyph's outline, scaled from font units to size px and flipped to
// y-down, with its pen at (x, y).
func traceGlyph(p pather, face *font.Face, gid font.GID, size, x, y float64) bool {
	o, ok := face.GlyphData(gid).(font.GlyphOutline)
	if !ok || len(o.Segments) == 0 {
		return false
	}
	k := float32(size / float64(face.Upem()))
	fx, fy := float32(x), float32(y)
	pt := func(q opentype.SegmentPoint) (float32, float32) { return fx + q.X*k, fy - q.Y*k }
	for i, s := range o.Segments {
		a := s.Args
		switch s.Op {
		case opentype.SegmentOpMoveTo:
			if i > 0 {
				p.ClosePath()
			}
			p.MoveTo(pt(a[0]))
		case opentype.SegmentOpLineTo:
			p.LineTo(pt(a[0]))
		case opentype.SegmentOpQuadTo:
			x1, y1 := pt(a[0])
			x2, y2 := pt(a[1])
			p.QuadTo(x1, y1, x2, y2)
		case opentype.SegmentOpCubeTo:
			x1, y1 := pt(a[0])
			x2, y2 := pt(a[1])
			x3, y3 := pt(a[2])
			p.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	p.ClosePath()
	return true
}

// eachGlyph calls f with every glyph of the scene's texts, placed.
func (s *scene) eachGlyph(f func(face *font.Face, gid font.GID, size, x, y float64, ink rect, c color.RGBA)) {
	for _, t := range s.texts {
		for _, sl := range t.b.lines {
			sl.glyphs(func(run *shaping.Output, g shaping.Glyph, gx, gy float64) {
				ink := glyphInk(g, gx, gy).translate(t.x, t.y)
				if !ink.empty() {
					f(run.Face, g.GlyphID, t.b.size, gx+t.x, gy+t.y, ink, t.c)
				}
			})
		}
	}
}

// canvases reuses image buffers between renders: a 1600×900 card is 5.8 MB of pixels.
var canvases sync.Pool

// raster paints the scene into an RGBA image; release returns it for reuse.
func (s *scene) raster() (img *image.RGBA, release func()) {
	img, _ = canvases.Get().(*image.RGBA)
	if img == nil || img.Rect.Dx() != s.width || img.Rect.Dy() != s.height {
		img = image.NewRGBA(image.Rect(0, 0, s.width, s.height))
	}
	xdraw.Draw(img, img.Bounds(), image.NewUniform(s.background), image.Point{}, xdraw.Src)
	for _, r := range s.rects {
		xdraw.Draw(img, pixelRect(r.r).Intersect(img.Bounds()), image.NewUniform(r.c), image.Point{}, xdraw.Over)
	}
	if s.logo != nil {
		xdraw.CatmullRom.Scale(img, pixelRect(s.logoBox), s.logo.img, s.logo.img.Bounds(), xdraw.Over, nil)
	}
	var z vector.Rasterizer
	s.eachGlyph(func(face *font.Face, gid font.GID, size, x, y float64, ink rect, c color.RGBA) {
		// The glyph's own box, a pixel wider each way for antialiasing.
		box := pixelRect(ink).Inset(-1).Intersect(img.Bounds())
		if box.Empty() {
			return
		}
		z.Reset(box.Dx(), box.Dy())
		if traceGlyph(&z, face, gid, size, x-float64(box.Min.X), y-float64(box.Min.Y)) {
			z.Draw(img, box, image.NewUniform(c), image.Point{})
		}
	})
	return img, func() { canvases.Put(img) }
}

func pixelRect(r rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.x0)), int(math.Floor(r.y0)), int(math.Ceil(r.x1)), int(math.Ceil(r.y1)))
}

// pngEncoder uses BestSpeed: cards are flat colour, which compresses well anyway, and
// the encoder's buffers are reused between cards.
var pngEncoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pngBuffers{}}

type pngBuffers struct{ sync.Pool }

func (p *pngBuffers) Get() *png.EncoderBuffer {
	b, _ := p.Pool.Get().(*png.EncoderBuffer)
	return b
}
func (p *pngBuffers) Put(b *png.EncoderBuffer) { p.Pool.Put(b) }

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := &pngEncoder
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pdfPointsPerPixel maps a 1080 px slide to a 810 pt (11.25 in) page: 96 px to the inch.
const pdfPointsPerPixel = 0.75

// fixedPDFDate keeps a document's bytes, and so its content hash, the same for the same
// slides.
var fixedPDFDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// pdfDoc paints scenes as the pages of one PDF, text as filled glyph outlines.
type pdfDoc struct {
	pdf   *fpdf.Fpdf
	logos map[*logo]string
}

func newPDF(f Format, title, lang string) *pdfDoc {
	size := fpdf.SizeType{Wd: float64(f.Width) * pdfPointsPerPixel, Ht: float64(f.Height) * pdfPointsPerPixel}
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: size})
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetCreationDate(fixedPDFDate)
	p.SetModificationDate(fixedPDFDate)
	p.SetProducer("repurpose", false)
	p.SetTitle(title, true)
	if lang != "" {
		p.SetLang(lang)
	}
	return &pdfDoc{pdf: p, logos: map[*logo]string{}}
}

// pdfPather adapts fpdf's path calls to pather, scaling pixels to points.
type pdfPather struct{ p *fpdf.Fpdf }

func pp(v float32) float64 { return float64(v) * pdfPointsPerPixel }

func (q pdfPather) MoveTo(x, y float32)           { q.p.MoveTo(pp(x), pp(y)) }
func (q pdfPather) LineTo(x, y float32)           { q.p.LineTo(pp(x), pp(y)) }
func (q pdfPather) QuadTo(x1, y1, x2, y2 float32) { q.p.CurveTo(pp(x1), pp(y1), pp(x2), pp(y2)) }
func (q pdfPather) CubeTo(x1, y1, x2, y2, x3, y3 float32) {
	q.p.CurveBezierCubicTo(pp(x1), pp(y1), pp(x2), pp(y2), pp(x3), pp(y3))
}
func (q pdfPather) ClosePath() { q.p.ClosePath() }

func (d *pdfDoc) page(s *scene) {
	p := d.pdf
	k := pdfPointsPerPixel
	p.AddPageFormat("P", fpdf.SizeType{Wd: float64(s.width) * k, Ht: float64(s.height) * k})
	fill := func(c color.RGBA) { p.SetFillColor(int(c.R), int(c.G), int(c.B)) }
	fill(s.background)
	p.Rect(0, 0, float64(s.width)*k, float64(s.height)*k, "F")
	for _, r := range s.rects {
		fill(r.c)
		p.Rect(r.r.x0*k, r.r.y0*k, (r.r.x1-r.r.x0)*k, (r.r.y1-r.r.y0)*k, "F")
	}
	if s.logo != nil {
		name, ok := d.logos[s.logo]
		if !ok {
			name = fmt.Sprintf("logo%d", len(d.logos))
			p.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: s.logo.format}, bytes.NewReader(s.logo.data))
			d.logos[s.logo] = name
		}
		b := s.logoBox
		p.ImageOptions(name, b.x0*k, b.y0*k, (b.x1-b.x0)*k, (b.y1-b.y0)*k, false, fpdf.ImageOptions{ImageType: s.logo.format}, 0, "")
	}
	s.eachGlyph(func(face *font.Face, gid font.GID, size, x, y float64, _ rect, c color.RGBA) {
		fill(c)
		if traceGlyph(pdfPather{p}, face, gid, size, x, y) {
			p.DrawPath("F")
		}
	})
	for _, t := range s.texts {
		if t.link != "" {
			b := t.b.ink.translate(t.x, t.y)
			p.LinkString(b.x0*k, b.y0*k, (b.x1-b.x0)*k, (b.y1-b.y0)*k, t.link)
		}
	}
}

func (d *pdfDoc) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}
