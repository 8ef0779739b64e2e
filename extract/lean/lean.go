// Package lean holds the checks of a sentence's words that tell whether it leans on
// the sentence before it (an owner, a connective, a list it continues, a purpose it
// leaves out), and the figures a title states: small, pure readings of text that
// extract's postability and hooks ask for.
package lean

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

// HasLowerWord reports w, written in lower case, as a whole word of text.
func HasLowerWord(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		i = end
	}
}

// ListItem reports whether a sentence opens as an item of a list written as sentences
// (marks.ListOrdinals): first when it opens the list ("First, …"), later when it
// continues one ("Second, …", "Finally, …"), which a passage without its first item
// leaves half told.
func ListItem(text, lang string) (first, later bool) {
	o, ok := marks.ListOrdinals[lang]
	if !ok {
		return false, false
	}
	var buf [40]byte
	lower := string(textcase.AppendLower(buf[:0], text[:min(len(text), 24)]))
	opens := func(list []string) bool {
		return slices.ContainsFunc(list, func(p string) bool { return strings.HasPrefix(lower, p) })
	}
	return opens(o.First), opens(o.Later)
}

var midConnectives = parse.WordSets(marks.MidConnectives)

// MidConnective reports a connective set off by commas within a sentence's first five
// words (words: at least those), of one to four words ("The point, however, is…", "O ponto, portanto, é…"): it leans on the sentence
// before as an opening one does.
func MidConnective(text string, words []string, lang string) bool {
	set := midConnectives[lang]
	if set == nil || !strings.Contains(text, ", ") {
		return false
	}
	for i := 1; i < min(len(words), 5); i++ {
		w := words[i]
		if !strings.HasSuffix(w, ",") || !set[textcase.Lower(strings.TrimSuffix(w, ","))] {
			continue
		}
		// The comma before it may be up to three words back: ", sin embargo,", ", por lo tanto,".
		for j := i - 1; j >= max(0, i-3); j-- {
			if strings.HasSuffix(words[j], ",") {
				return true
			}
		}
	}
	return false
}

// FirstFields are the first space-separated fields of s, up to len(out), in out: the
// checks that read a sentence's first words do not cut all of it.
func FirstFields(s string, out *[6]string) []string { return fields(s, out[:]) }

// firstEight is FirstFields for a check that reads past the sixth word.
func firstEight(s string, out *[8]string) []string { return fields(s, out[:]) }

func fields(s string, out []string) []string {
	n := 0
	for n < len(out) {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			break
		}
		w, rest, _ := strings.Cut(s, " ")
		out[n], s = w, rest
		n++
	}
	return out[:n]
}

var (
	possessives = parse.WordSets(marks.Possessives)
	quantities  = parse.WordSets(marks.Quantities)
)

// PossessiveWithoutOwner reports a possessive among a sentence's first words with only
// quantities before it ("More than a third of their nurture emails…", "64% of their
// campaigns…"): its owner is in the sentence before.
func PossessiveWithoutOwner(words []string, lang string) bool {
	own, some := possessives[lang], quantities[lang]
	if own == nil {
		return false
	}
	for _, w := range words {
		w = strings.TrimRight(textcase.Lower(w), ",")
		switch {
		case own[w]:
			return true
		case some[w] || strings.ContainsAny(w, "0123456789%"):
			continue
		}
		return false
	}
	return false
}

// SufficesForNothing reports a sentence (in lower case) that says something is enough
// without saying for what ("Pour une PME, quelques jours par mois suffisent le plus souvent."): the
// sentence before said it.
func SufficesForNothing(lower, lang string) bool {
	list, ok := marks.Suffices[lang]
	if !ok {
		return false
	}
	for _, m := range list {
		if i := strings.Index(lower, m); i >= 0 {
			rest := lower[i+len(m):]
			return !slices.ContainsFunc(marks.SufficeFor[lang], func(p string) bool { return strings.Contains(rest, p) })
		}
	}
	return false
}

var figureRun = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// TitleFigures are the numbers a title states, but years ("…in 2026").
func TitleFigures(title string) []string {
	var out []string
	for _, f := range figureRun.FindAllString(title, -1) {
		if n, err := strconv.Atoi(f); err == nil && n >= 1900 && n <= 2099 {
			continue
		}
		out = append(out, f)
	}
	return out
}

