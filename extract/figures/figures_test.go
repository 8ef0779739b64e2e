package figures

import (
	"testing"

	"github.com/repurpose/repurpose/internal/regexsample"
	"github.com/repurpose/repurpose/internal/testdocs"
)

func TestIsStat(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Pages fell by 62% in six weeks.", true},
		// A share counted out, in digits or words.
		{"Six of the eight customers copy our numbers into their own spreadsheets.", true},
		{"In the survey, 3 out of 4 teams deploy weekly.", true},
		{"7 de cada 10 equipos despliegan cada semana.", true},
		{"One of the three pillars of the model is observability.", false},
		{"One of the two teams moved to the new cluster.", false},
		{"Deploys are 4x faster than before.", true},
		{"The weekly teams shipped 3.5× more often.", true},
		{"It cost about $180,000 a year.", true},
		{"La merma llegó a 4.200 euros al mes.", true},
		{"Captures over 50 recommended practices.", true},
		{"The group ran 14 services for 230 developers.", true},
		// What a project installed is its setup; a result beside it is still a finding.
		{"In sei settimane sono stati installati moduli telematici su tutti gli 11 mezzi e sei sensori sul frantoio.", false},
		{"The team installed 40 vibration sensors on 12 conveyors.", false},
		// A threshold a rule sets is no finding; "at least" in a finding is.
		{"Le cadre réglementaire fixe un rendement minimal de 85 %, ou un seuil de 65 % pour les petits réseaux.", false},
		{"The regulation sets a minimum of 30% recycled content by 2030.", false},
		{"La norma fija un umbral del 5 % de pérdidas.", false},
		{"At least 40% of utilities still read meters by hand.", true},
		{"Il 61% degli hotel ha ridotto le commissioni di almeno il 5%.", true},
		{"We installed 40 sensors and cut unplanned downtime by 30%.", true},
		{"冲压车间共有4条冲压线、42台主要设备，包括多工位压力机、送料机构。", false},
		{"설문 응답 기업들이 추정한 비계획 정지 1시간당 평균 손실액은 약 1,200만 원이었다.", true},
		{"보전 조직은 3원칙을 따른다.", false},
		{"工場は年間120台の設備を保有しています。", false},
		{"会議の時間を半年で48%削減しました。", true},
		{"生産性が3倍になりました。", true},
		{"導入から六か月後、会議の時間は週14時間から7.3時間に減りました。", true},
		{"翌年の突発停止は 14回 → 4回に減少しました。", true},
		// How long something runs is no quantity.
		{"Las zonas comunes funcionan 24 horas al día.", false},
		{"Free size-exchange on unworn items for 60 days.", false},
		{"The control room is staffed 365 days a year by 12 engineers.", true},
		{"회의 시간은 주 14시간에서 7시간으로 줄었습니다.", true},
		{"会议时间从每周14小时降至7小时。", true},
		{"Deploys per team rose from 3 to 11 a week after the paved road opened.", true},
		{"El tiempo de espera bajó de 14 a 7 horas por semana.", true},
		{"The project grew steadily from 2019 to 2023 under the foundation.", false},
		{"エンジニア一人あたり週に平均14時間を会議に使っていました。", true},
		{"평균 14시간을 회의에 썼습니다.", true},
		{"手順は2章から4章に書かれています。", false},
		{"2020年から2023年にかけてプロジェクトは成長しました。", false},
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
		if got := Stat(tc.s); got != tc.want {
			t.Errorf("Stat(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// A stat card shows the figure a sentence states, as the sentence writes it.
func TestFigure(t *testing.T) {
	for s, want := range map[string]string{
		"73% of organisations run Kubernetes in production.": "73%",
		"Deploys got 3x faster after the move.":              "3x",
		"The market reached $4.2 billion in 2025.":           "$4.2 billion",
		"Über 1,200 Kunden nutzen es.":                       "1,200",
		"導入企業は500社を超えた。":                                     "500社",
		"Nothing here counts anything.":                      "",
	} {
		if got := Figure(s); got != want {
			t.Errorf("Figure(%q) = %q, want %q", s, got, want)
		}
	}
}

// mayShare spares running nOfMRe on most sentences; whenever the pattern matches, in
// random strings it describes and in every line of the samples and corpus, it must let
// the sentence through.
func TestMayShareLetsEveryShareThrough(t *testing.T) {
	surroundings := []string{"", " ", "In the survey, ", "平台", "x.", "(", "1", ": ", "six", "2024 "}
	shares := regexsample.New(nOfMRe)
	matched := 0
	for range 20000 {
		s := shares.Pick(surroundings) + shares.Next() + shares.Pick(surroundings)
		if nOfMRe.MatchString(s) {
			matched++
			if !mayShare(s) {
				t.Fatalf("%q: nOfMRe matches, but mayShare says no", s)
			}
		}
	}
	if matched < 5000 {
		t.Errorf("only %d of 20,000 strings matched the pattern", matched)
	}
	for _, s := range testdocs.Lines(t, "Six  OF the eight", "twelve\tvan 12 dingen", "1 ſu 3 cose") {
		if nOfMRe.MatchString(s) && !mayShare(s) {
			t.Fatalf("%q: nOfMRe matches, but mayShare says no", s)
		}
	}
}

// TestAMadeUpInstanceIsNoFinding: "a" and a case described by a number, or a supposition
// and the sum it works out, illustrate; a survey opened on "a", "a third of…" and "a 40%
// rise" report.
func TestAMadeUpInstanceIsNoFinding(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "A 400-person engineering organization in the US easily costs $90 million a year fully loaded.", true},
		{"en", "A district with 120 routes that each carry two minutes of buffer is burning 240 driver-minutes every morning.", true},
		{"pt", "Um provedor de 30 mil assinantes que reduz R$ 10 no plano de todos perde R$ 3,6 milhões de receita por ano.", true},
		{"en", "If sales fall by even 15%, that is $9,000 a week, or $468,000 a year, in lost revenue from one store.", true},
		{"en", "Multiply across a few hundred part numbers and the rotable pool easily reaches US$15–40 million.", true},
		{"pt", "Se cada assessor concluir 8 atualizações por semana e houver 15 assessores, a campanha pode ser concluída em três semanas.", true},
		{"zh", "每月退货处理成本变为: 10万 × 27% × 9.8元 ≈ 26.5万元。", true},
		{"ja", "削減できた損失は、10回 × 85万円 = 約850万円。", true},
		{"zh", "年节省10万×12个月=120万元。", true},
		{"zh", "某女装店铺每月发货约 10万单，退货率达到 27%。", true},
		{"es", "Una planta de 200 empleados pierde unos 40.000 euros al mes en paradas.", true},
		{"en", "At 50% renewal, 85 households move out each year.", true},
		{"en", "At 42% of sites, energy use fell after the retrofit.", false},
		{"en", "A 2024 survey of 500 CFOs found that 62% plan to cut software spend.", false},
		{"en", "A third of respondents cut their budgets by 10% or more.", false},
		{"en", "A 40% rise in returns followed the switch to free shipping.", false},
		{"en", "If a page takes more than 3 seconds to load, 53% of mobile visitors leave.", false},
		{"es", "Un estudio con 1.200 pymes muestra que el 41 % ya factura en formato electrónico.", false},
		{"en", "Teams that adopted the platform shipped 3x more often than the rest.", false},
	} {
		if got := Instance(tc.text, tc.lang); got != tc.want {
			t.Errorf("Instance(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
