package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/extract/sections"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/parse"
)

func TestPostableKeepsOnlySentencesThatStandAlone(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Platform teams cut onboarding from two weeks to two days.", true},
		// An answer, a time or a measure the sentence before set; a pronoun after a short
		// opening phrase; "us" (not "US").
		{"en", "The answer was about $46,000 a month in compute for the clusters.", false},
		{"en", "After that, each invoice costs between 40 and 90 cents.", false},
		{"en", "The median across all respondents fell from 4.1 days to 2.6 days.", false},
		{"en", "For the first year or so, it was a clear improvement for the platform team.", false},
		{"fr", "Longtemps perçue comme un centre de coûts, elle est désormais regardée de près par les directions générales.", false},
		{"fr", "Depuis 2021, ils ont doublé leur budget de maintenance.", false},
		{"fr", "Depuis 2021, les sites équipés d'une GMAO ont doublé leur budget de maintenance.", true},
		{"fr", "Dans une PME, il faut compter trois mois pour former un technicien.", true},
		{"es", "En la práctica, esto significa revisar cada cambio en un solo día.", false},
		{"en", "In most release teams, it takes a week to review a change to the pipeline.", true},
		{"en", "What finally moved us was a spreadsheet of cluster costs.", false},
		{"en", "US retailers doubled their cloud budgets in two years.", true},
		{"pt", "No entanto, todos exigem investimento contínuo em ferramentas de observabilidade.", false},
		{"pt", "No mesmo levantamento, 62% das equipes relataram alertas em excesso.", false},
		{"de", "Das betrifft Cookies, Pixel und Fingerprinting gleichermaßen.", false},
		{"de", "Das neue Gesetz verlangt eine Einwilligung vor jedem Tracking.", true},
		{"pt", "O ponto, portanto, é medir o custo de telemetria por equipe.", false},
		// German and Dutch lean back from just after the verb.
		{"de", "Transparenz ist dabei mehr als eine rechtliche Pflicht für jedes Team.", false},
		{"de", "Das Marketing-Team muss deshalb jede Kampagne vorab prüfen.", false},
		{"de", "Die Agentur sorgt dafür, dass jede Einwilligung dokumentiert ist.", true},
		{"nl", "Het team moet daarom elke wijziging vooraf testen.", false},
		// A web address, a point or a context the sentence before set, the company it named.
		{"es", "Más información en www.ondarasoftware.com.", false},
		{"fr", "Sur ce dernier point, une étude récente indique que 46 % des PME n'ont rien vérifié.", false},
		{"fr", "Autrement dit, l'IA est largement utilisée, mais rarement gouvernée.", false},
		{"fr", "C'est la condition pour que les usages deviennent un avantage durable.", false},
		{"en", "The company's data team of 14 engineers supports more than 900 dashboards.", false},
		{"es", "Da empleo a 610 personas y en 2024 facturó 184 millones de euros.", false},
		// A share without its whole, an adverb after the verb, "the same" as what came before.
		{"fr", "38 % ont découvert un usage d'IA qui n'avait été ni prévu ni validé.", false},
		{"it", "Il 9% ha subito un attacco ransomware negli ultimi dodici mesi.", false},
		{"en", "64% of data leaders said business users spot incidents first.", true},
		{"it", "Il dato medio nasconde però una forte polarizzazione tra le imprese.", false},
		{"it", "È una differenza che pesa sui bilanci delle imprese più piccole.", false},
		{"es", "Es mejor demostrar el valor en una categoría y ampliar después.", true},
		{"es", "Horas extraordinarias: 190.000 euros, sobre todo en conducción.", false},
		{"es", "Tiempo dedicado a facturas por el equipo de administración: del 40 % al 14 % de la jornada.", false},
		{"en", "Total route miles: -7.9%.", false},
		{"es", "Penalizaciones y mercancía desechada: 70.000 euros.", false},
		// Enough, but for what; the first of what.
		{"fr", "Pour une PME de moins de 250 salariés, quelques jours par mois suffisent le plus souvent.", false},
		{"en", "A two-hour review each week is enough to catch most drift before it ships.", true},
		{"it", "La prima riguarda l'autenticazione a più fattori, la misura più efficace.", false},
		{"it", "Per un'impresa con meno di 50 addetti, si tratta di una cifra che assorbe il margine.", false},
		// Whose, who, when: an owner, a group, a day or a deed the sentence before named.
		{"en", "More than a third of their nurture emails never reached an inbox.", false},
		{"en", "64% of their campaigns used no inbox placement test at all.", false},
		{"en", "58% ran regular inbox placement tests, compared with 22% of the rest.", false},
		{"en", "Many had no idea their e-mails were landing in spam folders.", false},
		{"en", "A number of customers lost real money that day on failed payments.", false},
		{"en", "When they back-tested the new method, open rates fell by half.", false},
		{"en", "Retailers that did so cut returns by a fifth within a year.", false},
		{"en", "Teams that track their cloud costs cut spend by 18% in a year.", true},
		{"pt", "Até então, toda a infraestrutura ficava numa sala do escritório.", false},
		{"de", "Bei Beschäftigten ohne Homeoffice-Möglichkeit sind es 23 %.", false},
		{"de", "Im Jahr 2022 waren es noch 54 % der befragten Unternehmen.", false},
		{"de", "Dort beruhen viele Regelungen noch auf Vertrauen.", false},
		{"es", "Las entidades que lo han hecho así avanzan más rápido.", false},
		{"en", "None of the tactics above help if your email never reaches the inbox.", false},
		{"en", "Frequency matters more than either for B2B newsletters.", false},
		{"en", "Dana agreed, but added a caveat from the demand generation side.", false},
		{"en", "Better still, anchor every forecast to the stage a deal has reached.", false},
		{"en", "Failure rates climb steeply above 30 minutes of pipeline time.", true},
		{"de", "57 % von ihnen planen einen Wechsel innerhalb eines Jahres.", false},
		{"de", "Gleichzeitig sinkt die Zahl der Bürotage pro Woche deutlich.", false},
		{"pt", "E, no terceiro mês, a fatura da nuvem veio 31% acima do previsto.", false},
		// Object pronouns whose antecedent is in the sentence before.
		{"fr", "L'enjeu n'est pas de les interdire, mais de les rendre visibles.", false},
		{"it", "Tra le imprese che l'hanno attivata, gli incidenti sono calati di due terzi.", false},
		{"fr", "Les équipes de données réduisent leurs incidents de moitié en un an.", true},
		{"es", "La flota aumentó al mismo ritmo gracias a transportistas colaboradores.", false},
		{"es", "Los conductores usan la misma aplicación que los transportistas colaboradores.", true},
		{"en", "Teams cut costs while at the same time shipping more often.", true},
		{"en", "The point, however, is to measure what each team pays for telemetry.", false},
		{"es", "El punto, sin embargo, es medir lo que paga cada equipo.", false},
		{"pt", "Por fim, maturidade em observabilidade exige investimento contínuo.", false},
		{"en", "Release teams, unlike platform teams, ship every day.", true},
		{"en", "A service mesh is another abstraction that gives orchestrated services shared features.", false},
		{"it", "La Service Mesh è un'altra astrazione che fornisce funzionalità ai servizi orchestrati.", false},
		{"es", "La malla de servicios es otra abstracción que ofrece funciones a los servicios.", false},
		{"en", "Another team at the bank rebuilt the pipeline in a week.", false},
		{"en", "A service mesh gives orchestrated services shared features without code changes.", true},
		{"en", "This means the cache must be warm before the release.", false},
		// A gerund of enabling names what is made possible, not what makes it so.
		{"en", "Allowing for better validation reduces the likelihood of configuration errors.", false},
		{"es", "Permitiendo una mejor validación, se reducen los errores de configuración.", false},
		{"en", "Using a queue for checkout writes cuts lost orders during peaks.", true},
		// "It is also necessary…" adds to what came before.
		{"it", "È inoltre necessario considerare l'ispezione della rete in ingresso per rimuovere i payload dannosi.", false},
		// "Ultimately, it…" sums up what came before.
		{"es", "En última instancia, permite que los roles sean reasignados sin aumentar el acceso.", false},
		{"it", "In ultima analisi, consente di riassegnare i ruoli senza ampliare l'accesso.", false},
		// A specification's notation reads as a garbled sentence.
		{"en", "Signing keys have trust delegated to processes/users/services to limit the impact of a compromised key.", false},
		{"en", "Teams that run CI/CD on every commit ship smaller changes.", true},
		{"en", "However, most teams never measure it.", false},
		{"en", "For example, Spotify built Backstage as its developer portal.", false},
		{"en", "In this paper we'll discuss what the value of platforms is.", false},
		{"en", "The next section describes the maturity levels in detail.", false},
		{"en", "See Figure 3 for the architecture of the factory.", false},
		{"en", "Two engineers wrote a book about release pipelines, which covers signing in depth.", false},
		{"en", "In either case, it is the ability to invest sustained effort that drives the work.", false},
		{"en", "That document is a prerequisite for the pipeline described in this reference architecture.", false},
		{"en", "The foundation published a whitepaper titled “Pipelines at Scale” last spring.", false},
		{"en", "Questions go to jane.doe@example.com or the mailing list.", false},
		{"en", "Version 1.2 — Status: Draft", false},
		{"en", "the tail of a sentence split somewhere else.", false},
		{"en", "Teams that adopt platforms see three benefits:", false},
		{"en", "The CTO said \"we will never go back to tickets.", false},
		{"en", "I believe platform engineering should cover the whole value chain.", false},
		{"en", "Some say that platforms are just rebranded operations teams.", false},
		{"en", "“The operator makes running the database as easy as possible, while keeping its options.”", false},
		{"en", "DevX Resources (internal marketplace and catalogue): each item of the platform can be an asset.", false},
		{"en", "Next step: the product team will draft a proposal for scheduled exports.", false},
		{"en", "Operator configuration: Ideally a project will be secure by default.", true},
		{"en", "Teams that measure one thing well: they ship twice as often as the rest.", true},
		{"en", "Another benefit is that teams ship faster.", false},
		{"en", "First-time buyers convert twice as often after a demo.", true},
		{"en", "What do you think about the new maturity model?", false},
		{"en", "The previous chapter describes a use case for an operator.", false},
		{"zh", "例如，平台团队可以使用模板。", false},
		{"zh", "正如我们所描述的，平台需要治理。", false},
		{"es", "Sin embargo, la mayoría de los equipos no lo mide.", false},
		{"es", "Este documento describe las prácticas de seguridad.", false},
		{"es", "Los equipos de plataforma reducen la incorporación de dos semanas a dos días.", true},
		{"pt", "Além disso, os times precisam de documentação.", false},
		{"it", "Ciò significa che i requisiti vanno introdotti subito.", false},
		{"it", "Le prossime sezioni forniscono un'analisi dettagliata.", false},
		{"it", "I team di piattaforma riducono i tempi di rilascio del 40%.", true},
		{"ja", "しかし、多くのチームは測定していない。", false},
		{"ja", "本書ではプラットフォームの価値を説明する。", false},
		{"ja", "プラットフォームチームは導入期間を二週間から二日に短縮した。", true},
		{"zh", "因此，平台团队需要与用户合作。", false},
		{"zh", "本白皮书介绍平台的价值。", false},
		{"zh", "平台团队将入职时间从两周缩短到两天。", true},
		{"zh", "平台团队还可以选择首先关注少数几个应用程序团队。", false},
		{"ja", "プラットフォームチームは、まず、少数のアプリチームに焦点を絞ることです。", false},
		{"ja", "プラットフォームチームは、オンボーディングを2週間から2日に短縮しました。", true},
		{"ja", "情報を共有するため、進捗を確認するため、あるいは単に習慣として開かれます。", false},
		{"it", "La matrice delle minacce per i container Si concentra principalmente sugli attacchi riusciti.", false},
		{"it", "La matrice delle minacce si concentra principalmente sugli attacchi riusciti a un sistema.", true},
		{"es", "Guía de despliegue seguro Los equipos que firman sus imágenes reducen los incidentes.", false},
		{"es", "En La Esquina medimos el coste de pedir a ojo durante ocho semanas.", true},
		{"es", "Si bien existen muchas técnicas de modelado de amenazas, comparten varias características principales.", false},
		{"en", "Threat modelling techniques differ in detail, but they share several key characteristics.", false},
		{"en", "Several key characteristics make threat models useful to every team that ships software.", true},
		{"ja", "社内調査では、社員の72%が集中できる時間が増えたと答えています。", true},
		{"ko", "하지만 대부분의 팀은 이를 측정하지 않는다.", false},
		{"ko", "플랫폼 팀은 온보딩 기간을 2주에서 2일로 줄였다.", true},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestBoilerplateSectionsAreRecognisedByTheirHeadings(t *testing.T) {
	for heading, want := range map[string]bool{
		"Contributors": true, "Acknowledgements": true, "Table of Contents": true, "References and further reading": true,
		// A release's or a case study's company presentation and press contact.
		"About Northwind Data": true, "Sobre Ondara": true, "Contacto de prensa": true, "Pressekontakt": true,
		"À propos de Lumen": true, "Sobrecarga de alertas": false, "About-face on pricing": false,
		"Contact": true, "문의": true, "お問い合わせ": true, "联系我们": true, "Contact centre operations": false,
		// How a study was run, and the legal notes of a release.
		"Methodology": true, "Note metodologiche": true, "Forward-looking statements": true, "Methods of delivery": false,
		"Appendix A: Glossary": true, "Glosario": true, "Ringraziamenti": true, "参考文献": true, "贡献者": true, "기여자": true,
		"Reference architecture": false, "Authorization": false, "Sources of truth in a platform": false, "Security": false,
		// Numbered in Chinese numerals; a study's method with more after it; notes; who wrote it, in CJK.
		"八、术语表": true, "2. Metodología y perfil de la muestra": true, "调研方法说明": true, "조사 방법": true, "調査概要": true,
		"Notas": true, "10. Fuentes y notas": true, "关于作者": true, "关于衡信科技": true, "저자 소개": true, "회사 소개": true, "執筆者紹介": true, "会社概要": true,
		// A short CJK heading that ends on "introducing" presents the company.
		"그린루트 애그테크 소개": true, "链回数据简介": true, "三和精工の紹介": true, "2. 스마트팜 기술 소개와 도입 현황 및 향후 과제에 대한 분석 결과": false,
		"关于数据安全的三个常见误区与对策": false, "二、行业背景：跨境支付的合规压力": false, "Methods that scale": false,
		// A closing offer to talk.
		"Parlons de votre patrimoine": true, "Let's talk about your fleet": true, "Hablemos": true, "Parlons chiffres ou stratégie ?": true,
		"Talking to customers": false, "Chi è Sanitek": true, "Who is Halyard": true, "Who is liable under NIS2?": false,
		// What a study cannot say: its sample's bias, not a finding.
		"Limitations": true, "Limitaciones": true, "Limiti dello studio": true, "Einschränkungen": true, "연구의 한계": true,
		"調査の限界": true, "局限性": true, "Limitations of spreadsheets": false, "The limits of manual scheduling": false,
	} {
		if got := sections.BoilerplateHeading(heading); got != want {
			t.Errorf("sections.BoilerplateHeading(%q) = %v, want %v", heading, got, want)
		}
	}
	doc := &parse.Document{Sections: []parse.Section{
		{Heading: "Why platforms", Level: 2}, {Heading: "Contributors", Level: 2}, {Heading: "Reviewers", Level: 3},
		{Heading: "Jane Doe", Level: 3}, {Heading: "What comes next", Level: 2},
	}}
	got := sections.Boilerplate(doc)
	want := []bool{false, true, true, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %q: boilerplate %v, want %v", doc.Sections[i].Heading, got[i], want[i])
		}
	}
}

