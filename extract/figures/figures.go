// Package figures tells a sentence that states a figure worth sharing — a percentage, a
// multiplier, an amount of money, a count of something, a change from one figure to
// another — from one whose numbers say nothing (years, versions, section numbers, list
// ordinals, durations in an instruction) or illustrate a made-up case.
package figures

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// Patterns of a statistic worth sharing. Numbers alone are not enough: years, versions,
// section numbers and list ordinals are everywhere in a whitepaper and say nothing.
var (
	percentRe    = regexp.MustCompile(`(?i)\d+(?:[.,]\d+)?\s?(?:%|％|percent\b|per cent\b|por ciento|pour cent|prozent|パーセント)`)
	multiplierRe = regexp.MustCompile(`(?i)\b\d+(?:\.\d+)?\s?[x×](?:\s|$|[,.;:)])|\b\d+(?:\.\d+)?-?fold\b|\b\d+(?:\.\d+)? (?:times|veces|fois|mal) (?:faster|more|higher|lower|less|fewer|as|cheaper|más|menos|plus|moins|schneller)|\d+(?:\.\d+)?倍`)
	moneyRe      = regexp.MustCompile(`(?i)[$€£¥]\s?\d|\d\s?(?:million|billion|trillion|millones|milliards?|millionen|milliarden|dollars|dólares|euros|usd|eur)\b|\d\s?(?:万円|億円|円)|\d\s?(?:만|억|조)\s?원|\d,\d{3}\s?원`)
	// "14回 → 4回": a change written with an arrow, its units in Japanese or Chinese.
	arrowCJKRe = regexp.MustCompile(`\d[\d.,]*\s?[\p{Han}\p{Katakana}\p{Hangul}%％]{0,3}\s?→\s?\d`)
	// A duration that says how long something runs, not a quantity.
	roundTheClock = regexp.MustCompile(`(?i)^(?:24\s+(?:hours|horas|heures|stunden|ore|uur)|365\s+(?:days|días|dias|jours|tage|giorni|dagen)|7\s+(?:days|días|dias|jours|tage|giorni|dagen))\s+(?:a|per|al|por|par|am|pro|al|ao|per)\b`)
	durationWords = parse.WordSet(`for during durante pendant für während per voor`)
	timeUnits     = parse.WordSet(`hours days weeks months years horas días dias semanas meses años anos heures jours
		semaines mois ans stunden tage wochen monate jahre ore giorni settimane mesi anni uur dagen weken maanden jaren`)
	countRe    = regexp.MustCompile(`(?:^|[\s(])(\d{1,3}(?:,\d{3})+|\d{2,})\s+(\pL{3,})`)
	cueCountRe = regexp.MustCompile(`(?i)\b(?:` + strings.Join(countCues, "|") + `)\s+\d+\s+\pL{3,}`)
	jaCountRe  = regexp.MustCompile(`\d+(?:万|億)?(?:人|社|件|個|台|名|割)`)
	// fromToRe is a change from one figure to another in the Latin languages ("rose from 3
	// to 11 a week", "de 14 a 7 horas", "von 20 auf 5"); its groups are the two figures.
	fromToRe = regexp.MustCompile(`(?i)\b(?:from|de|desde|von|da|van)\s+(\d+(?:[.,]\d+)?)\s?(?:%|\pL+)?\s+(?:to|a|à|hasta|auf|bis|naar|para)\s+(\d+(?:[.,]\d+)?)`)
	// averageCJKRe is an average in Japanese, Chinese or Korean ("平均14時間", "평균 14시간"):
	// a measured figure, as "an average of 41 pages" is in English.
	averageCJKRe = regexp.MustCompile(`(?:平均|평균)(?:で|して|为|為|은|)\s?\d`)
	// fromToCJKRe is a change from one figure to another in Japanese, Korean and Chinese
	// ("14時間から7.3時間に", "14시간에서 7시간으로", "从每周14小时降至7小时"), as "from 14 hours to 7"
	// is one in English (a count); its groups are the first figure's unit (fromToCJK).
	fromToCJKRe = regexp.MustCompile(`\d+(?:\.\d+)?\s?([\p{Han}\p{Katakana}\p{Hangul}ー]{0,4})\s?(?:から|에서)\s?[\p{Han}\p{Hangul}]{0,3}\s?\d+(?:\.\d+)?|从\s?\p{Han}{0,3}\s?\d+(?:\.\d+)?\s?(\p{Han}{0,4})\s?(?:到|降至|增至|减至|减少到|降低到|下降到|上升到|提高到|增加到)\s?\p{Han}{0,3}\d+`)
)

