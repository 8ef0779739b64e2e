package cards

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// FuzzFit sets any text in any box: either it is refused with a reason (does not fit, a
// letter without a glyph, too long) or every character is set, in order, at a size within
// the style's range, and every glyph lies inside the box.
func FuzzFit(f *testing.F) {
	for _, s := range samples {
		f.Add(s.quote, uint8(0), uint16(900), uint16(300), uint8(40), uint8(12))
		f.Add(s.word+" "+s.context, uint8(1), uint16(120), uint16(400), uint8(60), uint8(8))
	}
	f.Add("", uint8(2), uint16(0), uint16(0), uint8(0), uint8(0))
	f.Add("a\u0301\u200d🚀\ufe0f  \n\tb", uint8(3), uint16(10), uint16(10), uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, text string, langIdx uint8, w, h uint16, sizeRange, minSize uint8) {
		// The languages whose fonts differ; each CJK face takes a while to load.
		lang := []string{"en", "ja", "zh", "ko", ""}[int(langIdx)%5]
		bw, bh := float64(w%2000)+1, float64(h%2000)+1
		mn := float64(minSize%96) + 1
		st := textStyle{faces: testFonts(t).facesFor(lang, int(sizeRange)%2), lang: lang, maxSize: mn + float64(sizeRange%96), minSize: mn, leading: leading}
		b, err := fit(text, st, bw, bh)
		var missing missingGlyphError
		if err != nil {
			if !errors.Is(err, errDoesNotFit) && !errors.As(err, &missing) && !strings.Contains(err.Error(), "characters is more than") {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		runes, err := prepare(text, st.faces)
		if err != nil {
			t.Fatal(err)
		}
		next := 0
		for _, l := range b.lines {
			for _, run := range l.runs {
				if run.Runes.Offset != next {
					t.Fatalf("characters %d..%d are missing or out of order", next, run.Runes.Offset)
				}
				next += run.Runes.Count
			}
		}
		if next != len(runes) {
			t.Fatalf("%d of %d characters set", next, len(runes))
		}
		if len(runes) == 0 {
			return
		}
		if b.size < math.Ceil(st.minSize) || b.size > math.Max(math.Floor(st.maxSize), math.Ceil(st.minSize)) {
			t.Fatalf("size %v outside %v..%v", b.size, st.minSize, st.maxSize)
		}
		box := rect{0, 0, bw, bh}
		if b.height > bh {
			t.Fatalf("height %v in a box %v high", b.height, bh)
		}
		for _, g := range b.glyphBoxes(0, 0) {
			if !box.contains(g) {
				t.Fatalf("glyph at %v outside the %v×%v box", g, bw, bh)
			}
		}
	})
}