// HoldsFigure reports f in text as a whole number: "23" in "by 23%", not in "230",
// "1.23" or "23.5".
func HoldsFigure(text, f string) bool {
	digitAt := func(i int) bool { return i >= 0 && i < len(text) && isDigitByte(text[i]) }
	sep := func(i int) bool { return i >= 0 && i < len(text) && (text[i] == '.' || text[i] == ',') }
	for i := 0; ; {
		j := strings.Index(text[i:], f)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(f)
		if !digitAt(start-1) && !(sep(start-1) && digitAt(start-2)) && !digitAt(end) && !(sep(end) && digitAt(end+1)) {
			return true
		}
		i = end
	}
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

var reportingVerbs = parse.WordSets(marks.ReportingVerbs)

// ShareWithoutItsWhole reports a sentence that opens on a percentage and goes straight
// on to what they said or did ("64% said…", "Il 9% ha subito…") or to an object pronoun
// ("Solo el 24 % lo hace"), or on "only" and a small count ("Nur vier Unternehmen
// hatten…"): a share of respondents the sentence before named.
func ShareWithoutItsWhole(words []string, lang string) bool {
	i := 0
	if len(words) > 0 && limiters[textcase.Lower(words[0])] {
		i = 1 // "Only 9% had…"
		if len(words) > 3 && countWords[lang][textcase.Lower(words[1])] && !wholeAfter[textcase.Lower(words[2])] {
			return true // "Nur vier Unternehmen hatten…": four of the sample the sentence before named
		}
	}
	if len(words) > i && Determiners[textcase.Lower(words[i])] {
		i++ // "Il 9%", "El 38 %", "Solo el 22 %"
	}
	if i >= len(words) || !strings.HasSuffix(strings.TrimRight(words[i], ","), "%") && !(i+1 < len(words) && words[i+1] == "%") {
		return false
	}
	if i+1 < len(words) && words[i+1] == "%" {
		i++ // "38 %"
	}
	if i+1 >= len(words) {
		return false
	}
	next := textcase.Lower(words[i+1])
	// A French verb in the plural ("23 % suivent…", "62 % citent…"), not a noun in -ment.
	frenchVerb := lang == "fr" && len(next) > 4 && strings.HasSuffix(next, "ent") && !strings.HasSuffix(next, "ment")
	return reportingVerbs[lang][next] || lang == "en" && len(next) > 4 && strings.HasSuffix(next, "ed") || frenchVerb ||
		sharePrepositions[lang][next] || shareClitics[lang][next]
}

// shareClitics are object pronouns written before the verb: after a share, they stand for
// what the sentence before named ("Solo el 24 % lo hace", "Il 30% ne usa").
var shareClitics = map[string]map[string]bool{"es": parse.WordSet(`lo la los las le les`), "it": parse.WordSet(`lo la li le ne`),
	"fr": parse.WordSet(`le la les en y`), "pt": parse.WordSet(`os as lhe lhes`)}

// wholeAfter name the whole after a count ("Only four of the 31 companies…", "Nur vier
// von 31…", "Solo tres de las…").
var wholeAfter = parse.WordSet(`of out von aus de des del dos das di dei degli delle van`)

var (
	sharePrepositions = parse.WordSets(marks.SharePrepositions)
	levelPrepositions = parse.WordSet(`at in on en em dans auf bei op`)
	// subordinators open a clause whose subject may be a shell noun: "If the answer…",
	// "Quand la solution…", "Se o custo…".
	subordinators = parse.WordSet(`if when because although while once since unless si cuando porque aunque mientras se quando
		embora enquanto quand lorsque puisque perché mentre wenn weil obwohl`)
)

// limiters may come before a share: "Only 9% had…", "Solo el 22 %…".
var limiters = parse.WordSet(`only just nearly almost about roughly over under solo sólo apenas casi só quase seuls seulement nur knapp fast appena quasi slechts bijna
	circa around approximately environ près etwa ongeveer cerca aproximadamente`)

// Determiners open a noun phrase: an article or a demonstrative, in each language with
// built-in texts.
var Determiners = parse.WordSet(`the a an this that these those el la los las un una este esta o a os as um uma il lo gli i le une ce cette der die das ein eine dieser diese de het een`)

var (
	openingPrepositions = parse.WordSets(marks.OpeningPrepositions)
	objectPronouns      = parse.WordSets(marks.ObjectPronouns)
)

// PronounOpening reports a sentence opened by a preposition and a pronoun alone ("Sem
// eles, o risco é…", "Without them, …"): the pronoun stands for what the sentence before
// named. "With this release, …" names its thing.
func PronounOpening(words []string, lang string) bool {
	if len(words) < 3 || !strings.HasSuffix(words[1], ",") {
		return false
	}
	return openingPrepositions[lang][textcase.Lower(words[0])] && objectPronouns[lang][textcase.Lower(strings.TrimSuffix(words[1], ","))]
}

var (
	ordinals  = parse.WordSets(marks.Ordinals)
	listNouns = parse.WordSets(marks.ListNouns)
)

// OrdinalOfAList reports a sentence that opens on one item of a list the sentence
// before announced: "The second category was…", "El primer paso es…", "La terza
// ragione…". The reader never saw the list.
func OrdinalOfAList(words []string, lang string) bool {
	if len(words) < 3 || !Determiners[textcase.Lower(words[0])] {
		return false
	}
	if !ordinals[lang][textcase.Lower(words[1])] {
		return false
	}
	if copulas[textcase.Lower(words[2])] {
		return true // "Il primo era…", "The second is…": the first of what the sentence before listed
	}
	if !listNouns[lang][textcase.Lower(strings.TrimRight(words[2], ",.;:"))] {
		return false
	}
	// "The first step toward a supplier map is…" says what it is a step of.
	return len(words) < 4 || !nounLinks[lang][textcase.Lower(words[3])] && textcase.Lower(words[3]) != "toward" && textcase.Lower(words[3]) != "towards"
}

var nounLinks = parse.WordSets(marks.NounLinks)

// copulas follow an ordinal that stands for an item: "The first was…", "El primero fue…".
var copulas = parse.WordSet(`is was es fue era é foi est était ist war è`)

var countWords = parse.WordSets(marks.CountWords)

// AnnouncesAList reports a sentence whose last words count the items of a list it does
// not give: "…tended to fall into three categories.", "…se resume en cuatro pasos.".
// words are the sentence's words in lower case.
func AnnouncesAList(words []string, lang string) bool {
	n := len(words)
	if n < 4 {
		return false
	}
	// The count and its noun, and at most three words qualifying it after them
	// ("…identificamos cinco pontos recorrentes de falha.").
	for k := 2; k <= min(5, n-2); k++ {
		if countWords[lang][words[n-k]] && listNoun(words[n-k+1], lang) {
			return !slices.ContainsFunc(words[n-k+2:], func(w string) bool { return strings.ContainsAny(w, "0123456789") })
		}
	}
	return false
}

// listNoun reports w, or w without a plural ending, as one of lang's ListNouns.
func listNoun(w, lang string) bool {
	nouns := listNouns[lang]
	if nouns[w] {
		return true
	}
	if s, ok := strings.CutSuffix(w, "ies"); ok && nouns[s+"y"] {
		return true
	}
	for _, end := range []string{"s", "es", "en", "n", "e"} {
		if s, ok := strings.CutSuffix(w, end); ok && nouns[s] {
			return true
		}
	}
	// Italian: categorie, passi, errori.
	if s, ok := strings.CutSuffix(w, "e"); ok && nouns[s+"a"] {
		return true
	}
	if s, ok := strings.CutSuffix(w, "i"); ok && (nouns[s+"o"] || nouns[s+"e"]) {
		return true
	}
	return false
}

// QuestionOrAnswer reports a line of a question-and-answer list ("Q: …", "A. …",
// "答：…", "Respuesta: …"): a question is not a post, and an answer needs its question.
func QuestionOrAnswer(text string) bool {
	return qaMark.MatchString(text)
}

var qaMark = regexp.MustCompile(`^(?:\*\*)?(?:[QAPRF]|Ｑ|Ａ|问|答|問|質問|回答|질문|답변|답|(?i:question|answer|pregunta|respuesta|pergunta|resposta|frage|antwort|domanda|risposta|réponse|vraag|antwoord))(?:\s*[.:]\s|\s*[：．])`)

// auxiliaries follow a pronoun that is a clause's subject: "For ACH it was $0.79."
var auxiliaries = parse.WordSet(`is was are were has had will would can could`)

// PronounAfterShortOpening reports a pronoun subject after a preposition's short phrase
// written without a comma ("For ACH it was $0.79.", "At the end of 2023 it was 84%."): "it" is what the sentence before
// named, unless it holds the place of a clause after it ("For most fleets it is cheaper
// to repair…"). pronouns are the language's subject pronouns.
func PronounAfterShortOpening(text string, words []string, pronouns map[string]bool) bool {
	if w := textcase.Lower(words[0]); len(words) < 4 || !openingPrepositions["en"][w] && w != "last" && w != "next" {
		return false // "For ACH it was…", "Last year it was…"
	}
	var first8 [8]string
	words = firstEight(text, &first8)
	for i := 2; i <= 5 && i+1 < len(words); i++ {
		if strings.ContainsAny(words[i-1], ",;:") {
			return false
		}
		if p := textcase.Lower(words[i]); pronouns[p] && auxiliaries[textcase.Lower(words[i+1])] {
			return p != "it" || !strings.Contains(text, " to ") && !strings.Contains(text, " that ")
		}
	}
	return false
}

// CliticImperative reports a sentence that opens on a command with its object pronoun
// attached ("Limítelo a 6–8 motivos", "Faça-o agora"): the object is what the sentence
// before named.
func CliticImperative(words []string, lang string) bool {
	if len(words) == 0 {
		return false
	}
	w := textcase.Lower(strings.TrimRight(words[0], ",.;:"))
	switch lang {
	case "es":
		for _, c := range []string{"lo", "la", "los", "las", "le", "les"} {
			if stem, ok := strings.CutSuffix(w, c); ok && strings.ContainsAny(stem, "áéíóú") {
				return true
			}
		}
	case "pt":
		for _, c := range []string{"-o", "-a", "-os", "-as", "-lo", "-la", "-los", "-las"} {
			if strings.HasSuffix(w, c) {
				return true
			}
		}
	}
	return false
}

// ThemWithoutPlural reports an English "them" with no plural noun before it in the
// sentence ("Trying to force them onto robots in wave 2…"): it stands for what the
// sentence before named. A word ending in "s" before it may be what it stands for.
func ThemWithoutPlural(lower string, words []string) bool {
	if !strings.Contains(lower, "them") {
		return false
	}
	for _, w := range words {
		if w == "them" {
			return true
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !notPlural[w] || w == "people" || w == "children" {
			return false
		}
	}
	return false
}

// notPlural end in "s" but name no plural that "them" could stand for.
var notPlural = parse.WordSet(`this thus was has does its is as yes less process access business across always perhaps unless
	whereas besides analysis basis status focus bonus campus lens series news ones`)

// SubjectlessStep reports an English sentence that opens on a past-tense verb and its
// object, with no subject ("Launched a float pool in March.", "Rolled out the new
// rota."): a step of a case whose actor the sentences before named.
func SubjectlessStep(words []string) bool {
	if len(words) < 3 {
		return false
	}
	first := textcase.Lower(words[0])
	if !pastTense(first) {
		return false
	}
	next := textcase.Lower(strings.TrimRight(words[1], ","))
	return Determiners[next] || stepParticles[next] || possessives["en"][next] || strings.IndexAny(next, "0123456789") == 0
}

// PastVerbIt reports "it" as the object of a past-tense verb at a clause's end or before a
// preposition: "Of the 72 operators who cited it, …", "…narrowed it to about 12%": the
// barrier or the gap the sentence before named. "found it hard to…" holds a place. lower
// is the sentence in lower case.
func PastVerbIt(lower string) bool {
	for i := strings.Index(lower, "ed it"); i >= 0; {
		start := strings.LastIndexByte(lower[:i], ' ') + 1
		verb := lower[start : i+2]
		after := strings.TrimLeft(lower[i+5:], " ")
		next, _, _ := strings.Cut(after, " ")
		if (after == "" || strings.ContainsAny(after[:1], ",.;:") || itPrepositions[strings.TrimRight(next, ",.;:")]) && pastTense(verb) {
			return true
		}
		j := strings.Index(lower[i+5:], "ed it")
		if j < 0 {
			break
		}
		i += 5 + j
	}
	return false
}

var itPrepositions = parse.WordSet(`to as by from at in into down up back`)

// QuantifierPronoun reports an English sentence whose subject is "many", "most", "some",
// "each" and the like alone, with no noun after it ("Many simply go online…", "Each had
// to…", "In practice, many schedule in blocks…"): some of the people or things the
// sentence before named. words
// are the sentence's, or what follows its opening phrase.
func QuantifierPronoun(words []string) bool {
	if len(words) < 3 || !quantifiers[textcase.Lower(words[0])] {
		return false
	}
	next := textcase.Lower(words[1])
	return len(next) > 4 && strings.HasSuffix(next, "ly") && next != "early" || quantifierVerbs[next]
}

var (
	quantifiers     = parse.WordSet(`many most some few several each`)
	quantifierVerbs = parse.WordSet(`are were have had do did will would can could should may might must go use say said see
		find found prefer choose need want rely report reported schedule still also already`)
)

// pastTense: a regular past form ("launched", "replaced") or a common irregular one.
func pastTense(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w] || irregularPast[w]
}

var (
	stepParticles = parse.WordSet(`out up in over down off back`)
	irregularPast = parse.WordSet(`began built cut made ran set took won grew brought bought sent spent kept moved`)
	notPast       = parse.WordSet(`based need needed indeed speed embed hundred`)
)

var (
	definiteArticles   = parse.WordSets(marks.Articles)
	indefiniteArticles = parse.WordSets(marks.IndefiniteArticles)
)

// OpensDefinite reports a sentence whose first word is a definite article.
func OpensDefinite(words []string, lang string) bool {
	return len(words) > 0 && definiteArticles[lang][textcase.Lower(words[0])]
}

// NamesWhatCameBeforeIntroduced reports a sentence that opens on a definite article and
// a noun an earlier sentence of its section introduced with an indefinite one ("…a
// mid-sized district in Ohio." → "The district cut 14 routes."): the post would name as
// known what its reader never met. words are the sentence's first words; before is the
// section's text before it, in lower case.
func NamesWhatCameBeforeIntroduced(words []string, before, lang string) bool {
	if len(words) < 3 || before == "" || !definiteArticles[lang][textcase.Lower(words[0])] {
		return false
	}
	intro := indefiniteArticles[lang]
	for _, w := range words[1:3] {
		noun := textcase.Lower(strings.TrimRight(w, ",.;:"))
		if utf8.RuneCountInString(noun) < 4 {
			continue
		}
		// Each place the noun stands as a word, and the three words before it: read
		// where they are, without cutting all of before into words.
		for at := 0; ; {
			i := strings.Index(before[at:], noun)
			if i < 0 {
				break
			}
			start, end := at+i, at+i+len(noun)
			at = end
			if start > 0 && before[start-1] != ' ' || end < len(before) && !strings.ContainsRune(" ,.;:", rune(before[end])) {
				continue // inside a longer word
			}
			near := strings.Fields(before[max(0, start-40):start])
			for _, p := range near[max(0, len(near)-3):] {
				if intro[p] {
					return true
				}
			}
		}
	}
	return false
}

var (
	shellNouns        = parse.WordSets(marks.ShellNouns)
	genericQualifiers = parse.WordSets(marks.GenericQualifiers)
	relatives         = parse.WordSets(marks.Relatives)
	qualifyingLinks   = parse.WordSet(`to toward towards with between behind about against among across at from within into for on`)
)

// ShellNounSubject reports a sentence that opens on a definite article and a noun that
// only names what the text before it said, with nothing after it that says which:
// "The solution cost under €2,000" (to what?), "La deuxième mesure est…", "Das
// Problem ist nicht…", a level of the document's scale ("No nível avançado, …"), and a
// company, team or place told in the past ("The team spent 465 hours"); also after "if"
// or a short opening ("Em áreas homogêneas, o custo adicional…"). "The problem with
// manual counts is…", "the solution that worked", "The biggest challenge for fleets" say
// which, or name a kind. words are the sentence's first words.
func ShellNounSubject(words []string, lang string) bool {
	if shellNounSubject(words, lang) {
		return true
	}
	for k := 1; k < min(4, len(words)-2); k++ {
		if strings.HasSuffix(words[k-1], ",") && definiteArticles[lang][textcase.Lower(words[k])] {
			return shellNounSubject(words[k:], lang) // "Em áreas homogêneas, o custo adicional…"
		}
	}
	// A short opening phrase without its comma: "Con il DSS la riduzione scende…" (the
	// article within the first six words read).
	if len(words) > 4 && openingPrepositions[lang][textcase.Lower(words[0])] {
		for k := 2; k < min(6, len(words)-2); k++ {
			if definiteArticles[lang][textcase.Lower(words[k])] && shellNounSubject(words[k:], lang) {
				return true
			}
		}
	}
	return false
}

func shellNounSubject(words []string, lang string) bool {
	if len(words) < 3 {
		return false
	}
	first, levelOnly := 1, false
	if subordinators[textcase.Lower(words[0])] && len(words) > 3 {
		words = words[1:] // "If the answer involves a long pause, …": the clause's subject is the one looked at
	}
	if levelPrepositions[textcase.Lower(words[0])] && definiteArticles[lang][textcase.Lower(words[1])] {
		words, levelOnly = words[1:], true // "At the second stage, …": only a level leans so
	}
	if noun, ok := elided(words[0]); ok && (lang == "fr" || lang == "it") {
		first, words = 0, append([]string{noun}, words[1:]...) // "L'obiettivo non è…"
	} else if !definiteArticles[lang][textcase.Lower(words[0])] {
		return false
	}
	nouns, generic := shellNouns[lang], genericQualifiers[lang]
	for k := first; k < min(4, len(words)); k++ {
		w := words[k]
		lower := textcase.Lower(strings.TrimRight(w, ",.;:"))
		if generic[lower] || nounLinks[lang][lower] || relatives[lang][lower] {
			return false // a kind, or past the noun that heads the subject ("Los equipos de plataforma")
		}
		// "No nível avançado, …", "At the second stage, …": a level of the document's own
		// scale is a shell noun too.
		shell := levelNouns[lang][lower] || !levelOnly && nouns[lower]
		if !levelOnly && caseNouns[lang][lower] {
			// Right after its article: "The weekly teams shipped 4x more often than…" says
			// which teams.
			return k == first && k+1 < len(words) && toldInThePast(textcase.Lower(strings.TrimRight(words[k+1], ",")), lang)
		}
		if !shell {
			// Words between the article and the noun qualify it: an adjective, an ordinal,
			// a figure ("The 50% deposit"); a capital is a name ("The Halden team"),
			// except a German noun, which is the noun looked for or no shell at all.
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				return false
			}
			continue
		}
		if strings.HasSuffix(w, ":") {
			return true // "I risultati sui dodici mesi: …" is a label whose owner came before
		}
		if lang == "en" && k+1 < len(words) && changeVerbs[textcase.Lower(words[k+1])] {
			return true // "the figure rises to 42%": the verb ends the subject, and "to" names no kind
		}
		for _, next := range words[k+1 : min(k+3, len(words))] {
			n := textcase.Lower(strings.TrimRight(next, ","))
			if nounLinks[lang][n] || relatives[lang][n] || lang == "en" && qualifyingLinks[n] {
				return false
			}
			if strings.ContainsAny(next, ",;:") {
				break
			}
		}
		return true
	}
	return false
}

