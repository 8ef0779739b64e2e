package derive

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/testdocs"
	"github.com/repurpose/repurpose/parse"
)

const shortDoc = `---
title: Faster Builds
stage: decision
---
# Faster Builds

Remote caching cut our median CI build from 14 minutes to 5 minutes across 40 repositories.

## Why caching works

Most builds repeat work that an earlier build already did on another machine. A shared cache lets every runner reuse those results instead of compiling them again.

## How to start

Turn on the cache for one repository first and watch the hit rate for a week before rolling it out.
`

func TestDeriveLinksAndCTA(t *testing.T) {
	doc, err := parse.File("builds.md", []byte(shortDoc), 0)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{
		Version:      "0123456789abcdef",
		CampaignName: "q3",
		SourceID:     "s1",
		Campaign: config.Campaign{
			LandingPage: "https://example.com/builds?ref=paper",
			CTA:         map[string]string{"decision": "Book a demo"},
			UTM:         config.UTM{Source: "{channel}", Campaign: "{campaign}-{stage}"},
		},
	}
	res := From(doc, opt)
	if res.LinkTarget != TargetLandingPage || res.Stage != "decision" {
		t.Errorf("target %q stage %q", res.LinkTarget, res.Stage)
	}
	checkResult(t, res, 1)
	for _, d := range res.Derivatives {
		if d.CTA != "Book a demo" || d.Locale != "en" {
			t.Errorf("%s: CTA %q locale %q", d.Kind, d.CTA, d.Locale)
		}
		if !strings.HasPrefix(d.Backlink, "https://example.com/builds?ref=paper&utm_campaign=q3-decision&utm_source="+string(d.Channel)) {
			t.Errorf("%s backlink %q", d.Kind, d.Backlink)
		}
		if d.ID != derivativeID(opt.Version, d.Kind, d.Channel, d.Locale, d.Ordinal) {
			t.Errorf("%s: ID %s is not DerivativeID of its identity", d.Kind, d.ID)
		}
		deep := strings.Contains(d.Backlink, "#")
		switch d.Kind {
		case channel.KindThread, channel.KindLinkedIn, channel.KindBlog:
			if deep {
				t.Errorf("whole-document %s deep-links: %s", d.Kind, d.Backlink)
			}
		default:
			if d.Section != nil && !strings.HasSuffix(d.Backlink, "#"+d.Section.Anchor) {
				t.Errorf("%s from %q does not deep-link: %s", d.Kind, d.Section.Heading, d.Backlink)
			}
		}
	}
}

func TestDeriveSkipsWhatCannotFit(t *testing.T) {
	// One "word" longer than any post: nothing valid can be made on X.
	doc := &parse.Document{Title: "T", Lang: "en", Sections: []parse.Section{{Paragraphs: []string{strings.Repeat("a", 400) + "."}}}}
	res := From(doc, Options{Version: "v", PublicPageURL: "https://example.com/p"})
	for _, d := range res.Derivatives {
		if !d.Length.Valid {
			t.Errorf("invalid %s emitted", d.Kind)
		}
		if d.Channel == channel.X {
			t.Errorf("%s emitted for X from an unfittable source: %q", d.Kind, d.Text)
		}
	}
	skipped := map[channel.Kind]bool{}
	for _, s := range res.Skipped {
		skipped[s.Kind] = s.Reason != ""
	}
	for _, k := range []channel.Kind{channel.KindTweet, channel.KindThread, channel.KindLinkedIn, channel.KindBlog} {
		if !skipped[k] {
			t.Errorf("%s neither emitted validly nor skipped with a reason: %+v", k, res.Skipped)
		}
	}
}

func TestBlogTeaser(t *testing.T) {
	doc := parseSample(t, "whitepaper.es.md")
	res := From(doc, testOptions([]byte("x")))
	for _, d := range res.Derivatives {
		if d.Kind != channel.KindBlog {
			continue
		}
		b := d.Blog
		if b.Slug != "inventario-sin-sorpresas-prevision-de-demanda-para-tiendas" {
			t.Errorf("slug %q", b.Slug)
		}
		if d.Text != b.Markdown || !strings.Contains(b.HTML, "<li>") || strings.Contains(b.HTML, "{link}") {
			t.Errorf("markdown/html mismatch")
		}
		return
	}
	t.Fatal("no blog teaser")
}

func TestBlogSlugFallsBackForNonLatinTitles(t *testing.T) {
	doc := parseSample(t, "whitepaper.ja.md")
	for _, d := range From(doc, Options{Version: "deadbeefcafe0000", PublicPageURL: "https://example.com/p"}).Derivatives {
		if d.Kind == channel.KindBlog && d.Blog.Slug != "source-deadbeef" {
			t.Errorf("slug %q", d.Blog.Slug)
		}
	}
}

func TestHTMLEscapingInBlog(t *testing.T) {
	doc, err := parse.File("x.md", []byte("# Tags <b> & \"quotes\"\n\nFirst point about <script>alert(1)</script> safety matters a lot here. Second sentence adds more detail about the topic.\n\n## Two\n\nAnother section explains why escaping matters for every teaser we render.\n\n## Three\n\nA third section closes the argument with a practical recommendation for teams.\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Kind == channel.KindBlog && (strings.Contains(d.Blog.HTML, "<script>") || strings.Contains(d.Blog.HTML, "<b>")) {
			t.Errorf("unescaped HTML: %s", d.Blog.HTML)
		}
	}
}

// parseSample parses a file of the repository's samples.
func parseSample(t testing.TB, name string) *parse.Document {
	t.Helper()
	doc, err := parse.File(name, testdocs.Sample(t, name), 10<<20)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}
