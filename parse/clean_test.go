package parse

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/parse/cite"
)

// paragraphs is every paragraph and list item of a parsed document, in order.
func paragraphs(t *testing.T, key, src string) []string {
	t.Helper()
	doc, err := File(key, []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range doc.Sections {
		out = append(out, s.Paragraphs...)
		for _, l := range s.Lists {
			out = append(out, l...)
		}
	}
	return out
}

func TestTemplateMarkupKeepsOnlyTheWordsAReaderSees(t *testing.T) {
	src := "# Platforms\n\n" +
		"{{% pageinfo color=\"info\" %}}\n\n" +
		"The focus is on [internal users]({{< ref \"/wgs/platforms/glossary#platform-users\" >}}) such as product teams.\n\n" +
		"{{% /pageinfo %}}\n\n" +
		"{{< tabs tabTotal=\"6\">}}\n\n" +
		"* A [product manager]({{< relref \"/glossary#team\" >}}) drives feedback.\n\n" +
		"{% raw %}Platforms {{% note %}}reduce toil{{% /note %}} for every team.{% endraw %}\n\n" +
		"プラットフォームは[内部ユーザー]({{< ref \"/ja/glossary\" >}})のためのものです。\n"
	got := strings.Join(paragraphs(t, "p.md", src), "\n")
	want := "The focus is on internal users such as product teams.\n" +
		"Platforms reduce toil for every team.\n" +
		"プラットフォームは内部ユーザーのためのものです。\n" +
		"A product manager drives feedback."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTemplateLikeTextThatIsNotMarkupStays(t *testing.T) {
	for _, s := range []string{
		"Set the value to {{ .Values.image }} in the chart.",
		"A set {1, 2} and a map {a: b} stay.",
		"Progress was 50% {of the plan}.",
	} {
		if got := withoutMarkup(s); got != s {
			t.Errorf("withoutMarkup(%q) = %q", s, got)
		}
	}
}

func TestEmphasisLeavesNoSpaceInsideChineseOrJapanese(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"私たちはしばしばそれらを _内部_ プラットフォームと呼んでいます。", "私たちはしばしばそれらを内部プラットフォームと呼んでいます。"},
		{"我们通常称之为 **内部** 平台。", "我们通常称之为内部平台。"},
		{"CNCF 平台白皮书使用 *Kubernetes* 的 API。", "CNCF 平台白皮书使用 Kubernetes 的 API。"},
		{"Los límites de **seguridad**  importan.", "Los límites de seguridad importan."},
		{"우리는 이를 _내부_ 플랫폼이라고 부릅니다.", "우리는 이를 내부 플랫폼이라고 부릅니다."},
		// Bold that CommonMark leaves open, between a mark and a letter.
		{"FEMS를 운영 중인 기업은 **평균 11.7%**의 에너지 비용 절감을 보고했다.", "FEMS를 운영 중인 기업은 평균 11.7%의 에너지 비용 절감을 보고했다."},
	} {
		if got := paragraphs(t, "a.md", "# T\n\n"+tc.src+"\n"); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q → %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestTitlesLoseTheirFileLabels(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"CLOUD NATIVE SECURITY WHITEPAPER | Version 2 - Italian Issue", "CLOUD NATIVE SECURITY WHITEPAPER"},
		{"CNCF Operator White Paper - Final Version", "CNCF Operator White Paper"},
		{"CNCF Platforms White Paper (for PDF)", "CNCF Platforms White Paper"},
		{"Traducción del Documento de Seguridad Nativa en la Nube", "Documento de Seguridad Nativa en la Nube"},
		{"Guia de Plataformas — versão 1.2 (rascunho)", "Guia de Plataformas"},
		{"Sicurezza nel cloud [bozza]", "Sicurezza nel cloud"},
		// headlines keep their words
		{"Platform Engineering in 2024 - Industry Trends", "Platform Engineering in 2024 - Industry Trends"},
		{"Why Release Trains Fail", "Why Release Trains Fail"},
		{"Kubernetes 1.30: What's New", "Kubernetes 1.30: What's New"},
		{"Version Control - A Primer", "Version Control - A Primer"},
		{"Final Version", "Final Version"},
		{"Acme Report - 5 Ways to Cut Costs", "Acme Report - 5 Ways to Cut Costs"},
	} {
		if got := CleanTitle(tc.in); got != tc.want {
			t.Errorf("CleanTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCitationMarkersThatAreAsidesGo(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"There is precedent for Operators[2] to allow for privileges.", "There is precedent for Operators to allow for privileges."},
		{"The book “Kubernetes Operators” [ 2] provides a comprehensive overview.", "The book “Kubernetes Operators” provides a comprehensive overview."},
		{"Platforms reduce toil [12, 14].", "Platforms reduce toil."},
		{"Signed images stop tampering in transit [^7].", "Signed images stop tampering in transit."},
		{"A wiki page can be a platform, as described in [3].", "A wiki page can be a platform."},
		{"As discussed in [4], teams measure productivity.", "Teams measure productivity."},
		{"Los equipos miden la productividad, como se describe en [4].", "Los equipos miden la productividad."},
		{"例如，一个非常简单的“平台”可以是一个 wiki 页面，如 [ 3] 所述。", "例如，一个非常简单的“平台”可以是一个 wiki 页面。"},
		{"非常にシンプルな「プラットフォーム」は、[3]で説明されているように、wikiページです。", "非常にシンプルな「プラットフォーム」は、wikiページです。"},
		{"플랫폼은 [3]에서 설명한 것처럼 위키 페이지일 수 있습니다.", "플랫폼은 위키 페이지일 수 있습니다."},
		{"According to [1], operators written in Go are the most popular.", "Operators written in Go are the most popular."},
		{"Según [2], la mayoría de los equipos usa Go.", "La mayoría de los equipos usa Go."},
		{"Google 的研究所建议 [ 5] 跟踪以下度量标准。", "Google 的研究所建议跟踪以下度量标准。"},
		{"Platform adoption grew fast¹ in 2023.", "Platform adoption grew fast in 2023."},
		{"Adoption grew.² Teams followed.", "Adoption grew. Teams followed."},
		// the reference is the sentence's point: the marker stays for the postability check
		{"See [3] for the full list.", "See [3] for the full list."},
		{"[5] shows how teams measure productivity.", "[5] shows how teams measure productivity."},
		{"詳細は[3]を参照してください。", "詳細は[3]を参照してください。"},
		// not citations
		{"The office is 40 m² and the tank 2 m³.", "The office is 40 m² and the tank 2 m³."},
		{"Use the array items[0] and [a, b].", "Use the array items[0] and [a, b]."},
	} {
		if got := normalizeSpace(cite.Without(tc.in)); got != tc.want {
			t.Errorf("cite.Without(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestSpacesBetweenCJKWordsStayWhenTheWriterPutThem(t *testing.T) {
	src := "# T\n\n> 決定が記録されるようになったことの方が大きかった。\n>\n> — 田中 美咲、サクラ・システムズ エンジニアリングマネージャー\n"
	doc, err := File("a.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Sections[0].Quotes[0].Attribution; got != "田中 美咲、サクラ・システムズ エンジニアリングマネージャー" {
		t.Errorf("attribution %q", got)
	}
}

func TestACitationBesideANamedWorkIsAnAside(t *testing.T) {
	in := "SPACEフレームワーク[4]で説明されているような、開発者の生産性を示す指標。"
	if got := cite.Without(in); got != "SPACEフレームワークで説明されているような、開発者の生産性を示す指標。" {
		t.Errorf("got %q", got)
	}
}

func TestATitleInCapitalsReadsAsAHeadline(t *testing.T) {
	src := "# CLOUD NATIVE SECURITY WHITEPAPER | Version 2 - Italian Issue\n\nLa sicurezza Cloud Native richiede controlli in ogni fase del ciclo di vita.\n"
	doc, err := File("paper.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Cloud Native Security Whitepaper" {
		t.Errorf("title %q", doc.Title)
	}
	src = "# CNCF SECURITY WHITEPAPER FOR API TEAMS\n\nThe CNCF asks every API team to sign its artifacts.\n"
	if doc, _ = File("paper.md", []byte(src), 0); doc.Title != "CNCF Security Whitepaper For API Teams" {
		t.Errorf("title %q: the acronyms the text writes in capitals stay", doc.Title)
	}
	// Outside English, a title is in sentence case: each word as the text writes it.
	src = "# GUIDE PRATIQUE DE LA MAINTENANCE PRÉDICTIVE POUR LES PME\n\nLa maintenance prédictive reste rare dans les PME : " +
		"un guide pratique aide à choisir les machines de la première phase.\n"
	if doc, _ = File("guide.md", []byte(src), 0); doc.Title != "Guide pratique de la maintenance prédictive pour les PME" {
		t.Errorf("title %q", doc.Title)
	}
	src = "# EINGANGSRECHNUNGEN DIGITAL VERARBEITEN\n\nViele Unternehmen verarbeiten Eingangsrechnungen noch auf Papier, " +
		"obwohl sie die Belege digital empfangen.\n"
	if doc, _ = File("leitfaden.md", []byte(src), 0); doc.Title != "Eingangsrechnungen digital verarbeiten" {
		t.Errorf("title %q", doc.Title)
	}
}
