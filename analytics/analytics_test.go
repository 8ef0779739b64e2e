package analytics

import "testing"

// A hook test is won on conversions per post first, then clicks per post, and only once
// both tweets are out.
func TestWinner(t *testing.T) {
	fig := func(posts, clicks, conversions int64) Figures {
		f := Figures{Posts: posts, Clicks: clicks, Conversions: conversions}
		f.rates()
		return f
	}
	for _, c := range []struct {
		name string
		a, b Figures
		want string
	}{
		{"b not published", fig(1, 10, 1), fig(0, 0, 0), ""},
		{"more clicks per post", fig(2, 4, 0), fig(1, 5, 0), "b"},
		{"a conversion beats clicks", fig(1, 2, 1), fig(1, 50, 0), "a"},
		{"per post, not in all", fig(4, 8, 2), fig(1, 2, 1), "b"},
		{"level", fig(1, 3, 0), fig(1, 3, 0), ""},
	} {
		if got := winner(c.a, c.b); got != c.want {
			t.Errorf("%s: winner %q, want %q", c.name, got, c.want)
		}
	}
}

// Performance ranks conversions first, then clicks: one conversion beats any number of
// clicks, and among equal conversions more clicks win.
func TestScoreConversionsFirst(t *testing.T) {
	one := Figures{Conversions: 1}
	if many := (Figures{Clicks: 5000}); one.Score() <= many.Score() {
		t.Errorf("1 conversion scores %d, 5000 clicks %d: the conversion must rank first", one.Score(), many.Score())
	}
	if a, b := (Figures{Conversions: 2, Clicks: 3}), (Figures{Conversions: 2, Clicks: 4}); a.Score() >= b.Score() {
		t.Errorf("equal conversions: 3 clicks scores %d, 4 clicks %d", a.Score(), b.Score())
	}
	if a, b := (Figures{Clicks: 0}), (Figures{Clicks: 1}); a.Score() >= b.Score() {
		t.Error("a click must count when nothing converted")
	}
}
