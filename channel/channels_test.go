package channel

import (
	"slices"
	"strings"
	"testing"
)

func TestCountMastodon(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 200)
	for _, tc := range []struct {
		text  string
		limit int
		want  int
		valid bool
	}{
		{"hello", 0, 5, true},
		{"see " + long, 0, 4 + 23, true},
		{"see http://x.co", 0, 4 + 23, true},                      // a short URL still counts 23
		{"see example.com", 0, 15, true},                          // no scheme: text, as Mastodon counts it
		{"hi @alice@example.social!", 0, len("hi @alice!"), true}, // a remote mention counts as @user
		{"hi @alice", 0, 9, true},
		{"mail bob@example.com", 0, 20, true}, // an e-mail address is no mention
		{"👨‍👩‍👧‍👦 é", 0, 3, true},             // grapheme clusters
		{strings.Repeat("x", 500), 0, 500, true},
		{strings.Repeat("x", 501), 0, 501, false},
		{strings.Repeat("x", 501), 1000, 501, true}, // the instance's own limit
		{"", 0, 0, false},
	} {
		got := CountMastodon(tc.text, tc.limit)
		wantLimit := tc.limit
		if wantLimit == 0 {
			wantLimit = LimitMastodon
		}
		if got.Weighted != tc.want || got.Valid != tc.valid || got.Limit != wantLimit {
			t.Errorf("CountMastodon(%q, %d) = %+v, want %d valid %v", tc.text, tc.limit, got, tc.want, tc.valid)
		}
	}
}

func TestCountBluesky(t *testing.T) {
	for _, tc := range []struct {
		text  string
		want  int
		valid bool
	}{
		{"hello", 5, true},
		{"https://example.com/a/long/path", 31, true}, // URLs count in full
		{"👨‍👩‍👧‍👦", 1, true},
		{strings.Repeat("é", 300), 300, true},
		{strings.Repeat("x", 301), 301, false},
		{strings.Repeat("👨‍👩‍👧‍👦", 150), 150, false}, // 150 graphemes but 3750 bytes
		{"", 0, false},
	} {
		if got := CountBluesky(tc.text); got.Weighted != tc.want || got.Valid != tc.valid || got.Limit != LimitBluesky {
			t.Errorf("CountBluesky(%.40q) = %+v, want %d valid %v", tc.text, got, tc.want, tc.valid)
		}
	}
}

func TestCountThreads(t *testing.T) {
	links := func(n int, distinct bool) string {
		var b strings.Builder
		for i := range n {
			if !distinct {
				i = 0
			}
			b.WriteString("https://example.com/" + string(rune('a'+i)) + " ")
		}
		return b.String()
	}
	for _, tc := range []struct {
		text  string
		want  int
		valid bool
	}{
		{"hello", 5, true},
		{"👍", 4, true},         // an emoji counts its UTF-8 bytes
		{"👍🏽 ok", 8 + 3, true}, // a modified emoji: both code points' bytes
		{"日本語", 3, true},
		{strings.Repeat("x", 500), 500, true},
		{strings.Repeat("x", 498) + "👍", 502, false},
		{links(5, true), 5 * 22, true},
		{links(6, true), 6 * 22, false}, // six distinct links
		{links(6, false), 6 * 22, true}, // one link six times counts once
		{"", 0, false},
	} {
		if got := CountThreads(tc.text); got.Weighted != tc.want || got.Valid != tc.valid || got.Limit != LimitThreads {
			t.Errorf("CountThreads(%.40q) = %+v, want %d valid %v", tc.text, got, tc.want, tc.valid)
		}
	}
}

func TestCountDispatchChannels(t *testing.T) {
	text := "Ship it 🚀 https://example.com/" + strings.Repeat("p", 60)
	for ch, want := range map[Name]Length{
		X:        CountX(text),
		Mastodon: CountMastodon(text, LimitMastodon),
		Bluesky:  CountBluesky(text),
		Threads:  CountThreads(text),
		LinkedIn: CountLinkedIn(text),
	} {
		if got, err := Count(ch, text); err != nil || got != want {
			t.Errorf("Count(%s) = %+v %v, want %+v", ch, got, err, want)
		}
	}
}

