package config

import (
	"strings"
	"testing"
)

func TestCardsDefaultToNotoOnABrandColourScheme(t *testing.T) {
	f := Defaults()
	c := f.BrandFor(f.Campaigns["default"]).Cards
	if c.Fonts.Regular != DefaultCardFontRegular || c.Fonts.CJKBold != DefaultCardFontCJKBold || c.Logo != "" {
		t.Errorf("cards = %+v", c)
	}
	for _, v := range []string{c.Background, c.Text, c.Accent} {
		if _, err := ParseColor(v); err != nil {
			t.Error(err)
		}
	}
	// A campaign's own brand gets the defaults too.
	f, err := ParseFile(strings.NewReader("campaigns:\n  launch:\n    brand:\n      cards:\n        accent: '#FFB703'\n"))
	if err != nil {
		t.Fatal(err)
	}
	c = f.BrandFor(f.Campaigns["launch"]).Cards
	if c.Accent != "#FFB703" || c.Background != "#0F172A" || c.Fonts.Bold != DefaultCardFontBold {
		t.Errorf("campaign cards = %+v", c)
	}
}

func TestCardsSettingsNameTheBadField(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"brand:\n  cards:\n    background: navy\n", `brand.cards.background: "navy" is not a colour written #RRGGBB`},
		{"brand:\n  cards:\n    text: '#12345'\n", "brand.cards.text"},
		{"brand:\n  cards:\n    text: '#1E293B'\n", "brand.cards.text: contrast with the background is 1.2:1"},
		{"brand:\n  cards:\n    background: '#FFFFFF'\n    text: '#000000'\n    accent: '#FFFF00'\n", "brand.cards.accent: contrast with the background"},
		{"brand:\n  cards:\n    logo: /etc/logo.svg\n", `brand.cards.logo: "/etc/logo.svg" must be a .png or .jpg file`},
		{"brand:\n  cards:\n    fonts:\n      cjk_bold: /fonts/x.woff2\n", "brand.cards.fonts.cjk_bold"},
		{"brand:\n  cards:\n    font: x.ttf\n", "field font is not a known setting"},
		{"campaigns:\n  launch:\n    brand:\n      cards:\n        accent: red\n", "campaigns.launch.brand.cards.accent"},
	} {
		_, err := ParseFile(strings.NewReader(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseFile(%q) error = %v, want it to mention %q", tc.yaml, err, tc.want)
		}
	}
	good := "brand:\n  cards:\n    background: '#FFFFFF'\n    text: '#111111'\n    accent: '#0A58CA'\n    logo: /etc/repurpose/logo.png\n    fonts:\n      regular: /fonts/Inter-Regular.otf\n"
	if _, err := ParseFile(strings.NewReader(good)); err != nil {
		t.Errorf("a light brand is refused: %v", err)
	}
	// Cards off reads no font, so a font setting it would refuse does not stop it.
	off := "brand:\n  cards:\n    off: true\n    fonts:\n      cjk_bold: /fonts/x.woff2\n"
	if f, err := ParseFile(strings.NewReader(off)); err != nil || !f.Brand.Cards.Off {
		t.Errorf("cards off: %v", err)
	}
}
