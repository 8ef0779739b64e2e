// Package whole tells whether a sentence is whole as a post: it ends as a sentence ends,
// closes every bracket and quote it opens, and is neither a bare quotation, a label
// with its gloss or value, nor a question that only leads into its answer.
package whole

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// Ends reports a sentence that ends as one: with a full stop, question or
// exclamation mark (a closing quote or bracket may follow), not an ellipsis or a colon,
// and is longer than a heading.
func Ends(text string) bool {
	text = strings.TrimRight(text, parse.Closers)
	if strings.HasSuffix(text, "...") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?。！？｡", last) && !tooShort(text)
}

// Slight reports a sentence of five words or fewer, written with spaces, that states no
// figure: a slogan or a heading's line ("Named reps, not queues.", "Qualitätskosten
// messen, nicht schätzen."), too thin for a post of its own.
func Slight(text string) bool {
	return strings.Count(strings.TrimSpace(text), " ") < 5 && !strings.ContainsAny(text, "0123456789") && !cjk(text)
}

// tooShort reports a heading or a list item's label ended with a full stop
// ("Priorisierung.", "Data quality."): under three words, or six characters in a
// language written without spaces.
func tooShort(text string) bool {
	if strings.Count(strings.TrimSpace(text), " ") >= 2 {
		return false
	}
	return strings.ContainsRune(text, ' ') || utf8.RuneCountInString(text) < 7 || !cjk(text)
}

// cjk reports text in Chinese or Japanese script, which needs no spaces.
func cjk(text string) bool { return strings.ContainsFunc(text, script.CJK) }

// Balanced reports whether every bracket and quote the sentence opens, it closes.
func Balanced(text string) bool {
	var depth [4]int // () [] “” «»
	straight := 0
	for _, r := range text {
		kind, closes := -1, false
		switch r {
		case '(', '（':
			kind = 0
		case ')', '）':
			kind, closes = 0, true
		case '[':
			kind = 1
		case ']':
			kind, closes = 1, true
		case '“', '「', '『':
			kind = 2
		case '”', '」', '』':
			kind, closes = 2, true
		case '«':
			kind = 3
		case '»':
			kind, closes = 3, true
		case '"':
			straight++
		}
		switch {
		case kind < 0:
		case !closes:
			depth[kind]++
		case depth[kind] == 0:
			return false // closes what it never opened
		default:
			depth[kind]--
		}
	}
	return depth == [4]int{} && straight%2 == 0
}

// OnlyAQuote reports a sentence that is nothing but a quotation: posted as is, it gives
// a speaker's words to the brand.
func OnlyAQuote(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	t := strings.TrimRight(text, ".!?。！？ ")
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(`“"«„「『`, first) && strings.ContainsRune(`”"»“」』`, last)
}