func TestBlueskyDisplayLink(t *testing.T) {
	for link, want := range map[string]string{
		"https://example.com/papers/quiet-pagers?utm_source=bluesky#results": "example.com/papers/quiet-page…",
		"https://example.com/":       "example.com",
		"http://localhost:8080/p/ab": "localhost:8080/p/ab",
		"https://example.com/a%20b":  "example.com/a%20b",
	} {
		if got := BlueskyDisplayLink(link); got != want {
			t.Errorf("BlueskyDisplayLink(%q) = %q, want %q", link, got, want)
		}
	}
}

func TestRenderBluesky(t *testing.T) {
	link := "https://example.com/papers/quiet-pagers?utm_source=bluesky#results"
	text, facets := renderBluesky("Pagers went quiet — 62% fewer. Read more "+LinkSlot+"\n#SRE #OnCall", link)
	want := "Pagers went quiet — 62% fewer. Read more example.com/papers/quiet-page…\n#SRE #OnCall"
	if text != want {
		t.Fatalf("text %q, want %q", text, want)
	}
	if len(facets) != 3 {
		t.Fatalf("facets %+v", facets)
	}
	checkBlueskyFacets(t, text, facets, link)
	for i, tag := range []string{"SRE", "OnCall"} {
		f := facets[i+1]
		if f.Features[0].Type != FacetTag || f.Features[0].Tag != tag || text[f.Index.ByteStart:f.Index.ByteEnd] != "#"+tag {
			t.Errorf("tag facet %d: %+v", i, f)
		}
	}
	if text, facets := renderBluesky("No link "+LinkSlot, ""); text != "No link" || len(facets) != 0 {
		t.Errorf("without a link: %q %+v", text, facets)
	}
}

// checkBlueskyFacets fails t when CheckFacets finds a fault.
func checkBlueskyFacets(t testing.TB, text string, facets []Facet, link string) {
	t.Helper()
	if err := CheckFacets(text, facets, link); err != nil {
		t.Fatal(err)
	}
}

func TestLinkedInLittleText(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, nothing reserved.":      "plain text, nothing reserved.",
		"Costs (in %) fell [a lot]":          `Costs \(in %\) fell \[a lot\]`,
		`a\b|c{d}e<f>g*h_i~j@k`:              `a\\b\|c\{d\}e\<f\>g\*h\_i\~j\@k`,
		"#DevOps and #1 stay tags":           "#DevOps and #1 stay tags",
		"C# and # alone":                     `C\# and \# alone`,
		"https://example.com/a_(b)?x=1#frag": `https://example.com/a\_\(b\)?x=1\#frag`,
	} {
		if got := LinkedInLittleText(in); got != want {
			t.Errorf("LinkedInLittleText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderPartsLeadsTheFirstPostOnly(t *testing.T) {
	link := "https://example.com/papers/quiet-pagers"
	thread := RenderParts(X, []string{"Pagers went quiet. (1/2)", "Read more " + LinkSlot + " (2/2)"}, link, "ICYMI: ")
	if want := []string{"ICYMI: Pagers went quiet. (1/2)", "Read more " + link + " (2/2)"}; !slices.Equal(thread.Parts, want) || thread.Text != want[0] {
		t.Errorf("thread %+v, want parts %q", thread, want)
	}
	if got, want := thread.Joined(), thread.Parts[0]+"\n\n"+thread.Parts[1]; got != want {
		t.Errorf("Joined() = %q, want %q", got, want)
	}
	single := RenderParts(Bluesky, []string{"Pagers went quiet " + LinkSlot + " #SRE"}, "https://example.com/p/quiet", "")
	if single.Parts != nil || single.Text != "Pagers went quiet example.com/p/quiet #SRE" || len(single.Facets) != 2 {
		t.Errorf("single Bluesky post %+v: want its text, a link and a tag facet, no parts", single)
	}
	if single.Joined() != single.Text {
		t.Errorf("Joined() = %q of a single post %q", single.Joined(), single.Text)
	}
}
