package doctype

import "testing"

func TestATitleAndAnOpeningNameTheType(t *testing.T) {
	for _, tc := range []struct{ text, named, self string }{
		{"The 2024 Accounts Payable Benchmark Report", Report, ""},
		{"Why Retail Keeps Borrowing the Wrong Playbook", Guide, ""},
		// Any word of a type names it in a title; in an opening, the first "this …" does.
		{"This essay argues that stores need numbers of their own, not this report's.", Report, Article},
		{"Ce livre blanc présente les fraudes les plus coûteuses.", Whitepaper, Whitepaper},
		{"본 보고서는 41개 기업을 조사했습니다.", Report, Report},
		{"Postgres reporting guidelines", "", ""}, // a word inside a longer one names nothing
		{"Whitepapers on platforms", Whitepaper, ""},
		// German and Dutch name the type at a compound's end.
		{"Wärmepumpen im Gewerbe: Marktbericht 2025", Report, ""},
		{"Der Praxisleitfaden für Lagerverwaltung", Guide, ""},
	} {
		if got := Named(tc.text); got != tc.named {
			t.Errorf("Named(%q) = %q, want %q", tc.text, got, tc.named)
		}
		if got := SelfNamed(tc.text); got != tc.self {
			t.Errorf("SelfNamed(%q) = %q, want %q", tc.text, got, tc.self)
		}
	}
}
