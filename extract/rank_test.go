package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/parse"
)

// rankOf is the position of the sentence starting with prefix in the document's ranking.
func rankOf(a *Analysis, text string) int {
	for r, i := range a.Ranked {
		if a.Candidates[i].Text == text {
			return r
		}
	}
	return -1
}

func TestRankPenalisesUnresolvedOpeners(t *testing.T) {
	// Each pair says the same; the one opening with a pronoun needs the sentence before it.
	for _, tc := range []struct{ lang, filler, own, dep string }{
		{"en", "Remote caching matters for teams with large monorepos and slow builds.",
			"Remote caching cuts the median build time of large monorepos in half.",
			"It cuts the median build time of large monorepos in half with remote caching."},
		{"es", "La caché remota importa a equipos con monorrepos grandes y compilaciones lentas.",
			"La caché remota reduce a la mitad el tiempo de compilación de monorrepos grandes.",
			"Esto reduce a la mitad el tiempo de compilación de monorrepos grandes con caché remota."},
		{"de", "Ein entfernter Cache hilft Teams mit großen Monorepos und langsamen Builds.",
			"Ein entfernter Cache halbiert die Buildzeit großer Monorepos deutlich.",
			"Dies halbiert die Buildzeit großer Monorepos deutlich mit entferntem Cache."},
		{"fr", "Le cache distant aide les équipes aux grands monorepos et aux builds lents.",
			"Le cache distant divise par deux le temps de build des grands monorepos.",
			"Cela divise par deux le temps de build des grands monorepos avec le cache distant."},
	} {
		doc := &parse.Document{Title: "Builds", Lang: tc.lang, Sections: []parse.Section{
			{Heading: "A", Paragraphs: []string{tc.filler + " " + tc.dep}},
			{Heading: "B", Paragraphs: []string{tc.filler + " " + tc.own}},
		}}
		a := Analyze(doc)
		if own, dep := rankOf(a, tc.own), rankOf(a, tc.dep); own < 0 || dep < 0 || own > dep {
			t.Errorf("%s: self-contained sentence ranked %d, pronoun-led one %d", tc.lang, own, dep)
		}
		if !opensWithReference(tc.dep, tc.lang) || opensWithReference(tc.own, tc.lang) {
			t.Errorf("%s: opener detection wrong for %q / %q", tc.lang, tc.dep, tc.own)
		}
	}
}

func TestRankPrefersUsefulLength(t *testing.T) {
	a := &Analysis{Lang: "en"}
	short := a.standalone("Caching helps builds.")
	useful := a.standalone("Remote caching cuts the median build time of large monorepos in half for most teams.")
	long := a.standalone("Remote caching cuts the median build time of large monorepos in half for most teams, " +
		"provided that the cache is warm, the network between runners and the cache is fast, the keys are " +
		"stable across machines, and nobody invalidates the whole cache on every dependency bump, which happens.")
	fragment := a.standalone("Three things matter for remote caching in large monorepos:")
	if !(useful > short && useful > long && useful > fragment) {
		t.Errorf("standalone: useful %.2f, short %.2f, long %.2f, fragment %.2f", useful, short, long, fragment)
	}
}

func TestRankWeighsHeadings(t *testing.T) {
	// Same length and shape; the one echoing its section's heading ranks higher.
	doc := &parse.Document{Title: "Builds", Lang: "en", Sections: []parse.Section{
		{Heading: "Remote caching", Paragraphs: []string{"Teams gain a lot from remote caching on shared runners every day."}},
		{Heading: "Other notes", Paragraphs: []string{"Teams gain a lot from careful reviews on shared branches every day."}},
	}}
	a := Analyze(doc)
	if a.Ranked[0] != 0 {
		t.Errorf("heading-echoing sentence is not first: %q", a.Candidates[a.Ranked[0]].Text)
	}
}

// TestAnAnswerUnderItsQuestionIsNotAlone: the first sentence under a question that opens
// as a reply ("Nicht zwingend, …") answers a question the post never asks; one that
// states its own point stays.
func TestAnAnswerUnderItsQuestionIsNotAlone(t *testing.T) {
	doc := &parse.Document{Title: "Leitfaden", Lang: "de", Sections: []parse.Section{
		{Heading: "Brauche ich ein Cookie-Banner?", Paragraphs: []string{
			"Nicht zwingend, aber in den meisten Fällen ist eines für jede Website nötig."}},
		{Heading: "Was kostet ein Verstoß?", Paragraphs: []string{
			"Bußgelder erreichen bis zu 20 Millionen Euro oder vier Prozent des weltweiten Umsatzes."}},
	}}
	a := Analyze(doc)
	if c := a.Candidates[0]; c.Score > 0 {
		t.Errorf("the answer %q is posted alone (score %.2f)", c.Text, c.Score)
	}
	if c := a.Candidates[1]; c.Score <= 0 {
		t.Errorf("%q, which states its own point, is not posted", c.Text)
	}
}