// changeVerbs say how a figure moved, right after the noun that heads the subject.
var changeVerbs = parse.WordSet(`rises rose falls fell drops dropped climbs climbed grows grew jumps jumped reaches reached
	doubles doubled halves halved increases increased decreases decreased`)

var (
	caseNouns  = parse.WordSets(marks.CaseNouns)
	levelNouns = parse.WordSets(marks.LevelNouns)
	pastWords  = wordSetsOf(marks.PastMarks, func(m struct{ Words, Endings string }) string { return m.Words })
)

// wordSetsOf are the word sets, by language, of one field of a table of word lists.
func wordSetsOf[T any](table map[string]T, field func(T) string) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(table))
	for lang, row := range table {
		out[lang] = parse.WordSet(field(row))
	}
	return out
}

// toldInThePast reports a verb (lower case) in the past, or the auxiliary of one:
// "spent", "a réduit", "redujo"… by lang's PastMarks.
func toldInThePast(w, lang string) bool {
	if pastWords[lang][w] || lang == "en" && pastTense(w) {
		return true
	}
	for _, end := range strings.Fields(marks.PastMarks[lang].Endings) {
		if strings.HasSuffix(w, end) && utf8.RuneCountInString(w) > utf8.RuneCountInString(end)+2 {
			return true
		}
	}
	return false
}

