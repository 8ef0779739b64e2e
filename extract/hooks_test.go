package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/extract/lean"

	"github.com/repurpose/repurpose/parse"
)

// analysisOf analyses a document of one section per line.
func analysisOf(lang string, lines ...string) *Analysis {
	doc := &parse.Document{Title: "Release habits", Lang: lang}
	for _, l := range lines {
		doc.Sections = append(doc.Sections, parse.Section{Heading: "Part", Paragraphs: []string{l}})
	}
	return Analyze(doc)
}

func candidate(t *testing.T, a *Analysis, text string) *Candidate {
	t.Helper()
	for i := range a.Candidates {
		if a.Candidates[i].Text == text {
			return &a.Candidates[i]
		}
	}
	t.Fatalf("no candidate %q", text)
	return nil
}

// TestHookStrengthWeighsKindsOfClaim: a claim with its consequence, a contrast or a
// recommendation is a finding worth opening with; a truism, a hedge or an inventory of
// parts is not, in every language the corpus has, and a common relative pronoun
// ("que", "als") is no contrast.
func TestHookStrengthWeighsKindsOfClaim(t *testing.T) {
	for _, tc := range []struct {
		lang            string
		strong, finding []string
		weak            []string
	}{
		{"en",
			[]string{"Release teams should review every change within one working day of the request."},
			[]string{"Small releases fail less often because each change is reviewed by two people before it ships.",
				"Teams that deploy on Fridays lose their weekends to incidents nobody planned for.",
				"A build agent with broad cluster rights hands an attacker the keys to every namespace."},
			[]string{"Security is essential for every modern software delivery team in the industry.",
				"A release pipeline might help teams to deliver their software to production environments.",
				"The platform offers interfaces, including a portal, a command line, an API, templates, and docs.",
				// Recommendations without a measure or a reason: truisms in the imperative.
				"Release pipelines should follow cloud native and supply chain security best practices.",
				"A release tool should be able to upgrade the version of the application it releases.",
				"By widening the scope, we can ensure a comprehensive and enhanced experience for all users.",
				// A purpose is not a result, and "describes" defines.
				"Scaling is one of the tasks a release tool can manage in order to keep the service functional.",
				"Adoption describes not only how teams use the platform, but also what motivates them to do so.",
				// What a part does: a description of the mechanism, however risky its subject.
				"The release agent is responsible for checking that no step runs on a compromised node.",
				// Being aware of risks, or areas that need attention, names neither.
				"Release tool developers should be aware of the security risks a tool introduces.",
				"Current release practices address many needs, but there are other areas that require attention.",
				// Textbook and trade-press lines: what a thing fundamentally is, a trend, a
				// growing threat landscape, a duty to protect "adequately".
				"Release security is fundamentally a process of managing what could go wrong in each deploy.",
				"Release automation is gaining popularity and its adoption is increasing rapidly among teams.",
				"As release cadence accelerates, the threat landscape grows with every new deploy target.",
				"Release agents face many attacks and must therefore be adequately protected by every team.",
				"A denial of service generally involves a large volume of traffic that floods the release services.",
				"Release hashes are used primarily to detect damaged artefacts, but they can also flag tampering.",
				// How an attack is carried out: a textbook account, however risky its words.
				"A denial of service is usually achieved by flooding the release services with more requests than they answer.",
				"Privilege escalation is typically carried out by abusing a release agent's broad rights on the cluster."}},
		{"es",
			nil,
			[]string{"Los equipos publican cada semana porque revisan los cambios pequeños en un solo día."},
			[]string{"La seguridad es fundamental para las aplicaciones que los equipos despliegan en la nube.",
				"La seguridad de las aplicaciones debe implementarse durante todo el ciclo de vida de una aplicación.",
				"Los equipos que trabajan en la plataforma publican las versiones que el cliente espera.",
				"La seguridad es fundamentalmente un proceso de gestión del riesgo que identifica sus amenazas.",
				"Las funciones sin servidor son susceptibles a varios ataques y deben protegerse adecuadamente.",
				"Un ataque de denegación de servicio generalmente involucra un gran volumen de tráfico entrante.",
				"Una denegación de servicio generalmente se logra inundando los servicios con más solicitudes de las que atienden.",
				"La escalada de privilegios se lleva a cabo abusando de los permisos amplios de un agente de publicación.",
				"La respuesta inmediata y automatizada será esencial para frustrar los ataques y recuperarse de ellos."}},
		{"it",
			nil,
			[]string{"I team che rilasciano ogni settimana sbagliano meno, perché ogni modifica è piccola e revisionata."},
			[]string{"La sicurezza è fondamentale per tutte le applicazioni che i team distribuiscono nel cloud.",
				// "cost" is English's stake, not the start of costituiscono.
				"Lo sviluppo si svolge in fasi distinte che costituiscono il ciclo di vita del prodotto.",
				"Gli sviluppatori devono essere consapevoli dei rischi di sicurezza introdotti dagli strumenti.",
				"La sicurezza è fondamentalmente un processo di gestione del rischio per ogni sistema in produzione.",
				"Le funzioni serverless sono soggette a vari attacchi e pertanto devono essere adeguatamente protette.",
				"Le funzioni di hash vengono utilizzate principalmente per rilevare dati danneggiati dagli attacchi.",
				"Un attacco di negazione del servizio si ottiene in genere inondando i servizi di richieste.",
				"L'escalation dei privilegi viene realizzata sfruttando i permessi ampi di un agente di rilascio."}},
		{"ja",
			nil,
			[]string{"小さな変更は一日でレビューされるため、障害が起きても短時間で元に戻せます。"},
			[]string{"セキュリティはすべてのチームにとって重要です。"}},
		{"zh",
			nil,
			[]string{"小批量发布降低了故障率，因为每个变更都经过了两人审查。"},
			[]string{"安全对于所有团队来说都至关重要，在云原生环境中尤其如此。"}},
	} {
		var lines []string
		lines = append(append(append(lines, tc.strong...), tc.finding...), tc.weak...)
		a := analysisOf(tc.lang, lines...)
		for _, s := range append(append([]string(nil), tc.strong...), tc.finding...) {
			if c := candidate(t, a, s); !c.Strong() {
				t.Errorf("%s: %q is not strong (hook %.2f)", tc.lang, s, c.hook)
			}
		}
		for _, s := range tc.finding {
			if c := candidate(t, a, s); !c.Finding() {
				t.Errorf("%s: %q is not a finding", tc.lang, s)
			}
		}
		for _, s := range tc.strong {
			if c := candidate(t, a, s); c.Finding() {
				t.Errorf("%s: the recommendation %q is taken for a finding", tc.lang, s)
			}
		}
		for _, s := range tc.weak {
			if c := candidate(t, a, s); c.Strong() || c.Finding() {
				t.Errorf("%s: %q is strong (hook %.2f)", tc.lang, s, c.hook)
			}
		}
	}
}

