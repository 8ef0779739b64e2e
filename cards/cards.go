// Package cards renders the images posts carry: stat, quote and title cards as PNG in each
// channel's size, and a LinkedIn document carousel as PDF. It takes plain text and a brand
// (colours, logo, fonts), sets the text with real shaping in Latin, CJK and Hangul script,
// sizes it to fit its box — never clipped, never overflowing — and writes alt text in the
// document's language that says what the image says.
package cards

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // logos may be JPEG
	"math"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/repurpose/repurpose/config"
)

// Kind is what a card shows.
type Kind string

// Kinds of card.
const (
	Stat  Kind = "stat"  // a figure, large, with one line of context and its source
	Quote Kind = "quote" // a quote and its speaker
	Title Kind = "title" // a document's title and subtitle
)

// Card is the text of one card. Only the fields of its kind are drawn.
type Card struct {
	Kind Kind
	// Lang is the document's language (en, ja, pt-BR, ...): it picks the CJK glyph forms,
	// the words the card adds ("Source") and the alt text's language.
	Lang     string
	Figure   string // stat: "73%", "3×", "$4.2M"
	Context  string // stat: what the figure counts
	Quote    string // quote: the words, without quotation marks
	Speaker  string // quote: who said them
	Title    string // title
	Subtitle string // title
	// Source names where the card's words come from: on a stat card "Source: …", on the
	// others the publication's name. Optional.
	Source string
}

// Longest texts a card takes, in characters; longer text is refused, not cut.
var maxRunes = map[string]int{
	"figure": 24, "context": 280, "quote": 400, "speaker": 100, "title": 160, "subtitle": 240, "source": 100,
}

// Format is an image size for a channel.
type Format struct {
	Name          string
	Width, Height int
}

// Formats per channel: X, Mastodon and Bluesky show 16:9; LinkedIn a square or a 4:5
// portrait; Open Graph link previews 1200×630.
var (
	X                = Format{"x", 1600, 900}
	Mastodon         = Format{"mastodon", 1600, 900}
	Bluesky          = Format{"bluesky", 1600, 900}
	LinkedInSquare   = Format{"linkedin-square", 1080, 1080}
	LinkedInPortrait = Format{"linkedin-portrait", 1080, 1350}
	OpenGraph        = Format{"og", 1200, 630}
)

// Formats are every format, in a stable order.
var Formats = []Format{X, Mastodon, Bluesky, LinkedInSquare, LinkedInPortrait, OpenGraph}

// FormatFor is a channel's card format: x, mastodon, bluesky, linkedin or og.
func FormatFor(channel string) (Format, bool) {
	if channel == "linkedin" {
		return LinkedInSquare, true
	}
	for _, f := range Formats {
		if f.Name == channel {
			return f, true
		}
	}
	return Format{}, false
}

// Image is a rendered card.
type Image struct {
	Format Format
	PNG    []byte
	Alt    string
	SHA256 string // of PNG: the image's storage key is Key(PNG, "png")
}

// Brand is how cards look.
type Brand struct {
	Background, Text, Accent color.RGBA
	Logo                     string // PNG or JPEG file, "" for none
	Fonts                    FontFiles
}

// BrandOf turns the configuration's card settings into a Brand.
func BrandOf(c config.Cards) (Brand, error) {
	var errs []error
	colour := func(name, v string) color.RGBA {
		rgba, err := config.ParseColor(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("brand.cards.%s: %w", name, err))
		}
		return rgba
	}
	b := Brand{
		Background: colour("background", c.Background), Text: colour("text", c.Text), Accent: colour("accent", c.Accent),
		Logo:  c.Logo,
		Fonts: FontFiles{Regular: c.Fonts.Regular, Bold: c.Fonts.Bold, CJKRegular: c.Fonts.CJKRegular, CJKBold: c.Fonts.CJKBold},
	}
	return b, errors.Join(errs...)
}

// DefaultBrand is the look of cards with no brand configured.
func DefaultBrand() Brand {
	b, err := BrandOf(config.Defaults().Brand.Cards)
	if err != nil {
		panic(err) // the defaults are constants
	}
	return b
}

// Renderer renders cards and carousels in one brand. It is safe for concurrent use.
type Renderer struct {
	brand Brand
	fonts brandFonts
	sets  sync.Pool // of *fontSet: one per render in progress
	logo  *logo
	muted color.RGBA // the source line: text colour, softened toward the background
}