// sectionWords before a number make it a reference, not a count ("Section 12 covers").
var sectionWords = parse.WordSet(`section sections chapter figure fig table step phase level version
	v page pages article item part appendix rfc iso sección capítulo figura tabla paso fase
	nivel versión página artículo kapitel abbildung tabelle schritt chapitre étape niveau`)

// monthWords make a number a date, not a count.
var monthWords = parse.WordSet(`january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec enero febrero marzo
	abril mayo junio julio agosto septiembre octubre noviembre diciembre januar februar märz
	juni juli oktober dezember janvier février mars avril mai juin juillet août septembre
	octobre novembre décembre`)

// stopwords are marks.Stopwords as sets.
var stopwords = parse.WordSets(marks.Stopwords)

// isFunctionWord is a stop word of any language with built-in lists.
func isFunctionWord(w string) bool {
	for _, set := range stopwords {
		if set[w] {
			return true
		}
	}
	return false
}

// nOfMRe is a share counted out ("six of the eight customers", "3 out of 4 teams", "7 de
// cada 10 equipos", "6 su 8", "6 von 8"): its two numbers, in digits or English words.
var nOfMRe = regexp.MustCompile(`(?i)\b(\d+|` + numberWordsRe + `)\s+(?:out\s+of|of|de\s+cada|de|su|sur|von|van)\s+` +
	`(?:the\s+|our\s+|their\s+|los\s+|las\s+|les\s+|i\s+|gli\s+|den\s+|der\s+|die\s+)?(\d+|` + numberWordsRe + `)\s+\pL{3,}`)

// numberWords are the English numbers a share is written with, from one.
var numberWords = strings.Fields("one two three four five six seven eight nine ten eleven twelve")

var numberWordsRe = strings.Join(numberWords, "|")

// share reports a share counted out (nOfMRe) whose part is at most its whole: "six of
// the eight customers", "1 of 3 teams", not "one of the two" or "one of the three pillars".
func share(s string) bool {
	if !mayShare(s) {
		return false
	}
	for _, m := range nOfMRe.FindAllStringSubmatch(s, -1) {
		// "one of the three pillars" names a thing; "1 of 3 teams" counts.
		n, whole := numberOf(m[1]), numberOf(m[2])
		if _, digits := strconv.Atoi(m[1]); (n > 1 || digits == nil && n == 1) && whole > 2 && n <= whole {
			return true
		}
	}
	return false
}

// shareWords are the words nOfMRe allows between a share's two numbers, each the start of
// one of its alternatives ("out of", "de cada").
var shareWords = []string{"out", "of", "de", "su", "sur", "von", "van"}