// TestAWorkedExampleIsNoSource: under a heading that names a worked example or a
// simulation, no sentence is posted, with a figure or without: each leans on the case it
// makes up ("Chaque panne évitée représente ainsi…", "The 50% deposit lands in March").
func TestAWorkedExampleIsNoSource(t *testing.T) {
	src := "# Predictive maintenance\n\nUnplanned stops fell by 38% across the twelve depots.\n\n" +
		"## 4. Exemple de calcul : que rapporte une panne évitée ?\n\nLe remorquage et l'immobilisation coûtent cher aux exploitants régionaux. " +
		"Chaque panne évitée représente ainsi une économie nette de 5 800 €.\n\n" +
		"## A worked example: what early detection is worth\n\nThe crew found the crack during a routine inspection in spring.\n\n" +
		"## 算一笔账:一家女装店铺的例子\n\n单件逆向处理成本为14.5元,每月退货处理成本约为46.4万元。\n\n" +
		"## Simulación de costes\n\nEl ahorro anual alcanza los 40.000 euros en una planta media.\n\n" +
		"## Recommendations\n\nDepots that logged every near miss cut repair costs by a fifth within two years.\n"
	doc, err := parse.File("x.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Analyze(doc).Candidates {
		finding := strings.HasPrefix(c.Text, "Unplanned") || strings.HasPrefix(c.Text, "Depots")
		if posted := c.Score > 0; posted != finding {
			t.Errorf("posted %v: %q", posted, c.Text)
		}
	}
}

// TestADefiniteNounThatOnlyNamesWhatCameBeforeIsNoPost: "The solution", "Das Problem",
// "Les conséquences", "The team" with nothing that says which name what the sentence
// before said; with what qualifies them, or naming a kind, they stand alone.
func TestADefiniteNounThatOnlyNamesWhatCameBeforeIsNoPost(t *testing.T) {
	checkPostable(t, []postableCase{
		{"fr", "La solution a coûté moins de 2 000 euros : un miroir convexe et un marquage au sol.", false},
		{"fr", "La deuxième mesure est sans doute la plus importante, et la moins coûteuse.", false},
		{"fr", "Les conséquences ne sont pas seulement techniques.", false},
		{"de", "Das Problem ist nicht der Mangel an Daten, sondern deren fehlende Verknüpfung.", false},
		{"en", "The team spent 465 hours, mostly because the client asked for a fourth round of concepts.", false},
		{"en", "The information exists, but it is scattered across months and cost categories.", false},
		{"es", "El ahorro se erosiona si nadie lo vigila.", false},
		{"it", "I risultati sui dodici mesi successivi: escursioni dal 3,4 % allo 0,8 %.", false},
		{"pt", "O risco não está apenas no volume de dados tratados.", false},
		{"it", "L'obiettivo non è fare previsioni, ma mettere in fila numeri concreti.", false},
		{"fr", "L'équipe a réduit les délais de 30 %.", false},
		{"fr", "L'équipe de maintenance de la SNCF a réduit les délais de 30 %.", true},
		// A company, team or system told in the present is mostly a kind, not the one a
		// case introduced.
		{"en", "The studio quoted $60,000.", false},
		{"es", "La empresa redujo sus costes un 18 % en dos años.", false},
		{"en", "The platform team builds tools for other teams and measures their use.", true},
		{"fr", "L'équipe plateforme construit des outils pour les autres équipes.", true},
		{"en", "The weekly teams shipped 4x more often than the quarterly teams.", true},
		{"en", "The problem with manual counts is that they miss 40% of small leaks.", true},
		{"en", "The biggest challenge for fleets is charging at depots, named by 61% of operators.", true},
		{"en", "The solution that worked best cut response times by 35% in six months.", true},
		{"es", "Los equipos de plataforma reducen la incorporación de dos semanas a dos días.", true},
		{"de", "Die meisten Maßnahmen amortisieren sich in weniger als zwei Jahren.", true},
		{"fr", "Le budget consacré à la cybersécurité représente en moyenne 4,2 % du budget informatique.", true},
		{"en", "The Halden team cut crown turnaround from six days to two.", true},
	})
}

