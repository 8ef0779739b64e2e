package claim

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/figures"
	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/langid"
	"github.com/repurpose/repurpose/parse"
)

// A key point in a list, or a page's meta description, is read alone: by a stranger who
// sees neither the sentence before it nor its heading. The checks here find sentences
// that need one of them.

// leadWords is how many words open a sentence as its subject ("CNCF's initial
// Platforms White Paper describes…"), and leadRunes the same where words are not spaced.
const (
	leadWords = 6
	leadRunes = 16
)

// AboutADocument reports a sentence led by a document, this one or another ("CNCF's
// initial Platforms White Paper describes what…", "A 2023 report found…"): it tells what
// some paper says, and as a page's description it describes that paper instead.
func AboutADocument(text, lang string) bool {
	lang = langid.Base(lang)
	var lead string
	if lang == "ja" || lang == "zh" {
		lead = string([]rune(text)[:min(leadRunes, utf8.RuneCountInString(text))])
	} else {
		// The first words only: the rest of the sentence is never lower-cased or split.
		words := strings.Fields(textcase.Lower(leadingFields(text, leadWords)))
		for k, w := range words[:min(leadWords, len(words))] {
			words[k] = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		}
		lead = " " + strings.Join(words[:min(leadWords, len(words))], " ") + " "
	}
	return containsAnyOf(textcase.Lower(lead), marks.Documents[lang]) ||
		lang != "ja" && lang != "zh" && lang != "ko" && containsAnyOf(lead, marks.Documents["en"])
}

// Labelled reports a sentence that opens with a label of a few words and a colon
// ("Availability of services, tools and content: distribution provides…"): a list
// item's entry, a fragment once its list is gone.
func Labelled(text string) bool {
	i := colon(text)
	if i <= 0 {
		return false
	}
	if rest := text[i:]; !strings.HasPrefix(rest, ": ") && !strings.HasPrefix(rest, "：") {
		return false // "https://…", "10:30"
	}
	if r, _ := utf8.DecodeRuneInString(text); script.CJK(r) {
		return utf8.RuneCountInString(text[:i]) <= 20 // about eight words' worth
	}
	return len(strings.Fields(text[:i])) <= 8
}

// colon is strings.IndexAny(text, ":：") with a vectorised search per mark: given a mark
// beyond ASCII, strings.IndexAny makes a call per character of text, and Labelled reads
// every candidate sentence.
func colon(text string) int {
	i := strings.IndexByte(text, ':')
	before := text
	if i >= 0 {
		before = text[:i]
	}
	if j := strings.Index(before, "："); j >= 0 {
		return j
	}
	return i
}

// Presumes reports a sentence that opens by naming, as already known, a thing that only
// the sentence before it or its section's heading introduced ("An operator installs the
// application. After the installation, …"; under "Understanding the levels": "The labels
// for each level…"): read alone, it points at nothing. A thing the document's title names
// ("the platform", in a paper on platforms) is known to every reader of a post about it.
// Outside English a noun in general takes the article too ("La seguridad es…" is
// "Security is…"): there only an article after the opening word ("Después de la
// instalación, …") names a thing as known.
func Presumes(a *extract.Analysis, i int) bool { return NewPresumer(a).Presumes(i) }

// Presumer is Presumes over one analysis, for a caller that asks of many sentences: the
// stems of the title and of each heading are read once.
type Presumer struct {
	a        *extract.Analysis
	title    map[string]bool
	headings map[int]map[string]bool
	wanted   []string // scratch: the stems looked for in the sentence before
}

// NewPresumer readies Presumes over a.
func NewPresumer(a *extract.Analysis) *Presumer {
	return &Presumer{a: a, headings: map[int]map[string]bool{}}
}

// Presumes is Presumes(a, i).
func (p *Presumer) Presumes(i int) bool {
	a := p.a
	articles := definiteArticles[a.Lang]
	if len(articles) == 0 {
		return false // Chinese, Japanese and Korean mark it with a demonstrative (extract's openers)
	}
	c := &a.Candidates[i]
	// The article is among the first three words and what it names among the five after
	// it: the rest of the sentence is never lower-cased or split.
	words := strings.Fields(textcase.Lower(leadingFields(c.Text, 8)))
	var named []string
	for k, w := range words[:min(3, len(words))] {
		if k == 0 && a.Lang != "en" {
			continue // "Las funciones sin servidor son…": a general claim, as "Serverless functions are…"
		}
		if articles[w] {
			named = nounPhrase(words[k+1:], a.Lang)
			break
		}
		if (strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "l’")) && articles["l'"] {
			_, rest, _ := strings.Cut(strings.ReplaceAll(w, "’", "'"), "'")
			named = nounPhrase(append([]string{rest}, words[k+1:]...), a.Lang)
			break
		}
	}
	if len(named) == 0 {
		return false
	}
	// What came before: the section's heading and the sentence before in the section.
	var heading map[string]bool
	if c.Section < len(a.Doc.Sections) {
		if heading = p.headings[c.Section]; heading == nil {
			heading = stems(a.Doc.Sections[c.Section].Heading, a.Lang)
			p.headings[c.Section] = heading
		}
	}
	if p.title == nil {
		p.title = stems(a.Doc.Title, a.Lang)
	}
	// The stems the sentence before must hold, since the title does not and the heading
	// does not already: looked for in it word by word, with no set of its stems built.
	wanted := p.wanted[:0]
	for _, w := range named {
		stem := stemOf(w)
		if stem == "" || p.title[stem] {
			continue
		}
		if heading[stem] {
			return true
		}
		wanted = append(wanted, stem)
	}
	p.wanted = wanted
	if len(wanted) == 0 || i == 0 || a.Candidates[i-1].Section != c.Section {
		return false
	}
	return holdsStem(a.Candidates[i-1].Text, a.Lang, wanted)
}