// TestWeightPutsTheKindOfClaimBeforeCentrality: a finding outranks a more central
// description as the opening.
func TestWeightPutsTheKindOfClaimBeforeCentrality(t *testing.T) {
	central := "Release teams run a release pipeline that builds and tests every release of the product."
	finding := "Weekly releases fail less often because every change in a release is small."
	a := analysisOf("en", central, "Each release pipeline belongs to the release teams of the product.", finding)
	c, f := candidate(t, a, central), candidate(t, a, finding)
	if c.Score <= f.Score {
		t.Fatalf("the test needs the description to be more central: %.1f vs %.1f", c.Score, f.Score)
	}
	if a.Candidates[a.hooks[0]].Text != finding {
		t.Errorf("first hook %q (score %.1f), want the finding (score %.1f, hook %.2f)", a.Candidates[a.hooks[0]].Text, c.Score, f.Score, f.hook)
	}
}

// TestPayoffIsWhatToDo: a thread ends on a recommendation, or on a step from the
// document's closing list, never on a plain description.
func TestPayoffIsWhatToDo(t *testing.T) {
	all := func(*Candidate) bool { return true }
	advice := "Teams should review every change within one working day of the request."
	a := analysisOf("en", "Weekly teams release on Tuesdays and Thursdays in the afternoon.", advice,
		"The release pipeline has three stages and one manual approval step.")
	if p := a.Payoff(map[int]bool{}, all); p < 0 || a.Candidates[p].Text != advice {
		t.Errorf("payoff %d, want the recommendation", p)
	}
	plain := analysisOf("en", "Weekly teams release on Tuesdays and Thursdays in the afternoon.",
		"The release pipeline has three stages and one manual approval step.")
	if p := plain.Payoff(map[int]bool{}, all); p >= 0 {
		t.Errorf("payoff %q from a document of descriptions", plain.Candidates[p].Text)
	}
}