// TestObjectsFiguresAndQuestionsThatPointBackAreNoPosts: a pronoun joined to a verb
// ("dimensionarlos", "gestirli", "aplicá-los"), "that" as an object ("Subtract that,"), a
// question about "that", a figure added to another, "ainsi", and a ledger's line with its
// amount: each needs the sentence before it.
func TestObjectsFiguresAndQuestionsThatPointBackAreNoPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"es", "Los datos de las fases anteriores permiten dimensionarlos.", false},
		{"es", "Los datos de las fases anteriores permiten dimensionarlos correctamente, lo que reduce la inversión.", false},
		{"it", "Ci ha fatto sorridere, ma il punto è serio.", false},
		{"es", "Cada uno tiene un coste distinto según la categoría del hotel.", false},
		{"ja", "本資料では、全国の調剤薬局128店舗の在庫データをもとに手順を整理しました。", false},
		{"ja", "冒頭で触れたジレンマも、数字で状況をつかむことで解消できます。", false},
		{"es", "El 43 % de las empresas no sabe calcularlo.", false},
		{"it", "Serve un piano per gestirli meglio.", false},
		{"pt", "Poucas empresas sabem aplicá-los.", false},
		{"en", "Subtract that, and the project finished at a loss of $2,975.", false},
		{"en", "Does that match what you're seeing?", false},
		{"en", "Stock photography and font licences came to another $1,200.", false},
		{"fr", "Chaque panne évitée représente ainsi une économie nette de 5 800 €.", false},
		{"en", "Total direct cost: $52,175.", false},
		{"pt", "Custo anual de plataforma e manutenção: cerca de R$ 35.000.", false},
		{"it", "La terza edizione del rapporto, basata su un'indagine su 1.206 imprese, restituisce un quadro in chiaroscuro.", false},
		{"en", "Do you know what an hour of downtime costs a plant?", true},
		{"es", "Carlos Pérez redujo los costes de mantenimiento un 20 % en un año.", true},
		{"fr", "Les PME ainsi que les ETI ont réduit leurs coûts de 12 % en deux ans.", true},
		{"en", "In another 12 months, half of all fleets expect to run electric vans.", true},
		// A share with a place or a time and no whole, a level of the document's scale, the
		// second half of a contrast, a demonstrative that points back.
		{"it", "17 % durante il trasporto primario su lunga distanza.", false},
		{"pt", "No nível avançado, o reajuste médio do plano de saúde foi de 11,2% ao ano.", false},
		{"en", "At the second stage, teams automate their tests.", false},
		{"fr", "Pas grâce à un équipement miracle, mais en écoutant les équipes.", false},
		{"en", "What made the difference was less the drone itself than the rollout.", false},
		{"pt", "Em 2022, 41% das empresas tinham alguma iniciativa nessa área; agora são 64%.", false},
		{"es", "En esa fase, el 40 % de los proyectos fracasa.", false},
		{"en", "At the level of the plant, energy use fell 12% in a year.", true},
		{"en", "Not only did costs fall by 20%, but uptime rose by a third.", true},
		{"es", "No todas las empresas miden el absentismo por causa médica.", true},
		{"en", "What drives the results of AI projects is the quality of their data.", true},
		// What the sentence before set up: "A esto se suma…", "À l'inverse", "Ne consegue",
		// "too" at the end, a verb left to the sentence before, a French object pronoun, a
		// place of a case told in the past.
		{"es", "A esto se suma el coste de la energía, que se ha duplicado.", false},
		{"fr", "À l'inverse, les réseaux qui attendent perdent 12 % de disponibilité.", false},
		{"it", "Ne consegue che il costo reale è più alto del previsto.", false},
		{"fr", "D'abord, la séparation des flux piétons et engins.", false},
		{"en", "Safety has improved too.", false},
		{"en", "Replacing it with something customers actually valued was.", false},
		{"fr", "Personne ne l'avait jamais écrit dans un rapport.", false},
		{"en", "The unit was a make and model he had never touched.", false},
		{"en", "Costs fell by 20% in the first year, and uptime rose as well.", true},
		{"fr", "Les réseaux qui attendent perdent 12 % de disponibilité par an.", true},
		// A noun made from a verb, without its article, and a preposition: a list's item.
		{"es", "Calibración con datos históricos de rendimiento, idealmente con un mínimo de 15 temporadas.", false},
		{"pt", "Integração com o ERP em até 30 dias.", false},
		{"it", "Certificazione di tutti i fornitori entro il 2025.", false},
		{"es", "Barcelona redujo sus costes de mantenimiento un 12 % en un año.", true},
		{"it", "L'implementazione di una Service Mesh riduce la superficie di attacco.", true},
		// A view the author goes on to reject, a reason or an answer to what came before, a
		// shell noun after "if" or a short opening, a cost or a time named as known.
		{"en", "Some in the industry argue that the answer is simply to stock more.", false},
		{"fr", "Certains en concluent qu'il faut maximiser le consentement à tout prix.", false},
		{"zh", "原因并不复杂：慢病患者更在意的是用药是否正确。", false},
		{"en", "If the answer involves a long pause, you have learned more than your audit did.", false},
		{"pt", "Em áreas homogêneas, o custo adicional raramente se paga.", false},
		{"es", "Los tiempos no mejoraron en 21 de los 143 locales analizados.", false},
		{"de", "Ihr eigentlicher Wert liegt aber nicht in der Buchhaltung.", false},
		{"en", "In most plants, the cost of downtime exceeds $10,000 an hour.", true},
		// A sales question, a question about "there", a kind the sentence before described,
		// a list's marker left in the text.
		{"en", "Want to talk about your carrier program?", false},
		{"en", "What does it cost to get there?", false},
		{"fr", "Près de la moitié (47 %) des commerçants interrogés déclarent envisager ce type de tarification.", false},
		{"en", "- In the free-text box on surveys, maintenance was mentioned in 44% of comments.", false},
		{"en", "(a) Adding one maintenance visit raised renewals by 6%.", false},
		{"en", "How much does an hour of downtime cost a mid-sized plant?", true},
		{"en", "For a dishwasher problem: Is water pooling under the door?", false},
		{"en", "Named reps, not queues.", false},
		{"en", "Click rates were nearly identical (9.1% vs. 8.8%).", false},
		{"en", "Click rates were similar across all six industries, at about 9%.", true},
		{"de", "Qualitätskosten messen, nicht schätzen.", false},
		{"de", "Predictive Quality scheitert selten an der Mathematik.", true},
		{"en", "Churn fell 12% in 2024.", true},
		{"ko", "하위 사업자의 충전기는 한 달에 평균 3.5일가량 사용할 수 없는 상태였다는 뜻입니다.", false},
		{"es", "El coste medio de una brecha es de 4,2 millones de euros.", true},
		{"en", "When the cost of a breach is $4.4M, insurers ask for more controls.", true},
		{"es", "Open Policy Agent evalúa cada solicitud antes de admitirla en el clúster.", true},
	})
}

// TestLevelDescriptionsAreNotPosted: what a maturity model says of one level holds at
// that level only; a post would not say which, so its sections are not posted, in any
// language, while the model's other sections are.
func TestLevelDescriptionsAreNotPosted(t *testing.T) {
	src := "# A maturity model\n\n## Why levels\n\nTeams that skip a level lose a year to rework because nobody owns the gap.\n\n" +
		"## Level 1, Provisional — Erratic\n\nUser discovery of services is inconsistent across the teams of the company.\n\n" +
		"### Characteristics\n\nEvery team builds its own scripts, because no shared tooling exists yet in the company.\n\n" +
		"## Nivel 2, Operacional\n\nLos equipos usan herramientas estándar porque la plataforma las ofrece a todos.\n\n" +
		"## レベル 3\n\nチームはセルフサービスでサービスを作成できるため、待ち時間が短くなります。\n\n" +
		"# Stages\n\n## Stage 4: Publish the artifact\n\nEvery artifact is signed before it leaves the pipeline, because unsigned artifacts invite tampering.\n" +
		// Headings of one rank, as a PDF gives them: the level's parts are its siblings.
		"# Adoption\n\n## Level 1, Erratic\n\nDiscovery is left to chance in most teams of the company.\n\n" +
		"## Example Scenarios\n\nA team in its first month builds its own pipeline, because nobody told it of the shared one.\n"
	doc, err := parse.File("model.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		heading := doc.Sections[c.Section].Heading
		want := heading == "Why levels" || heading == "Stages" || strings.HasPrefix(heading, "Stage")
		if posted := c.Score > 0; posted != want {
			t.Errorf("%q under %q: postable %v, want %v", c.Text, heading, posted, want)
		}
	}
}

// TestContentsListsAreNotPosted: a list of the document's own headings (its contents) is
// navigation, not a question to post, however strong "What is …?" looks.
func TestContentsListsAreNotPosted(t *testing.T) {
	src := "# A model\n\n## Introduction\n\nTeams that skip a level lose a year to rework because nobody owns the gap.\n\n" +
		"- Introduction\n- What is platform engineering?\n- How to use this model\n\n" +
		"## What is platform engineering?\n\nPlatform teams cut the time to a first deploy because every team shares one path.\n\n" +
		"## How to use this model\n\nWhat would your teams stop doing if the platform did it for them?\n"
	doc, err := parse.File("model.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		heading := false
		for _, s := range doc.Sections {
			heading = heading || s.Heading == c.Text
		}
		if posted := c.Score > 0; posted == heading {
			t.Errorf("%q: postable %v", c.Text, posted)
		}
	}
}

// TestFiguresFromExamplesAreNotFindings: an example's figures, a reference's title, a
// figure "say" supposes, "even if only N" and a projection worked out from assumptions
// are no findings.
func TestFiguresFromExamplesAreNotFindings(t *testing.T) {
	src := "# Results\n\nTeams that adopted the platform shipped 3x more often than the rest.\n\n" +
		"At, say, 18 pence a kilowatt-hour, the hall would spend roughly £851,000 a year on cooling.\n\n" +
		"## Example scenarios\n\nAutomation reduces the time to provision databases by 30 minutes, saving $10m a year.\n\n" +
		"## Threat modeling\n\nWe compared the methods in Threat Modeling: 12 Available Methods with our own.\n\n" +
		"## Projections\n\nCutting churn by half a point would retain roughly 200 more subscribers every month.\n\n" +
		"Subir la tasa al 82 % supondría ahorrar unas 1.800 visitas al año.\n\n" +
		"완료율이 50%라면 계좌 1개당 획득 비용은 3만 6천 원이 된다.\n\n如果完成率提高到65%，单户获客成本将降至2.8万元。\n\n" +
		"À un coût marginal de 3,20 € par présentation (hypothèse), cela représente 480 000 € par an.\n\n" +
		"월 20시간만 정지해도 연간 손실은 28억 원을 넘는다.\n"
	doc, err := parse.File("x.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		finding := c.Text == "Teams that adopted the platform shipped 3x more often than the rest."
		if c.Stat != finding {
			t.Errorf("stat %v for %q", c.Stat, c.Text)
		}
		if c.illustration && c.Score > 0 {
			t.Errorf("an example's figure can be posted: %q", c.Text)
		}
	}
}

