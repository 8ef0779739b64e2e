package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/repurpose/repurpose/parse"
)

// keywordsOf derives the keywords of a small document in lang.
func keywordsOf(t *testing.T, lang, text string) []string {
	t.Helper()
	doc := &parse.Document{Title: "T", Lang: lang}
	for _, p := range strings.Split(text, "\n") {
		doc.Sections = append(doc.Sections, parse.Section{Paragraphs: []string{p}})
	}
	return Analyze(doc).Keywords(5)
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
			// "Platform" is capitalised only where it opens a sentence.
			[]string{"internal developer platform", "product teams", "platform teams"},
			[]string{"developer platform", "for product", "an internal", "Platform teams"}},
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
		// Korean writes its particles onto the noun: the noun is the keyword.
		{"ko", "에너지 비용을 줄이려면 설비 단위 계측이 필요하다.\n" +
			"에너지 비용이 늘어난 공장은 설비 단위로 원인을 찾는다.\n" +
			"설비 단위 데이터가 에너지 비용의 절감을 보여 준다는 것을 권장한다.",
			[]string{"에너지 비용", "설비 단위"},
			[]string{"에너지 비용을", "에너지 비용이", "것을 권장한다"}},
		{"ja", "プラットフォームチームは開発者体験を改善します。\n" +
			"開発者体験はプラットフォームチームの目標です。\n" +
			"クラウドネイティブ技術を使うプラットフォームチームが増えています。クラウドネイティブ技術は重要です。",
			[]string{"プラットフォームチーム", "開発者体験", "クラウドネイティブ技術"},
			[]string{"は", "目標"}},
		// Dictionary words, not script runs: a phrase neither ends in a particle or a
		// verb's stem (提供し) nor cuts a word in half.
		{"ja", "セキュリティチームは脆弱性管理を自動化しています。\n" +
			"脆弱性管理の自動化により、セキュリティチームの負担が減ります。\n" +
			"多くの企業が脆弱性管理に投資し、セキュリティチームを強化しています。",
			[]string{"脆弱性管理", "セキュリティチーム"},
			[]string{"管理を", "自動化し", "チームの"}},
		{"zh", "平台团队为产品团队提供自助服务。\n" +
			"平台团队需要了解产品团队的需求。\n" +
			"优秀的平台团队会衡量开发者体验，开发者体验决定了采用率。",
			[]string{"平台团队", "产品团队", "开发者体验"},
			[]string{"的", "团队的", "团队提供", "提供自助"}},
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