// mayShare is the quick test for nOfMRe, which every sentence with a digit or " of "
// would otherwise run: one of shareWords, in any case, between white space, after a digit
// or one of numberWords and white space. Case-insensitive matching also takes the long s
// (U+017F) for "s", which this test does not, so with it the pattern decides.
func mayShare(s string) bool {
	if strings.Contains(s, "\u017F") {
		return true
	}
	for i := 1; i < len(s); i++ {
		if c := s[i] | 0x20; c != 'o' && c != 'd' && c != 's' && c != 'v' || !isSpaceByte(s[i-1]) {
			continue // not the first letter of one of shareWords after white space
		}
		if !slices.ContainsFunc(shareWords, func(w string) bool {
			return len(s) > i+len(w) && strings.EqualFold(s[i:i+len(w)], w) && isSpaceByte(s[i+len(w)])
		}) {
			continue
		}
		j := i - 1
		for j > 0 && isSpaceByte(s[j-1]) {
			j--
		}
		if j > 0 && isDigit(s[j-1]) || slices.ContainsFunc(numberWords, func(w string) bool {
			return len(s[:j]) >= len(w) && strings.EqualFold(s[j-len(w):j], w)
		}) {
			return true
		}
	}
	return false
}

// numberOf is a number in digits or as one of numberWords; 0 when it is neither.
func numberOf(w string) int {
	if v, err := strconv.Atoi(w); err == nil {
		return v
	}
	return slices.Index(numberWords, strings.ToLower(w)) + 1
}

// Result reports a figure that is a result rather than a count: a percentage, a
// multiplier, an amount of money or a change from one figure to another ("by 71%",
// "3x faster", "from 11 to 4 days"); not "Capítulo 4" or "13 semanas".
func Result(s string) bool {
	return percentRe.MatchString(s) || multiplierRe.MatchString(s) || moneyRe.MatchString(s) || Change(s)
}

// Stat reports whether a sentence states a figure: a percentage, a multiplier, an
// amount of money, a share ("six of the eight"), or a count of something.
func Stat(s string) bool {
	digits := strings.ContainsAny(s, "0123456789")
	if (digits || strings.Contains(s, " of ")) && share(s) {
		return true // the one pattern written in words too
	}
	if !digits {
		return false // every other pattern needs a digit; most sentences have none
	}
	// Each pattern runs only when a word it needs is there: regexps are the slow part.
	lower := textcase.Lower(s)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	if has("minim", "maxim", "thresh", "seuil", "plafond", "limit", "umbral", "mínim", "máxim", "soglia", "massim", "drempel", "schwell",
		"grenz", "mindestw", "höchstw", "下限", "上限", "阈值", "기준치", "하한", "상한") && thresholdRe.MatchString(lower) {
		return false // a rule's threshold ("un rendement minimal de 85 %"), not what anyone found
	}
	if digitThen(lower, "%", "％", "percent", "per cent", "por ciento", "pour cent", "prozent", "パーセント") && percentRe.MatchString(s) ||
		(has("fold") || digitThen(lower, "x", "×", "times", "veces", "fois", "mal", "倍")) && multiplierRe.MatchString(s) ||
		has("$", "€", "£", "¥", "illion", "illon", "illiard", "dollar", "dólar", "euro", "usd", "eur", "円", "원") && moneyRe.MatchString(s) ||
		hasNumberThenWord(s) && cueBeforeNumber(s, lower) && cueCountRe.MatchString(s) ||
		has("万", "億", "人", "社", "件", "個", "台", "名", "割") && jaCountRe.MatchString(s) && !has(setupCJK...) ||
		has("から", "에서", "从") && fromToCJK(s) || has("→") && arrowCJKRe.MatchString(s) ||
		twoNumbers(s) && fromTo(s) ||
		has("平均", "평균") && averageCJKRe.MatchString(s) {
		return true
	}
	if !hasNumberThenWord(s) || has(setupVerbs...) {
		return false // no count; or what was installed, a setup and not a result
	}
	for _, m := range countRe.FindAllStringSubmatchIndex(s, -1) {
		num := strings.ReplaceAll(s[m[2]:m[3]], ",", "")
		if v, err := strconv.Atoi(num); err == nil && len(num) == 4 && v >= 1900 && v <= 2099 {
			continue // a year
		}
		before := strings.Fields(strings.ToLower(s[:m[2]]))
		if len(before) > 0 && (sectionWords[strings.Trim(before[len(before)-1], "(.:")] || monthWords[before[len(before)-1]]) {
			continue
		}
		if after := strings.ToLower(s[m[4]:m[5]]); monthWords[after] || isFunctionWord(after) {
			continue // a date ("12 March"), or a number not counting anything ("12 with")
		}
		if roundTheClock.MatchString(s[m[2]:]) || len(before) > 0 && durationWords[before[len(before)-1]] && timeUnits[strings.ToLower(s[m[4]:m[5]])] {
			continue // "24 horas al día", "for 60 days": how long, not how much
		}
		if r, _ := utf8.DecodeRuneInString(s[m[4]:]); unicode.IsUpper(r) {
			continue // a title ("12 Available Methods"), not a finding
		}
		return true
	}
	return false
}

