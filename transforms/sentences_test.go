package transforms

import (
	"reflect"
	"testing"
	"unicode"
)

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Use tools, e.g. Kubernetes and Helm. Then deploy.", []string{"Use tools, e.g. Kubernetes and Helm.", "Then deploy."}},
		{"Pick one, i.e. the fastest. It wins.", []string{"Pick one, i.e. the fastest.", "It wins."}},
		{"Sales in the U.S. grew fast. Europe followed.", []string{"Sales in the U.S. grew fast.", "Europe followed."}},
		{"Dr. Smith agreed. So did Acme Inc. in May.", []string{"Dr. Smith agreed.", "So did Acme Inc. in May."}},
		{"It costs 3.5 dollars. Version v1.2.3 fixed it.", []string{"It costs 3.5 dollars.", "Version v1.2.3 fixed it."}},
		{"See https://example.com/a.b?c=d. Mail ops@example.co.uk now.", []string{"See https://example.com/a.b?c=d.", "Mail ops@example.co.uk now."}},
		{"Wait... then go. Or stop… Really?! Yes.", []string{"Wait... then go.", "Or stop…", "Really?!", "Yes."}},
		{`He said "ship it." Then left.`, []string{`He said "ship it."`, "Then left."}},
		{"Ask J. R. Doe about No. 5 first.", []string{"Ask J. R. Doe about No. 5 first."}},
		{"これは文です。あれも文です！本当？はい", []string{"これは文です。", "あれも文です！", "本当？", "はい"}},
		{"「終わりです。」次の文。", []string{"「終わりです。」", "次の文。"}},
		{"No final stop", []string{"No final stop"}},
		{"We track logs, metrics, etc. and alert on them. Then we rest.", []string{"We track logs, metrics, etc. and alert on them.", "Then we rest."}},
		{"It ships logs, traces, etc. Teams love it.", []string{"It ships logs, traces, etc.", "Teams love it."}},
		{"Acme Inc. was founded early. It grew.", []string{"Acme Inc. was founded early.", "It grew."}},
		{"He joined Acme Inc. The team grew.", []string{"He joined Acme Inc.", "The team grew."}},
		{"Prof. Lee, Ph.D. and the team agreed.", []string{"Prof. Lee, Ph.D. and the team agreed."}},
		{"Growth was 12.5% in Q3. Costs fell 3.2x overall.", []string{"Growth was 12.5% in Q3.", "Costs fell 3.2x overall."}},
		{"Install 2.0.1-rc.1 now. Then restart.", []string{"Install 2.0.1-rc.1 now.", "Then restart."}},
		{"Write to first.last@example.com. We reply fast.", []string{"Write to first.last@example.com.", "We reply fast."}},
		{"Visit www.example.org/docs today. It helps.", []string{"Visit www.example.org/docs today.", "It helps."}},
		{"She asked, \"Is it ready?\" Nobody knew.", []string{"She asked, \"Is it ready?\"", "Nobody knew."}},
		{"“Ship small.” That was the rule.", []string{"“Ship small.”", "That was the rule."}},
		{"¿Está listo? Sí, p.ej. el módulo de red. Luego otro.", []string{"¿Está listo?", "Sí, p.ej. el módulo de red.", "Luego otro."}},
		{"Das gilt z.B. für Pods. Dann folgt mehr.", []string{"Das gilt z.B. für Pods.", "Dann folgt mehr."}},
		{"这是第一句。这是第二句！真的吗？是的", []string{"这是第一句。", "这是第二句！", "真的吗？", "是的"}},
		{"費用は3.5倍です。（注記あり）次へ。", []string{"費用は3.5倍です。", "（注記あり）次へ。"}},
	} {
		if got := splitSentences(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitSentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestIsStat(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Pages fell by 62% in six weeks.", true},
		{"Deploys are 4x faster than before.", true},
		{"The weekly teams shipped 3.5× more often.", true},
		{"It cost about $180,000 a year.", true},
		{"La merma llegó a 4.200 euros al mes.", true},
		{"Captures over 50 recommended practices.", true},
		{"The group ran 14 services for 230 developers.", true},
		{"会議の時間を半年で48%削減しました。", true},
		{"生産性が3倍になりました。", true},
		{"This architecture was evaluated in early 2022.", false},
		{"Kubernetes 1.20 removed the flag.", false},
		{"See section 12 for details.", false},
		{"Upgrade to v2.3.1 before March.", false},
		{"There are two broad ways of organizing controls.", false},
		{"In 2023 the project moved to the foundation.", false},
		{"Revenue grew to €2.4 million in the first year.", true},
		{"Nearly 40 teams adopted the platform within a quarter.", true},
		{"Las pruebas bajaron un 35 por ciento tras el cambio.", true},
		{"Die Kosten sanken um 20 Prozent.", true},
		{"Le coût a baissé de 30 pour cent.", true},
		{"Las fallas se redujeron 3 veces más rápido.", true},
		{"See chapter 4 and table 12 for the method.", false},
		{"Refer to RFC 7231 for the semantics.", false},
		{"Threat Modeling: step 3 of the process.", false},
		{"Released on 12 March with version 1.4.2.", false},
		{"Kubernetes v1.29 and Go 1.22 are supported.", false},
		{"The 2024 survey is attached.", false},
		{"On March 12 with the new team we started.", false},
		{"El 3 de mayo empezó la migración.", false},
	} {
		if got := isStat(tc.s); got != tc.want {
			t.Errorf("isStat(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestScriptShortcuts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHiragana(r) != unicode.Is(unicode.Hiragana, r) || isKatakana(r) != unicode.Is(unicode.Katakana, r) ||
			isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("%U: script shortcuts disagree with package unicode", r)
		}
		if r > maxSpace && unicode.IsSpace(r) {
			t.Fatalf("%U is white space after maxSpace", r)
		}
	}
}
