package cards

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/repurpose/repurpose/internal/testservices"
)

var (
	rendererOnce sync.Once
	rendererVal  *Renderer
	rendererErr  error
)

// testRenderer is the default brand's renderer, loaded once: parsing the CJK collections
// takes seconds.
func testRenderer(t testing.TB) *Renderer {
	t.Helper()
	rendererOnce.Do(func() { rendererVal, rendererErr = NewRenderer(DefaultBrand()) })
	if errors.Is(rendererErr, os.ErrNotExist) {
		testservices.Require(t, "fonts", rendererErr)
	}
	if rendererErr != nil {
		t.Fatal(rendererErr)
	}
	return rendererVal
}

var testFontSet *fontSet

// testFonts is one font set for the tests, which lay out one card at a time.
func testFonts(t testing.TB) *fontSet {
	r := testRenderer(t)
	if testFontSet == nil {
		testFontSet = r.borrowFonts()
	}
	return testFontSet
}

// sample is one language's text for every field of a card.
type sample struct{ figure, context, quote, speaker, title, subtitle, source, word string }

// samples are short texts in every language cards have words for; word is a long
// unbreakable word in the language's script (or a long URL), which must still fit.
var samples = map[string]sample{
	"en": {"73%", "of organisations run Kubernetes in production", "Platform engineering lets developers focus on the work that matters.", "Jane Doe, CNCF", "Platforms for cloud native computing", "A whitepaper on internal developer platforms", "CNCF Annual Survey", "https://example.com/reports/platform-engineering-maturity-model-2026-edition-final"},
	"es": {"4,2 M€", "ahorrados al año gracias a la automatización", "La ingeniería de plataformas permite a los equipos centrarse en lo importante.", "María García", "Plataformas nativas de la nube", "Un documento técnico sobre plataformas internas", "Encuesta anual de la CNCF", "electroencefalografistas"},
	"pt": {"3×", "mais implantações por semana com uma plataforma interna", "Uma boa plataforma é um produto, não um projeto.", "João Silva", "Plataformas para computação nativa da nuvem", "Guia prático para equipes de engenharia", "Relatório CNCF", "inconstitucionalissimamente"},
	"fr": {"58 %", "des équipes déploient plusieurs fois par jour", "Une plateforme réussie se construit avec ses utilisateurs, pas pour eux.", "Élodie Lefèvre", "Les plateformes du cloud natif", "Livre blanc sur les plateformes internes", "Enquête CNCF", "anticonstitutionnellement"},
	"de": {"90 Tage", "bis zur ersten Produktionsfreigabe", "Eine Plattform ist nur so gut wie die Erfahrung, die sie Entwicklern bietet.", "Jürgen Müller", "Plattformen für Cloud-native Anwendungen", "Ein Whitepaper über interne Entwicklerplattformen", "CNCF-Umfrage", "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"},
	"it": {"1 su 3", "aziende usa già un portale per sviluppatori", "La piattaforma deve ridurre il carico cognitivo degli sviluppatori.", "Giulia Rossi", "Piattaforme cloud native", "Un documento sulle piattaforme interne", "Sondaggio CNCF", "precipitevolissimevolmente"},
	"nl": {"2,5×", "snellere doorlooptijd na de invoering van een platform", "Een platform is een product met klanten, geen project met een einddatum.", "Pieter de Vries", "Platforms voor cloud-native computing", "Een whitepaper over interne ontwikkelplatforms", "CNCF-enquête", "hottentottententententoonstellingsterrein"},
	"ja": {"73%", "の組織が本番環境でKubernetesを利用している", "プラットフォームエンジニアリングは、開発者が本来の仕事に集中できるようにする取り組みです。", "山田太郎（CNCF）", "クラウドネイティブのためのプラットフォーム", "社内開発者プラットフォームに関するホワイトペーパー", "CNCF年次調査", "プラットフォームエンジニアリングプラットフォームエンジニアリング"},
	"zh": {"73%", "的组织在生产环境中使用Kubernetes", "平台工程让开发者能够专注于真正重要的工作。", "王小明，CNCF", "云原生计算平台", "关于内部开发者平台的白皮书", "CNCF年度调查", "平台工程平台工程平台工程平台工程平台工程"},
	"ko": {"73%", "의 조직이 프로덕션 환경에서 쿠버네티스를 사용합니다", "플랫폼 엔지니어링은 개발자가 중요한 일에 집중할 수 있게 해 줍니다.", "김민준, CNCF", "클라우드 네이티브 컴퓨팅을 위한 플랫폼", "내부 개발자 플랫폼에 관한 백서", "CNCF 연례 설문조사", "플랫폼엔지니어링플랫폼엔지니어링플랫폼엔지니어링"},
}