// TestBestHookLeadsWithAFinding: a recommendation is strong, but the first post leads
// with what the document found when it states it, however central the advice is.
func TestBestHookLeadsWithAFinding(t *testing.T) {
	advice := "Release teams should review every release change of the release pipeline within a day."
	finding := "Teams that deploy on Fridays lose weekends to incidents nobody planned for."
	a := analysisOf("en", advice, "Release teams own the release pipeline and every release change.", finding)
	all := func(*Candidate) bool { return true }
	if h := a.BestHook(map[int]bool{}, all); h < 0 || a.Candidates[h].Text != finding {
		t.Errorf("best hook %d, want the finding", h)
	}
}

// TestBestHookNeverOpensWithADefinition: a source of definitions, truisms and fluff
// opens no post, however central its sentences are; a plain claim may, when it is all
// the source has.
func TestBestHookNeverOpensWithADefinition(t *testing.T) {
	all := func(*Candidate) bool { return true }
	weak := analysisOf("en", "A release pipeline is a set of stages that build and test every change.",
		"Release hygiene is essential for every team that ships software to production.",
		"With release trains we can ensure a comprehensive and seamless experience for all users.")
	if h := weak.BestHook(map[int]bool{}, all); h >= 0 {
		t.Errorf("best hook %q from a source of definitions", weak.Candidates[h].Text)
	}
	plain := "Release teams at the company ship their product from a single repository of services."
	a := analysisOf("en", "A release pipeline is a set of stages that build and test every change.", plain)
	if h := a.BestHook(map[int]bool{}, all); h < 0 || a.Candidates[h].Text != plain {
		t.Errorf("best hook %d, want the plain claim", h)
	}
}

// TestHookMarksFindEveryListASentenceHolds holds the one-pass matcher to searching each
// list on its own, on every mark alone and every pair of marks run together (where one
// mark overlaps or holds another: "比" in "相比", " is a " in " is a set of ").
func TestHookMarksFindEveryListASentenceHolds(t *testing.T) {
	lists := hookLists
	listOf := func(set hookSet, lang string) []string {
		if lang != "en" && (isLatin(lang) || set == definition) {
			return append(withElisions(lang, lists[set][lang]), lists[set]["en"]...)
		}
		return withElisions(lang, lists[set][lang])
	}
	// A contrast counts where no vague comparison overlaps it ("than" in "than ever"); a
	// contrast or a comparison, where no "but also" overlaps it and, for "not only", none
	// follows it.
	oneByOne := func(lower, lang string) (found uint32) {
		for set := range lists {
			if containsAny(lower, listOf(hookSet(set), lang)) {
				found |= 1 << set
			}
		}
		overlaps := func(spans [][2]int, c [2]int) bool {
			return slices.ContainsFunc(spans, func(v [2]int) bool { return c[0] < v[1] && v[0] < c[1] })
		}
		vagueAt, alsoAt := occurrences(lower, listOf(vague, lang)), occurrences(lower, listOf(additive, lang))
		cancelled := func(c [2]int) bool {
			return overlaps(alsoAt, c) || slices.Contains(listOf(notOnly, lang), lower[c[0]:c[1]]) &&
				slices.ContainsFunc(alsoAt, func(v [2]int) bool { return c[1] <= v[0] })
		}
		for _, set := range []hookSet{contrast, comparison} {
			found &^= 1 << set
			for _, c := range occurrences(lower, listOf(set, lang)) {
				if !cancelled(c) && (set != contrast || !overlaps(vagueAt, c)) {
					found |= 1 << set
					break
				}
			}
		}
		// A risk or a stake counts where no field of work on risks overlaps it.
		fieldAt := occurrences(lower, listOf(riskField, lang))
		for _, set := range []hookSet{risk, stakes} {
			found &^= 1 << set
			for _, c := range occurrences(lower, listOf(set, lang)) {
				if !overlaps(fieldAt, c) {
					found |= 1 << set
					break
				}
			}
		}
		return found
	}
	for _, lang := range append([]string{"sv"}, Languages...) {
		var all []string
		for _, marks := range lists {
			all = append(all, marks[lang]...)
			all = append(all, marks["en"]...)
		}
		m := hookMarksFor(lang)
		check := func(text string) {
			// statedStake is no list: which stakes are aims is TestStakesAimedAtAreNoFindings'.
			if got, want := m.in([]byte(text))&^(1<<statedStake), oneByOne(text, lang); got != want {
				t.Fatalf("%s %q: found sets %010b, each list on its own %010b", lang, text, got, want)
			}
		}
		for _, p := range all {
			check("x" + p + "y")
			for _, q := range all {
				check(p + q)
				check(p[:len(p)/2] + q)
			}
		}
	}
}