func TestSentencesThatLeanOnTheDocumentOrAPredecessorAreNotPosts(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		// a citation the sentence is built on (asides are dropped when parsing)
		{"en", "The article by [2] discusses different approaches to writing operators.", false},
		{"en", "See [3] for the full list of controls.", false},
		{"ja", "詳細は[3]を参照してください。", false},
		{"zh", "[4] 中讨论了开发人员生产力的度量。", false},
		// reading instructions and navigation
		{"en", "Please read the CNCF Platforms White Paper first for complete context.", false},
		{"en", "Before diving into definitions, it is important to explore the value platforms provide.", false},
		{"en", "Further insights into frameworks and use cases are provided.", false},
		{"en", "An internal platform team may manage the web page and an API.", false},
		{"es", "Antes de profundizar en las definiciones, conviene explorar el valor de las plataformas.", false},
		{"it", "Prima di approfondire le definizioni, è importante esplorare il valore delle piattaforme.", false},
		{"pt", "Leia primeiro o documento de plataformas.", false},
		{"ja", "プラットフォーム構築の定義に飛び込む前に、まず価値を追求することが重要です。", false},
		{"zh", "在深入探讨平台构建的定义之前，先探讨一下平台提供的价值。", false},
		{"ko", "정의에 들어가기 전에 플랫폼의 가치를 살펴봅니다.", false},
		// openers that need a predecessor
		{"en", "They're funded centrally and treated as cost centers by the business.", false},
		{"en", "It’s the platform team that owns the golden paths for every service.", false},
		{"en", "That's why platform teams measure adoption before they build more.", false},
		{"en", "To further reduce the blast radius, a dedicated namespace provides more separation.", false},
		{"en", "Further, the organization focuses people on provided platform frameworks.", false},
		{"en", "In a nutshell, platforms bridge capability providers and platform users.", false},
		{"en", "The mirror also prevents downtime if the upstream repository becomes unavailable.", false},
		{"es", "Las herramientas también deben garantizar el cumplimiento durante la ejecución.", false},
		{"es", "En resumen, se espera que la adopción de serverless aumente con el tiempo.", false},
		{"it", "Zero Trust richiede anche una comunicazione sicura tra le entità.", false},
		{"it", "In sintesi, GitOps può eliminare le vulnerabilità prima della produzione.", false},
		{"pt", "As ferramentas também devem garantir a conformidade.", false},
		{"zh", "共享的平台模式也允许在模板中嵌入治理和控件。", false},
		{"zh", "简而言之，平台连接了能力提供者和平台用户。", false},
		{"ja", "要するに、プラットフォームは提供者と利用者をつなぎます。", false},
		// …and what still stands alone
		{"en", "Many documents describe capability levels (also known as maturity levels) of operators.", true},
		{"en", "Platforms not only reduce toil but also speed up every delivery team.", true},
		{"en", "Teams that publish within a day of approval get more clicks, and they also keep users longer.", true},
		{"en", "Some teams release every week without drama, while others treat each release as an emergency.", true},
		{"en", "Some build self-service tools for infrastructure provisioning.", false},
		{"en", "Some are best suited as CLI tools for use in scripts.", false},
		{"en", "Others benefit from integration into the editor.", false},
		{"en", "Some areas of the platform need an owner.", true},
		{"es", "Algunos prefieren una plataforma centrada en un catálogo.", false},
		{"es", "Algunas organizaciones pueden aprovechar las implementaciones canary.", true},
		{"it", "Alcuni sono più adatti come strumenti da riga di comando.", false},
		{"en", "Further research is needed.", false},
		{"en", "A platform team maintains conventional patterns used broadly across the enterprise.", true},
		{"zh", "平台团队也许可以先从少数应用团队开始。", true},
		{"es", "Las plataformas reducen el trabajo repetitivo de los equipos.", true},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestPhraseIndexCountsASpacedPhraseFromAWordStart: a phrase counts where the sentence
// holds it from its first word, not inside a longer word; CJK phrases count anywhere.
func TestPhraseIndexCountsASpacedPhraseFromAWordStart(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		about      bool
	}{
		{"This paper shows how teams ship faster.", "en", true},
		{"Teams ship faster, as this paper shows.", "en", true},
		{"Photosynthis paper mills ship faster.", "en", false},
		{"本書では開発者の体験を説明します。", "ja", true},
		{"開発者の体験が向上します。", "ja", false},
	} {
		v := viewOf(c.text)
		if got := v.holds(c.lang, documentList); got != c.about {
			t.Errorf("%q: about the document %v, want %v", c.text, got, c.about)
		}
	}
}

// One half of a pair ("On the one hand…", "The other one…"), a back-reference to a
// count ("All three layers…") and a glossary entry set off by a dash lean on what the
// post does not have.
func TestHalvesCountsAndGlossaryDashesAreNotPosted(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "On the one hand, you need a platform that fits the requirements you collected.", false},
		{"en", "All three layers should be hardened before the first release goes out.", false},
		{"en", "Malicious insider - an actor with intent to harm who is allowed to act inside the system.", false},
		{"en", "Speed – not headcount – decides which platform teams win the budget.", true},
		{"en", "Teams that review within a day ship twice as often as teams that wait a week.", true},
		{"it", "Insider dannoso - un attore con intento malevolo autorizzato ad agire nel sistema.", false},
		{"it", "È altrettanto importante proteggere le chiavi di firma dei pacchetti.", false},
		{"es", "Por un lado, los equipos necesitan autonomía para desplegar cada día.", false},
		{"es", "Mientras tanto, los patrones nativos de la nube cambian la forma de proteger las cargas.", false},
		{"en", "Regardless of what trigger you use, the pipeline should sign every artefact it builds.", false},
		{"ja", "もう一方はアウトバウンドのマーケティングと支援です。", false},
		{"zh", "一方面，平台团队需要了解用户的真实需求。", false},
		{"ko", "한편 플랫폼 팀은 사용자의 피드백을 매주 수집해야 한다.", false},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("%s %q: postable %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// A sentence that opens on an item of the document's own framework, named after its
// section, needs the framework; the same words under another heading are a subject.
func TestItemsOfTheDocumentsOwnModelAreNotPostedAlone(t *testing.T) {
	doc, err := parse.File("m.md", []byte(`# Release model

## Scaling

The scaling capability does not require scaling to be automated, only that the tool knows how to resize its resources.

## Costs

The scaling capability of managed databases cut the bill by 30% for teams that moved last year.
`), 0)
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(doc)
	for _, c := range a.Candidates {
		underItsName := a.Doc.Sections[c.Section].Heading == "Scaling"
		if underItsName && c.Score > 0 || !underItsName && c.Score == 0 {
			t.Errorf("%q under %q: score %.2f", c.Text, a.Doc.Sections[c.Section].Heading, c.Score)
		}
	}
}

// TestAnotherOneAgreesWithASearchPerPredicate: anotherOne finds what searching the
// sentence's lower case for each predicate of its language, and of English in another
// Latin-script language, finds.
func TestAnotherOneAgreesWithASearchPerPredicate(t *testing.T) {
	sentences := []string{"The mesh is another abstraction over the network.", "This Is Yet Another tool.", "Security is one more concern.",
		"La malla es otra abstracción.", "Les outils sont d’autres moyens.", "Das ist ein weiteres Werkzeug.", "Questo è un'altra cosa.",
		"Dit is een andere laag.", "It is another.", "Ceci est un autre outil, the mesh is another layer.", "Nothing else is here.",
		"これは another です。", "it's another thing", " is another ", "O mesh é outro nível."}
	for _, lang := range append(slices.Clone(Languages), "", "ru", "sv") {
		for _, s := range sentences {
			v := viewOf(s)
			want := containsAny(v.lower, marks.AnotherOne[lang]) || lang != "en" && isLatin(lang) && containsAny(v.lower, marks.AnotherOne["en"])
			if got := anotherOne(&v, lang); got != want {
				t.Errorf("anotherOne(%q, %q) = %v, want %v", s, lang, got, want)
			}
		}
	}
}

// TestListItemTellsAFirstItemFromALaterOne: "Second, …" continues a list whose first item
// a passage must hold; "First, …" opens one; a compound or a plain sentence is neither.
func TestListItemTellsAFirstItemFromALaterOne(t *testing.T) {
	for _, tc := range []struct {
		lang, text   string
		first, later bool
	}{
		{"en", "First, every service moved with its own team.", true, false},
		{"en", "Second, every team owned its migration.", false, true},
		{"en", "Finally, the clusters were switched off.", false, true},
		{"en", "Second-hand hardware cut the bill by a third.", false, false},
		{"es", "En segundo lugar, cada equipo migró sus servicios.", false, true},
		{"it", "In primo luogo, ogni servizio è migrato con il suo team.", true, false},
		{"de", "Zweitens betreute jedes Team seine eigene Migration.", false, true},
		{"en", "Teams that own their migration finish it sooner.", false, false},
	} {
		if first, later := lean.ListItem(tc.text, tc.lang); first != tc.first || later != tc.later {
			t.Errorf("%s: ListItem(%q) = %v, %v; want %v, %v", tc.lang, tc.text, first, later, tc.first, tc.later)
		}
	}
}

// TestMadeUpScenariosAreNoSource: a scenario's events did not happen, and an author's
// old beliefs are not the brand's; the sections below such a heading are no source
// either. Objections the document answers are: the answers are its points.
func TestMadeUpScenariosAreNoSource(t *testing.T) {
	doc := &parse.Document{Sections: []parse.Section{
		{Heading: "Why Tier 1 visibility is not enough", Level: 2},
		{Heading: "6. Example Scenario: A Capacitor Shortage at Tier 3", Level: 2}, {Heading: "Day one", Level: 3},
		{Heading: "7. Common Objections (and Why We Disagree)", Level: 2},
		{Heading: "6. Cenário ilustrativo: o paciente que passou por três instituições", Level: 2},
		{Heading: "5. ケーススタディ（想定シナリオ）", Level: 2}, {Heading: "六、常见误区辨析", Level: 2},
		{Heading: "흔히 듣는 반론과 우리의 입장", Level: 2}, {Heading: "An imagined conversation with my former self", Level: 2},
		{Heading: "8. Implementation roadmap", Level: 2}, {Heading: "应用场景", Level: 2}, {Heading: "가정용 에너지 관리", Level: 2},
		{Heading: "What I believed, and why", Level: 2}, {Heading: "The argument I disagree with", Level: 2},
		{Heading: "The textbook view", Level: 2},
	}}
	got := sections.Imagined(doc)
	want := []bool{false, true, true, false, true, true, false, false, true, false, false, false, true, true, true}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %q: imagined %v, want %v", doc.Sections[i].Heading, got[i], want[i])
		}
	}
}