// upTo repeats s, with the word between repeats, to exactly n characters: the longest
// text a field takes.
func upTo(s, word string, n int) string {
	var b strings.Builder
	for b.Len() == 0 || len([]rune(b.String())) < n {
		b.WriteString(s + " " + word + " ")
	}
	return strings.TrimSpace(string([]rune(b.String())[:n]))
}

// cardsOf are every kind of card in a language, with short texts and with the longest
// each field takes.
func cardsOf(lang string) map[string]Card {
	s := samples[lang]
	long := func(text, field string) string { return upTo(text, s.word, maxRunes[field]) }
	return map[string]Card{
		"stat":        {Kind: Stat, Lang: lang, Figure: s.figure, Context: s.context, Source: s.source},
		"quote":       {Kind: Quote, Lang: lang, Quote: s.quote, Speaker: s.speaker},
		"title":       {Kind: Title, Lang: lang, Title: s.title, Subtitle: s.subtitle, Source: s.source},
		"stat-long":   {Kind: Stat, Lang: lang, Figure: long(s.figure, "figure"), Context: long(s.context, "context"), Source: long(s.source, "source")},
		"quote-long":  {Kind: Quote, Lang: lang, Quote: long(s.quote, "quote"), Speaker: long(s.speaker, "speaker"), Source: long(s.source, "source")},
		"title-long":  {Kind: Title, Lang: lang, Title: long(s.title, "title"), Subtitle: long(s.subtitle, "subtitle"), Source: long(s.source, "source")},
		"title-word":  {Kind: Title, Lang: lang, Title: s.word},
		"stat-figure": {Kind: Stat, Lang: lang, Figure: "1", Context: s.word},
	}
}

// sizes are the formats of distinct sizes (X, Mastodon and Bluesky share 16:9).
var sizes = []Format{X, LinkedInSquare, LinkedInPortrait, OpenGraph}

// safeArea is the card inside its margins: no glyph may be drawn outside it.
func safeArea(f Format) rect {
	w, h := float64(f.Width), float64(f.Height)
	m := marginShare * min(w, h)
	return rect{m - 1, m - 1, w - m + 1, h - m + 1}
}

// TestEveryCardFitsInsideItsSafeArea lays out every kind of card, short and at the
// longest, in every language and format, and measures every drawn glyph's box: each lies
// inside the margins, blocks never overlap, and all the text is set.
func TestEveryCardFitsInsideItsSafeArea(t *testing.T) {
	r := testRenderer(t)
	for lang := range samples {
		for name, c := range cardsOf(lang) {
			for _, f := range sizes {
				s, err := r.compose(testFonts(t), c, f)
				if err != nil {
					t.Errorf("%s %s %s: %v", lang, name, f.Name, err)
					continue
				}
				safe := safeArea(f)
				for _, g := range s.glyphBoxes() {
					if !safe.contains(g) {
						t.Errorf("%s %s %s: a glyph drawn at %v is outside the safe area %v", lang, name, f.Name, g, safe)
						break
					}
				}
				for i, a := range s.texts {
					for _, b := range s.texts[i+1:] {
						ia, ib := a.b.ink.translate(a.x, a.y), b.b.ink.translate(b.x, b.y)
						if ia.x0 < ib.x1 && ib.x0 < ia.x1 && ia.y0 < ib.y1 && ib.y0 < ia.y1 {
							t.Errorf("%s %s %s: two blocks of text overlap: %v and %v", lang, name, f.Name, ia, ib)
						}
					}
					if set := runesSet(a.b); set != a.b.runes {
						t.Errorf("%s %s %s: %d of %d characters were set", lang, name, f.Name, set, a.b.runes)
					}
				}
			}
		}
	}
}

// runesSet counts the characters the lines of a block hold.
func runesSet(b block) int {
	n := 0
	for _, l := range b.lines {
		for _, run := range l.runs {
			n += run.Runes.Count
		}
	}
	return n
}

