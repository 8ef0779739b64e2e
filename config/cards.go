package config

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"strconv"
	"strings"
)

// Default card fonts: Debian's fonts-noto-core and fonts-noto-cjk, which the Dockerfile
// copies into the image.
const (
	DefaultCardFontRegular    = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
	DefaultCardFontBold       = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
	DefaultCardFontCJKRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	DefaultCardFontCJKBold    = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
)

func (c *Cards) applyDefaults() {
	def := func(v *string, d string) {
		if *v == "" {
			*v = d
		}
	}
	def(&c.Background, "#0F172A")
	def(&c.Text, "#F8FAFC")
	def(&c.Accent, "#38BDF8")
	def(&c.Fonts.Regular, DefaultCardFontRegular)
	def(&c.Fonts.Bold, DefaultCardFontBold)
	def(&c.Fonts.CJKRegular, DefaultCardFontCJKRegular)
	def(&c.Fonts.CJKBold, DefaultCardFontCJKBold)
}

// ParseColor reads a colour written #RRGGBB.
func ParseColor(s string) (color.RGBA, error) {
	hex, ok := strings.CutPrefix(s, "#")
	if !ok || len(hex) != 6 {
		return color.RGBA{}, fmt.Errorf("%q is not a colour written #RRGGBB", s)
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return color.RGBA{}, fmt.Errorf("%q is not a colour written #RRGGBB", s)
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}, nil
}

// contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func contrast(a, b color.RGBA) float64 {
	lum := func(c color.RGBA) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func (c *Cards) validate(path string, bad func(path, format string, args ...any)) {
	colours := map[string]color.RGBA{}
	for _, f := range []struct{ name, v string }{{"background", c.Background}, {"text", c.Text}, {"accent", c.Accent}} {
		rgba, err := ParseColor(f.v)
		if err != nil {
			bad(path+"."+f.name, "%v", err)
			continue
		}
		colours[f.name] = rgba
	}
	bg, okBG := colours["background"]
	if fg, ok := colours["text"]; ok && okBG {
		if r := contrast(fg, bg); r < 4.5 {
			bad(path+".text", "contrast with the background is %.1f:1; text needs at least 4.5:1 to be read", r)
		}
	}
	if ac, ok := colours["accent"]; ok && okBG {
		if r := contrast(ac, bg); r < 3 {
			bad(path+".accent", "contrast with the background is %.1f:1; the accent needs at least 3:1", r)
		}
	}
	if c.Logo != "" {
		switch strings.ToLower(filepath.Ext(c.Logo)) {
		case ".png", ".jpg", ".jpeg":
		default:
			bad(path+".logo", "%q must be a .png or .jpg file", c.Logo)
		}
	}
	if c.Off {
		return // nothing reads the fonts
	}
	for _, f := range []struct{ name, v string }{{"regular", c.Fonts.Regular}, {"bold", c.Fonts.Bold}, {"cjk_regular", c.Fonts.CJKRegular}, {"cjk_bold", c.Fonts.CJKBold}} {
		switch strings.ToLower(filepath.Ext(f.v)) {
		case ".ttf", ".otf", ".ttc", ".otc":
		default:
			bad(path+".fonts."+f.name, "%q must be a .ttf, .otf or .ttc font file", f.v)
		}
	}
}
