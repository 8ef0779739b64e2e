// Package cite takes out of a sentence the numbered citations that point its reader at
// the document's references ("[3]", "¹"), with the clause that only points at one.
package cite

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// A numbered citation ("[3]", "[ 3]", "[12, 14]", "¹") points a reader of the document at
// its references; a post has none to point at. Without drops the markers that are
// asides, with the clause that only points at one ("as described in [3]", "如 [3] 所述",
// "[3]で説明されているように"). A marker that is part of the sentence ("see [3]", "[3]
// shows…") stays: the sentence is about the reference, and Marker reports it.
var (
	citationMark = `\[\s?\^?[1-9]\d{0,2}(?:\s?[,–-]\s?[1-9]\d{0,2})*\s?\]`
	// Marker matches a citation marker.
	Marker = regexp.MustCompile(citationMark)
	// citedClause is a clause whose only point is the reference, in each language with
	// built-in texts.
	citedClause = regexp.MustCompile(`(?i),?\s*\b(?:according\s+to|según|segundo|de\s+acordo\s+com|secondo|selon|laut)\s+` + citationMark + `,?|` +
		`,?\s*\b(?:(?:as|like)\s+)?(?:described|discussed|shown|noted|defined|explained|outlined|reported|suggested|proposed|mentioned|documented|detailed|argued|stated)\s+(?:in|by)\s+` + citationMark + `,?|` +
		`,?\s*\b(?:como\s+(?:se\s+)?(?:describe|explica|menciona|indica|muestra|descrito|mencionado|indicado|explicado)|come\s+(?:descritto|indicato|spiegato|illustrato|mostrato)|comme\s+(?:décrit|indiqué|expliqué|mentionné)|wie\s+(?:in)?)\s+(?:en|em|in|dans|no|na|nel|nella|im)?\s*` + citationMark + `(?:\s+(?:beschrieben|erläutert|dargestellt))?,?|` +
		`[，,]?\s*(?:正如|如)\s*` + citationMark + `\s*中?所(?:述|示|说|讨论的)[，,]?|` +
		citationMark + `\s*(?:で|に)(?:説明|記載|記述|示|述べ)[^、。]{0,12}よう(?:に|な)[、,]?|` +
		citationMark + `\s*에서\s*(?:설명|언급|기술|논의)한\s*(?:것처럼|바와\s*같이)[,]?\s?`)
	// citationNoun: a marker a sentence is built on: after a preposition or verb of
	// pointing, at the start, or before a particle.
	citationNoun = regexp.MustCompile(`(?i)(?:^|\b(?:in|see|from|to|per|cf\.?|by|of|on|en|em|dans|di|nel|im|siehe|voir|véase|vedi|veja|consulte|reference|ref\.?)\s+)` + citationMark + `|` +
		`(?:^|[^\p{L}\p{N}]|\p{Hiragana})` + citationMark + `\s*(?:で|に|の|は|が|を|から|에서|에|은|는|이|가|를|中|里)`)
)

// superscripts are the superscript digits footnote marks are written with.
const superscripts = "¹²³⁴⁵⁶⁷⁸⁹⁰"

// What citedClause and citationNoun need beside a marker: the last word of their phrase
// before it, or a particle after it. Paragraphs whose markers have neither (most:
// "…platforms [3].") are spared running the patterns over all their text, which costs
// more than the rest of parsing them. A preposition alone is too common ("used in [3]"):
// citedClause needs the verb before it ("described in [3]").
var (
	clauseMarks = beside{
		words: []string{"según", "segundo", "secondo", "selon", "laut", "wie", "describe", "explica", "menciona", "indica", "muestra",
			"descrito", "mencionado", "indicado", "explicado", "descritto", "indicato", "spiegato", "illustrato", "mostrato",
			"décrit", "indiqué", "expliqué", "mentionné", "如"},
		prepositions: []string{"to", "com", "in", "by", "en", "em", "dans", "no", "na", "nel", "nella", "im"},
		leads: []string{"according", "acordo", "described", "discussed", "shown", "noted", "defined", "explained", "outlined",
			"reported", "suggested", "proposed", "mentioned", "documented", "detailed", "argued", "stated", "wie", "in",
			"describe", "explica", "menciona", "indica", "muestra", "descrito", "mencionado", "indicado", "explicado",
			"descritto", "indicato", "spiegato", "illustrato", "mostrato", "décrit", "indiqué", "expliqué", "mentionné"},
		particles: []string{"で", "に", "에서"},
	}
	nounMarks = beside{
		words: []string{"in", "see", "from", "to", "per", "cf", "cf.", "by", "of", "on", "en", "em", "dans", "di", "nel", "im",
			"siehe", "voir", "véase", "vedi", "veja", "consulte", "reference", "ref", "ref."},
		particles: []string{"で", "に", "の", "は", "が", "を", "から", "에서", "에", "은", "는", "이", "가", "를", "中", "里"},
		first:     true,
	}
)

// beside is what a pattern needs next to a marker: one of words before it, one of
// prepositions with one of leads before that, or one of particles after it; or, if first,
// nothing before it.
type beside struct {
	words, prepositions, leads, particles []string
	first                                 bool
}