// TestAReasonAfterItsQuestionIsNotAlone: "¿Por qué importa tanto? Porque un socio…"
// gives the reason for a question the post never asks; the same finding stated as a
// claim, or a reason that opens a sentence no question came before, stays.
func TestAReasonAfterItsQuestionIsNotAlone(t *testing.T) {
	for _, tc := range []struct{ lang, question, reply, claim string }{
		{"es", "¿Por qué importa tanto?", "Porque un socio con cuota mensual aporta, de media, 14 veces más ingresos a cinco años que un donante puntual.",
			"Un socio con cuota mensual aporta, de media, 14 veces más ingresos a cinco años que un donante puntual."},
		{"en", "Why does it matter?", "Because a monthly donor gives fourteen times more over five years than a one-off donor.",
			"Because a monthly donor gives fourteen times more over five years, charities now court them first."},
		{"zh", "为什么老患者如此重要？", "因为老患者的复诊收入占诊所总收入的六成以上。", "老患者的复诊收入占民营口腔诊所总收入的六成以上。"},
	} {
		doc := &parse.Document{Title: "Guía", Lang: tc.lang, Sections: []parse.Section{
			{Heading: "Contexto", Paragraphs: []string{tc.question + " " + tc.reply, tc.claim}},
		}}
		a := Analyze(doc)
		if c := candidate(t, a, tc.reply); c.Score > 0 {
			t.Errorf("%s: the reply %q is posted alone", tc.lang, tc.reply)
		}
		if c := candidate(t, a, tc.claim); c.Score <= 0 {
			t.Errorf("%s: %q, which states its own point, is not posted", tc.lang, tc.claim)
		}
	}
}

// TestAStringOfQuestionsIsNoPost: "Who reports the incident? Who calls the customers?"
// asks what the text answers later; one of them alone asks a stranger nothing. A single
// question followed by its answer may still open a post.
func TestAStringOfQuestionsIsNoPost(t *testing.T) {
	doc := &parse.Document{Title: "NIS2", Lang: "nl", Sections: []parse.Section{{Paragraphs: []string{
		"Wie meldt het incident binnen 24 uur bij het CSIRT? Wie belt de drie grootste klanten? Wie mag losgeld betalen?",
		"Is uw back-up getest op een volledige herstelactie? Slechts 18 procent van de besturen heeft dat ooit laten doen.",
	}}}}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		if posted, alone := c.Score > 0, !strings.HasPrefix(c.Text, "Wie "); posted != alone {
			t.Errorf("%q: posted %v, want %v", c.Text, posted, alone)
		}
	}
}

// TestASentenceThatSetsUpACaseIsNoPost: "Imagine a company with 200 employees…" asks
// the reader to picture what the next sentences tell; alone it tells nothing, with a
// figure or without.
func TestASentenceThatSetsUpACaseIsNoPost(t *testing.T) {
	for _, tc := range []struct{ lang, setUp, claim string }{
		{"en", "Imagine a company with 200 employees that receives about 1,500 invoices a month.",
			"Companies that automate invoice capture close their books two days sooner."},
		{"ko", "직원 200명, 연매출 800억 원 규모의 제조기업을 가정해 보겠습니다.", "자동화 솔루션을 쓰는 기업은 회수 기간이 19일 짧았습니다."},
		{"zh", "不妨设想一家拥有200名员工、8条产线的汽车零部件企业。", "已部署预测性维护的企业，非计划停机时间平均减少了31%。"},
		{"de", "Stellen Sie sich ein Unternehmen mit 200 Mitarbeitenden vor, das jeden Monat 1.500 Rechnungen erhält.",
			"Unternehmen mit digitalem Rechnungseingang ziehen deutlich häufiger Skonto."},
		{"ja", "客室数20室の旅館が、フロント業務を1日2時間削減できたとします。", "ツールを導入した施設では、フロント業務が1日平均2.4時間減りました。"},
		{"fr", "Imaginons une PME industrielle de 200 salariés qui exploite trois lignes de production.",
			"Les sites équipés de capteurs connaissent deux fois moins de pannes imprévues."},
	} {
		doc := &parse.Document{Title: "Case", Lang: tc.lang, Sections: []parse.Section{{Paragraphs: []string{tc.setUp, tc.claim}}}}
		a := Analyze(doc)
		if c := candidate(t, a, tc.setUp); c.Score > 0 {
			t.Errorf("%s: a set-up can be posted: %q", tc.lang, tc.setUp)
		}
		if c := candidate(t, a, tc.claim); c.Score <= 0 {
			t.Errorf("%s: a claim cannot be posted: %q", tc.lang, tc.claim)
		}
	}
}

