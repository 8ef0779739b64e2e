package cards

import (
	"strings"
	"testing"
)

// TestAltTextSaysWhatTheCardSaysInItsLanguage: the alt text holds every text the card
// shows, and the words the card adds are the document's language's.
func TestAltTextSaysWhatTheCardSaysInItsLanguage(t *testing.T) {
	r := testRenderer(t)
	source := map[string]string{"en": "Source", "es": "Fuente", "pt": "Fonte", "fr": "Source", "de": "Quelle", "it": "Fonte", "nl": "Bron", "ja": "出典", "zh": "来源", "ko": "출처"}
	marks := map[string][2]string{"de": {"„", "“"}, "fr": {"« ", " »"}, "ja": {"「", "」"}, "es": {"«", "»"}, "en": {"“", "”"}}
	for lang, s := range samples {
		stat, err := r.Render(cardsOf(lang)["stat"], OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{s.figure, s.context, source[lang] + wordsFor(lang).colon + s.source} {
			if !strings.Contains(stat.Alt, want) {
				t.Errorf("%s stat alt %q does not say %q", lang, stat.Alt, want)
			}
		}
		quote, _ := r.Render(cardsOf(lang)["quote"], OpenGraph)
		q := strings.TrimRight(s.quote, ".。")
		if !strings.Contains(quote.Alt, q) || !strings.Contains(quote.Alt, s.speaker) {
			t.Errorf("%s quote alt %q does not say the quote and its speaker", lang, quote.Alt)
		}
		if m, ok := marks[lang]; ok && !strings.Contains(quote.Alt, m[0]+s.quote+m[1]) {
			t.Errorf("%s quote alt %q does not quote with %s…%s", lang, quote.Alt, m[0], m[1])
		}
		title, _ := r.Render(cardsOf(lang)["title"], OpenGraph)
		if !strings.HasPrefix(title.Alt, s.title) || !strings.Contains(title.Alt, s.subtitle) {
			t.Errorf("%s title alt %q", lang, title.Alt)
		}
		if lang != "en" && lang != "fr" && strings.Contains(stat.Alt+quote.Alt+title.Alt, "Source") {
			t.Errorf("%s: English in the alt text", lang)
		}
	}
	// A language without built-in words gets none of ours: the source by its name alone.
	im, err := r.Render(Card{Kind: Stat, Lang: "sv", Figure: "40 %", Context: "av alla team", Source: "CNCF"}, X)
	if err != nil {
		t.Fatal(err)
	}
	if im.Alt != "40 % av alla team. CNCF." {
		t.Errorf("sv alt = %q", im.Alt)
	}
}

func TestCardsRefuseWhatTheyCannotShow(t *testing.T) {
	r := testRenderer(t)
	for _, tc := range []struct {
		c    Card
		want string
	}{
		{Card{Kind: "poster", Title: "x"}, "not one of stat, quote, title"},
		{Card{Kind: Stat, Figure: "73%"}, "needs its context"},
		{Card{Kind: Quote, Quote: "x"}, "needs its speaker"},
		{Card{Kind: Title, Title: strings.Repeat("a", 161)}, "title is 161 characters"},
		{Card{Kind: Title, Title: "مرحبا بالعالم"}, "no font of the brand has a glyph for 'م'"},
		{Card{Kind: Title, Title: "🚀🚀"}, "title: no font of the brand draws any of its characters"},
	} {
		if _, err := r.Render(tc.c, X); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.c, err, tc.want)
		}
	}
	// Emoji no font draws are left out rather than drawn as boxes; the alt text keeps them.
	im, err := r.Render(Card{Kind: Title, Lang: "en", Title: "Ship it 🚀 today"}, X)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(im.Alt, "🚀") {
		t.Errorf("alt %q lost the emoji", im.Alt)
	}
}

func TestMissingFontsAreNamed(t *testing.T) {
	b := DefaultBrand()
	b.Fonts.Bold = "/nonexistent/Brand-Bold.ttf"
	_, err := NewRenderer(b)
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/Brand-Bold.ttf") || !strings.Contains(err.Error(), "fonts-noto-core") {
		t.Errorf("err = %v, want one naming the file and the packages", err)
	}
}