// Labelled reports a line that opens with a Title Case label and a colon and goes on in
// lower case: a term and its gloss, which reads as a fragment alone; or a label of up to
// five words and a figure, a sign or a change: a line of a breakdown ("Overtime: 190,000
// euros", "Total route miles: -7.9%", "Tiempo dedicado a facturas: del 40 % al 14 %").
func Labelled(text string) bool {
	if cjkNumberedLabel.MatchString(text) {
		return true // "误区二：…", "ステップ3：…": one numbered item of the document's own list
	}
	i := strings.Index(text, ": ")
	if i <= 0 || i > 100 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+2:])
	if unicode.IsUpper(r) && strings.HasSuffix(text, "?") && strings.Count(text[:i], " ") < 8 {
		return true // "For a dishwasher problem: Is water pooling?": a line of a checklist
	}
	if label := text[:i]; strings.Count(label, " ") < 4 && strings.ContainsAny(label, "0123456789") {
		return true // "Weeks 4–6: Wave 1 (one client, 12 robots).": a line of a timeline
	} else if strings.Count(label, " ") < 4 && speakerLabel(label) {
		return true // "PRIYA NAIR: Usually airflow.": a transcript's turn, in someone else's voice
	}
	if (unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) || figureAfter(text[i+2:]) || amountAfter(text[i+2:])) && strings.Count(text[:i], " ") < 10 {
		// "Horas extraordinarias: 190.000 euros, …", "Total direct cost: $52,175.", "Share of teams offering
		// follow-the-sun coverage: 34%.": a line of a breakdown, a table's cell
		return true
	}
	if !unicode.IsLower(r) {
		return false
	}
	depth, words, capital := 0, 0, 0
	for _, w := range strings.Fields(text[:i]) {
		open := strings.Count(w, "(") > 0
		if depth == 0 && !open {
			words++
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
				capital++
			}
		}
		depth += strings.Count(w, "(") - strings.Count(w, ")")
	}
	// "Camada de integração: motor de integração que…": a bare term and its gloss, in
	// sentence case ("One warning sign: among teams…" and "The lesson: …" are
	// sentences); a Title Case label may run longer.
	first, _, _ := strings.Cut(text, " ")
	r, _ = utf8.DecodeRuneInString(first)
	bare := unicode.IsUpper(r) && !lean.Determiners[textcase.Lower(first)] && !countOpeners[textcase.Lower(first)]
	return words > 0 && (words <= 8 && capital*2 > words || words <= 4 && bare)
}