// TestMultipliersInWordsAreFindings: "doubles", "halved", "raddoppia", "翻倍" state a
// change as plainly as "2x" does.
func TestMultipliersInWordsAreFindings(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"en", "The launch doubles the reach of campaigns planned with partners."},
		{"en", "Support teams halved the backlog of tickets opened by customers."},
		{"it", "Il lancio raddoppia la portata delle campagne pianificate con i partner."},
		{"de", "Der Start verdoppelt die Reichweite der Kampagnen mit Partnern."},
		{"zh", "合作伙伴活动的覆盖范围在新版发布后翻倍。"},
	} {
		a := analysisOf(tc.lang, tc.text)
		if len(a.hooks) == 0 || !a.Candidates[a.hooks[0]].Finding() {
			t.Errorf("%s: %q is not a finding", tc.lang, tc.text)
		}
	}
}

// TestStakesAimedAtAreNoFindings: a stake as a result ("cuts the backlog") is a finding;
// the same stake as an aim ("An essential goal is to reduce…", "para reducir", "per
// ridurre") is a goal stated, however central.
func TestStakesAimedAtAreNoFindings(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		finding    bool
	}{
		{"en", "Moving checkout writes to a queue reduces lost orders during peaks.", true},
		{"en", "An essential goal of the release team is to reduce the load on product teams.", false},
		{"en", "The wish to reduce duplicated work has motivated many companies to build shared tools.", false},
		{"en", "The desire to refocus teams and reduce duplicated work has motivated many companies to build shared tools.", false},
		{"en", "The first goal of the platform is to cut the time teams wait for environments.", false},
		{"en", "Source code encompasses the code of the pipelines and the dependencies that reduce build time.", false},
		{"es", "La cola de pedidos reduce las ventas perdidas durante los picos.", true},
		{"es", "Los equipos trabajan juntos para reducir la carga de los equipos de producto.", false},
		{"it", "I team lavorano insieme per ridurre il carico dei team di prodotto.", false},
		// A promise: what something can do is no result.
		{"en", "By reacting to feedback, organizations can increase user satisfaction.", false},
		{"en", "Revisiting the feedback loop can further optimize development and improve engagement.", false},
		{"es", "Con una cola, las tiendas pueden reducir las ventas perdidas.", false},
		{"it", "Con una coda, i negozi possono ridurre gli ordini persi.", false},
		// A trend anyone could state is a truism.
		{"en", "As the number of operators adds up, its complexity of management also increases.", false},
		{"es", "A medida que aumenta el número de operadores, también aumenta la complejidad de su gestión.", false},
		// Said of every risk: "too often overlooked".
		{"en", "Build dependencies carry serious risks for every release that are too often overlooked.", false},
		{"it", "I rischi delle dipendenze di build sono spesso trascurati dai team di rilascio.", false},
		// What goes wrong is a finding, in any form.
		{"en", "Teams that deploy on Fridays lose weekends to incidents.", true},
	} {
		a := analysisOf(tc.lang, tc.text)
		if got := len(a.hooks) > 0 && a.Candidates[a.hooks[0]].Finding(); got != tc.finding {
			t.Errorf("%s %q: finding %v, want %v", tc.lang, tc.text, got, tc.finding)
		}
	}
}

// TestAConcessionIsAContrast: "Although…, …" and "Si bien…, …" set two things against each
// other in one sentence, as "rather than" does.
func TestAConcessionIsAContrast(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"en", "Although regression tests catch known problems, they cannot stop every release failure."},
		{"es", "Si bien las pruebas de regresión detectan problemas conocidos, no pueden detenerlo todo."},
		{"it", "Sebbene i test di regressione rilevino problemi noti, non possono fermare tutto."},
	} {
		a := analysisOf(tc.lang, tc.text)
		if len(a.hooks) == 0 || !a.Candidates[a.hooks[0]].Finding() {
			t.Errorf("%s: %q is not a finding", tc.lang, tc.text)
		}
	}
}

