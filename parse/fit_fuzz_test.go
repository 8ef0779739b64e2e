package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/repurpose/repurpose/channel"
)

// FuzzFit checks the fitter's promises on any text and limit: it never panics, what it
// returns passes the test it was given, it never splits a grapheme cluster, it adds an
// ellipsis only where it dropped text, and a post fitted in front of a tail is valid.
func FuzzFit(f *testing.F) {
	for _, seed := range []string{
		"Short enough.",
		"First sentence here. Second sentence is longer. A third one ends it.",
		"One long sentence that must be cut somewhere, with a comma.",
		"Family 👨‍👩‍👧‍👦 emoji stays whole in cuts 🇪🇸 and flags too",
		"分散チームでは時差のある同僚と同じ時間に集まることが大きなコストになります。次の文です。",
		"e\u0301le\u0300ve accents combine; Hindi नमस्ते दुनिया stays whole",
		"See https://example.com/a.b?c=d for more. Mail ops@example.com now…",
		"Wait... then go. Or stop… Really?! Yes.",
		"",
		"   ",
		"Supercalifragilisticexpialidocious",
	} {
		f.Add(seed, uint16(20))
		f.Add(seed, uint16(280))
	}
	f.Fuzz(func(t *testing.T, text string, limit uint16) {
		if !utf8.ValidString(text) {
			t.Skip("parsers reject invalid UTF-8 before anything is fitted")
		}
		max := int(limit % 400)
		ok := func(s string) bool { return uniseg.GraphemeClusterCount(s) <= max }
		got, fitted := Fit(text, ok)
		if !fitted {
			return
		}
		if !ok(got) {
			t.Fatalf("Fit(%q, %d) = %q, which the test rejects", text, max, got)
		}
		if ok(text) && got != text {
			t.Fatalf("Fit(%q, %d) = %q, though the whole text fits", text, max, got)
		}
		body := strings.TrimSuffix(got, "…")
		if body != got && !strings.HasSuffix(text, "…") && !strings.Contains(text, body+"…") {
			// An added ellipsis: the text it stands for must really be gone.
			if uniseg.GraphemeClusterCount(body) >= uniseg.GraphemeClusterCount(text) {
				t.Fatalf("Fit(%q, %d) = %q: ellipsis without dropping text", text, max, got)
			}
		}
		clusters := map[string]bool{}
		for g := uniseg.NewGraphemes(text); g.Next(); {
			clusters[g.Str()] = true
		}
		for g := uniseg.NewGraphemes(body); g.Next(); {
			if c := g.Str(); !clusters[c] && strings.TrimSpace(c) != "" {
				t.Fatalf("Fit(%q, %d) = %q splits a grapheme: %q", text, max, got, c)
			}
		}

		// A post on X fitted in front of a CTA and link is valid.
		tail := " Read more https://example.com/paper (1/3)"
		valid := func(s string) bool { return channel.CountX(s).Valid }
		if b, fitted := Fit(text, func(b string) bool { return valid(b + tail) }); fitted && !valid(b+tail) {
			t.Fatalf("Fit(%q) before a tail = %q, invalid on X (%d)", text, b+tail, channel.CountX(b+tail).Weighted)
		}
	})
}