// of reports whether a marker of s has what b needs beside it, in any case (as the
// patterns' (?i) reads them), spaces between skipped.
func (b beside) of(s string) bool {
	const space = " \t\n\f\r" // \s in the patterns
	for _, m := range Marker.FindAllStringIndex(s, -1) {
		before := strings.TrimRight(s[:m[0]], space)
		if b.first && before == "" || endsWithFold(before, b.words) {
			return true
		}
		for _, p := range b.prepositions {
			if rest, ok := cutSuffixFold(before, p); ok && endsWithFold(strings.TrimRight(rest, space), b.leads) {
				return true
			}
		}
		after := strings.TrimLeft(s[m[1]:], space)
		for _, p := range b.particles {
			if strings.HasPrefix(after, p) {
				return true
			}
		}
	}
	return false
}

// endsWithFold reports whether s ends with one of words under Unicode case folding.
func endsWithFold(s string, words []string) bool {
	for _, w := range words {
		if _, ok := cutSuffixFold(s, w); ok {
			return true
		}
	}
	return false
}

// cutSuffixFold is strings.CutSuffix under Unicode case folding, which maps rune to rune
// but not always byte length to byte length ("ſ" is "s").
func cutSuffixFold(s, w string) (before string, found bool) {
	i := len(s)
	for range utf8.RuneCountInString(w) {
		if i == 0 {
			return s, false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if strings.EqualFold(s[i:], w) {
		return s[:i], true
	}
	return s, false
}

// clauseGap turns the gap a cited clause leaves (a 0 byte) into a space, or into nothing
// before punctuation; built once, as a Replacer builds its tables on first use.
var clauseGap = strings.NewReplacer("\x00.", ".", "\x00,", ",", "\x00;", ";", "\x00", " ")

func Without(s string) string {
	if strings.IndexByte(s, '[') >= 0 && Marker.MatchString(s) {
		var clauses [][]int
		if clauseMarks.of(s) {
			clauses = citedClause.FindAllStringIndex(s, -1)
		}
		capital := startsUpper(s)
		var b strings.Builder
		last := 0
		for _, m := range clauses {
			clause := s[m[0]:m[1]]
			if before, _ := utf8.DecodeLastRuneInString(s[:m[0]]); clause[0] == '[' && unicode.IsLetter(before) && !script.Hiragana(before) {
				continue // "SPACEフレームワーク[4]で説明されている…": the framework is described, the marker is an aside
			}
			b.WriteString(s[last:m[0]])
			last = m[1]
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(clause, " ,，、")); r < 0x1100 {
				b.WriteByte(0) // a space, or none before punctuation; Chinese, Japanese, Korean need none
			}
		}
		b.WriteString(s[last:])
		s = clauseGap.Replace(b.String())
		if s = strings.TrimLeft(s, " "); capital && !startsUpper(s) {
			r, size := utf8.DecodeRuneInString(s) // "As described in [3], teams…" → "Teams…"
			s = string(unicode.ToUpper(r)) + s[size:]
		}
		s = dropAsides(s)
	}
	if hasSuperscript(s) {
		s = dropSuperscripts(s)
	}
	return s
}

// dropAsides removes the markers not built into the sentence (citationNoun).
func dropAsides(s string) string {
	keep := map[int]bool{}
	if nounMarks.of(s) {
		for _, m := range citationNoun.FindAllStringIndex(s, -1) {
			if loc := Marker.FindStringIndex(s[m[0]:m[1]]); loc != nil {
				keep[m[0]+loc[0]] = true
			}
		}
	}
	var b strings.Builder
	last := 0
	for _, m := range Marker.FindAllStringIndex(s, -1) {
		if keep[m[0]] {
			continue
		}
		before := strings.TrimRight(s[last:m[0]], " ")
		b.WriteString(before)
		last = m[1]
		if r, _ := utf8.DecodeLastRuneInString(before); script.CJK(r) {
			if rest := strings.TrimLeft(s[last:], " "); startsCJK(rest) {
				last = len(s) - len(rest) // "所建议 [5] 跟踪" → "所建议跟踪"
			}
		}
		if r, _ := utf8.DecodeRuneInString(s[last:]); last < len(s) && !unicode.IsSpace(r) && !unicode.IsPunct(r) && !script.CJK(r) {
			b.WriteByte(' ') // "Operators[2]to" → "Operators to"
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasSuperscript is strings.ContainsAny(s, superscripts) without decoding every rune of s:
// their UTF-8 starts with 0xC2 (¹²³) or 0xE2 (the rest).
func hasSuperscript(s string) bool {
	for _, lead := range [...]byte{0xC2, 0xE2} {
		for rest := s; ; {
			i := strings.IndexByte(rest, lead)
			if i < 0 {
				break
			}
			if r, _ := utf8.DecodeRuneInString(rest[i:]); strings.ContainsRune(superscripts, r) {
				return true
			}
			rest = rest[i+1:]
		}
	}
	return false
}

// dropSuperscripts removes superscript digits after a word of three letters or more or
// after punctuation ("platforms¹", "growth.²"); a unit keeps its power ("m²", "cm³").
func dropSuperscripts(s string) string {
	var b strings.Builder
	letters := 0
	var prev rune
	for _, r := range s {
		if strings.ContainsRune(superscripts, r) && (letters >= 3 || unicode.IsPunct(prev) || script.CJK(prev)) {
			continue
		}
		if unicode.IsLetter(r) {
			letters++
		} else if !strings.ContainsRune(superscripts, r) {
			letters = 0
		}
		prev = r
		b.WriteRune(r)
	}
	return b.String()
}

func startsCJK(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return script.CJK(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
