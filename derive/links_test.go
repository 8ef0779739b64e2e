package derive

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

func TestBacklinks(t *testing.T) {
	doc := &parse.Document{Meta: parse.FrontMatter{CanonicalURL: "https://example.com/paper?ref=home#old"}}
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
