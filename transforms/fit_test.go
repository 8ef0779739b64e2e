package transforms

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/repurpose/repurpose/channel"
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
		got, ok := fitText(tc.text, max(tc.limit))
		if !ok || got != tc.want {
			t.Errorf("fitText(%q, %d) = %q %v, want %q", tc.text, tc.limit, got, ok, tc.want)
		}
	}
	if _, ok := fitText("Supercalifragilistic", max(5)); ok {
		t.Error("a single word longer than the limit fitted")
	}
}

func TestBacklinks(t *testing.T) {
	doc := &Document{Meta: FrontMatter{CanonicalURL: "https://example.com/paper?ref=home#old"}}
	opt := testOptions(nil)
	l := newLinker(doc, opt, "awareness")
	got := l.link(channel.KindTweet, channel.X, 2, "intro")
	want := "https://example.com/paper?ref=home&utm_campaign=launch&utm_content=tweet-2-awareness&utm_medium=social&utm_source=x#intro"
	if got != want || l.target != TargetCanonical {
		t.Errorf("link = %q (%s)\nwant %q", got, l.target, want)
	}
	if got := l.link(channel.KindBlog, channel.Blog, 1, ""); !strings.HasSuffix(got, "#old") {
		t.Errorf("whole-document link %q lost the base fragment", got)
	}
	doc.Meta.CanonicalURL = "not a url"
	opt.Campaign.LandingPage = "https://example.com/landing"
	if l := newLinker(doc, opt, "decision"); l.target != TargetLandingPage {
		t.Errorf("target %q, want landing page", l.target)
	}
	opt.Campaign.LandingPage = ""
	if l := newLinker(doc, opt, "decision"); l.target != TargetPublicPage {
		t.Errorf("target %q, want public page", l.target)
	}
}
