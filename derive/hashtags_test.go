package derive

import (
	"slices"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

func TestHashtagsComeFromTagsTheCampaignAndNamedTopics(t *testing.T) {
	doc, err := parse.File("roi.md", []byte(`---
tags: [DevOps, roi, content operations, event, Community Contribution, WG Platforms]
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
	d := &deriver{a: extract.Analyze(doc), opt: opt}
	// Tags in order; ROI as the document writes it; the alias; a generic tag and a site's
	// filing ("Community Contribution", a working group) dropped; the
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
	// title and none often (SBOM twice), gets none.
	plain := &deriver{a: extract.Analyze(doc), opt: testOptions(nil)}
	plain.a.Doc.Meta.Tags = nil
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
		// In another language, a topic only in the words the document uses itself: no
		// English tag for 云原生 (#云原生, which the title names) or ciberseguridad
		// (#Ciberseguridad), #ZeroTrust for "Zero Trust"; Japanese written without spaces
		// is counted too.
		{"zh.md", "---\nlang: zh\n---\n# 云原生平台白皮书\n\n平台团队使用开源工具。平台可以降低成本。\n", []string{"#云原生"}},
		{"ja.md", "---\nlang: ja\n---\n# 社内基盤の手引き\n\nクラウドネイティブな基盤が増えています。クラウドネイティブの運用は難しい。" +
			"チームはクラウドネイティブの道具を使います。\n", []string{"#クラウドネイティブ"}},
		{"es.md", "---\nlang: es\n---\n# Guía\n\nLa ciberseguridad importa. La ciberseguridad cuesta. La ciberseguridad protege a todos.\n", []string{"#Ciberseguridad"}},
		{"pt.md", "---\nlang: pt\n---\n# Observabilidade além dos dashboards\n\nAs equipes medem o custo de cada sinal.\n", []string{"#Observabilidade"}},
		{"de.md", "---\nlang: de\n---\n# Marketing nach der DSGVO\n\nDie Teams holen jede Einwilligung ein.\n", []string{"#DSGVO"}},
		{"en3.md", "# Notes on usage-based pricing\n\nWe moved to usage-based billing two years ago.\n", []string{"#Pricing"}},
		// "Pricing" alone is a section of every launch, not its topic.
		{"en4.md", "# Beacon is here\n\nPricing starts at $500. Pricing is per seat. Pricing is public.\n", nil},
		{"es2.md", "---\nlang: es\n---\n# Guía de Zero Trust\n\nLa seguridad importa. La seguridad en la nube cuesta.\n", []string{"#ZeroTrust"}},
		// An English word a German text quotes is no German tag; its own word is.
		{"de2.md", "---\nlang: de\n---\n# Scope-3-Bilanzierung nach der Corporate Sustainability Reporting Directive\n\n" +
			"Die Teams messen jede Lieferung. Nachhaltigkeit kostet. Nachhaltigkeit lohnt sich. Nachhaltigkeit ist Pflicht.\n", []string{"#Nachhaltigkeit"}},
		// Fields and industries in each language's own words, a plural for its tag.
		{"es3.md", "---\nlang: es\n---\n# Informe 2025 sobre la cadena de frío farmacéutica\n\nLos envíos llegan tarde.\n", []string{"#CadenaDeFrío"}},
		{"pt2.md", "---\nlang: pt\n---\n# Crédito para pequenos produtores\n\nAs fintechs chegaram ao campo. " +
			"As fintechs emprestam mais rápido. Duas fintechs lideram o mercado.\n", []string{"#Fintech"}},
		{"it.md", "---\nlang: it\n---\n# Rapporto 2026\n\nLa cybersecurity pesa sui bilanci. La cybersecurity è un costo. " +
			"Chi investe in cybersecurity spende meno.\n", []string{"#Cybersecurity"}},
		{"ko.md", "---\nlang: ko\n---\n# 중소기업 스마트공장 도입 효과 보고서\n\n도입 기업의 생산성이 높아졌습니다.\n", []string{"#스마트팩토리"}},
		// An industry a benchmark breaks its sample down by, or AI as a feature, is a
		// segment, not its subject, however often the text names it; its title makes it one.
		{"en5.md", "# State of B2B email 2025\n\nManufacturing senders lead this year.\n\n## By industry\n\n" +
			"Manufacturing leads. Manufacturing sends less. Manufacturing lists are older.\n", nil},
		{"en6.md", "# Email benchmarks for manufacturing\n\nOpen rates fell again this year.\n", []string{"#Manufacturing"}},
		// Common B2B fields in each language, and the narrower of two topics a title names.
		{"de3.md", "---\nlang: de\n---\n# E-Rechnung im Mittelstand einführen\n\nDie Pflicht gilt seit 2025.\n", []string{"#ERechnung"}},
		{"ja2.md", "---\nlang: ja\n---\n# インボイス制度への対応状況\n\n多くの企業が対応を進めています。\n", []string{"#インボイス制度"}},
		{"ko2.md", "---\nlang: ko\n---\n# 2024 중견기업 매출채권 관리 실태 보고서\n\n응답 기업의 절반이 엑셀을 씁니다.\n", []string{"#매출채권"}},
		{"en7.md", "# Your cyber insurance application is a security document\n\nUnderwriters read it closely.\n", []string{"#CyberInsurance"}},
		{"fr2.md", "---\nlang: fr\n---\n# Préparer la facturation électronique\n\nLa réforme arrive en 2026.\n", []string{"#FacturationÉlectronique"}},
		// More fields: telematics, law firms, food waste, heat pumps, pharmacies, HR.
		{"en8.md", "# Fleet telematics in mid-size logistics\n\nCarriers track every truck.\n", []string{"#Logistics", "#Telematics"}},
		{"de4.md", "---\nlang: de\n---\n# Zeiterfassung in der Anwaltskanzlei\n\nJede Minute zählt.\n", []string{"#Zeiterfassung", "#Anwaltskanzlei"}},
		{"es4.md", "---\nlang: es\n---\n# Cómo reducir el desperdicio alimentario en cadenas de restaurantes\n\nCada local pesa sus mermas.\n", []string{"#DesperdicioAlimentario"}},
		{"nl2.md", "---\nlang: nl\n---\n# Warmtepompen in de utiliteitsbouw\n\nDe prestaties vallen vaak tegen.\n", []string{"#Warmtepomp", "#Utiliteitsbouw"}},
		{"ja3.md", "---\nlang: ja\n---\n# 中小企業の人事労務電子化ガイド\n\n多くの企業が紙で手続きをしています。\n", []string{"#人事労務"}},
	} {
		doc, err := parse.File(tc.name, []byte(tc.text), 0)
		if err != nil {
			t.Fatal(err)
		}
		d := &deriver{a: extract.Analyze(doc), opt: testOptions(nil)}
		// The topics the title names; without one, the topic named most (at least three
		// times; "Seoul" is not SEO).
		if got := d.allHashtags(); !slices.Equal(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("%s: hashtags %q, want %q", tc.name, got, tc.want)
		}
	}
}