// TestWordsThatOnlyLookLikeAContrast: "frente a los marcos" (against the frameworks),
// "rispetto ai framework", "ダッシュボードにより" (by means of dashboards) set nothing
// against anything; "よりも" and "invece di" do.
func TestWordsThatOnlyLookLikeAContrast(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		contrast   bool
	}{
		{"es", "Los equipos evalúan la pila de defensa frente a los marcos de referencia del sector.", false},
		{"it", "I team valutano lo stack di difesa rispetto ai framework del settore.", false},
		{"ja", "開発者は標準ダッシュボードにより、サービスの状態を確認できます。", false},
		{"ja", "共通の機能は、特定のチームだけの機能よりも優先されます。", true},
		{"it", "I team pubblicano ogni settimana invece di aspettare il rilascio trimestrale.", true},
	} {
		lower := strings.ToLower(tc.text)
		if got := hookMarksFor(tc.lang).in([]byte(lower))&(1<<contrast) != 0; got != tc.contrast {
			t.Errorf("%s %q: contrast %v, want %v", tc.lang, tc.text, got, tc.contrast)
		}
	}
}

// occurrences are where each of marks occurs in s, overlapping ones too.
func occurrences(s string, marks []string) (out [][2]int) {
	for _, m := range marks {
		for at := 0; ; at++ {
			i := strings.Index(s[at:], m)
			if i < 0 {
				break
			}
			at += i
			out = append(out, [2]int{at, at + len(m)})
		}
	}
	return out
}

// TestAComparisonWithAnUnnamedPastIsNoContrast: "more than previous paradigms", "que
// nunca", "以前よりも" set a claim against nothing a reader can check; a comparison
// between two named things is a contrast, in the same sentence shape.
func TestAComparisonWithAnUnnamedPastIsNoContrast(t *testing.T) {
	for _, tc := range []struct {
		lang, vague, named string
	}{
		{"en", "Release trains separate the build from the deploy step more than previous paradigms did for most teams.",
			"Release trains separate the build from the deploy step more than nightly builds did for most teams."},
		{"en", "Small teams now review their changes faster than ever before in the history of the company.",
			"Small teams now review their changes faster than large teams with a separate review board."},
		{"es", "Los equipos pequeños revisan sus cambios más que nunca en la historia de la empresa entera.",
			"Los equipos pequeños revisan sus cambios más que los equipos grandes de la empresa entera."},
		{"ja", "小さなチームは以前よりも速く変更をレビューし、リリースの品質を保っています。",
			"小さなチームは大きなチームよりも速く変更をレビューし、リリースの品質を保っています。"},
	} {
		checkContrasts(t, tc.lang, tc.vague, tc.named)
	}
}

// TestNotOnlyButAlsoIsNoContrast: "not only… but also" adds a feature to a feature;
// "not… but" sets one thing against another.
func TestNotOnlyButAlsoIsNoContrast(t *testing.T) {
	for _, tc := range []struct {
		lang, additive, contrast string
	}{
		{"en", "The service mesh not only isolates each workload on the network but also retries the calls that fail between them.",
			"The service mesh isolates each workload on the network rather than trusting the calls that arrive between them."},
		{"es", "El service mesh no sólo proporciona aislamiento a nivel de red, sino también reintentos de las llamadas entre servicios.",
			"El service mesh no confía en la red de la empresa, sino en la identidad verificada de cada servicio que llama."},
		{"it", "La service mesh non solo isola ogni servizio sulla rete, ma anche ripete le chiamate che falliscono tra i servizi.",
			"La service mesh isola ogni servizio sulla rete invece di fidarsi delle chiamate che arrivano tra i servizi."},
		{"de", "Das Service Mesh isoliert nicht nur jeden Dienst im Netz, sondern auch wiederholt es fehlgeschlagene Aufrufe.",
			"Das Service Mesh vertraut nicht dem Netz des Unternehmens, sondern der geprüften Identität jedes Dienstes."},
	} {
		checkContrasts(t, tc.lang, tc.additive, tc.contrast)
	}
}

