package parse

import (
	"reflect"
	"testing"

	"github.com/repurpose/repurpose/internal/testdocs"
)

func parseSample(t testing.TB, name string) *Document {
	t.Helper()
	doc, err := File(name, testdocs.Sample(t, name), 10<<20)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

const outlineSrc = `# Guide: Getting Started!

Table of Contents
=================

* [Intro](#intro)
    * [Setup](#setup)

## Intro

Use ` + "`kubectl apply`" + ` with **care** &amp; read [the docs](https://example.com/docs).
Second line of the same paragraph.

![diagram](img/d.png)

## Intro

- first item
  - nested *item*
- second item

## What's new in v2.0?

> Shipping weekly changed how we think about risk.
> It made releases boring.
> — Jane Doe, CTO

> A note with no speaker.

> Short line.
> - Sam Lee
`

func TestSectionsAndAnchors(t *testing.T) {
	doc, err := File("guide.md", []byte(outlineSrc), 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Sections {
		got = append(got, s.Heading+" #"+s.Anchor)
	}
	want := []string{
		"Guide: Getting Started! #guide-getting-started",
		"Intro #intro",
		"Intro #intro-1",
		"What's new in v2.0? #whats-new-in-v20",
	}
	// The "Table of Contents" section (links only) is dropped; the heading-only H1 stays.
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections\n got %q\nwant %q", got, want)
	}
	if doc.Title != "Guide: Getting Started!" {
		t.Errorf("title %q", doc.Title)
	}
	intro := doc.Sections[1]
	if want := "Use kubectl apply with care & read the docs. Second line of the same paragraph."; intro.Paragraphs[0] != want {
		t.Errorf("paragraph %q, want %q", intro.Paragraphs[0], want)
	}
	if want := [][]string{{"first item", "nested item", "second item"}}; !reflect.DeepEqual(doc.Sections[2].Lists, want) {
		t.Errorf("lists %q, want %q", doc.Sections[2].Lists, want)
	}
	quotes := doc.Sections[3].Quotes
	wantQuotes := []Quote{
		{Text: "Shipping weekly changed how we think about risk. It made releases boring.", Attribution: "Jane Doe, CTO"},
		{Text: "A note with no speaker."},
		{Text: "Short line.", Attribution: "Sam Lee"},
	}
	if !reflect.DeepEqual(quotes, wantQuotes) {
		t.Errorf("quotes\n got %+v\nwant %+v", quotes, wantQuotes)
	}
	if len(doc.Links) < 1 || doc.Links[len(doc.Links)-1].URL != "https://example.com/docs" {
		t.Errorf("links %+v", doc.Links)
	}
	if len(doc.Images) != 1 || doc.Images[0] != (Image{Alt: "diagram", URL: "img/d.png"}) {
		t.Errorf("images %+v", doc.Images)
	}
}

func TestGitHubSlugs(t *testing.T) {
	s := slugger{}
	for _, tc := range [][2]string{
		{"Target Audience / Minimum Level of Experience", "target-audience--minimum-level-of-experience"},
		{"Application Developer (Operator-\"Users\")", "application-developer-operator-users"},
		{"Intro", "intro"},
		{"Intro", "intro-1"},
		{"Intro", "intro-2"},
		{"intro-1", "intro-1-1"},
		{"snake_case API", "snake_case-api"},
		{"Análisis del problema", "análisis-del-problema"},
		{"なぜプラットフォームなのか?", "なぜプラットフォームなのか"},
	} {
		if got := s.anchor(tc[0]); got != tc[1] {
			t.Errorf("anchor(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

func TestPlainTextLists(t *testing.T) {
	doc := parseSample(t, "notes.txt")
	s := doc.Sections[0]
	if len(s.Lists) != 1 || len(s.Lists[0]) != 3 || s.Lists[0][0] != "scheduled exports to shared folders" {
		t.Errorf("lists %q", s.Lists)
	}
}

func TestHTMLSample(t *testing.T) {
	doc := parseSample(t, "landing-page.html")
	if doc.Meta.CanonicalURL != "https://example.com/blog/five-habits-of-teams-that-ship-weekly" {
		t.Errorf("canonical %q", doc.Meta.CanonicalURL)
	}
	var anchors []string
	var quotes []Quote
	for _, s := range doc.Sections {
		anchors = append(anchors, s.Anchor)
		quotes = append(quotes, s.Quotes...)
	}
	if !reflect.DeepEqual(anchors[1:], []string{"small-batches", "boring-deploys", "watch-production", "ownership", "retros"}) {
		t.Errorf("anchors %q", anchors)
	}
	if len(quotes) != 1 || quotes[0].Attribution != "Dana Whitfield, Release Manager" {
		t.Errorf("quotes %+v", quotes)
	}
	for _, l := range doc.Links {
		if l.URL == "/pricing" || l.URL == "/privacy" {
			t.Errorf("navigation link kept: %+v", l)
		}
	}
}

// TestAChineseQuotesSpeakerLosesTheDoubledDash: "——陈蔚然" names 陈蔚然.
func TestAChineseQuotesSpeakerLosesTheDoubledDash(t *testing.T) {
	doc, err := File("q.md", []byte("# 案例\n\n> “检查组的反馈是正面的。”\n> ——**陈蔚然**，首席合规官\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	var quotes []Quote
	for _, s := range doc.Sections {
		quotes = append(quotes, s.Quotes...)
	}
	if len(quotes) != 1 || quotes[0].Attribution != "陈蔚然，首席合规官" {
		t.Errorf("quotes %+v", quotes)
	}
}
