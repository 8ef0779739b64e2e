package cards

import "testing"

// BenchmarkRenderCard renders one card in the 16:9 format of X, Mastodon and Bluesky,
// from layout to PNG bytes (fonts loaded once, as in a running worker).
func BenchmarkRenderCard(b *testing.B) {
	r := testRenderer(b)
	for _, tc := range []struct{ name, lang, kind string }{{"stat-en", "en", "stat"}, {"quote-ja", "ja", "quote"}, {"quote-long-de", "de", "quote-long"}} {
		c := cardsOf(tc.lang)[tc.kind]
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Render(c, X); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCarousel renders a 10-slide carousel PDF.
func BenchmarkCarousel(b *testing.B) {
	r := testRenderer(b)
	c := carouselOf("en", 4, 4)
	for b.Loop() {
		if _, err := r.Carousel(c); err != nil {
			b.Fatal(err)
		}
	}
}
