package transforms

import (
	"reflect"
	"testing"
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
	} {
		if got := isStat(tc.s); got != tc.want {
			t.Errorf("isStat(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
