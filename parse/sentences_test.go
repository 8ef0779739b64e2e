package parse

import (
	"reflect"
	"slices"
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
		if got := Sentences(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestMaxSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r > maxSpace && unicode.IsSpace(r) {
			t.Fatalf("%U is white space after maxSpace", r)
		}
	}
}

// TestAGermanDayIsNoSentenceEnd: "am 8. April 2025" is a date, not the end of a sentence.
func TestAGermanDayIsNoSentenceEnd(t *testing.T) {
	got := Sentences("Die Studie erschien am 8. April 2025 in Berlin. Sie zeigt 23 % mehr Homeoffice.")
	if len(got) != 2 || got[0] != "Die Studie erschien am 8. April 2025 in Berlin." {
		t.Errorf("sentences %q", got)
	}
}

// TestAGermanTitleIsNoSentenceEnd: "Dr.-Ing." joins two abbreviations with a hyphen.
func TestAGermanTitleIsNoSentenceEnd(t *testing.T) {
	got := Sentences("Von Dr.-Ing. Katrin Wiesendanger. Die Prüfung am Bandende kostet am meisten.")
	if len(got) != 2 || got[0] != "Von Dr.-Ing. Katrin Wiesendanger." {
		t.Errorf("sentences %q", got)
	}
}

// TestASpanishDoubledAbbreviationIsNoSentenceEnd: "RR. HH." (recursos humanos) and
// "EE. UU." are one word each; the sentence ends where a sentence would.
func TestASpanishDoubledAbbreviationIsNoSentenceEnd(t *testing.T) {
	got := Sentences("El 67 % aumentará su presupuesto de RR. HH. en 2025. Las empresas de EE. UU. gastan más. Todo el software de RR. HH. Otra frase.")
	want := []string{
		"El 67 % aumentará su presupuesto de RR. HH. en 2025.",
		"Las empresas de EE. UU. gastan más.",
		"Todo el software de RR. HH.",
		"Otra frase.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}
