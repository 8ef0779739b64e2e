package results

import (
	"reflect"
	"testing"

	"github.com/repurpose/repurpose/parse"
)

func TestARowOfBeforeAndAfterIsAChange(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table parse.Table
		want  []string
	}{
		{"two periods and their change", parse.Table{
			{"Indicador", "2023", "Ene–sep 2024", "Variación"},
			{"Kilómetros en vacío (% del total)", "27,0 %", "20,8 %", "−23 %"},
			{"Puntualidad en ventana horaria", "88 %", "95 %", "+7 p.p."},
			{"Fuente", "ERP", "ERP", "—"},
		}, []string{"Kilómetros en vacío (% del total): 27,0 % (2023) → 20,8 % (Ene–sep 2024) (−23 %)",
			"Puntualidad en ventana horaria: 88 % (2023) → 95 % (Ene–sep 2024) (+7 p.p.)"}},
		{"before and after, in words", parse.Table{
			{"지표", "도입 전", "도입 후"},
			{"아차사고 보고 건수(월)", "12건", "47건"},
		}, []string{"아차사고 보고 건수(월): 12건 → 47건"}},
		{"three years: the first to the last", parse.Table{
			{"Metric", "2022", "2023", "2024", "Change"},
			{"Late renewals", "27%", "14%", "6%", "−21 pts"},
		}, []string{"Late renewals: 27% (2022) → 6% (2024) (−21 pts)"}},
		{"bare years without a change: a breakdown", parse.Table{
			{"Branche", "2022", "2025"},
			{"IT und Software", "88 %", "94 %"},
		}, nil},
		{"one measure of several, the later year first", parse.Table{
			{"Receiving provider", "Inbox 2024", "Spam 2024", "Inbox 2023"},
			{"Google Workspace", "88.4%", "10.1%", "81.9%"},
		}, []string{"Google Workspace: 81.9% (Inbox 2023) → 88.4% (Inbox 2024)"}},
		{"figures of two units are no change", parse.Table{
			{"Segmento", "Conversão 2023", "Ticket médio 2024", "Variação"},
			{"Moda e acessórios", "1,45%", "R$ 214", "+0,07"},
		}, nil},
		{"no times compared", parse.Table{
			{"Gebouwtype", "Kantoor", "School", "Zorg"},
			{"Besparing", "38%", "41%", "29%"},
		}, nil},
		{"a header 'Number' is not the Dutch 'now'", parse.Table{
			{"Region", "Before", "Number of sites"},
			{"North", "12", "40"},
		}, nil},
	} {
		var got []string
		for _, c := range Of(tc.table) {
			got = append(got, c.Line())
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