// TestANoteOnTheDocumentIsNoPost: every sentence of a paragraph labelled as a note
// ("Hinweis: …", "Note: …") speaks of the document, the first or not.
func TestANoteOnTheDocumentIsNoPost(t *testing.T) {
	doc := &parse.Document{Title: "E-Rechnung", Lang: "de", Sections: []parse.Section{{Paragraphs: []string{
		"Hinweis: Dieser Leitfaden gibt einen Überblick. Bitte stimmen Sie Details zur Umsetzung in Ihrem Unternehmen mit Ihrer Steuerberatung ab.",
		"Seit dem 1. Januar 2025 muss jedes Unternehmen in Deutschland E-Rechnungen empfangen und verarbeiten können.",
	}}}}
	for _, c := range Analyze(doc).Candidates {
		if posted, note := c.Score > 0, !strings.HasPrefix(c.Text, "Seit"); posted == note {
			t.Errorf("%q: posted %v", c.Text, posted)
		}
	}
}

// TestARomanceListItemHeadedByANounIsNoPost: "Courbes de charge au pas de 10 minutes…"
// names a thing to collect, the way a list does; "Molte delle aziende…" and "Muchas de
// las empresas…" are sentences.
func TestARomanceListItemHeadedByANounIsNoPost(t *testing.T) {
	for _, tc := range []struct {
		lang, item string
		posted     bool
	}{
		{"fr", "Courbes de charge au pas de 10 minutes ou horaire, pour détecter les consommations en période d'inoccupation.", false},
		{"it", "Tempi di attesa al telefono misurati ogni settimana per sede e per fascia oraria.", false},
		{"it", "Molte delle aziende medie ricevono già fatture elettroniche dai loro fornitori.", true},
		// A metric's name, singular: what to measure, not what was found.
		{"es", "Tasa de conversión a socio en los 12 meses posteriores al primer donativo.", false},
		{"fr", "Taux d'abandon des rendez-vous pris en ligne, mesuré chaque mois.", false},
		{"es", "Cerca de 40 % de las ONG ya cobran sus cuotas por domiciliación bancaria.", true},
		{"fr", "Évitez de relancer un donateur avant de l'avoir remercié.", true},
		{"es", "Muchas de las empresas medianas ya reciben facturas electrónicas de sus proveedores.", true},
	} {
		doc := &parse.Document{Title: "T", Lang: tc.lang, Sections: []parse.Section{{Lists: [][]string{{tc.item, "Otra cosa que dice algo más largo sobre el tema del documento."}}}}}
		if c := Analyze(doc).Candidates[0]; (c.Score > 0) != tc.posted {
			t.Errorf("%s: %q posted %v, want %v", tc.lang, c.Text, c.Score > 0, tc.posted)
		}
	}
}

// TestSentencesInsideAQuotationAreNotPosts: the middle of a quoted example message is
// not the brand's finding, however much it looks like one.
func TestSentencesInsideAQuotationAreNotPosts(t *testing.T) {
	doc := &parse.Document{Title: "T", Lang: "en", Sections: []parse.Section{{Paragraphs: []string{
		"Stores that send managers a morning brief sell 9% more during peaks than stores that do not.",
		`For example: "Backroom has 14 units of the running shoe that show zero on shelf. Traffic forecast for 4 to 6 pm is 40% above normal due to the school holiday. Fitting room waits exceeded 8 minutes three times yesterday."`,
	}}}}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		if strings.HasPrefix(c.Text, "Traffic forecast") && c.Score > 0 {
			t.Errorf("a sentence inside a quotation may be posted: %q", c.Text)
		}
		if strings.HasPrefix(c.Text, "Stores that send") && c.Score <= 0 {
			t.Errorf("the finding before the quotation may not be posted: %q", c.Text)
		}
	}
}