// TestCardsArePNGsOfTheFormatsSize decodes each format's PNG and checks that text is
// drawn where the layout put it and nothing outside the margins but the accent bar.
func TestCardsArePNGsOfTheFormatsSize(t *testing.T) {
	r := testRenderer(t)
	for _, lang := range []string{"en", "de", "ja", "zh", "ko"} {
		for _, name := range []string{"stat", "quote-long", "title-word"} {
			c := cardsOf(lang)[name]
			for _, f := range sizes {
				im, err := r.Render(c, f)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, name, f.Name, err)
				}
				img := decodeRGBA(t, im.PNG)
				if b := img.Bounds(); b.Dx() != f.Width || b.Dy() != f.Height {
					t.Fatalf("%s %s %s: %dx%d, want %dx%d", lang, name, f.Name, b.Dx(), b.Dy(), f.Width, f.Height)
				}
				if len(im.PNG) > 1<<20 {
					t.Errorf("%s %s %s: %d bytes; Bluesky takes images up to 1 MB", lang, name, f.Name, len(im.PNG))
				}
				s, _ := r.compose(testFonts(t), c, f)
				checkPixels(t, lang+" "+name+" "+f.Name, img, s)
			}
		}
	}
}

// checkPixels checks that every glyph box has ink in it, and that outside the safe area
// only the background and the accent bar are drawn.
func checkPixels(t *testing.T, what string, img *image.RGBA, s *scene) {
	t.Helper()
	bg := s.background
	isBG := func(x, y int) bool {
		p := img.Pix[y*img.Stride+4*x:]
		return p[0] == bg.R && p[1] == bg.G && p[2] == bg.B
	}
	blank := 0
	for _, g := range s.glyphBoxes() {
		box := pixelRect(g).Intersect(img.Bounds())
		inked := false
		for y := box.Min.Y; y < box.Max.Y && !inked; y++ {
			for x := box.Min.X; x < box.Max.X && !inked; x++ {
				inked = !isBG(x, y)
			}
		}
		if !inked {
			blank++
		}
	}
	if blank > 0 {
		t.Errorf("%s: %d glyph boxes have no ink drawn in them", what, blank)
	}
	safe := pixelRect(safeArea(Format{Width: s.width, Height: s.height}))
	bar := pixelRect(s.rects[0].r)
	for y := 0; y < s.height; y++ {
		for x := 0; x < s.width; x++ {
			p := image.Pt(x, y)
			if !p.In(safe) && !p.In(bar) && !isBG(x, y) {
				t.Errorf("%s: pixel %v outside the safe area is drawn", what, p)
				return
			}
		}
	}
}

// TestCJKAndHangulAreDrawnWithTheirLanguagesGlyphs: every character of the Chinese,
// Japanese and Korean samples has a real glyph (no missing-glyph box), in the face of the
// document's language.
func TestCJKAndHangulAreDrawnWithTheirLanguagesGlyphs(t *testing.T) {
	r := testRenderer(t)
	want := map[string]string{"ja": "Noto Sans CJK JP", "zh": "Noto Sans CJK SC", "ko": "Noto Sans CJK KR"}
	for lang, family := range want {
		for name, c := range cardsOf(lang) {
			s, err := r.compose(testFonts(t), c, X)
			if err != nil {
				t.Fatal(err)
			}
			for _, pt := range s.texts {
				for _, l := range pt.b.lines {
					for _, run := range l.runs {
						if got := run.Face.Describe().Family; got != family && !strings.HasPrefix(got, "Noto Sans") {
							t.Errorf("%s %s: set in %q, want %q", lang, name, got, family)
						}
						for _, g := range run.Glyphs {
							if g.GlyphID == 0 {
								t.Errorf("%s %s: a missing-glyph box", lang, name)
							}
						}
					}
				}
			}
		}
		han := []rune(samples[lang].title)[0]
		if f := testFonts(t).facesFor(lang, regular).ResolveFace(han); f.Describe().Family != family {
			t.Errorf("%s: %q is set in %q, want %q", lang, han, f.Describe().Family, family)
		}
	}
}