// thresholdRe is a threshold a rule sets, right before its figure: "a minimum of 85%",
// "un rendement minimal de 85 %", "Schwellenwert von 5 %", "下限は85%" (lower case).
var thresholdRe = regexp.MustCompile(`\b(?:minimum|maximum|minimal|minimale|maximal|maximale|threshold|seuil|plafond|limit|limite|umbral|mínimo|mínima|máximo|máxima|soglia|minimo|minima|massimo|massima|drempel|minimaal|maximaal|schwellenwert|grenzwert|mindestwert|höchstwert|obergrenze|untergrenze)(?:\s+(?:of|de|du|d'|von|di|del|della|van|at|à|a|is|est|es|é|è|ist|is))?\s+(?:\S+\s+)?\d|(?:下限|上限|阈值|기준치|하한|상한)\D{0,4}\d`)

// setupVerbs tell what a project installed or rolled out ("11 vehicles were fitted with
// telematics, six sensors…"): its counts are the setup, not a finding (lower case, with the
// spaces around them).
var setupVerbs = []string{" installed ", " deployed ", " were fitted ", " rolled out ", " instalaron ", " instalados ", " instaladas ",
	" se instaló ", " desplegaron ", " implantados ", " implantadas ", " installés ", " installées ", " déployés ", " déployées ",
	" installiert ", " ausgerollt ", " installati ", " installate ", " installato ", " installata ", " geïnstalleerd ", " uitgerold "}

// setupCJK say what a site has or was fitted with ("冲压车间共有4条冲压线、42台主要设备"):
// its counts are an inventory, not a finding.
var setupCJK = []string{"共有", "配备", "设有", "拥有", "配置了", "設置", "保有", "備える", "보유", "갖추", "설치"}

// referenceUnits after a number make a span from one to another a range of years,
// chapters or steps ("2章から4章", "2020年から"), not a change.
var referenceUnits = []string{"年", "章", "節", "頁", "ページ", "版", "段階", "条", "項", "년", "장", "절", "페이지", "단계", "节", "页", "步"}

// Change reports a change from one figure to another ("from 17% to 6%", "11日から4日"),
// not a span of years, chapters or steps.
func Change(s string) bool { return twoNumbers(s) && (fromTo(s) || fromToCJK(s)) }

// fromTo reports a change from one figure to another (fromToRe) that is not a span of
// years ("from 2019 to 2023").
func fromTo(s string) bool {
	for _, m := range fromToRe.FindAllStringSubmatch(s, -1) {
		if !isYear(m[1]) || !isYear(m[2]) {
			return true
		}
	}
	return false
}

// twoNumbers reports whether s holds two separate runs of digits: the quick test before
// fromToRe, which every sentence with a figure would otherwise run.
func twoNumbers(s string) bool {
	runs, in := 0, false
	for i := 0; i < len(s); i++ {
		d := isDigit(s[i])
		if d && !in {
			if runs++; runs == 2 {
				return true
			}
		}
		in = d || in && (s[i] == '.' || s[i] == ',') && i+1 < len(s) && isDigit(s[i+1])
	}
	return false
}