// TestAConcessionTheNextSentenceDeniesIsNotAlone: "…produces an impressive dataset." is
// the half of a contrast the author argues against when the next sentence denies it
// ("It does not produce a single renegotiated renewal…") or does the opposite.
func TestAConcessionTheNextSentenceDeniesIsNotAlone(t *testing.T) {
	doc := &parse.Document{Title: "T", Lang: "en", Sections: []parse.Section{{Paragraphs: []string{
		"Extracting 60 fields from 41,000 contracts produces an impressive dataset. It does not produce a single renegotiated renewal unless someone owns the date.",
	}}}}
	a := Analyze(doc)
	if c := a.Candidates[0]; c.Score > 0 {
		t.Errorf("the concession %q may be posted alone", c.Text)
	}
	// A short sentence that does "the opposite" turns the one before down too.
	doc = &parse.Document{Title: "T", Lang: "fr", Sections: []parse.Section{{Paragraphs: []string{
		"Le décret tertiaire est souvent abordé comme une contrainte administrative de plus. Les organisations qui avancent le plus vite font l'inverse.",
	}}}}
	if c := Analyze(doc).Candidates[0]; c.Score > 0 {
		t.Errorf("the view the author turns down, %q, may be posted alone", c.Text)
	}
}

// TestANounAnEarlierSentenceIntroducedIsNotNamedAsKnown: "…a mid-sized district in
// Ohio." then "The district cut 14 routes…", or "Northgate, a 410-bed community
// hospital…" and a paragraph later "The hospital cut…": the post would name as known
// what its reader never met. "The district" that opens a section stands.
func TestANounAnEarlierSentenceIntroducedIsNotNamedAsKnown(t *testing.T) {
	doc := &parse.Document{Title: "T", Lang: "en", Sections: []parse.Section{{Paragraphs: []string{
		"Last year we worked with a mid-sized school district in Ohio on its bus routes.",
		"The district cut 14 routes in the first year and saved $1.2 million.",
	}}, {Heading: "Case", Paragraphs: []string{
		"Northgate Regional, a 410-bed community hospital in the Midwest, entered 2023 short of nurses.",
		"Its leaders set up a float pool in March and moved 40 nurses into it.",
		"The hospital cut its agency spend by 38% within a year.",
	}}, {Heading: "Districts", Paragraphs: []string{
		"The districts that rerouted before the school year cut ride times by 11 minutes.",
	}}}}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		if (strings.HasPrefix(c.Text, "The district cut") || strings.HasPrefix(c.Text, "The hospital cut")) && c.Score > 0 {
			t.Errorf("%q names as known what an earlier sentence introduced", c.Text)
		}
		if strings.HasPrefix(c.Text, "The districts that") && c.Score <= 0 {
			t.Errorf("%q, which introduces its own subject, is not posted", c.Text)
		}
	}
}

// TestAFindingListedWithoutItsFullStopIsASentence: Japanese, Chinese and Korean lists
// give their findings without a full stop; a long item that states a figure is a
// sentence that may be posted, while a short label stays none.
func TestAFindingListedWithoutItsFullStopIsASentence(t *testing.T) {
	for _, tc := range []struct{ lang, src, finding string }{
		{"ja", "# 在庫の実態\n\n当社は全国の調剤薬局128店舗の在庫データを分析しました。\n\n" +
			"- 過去6か月間に一度も出庫のなかった不動在庫が、在庫金額の18.4％を占める\n- 平均37.6日\n",
			"過去6か月間に一度も出庫のなかった不動在庫が、在庫金額の18.4％を占める。"},
		{"zh", "# 仓储现状\n\n我们调研了412家企业的仓储自动化情况。\n\n" +
			"- 已部署仓储管理系统的企业占63%，比两年前提高了22个百分点；\n- 占比15%\n",
			"已部署仓储管理系统的企业占63%，比两年前提高了22个百分点。"},
		{"ko", "# 도입 현황\n\n전국 농가 612곳을 대상으로 스마트팜 도입 현황을 조사했다.\n\n" +
			"- 도입 농가의 단위 면적당 수확량은 도입 전보다 평균 14.6% 늘었다\n- 비율 27.3%\n",
			"도입 농가의 단위 면적당 수확량은 도입 전보다 평균 14.6% 늘었다."},
	} {
		doc, err := parse.File("x.md", []byte(tc.src), 0)
		if err != nil {
			t.Fatal(err)
		}
		a := Analyze(doc)
		if a.Lang != tc.lang {
			t.Fatalf("%s identified as %s", tc.lang, a.Lang)
		}
		found := false
		for _, c := range a.Candidates {
			if c.Text == tc.finding {
				found = true
				if c.Score <= 0 || !c.Stat {
					t.Errorf("%s: the listed finding %q is not posted as a stat", tc.lang, c.Text)
				}
			} else if strings.Contains(c.Text, "平均37.6日") || strings.Contains(c.Text, "占比15%") || strings.Contains(c.Text, "비율 27.3%") {
				if c.Score > 0 {
					t.Errorf("%s: a short label is posted: %q", tc.lang, c.Text)
				}
			}
		}
		if !found {
			t.Errorf("%s: no candidate %q", tc.lang, tc.finding)
		}
	}
}