// elided is the noun of "L'obiettivo" or "l’équipe": a definite article joined to it.
func elided(w string) (string, bool) {
	for _, a := range []string{"L'", "l'", "L’", "l’"} {
		if noun, ok := strings.CutPrefix(w, a); ok && noun != "" {
			return noun, true
		}
	}
	return "", false
}

var (
	questionAuxiliaries = parse.WordSet(`does did do is was are were can could would will should has have`)
	demonstratives      = parse.WordSet(`that this it these those them`)
)

// AskedOfWhatCameBefore reports a question about what the sentence before said: "Does
// that match what you're seeing?", "Is this the right metric?". A question to the reader
// ("Do you know what an hour of downtime costs?") names its own subject.
func AskedOfWhatCameBefore(text string, words []string) bool {
	return len(words) > 2 && strings.HasSuffix(strings.TrimSpace(text), "?") &&
		questionAuxiliaries[textcase.Lower(words[0])] && demonstratives[textcase.Lower(words[1])]
}

// DemonstrativeObject reports a sentence whose second word is "that", "this" or "it" set
// off by a comma: "Subtract that, and the project…", "Add it up, and…": the object is what
// the sentence before gave.
func DemonstrativeObject(words []string) bool {
	if len(words) < 3 || !strings.HasSuffix(words[1], ",") {
		return false
	}
	return demonstratives[textcase.Lower(strings.TrimSuffix(words[1], ","))]
}