// isYear reports a number written as a year of the last century or this one.
func isYear(n string) bool {
	v, err := strconv.Atoi(n)
	return err == nil && len(n) == 4 && v >= 1900 && v <= 2099
}

// fromToCJK reports a change from one figure to another (fromToCJKRe) that is not a
// range of years, chapters or steps.
func fromToCJK(s string) bool {
	for _, m := range fromToCJKRe.FindAllStringSubmatch(s, -1) {
		unit := m[1] + m[2]
		if !slices.ContainsFunc(referenceUnits, func(u string) bool { return strings.HasPrefix(unit, u) }) {
			return true
		}
	}
	return false
}

// digitThen reports whether one of marks follows a digit in s, directly or after one
// white-space character ("12%", "3x", "10 times"): the quick test for the patterns that
// need it, as their words ("x", "mal", "cent") are in many sentences without a figure.
func digitThen(s string, marks ...string) bool {
	for _, mark := range marks {
		for off := 0; ; {
			i := strings.Index(s[off:], mark)
			if i < 0 {
				break
			}
			i += off
			j := i
			if j > 0 && isSpaceByte(s[j-1]) {
				j--
			}
			if j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
				return true
			}
			off = i + len(mark)
		}
	}
	return false
}

// countCues are the words cueCountRe wants before a number.
var countCues = []string{"over", "more than", "nearly", "almost", "about", "around", "up to", "at least",
	"fewer than", "less than", "más de", "menos de", "casi", "hasta", "alrededor de", "plus de",
	"près de", "über", "mehr als", "fast"}

// cueBeforeNumber is the quick test for cueCountRe: one of countCues ends right before
// the white space before a number in lower (s lower-cased). Case-insensitive matching
// also takes the long s (U+017F) for "s" and the Kelvin sign for "k", which
// lower-casing does not, so with those the pattern decides.
func cueBeforeNumber(s, lower string) bool {
	if strings.ContainsAny(s, "\u017F\u212A") {
		return true
	}
	for i := 1; i < len(lower); i++ {
		if !isDigit(lower[i]) || !isSpaceByte(lower[i-1]) {
			continue
		}
		j := i - 1
		for j > 0 && isSpaceByte(lower[j-1]) {
			j--
		}
		for _, cue := range countCues {
			if strings.HasSuffix(lower[:j], cue) {
				return true
			}
		}
	}
	return false
}

// isSpaceByte is the white space of regexp's \s.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasNumberThenWord is a quick test for "<digits> <letter>", which both count patterns
// need.
func hasNumberThenWord(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ' ' && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] != ' ' && (s[i+1] >= utf8.RuneSelf || unicode.IsLetter(rune(s[i+1]))) {
			return true
		}
	}
	return false
}

// startsWithFigure reports a word that opens on a figure or a currency before one: "50%",
// "$0.18", "£1,620".
func startsWithFigure(w string) bool {
	w = strings.TrimLeft(w, "$€£¥")
	return w != "" && isDigit(w[0])
}