// TestARecommendationListedAsAnInfinitiveIsNoPost: "Mesurer et optimiser…" without a
// finite verb is a recommendation cut from its list, with no one to do it; an
// infinitive that is the subject of a finite verb makes a claim.
func TestARecommendationListedAsAnInfinitiveIsNoPost(t *testing.T) {
	for _, tc := range []struct{ lang, src, listed, prose string }{
		{"fr", "# Livraison urbaine\n\nRéduire les arrêts en double file permet de diminuer les amendes de 40 % par tournée.\n\n## Recommandations\n\n" +
			"- Mesurer et optimiser le temps passé à l'arrêt, et pas seulement les kilomètres parcourus.\n",
			"Mesurer et optimiser", "Réduire les arrêts"},
		{"es", "# Riego de precisión en España\n\nCalibrar los sensores cada temporada reduce los errores de riego un 30 %. " +
			"Las explotaciones que lo hicieron ahorraron además un 12 % de agua y de energía en el bombeo.\n\n## Recomendaciones\n\n" +
			"- Calibrar los sensores con datos históricos de al menos quince temporadas completas.\n",
			"Calibrar los sensores con", "Calibrar los sensores cada"},
	} {
		doc, err := parse.File("x.md", []byte(tc.src), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range Analyze(doc).Candidates {
			switch {
			case strings.HasPrefix(c.Text, tc.listed) && c.Score > 0:
				t.Errorf("%s: a listed recommendation is posted: %q", tc.lang, c.Text)
			case strings.HasPrefix(c.Text, tc.prose) && c.Score <= 0:
				t.Errorf("%s: an infinitive subject in prose is not posted: %q", tc.lang, c.Text)
			}
		}
	}
}

// TestAShortLabelBeforeAFullWidthColonIsNoPartOfTheSentence: "建议：" labels the advice
// after it, which is the sentence; a label that names the study ("调研样本：") or a date
// ("Ab 01.01.2028:") stays, as it is part of what the line says; a line labelled as a
// myth ("误区3：") is never posted.
func TestAShortLabelBeforeAFullWidthColonIsNoPartOfTheSentence(t *testing.T) {
	src := "# 指南\n\n建议：从一条瓶颈产线开始，三到六个月内拿出可量化的结果，再逐步推广。\n\n调研样本：27 家连锁药店企业，覆盖五个区域，调研时间为 2024 年 3 月至 6 月。\n\n" +
		"误区3：把项目完全交给IT部门或外部供应商。\n\n2026年1月起：所有企业必须能够接收电子发票，否则将无法抵扣进项税额。\n\n" +
		"Ab 01.01.2028: Alle Unternehmen müssen im inländischen B2B-Geschäft E-Rechnungen ausstellen.\n"
	doc, err := parse.File("g.zh.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	a := Analyze(doc)
	for _, c := range a.Candidates {
		texts = append(texts, c.Text)
	}
	want := []string{"从一条瓶颈产线开始，三到六个月内拿出可量化的结果，再逐步推广。", "调研样本：27 家连锁药店企业，覆盖五个区域，调研时间为 2024 年 3 月至 6 月。",
		"把项目完全交给IT部门或外部供应商。", "2026年1月起：所有企业必须能够接收电子发票，否则将无法抵扣进项税额。",
		"Ab 01.01.2028: Alle Unternehmen müssen im inländischen B2B-Geschäft E-Rechnungen ausstellen."}
	if !slices.Equal(texts, want) {
		t.Errorf("candidates %q, want %q", texts, want)
	}
	// The myth, its label gone, is never advice.
	if c := a.Candidates[2]; c.Score > 0 {
		t.Errorf("a myth may be posted as advice: %q", c.Text)
	}
}