// holdsStem reports whether stems(text, lang) holds one of wanted.
func holdsStem(text, lang string, wanted []string) bool {
	held := func(w string) bool {
		s := stemOf(w)
		return s != "" && slices.Contains(wanted, s) && !refersBack(w, lang)
	}
	lower := textcase.Lower(text)
	start := -1 // of the field being read: the fields as strings.Fields cuts them
	for i, r := range lower {
		if !unicode.IsSpace(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && held(lower[start:i]) {
			return true
		}
		start = -1
	}
	return start >= 0 && held(lower[start:])
}

// leadingFields is s up to the end of its nth field as strings.Fields cuts it (all of s
// when it has fewer): strings.Fields of it are the first n of s.
func leadingFields(s string, n int) string {
	inField := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if inField {
				if n--; n == 0 {
					return s[:i]
				}
			}
			inField = false
			continue
		}
		inField = true
	}
	return s
}

// nounPhrase is what an article names, read from the words after it: two words ("scaling
// capability"), and two more after a word that links a noun to another ("labels for each
// level"); it ends at a clause's comma. A verb may come in ("weekly teams shipped"), which
// the title or the sentence before rarely repeat.
func nounPhrase(words []string, lang string) []string {
	links := nounLinks[lang]
	n := 2
	if len(words) > 2 && (links[words[1]] || links[words[2]]) {
		n = 5
	}
	var out []string
	for _, w := range words[:min(n, len(words))] {
		out = append(out, w)
		if strings.ContainsAny(w, ",;:") {
			break
		}
	}
	return out
}

// stems are the stems (stemOf) of text's words, but for the words that lean on what came
// before (extract's reference openers: "these", "their").
func stems(text, lang string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(textcase.Lower(text)) {
		if s := stemOf(w); s != "" && !refersBack(w, lang) {
			out[s] = true
		}
	}
	return out
}

// stemOf is a word's first five letters, so that "install" and "installation", "level"
// and "levels" meet; "" for a shorter word, which is mostly a function word.
func stemOf(w string) string {
	w = strings.TrimFunc(w, notLetter)
	// The first five runes are a prefix of w, unless w is not valid UTF-8 there.
	n := 0
	for i, r := range w {
		if r == utf8.RuneError {
			return stemOfRunes(w)
		}
		if n == 5 {
			return w[:i]
		}
		n++
	}
	if n < 5 {
		return ""
	}
	return w
}

// stemOfRunes is stemOf by its definition, for text that is not valid UTF-8.
func stemOfRunes(w string) string {
	r := []rune(strings.TrimFunc(w, notLetter))
	if len(r) < 5 {
		return ""
	}
	return string(r[:5])
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

func refersBack(w, lang string) bool {
	return referenceOpeners[lang][w] || referenceOpeners["en"][w]
}

// The word lists read per sentence, as sets.
var (
	definiteArticles = parse.WordSets(marks.Articles)
	nounLinks        = parse.WordSets(marks.NounLinks)
	referenceOpeners = parse.WordSets(marks.ReferenceOpeners)
)

// StatAlone reports a sentence that reads as a stat with no sentence around it: five
// words or more ("No-show al 13,8%." is a label and its value), and in under eight, a
// share, a multiple, an amount or a change ("Reserve 30 minutos fixos por semana." is a
// tip with a duration, "Projete por cliente os 10 maiores." a step with a count); no
// advice on what not to do.
func StatAlone(text, lang string) bool {
	if lang == "en" && negativeImperative.MatchString(text) {
		return false // "Don't try to reach 100% across the network at once.": advice
	}
	n := len(strings.Fields(text))
	if lang == "ja" || lang == "zh" {
		n = utf8.RuneCountInString(text) / 3 // about three characters a word
	}
	return n >= 5 && (n >= 8 || figures.Result(text))
}

// negativeImperative opens advice on what not to do.
var negativeImperative = regexp.MustCompile(`^(?i:don['’]t|do not|never|avoid)\s`)
