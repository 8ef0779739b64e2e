package channel

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Seeds shared by the counter fuzzers: URLs of every shape, emoji, CJK, mentions,
// directional marks, invalid UTF-8.
var fuzzSeeds = []string{
	"", "hello", "see https://example.com/a/b?c=d#e now", "bare example.io and t.co/abc",
	"http://localhost:8080/p/x", "README.md", "👨‍👩‍👧‍👦 🇯🇵 1️⃣ é", "これは日本語です。example.com中国語",
	"@alice@example.social hi @bob", "\u2066\u202Atest abcdef.com\u202C\u2069", "a_b.c-d.com xn--はじめよう.com",
	"\xff\xfe.com http://\xc3", strings.Repeat("あ", 141), "http://t.co/" + strings.Repeat("a", 45),
	"(http://en.wikipedia.org/wiki/Primer_(film))", "#tag C# and #1",
}

func FuzzCountX(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := CountX(s)
		if l.Weighted < 0 || l.Valid && l.Weighted > LimitX {
			t.Fatalf("CountX(%q) = %+v", s, l)
		}
	})
}

func FuzzFindURLs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range FindURLs(s) {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(s) || utf8.ValidString(s) && (!onBoundary(s, sp[0]) || !onBoundary(s, sp[1])) {
				t.Fatalf("FindURLs(%q): span %v after %d", s, sp, prev)
			}
			prev = sp[1]
		}
	})
}

func FuzzCountMastodon(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 500)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		l := CountMastodon(s, limit)
		if l.Weighted < 0 || l.Limit <= 0 || l.Valid && l.Weighted > l.Limit {
			t.Fatalf("CountMastodon(%q, %d) = %+v", s, limit, l)
		}
	})
}

func FuzzCountThreads(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := CountThreads(s)
		if l.Weighted < 0 || l.Valid && l.Weighted > LimitThreads {
			t.Fatalf("CountThreads(%q) = %+v", s, l)
		}
	})
}

// FuzzBluesky renders fuzzed text around a link slot with a fuzzed link: the count holds
// its limits, and the facets sit on UTF-8 boundaries and cover the display link exactly.
func FuzzBluesky(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "https://example.com/papers/quiet-pagers?utm_source=bluesky#results")
	}
	f.Add("#a #b", "http://localhost:8080/p/日本")
	f.Fuzz(func(t *testing.T, s, link string) {
		if l := CountBluesky(s); l.Weighted < 0 || l.Valid && (l.Weighted > LimitBluesky || len(s) > LimitBlueskyBytes) {
			t.Fatalf("CountBluesky(%q) = %+v", s, l)
		}
		if link == "" || strings.Contains(s+link, LinkSlot) {
			return
		}
		text, facets := renderBluesky(s+" "+LinkSlot+"\n"+s, link)
		links := 0
		for _, f := range facets {
			if f.Features[0].Type == FacetLink {
				links++
			}
		}
		if links != 1 {
			t.Fatalf("%d link facets in %q", links, text)
		}
		checkBlueskyFacets(t, text, facets, link)
	})
}
