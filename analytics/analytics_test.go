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
