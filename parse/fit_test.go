package parse

import (
	"testing"

	"github.com/rivo/uniseg"
)

func TestFitText(t *testing.T) {
	// Limits count grapheme clusters, as a reader sees characters.
	max := func(n int) func(string) bool {
		return func(s string) bool { return uniseg.GraphemeClusterCount(s) <= n }
	}
	for _, tc := range []struct {
		text  string
		limit int
		want  string
	}{
		{"Short enough.", 40, "Short enough."},
		{"First sentence here. Second sentence is longer.", 30, "First sentence here."},
		{"One long sentence that must be cut somewhere, with a comma.", 45, "One long sentence that must be cut somewhere…"},
		{"Words then, a comma", 12, "Words then…"},
		{"Family 👨‍👩‍👧‍👦 emoji stays whole in cuts", 16, "Family 👨‍👩‍👧‍👦 emoji…"},
		{"分散チームでは時差のある同僚と同じ時間に集まることが大きなコストになります", 13, "分散チームでは時差のある…"},
	} {
		got, ok := Fit(tc.text, max(tc.limit))
		if !ok || got != tc.want {
			t.Errorf("Fit(%q, %d) = %q %v, want %q", tc.text, tc.limit, got, ok, tc.want)
		}
	}
	if _, ok := Fit("Supercalifragilistic", max(5)); ok {
		t.Error("a single word longer than the limit fitted")
	}
}
