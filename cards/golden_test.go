package cards

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math/bits"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/cards.txt from the current rendering")

// Perceptual hashes: the card shrunk to hashW×hashH grey cells, one bit per cell (darker
// or lighter than the mean). Layout changes — a line wrapped elsewhere, a block set at
// another size or moved — flip many bits; antialiasing and a font's small revisions flip
// few.
const (
	hashW, hashH   = 48, 27
	hashTolerance  = hashW * hashH * 3 / 100 // bits that may differ
	goldenHashFile = "testdata/golden/cards.txt"
)

func perceptualHash(img *image.RGBA) []uint64 {
	b := img.Bounds()
	var cells [hashW * hashH]float64
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < b.Dx(); x++ {
			p := row[4*x:]
			cells[(y*hashH/b.Dy())*hashW+x*hashW/b.Dx()] += 0.299*float64(p[0]) + 0.587*float64(p[1]) + 0.114*float64(p[2])
		}
	}
	mean := 0.0
	for _, c := range cells {
		mean += c / float64(len(cells))
	}
	out := make([]uint64, (len(cells)+63)/64)
	for i, c := range cells {
		if c > mean {
			out[i/64] |= 1 << (i % 64)
		}
	}
	return out
}

func hashHex(h []uint64) string {
	var s strings.Builder
	for _, w := range h {
		fmt.Fprintf(&s, "%016x", w)
	}
	return s.String()
}

func parseHashHex(s string) ([]uint64, error) {
	var out []uint64
	for len(s) >= 16 {
		var w uint64
		if _, err := fmt.Sscanf(s[:16], "%016x", &w); err != nil {
			return nil, err
		}
		out, s = append(out, w), s[16:]
	}
	return out, nil
}

// TestCardsLookAsTheyDid compares en, es, ja, zh and ko cards with their perceptual
// hashes in testdata/golden/cards.txt: go test ./cards -run LookAsTheyDid -update
// rewrites them after a change that is meant (look at the cards first).
func TestCardsLookAsTheyDid(t *testing.T) {
	r := testRenderer(t)
	got := map[string]string{}
	for _, lang := range []string{"en", "es", "ja", "zh", "ko"} {
		for _, kind := range []string{"stat", "quote", "title", "quote-long"} {
			for _, f := range []Format{X, LinkedInSquare, OpenGraph} {
				im, err := r.Render(cardsOf(lang)[kind], f)
				if err != nil {
					t.Fatal(err)
				}
				got[lang+"-"+kind+"-"+f.Name] = hashHex(perceptualHash(decodeRGBA(t, im.PNG)))
			}
		}
	}
	if *update {
		names := make([]string, 0, len(got))
		for n := range got {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "%s %s\n", n, got[n])
		}
		if err := os.MkdirAll(filepath.Dir(goldenHashFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenHashFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(goldenHashFile)
	if err != nil {
		t.Fatalf("%v (run go test ./cards -run LookAsTheyDid -update)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, h, _ := strings.Cut(sc.Text(), " ")
		want[name] = h
	}
	for name, g := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s has no golden hash (run with -update)", name)
			continue
		}
		gh, _ := parseHashHex(g)
		wh, err := parseHashHex(w)
		if err != nil || len(wh) != len(gh) {
			t.Errorf("%s: bad golden hash %q", name, w)
			continue
		}
		diff := 0
		for i := range gh {
			diff += bits.OnesCount64(gh[i] ^ wh[i])
		}
		if diff > hashTolerance {
			t.Errorf("%s looks different: %d of %d cells changed (at most %d may); look at it and run with -update if meant", name, diff, hashW*hashH, hashTolerance)
		}
	}
}

// TestPerceptualHashSeesALayoutChange keeps the golden test honest: the same card with its
// context wrapped onto more lines is beyond the tolerance, the same card twice is not.
func TestPerceptualHashSeesALayoutChange(t *testing.T) {
	r := testRenderer(t)
	hash := func(c Card) []uint64 {
		im, err := r.Render(c, X)
		if err != nil {
			t.Fatal(err)
		}
		return perceptualHash(decodeRGBA(t, im.PNG))
	}
	dist := func(a, b []uint64) int {
		d := 0
		for i := range a {
			d += bits.OnesCount64(a[i] ^ b[i])
		}
		return d
	}
	c := cardsOf("en")["stat"]
	a, b := hash(c), hash(c)
	c.Context += ", and more teams plan to join them next year"
	moved := hash(c)
	t.Logf("a wrapped context moves %d of %d cells", dist(a, moved), hashW*hashH)
	if dist(a, b) != 0 || dist(a, moved) <= hashTolerance {
		t.Errorf("same card: %d bits apart; a wrapped context: %d (tolerance %d)", dist(a, b), dist(a, moved), hashTolerance)
	}
}

// decodeRGBA decodes a card's PNG, which is opaque RGB(A) with 8 bits a channel.
func decodeRGBA(t *testing.T, data []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		t.Fatalf("decoded as %T, want 8-bit RGB", img)
	}
	return rgba
}