// hypotheticalMarks make a figure an illustration, not a finding: an example, a scenario,
// a made-up company, a projection (lower case, in a sentence or its section's heading).
var hypotheticalMarks = []string{
	"example", "for instance", "e.g.", "imagine", "suppose", "hypothetical", "fictional", "fictitious",
	"ejemplo", "supongamos", "hipotétic", "ficticia", "ficticio",
	"exemplo", "suponha", "fictíci",
	"exemple", "hypothétique", "fictive", "fictif",
	"beispiel", "z. b.", "z.b.", "angenommen", "hypothetisch", "fiktiv",
	"esempio", "ad es.", "ipotetic", "fittizi",
	"voorbeeld", "stel dat", "stel je een", "fictief",
	"例えば", "たとえば", "仮に", "架空", "仮定",
	"例如", "比如", "假设", "虚构", "示例", "设想", "假定",
	"예를 들어", "예시", "가정하", "가령",
	"stellen sie sich", "immaginiamo", "immaginate", "stel je voor",
	// A figure marked as an assumption where it stands: "3,20 € par présentation (hypothèse)".
	"(hypothèse", "(assumption", "(assumed", "(supuesto", "(hipótese", "(premissa", "(annahme", "(ipotesi", "(aanname",
	// A projection worked out from assumptions: "…it would retain roughly 200 more
	// subscribers", "supondría ahorrar unas 1.800 visitas".
	"would save", "would retain", "would cover", "would cost", "would mean", "would add", "would recover", "would generate",
	"would free up", "would pay for", "supondría", "permitiría", "ahorraría", "equivaldría", "significaría",
	"permitiria", "economizaria", "significaria", "equivaleria", "permettrait", "économiserait", "représenterait",
	"équivaudrait", "würde", "ergäbe", "permetterebbe", "significherebbe",
	"라면 ", "다면 ", "如果", "假如", "とすれば", "とすると",
	// A worked calculation, or a case taken for one ("Prenons une commune de 18 000
	// habitants").
	", say, ", ", digamos, ", ", disons, ", ", sagen wir, ", ", diciamo, ", "worked example", "back-of-the-envelope", "let's take", "let us take", "tomemos", "vamos supor", "prenons",
	"exemple chiffré", "nehmen wir", "rechenbeispiel", "prendiamo", "esempio di calcolo", "rekenvoorbeeld",
	"試算", "测算", "计算示例", "계산 예시", "計算例", "モデルケース", "例子", "举例", "算一笔账", "为例", "を例に", "예로 들",
	// A simulation is made up too.
	"simulation", "simulación", "simulação", "simulazione", "simulatie", "シミュレーション", "模拟测算", "시뮬레이션",
}

// evenIfOnlyKo is Korean's "even if only N…" ("월 20시간만 정지해도 연간 손실은…"): a
// calculation on a supposed figure.
var evenIfOnlyKo = regexp.MustCompile(`\d\S*만 \S*(?:해도|어도|아도|여도)\s`)