// TestARiskNamedAsAFieldOfWorkIsNoFinding: "risk management", "identificar riesgos",
// "gestione del rischio" name what a process deals with; a sentence that says what goes
// wrong states a risk.
func TestARiskNamedAsAFieldOfWorkIsNoFinding(t *testing.T) {
	for _, tc := range []struct {
		lang, field, stated string
	}{
		{"en", "Every platform team runs a risk assessment with the product owners before each release of the payment service.",
			"Every platform team that skips the review before a release sees an outage of the payment service within weeks."},
		{"es", "Para los equipos de plataforma, el primer paso es identificar los riesgos de cada servicio con sus responsables.",
			"Los equipos de plataforma que omiten la revisión sufren una interrupción del servicio de pagos en pocas semanas."},
		{"it", "I team di piattaforma condividono la gestione del rischio con i responsabili di ogni servizio prima del rilascio.",
			"I team di piattaforma che saltano la revisione subiscono interruzioni del servizio di pagamento entro poche settimane."},
	} {
		a := analysisOf(tc.lang, tc.field, tc.stated)
		if candidate(t, a, tc.field).Finding() {
			t.Errorf("%s: %q counts as a finding", tc.lang, tc.field)
		}
		if !candidate(t, a, tc.stated).Finding() {
			t.Errorf("%s: %q counts as no finding", tc.lang, tc.stated)
		}
	}
}

// TestAnElidedArticleLeavesItsWordAMark: "un'interruzione", "l'attaque" are the words
// interruzione and attaque, marks of a risk, though no space opens them.
func TestAnElidedArticleLeavesItsWordAMark(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"it", "I team che saltano la revisione subiscono un'interruzione del servizio di pagamento entro poche settimane."},
		{"fr", "Un agent de build mal configuré expose chaque cluster à l'attaque du premier conteneur venu sur le réseau."},
	} {
		if a := analysisOf(tc.lang, tc.text); !candidate(t, a, tc.text).Finding() {
			t.Errorf("%s: %q counts as no finding", tc.lang, tc.text)
		}
	}
}

// checkContrasts analyses two sentences of lang: the first must not count as a contrast,
// the second must.
func checkContrasts(t *testing.T, lang, not, is string) {
	t.Helper()
	a := analysisOf(lang, not, is)
	if candidate(t, a, not).Contrasts() {
		t.Errorf("%s: %q counts as a contrast", lang, not)
	}
	if !candidate(t, a, is).Contrasts() {
		t.Errorf("%s: %q counts as no contrast", lang, is)
	}
}

// TestTwoFactsSideBySideContrastOnlyWithTheirStake: "…, while the platform is the
// thinnest layer" puts two descriptions in one sentence; "…in minutes, while teams with a
// separate operations team take hours" sets a measure against another.
func TestTwoFactsSideBySideContrastOnlyWithTheirStake(t *testing.T) {
	for _, tc := range []struct {
		lang, side, stake string
	}{
		{"en", "Providers maintain the backing services of each product team, while the platform is the thinnest layer over them.",
			"Teams that own their pager fix alerts within an hour, while teams with a separate operations team take two days."},
		{"es", "Los proveedores mantienen los servicios de cada equipo mientras que la plataforma es la capa más delgada sobre ellos.",
			"Los equipos que gestionan sus alertas las resuelven en una hora mientras que los demás tardan dos días."},
		{"ja", "専門チームがサービスを維持する一方で、プラットフォームはその上の最も薄い層です。",
			"専門チームがサービスを維持する一方で、プラットフォームはアラート対応の時間を半分に短縮します。"},
	} {
		checkContrasts(t, tc.lang, tc.side, tc.stake)
	}
}

