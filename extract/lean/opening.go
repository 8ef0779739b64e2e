package lean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// SubjectAfterLongOpening reports a sentence that opens on a phrase or a clause of up to
// 160 bytes, however many commas it holds, whose main clause then names as known what the
// sentence before said: a demonstrative ("For a shipper moving $80 million of freight a
// year, that is more than $2 million.") or a shell noun ("In Europe, where carrier
// bases… lack integrations, the figure rises to 42%."). Any comma of the opening may be
// the one that ends it.
func SubjectAfterLongOpening(text, lang string) bool {
	if pronouns, ok := clausePronounsCJK[lang]; ok {
		// "随着…成本持续下降，它已经从…": "it" is what the sentence before named.
		_, rest, ok := strings.Cut(text, clauseCommas[lang])
		return ok && slices.ContainsFunc(pronouns, func(p string) bool { return strings.HasPrefix(rest, p) })
	}
	first, _, _ := strings.Cut(text, " ")
	first = textcase.Lower(first)
	if !openingPrepositions[lang][first] && !subordinators[first] {
		return false
	}
	demonstratives := leaningDemonstratives[lang]
	for off := 0; off < min(len(text), 160); {
		k := strings.Index(text[off:], ", ")
		if k < 0 || off+k >= 160 {
			return false
		}
		off += k + 2
		rest := text[off:]
		var first6 [6]string
		words := FirstFields(rest, &first6)
		if len(words) < 3 {
			return false
		}
		if demonstratives[textcase.Lower(words[0])] && demonstrativeVerbs[textcase.Lower(words[1])] || ShellNounSubject(words, lang) {
			return true
		}
	}
	return false
}

// clauseCommas end an opening clause in Chinese, Japanese and Korean.
var clauseCommas = map[string]string{"zh": "，", "ja": "、", "ko": ", "}

// clausePronounsCJK open a main clause after an opening one on what came before.
var clausePronounsCJK = map[string][]string{
	"zh": {"它", "他们", "她们"},
	"ja": {"それは", "これは", "それが", "これが", "彼らは"},
	"ko": {"이는 ", "그것은 ", "이것은 ", "이들은 ", "그들은 "},
}

// leaningDemonstratives, followed by a verb, are a main clause's subject that names what
// the sentence before said.
var leaningDemonstratives = parse.WordSets(map[string]string{
	"en": `this that these those`,
	"es": `esto eso`,
	"pt": `isto isso`,
	"it": `ciò questo`,
	"fr": `cela ceci ça`,
})

// demonstrativeVerbs follow a demonstrative subject ("that is", "esto es").
var demonstrativeVerbs = parse.WordSet(`is was are were has had will would can could means meant es fue son era significa é foi são era significa è era sono significa est était signifie représente`)

// reversals say, in a short sentence, that someone does the opposite of what the
// sentence before said ("Les organisations qui avancent le plus vite font l'inverse."):
// that sentence is the view the author turns down. Lower case.
var reversals = map[string][]string{
	"en": {"the opposite", "the reverse"}, "fr": {"l'inverse", "le contraire"}, "es": {"lo contrario", "lo opuesto"},
	"pt": {"o contrário", "o oposto"}, "de": {"das gegenteil", "umgekehrt"}, "it": {"il contrario", "l'opposto"},
	"nl": {"het omgekeerde", "het tegenovergestelde"},
}

// Reverses reports a sentence of at most fifteen words that holds one of reversals.
func Reverses(text, lang string) bool {
	if strings.Count(text, " ") >= 15 {
		return false
	}
	lower := textcase.Lower(strings.ReplaceAll(text, "’", "'"))
	return slices.ContainsFunc(reversals[lang], func(r string) bool { return strings.Contains(lower, r) })
}

// NounHeadedItem reports a list item in French, Spanish, Portuguese or Italian that opens
// on a bare noun and its complement ("Courbes de charge au pas de 10 minutes…", "Tasa de
// conversión a socio en los 12 meses…", "Taux d'abandon"): a noun phrase, a metric's or
// a thing's name, as these languages write no sentence without an article there; alone
// it is a fragment of the list.
func NounHeadedItem(text, lang string) bool {
	of := map[string]map[string]bool{
		"fr": {"de": true, "du": true, "des": true}, "es": {"de": true, "del": true},
		"pt": {"de": true, "do": true, "da": true, "dos": true, "das": true}, "it": {"di": true, "del": true, "della": true, "dei": true, "delle": true},
	}[lang]
	if of == nil {
		return false
	}
	first, rest, _ := strings.Cut(text, " ")
	second, _, _ := strings.Cut(rest, " ")
	lower := textcase.Lower(first)
	r, _ := utf8.DecodeRuneInString(first)
	second = textcase.Lower(second)
	elided := lang == "fr" && (strings.HasPrefix(second, "d'") || strings.HasPrefix(second, "d’"))
	return unicode.IsUpper(r) && len(lower) > 3 && (of[second] || elided) && !notNouns[lower]
}

// notNouns open a Romance sentence before "de" without being a noun: quantities,
// prepositions and the imperatives of a list of advice ("Plus de 60 %", "Mais de
// metade", "Dans de nombreux cas", "Cerca de 40 %", "Trata de responder…", "Évitez de…").
var notNouns = parse.WordSet(`plus moins más menos mais menos più meno dans sous vers après depuis pendant avant desde antes tras
	após durante entre sobre oltre circa tutti tutte muchas muchos algunas algunos pocas pocos varias varios muitas muitos
	algumas alguns poucas poucos várias vários certaines certains plusieurs molte molti alcune alcuni poche pochi tante tanti
	diverse diversi cerca alrededor además acerca dentro fuera través mitad metade moitié metà parte partir
	près auprès lors hors afin faute loin autour au-delà chacun chacune aucun aucune ninguno ninguna nenhum nenhuma nessuno
	nessuna ognuno ognuna ciascuno ciascuna depois além perto longe apesar acima abaixo prima dopo invece fuori
	trata trate deja deje asegúrate asegúrese acuérdate olvídate encárgate dispón essayez évitez arrêtez cessez
	tâchez essaie évite arrête smetti smettete ricordati ricordatevi evita evitate deixe evite lembre-se certifique-se
	procure depende dependem dipende dépend`)

// OpensContrast reports a sentence that opens with one of marks.ContrastOpeners: a
// whole word or phrase, or a prefix in Chinese and Japanese.
func OpensContrast(text, lang string) bool {
	openers, ok := marks.ContrastOpeners[lang]
	if !ok {
		openers = marks.ContrastOpeners["en"]
	}
	lower := strings.ToLower(text[:min(len(text), 48)])
	for _, o := range openers {
		if rest, ok := strings.CutPrefix(lower, o); ok {
			if r, _ := utf8.DecodeRuneInString(rest); lang == "ja" || lang == "zh" || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// modelNouns name the parts of a document's own framework.
var modelNouns = parse.WordSet(`capability capabilities level levels stage phase layer pillar tier aspect dimension action category domain`)

// ModelItem reports a sentence that opens on an item of the document's own framework,
// named after its section ("The scaling capability…" under "Scaling"): a reader of the post
// does not know the framework it is a part of.
func ModelItem(text, heading string) bool {
	w := strings.Fields(strings.ToLower(text))
	if len(w) < 3 || w[0] != "the" || !modelNouns[strings.Trim(w[2], ",.;:")] {
		return false
	}
	for _, h := range strings.FieldsFunc(strings.ToLower(heading), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if h == w[1] {
			return true
		}
	}
	return false
}
