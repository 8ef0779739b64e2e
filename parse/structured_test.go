package parse

import (
	"strings"
	"testing"
)

func TestTranscriptsParseIntoAttributedQuotesAndProse(t *testing.T) {
	vtt := "WEBVTT\n\nNOTE\ntitle: Platforms that teams love\nvideo_url: https://video.example.com/talk\ncampaign: launch\n\n" +
		"00:00:01.000 --> 00:00:05.000\n<v Ana Ruiz>Um, platform teams serve product teams, and they measure adoption every week.\n\n" +
		"00:00:05.000 --> 00:00:09.000\n<v Ben Ode>So golden paths are products, with users and a roadmap of their own.\n"
	// A transcript named .txt is still a transcript: its content says so.
	doc, err := File("inbox/keynote.txt", []byte(vtt), 0)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "vtt" || doc.Title != "Platforms that teams love" || doc.Meta.Campaign != "launch" || doc.Meta.CanonicalURL != "https://video.example.com/talk" {
		t.Errorf("format %q title %q campaign %q canonical %q", doc.Format, doc.Title, doc.Meta.Campaign, doc.Meta.CanonicalURL)
	}
	var quotes []Quote
	var prose []string
	for _, s := range doc.Sections {
		quotes = append(quotes, s.Quotes...)
		prose = append(prose, s.Paragraphs...)
	}
	if len(quotes) != 2 || quotes[0].Attribution != "Ana Ruiz" || !strings.HasPrefix(quotes[0].Text, "Platform teams serve product teams") || quotes[1].Attribution != "Ben Ode" {
		t.Errorf("quotes %+v", quotes)
	}
	if len(prose) != 2 {
		t.Errorf("prose %q", prose)
	}
	if quotes[0].Anchor != "t=1" || quotes[1].Anchor != "t=5" {
		t.Errorf("quote anchors %q and %q, want the moments they were said", quotes[0].Anchor, quotes[1].Anchor)
	}
	if o := doc.Outline(); len(o) != 0 {
		t.Errorf("a talk has no section headings (its title is metadata), got outline %+v", o)
	}
	if md := doc.Markdown(); !strings.HasPrefix(md, "# Platforms that teams love\n") || !strings.Contains(md, "> — Ben Ode") || strings.Count(md, "So golden paths are products") != 1 {
		t.Errorf("--text:\n%s", md)
	}
}

func TestMarkdownOutlineHasAnchorsAndNoPages(t *testing.T) {
	doc, err := File("a.md", []byte("# Title\n\nIntro text here.\n\n## First part\n\nBody text.\n\n### Detail\n\nMore text.\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	o := doc.Outline()
	if len(o) != 3 || o[1] != (OutlineEntry{Level: 2, Heading: "First part", Anchor: "first-part"}) || o[2].Level != 3 {
		t.Errorf("outline %+v", o)
	}
}
