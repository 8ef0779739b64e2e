package slug

import (
	"strings"
	"testing"
)

func TestASCIISlug(t *testing.T) {
	for _, tc := range [][2]string{
		{"Inventario sin sorpresas: previsión de demanda", "inventario-sin-sorpresas-prevision-de-demanda"},
		{"Straße & Café — Übersicht", "strasse-cafe-ubersicht"},
		{"会議を半分に：分散チーム", ""},
		{"CNCFプラットフォームホワイトペーパー", ""},
	} {
		if got := ASCII(tc[0], 60); got != tc[1] {
			t.Errorf("ASCII(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
	if got := ASCII(strings.Repeat("word ", 30), 20); got != "word-word-word-word" {
		t.Errorf("long slug %q", got)
	}
}