// TestACaseToldInAReportIsNoSource: a customer's case inside a report or a guide names
// its customer once and then "the hospital", "the picking team", or gives its results
// as rows; nothing under its heading is posted. A document whose title or one top
// heading is the case study keeps its sections.
func TestACaseToldInAReportIsNoSource(t *testing.T) {
	doc := &parse.Document{Title: "Case study: How Brennard cut pick-path travel by 61%", Sections: []parse.Section{
		{Heading: "Case study: How Brennard cut pick-path travel by 61%", Level: 1},
		{Heading: "Market overview", Level: 2},
		{Heading: "Case study: Northgate Regional Medical Center", Level: 2}, {Heading: "Results", Level: 3},
		{Heading: "6. Estudo de caso: FibraSul Telecom", Level: 2}, {Heading: "5. Caso práctico: distribuidora en Zaragoza", Level: 2},
		{Heading: "5. Étude de cas : un transporteur régional à Lyon", Level: 2},
		{Heading: "5. Praxisbeispiel: Armaturenhersteller", Level: 2}, {Heading: "6. 導入事例：中堅損害保険会社X社", Level: 2},
		{Heading: "六、案例：连锁茶饮品牌的门店屏幕改造", Level: 2}, {Heading: "5. 사례 연구: 국내 제약 유통사 A사", Level: 2},
		{Heading: "7. Recommendations", Level: 2},
	}}
	got := sections.Cases(doc)
	want := []bool{false, false, true, true, true, true, true, true, true, true, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %q: a case %v, want %v", doc.Sections[i].Heading, got[i], want[i])
		}
	}
	// The document's one top heading names it the case, under a front-matter title of its own.
	own := &parse.Document{Title: "Centri Medici Ardea: no-show più che dimezzati", Sections: []parse.Section{
		{Heading: "Caso di studio: Centri Medici Ardea", Level: 1}, {Heading: "La sfida", Level: 2}, {Heading: "I risultati", Level: 2},
	}}
	if got := sections.Cases(own); slices.Contains(got, true) {
		t.Errorf("a case study under its own top heading: cases %v, want none", got)
	}
	src := "# Staffing in 2025\n\nMedian vacancy rates fell to 10.8% from 15.2% two years earlier.\n\n" +
		"## Case study: Northgate Regional\n\nBy Q1 2025, Northgate reported an RN vacancy rate of 8.5%, down from 19%.\n"
	parsed, err := parse.File("x.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Analyze(parsed).Candidates {
		if posted := c.Score > 0; posted != strings.HasPrefix(c.Text, "Median") {
			t.Errorf("posted %v: %q", posted, c.Text)
		}
	}
}

// TestOpeningsOnWhatCameBeforeAreNotPosts: a pronoun after a preposition or "last
// year", "as for…", "what comes next", a scene ("Era un martes…"), "similar" to nothing,
// an "About" heading run into its blurb, a part of "it", one item of a list the reader
// never saw, a comparison with "that", an FAQ's line, a connective between commas or a
// Korean, Japanese or Chinese connective.
func TestOpeningsOnWhatCameBeforeAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"pt", "Sem eles, o risco é construir integrações tecnicamente perfeitas que ninguém usa.", false},
		{"fr", "Quant à l'échantillonnage, il est par construction aveugle aux anomalies rares.", false},
		{"fr", "Une entreprise incapable d'y répondre prend un risque commercial bien avant un risque réglementaire.", false},
		{"en", "Put differently, brokers sell certainty, not matching.", false},
		{"fr", "Viennent ensuite les communes de moins de 3 500 habitants.", false},
		{"fr", "Pas seulement réalisées, mais restaurées à blanc chaque trimestre.", false},
		{"es", "Era un martes de noviembre cuando la caldera falló.", false},
		{"en", "The cost picture is similar.", false},
		{"en", "Last year it was just over 4,800.", false},
		{"en", "Last year the median operator cut fuel costs by 18%.", true},
		{"ja", "後でデータを確認すると、温度が上がっていたのです。", false},
		{"zh", "更值得商家关注的是退货率的上升。", false},
		{"zh", "半年后,退货率降到 27%,单件处理成本降到 9.8元。", false},
		{"ja", "その後、停止回数は半分になった。", false},
		{"zh", "与之前相比,每月节省约 19.9万元,一年下来接近 240万元。", false},
		{"fr", "L'exemple de la CFVA montre qu'un exploitant régional peut obtenir des résultats mesurables.", false},
		{"fr", "Pour évaluer l'intérêt d'une telle démarche, prenons un exemple simplifié, avec des valeurs fictives.", false},
		{"ko", "같은 방식으로 진행한 2022년 조사(27.1%)와 비교하면 약 1.6배 늘어난 수치입니다.", false},
		{"pt", "No estudo de caso da seção 3, o tempo de giro caiu de 38 para 14 minutos.", false},
		{"pt", "De outro, a sala 3 fica parada das 14h às 15h40.", false},
		{"it", "In realtà ogni deviazione ha un costo.", false},
		{"it", "Per dare un ordine di grandezza, è più o meno il costo annuo di otto autisti.", false},
		{"pt", "As demais 35% não o acompanham.", false},
		{"de", "Die Einsparung liegt damit bei knapp 31.000 € pro Jahr.", false},
		{"it", "I dispositivi connessi permettono invece di intervenire in tempo reale.", false},
		{"es", "El consumo de agua bajó un 31 % tras la puesta en marcha del nuevo sistema.", false},
		{"en", "The new system cut water use by 31%.", false},
		{"en", "Teams that adopted a new system cut water use by 31%.", true},
		{"it", "Farmadistribuzione Tirrenica (nome di fantasia) serve circa 1.150 farmacie con 64 furgoni.", false},
		{"en", "Most halls over the next five years will run both.", false},
		// "以下" after a figure is "below", not "the following".
		{"zh", "退货率稳定在20%以下的商家占38%。", true},
		{"zh", "以下是调研的主要发现。", false},
		{"en", "About Calder Thermal Systems Calder Thermal Systems designs cooling for data centres.", false},
		{"en", "About 40% of operators plan to electrify their fleets by 2027.", true},
		{"pt", "Em termos práticos, o custo dobra em dois anos.", false},
		{"es", "En cuanto a herramientas, el 52 % de las microempresas planea resolverlo con su programa actual.", false},
		{"ko", "건수로는 17.3%에 불과하지만 금액으로는 절반을 넘는다.", false},
		{"es", "Sin ellos, los equipos de RR. HH. pierden la mitad de su tiempo en tareas manuales.", false},
		{"en", "Without them, procurement teams lose two weeks on every disruption.", false},
		{"en", "Without a supplier map, procurement teams lose two weeks on every disruption.", true},
		{"en", "Much of it has not, because a store is not a website with walls.", false},
		{"en", "Most of this spend goes to three suppliers.", false},
		{"en", "The second category was labor scheduling driven by forecasted traffic.", false},
		{"es", "El segundo paso es conectar los sistemas de nómina.", false},
		{"en", "The first step toward multi-tier visibility is a clean supplier master.", true},
		{"en", "The kiln efficiency gap alone is worth more than that every year.", false},
		{"en", "Revenue per store grew faster than that of any rival chain.", true},
		{"es", "Conviene, no obstante, hacer una advertencia.", false},
		{"es", "Argentina, por su parte, sigue condicionada por la volatilidad macroeconómica.", false},
		{"zh", "答：一般建议至少有12个月、包含不少于500个已确认可疑案例的调查结论数据。", false},
		{"ko", "A. 통신 기능이 있는 디지털 계량기라면 대부분 활용 가능합니다.", false},
		{"en", "Q: Can I compare my own team to these benchmarks?", false},
		{"ko", "결과적으로 한결정밀은 첫해에 에너지 비용을 약 6억 4천만 원 절감했다.", false},
		{"ko", "오히려 에너지 비용 비중이 높은 중견 제조기업에서 회수 기간이 더 짧은 경우가 많다.", false},
		{"ja", "むしろ中小工場のほうが投資回収は早い傾向にある。", false},
		{"zh", "反而是中小机构的误报率更高。", false},
		{"ko", "피크 전력 관리만으로 연간 기본요금을 평균 8,300만 원 절감한 사례가 확인되었다.", true},
	})
}

// TestAStudysMethodNotesAreNotPosts: a margin of error, a confidence level or a note on
// rounding is about how the study was made, however many figures it holds; so is a
// Korean summary of what the guide explains.
func TestAStudysMethodNotesAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"es", "El margen de error para el total de la muestra es de ±2,8 puntos porcentuales con un nivel de confianza del 95 %.", false},
		{"en", "Percentages may not add up to 100% due to rounding.", false},
		{"zh", "百分比因四舍五入，合计可能不等于100%。", false},
		{"de", "Durch Rundungsdifferenzen ergeben die Anteile nicht immer 100 %.", false},
		{"ko", "어떤 데이터를 어떤 단위로 계측해야 하는지, 그리고 투자 대비 효과를 어떻게 입증하는지를 단계별로 설명한다.", false},
		{"fr", "Le 11e arrondissement de Paris concentre 14 % des start-up du Grand Paris.", true},
	})
}