// TestCorpusDocumentsHaveAGlyphForEveryLetter reads the corpus documents and checks that
// every letter and digit in them has a glyph in the fonts of the document's language.
func TestCorpusDocumentsHaveAGlyphForEveryLetter(t *testing.T) {
	testRenderer(t) // fonts present
	dir := "../../shared/corpus"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("shared corpus %s is absent (%v): skipping", dir, err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".md") || name == "README.md" {
			continue
		}
		parts := strings.Split(strings.TrimSuffix(name, ".md"), ".")
		lang := parts[len(parts)-1]
		b, err := os.ReadFile(dir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{regular, bold} {
			if _, err := prepare(string(b), testFonts(t).facesFor(lang, w)); err != nil && !strings.Contains(err.Error(), "characters is more than") {
				t.Errorf("%s: %v", name, err)
			}
			fl := testFonts(t).facesFor(lang, w)
			for _, ch := range string(b) {
				if (unicode.IsLetter(ch) || unicode.IsNumber(ch)) && !fl.has(ch) {
					t.Errorf("%s: no glyph for %q (U+%04X)", name, ch, ch)
					break
				}
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("no corpus documents read")
	}
}

// TestLogoIsDrawnInTheFooter gives the brand a logo and finds it in the card's corner and
// in the carousel's PDF.
func TestLogoIsDrawnInTheFooter(t *testing.T) {
	testRenderer(t) // fonts present
	logoImg := image.NewRGBA(image.Rect(0, 0, 300, 100))
	for i := range logoImg.Pix {
		logoImg.Pix[i] = 0xff // white
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, logoImg); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/logo.png"
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	b := DefaultBrand()
	b.Logo = path
	r, err := NewRenderer(b)
	if err != nil {
		t.Fatal(err)
	}
	c := cardsOf("en")["stat-long"]
	s, err := r.compose(testFonts(t), c, OpenGraph)
	if err != nil {
		t.Fatal(err)
	}
	lb := pixelRect(s.logoBox)
	if lb.Dx() < 30 || float64(lb.Dx())/float64(lb.Dy()) < 2.9 || !pixelRect(safeArea(OpenGraph)).Intersect(lb).Eq(lb) {
		t.Fatalf("logo box %v: not 3:1 inside the safe area", lb)
	}
	for _, g := range s.glyphBoxes() {
		if pixelRect(g).Overlaps(lb) {
			t.Fatalf("text at %v runs under the logo at %v", g, lb)
		}
	}
	im, _ := r.Render(c, OpenGraph)
	img, _ := png.Decode(bytes.NewReader(im.PNG))
	center := img.At((lb.Min.X+lb.Max.X)/2, (lb.Min.Y+lb.Max.Y)/2)
	if rr, gg, bb, _ := center.RGBA(); rr>>8 != 0xff || gg>>8 != 0xff || bb>>8 != 0xff {
		t.Errorf("the logo's centre is %v, not the logo's white", center)
	}
	doc, err := r.Carousel(carouselOf("en", 2, 2))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(doc.PDF, []byte("/Subtype /Image")); n != 1 {
		t.Errorf("the PDF holds %d images, want the logo once", n)
	}
	b.Logo = t.TempDir() + "/missing.png"
	if _, err := NewRenderer(b); err == nil || !strings.Contains(err.Error(), "missing.png") {
		t.Errorf("missing logo: %v", err)
	}
}

// TestRenderersAreSafeToShare renders cards and carousels from several goroutines at once
// (run with -race): each gets the bytes it gets alone.
func TestRenderersAreSafeToShare(t *testing.T) {
	r := testRenderer(t)
	langs := []string{"en", "ja", "zh", "ko"}
	want := map[string]string{}
	for _, lang := range langs {
		im, err := r.Render(cardsOf(lang)["quote"], OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		want[lang] = im.SHA256
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(lang string) {
			defer wg.Done()
			im, err := r.Render(cardsOf(lang)["quote"], OpenGraph)
			if err != nil || im.SHA256 != want[lang] {
				t.Errorf("%s rendered beside others: %v, hash %s, want %s", lang, err, im.SHA256, want[lang])
			}
			if _, err := r.Carousel(carouselOf(lang, 2, 2)); err != nil {
				t.Error(err)
			}
		}(langs[i%len(langs)])
	}
	wg.Wait()
}

func TestFormatsPerChannel(t *testing.T) {
	for ch, want := range map[string][2]int{"x": {1600, 900}, "mastodon": {1600, 900}, "bluesky": {1600, 900}, "linkedin": {1080, 1080}, "linkedin-portrait": {1080, 1350}, "og": {1200, 630}} {
		f, ok := FormatFor(ch)
		if !ok || f.Width != want[0] || f.Height != want[1] {
			t.Errorf("FormatFor(%q) = %+v, %v; want %dx%d", ch, f, ok, want[0], want[1])
		}
	}
	if _, ok := FormatFor("myspace"); ok {
		t.Error("a format for an unknown channel")
	}
}
