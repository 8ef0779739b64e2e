package transforms

import (
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
)

// keywordsOf derives the keywords of a small document in lang.
func keywordsOf(t *testing.T, lang, text string) []string {
	t.Helper()
	doc := &Document{Title: "T", Lang: lang}
	for _, p := range strings.Split(text, "\n") {
		doc.Sections = append(doc.Sections, Section{Paragraphs: []string{p}})
	}
	return analyze(doc).keywords(5)
}

func TestKeywordsPerLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string // among the keywords, in any order
		not        []string // never keywords: fragments, stop-word edges
	}{
		{"en", "Platform teams build an internal developer platform for product teams.\n" +
			"An internal developer platform reduces cognitive load for product teams.\n" +
			"Platform teams measure the internal developer platform by adoption.",
			[]string{"internal developer platform", "product teams", "Platform teams"},
			[]string{"developer platform", "for product", "an internal"}},
		{"es", "La seguridad de la cadena de suministro protege cada imagen de contenedor.\n" +
			"Una imagen de contenedor firmada refuerza la cadena de suministro.\n" +
			"Los equipos revisan la cadena de suministro y cada imagen de contenedor.",
			[]string{"cadena de suministro", "imagen de contenedor"},
			[]string{"de suministro", "la cadena"}},
		{"de", "Die Plattform Teams betreiben eine interne Entwicklerplattform.\n" +
			"Eine interne Entwicklerplattform entlastet die Plattform Teams.\n" +
			"Gute Plattform Teams messen die interne Entwicklerplattform.",
			[]string{"interne Entwicklerplattform", "Plattform Teams"},
			[]string{"die Plattform", "eine interne"}},
		{"fr", "La chaîne d'approvisionnement logicielle exige une signature des images.\n" +
			"Une signature des images protège la chaîne d'approvisionnement logicielle.\n" +
			"Les équipes sécurisent la chaîne d'approvisionnement logicielle.",
			[]string{"chaîne d'approvisionnement logicielle", "signature des images"},
			[]string{"la chaîne", "des images"}},
		{"ja", "プラットフォームチームは開発者体験を改善します。\n" +
			"開発者体験はプラットフォームチームの目標です。\n" +
			"クラウドネイティブ技術を使うプラットフォームチームが増えています。クラウドネイティブ技術は重要です。",
			[]string{"プラットフォームチーム", "開発者体験", "クラウドネイティブ技術"},
			[]string{"は", "目標"}},
	} {
		got := keywordsOf(t, tc.lang, tc.text)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: keywords %q lack %q", tc.lang, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: keywords %q hold %q", tc.lang, got, w)
			}
		}
	}
}

func TestKeywordSpellingsFold(t *testing.T) {
	got := keywordsOf(t, "en", "Platform Teams own it. The platform team ships it. Platform teams rest.")
	if len(got) == 0 || got[0] != "Platform Teams" || slices.Contains(got, "platform team") {
		t.Errorf("keywords %q: want one keyword in its most common spelling", got)
	}
}

func TestHashtagsComeFromTagsTheCampaignAndNamedTopics(t *testing.T) {
	doc, err := Parse("roi.md", []byte(`---
tags: [DevOps, roi, content operations, event]
---
# Content at scale

Teams that measure ROI on their content operations publish twice as often. A software bill of
materials (SBOM) lists every component. Internal developer platforms reduce cognitive load.
`), 0)
	if err != nil {
		t.Fatal(err)
	}
	opt := testOptions(nil)
	opt.Brand.HashtagAliases = map[string]string{"content operations": "ContentOps"}
	opt.Campaign.Hashtags = []string{"SBOM", "platform engineering", "#InternalDeveloperPlatforms"}
	d := &deriver{a: analyze(doc), opt: opt}
	// Tags in order; ROI as the document writes it; the alias; a generic tag dropped; the
	// campaign's tags the document mentions (not "platform engineering"); no phrase mined
	// from the text ("cognitive load").
	want := []string{"#DevOps", "#ROI", "#ContentOps", "#SBOM", "#InternalDeveloperPlatforms"}
	if got := d.allHashtags(); !slices.Equal(got, want) {
		t.Errorf("hashtags %q, want %q", got, want)
	}
	for ch, want := range map[channel.Name]int{channel.X: 2, channel.Mastodon: 3, channel.Bluesky: 2, channel.Threads: 1, channel.LinkedIn: 3} {
		if got := d.hashtagsFor(ch); len(got) != want {
			t.Errorf("%s: %d hashtags %q, want %d", ch, len(got), got, want)
		}
	}
	d.opt.Brand.MaxHashtags = map[string]int{string(channel.X): 0, "threads": 4}
	if got := d.hashtagsFor(channel.X); len(got) != 0 {
		t.Errorf("x capped at 0 got %q", got)
	}
	if got := d.hashtagsFor("threads"); len(got) != 4 {
		t.Errorf("threads capped at 4 got %q", got)
	}
	// A document without tags, in a campaign without hashtags, naming no topic in its
	// headings and none often (SBOM twice), gets none.
	plain := &deriver{a: analyze(doc), opt: testOptions(nil)}
	plain.a.doc.Meta.Tags = nil
	if got := plain.hashtagsFor(channel.LinkedIn); len(got) != 0 {
		t.Errorf("untagged document got hashtags %q", got)
	}
}

func TestUntaggedDocumentsGetTheTopicsTheyAreAbout(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"en.md", "# Platform engineering for teams\n\nTeams in Seoul ship faster. Cloud native " +
			"platforms help. A cloud native stack is common. Kubernetes runs it.\n", []string{"#PlatformEngineering"}},
		{"en2.md", "# A guide for teams\n\nTeams in Seoul ship faster. Cloud native platforms help. A cloud native " +
			"stack is common. Kubernetes runs it. Cloud native is here. Kubernetes runs it. Kubernetes runs it.\n", []string{"#CloudNative"}},
		{"zh.md", "---\nlang: zh\n---\n# 云原生平台白皮书\n\n平台团队使用开源工具。平台可以降低成本。\n", []string{"#CloudNative"}},
		{"es.md", "---\nlang: es\n---\n# Guía\n\nLa ciberseguridad importa. La ciberseguridad cuesta. La ciberseguridad protege a todos.\n", []string{"#Cybersecurity"}},
	} {
		doc, err := Parse(tc.name, []byte(tc.text), 0)
		if err != nil {
			t.Fatal(err)
		}
		d := &deriver{a: analyze(doc), opt: testOptions(nil)}
		// The topics the title names; without one, the topic named most (at least three
		// times; "Seoul" is not SEO).
		if got := d.allHashtags(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: hashtags %q, want %q", tc.name, got, tc.want)
		}
	}
}
