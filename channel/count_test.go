package channel

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

func TestCountX(t *testing.T) {
	for _, tc := range []struct {
		text  string
		want  int
		valid bool
	}{
		{"hello", 5, true},
		{"see https://example.com/a/very/long/path?with=query#and-fragment now", 4 + 23 + 4, true},
		{"bare example.io and example.org/x", 5 + 23 + 5 + 23, true},
		{"e.g. and v1.2 and foo.baz", 25, true},
		// .md is Moldova's TLD: X links a bare README.md, so it counts 23 (twitter-text).
		{"README.md", 23, true},
		{"http://localhost:8080/p/x", 25, true}, // no TLD: not a link, counted as text
		{"mail ops@example.com", 20, true},
		{"日本語", 6, true},
		{"👍🏽 ok", 2 + 3, true},
		{"👨‍👩‍👧‍👦", 2, true},
		{"🇯🇵", 2, true},
		{"1️⃣", 2, true},
		{"é", 1, true}, // e + combining acute, NFC-composed
		{strings.Repeat("x", 280), 280, true},
		{strings.Repeat("x", 281), 281, false},
		{strings.Repeat("あ", 141), 282, false},
		{"", 0, false},
	} {
		got := CountX(tc.text)
		if got.Weighted != tc.want || got.Valid != tc.valid || got.Limit != LimitX {
			t.Errorf("CountX(%q) = %+v, want %d valid %v", tc.text, got, tc.want, tc.valid)
		}
	}
}

func TestCountDispatch(t *testing.T) {
	if l, err := Count(LinkedIn, strings.Repeat("é", 3000)); err != nil || l.Weighted != 3000 || !l.Valid {
		t.Errorf("linkedin: %+v %v", l, err)
	}
	if l, _ := Count(LinkedIn, strings.Repeat("a", 3001)); l.Valid {
		t.Errorf("3001 characters valid on LinkedIn")
	}
	if l, err := Count(X, "hi"); err != nil || l.Weighted != 2 {
		t.Errorf("x: %+v %v", l, err)
	}
	_, err := Count("myspace", "hi")
	if err == nil || !strings.Contains(err.Error(), "known: any, blog, bluesky, linkedin, mastodon, threads, x") {
		t.Errorf("unknown channel error: %v", err)
	}
}

// The counters' shortcuts must agree with the tables they skip.
func TestNFCInert(t *testing.T) {
	for r := rune(0); r < 0xA000; r++ {
		if s := string(r); nfcInert(r) && !(norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.IsNormalString(s)) {
			t.Errorf("%U is taken for inert under NFC", r)
		}
	}
}

func TestGraphemeCount(t *testing.T) {
	for _, s := range []string{
		"", "a", "plain ascii, words.", "\r\n", "a\r\nb\r", "e\u0301", "会議を半分に", "か\u3099", "ｶﾞ",
		"一\u302A", "#\uFE0F\u20E3", "1\u20E3", "🇯🇵🇫🇷", "👍🏽 ok", "👩\u200d💻", "日本\u200d💻", "〰️", "x\u0308y",
	} {
		if got, want := graphemeCount(s), uniseg.GraphemeClusterCount(s); got != want {
			t.Errorf("graphemeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPlainURLTail(t *testing.T) {
	for _, s := range []string{"/", "/ x", "/a/b-c_d=e+f", "/a/b?q=1", "/a/b\nnext", "/a.", "/a,b", "/a(b)", "/é", "/a\vb"} {
		if n := plainTail(s[1:], pathPlain, "?"); n >= 0 && 1+n != len(urlPath.FindString(s)) {
			t.Errorf("path %q: plainTail %d, urlPath %q", s, n, urlPath.FindString(s))
		}
	}
	for _, s := range []string{"?", "? x", "?a=1&b=2", "?a=1&b=2 x", "?a=1.", "?a=1#f", "?a-_/=&", "?a=1#f x", "?a=1#f.",
		"?a=1#f#g", "?a=1#", "?a=1#\n", "?utm_source=x&utm_content=tweet-1-awareness#attributes-of-platform-teams"} {
		if n := plainTail(s[1:], queryPlain, ""); n > 0 && 1+n != len(urlQuery.FindString(s)) {
			t.Errorf("query %q: plainTail %d, urlQuery %q", s, n, urlQuery.FindString(s))
		}
	}
}