// TestSentencesThatAnnounceOrSetUpAreNotPosts: a list counted but not given (its noun
// qualified or not), a case set up for the sentences after it, a business the sentence
// before named, "it" after a short opening phrase, "of that".
func TestSentencesThatAnnounceOrSetUpAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "Across roughly 70 retail analytics engagements, the initiatives that produced gains tended to fall into three categories.", false},
		{"pt", "Ao analisar os processos das 73 instituições pesquisadas, identificamos cinco pontos recorrentes de falha.", false},
		{"en", "Teams that automate deploys fix three problems in half the time.", true},
		{"en", "At the end of 2023 it was 84%.", false},
		{"en", "The cost of that is not trivial.", false},
		{"es", "El proceso de adopción se resume en cuatro pasos.", false},
		{"it", "Il percorso di adozione si articola in tre passi.", false},
		{"en", "Revenue grew in all three regions.", true},
		{"en", "Consider what happens when you start tracking pull requests merged per engineer per week.", false},
		{"en", "The chain estimated the annual revenue effect at about $14 million on a base of roughly $900 million.", false},
		{"en", "Chains that forecast traffic by the hour saw an 11% lift in weekend conversion.", true},
	})
}

// TestLabelsAndTheCompanysVoiceAreNotPosts: a table's cell written as a line, a line of a
// breakdown, a term and its gloss in sentence case, and the company speaking of itself ("당사", "当社", "我司").
func TestLabelsAndTheCompanysVoiceAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "Share of teams offering follow-the-sun coverage: 34%.", false},
		{"es", "Diagnóstico inicial insuficiente (22 %).", false},
		{"en", "Teams that owned their help content resolved more tickets (81%).", true},
		{"pt", "Camada de integração: motor de integração que recebe mensagens HL7 v2 e converte tudo em recursos FHIR R4.", false},
		{"en", "One warning sign: among teams using automatic closure, reopen rates rose from 6.8% to 8.1%.", true},
		{"ko", "당사는 \"80/20 원칙\"을 권장한다.", false},
		{"ja", "当社の調査では、工場の4割が遠隔保守回線を常時接続していた。", false},
		{"zh", "我司建议机构先从规则清理入手。", false},
	})
}

// postableCase is a sentence in lang and whether it should be posted.
type postableCase struct {
	lang, text string
	want       bool
}

func checkPostable(t *testing.T, cases []postableCase) {
	t.Helper()
	for _, tc := range cases {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestQuestionsAndAnswersAreNoSource: an FAQ's answers lean on their questions, in every
// language, and a passage ends before a question or an answer.
func TestQuestionsAndAnswersAreNoSource(t *testing.T) {
	doc := &parse.Document{Sections: []parse.Section{
		{Heading: "Why interoperability", Level: 2}, {Heading: "10. Perguntas frequentes", Level: 2},
		{Heading: "Posso esperar pelo FHIR R6?", Level: 3}, {Heading: "九、常见问题", Level: 2}, {Heading: "9. 자주 묻는 질문", Level: 2},
		{Heading: "Frequently asked questions", Level: 2}, {Heading: "Roadmap", Level: 2},
	}}
	got := sections.Answers(doc)
	want := []bool{false, true, true, true, true, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %q: answers %v, want %v", doc.Sections[i].Heading, got[i], want[i])
		}
	}
	if Followable("Q. 予算が限られている場合、何から始めるべきですか？", "ja") {
		t.Error("a question may follow a passage's sentence")
	}
}

// TestTheDocumentsOwnStagesAreNotPosts: "Stage 1", "ステップ1", "3단계" are the document's
// own numbering, and "the next 100 parts" the next of its plan; "Tier 2" of a supply
// chain and "the next decade" are the world's.
func TestTheDocumentsOwnStagesAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "The jump from Stage 1 to Stage 2 produces the largest improvement in detection time.", false},
		{"en", "Expand mapping to the next 100 parts.", false},
		{"ja", "まずはステップ1とステップ4を優先してください。", false},
		{"ko", "3단계에서는 분석 기능을 도입한다.", false},
		{"es", "En la etapa 2 se conectan los sistemas de nómina.", false},
		{"en", "Suppliers at Tier 2 caused 64% of disruptions.", true},
		{"en", "Most teams will double their cloud spend in the next decade.", true},
	})
}

// TestMoreOpeningsThatLeanBack: a pronoun after a short opening without a comma, a
// command with its object attached, "among them", "if that", "the remaining 4 %", "each
// one", "that is", a second point, a view some experts hold, and CJK openings that point
// back (残り, 同社, 实际上, 내부 분석).
func TestMoreOpeningsThatLeanBack(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "For ACH it was $0.79 per payment.", false},
		{"en", "For most fleets it is cheaper to repair than to replace.", true},
		{"es", "Limítelo a seis u ocho motivos; más opciones confunden al técnico.", false},
		{"pt", "Faça-o antes da renovação do contrato.", false},
		{"en", "Among them, 12% paid their suppliers late.", false},
		{"en", "If that lifted engagement enough, churn would fall by half a point.", false},
		{"es", "El 4 % restante corresponde a causas diversas, como el clima.", false},
		{"es", "A 141 € cada una, son más de 711.000 euros anuales.", false},
		{"pt", "Ou seja, em muitos casos o preço foi o gatilho final.", false},
		{"pt", "Segundo, porque descontos generalizados corroem o ARPU.", false},
		{"pt", "Segundo a Anatel, os provedores regionais têm 52% do mercado.", true},
		{"fr", "Sans compter la valeur commerciale des données recueillies.", false},
		{"en", "Some consultants argue AP should push a quarter of spend to card.", false},
		{"en", "The cost was not trivial for a team of twelve.", false},
		{"ja", "残りは現場での手作業によるものだった。", false},
		{"ja", "同社の離職率は半分になった。", false},
		{"zh", "实际上，大多数酒店仍依赖人工定价。", false},
		{"ko", "내부 분석 결과, 신분증 촬영 단계의 이탈률이 27%로 높았다.", false},
	})
}

// TestHalfAPairARowAndAShareNamedAsKnownAreNotPosts: "not only…" stopped before its
// second half, a table's row written out, "the 17%" and "the figure" after an opening
// however long, "it" at the end of a short sentence, a reply to "the case you describe",
// a made-up scene ("A CISO… has just…"), a pronoun after a preposition, Dutch "En",
// "Tegelijk", "In beide gevallen", a Chinese
// "还将", a report's closing wish.
func TestHalfAPairARowAndAShareNamedAsKnownAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "Over-privileged, stale, and shared accounts don't just expand your attack surface.", false},
		{"en", "Over-privileged accounts don't just expand your attack surface; they poison the baseline.", true},
		{"en", "Look at quartiles, not just medians.", true},
		{"nl", "Organisaties met een plan zijn niet alleen beter voorbereid op de toezichthouder.", false},
		{"de", "Die E-Rechnung ist nicht nur Pflicht, sondern auch eine Chance.", true},
		{"ja", "「選任予定の人物が決まっている」：12.9%。", false},
		{"zh", "设备数据分散、系统之间不互通：282家（55.8%）。", false},
		// The company the text named, at the start or after a short opening.
		{"es", "Hoy, la empresa recorre menos kilómetros sin carga y calcula un ahorro de 412.000 € anuales.", false},
		{"fr", "L'entreprise a réduit ses arrêts imprévus de 31 % en un an.", false},
		// A question about people the text named before; German "Sie" is the reader.
		{"fr", "Que se passera-t-il le jour où ils partiront ?", false},
		{"en", "What happens the day they retire?", false},
		{"de", "Wissen Sie, wie viel Skonto Ihr Unternehmen jedes Jahr verschenkt?", true},
		// What the sentence before named: the rest of a share, such measures, a change
		// whose subject is left out after the opening.
		{"it", "Il restante 15% non ha ancora un sistema di prenotazione diretta.", false},
		{"de", "In weiteren 14 % der Fälle fehlte eine funktionierende Datensicherung.", false},
		{"de", "Solche Maßnahmen kosten wenig und verhindern die meisten Angriffe.", false},
		{"pt", "Nos processos com avaliação técnica ao vivo e mais curta, caiu para 31 dias.", false},
		{"pt", "Nos processos com avaliação técnica ao vivo, o tempo de contratação caiu para 31 dias.", true},
		// After two openings, a future with no subject: who will not exceed it?
		{"es", "En 2024, según las previsiones de la empresa, no superarán los 15.000 €.", false},
		{"pt", "Em 2025, segundo a empresa, passarão de 40 mil entregas.", false},
		{"es", "En 2024, según las previsiones de la empresa, los costes de peaje no superarán los 15.000 €.", true},
		{"es", "El desperdicio de alimentos atribuible a errores de comanda, medido en 38 locales que registran mermas, bajó un 18 %.", true},
		// A list's line with two shares compared, a quartile of a distribution named before.
		{"en", "A named owner for recall, meaning one person accountable for the overdue list each week (58% vs. 24%).", false},
		{"en", "Pre-appointing at checkout for at least 80% of hygiene patients (78% of top-quartile practices vs. 41% of the rest).", false},
		{"en", "The top quartile reached 89%.", false},
		{"en", "The top quartile processes invoices at roughly one-fifth the cost of the bottom quartile ($2.95 vs. $14.80).", true},
		{"en", "Practices with a named recall owner brought back 58% of overdue patients, against 24% without one.", true},
		// An author's offer to help is a contact line, not a post.
		{"pt", "Se, por outro lado, você está pensando em revisar o seu processo seletivo, também posso ajudar.", false},
		{"en", "If you are rethinking your own hiring process, write to me and I will share the templates.", false},
		// A sales offer is the call to action's, not a post.
		{"es", "Solicite un análisis gratuito de sus rutas actuales y le enviaremos un informe en 10 días laborables.", false},
		{"pt", "Fale com um especialista e receba um diagnóstico gratuito da sua frota em uma semana.", false},
		{"ko", "데이터 연계 부족: 212곳(51.5%).", false},
		{"en", "Carrier-verified tracking: 23%.", false},
		{"en", "Even in the 17% that began with an exploited vulnerability, the attacker's next move used a valid login.", false},
		{"en", "The remaining 11% run no tests at all.", false},
		{"en", "In 2024, 17% of breaches began with an exploited vulnerability.", true},
		{"en", "The 17% of shippers with full visibility spend less on expediting.", true},
		{"en", "In Europe, where carrier bases tend to be more fragmented and many hauliers lack integrations, the figure rises to 42%.", false},
		{"en", "For a shipper moving $80 million of freight a year, that is more than $2 million.", false},
		{"en", "For a shipper moving $80 million of freight a year, detention adds more than $2 million.", true},
		{"en", "In 27% of companies, nobody owns it.", false},
		{"en", "If a process breaks, fix it.", true},
		{"en", "Modern tools are built to catch exactly the case you describe.", false},
		{"en", "A CISO, usually a good one, has just come out of a board meeting where someone asked why the breach went unseen.", false},
		{"en", "The EU has just adopted rules that make boards liable for breaches.", true},
		{"fr", "Avec elle, le premier tiers de l'objectif 2030 s'atteint souvent sans travaux lourds.", false},
		{"nl", "En maar 12 procent heeft zijn belangrijkste leveranciers beoordeeld op cyberrisico's.", false},
		{"nl", "Tegelijk heeft slechts 18 procent van de besturen een cybersecuritytraining gevolgd.", false},
		{"nl", "In beide gevallen staat de bestuurder straks zonder antwoord tegenover de toezichthouder.", false},
		{"nl", "Slechts 18 procent van de besturen heeft een cybersecuritytraining gevolgd.", true},
		{"zh", "如计入产能损失和交付违约风险的下降，回收期还将明显缩短。", false},
		{"ja", "今回の調査結果が、荷主企業が物流を経営課題として捉え直すきっかけになれば幸いです。", false},
		// A pronoun subject after an opening clause, in Chinese, Japanese and Korean.
		{"zh", "随着传感器和边缘计算的成本持续下降，它已经从少数大型企业的试点项目变成了实用方案。", false},
		{"zh", "随着传感器和边缘计算的成本持续下降，预测性维护已经从少数大型企业的试点项目变成了实用方案。", true},
		{"ja", "センサーの価格が下がったことで、それは中堅企業でも使える技術になった。", false},
		{"ko", "센서 가격이 내려가면서, 이는 중견 기업도 쓸 수 있는 기술이 되었다.", false},
		{"ko", "그럼에도 이 비용이 재무제표의 한 줄로 드러나지 않는다.", false},
		{"zh", "本指南面向离散制造企业的生产、设备及财务负责人。", false},
		// A share that goes straight on to a verb: of whom, the sentence before said.
		{"fr", "23 % suivent leurs consommations au moins une fois par mois, site par site.", false},
		{"fr", "23 % des gestionnaires suivent leurs consommations chaque mois.", true},
		{"en", "61% name inaccurate ETAs as a top driver of detention costs.", false},
		{"pt", "A ferramenta que vamos apresentar aqui é simples e barata.", false},
		{"it", "Circa il 35% avviene in regime di accreditamento con il Servizio Sanitario Nazionale.", false},
		{"it", "Circa il 35% delle prestazioni avviene in regime di accreditamento.", true},
		{"de", "Ein PDF, das per E-Mail verschickt wird, ist demnach keine E-Rechnung mehr.", false},
		{"pt", "O erro é maior nas semanas de feriado.", false},
		{"en", "The error is largest in holiday weeks.", false},
		{"es", "En los incidentes analizados, el tiempo medio entre el acceso inicial y la detección fue de 52 días sin segmentación.", true},
	})
}

