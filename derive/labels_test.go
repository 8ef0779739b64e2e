package derive

import (
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

func TestParseIdentifiesTheLanguageAndDerivesInIt(t *testing.T) {
	for _, tc := range []struct{ name, src, want, cta string }{
		{"de.md", "# Plattformen\n\nDas Plattformteam baut Werkzeuge für die anderen Teams und misst, was sie nutzen, und spart so Kosten.\n", "de", "Mehr erfahren"},
		{"fr.txt", "Plateformes\n\nL'équipe plateforme construit des outils pour les autres équipes et mesure leur usage, ce qui réduit les coûts.\n", "fr", "En savoir plus"},
		{"it.md", "# Piattaforme\n\nIl team di piattaforma costruisce strumenti per gli altri team e misura ciò che usano ogni giorno, e così riduce i costi.\n", "it", "Scopri di più"},
		{"ko.md", "# 플랫폼\n\n플랫폼 팀은 다른 팀을 위한 도구를 만들고 무엇을 사용하는지 측정하여 비용을 줄입니다. 팀은 매주 결과를 공유합니다.\n", "ko", "더 읽기"},
		{"zh.md", "# 平台\n\n平台团队为其他团队构建工具，并衡量他们使用了什么，以降低成本。团队每周分享结果。\n", "zh", "阅读更多"},
		// A declaration gives the labels of the declared language.
		{"pt.md", "---\nlang: pt-BR\ndoc_type: whitepaper\n---\n# Plataformas\n\nA equipe de plataforma constrói ferramentas para as outras equipes e mede o uso, o que reduz custos.\n", "pt-BR", "Leia o documento completo"},
	} {
		doc, err := parse.File(tc.name, []byte(tc.src), 0)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Lang != tc.want {
			t.Errorf("%s: lang %q, want %q", tc.name, doc.Lang, tc.want)
		}
		// An English campaign CTA is not put under posts in another language.
		opt := testOptions([]byte(tc.src))
		res := From(doc, opt)
		if len(res.Derivatives) == 0 {
			t.Fatalf("%s: no derivatives (%v)", tc.name, res.Skipped)
		}
		for _, d := range res.Derivatives {
			if d.Locale != tc.want {
				t.Errorf("%s: %s derivative carries locale %q", tc.name, d.Kind, d.Locale)
			}
			if d.CTA != tc.cta {
				t.Errorf("%s: %s derivative's CTA is %q, want %q", tc.name, d.Kind, d.CTA, tc.cta)
			}
			if d.NeedsReview != "" {
				t.Errorf("%s: %s needs review: %s", tc.name, d.Kind, d.NeedsReview)
			}
		}
	}
}

func TestALanguageWithoutLabelsGetsNoEnglishAndNeedsReview(t *testing.T) {
	src := "# Платформы\n\nКоманда платформы создаёт инструменты для других команд и измеряет, чем они пользуются. " +
		"Каждую неделю команда публикует отчёт о том, сколько времени разработчики экономят.\n"
	doc, err := parse.File("ru.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	res := From(doc, testOptions([]byte(src)))
	// Without the language's marks no sentence can be told a finding: its best ones are
	// posted for a person to review, not left out as descriptions.
	if !slices.ContainsFunc(res.Derivatives, func(d Derivative) bool { return d.Kind == channel.KindTweet }) {
		t.Fatalf("no post on X: %v", res.Skipped)
	}
	for _, d := range res.Derivatives {
		if d.Locale != "ru" || !strings.Contains(d.NeedsReview, "Russian") {
			t.Errorf("%s: locale %q, needs_review %q; want ru and a reason naming Russian", d.Kind, d.Locale, d.NeedsReview)
		}
		for _, en := range []string{"Read the full", "Key takeaways", "Why it matters"} {
			if strings.Contains(d.Text, en) {
				t.Errorf("%s carries English %q:\n%s", d.Kind, en, d.Text)
			}
		}
	}
}

func TestCallToActionFitsTheDocumentType(t *testing.T) {
	body := "\n\nPlatform teams cut onboarding from two weeks to two days when every service starts from a template.\n"
	for _, tc := range []struct{ name, src, wantType, wantCTA string }{
		{"declared.md", "---\ndoc_type: report\n---\n# Platforms" + body, parse.DocReport, "Read the full report"},
		{"site.md", "---\ntype: whitepapers\n---\n# Platforms" + body, parse.DocWhitepaper, "Read the full whitepaper"},
		{"blog.md", "---\ncategories: [Article]\n---\n# Platforms" + body, parse.DocArticle, "Read the full article"},
		{"guide.md", "# The Platform Engineering Guide" + body, parse.DocGuide, "Read the full guide"},
		{"page.html", "<html><body><article><h1>Platforms</h1><p>" + body + "</p></article></body></html>", parse.DocArticle, "Read the full article"},
		// A cover names the type in a heading of its own under the title; a section about
		// another paper does not.
		{"cover.md", "# CNCF Operator\n\n## WHITE PAPER\n\n## Summary" + body, parse.DocWhitepaper, "Read the full whitepaper"},
		{"about.md", "# Platforms\n\n## Introduction\n\n## What the 2022 report on platform adoption by large enterprises found" + body, "", "Read more"},
		// What the opening calls the document outweighs a title's metaphor.
		{"essay.txt", "The Store Is Not a Website: Why Retail Keeps Borrowing the Wrong Playbook\n\nThis essay argues that stores need their own numbers." + body, parse.DocArticle, "Read the full article"},
		{"letter.txt", "Fieldloom in 2024: A Letter to Our Customers" + body, parse.DocArticle, "Read the full article"},
		{"fr.md", "# Fraude aux achats\n\nCe livre blanc présente les schémas de fraude les plus coûteux pour les directions financières.\n", parse.DocWhitepaper, "Lire le livre blanc complet"},
		{"ko.md", "# 공장 에너지 관리 가이드\n\n본 백서는 중소 제조기업 41곳의 에너지 데이터를 분석했습니다.\n", parse.DocWhitepaper, "백서 전문 읽기"},
		// A word inside a longer one names nothing.
		{"pg.md", "# Postgres reporting guidelines" + body, "", "Read more"},
		// A talk given as text is read; as subtitles, watched.
		{"talk.md", "---\ndoc_type: webinar\n---\n# Platforms" + body, parse.DocTalk, "Read the full transcript"},
		{"talk.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nPlatform teams cut onboarding from two weeks to two days when every service starts from a template.\n", parse.DocTalk, "Watch the full talk"},
		{"es.md", "---\ndoc_type: guide\n---\n# Plataformas\n\nLos equipos de plataforma reducen la incorporación de dos semanas a dos días con plantillas.\n", parse.DocGuide, "Lee la guía completa"},
	} {
		doc, err := parse.File(tc.name, []byte(tc.src), 0)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Type != tc.wantType {
			t.Errorf("%s: type %q, want %q", tc.name, doc.Type, tc.wantType)
		}
		opt := testOptions(nil)
		opt.Campaign.CTA = nil // the built-in texts, not the campaign's
		for _, d := range From(doc, opt).Derivatives {
			if d.CTA != tc.wantCTA {
				t.Errorf("%s: %s CTA %q, want %q", tc.name, d.Kind, d.CTA, tc.wantCTA)
			}
		}
	}
}

func TestLabelsCoverTheBuiltInLanguages(t *testing.T) {
	var langs []string
	for lang := range labelsByLang {
		langs = append(langs, lang)
	}
	if want := slices.Sorted(slices.Values(extract.Languages)); !slices.Equal(slices.Sorted(slices.Values(langs)), want) {
		t.Errorf("labels are written for %v, the built-in languages are %v", slices.Sorted(slices.Values(langs)), want)
	}
}