var anotherFigure = regexp.MustCompile(`\b(?:another|a further|an additional|an extra) (?:[$€£¥]\d|\d[\d.,]*\s?(?:%|percent\b|per cent\b))`)

// AnotherFigure reports a figure added to one the sentence before gave: "…came to another
// $1,200", "a further 12% plan to…". lower is the sentence in lower case.
func AnotherFigure(lower string) bool {
	return (strings.Contains(lower, "another ") || strings.Contains(lower, "a further ") || strings.Contains(lower, "an additional ") ||
		strings.Contains(lower, "an extra ")) && anotherFigure.MatchString(lower)
}

// enclitics are the endings of an infinitive with an object pronoun joined to it:
// "permiten dimensionarlos", "per gestirli", "aplicá-los".
var enclitics = map[string]struct{ verb, pronoun []string }{
	"es": {[]string{"ar", "er", "ir", "ár", "ér", "ír"}, []string{"lo", "la", "los", "las", "le", "les"}},
	"it": {[]string{"ar", "er", "ir"}, []string{"lo", "la", "li", "le"}},
	"pt": {[]string{"á-", "ê-", "i-", "ô-", "-"}, []string{"lo", "la", "los", "las"}},
}

// EncliticObject reports a sentence whose clause ends on a verb with an object pronoun
// joined to it, for what the sentence before named: "Los datos… permiten dimensionarlos
// correctamente, lo que…" (size what?), "…non sa calcolarlo.". When more than two words
// follow it in its clause, the clause mostly names the object ("evalúa cada solicitud
// antes de admitirla en el clúster"), and "todo" after it is the object itself.
func EncliticObject(text, lang string) bool {
	e, ok := enclitics[lang]
	if !ok {
		return false
	}
	words := 0 // after the joined object, in its clause
	found := false
	for rest := text; rest != ""; {
		w, after, _ := strings.Cut(rest, " ")
		rest = after
		if found {
			if words == 0 && everything[textcase.Lower(strings.TrimRight(w, ",.;:"))] {
				found = false // "detenerlo todo"
				continue
			}
			words++
			if strings.ContainsAny(w, ",;:") || words > 2 {
				if words <= 2 {
					return true
				}
				found = false
			}
			continue
		}
		if clauseEnd := strings.TrimRight(w, ",.;:!?"); joinedObject(clauseEnd, e.verb, e.pronoun) {
			if len(clauseEnd) < len(w) {
				return true // its clause ends with it
			}
			found, words = true, 0
		}
	}
	return found
}