// TestAStorysTurnAReactionAndACountWithoutItsWholeLeanBack: "it turned out" tells the
// end of a story the reader did not see, "sounds reasonable" answers a proposal, "as for"
// moves on from a list, "then" follows a step; "only four companies" and "only 24% do
// it" count in a whole the sentence before named.
func TestAStorysTurnAReactionAndACountWithoutItsWholeLeanBack(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "It turned out that large installers gave only three or four planners an account.", false},
		{"nl", "Het bleek dat grote installateurs maar drie of vier planners een account gaven.", false},
		{"es", "Suena razonable, pero incentiva a los técnicos a no abrir la orden hasta estar seguros.", false},
		{"fr", "Quant à l'échantillonnage, il ne couvre que 2 % des factures.", false},
		{"it", "Poi hanno visto che il dato sul minimo serviva a capire quale pista era fatta male.", false},
		{"es", "Como se puede observar, la adopción crece en todas las regiones.", false},
		{"de", "Nur vier Unternehmen hatten für mehr als ein Viertel ihres Einkaufsvolumens lieferantenspezifische Daten.", false},
		{"en", "Only three plants measured energy per production line.", false},
		{"es", "Solo el 24 % lo hace de forma sistemática.", false},
		{"it", "Il 30% ne fa un uso quotidiano nei reparti di produzione.", false},
		{"en", "Put plainly, a year-old domain sending 80 messages a day outperformed a new one sending 25.", false},
		{"fr", "Le chiffre du secteur B2B mérite qu'on s'y arrête.", false},
		{"pt", "O crescimento do Pix não é novidade, mas um efeito menos comentado merece atenção: a taxa de aprovação.", false},
		{"en", "The figure surprised most finance teams.", false},
		{"en", "Many simply go online, where nothing is locked and the product arrives the next day.", false},
		{"en", "In practice, many schedule in blocks that are too coarse for the traffic they see.", false},
		{"en", "Many retailers now lock a third of their health and beauty aisle.", true},
		// A caption, a table announced, a note on the data, the document's own order.
		{"it", "Tabella 2 – Valori medi per azienda nelle 64 aziende del campione.", false},
		{"en", "Table 1: Median cost per invoice by company size, 2024.", false},
		{"fr", "Sur les 412 incidents déclarés, la répartition par type d'attaque est la suivante.", false},
		{"pt", "Como muitos usaram mais de uma fonte, a soma ultrapassa 100%.", false},
		{"fr", "Les mesures présentées plus loin réduisent ce risque de moitié.", false},
		{"es", "Los precios de la energía han bajado un 18 % desde entonces.", false},
		{"it", "Con il DSS la riduzione scende all'11% nelle aziende del campione.", false},
		{"ja", "効果が最も大きく、現場の抵抗も少ない。", false},
		{"zh", "已经投入的企业，又获得了怎样的回报？", false},
		{"en", "Of the 72 operators who cited it, 41 run fewer than 20 vans.", false},
		{"en", "Route planning software narrowed it to about 12% within a year.", false},
		{"en", "Depot charging recovered about a third of that loss for the larger fleets.", false},
		{"en", "Most operators found it hard to finance the chargers without a grant.", true},
		{"de", "Hinzu kommt ein Effizienzbonus von 5 Prozentpunkten für Anlagen mit natürlichem Kältemittel.", false},
		{"en", "Each had to contain a reasonable mix of potential, travel time and existing accounts.", false},
		{"en", "Each territory had to contain a reasonable mix of potential and travel time.", true},
		{"it", "Come si vede nella tabella, lo spostamento più netto è tra carta fisica e telefono.", false},
		{"it", "Oggi quel cartello è quasi scomparso dalle vetrine dei negozi.", false},
		{"ko", "핵심 결과는 다음과 같습니다.", false},
		{"ko", "하위 그룹은 24%에 그쳤습니다.", false},
		{"de", "Dazu gehören das eigene Depot, öffentliche Schnellladeparks und Ladepunkte bei Kunden.", false},
		{"de", "Darunter fallen vor allem Kühltransporte mit mehr als 300 km pro Tag.", false},
		{"zh", "你的仓库准备好迎接下一个双十一了吗？", true},
		{"nl", "Stuur daarnaast een welkomstpakket naar het huisadres van de nieuwe medewerker.", false},
		// The whole named with the count, and a share of a named whole, stand alone.
		{"de", "Nur vier von 31 Unternehmen hatten lieferantenspezifische Daten für mehr als ein Viertel ihres Einkaufsvolumens.", true},
		{"en", "Only three of the 41 plants measured energy per production line.", true},
		{"es", "Solo el 24 % de las plantas mide la energía por línea de producción.", true},
		{"en", "Only 23% of respondents had a single system of record for supplier locations.", true},
	})
}

// TestAnEventsHousekeepingAndIntroductionsAreNotPosts: a webinar's recording and slides,
// a call to book a demo or download the PDF edition, a bare web address, a speaker's
// introduction, a transcript's turn, an illustration's caveat, a reply that needs its
// question, a question that only leads into its answer, and "which" or "that" standing
// for the sentence before.
func TestAnEventsHousekeepingAndIntroductionsAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "The recording and slides go out within 24 hours.", false},
		{"en", "Practices interested in the product can book a live demonstration at molarly.com/demo.", false},
		{"en", "The figures below were compiled from platform usage data over 90 days.", false},
		{"en", "Download the PDF edition with 22 additional charts and the methodology appendix.", false},
		{"es", "Descargue el informe completo con los datos por sector.", false},
		{"de", "Die PDF-Version enthält zwölf weitere Grafiken.", false},
		{"en", "Users who download the app are twice as likely to renew.", true},
		{"en", "Why the improvement overall?", false},
		{"en", "PRIYA NAIR: Usually airflow, before anything else.", false},
		{"en", "The numbers are illustrative, not a quote.", false},
		{"ja", "なぜか？", false},
		{"en", "How much time does your team lose to manual invoice matching each week?", true},
		{"en", "Dana Ruiz runs customer operations at Northfield Home Insurance, about 640 agents across three sites.", false},
		{"en", "For about 60% of agents the answer was yes.", false},
		{"en", "Which gives you more data and, in a lot of cases, more confusion.", false},
		{"en", "With every call scored on the mechanical items, that dropped to under 5%.", false},
		{"en", "Companies that dropped degree requirements hired 4% more non-degree candidates.", true},
		{"en", "The dot-com boom ended in 2001, and 40% of its startups closed within a year.", true},
	})
}