// speakerLabel reports a label in capitals, as a transcript names its speakers
// ("MODERATOR", "PRIYA NAIR").
func speakerLabel(label string) bool {
	letters := 0
	for _, r := range label {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// figureAfter reports a value that opens on a sign or a change from a figure: "-52 %",
// "+12%", "del 40 % al 14 %", "from 38 to 31 minutes".
func figureAfter(value string) bool {
	r, n := utf8.DecodeRuneInString(value)
	if strings.ContainsRune("-+−–", r) {
		next, _ := utf8.DecodeRuneInString(value[n:])
		return unicode.IsDigit(next)
	}
	word, rest, _ := strings.Cut(value, " ")
	next, _ := utf8.DecodeRuneInString(rest)
	return fromWords[textcase.Lower(word)] && unicode.IsDigit(next)
}

var fromWords = parse.WordSet(`from de del da do dal du des von van`)

// amountAfter reports a value that is an amount, after a word or two that round it:
// "cerca de R$ 35.000", "about $1,200", "environ 40 000 €", "rund 2 Mio. Euro".
func amountAfter(value string) bool {
	for _, round := range approximately {
		if rest, ok := strings.CutPrefix(textcase.Lower(value[:min(len(value), 24)]), round); ok {
			value = value[len(value)-len(value[min(len(value), 24):])-len(rest):]
			break
		}
	}
	value = strings.TrimPrefix(strings.TrimPrefix(value, "R$"), "US$")
	r, n := utf8.DecodeRuneInString(strings.TrimLeft(value, " "))
	if unicode.Is(unicode.Sc, r) {
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(value, " ")[n:])
		return unicode.IsDigit(next) || next == ' '
	}
	return unicode.IsDigit(r)
}

// approximately are the words that round an amount, lower case with the space after.
var approximately = []string{"about ", "around ", "approximately ", "roughly ", "nearly ", "almost ", "over ", "under ",
	"cerca de ", "unos ", "unas ", "aproximadamente ", "casi ", "más de ", "mais de ", "quase ", "environ ", "près de ",
	"plus de ", "presque ", "etwa ", "rund ", "ca. ", "fast ", "über ", "circa ", "quasi ", "oltre ", "ongeveer ", "bijna "}

// countOpeners open a noun phrase that a label-like sentence may start with ("One warning
// sign: …").
var countOpeners = parse.WordSet(`one two three our my your their its uno una um uma un une ein eine`)

// cjkNumberedLabel opens a line with a short CJK label numbered in words or digits.
var cjkNumberedLabel = regexp.MustCompile(`^\p{Han}{1,6}[一二三四五六七八九十0-9]{1,2}[：:]`)

// breakdownItem is a line of a breakdown: a short label and its share in brackets
// ("Diagnóstico inicial insuficiente (22 %).").
var enumerated = regexp.MustCompile(`^(?:[(（](?:\d{1,2}|[a-h])[)）]|[-–•*]\s)`)

var sharedOut = regexp.MustCompile(`^\d+(?:[.,]\d+)?\s?%`)

// labelledFigure is a label, a colon and nothing but a figure, a count with its share
// perhaps ("系统之间不互通：282家（55.8%）。"): a row of a table or a chart written out.
var labelledFigure = regexp.MustCompile(`^[^:：]{1,120}[:：]\s*[-+−–]?\d[\d.,]*\s*(?:%|％|pts?|points?|ポイント|포인트|个百分点|家|名|社|곳|개|명|件|건)?` +
	`\s*(?:[（(]\s*\d[\d.,]*\s*[%％]\s*[)）])?\s*[.。]?$`)

// labelledFigureQuick is the test before labelledFigure, which every sentence would
// otherwise run: what follows the last colon is short.
func labelledFigureQuick(text string) bool {
	i := max(strings.LastIndexByte(text, ':'), strings.LastIndex(text, "："))
	return i > 0 && len(text)-i < 24
}

var breakdownItem = regexp.MustCompile(`^[^.()]{1,80}\(\s*\d[\d.,]*\s*%\s*\)[.。]?$`)

// comparedItem is a list's line and two shares compared in brackets, each share with a
// few words on its group or not ("A named owner for recall (58% vs. 24%).", "Pre-appointing
// at checkout (78% of top-quartile practices vs. 41% of the rest)."): what the line
// itself is, the list's lead-in said.
var comparedItem = regexp.MustCompile(`^[^()]{1,160}\(\s*\d[\d.,]*\s*%[^()%]{0,50}?\s(?:vs\.?|versus|against|contre|frente a|contra|gegenüber|rispetto a|tegenover)\s*\d[\d.,]*\s*%[^()%]{0,50}\)[.。]?$`)

// BreakdownItem reports a line of a breakdown: a label of up to eight words and its
// share in brackets, or any label and two shares compared in brackets; or a label of up to three words and what it holds in brackets
// ("Wave 3 (all e-commerce clients, 46 robots)."); a share and what it is of ("7 %
// d'autres situations (quais, …)."); or an item the text numbers ("(5) Lock
// selectively."). It names no finding; the list it belongs to is not in the post.
func BreakdownItem(text string) bool {
	if enumerated.MatchString(text) {
		return true // "(5) Lock selectively.", "(a) Adding…", "- In the free-text box…": an item of the text's own list
	}
	if labelledFigureQuick(text) && labelledFigure.MatchString(text) {
		return true // "「選任予定の人物が決まっている」：12.9%。": a table's row, its question left behind
	}
	if !strings.HasSuffix(strings.TrimRight(text, ".。"), ")") {
		return false
	}
	if comparedItem.MatchString(text) {
		return true
	}
	label, _, _ := strings.Cut(text, "(")
	words := len(strings.Fields(label))
	if words <= 5 && sharedOut.MatchString(label) {
		return true // "7 % d'autres situations (quais, portes…).": a share and what it is of
	}
	return words <= 3 && !strings.ContainsAny(label, "%$€£¥") || words <= 8 && breakdownItem.MatchString(text)
}

// QuoteOpenAfter reports whether a quotation is still open after sentence, given
// whether one was open before it: a straight double quote toggles, a curly or a corner
// one opens or closes.
func QuoteOpenAfter(sentence string, open bool) bool {
	if !strings.ContainsAny(sentence, "\"“”«»「」") {
		return open
	}
	for _, r := range sentence {
		switch r {
		case '"':
			open = !open
		case '“', '«', '「':
			open = true
		case '”', '»', '」':
			open = false
		}
	}
	return open
}

// LeadIn reports a question too short to ask the reader anything ("Why the improvement
// overall?", "What changed?", "なぜか？", "已经投入的企业，又获得了怎样的回报？"): it
// announces the answer the next sentences give.
func LeadIn(text string) bool {
	if !strings.HasSuffix(text, "?") && !strings.HasSuffix(text, "？") {
		return false
	}
	if n := len(strings.Fields(text)); n > 1 {
		return n < 6
	}
	// A language written without spaces: a short question, or one the document asks itself
	// ("已经投入的企业，又获得了怎样的回报？") rather than the reader (你, 您, あなた, 皆さん, 御社).
	n := utf8.RuneCountInString(text)
	return n < 12 || n < 30 && !strings.ContainsAny(text, "你您") && !slices.ContainsFunc([]string{"あなた", "皆さん", "御社", "貴社"}, func(you string) bool {
		return strings.Contains(text, you)
	})
}

// AboutBlurb reports a company's "About" heading run into its blurb, as plain text
// leaves it ("About Calder Thermal Systems Calder Thermal Systems designs…"): the
// heading's name, said again at once.
func AboutBlurb(text string) bool {
	for _, about := range []string{"About ", "Sobre ", "À propos de ", "Über ", "Informazioni su ", "Over "} {
		rest, ok := strings.CutPrefix(text, about)
		if !ok {
			continue
		}
		words := strings.Fields(rest)
		for n := 1; n <= 4 && 2*n <= len(words); n++ {
			if r, _ := utf8.DecodeRuneInString(words[n-1]); !unicode.IsUpper(r) {
				break
			}
			if slices.Equal(words[:n], words[n:2*n]) {
				return true
			}
		}
	}
	return false
}

// Dangles reports a sentence that leaves its reader waiting for the next: a question, a
// sentence ending in a colon, or a supposition ("Suppose a store sells $60,000 a week.").
func Dangles(text string) bool {
	if strings.HasSuffix(text, "?") || strings.HasSuffix(text, "？") || strings.HasSuffix(strings.TrimSpace(text), ":") || strings.HasSuffix(text, "：") {
		return true
	}
	first, _, _ := strings.Cut(text, " ")
	return suppositions[strings.ToLower(strings.Trim(first, ",.;:"))]
}

var suppositions = parse.WordSet(`suppose imagine consider picture supongamos imagine imaginemos considere suponha imagine
	supposons imaginons imaginez angenommen stellen nehmen supponiamo immaginiamo immaginate stel 仮に 假设 假如 가령`)

// GluedHeading reports a heading run into its paragraph, as a PDF or a careless
// translation leaves it ("ATT&CK's Threat matrix for containers Si concentra…"): a
// capitalised function word of the document's language (stopwords, in lower case)
// straight after a lower-case word. Not for English: a title quoted in a sentence ("see
// The Twelve-Factor App") reads the same.
func GluedHeading(text string, stopwords map[string]bool) bool {
	if len(stopwords) == 0 {
		return false
	}
	// Each word between two others: the letters first, the stop-word look-up last.
	var before, w string
	for next := range strings.FieldsSeq(text) {
		if w != "" && before != "" {
			first, size := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(first) && size < len(w) {
				prevLast, _ := utf8.DecodeLastRuneInString(before)
				second, _ := utf8.DecodeRuneInString(w[size:])
				after, _ := utf8.DecodeRuneInString(next)
				// "…containers Si concentra…"; not a name that opens with an article ("en
				// La Esquina"), whose next word is capitalised too.
				if unicode.IsLower(prevLast) && unicode.IsLower(second) && unicode.IsLower(after) && stopwords[textcase.Lower(w)] {
					return true
				}
			}
		}
		before, w = w, next
	}
	return false
}