// TestKeywordsAreWholePhrasesSaidOnce: no keyword holds another, none opens on a
// possessive or an elision, none is a quantity ("boa parte") or a unit ("Euro Umsatz"),
// and none is a piece of a word the text always writes longer ("间距LED" of "小间距LED").
func TestKeywordsAreWholePhrasesSaidOnce(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		not        []string
	}{
		{"en", "Average one-way ride time fell after rerouting. One-way ride time matters to parents.\n" +
			"Brennard's finance team counted ride time. Brennard's finance team also counted ride time per route.\n" +
			"Ride time per route fell. Ride time is what parents notice.",
			[]string{"Brennard's finance team", "one-way ride time fell"}},
		{"fr", "Le taux d'échec de première présentation reste élevé. Le taux d'échec de première présentation coûte cher.\n" +
			"Réduire le taux d'échec de première présentation est difficile à mesurer, difficile à piloter.",
			[]string{"d'échec de première présentation", "d'échec de première", "difficile à"}},
		{"pt", "Boa parte dos produtores irriga demais. Boa parte da água se perde.\nA maior parte do custo é energia. A maior parte dos talhões é homogênea.",
			[]string{"Boa parte", "maior parte"}},
		{"de", "Die Qualitätskosten liegen bei 2,4 Millionen Euro Umsatz. Bei 10 Millionen Euro Umsatz steigen sie.",
			[]string{"Euro Umsatz", "Millionen Euro Umsatz"}},
		{"en", "DAVID OKAFOR: Cooling costs per mile fell. DAVID OKAFOR: Cooling costs per mile rose again.", []string{"DAVID OKAFOR", "per mile"}},
		{"fr", "Elles ont réduit les coûts de 12 %. Elles ont aussi réduit les délais.", []string{"Elles ont"}},
		{"zh", "小间距LED屏幕的出货量增长了40%。小间距LED屏幕主要用于指挥中心。\n预测性运维可以降低成本。采用预测性运维的电站损失更低。",
			[]string{"间距LED", "预测性运"}},
		// Spans of time, counts and units say when or how much; the same words with other
		// endings are the same keyword; "We've got" and "Among operators" open on no topic.
		{"fr", "Les dix-huit mois suivants ont changé la donne. Pendant dix-huit mois, les équipes ont signalé les presque-accidents.",
			[]string{"dix-huit mois", "mois suivants"}},
		{"en", "Last year we've got more leaks. We've got fewer crews than last year. Among operators, costs rose. Among operators, leaks fell.",
			[]string{"last year", "We've got", "Among operators"}},
		{"it", "La consegna fallita costa cara. Ogni consegna fallita si ripete.\nLe consegne fallite calano. Le consegne fallite pesano sui profili dei corrieri.",
			[]string{"Consegne fallite", "consegne fallite"}},
		// Vague quantities and counts written out, and an adverb, name nothing.
		{"es", "Muchas empresas tardan meses. Muchas empresas no miden nada. Muchas empresas pagan de más.",
			[]string{"Muchas empresas", "muchas empresas"}},
		{"de", "Niemand wird entlassen, weil er zu viel prüft. Keiner geht, weil er Fehler findet. Sie bleibt, weil er bleibt.", []string{"weil er"}},
		{"en", "Contracts migrated slowly. Most contracts migrated late. Contracts migrated again. A small number of stores credit fairly. " +
			"A small number of teams credit fairly. Only a small number of brands credit fairly.",
			[]string{"Contracts migrated", "contracts migrated", "small number", "credit fairly"}},
		{"en", "Best practices help. Use cases vary. Best practices change. Use cases grow. Best practices spread. Use cases differ.",
			[]string{"Best practices", "Use cases", "best practices", "use cases"}},
		{"de", "Gute Prozesse brauchen Daten. Alle Prozesse brauchen Regeln. Manche Prozesse brauchen mehr.", []string{"Prozesse brauchen"}},
		{"nl", "Tachtig monteurs werken voor drie planners. Tachtig monteurs delen één account.", []string{"Tachtig monteurs", "tachtig monteurs"}},
		{"de", "Dieser Leitfaden hilft. Dieser Leitfaden zeigt Schritte. Die strukturierten Daten fließen. Die strukturierten Daten zählen. Per E-Mail kommt alles. Per E-Mail geht alles.",
			[]string{"Dieser Leitfaden", "strukturierten Daten", "per E-Mail", "Per E-Mail"}},
		{"nl", "Leg vast wie beslist. Leg vast wie meldt. Een nieuwe firewall helpt niet. Een nieuwe firewall kost geld.",
			[]string{"Leg vast", "leg vast", "nieuwe firewall"}},
		{"en", "The two are completely different things. They are completely different tools, and genuinely useful ones. Both are genuinely useful.",
			[]string{"completely different", "genuinely useful"}},
	} {
		got := keywordsOf(t, tc.lang, tc.text)
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: keywords %q hold %q", tc.lang, got, w)
			}
		}
		for i, k := range got {
			for _, other := range got[i+1:] {
				if within(PhraseKey(k, tc.lang), PhraseKey(other, tc.lang)) || within(PhraseKey(other, tc.lang), PhraseKey(k, tc.lang)) {
					t.Errorf("%s: keywords %q and %q say it twice", tc.lang, k, other)
				}
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

// TestAKeywordCapitalisedAtASentencesStartIsInLowerCase: "Quarterly access reviews"
// opened two sentences; the text writes "quarterly" in lower case elsewhere, so the
// keyword is "quarterly access reviews". A name keeps its capital, written in lower case
// once but capitalised more often.
func TestAKeywordCapitalisedAtASentencesStartIsInLowerCase(t *testing.T) {
	got := keywordsOf(t, "en", "Quarterly access reviews are rubber stamps. Quarterly access reviews take four seconds each. "+
		"Teams that skip the quarterly meeting lose track. Kubernetes operators fail quietly. Kubernetes operators restart pods. "+
		"Operators watch kubernetes resources. Every Kubernetes cluster runs them. Teams upgrade Kubernetes yearly.")
	if !slices.Contains(got, "quarterly access reviews") || slices.Contains(got, "Quarterly access reviews") {
		t.Errorf("keywords %q: want \"quarterly access reviews\"", got)
	}
	if !slices.Contains(got, "Kubernetes operators") {
		t.Errorf("keywords %q: want \"Kubernetes operators\" with its capital", got)
	}
}

// TestSegmentedKeywordsAreWholeWords: every Japanese and Chinese keyword is one or more
// whole dictionary words, none ending in a particle, and the blog gets them (they were
// empty when phrases were cut from script runs).
func TestSegmentedKeywordsAreWholeWords(t *testing.T) {
	for lang, text := range map[string]string{
		"ja": "コンテナイメージの署名はサプライチェーンを守ります。\nサプライチェーンの攻撃は増えています。コンテナイメージを検証してください。",
		"zh": "容器镜像签名可以保护供应链。\n供应链攻击正在增加。请验证容器镜像。",
	} {
		got := keywordsOf(t, lang, text)
		if len(got) == 0 {
			t.Errorf("%s: no keywords", lang)
		}
		for _, k := range got {
			last, _ := utf8.DecodeLastRuneInString(k)
			if strings.ContainsRune("のをはがにでともへや的了和是", last) {
				t.Errorf("%s: keyword %q ends in a particle", lang, k)
			}
		}
	}
}

// TestKindTableFindsEveryListedWord: the filter in front of a language's word kinds
// lets every listed word through to its kind, and reports none for a word in no list.
func TestKindTableFindsEveryListedWord(t *testing.T) {
	for lang, words := range wordKinds {
		table := wordKindsOf(lang)
		for w, k := range words {
			if got := table.of([]byte(w)); got != k {
				t.Errorf("%s: kind of %q = %d, want %d", lang, w, got, k)
			}
		}
		for _, w := range []string{"platform", "kubernetes", "x", "teams", "zz", "ünïcödé"} {
			if got := table.of([]byte(w)); got != words[w] {
				t.Errorf("%s: kind of %q = %d, want %d", lang, w, got, words[w])
			}
		}
	}
}

// TestKeywordsComeFromTheSubjectNotTheAuthors: an author's title, however often a bio
// repeats it, is no keyword of the document.
func TestKeywordsComeFromTheSubjectNotTheAuthors(t *testing.T) {
	doc := &parse.Document{Title: "T", Lang: "en", Sections: []parse.Section{
		{Heading: "Why visibility", Paragraphs: []string{
			"Supplier mapping finds hidden single sources. Supplier mapping takes a quarter. Hidden single sources cost millions."}},
		{Heading: "About the authors", Paragraphs: []string{
			"Ana Ruiz is a Principal Solutions Architect. Ben Ode is a Principal Solutions Architect. Cy Tan is a Principal Solutions Architect."}},
	}}
	got := Analyze(doc).Keywords(5)
	if slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "Solutions Architect") }) || !slices.Contains(got, "Supplier mapping") {
		t.Errorf("keywords %q: want supplier mapping, and no author's title", got)
	}
}