// TestTheTitlesFigureOpens: the sentence that gives the result a title states is the
// strongest hook, ahead of a more central figure; a year in the title is no result.
func TestTheTitlesFigureOpens(t *testing.T) {
	doc := &parse.Document{Title: "Lirola cuts empty kilometres by 23% in 2025", Lang: "en", Sections: []parse.Section{
		{Heading: "Routes", Paragraphs: []string{"Route planning with the new tool cut planning time for the fleet by 74% in its first year of routes."}},
		{Heading: "Results", Paragraphs: []string{"Empty kilometres fell by 23% once return loads were planned with the routes."}},
		{Heading: "Fleet", Paragraphs: []string{"The fleet drove 230 fewer routes in 2025 than it had planned at the start of the year."}},
	}}
	a := Analyze(doc)
	if got := a.Candidates[a.ByHook()[0]].Text; got != "Empty kilometres fell by 23% once return loads were planned with the routes." {
		t.Errorf("the first hook is %q", got)
	}
	for _, tc := range []struct {
		text, f string
		want    bool
	}{{"fell by 23%", "23", true}, {"fell by 230", "23", false}, {"grew 1.23 times", "23", false}, {"grew 23.5%", "23", false}, {"23, then 40", "23", true}} {
		if got := lean.HoldsFigure(tc.text, tc.f); got != tc.want {
			t.Errorf("lean.HoldsFigure(%q, %q) = %v", tc.text, tc.f, got)
		}
	}
}

// TestACompanysProfileIsNoFinding: the sizes of a company ("4,200 employees, €1.6
// billion revenue") describe it; a figure that compares or changes is the finding.
func TestACompanysProfileIsNoFinding(t *testing.T) {
	all := func(*Candidate) bool { return true }
	finding := "Plants that metered each line cut their energy bills by 12% in the first year, against 3% for the rest."
	a := analysisOf("en", "Norrvik is a mid-sized building materials company with about 4,200 employees and revenue of roughly €1.6 billion.", finding)
	if h := a.BestHook(map[int]bool{}, all); h < 0 || a.Candidates[h].Text != finding {
		t.Errorf("best hook %d, want the finding", h)
	}
	for _, c := range a.Candidates {
		if strings.HasPrefix(c.Text, "Norrvik") && (c.Finding() || c.Stat) {
			t.Errorf("a company's profile counts as a finding: %q", c.Text)
		}
	}
}

// TestProfilesInEveryLanguageAreNoStats: a company's sizes are a profile in Japanese,
// Chinese and Korean too, an English company that "operates" its fleet states none, and
// the count a study rests on is no finding; with a share or a change beside it, it is.
func TestProfilesInEveryLanguageAreNoStats(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"ja", "B社は北関東に本社を置く総合建設会社で、従業員数は約180名、年間完成工事高は約95億円です。"},
		{"zh", "海岚支付是一家总部位于新加坡的持牌支付机构，月处理交易约1,200万笔。"},
		{"ko", "A 저축은행은 수도권에 본점을 둔 중형 기업으로, 고객 수는 약 120만 명이다."},
		{"en", "Hartwell Distribution operates 340 tractors and 610 refrigerated trailers out of four terminals."},
		{"it", "Una cava di porfido in Val di Cembra, con 46 dipendenti e 180.000 tonnellate l'anno, ha avviato il progetto nel 2023."},
		// Who answered a survey.
		{"ko", "응답자 소속 보험사의 규모는 대형사 38%, 중견사 44%, 소형사 및 공제기관 18%였습니다."},
		{"en", "Respondents' organizations were 38% large firms, 44% mid-sized firms and 18% small ones."},
		// What a study rests on.
		{"en", "In 2024, Halyard's incident response practice closed 214 engagements across North America and the UK."},
		{"de", "Für die Studie wurden 312 Leiter der Finanzabteilung befragt."},
		{"en", "Between June and July 2024, Brightwell surveyed 486 facility and operations leaders across three countries."},
		{"ko", "리서치센터는 연매출 300억~3,000억 원 규모 중견기업의 재무 담당자 412명을 대상으로 매출채권 관리 실태를 조사했습니다."},
		{"zh", "本次调研共回收有效问卷612份，覆盖汽车零部件、电子和机械等行业。"},
	} {
		a := analysisOf(tc.lang, tc.text)
		if c := a.Candidates[0]; c.Stat || c.Finding() {
			t.Errorf("%s: a profile counts as a stat or a finding: %q", tc.lang, tc.text)
		}
	}
	for _, tc := range []struct{ lang, text string }{
		{"es", "En una cartera de préstamos agrícolas que analizamos, una póliza paramétrica redujo la tasa de mora del 17 % al 6 %."},
		{"en", "Of the 300 CFOs who were interviewed, 64% plan to cut their software budgets this year."},
	} {
		if c := analysisOf(tc.lang, tc.text).Candidates[0]; !c.Stat {
			t.Errorf("%s: a finding beside the study's basis is no stat: %q", tc.lang, tc.text)
		}
	}
}