// TestTimelinesOrdinalsAndThemLeanBack: a timeline's line, a numbered item, a heading
// ended with a full stop, "The first was…", "them" with nothing before it that it could
// stand for, and openings in German, Korean, Chinese and Japanese that point back.
func TestTimelinesOrdinalsAndThemLeanBack(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "Weeks 4–6: Wave 1 (one client, 12 robots).", false},
		{"en", "Wave 3 (all e-commerce clients, 46 robots).", false},
		{"en", "(5) Lock selectively.", false},
		{"fr", "7 % d'autres situations (quais, portes sectionnelles, rangement).", false},
		{"en", "41% of teams cut their release time in half within a year (n = 88).", true},
		{"de", "Priorisierung.", false},
		{"en", "It works.", false},
		{"en", "Costs fell 40%.", true}, // three words are a sentence; without a figure, five or fewer are a slogan (Slight)
		{"ja", "重要です。", false},
		{"zh", "成本下降了一半。", true},
		{"zh", "（1）积灰损失模型。", false},
		{"en", "Revenue grew 40% (year over year).", true},
		{"it", "Il primo era un problema di costi, non di tecnologia.", false},
		{"en", "The first quarter was the strongest on record for new contracts.", true},
		{"en", "Trying to force them onto robots in wave 2 created more problems than it solved.", false},
		{"en", "Most telematics platforms capture fault codes, but few fleets read them.", true},
		{"de", "Hier lag der größte Hebel für die Bilanz.", false},
		{"de", "Das Unternehmen hat der Veröffentlichung anonymisierter Zahlen zugestimmt.", false},
		{"es", "La empresa redujo sus costes logísticos un 23 % en un año.", false},
		{"ko", "이어 임대료 등 고정비 상승이 48.5%로 뒤를 이었다.", false},
		{"ko", "1인 병원에서는 이 비율이 68.9%까지 올라갔다.", false},
		{"ko", "복잡성보다는 도입 당시의 교육과 세팅 부족이 더 큰 원인이라는 뜻이다.", false},
		{"ko", "응답 병원의 57.3%가 예약의 절반 이상을 전화로 받는다.", true},
		{"zh", "相比之下，传统门店屏幕的利用率不足三成。", false},
		{"ja", "にもかかわらず、多くの企業は紙の台帳を使い続けている。", false},
	})
}

// TestNoticesEllipsesAndGapsLeanOrSayNothing: a copyright line, what the data refer to,
// a name withheld, a table the post does not show, a disclaimer, a sales call, a verb left for the sentence before to supply ("…has
// not."), "together they", "that figure", a reply ("Yes, and…"), and a gap without its
// two sides.
func TestNoticesEllipsesAndGapsLeanOrSayNothing(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "All content © 2024 Packwell. All rights reserved.", false},
		{"pt", "Dados de plataforma referem-se a 11 clientes da Vértice que autorizaram o uso agregado.", false},
		{"de", "Dieser Leitfaden richtet sich an Qualitätsleiter in der Kunststoffverarbeitung.", false},
		{"ja", "社名は同社の希望により非公開としています。", false},
		{"ko", "표에서 보듯 냉장 의약품 비중이 가장 크다.", false},
		{"ko", "본 보고서의 저작권은 팩웰에 있으며 무단 전재를 금합니다.", false},
		{"en", "This article is not legal advice, and every policy differs.", false},
		{"en", "Want the same for your lanes? Book a call with our team.", false},
		{"en", "The share of teams that tested their backups has not.", false},
		{"en", "Together they sent 1.2 million simulated phishing emails.", false},
		{"en", "Even that figure understates the cost of a breach.", false},
		{"en", "Yes, and the insurer will ask again at renewal.", false},
		{"en", "No company can afford a breach of that size without cover.", true},
		{"fr", "L'écart médian atteint 27 points entre les deux bannières.", false},
	})
}

// TestHowASurveyWasRunAndWhatItPointsBackToAreNotPosts: who was surveyed is about the
// study; "desses números", "Como se vê", "The operator", 原因很简单 lean back.
func TestHowASurveyWasRunAndWhatItPointsBackToAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "A total of 1,150 mid-sized organizations were surveyed in March 2024.", false},
		{"ko", "본 조사는 국내 손해보험사 실무자 212명을 대상으로 실시했다.", false},
		{"pt", "Nenhum desses números explica sozinho a queda na conversão.", false},
		{"pt", "Como se vê, o frete pesa mais do que o preço.", false},
		{"en", "The operator kept 14 spare engines in its pool.", false},
		{"zh", "原因很简单：慢病顾客一年到店超过十次。", false},
		{"pt", "Lojas que oferecem Pix convertem 18% mais do que as que não oferecem.", true},
	})
}

// TestAViewTheIndustryHoldsAndAFirstPointAreNotPosts: a view the document reports to
// answer it (有一种观点…, 업계 일각에서는…), and the first item of a list in Romance
// languages ("Primero, …").
func TestAViewTheIndustryHoldsAndAFirstPointAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"zh", "有一种观点在业内颇为流行：只要现场审核做得足够细，供应商风险就能一审定乾坤。", false},
		{"ko", "업계 일각에서는 모든 청구의 80% 이상을 자동으로 처리할 수 있다는 주장이 나옵니다.", false},
		{"es", "Primero, reduciendo la curva de aprendizaje de los camareros nuevos.", false},
		{"pt", "Primeiro, porque o frete pesa mais do que o preço.", false},
	})
}

// TestOwnersCasesAndNumberedItemsLeanBack: "Her store", "Un 11 % no lo sabe", "the
// figure is", "A fazenda", "The district", "O segundo caso", ここで, 이후, a numbered
// item of the document's own list (步骤三：), and a note that a name is withheld.
func TestOwnersCasesAndNumberedItemsLeanBack(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "Her store cut shrink by 15% in a year.", false},
		{"es", "Un 11 % no lo sabe todavía.", false},
		{"en", "In the hospitals studied, the figure is 84%.", false},
		{"pt", "A fazenda instalou 40 sondas em 2023.", false},
		{"en", "The district cut 14 routes in the first year.", false},
		{"pt", "O segundo caso é o de uma cooperativa de 62 produtores.", false},
		{"ja", "ここで重要なのは、不正の兆候を早期に捉えることです。", false},
		{"ko", "이후 온도 이탈 건수는 절반으로 줄었다.", false},
		{"zh", "步骤三：建立组串级监测，提前发现衰减。", false},
		{"en", "The quote appears with the author's name withheld at their request.", false},
		{"en", "Stores that lock fewer shelves sell 9% more.", true},
	})
}

// TestACaseStudysSubjectlessStepsAreNotPosts: "Launched a float pool…" is a step of a
// case whose actor the sentences before named; "Increased adoption drove…" and "Based on
// 1,200 responses, …" have their subjects.
func TestACaseStudysSubjectlessStepsAreNotPosts(t *testing.T) {
	checkPostable(t, []postableCase{
		{"en", "Launched a float pool in March and filled 84% of open shifts from it.", false},
		{"en", "Rolled out the new rota to all 12 wards by June.", false},
		{"en", "Replaced 40% of agency shifts within a year.", false},
		{"en", "Increased adoption drove a 12% drop in overtime.", true},
		{"en", "Based on 1,200 responses, nurses prefer self-scheduling by two to one.", true},
	})
}

// TestSentencesThatSayTheOneBeforeAgainLeanBack: "in other words", "only thus", "in
// contrast to that", "to this", "this task" and "his" name what the sentence before
// said; the same claim with its own subject stands alone.
func TestSentencesThatSayTheOneBeforeAgainLeanBack(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"fr", "Dit autrement, renouveler sans mesurer revient à dépenser beaucoup en espérant viser juste.", false},
		{"es", "Dicho de otro modo, renovar sin medir es gastar mucho esperando acertar.", false},
		{"it", "Solo così il confronto con la commissione OTA diventa significativo.", false},
		{"de", "Anders gesagt: Wer nicht misst, investiert auf gut Glück.", false},
		{"nl", "Anders gezegd: wie niet meet, investeert op goed geluk.", false},
		{"pt", "Dito de outra forma, renovar sem medir é gastar muito esperando acertar.", false},
		{"pt", "Segundo as contas dele, foram 14 horas de trabalho.", false},
		{"zh", "与之相对，只有38%的诊所能够准确说出老患者收入占比。", false},
		{"ko", "최근에는 여기에 변경 불가능한 사본 1개를 더하는 원칙을 권장하는 경우도 늘고 있습니다.", false},
		{"ko", "응답자의 52%는 월말 결산 기간 중 하루 이상을 이 작업에만 쓴다고 답했습니다.", false},
		{"ko", "응답자의 52%는 월말 결산 기간 중 하루 이상을 세금계산서 대사에만 쓴다고 답했습니다.", true},
		{"ko", "시설 면적 3,300㎡ 이상 농가의 도입률은 44.0%로, 그 미만 농가(19.6%)의 2.2배에 달했다.", true},
		{"zh", "只有38%的民营口腔诊所能够准确说出老患者收入占比。", true},
		// A table the text points at, a fact as it turned out, a group or weeks named
		// before, "at the same time", "especially", "what does wear donors out".
		{"es", "La tabla siguiente compara los principales indicadores de 2023 con el periodo de enero a septiembre de 2024.", false},
		{"fr", "Dans les faits, l'ILP est souvent plus parlant pour l'exploitant ; le rendement, plus parlant pour l'élu.", false},
		{"fr", "Difficile, en effet, de prédire une panne quand on ne sait pas combien de fois elle s'est produite.", false},
		{"de", "Ihnen ist gemeinsam, dass sie in der Regel keine eigene IT-Abteilung haben.", false},
		{"ko", "동시에 원자재 가격 상승으로 거래처의 지급 여력도 약해지고 있습니다.", false},
		{"zh", "排在前三位的都不是“买不起”的问题，而是“接不上”“用不好”的问题。", false},
		{"pt", "A taxa de aceitação de proposta também foi maior no segundo grupo: 84% contra 69%.", false},
		{"es", "Las primeras semanas hubo resistencia a seguir rutas que «no eran las de siempre».", false},
		{"es", "Lo que sí desgasta es pedir sin haber agradecido ni informado antes.", false},
		{"es", "Lo que no se mide no se puede mejorar.", true},
		// Neuter demonstratives and Dutch pronominal adverbs point back wherever they stand.
		{"es", "Si a eso le sumamos la nueva ley de desperdicio alimentario, el tema ha dejado de ser opcional.", false},
		{"de", "Genau das passiert aber jeden Tag in den meisten Kanzleien.", false},
		{"nl", "Reserveer hiervoor budget en leg vast wie verantwoordelijk is.", false},
		{"it", "Ciò significa che un vigneto su tre spreca acqua ogni estate.", false},
		{"it", "Il team di piattaforma misura ciò che gli altri team usano ogni giorno e riduce i costi del 20%.", true},
		{"nl", "Zestien van de 64 projecten bleven meer dan 15 procent onder hun ontwerpwaarde.", true},
		// A company's pitch in the first person plural.
		{"es", "En Mermalab ayudamos a cadenas de restauración a medir y reducir su desperdicio.", false},
		{"fr", "Les services qui mesurent finement leurs pertes renouvellent deux fois moins de conduites.", true},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}