// Hypothetical reports a sentence, or a section heading, that frames its figures as an
// illustration.
func Hypothetical(text string) bool {
	if evenIfOnlyKo.MatchString(text) {
		return true
	}
	lower := textcase.Lower(text)
	for _, m := range hypotheticalMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// figureRes find a sentence's figure, most telling first: a percentage, a multiplier, an
// amount of money, a Japanese count.
var figureRes = []*regexp.Regexp{percentRe, multiplierRe, regexp.MustCompile(`(?i)[$€£¥]\s?\d+(?:[.,]\d+)*(?:\s?(?:[kmb]n?|million|billion|trillion)\b)?|\d+(?:[.,]\d+)*\s?(?:million|billion|trillion|millones|milliards?|millionen|milliarden|万円|億円|円)`), jaCountRe}

// Figure is the figure a stat sentence states ("73%", "3×", "$4.2 billion"), as written
// and trimmed of the punctuation around it; "" when it states none of these.
func Figure(s string) string {
	for _, re := range figureRes {
		if m := re.FindString(s); m != "" {
			return strings.TrimRight(strings.TrimSpace(m), " ,.;:)")
		}
	}
	if m := countRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

var (
	indefinite = parse.WordSets(marks.IndefiniteArticles)
	// Nouns whose instance is a source, not an example: "A survey of 400 CFOs found…".
	sourceNouns = parse.WordSet(`survey surveys study analysis poll review report audit census benchmark sample
		panel test trial experiment meta-analysis encuesta estudio análisis informe muestra pesquisa estudo análise
		relatório amostra enquête étude analyse rapport échantillon umfrage studie analyse bericht stichprobe
		indagine studio analisi rapporto campione sondaggio onderzoek enquête rapport steekproef`)
	// "A third of…", "A 40% rise…": a share or a change, not a made-up case.
	partWords = parse.WordSet(`third quarter half fifth tenth majority minority fraction share growing record further
		total net tercio cuarto mitad mayoría terço quarto metade maioria tiers quart moitié majorité drittel viertel
		hälfte mehrheit terzo quarto metà maggioranza derde kwart helft meerderheid`)
	// "If sales fall by 15%, that is $9,000 a week": a sum worked out from a supposition.
	conditionals = parse.WordSet(`if si se wenn als`)
	modals       = parse.WordSet(`can could may might would will pode poderá poderia podem puede podría pueden peut pourrait peuvent kann könnte können può potrebbe possono kan zou`)
	multiply     = parse.WordSet(`multiply multiplica multiplique multipliez multipliziert multiplizieren moltiplica moltiplicate vermenigvuldig`)
	workedOut    = []string{", that is ", ", that's ", ", which is ", " — that is ", ", eso es ", ", eso son ", ", isso é ",
		", isso dá ", ", soit ", ", cela fait ", ", das sind ", ", das ergibt ", ", sono ", ", dat is "}
)

// Instance reports a sentence whose figures belong to a made-up instance, not a
// finding: a sum written out ("10万 × 27% × 9.8元 ≈ 26.5万元"); one that opens on "a" and
// a case described by a number ("A 400-person engineering organization costs $90
// million a year", "Um provedor de 30 mil assinantes que reduz R$ 10 perde…", "A district
// with 120 routes…"); or a supposition and the sum it works out ("If sales fall by 15%,
// that is $9,000 a week", "Multiply across…"). A survey or a study opened on "a" is a
// source, and "a third of…" or "a 40% rise" a finding.
func Instance(text, lang string) bool {
	if strings.ContainsAny(text, "=≈") && (strings.Contains(text, "×") || strings.Contains(text, " x ")) {
		return true // "10万 × 27% × 9.8元 ≈ 26.5万元": the sum itself
	}
	if rest, ok := strings.CutPrefix(text, "某"); ok && strings.ContainsAny(firstRunes(rest, 12), "0123456789") {
		return true // "某女装店铺每月发货约10万单": a certain shop, a made-up one
	}
	words := strings.Fields(text)
	if len(words) < 4 {
		return false
	}
	first := textcase.Lower(words[0])
	if first == "at" && startsWithFigure(words[1]) && textcase.Lower(words[2]) != "of" &&
		strings.Contains(strings.Join(words[1:min(len(words), 5)], " "), ",") {
		// "At 50% renewal, 85 households move out each year": a rate supposed, and what it
		// gives ("At 42% of sites, …" is a share found).
		return true
	}
	if multiply[first] {
		return true // "Multiply across a few hundred part numbers and the pool reaches $15–40 million"
	}
	if conditionals[first] {
		lower := textcase.Lower(text)
		for _, w := range workedOut {
			if strings.Contains(lower, w) {
				return true
			}
		}
		// "Se cada assessor concluir 8 atualizações por semana, a campanha pode ser
		// concluída em três semanas": a supposed figure, and what it could give.
		condition, then, ok := strings.Cut(lower, ",")
		return ok && strings.ContainsAny(condition, "0123456789") &&
			slices.ContainsFunc(strings.Fields(then), func(w string) bool { return modals[w] })
	}
	if !indefinite[lang][first] {
		return false
	}
	opening := words[1:min(len(words), 7)]
	for k, w := range opening {
		w = strings.Trim(textcase.Lower(w), ",.;:()")
		if sourceNouns[w] || k == 0 && partWords[w] {
			return false
		}
	}
	for k, w := range opening {
		if i := strings.IndexFunc(w, unicode.IsDigit); i >= 0 && !isYear(strings.Trim(w, ",.;:()")) {
			// "A 40% rise", "a 3x gain": a change the sentence reports.
			return !strings.ContainsAny(w, "%％x×") && !(k+1 < len(opening) && strings.HasPrefix(opening[k+1], "%"))
		}
	}
	return false
}

// firstRunes is the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