// joinedObject reports w, in lower case, as at least three letters, one of verb's
// endings and one of pronoun's: "dimensionarlos", not "Carlos", "perla" or "parla".
func joinedObject(w string, verb, pronoun []string) bool {
	// Every pronoun starts with "l", two or three letters from the end: most words are
	// turned away here.
	if n := len(w); n < 6 || w[n-2] != 'l' && w[n-3] != 'l' {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false
	}
	for _, p := range pronoun {
		stem, ok := strings.CutSuffix(w, p)
		if !ok {
			continue
		}
		for _, v := range verb {
			if s, ok := strings.CutSuffix(stem, v); ok && utf8.RuneCountInString(s) >= 3 {
				return true
			}
		}
	}
	return false
}

var everything = parse.WordSet(`todo todos tutto tutti tudo`)

var (
	distalDemonstratives = parse.WordSets(marks.DistalDemonstratives)
	negatedThen          = wordSetsOf(marks.NegatedOpenings, func(n struct{ Negation, Then string }) string { return n.Then })
)

// DistalDemonstrative reports a demonstrative that points back, anywhere in the sentence:
// "…41% das empresas tinham alguma iniciativa nessa área" (which area?). lowerWords are
// the sentence's words in lower case.
func DistalDemonstrative(lowerWords []string, lang string) bool {
	set := distalDemonstratives[lang]
	return set != nil && slices.ContainsFunc(lowerWords, func(w string) bool { return set[w] })
}

// NegatedOpening reports a sentence that opens on the second half of a contrast: "Pas
// grâce à un équipement miracle, mais en écoutant…", "Not because the tools are bad.",
// and, in English, the difference or the result a question-word clause names as known
// ("What made the difference was…").
func NegatedOpening(words []string, lang string) bool {
	if len(words) < 3 {
		return false
	}
	first := textcase.Lower(words[0])
	if lang == "en" && first == "what" && len(words) > 4 {
		return ShellNounSubject(words[2:], lang)
	}
	if n, ok := marks.NegatedOpenings[lang]; !ok || first != n.Negation {
		return false
	}
	return negatedThen[lang][textcase.Lower(strings.TrimRight(words[1], ","))]
}

var strandedAuxiliaries = parse.WordSet(`was were is are did does do has have had can could will would should`)

// EndsOnWhatCameBefore reports an English sentence that ends by adding to, or leaving
// out, what the sentence before said: "Safety has improved too.", "…as well.", a verb
// phrase left to the sentence before ("Replacing it with something customers actually
// valued was."), or "it" ("…nobody owns it."). lower is the sentence in lower case.
func EndsOnWhatCameBefore(lower string) bool {
	end := strings.TrimRight(lower, ".!")
	// A short one: in a longer one, "too" mostly adds to its own first clause ("Costs fell
	// by 20%, and uptime rose as well.").
	if (strings.HasSuffix(end, " too") || strings.HasSuffix(end, " as well") || strings.HasSuffix(end, " either")) &&
		strings.Count(end, " ") < 8 {
		return true
	}
	i := strings.LastIndexByte(end, ' ')
	if i > 0 && len(end) < len(lower) && strandedAuxiliaries[end[i+1:]] && strings.Count(end, " ") >= 3 {
		return true
	}
	// A short sentence that ends on "it" ("In 27% of companies, nobody owns it."), unless a
	// clause before names what "it" is ("If a process breaks, fix it.").
	first, _, _ := strings.Cut(end, " ")
	return strings.HasSuffix(end, " it") && strings.Count(end, " ") < 10 && !subordinators[first]
}

// ObjectCliticBefore reports a French object pronoun before a verb, for what the sentence
// before named: "Personne ne l'avait jamais écrit.", "…qui l'ont adopté".
func ObjectCliticBefore(lower string) bool {
	for _, c := range []string{"ne l'", "ne l’", " l'a ", " l’a ", " l'ont ", " l’ont ", " l'avait", " l’avait", " l'est ", " l’est "} {
		if strings.Contains(lower, c) {
			return true
		}
	}
	return false
}

var nominalPrepositions = wordSetsOf(marks.Nominals, func(n struct{ Endings, Prepositions string }) string { return n.Prepositions })

// NominalHeading reports a sentence that opens on a noun made from a verb, without its
// article, and a preposition: "Calibración con datos históricos, idealmente con un mínimo
// de 15 temporadas.", a heading or a list's item, not a sentence.
func NominalHeading(words []string, lang string) bool {
	n, ok := marks.Nominals[lang]
	if !ok || len(words) < 3 || !nominalPrepositions[lang][textcase.Lower(words[1])] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(words[0]); !unicode.IsUpper(r) || strings.ContainsAny(words[0], "'’") {
		return false // "L'implementazione di…" has its article
	}
	first := textcase.Lower(words[0])
	for _, end := range strings.Fields(n.Endings) {
		if strings.HasSuffix(first, end) && utf8.RuneCountInString(first) > utf8.RuneCountInString(end)+2 {
			return true
		}
	}
	return false
}