// borrowFonts takes a font set for one render; returnFonts gives it back once nothing
// drawn with it is painted any more.
func (r *Renderer) borrowFonts() *fontSet {
	if fs, ok := r.sets.Get().(*fontSet); ok {
		return fs
	}
	return newFontSet(r.fonts)
}

func (r *Renderer) returnFonts(fs *fontSet) { r.sets.Put(fs) }

// logo is a decoded logo and the file it came from (which a PDF embeds as it is).
type logo struct {
	img    image.Image
	data   []byte
	format string // PNG or JPG, as fpdf names them
}

// maxLogoBytes bounds the logo file read into memory.
const maxLogoBytes = 8 << 20

// NewRenderer loads a brand's fonts and logo; a missing file is an error naming it.
func NewRenderer(b Brand) (*Renderer, error) {
	fonts, err := openFonts(b.Fonts)
	if err != nil {
		return nil, err
	}
	r := &Renderer{brand: b, fonts: fonts, muted: blend(b.Text, b.Background, 0.72)}
	if b.Logo != "" {
		if r.logo, err = loadLogo(b.Logo); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func loadLogo(path string) (*logo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("logo: %w", err)
	}
	if st.Size() > maxLogoBytes {
		return nil, fmt.Errorf("logo %s: %d bytes is more than the %d a logo may have", path, st.Size(), maxLogoBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("logo: %w", err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, fmt.Errorf("logo %s is not a PNG or JPEG image", path)
	}
	if cfg.Width > 8000 || cfg.Height > 8000 || cfg.Width == 0 || cfg.Height == 0 {
		return nil, fmt.Errorf("logo %s is %d×%d pixels; use one within 8000×8000", path, cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("logo %s: %w", path, err)
	}
	pdfType := map[string]string{"png": "PNG", "jpeg": "JPG"}[format]
	return &logo{img: img, data: data, format: pdfType}, nil
}

// blend mixes a over b, with weight w of a.
func blend(a, b color.RGBA, w float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*w + float64(y)*(1-w))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// Hash is the hex SHA-256 of an image or document: its identity in storage.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Key is where rendered bytes are stored: under their content hash, so the same card
// rendered twice is stored once and a changed card never overwrites the old one.
func Key(data []byte, ext string) string { return "media/" + Hash(data) + "." + ext }

// Render draws a card in a format.
func (r *Renderer) Render(c Card, f Format) (Image, error) {
	if err := c.check(); err != nil {
		return Image{}, err
	}
	fs := r.borrowFonts()
	s, err := r.compose(fs, c, f)
	if err != nil {
		r.returnFonts(fs)
		return Image{}, err
	}
	img, release := s.raster()
	r.returnFonts(fs)
	data, err := encodePNG(img)
	release()
	if err != nil {
		return Image{}, err
	}
	return Image{Format: f, PNG: data, Alt: altText(c), SHA256: Hash(data)}, nil
}

// check refuses a card without its kind's text, or with text longer than a card takes.
func (c Card) check() error {
	var need []string
	switch c.Kind {
	case Stat:
		need = []string{"figure", "context"}
	case Quote:
		need = []string{"quote", "speaker"}
	case Title:
		need = []string{"title"}
	default:
		return fmt.Errorf("card kind %q is not one of stat, quote, title", c.Kind)
	}
	fields := map[string]string{"figure": c.Figure, "context": c.Context, "quote": c.Quote, "speaker": c.Speaker,
		"title": c.Title, "subtitle": c.Subtitle, "source": c.Source}
	for _, name := range need {
		if strings.TrimSpace(fields[name]) == "" {
			return fmt.Errorf("a %s card needs its %s", c.Kind, name)
		}
	}
	for _, name := range []string{"figure", "context", "quote", "speaker", "title", "subtitle", "source"} {
		v := fields[name]
		if !utf8.ValidString(v) {
			return fmt.Errorf("the %s is not valid UTF-8", name)
		}
		if n := utf8.RuneCountInString(v); n > maxRunes[name] {
			return fmt.Errorf("the %s is %d characters; a card takes at most %d", name, n, maxRunes[name])
		}
	}
	return nil
}