// TestAConnectiveIsNoKeyword: "Além disso" opens sentences often; it names nothing.
func TestAConnectiveIsNoKeyword(t *testing.T) {
	got := keywordsOf(t, "pt", "Além disso, cadastros duplicados custam caro.\nAlém disso, cadastros duplicados atrasam o atendimento.\nAlém disso, dados clínicos se perdem.\nAlém disso, dados clínicos se repetem.")
	if slices.ContainsFunc(got, func(k string) bool { return strings.Contains(strings.ToLower(k), "além disso") }) {
		t.Errorf("keywords %q", got)
	}
}

// TestAdverbsContractionsAndUnitsAreNoKeywords: "Bundles aren't", "customers actually",
// "millions d'euros" and "vezes maior" recur without naming a subject.
func TestAdverbsContractionsAndUnitsAreNoKeywords(t *testing.T) {
	for _, tc := range []struct{ lang, text, not string }{
		{"en", "Bundles aren't cheap. Bundles aren't new. Customers actually churn. Customers actually leave.", "aren't"},
		{"en", "Customers actually churn. Customers actually leave. Customers actually stay.", "actually"},
		{"fr", "Les essais coûtent 4 millions d'euros. Les sites coûtent 2 millions d'euros.", "millions"},
		{"pt", "O risco é 3,2 vezes maior. O custo é 2 vezes maior.", "vezes"},
	} {
		got := keywordsOf(t, tc.lang, tc.text)
		if slices.ContainsFunc(got, func(k string) bool { return strings.Contains(strings.ToLower(k), tc.not) }) {
			t.Errorf("%s: keywords %q hold %q", tc.lang, got, tc.not)
		}
	}
}