// KindReference reports a sentence that names, wherever it stands, a kind of thing the
// sentence before described: "…avoir adopté ou envisager ce type de tarification" (which
// type?). lower is the sentence in lower case.
func KindReference(lower, lang string) bool {
	for _, k := range marks.KindReferences[lang] {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// SalesQuestion reports a question that sells: "Want to talk about your carrier
// program?": a call to action of its own, not a post.
func SalesQuestion(lower, lang string) bool {
	if !strings.HasSuffix(lower, "?") {
		return false
	}
	for _, q := range marks.SalesQuestions[lang] {
		if strings.HasPrefix(lower, q) {
			return true
		}
	}
	return false
}

var proForms = parse.WordSet(`there that this then those these`)

// EndsOnAProForm reports an English question whose last word stands for what came
// before: "What does it cost to get there?", "Who pays for that?". ("…did it for them?"
// mostly names them in the question.)
func EndsOnAProForm(lower string) bool {
	end, ok := strings.CutSuffix(lower, "?")
	if !ok {
		return false
	}
	i := strings.LastIndexByte(end, ' ')
	return i > 0 && proForms[end[i+1:]]
}

var (
	sameness    = parse.WordSet(`identical similar comparable alike indistinguishable`)
	comparators = parse.WordSet(`to with between across for among in as from`)
)

// AlikeWithoutWhat reports an English sentence that calls something alike without saying
// alike to what: "Click rates were nearly identical (9.1% vs. 8.8%)." compares what the
// sentence before named. lowerWords are its words in lower case.
func AlikeWithoutWhat(lowerWords []string) bool {
	for k, w := range lowerWords {
		if sameness[w] && k > 0 && (copulas[lowerWords[k-1]] || k > 1 && copulas[lowerWords[k-2]] || lowerWords[k-1] == "were" ||
			k > 1 && lowerWords[k-2] == "were") {
			return k+1 >= len(lowerWords) || !comparators[lowerWords[k+1]]
		}
	}
	return false
}

// caption opens a table's or a figure's caption: "Tabella 2 – Valori medi…", "Table 1:",
// "Abbildung 3.", "表1", "그림 2".
var caption = regexp.MustCompile(`^(?i:table|tabla|tabela|tableau|tabella|tabelle|tabel|figure|figura|fig\.|abbildung|afbeelding|gráfico|grafico|graphique|chart|exhibit|quadro|grafiek|表|图|図|그림|표)\s*\d+(?:\.\d+)?\s*(?:[–—:.\-]|$)`)

// Caption reports a table's or a figure's caption: it names what the reader cannot see.
func Caption(text string) bool {
	return len(text) > 2 && caption.MatchString(text[:min(len(text), 40)])
}

// DefiniteShare reports a share named as already known among a sentence's first words,
// "the" and a percentage with no "of" after it: "Even in the 17% that began with an
// exploit…", "The remaining 11% …": the share of what, the sentence before said.
func DefiniteShare(words []string) bool {
	for k := 0; k+1 < len(words) && k < 5; k++ {
		if textcase.Lower(words[k]) != "the" {
			continue
		}
		j := k + 1
		if w := textcase.Lower(words[j]); (w == "remaining" || w == "other") && j+1 < len(words) {
			j++
		}
		if share := strings.TrimRight(words[j], ",.;:"); strings.HasSuffix(share, "%") && startsWithDigit(share) {
			return j+1 >= len(words) || textcase.Lower(words[j+1]) != "of"
		}
	}
	return false
}

func startsWithDigit(w string) bool { return w != "" && '0' <= w[0] && w[0] <= '9' }

// pairEnds are the words that give "not only…" its second half in each language.
var pairEnds = map[string][]string{
	"en": {" but ", " also ", " too", " as well", " — ", " - ", ";"},
	"es": {" sino ", " también ", " además ", " pero "},
	"pt": {" mas ", " também ", " como ", " além "},
	"fr": {" mais ", " aussi ", " également ", " encore "},
	"de": {" sondern ", " auch ", " ebenso "},
	"it": {" ma ", " anche ", " pure ", " bensì "},
	"nl": {" maar ", " ook "},
}

// HalfOfAPair reports a sentence that opens a "not only…" and stops before its second
// half ("Over-privileged accounts don't just expand your attack surface."): the half
// that says what else is in the sentence after it. lower is the sentence in lower case.
func HalfOfAPair(lower, lang string) bool {
	ends, ok := pairEnds[lang]
	if !ok {
		return false
	}
	// After a comma it ends the sentence whole: "Look at quartiles, not just medians."
	// (A sentence that opens on "Not only" goes on to its second half.)
	if !slices.ContainsFunc(notOnly[lang], func(m string) bool { return strings.Contains(lower, m) && !strings.Contains(lower, ","+m) }) {
		return false
	}
	padded := strings.TrimRight(lower, ".!") + " "
	return !slices.ContainsFunc(ends, func(e string) bool { return strings.Contains(padded, e) })
}

// notOnly is marks.NotOnly with the English contractions ("don't just", "doesn't only").
var notOnly = func() map[string][]string {
	out := make(map[string][]string, len(marks.NotOnly))
	for lang, m := range marks.NotOnly {
		out[lang] = m
	}
	out["en"] = append(slices.Clip(out["en"]), "n't just ", "n't only ", "n’t just ", "n’t only ")
	return out
}()

// TheCompanyAsSubject reports a sentence whose subject is a company the text named
// before (marks.TheCompany), at its start or after an opening of up to three words and a
// comma; a name after it ("La société Maintelia…") says which.
func TheCompanyAsSubject(text, lang string) bool {
	rest := text
	if before, after, ok := strings.Cut(text, ", "); ok && strings.Count(before, " ") < 3 {
		rest = after
	}
	for _, m := range marks.TheCompany[lang] {
		for _, s := range []string{text, rest} {
			if len(s) > len(m) && strings.EqualFold(s[:len(m)], m) {
				r, _ := utf8.DecodeRuneInString(s[len(m):])
				return !unicode.IsUpper(r)
			}
		}
	}
	return false
}

var thirdPersons = parse.WordSets(marks.ThirdPersons)

// AsksAboutSomeoneNamedBefore reports a short question with a subject pronoun for
// people or things the text named before ("Que se passera-t-il le jour où ils
// partiront ?"): alone, it asks about no one. A pronoun is matched as written, in lower
// case: German "Sie" is the reader.
func AsksAboutSomeoneNamedBefore(text, lang string) bool {
	pronouns := thirdPersons[lang]
	if pronouns == nil || !strings.HasSuffix(strings.TrimRight(text, " \u00a0\u202f"), "?") {
		return false
	}
	words := strings.Fields(text)
	if len(words) > 15 {
		return false
	}
	for _, w := range words {
		if pronouns[strings.Trim(w, ",;:?!")] {
			return true
		}
	}
	return false
}

var changeVerbsByLang = parse.WordSets(marks.ChangeVerbs)

// ChangeWithoutSubject reports a sentence whose opening phrases are followed straight by
// a verb of change (marks.ChangeVerbs) or a future of the third person plural, negated or
// not: "…, caiu para 31 dias." and "En 2024, según las previsiones, no superarán los
// 15.000 €." say what fell, or who will not, only in the sentence before.
func ChangeWithoutSubject(text, lang string) bool {
	verbs := changeVerbsByLang[lang]
	if verbs == nil {
		return false
	}
	rest := text
	for k := range 3 { // up to three opening phrases, each short
		opening, after, ok := strings.Cut(rest, ", ")
		if !ok || strings.Count(opening, " ") > 12 {
			return false
		}
		if k == 1 {
			// A second phrase only after an opening of time, place or measure ("En 2024,
			// según…,"): after a subject ("El desperdicio…, medido en 38 locales, bajó") it
			// is an aside, and the verb has its subject.
			first, _, _ := strings.Cut(text, " ")
			if !openingPrepositions[lang][textcase.Lower(first)] {
				return false
			}
		}
		rest = after
		next, more, _ := strings.Cut(rest, " ")
		if negations[next] {
			next, _, _ = strings.Cut(more, " ")
		}
		if verbs[next] || futurePlural(next, lang) {
			return true
		}
	}
	return false
}

// negations come between an opening and its verb: "no superarán", "não passou".
var negations = parse.WordSet(`no não non ne n'`)

// futurePlural reports a verb in the future of the third person plural ("superarán",
// "passarão", "supereranno"), a form no noun takes.
func futurePlural(word, lang string) bool {
	ending := map[string][]string{"es": {"rán"}, "pt": {"rão"}, "it": {"ranno"}, "fr": {"ront"}}[lang]
	return len(word) > 6 && slices.ContainsFunc(ending, func(e string) bool { return strings.HasSuffix(word, e) })
}

// QuartileAlone reports a short English sentence about the top or bottom of a
// distribution the sentence before named ("The top quartile reached 89%."); a longer one
// that compares both ends says of what ("The top quartile processes invoices at one-fifth
// the cost of the bottom quartile").
func QuartileAlone(lower string) bool {
	for _, p := range []string{"the top quartile ", "the bottom quartile ", "the top decile ", "the bottom decile "} {
		if strings.HasPrefix(lower, p) {
			return strings.Count(lower, " ") < 10
		}
	}
	return false
}

// SetsUpACase reports a sentence that asks the reader to imagine or assume a case
// (marks.SetUps); lower is the sentence in lower case.
func SetsUpACase(lower, lang string) bool {
	for _, m := range marks.SetUps[lang] {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// Scene reports an English sentence that sets a scene with someone the text makes up:
// "A CISO, usually a good one, has just come out of a board meeting…". It opens a
// story the post does not tell. lower is the sentence in lower case.
func Scene(lower string) bool {
	if !strings.HasPrefix(lower, "a ") && !strings.HasPrefix(lower, "an ") {
		return false
	}
	head := lower[:min(len(lower), 120)]
	return strings.Contains(head, " has just ") || strings.Contains(head, " have just ")
}

var answerWords = parse.WordSets(marks.Answers)

// Replies reports a sentence that opens as the answer to a question (marks.Answers,
// marks.Reasons): "Porque un socio…", "Yes, if…", "因为…".
func Replies(text, lang string) bool {
	if lang == "zh" || lang == "ja" || lang == "ko" {
		return slices.ContainsFunc(marks.Reasons[lang], func(p string) bool { return strings.HasPrefix(text, p) })
	}
	first, _, _ := strings.Cut(text, " ")
	first = textcase.Lower(strings.TrimRight(first, ",.;:!"))
	return answerWords[lang][first] || slices.Contains(marks.Reasons[lang], first)
}

// Denies reports a sentence that denies a cause ("We weren't losing clients because our
// advice was poor."): the speaker's next words give the cause, and the denial alone
// reads as the opposite of the point. "O que mudou não foi o sistema, foi a cultura"
// says both halves.
func Denies(text, lang string) bool {
	n, ok := marks.NegatedOpenings[lang]
	words := strings.FieldsFunc(textcase.Lower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	denies := ok && slices.Contains(words, n.Negation) ||
		lang == "en" && slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") })
	return denies && slices.ContainsFunc(words, func(w string) bool { return slices.Contains(marks.Reasons[lang], w) })
}
