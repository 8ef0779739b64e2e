package extract

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/repurpose/repurpose/extract/lean"

	"github.com/coregx/ahocorasick"

	"github.com/repurpose/repurpose/extract/figures"
	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// hookStrength weighs what stops a stranger's scroll beyond a sentence's centrality: a
// figure (most of all with a comparison), a contrast, a consequence (because, so that,
// leads to), a stake, a recommendation, a question to the reader. Definitions, truisms
// ("X is essential"), inventories of parts and hedged claims weigh less. The first post
// on each channel is the strongest hook, not the most typical sentence.
func hookStrength(c *Candidate, lang string) (f float64, finding bool) {
	f = 1.0
	var buf [320]byte // most sentences: their lower case without a heap allocation
	found := hookMarksFor(lang).in(textcase.AppendLower(buf[:0], c.Text))
	has := func(set hookSet) bool { return found&(1<<set) != 0 }
	// Two facts side by side ("…, while the platform is the thinnest layer") contrast
	// only with what is at stake in them.
	contrasts := has(contrast) || has(juxtaposed) && (has(statedStake) || has(risk) || measured(c.Text, lang))
	if c.Stat && (has(definition) || has(headcount)) && !has(comparison) {
		// "Norrvik is a building materials company — 4,200 employees, €1.6 billion
		// revenue", "Una cava di porfido, con 46 dipendenti…": a profile's sizes, not a
		// finding, nor a stat to post.
		c.Stat = false
	}
	basis := has(studyBasis) && !has(comparison) && !strings.ContainsAny(c.Text, "%％") && !figures.Change(c.Text)
	if basis {
		c.Stat = false // "…closed 214 engagements across North America": what the study rests on
	}
	if c.Stat {
		f *= 1.8
		if has(comparison) {
			f *= 1.2
		}
		finding = true
	} else if contrasts {
		f *= 1.15 // a contrast in words
		finding = true
	}
	c.contrast = contrasts
	if Question(c.Text) {
		f *= 1.1
	}
	if has(consequence) {
		f *= 1.15 // a claim with its consequence or reason
		finding = true
	}
	switch {
	case basis:
		f *= 0.6 // "Brightwell surveyed 486 leaders…": how a study was made, not what it found
	case has(definition):
		f *= 0.6 // a definition tells a stranger what, not why it matters
	case has(truism):
		f *= 0.6 // "security is essential": true everywhere, news nowhere
	case has(risk):
		f *= 1.3 // what goes wrong: an attacker, an outage, resistance, waste
		finding = true
	case has(statedStake):
		f *= 1.2 // a consequence: what is gained, lost or risked (not only aimed at)
		finding = true
	}
	if has(advice) {
		c.advice = true
		// "Teams should review every change within a day" says what to do; "policies
		// should follow best practices" is a truism in the imperative.
		if measured(c.Text, lang) {
			f *= 1.1
		}
	}
	if has(hedge) {
		f *= 0.85 // "might help", "can be used": a possibility, not a finding
	}
	if has(fluff) {
		f *= 0.8 // "a comprehensive, holistic approach": adjectives instead of a claim
	}
	if !c.Stat && inventory(c.Text) {
		f *= 0.8 // a list of parts ("including A, B, C and D") describes, it does not claim
	}
	if long(c.Text, lang) {
		f *= 0.9 // a stranger reads a feed's first line, not a paragraph in one sentence
	}
	return f, finding && f > 1
}

// Question reports a sentence that asks: it may open a post to a reader, but it states
// no finding, takeaway or description of a page.
func Question(text string) bool {
	return strings.HasSuffix(text, "?") || strings.HasSuffix(text, "？")
}

// measured reports a sentence that holds a measure: a figure, or a number or unit
// written as a word ("within one working day", "twice a week").
func measured(text, lang string) bool {
	if strings.ContainsAny(text, "0123456789") {
		return true
	}
	words := marks.Measure[lang]
	if len(words) == 0 {
		return false
	}
	// " " + its lower case + " ", in a buffer on the stack for most sentences, read once
	// for all the marks.
	var buf [320]byte
	padded := append(textcase.AppendLower(append(buf[:0], ' '), text), ' ')
	return marks.In(unsafe.String(&padded[0], len(padded)), words)
}

// long reports a sentence too long to read as a feed's opening line: more than 32 words,
// or 90 characters in Chinese and Japanese.
func long(text, lang string) bool {
	if lang == "ja" || lang == "zh" {
		return utf8.RuneCountInString(text) > 90
	}
	return moreFields(text, 32)
}

// moreFields reports whether text has more than n fields as strings.Fields cuts it,
// counting them without making the slice.
func moreFields(text string, n int) bool {
	fields, inField := 0, false
	for _, r := range text {
		var space bool
		if r < utf8.RuneSelf {
			space = asciiSpace[r]
		} else {
			space = unicode.IsSpace(r)
		}
		if !space && !inField {
			if fields++; fields > n {
				return true
			}
		}
		inField = !space
	}
	return false
}

// asciiSpace are the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isLatin reports a language written in the Latin alphabet, where English marks (a
// quoted "rather than") can occur in the text too.
func isLatin(lang string) bool { return lang != "ja" && lang != "zh" && lang != "ko" }

// inventory reports a sentence that is mostly an enumeration: four or more list
// separators.
func inventory(text string) bool {
	return strings.Count(text, ", ")+strings.Count(text, "、")+strings.Count(text, "，") >= 4
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// rankHooks orders the postable candidates by score times hook strength: a.hooks.
func (a *Analysis) rankHooks() {
	headline := lean.TitleFigures(a.Doc.Title)
	for i := range a.Candidates {
		c := &a.Candidates[i]
		if c.Score > 0 {
			a.hooks = append(a.hooks, i)
			c.hook, c.finding = hookStrength(c, a.Lang)
			// The result a title states ("Lirola cuts empty kilometres by 23%") is the
			// one the document leads with: the sentence that gives its figure opens.
			if c.Stat && slices.ContainsFunc(headline, func(f string) bool { return lean.HoldsFigure(c.Text, f) }) {
				c.hook *= 1.25
			}
		}
	}
	slices.SortStableFunc(a.hooks, func(i, j int) int { return cmp.Compare(a.Candidates[j].Weight(), a.Candidates[i].Weight()) })
}

// Judged reports whether the kind of claim each sentence makes is known: the marks of
// the document's language (a figure, a risk, a stake, a definition…) are built in.
// Without them every sentence weighs as a plain claim, and a generator that asks for a
// finding would find none in a document full of them.
func (a *Analysis) Judged() bool { return len(marks.Stakes[a.Lang]) > 0 }

// ByHook are the postable candidates, the strongest hook first (Weight).
func (a *Analysis) ByHook() []int { return a.hooks }

// Weight is how strong an opening the candidate makes: its centrality times its hook
// strength cubed. Centrality varies by a factor of two or three among a document's best
// sentences, and the most central is the most typical, which is rarely the most
// striking: the kind of sentence (a figure, a contrast, a consequence) must outweigh it.
func (c *Candidate) Weight() float64 { return c.Score * c.hook * c.hook * c.hook }

// Strong reports a sentence that gives a stranger a reason to stop: a figure, a
// contrast, a consequence, a stake, a risk, a recommendation with its measure or a
// question, and not a definition, a truism, a hedge or fluff.
func (c *Candidate) Strong() bool { return c.hook > 1 }

// plainClaim reports a sentence that is neither strong nor weak: a claim without a
// figure, contrast or stake, but no definition, truism, hedge or fluff either.
func (c *Candidate) plainClaim() bool { return c.hook >= 1 }

// Contrasts reports a sentence that sets two things against each other in words
// (marks.Contrast), not against an unnamed past (marks.VagueComparison).
func (c *Candidate) Contrasts() bool { return c.contrast }

// Finding reports a strong sentence that states something found rather than advised or
// asked: a figure, a contrast, a consequence or a stake. It opens a post that must
// stop the scroll in its first line.
func (c *Candidate) Finding() bool { return c.finding }

// BestHook is the strongest hook not in exclude that fits, or -1: a finding (a figure,
// a contrast, a consequence, a stake) when there is one, else another strong sentence (a
// measured recommendation, a question), else a plain claim; never a definition, a
// truism, a hedge or fluff, however central: the post is left out rather than led by
// one.
func (a *Analysis) BestHook(exclude map[int]bool, fits func(c *Candidate) bool) int {
	tiers := []func(c *Candidate) bool{(*Candidate).Finding, (*Candidate).Strong, (*Candidate).plainClaim}
	for _, tier := range tiers {
		for _, i := range a.hooks {
			if c := &a.Candidates[i]; !exclude[i] && tier(c) && fits(c) {
				return i
			}
		}
	}
	return -1
}

// Payoff is the sentence to end a post series on, before its call to action, or -1: the
// strongest recommendation (what to do) or strong sentence of the document's closing
// quarter (its conclusion), not in exclude, that fits; else a list item of the closing
// quarter (closing lists are mostly steps to take: "Fix the system, then share what
// you learned.").
func (a *Analysis) Payoff(exclude map[int]bool, fits func(c *Candidate) bool) int {
	closing := len(a.Candidates) * 3 / 4
	for _, strong := range []bool{true, false} {
		for _, i := range a.hooks {
			c := &a.Candidates[i]
			ok := c.advice && c.hook >= 1 || c.Strong() && c.Pos >= closing
			if !strong {
				ok = c.para < 0 && c.Pos >= closing
			}
			if ok && !exclude[i] && fits(c) {
				return i
			}
		}
	}
	return -1
}

// hookSet names a list of marks that hookStrength looks for.
type hookSet uint

const (
	comparison hookSet = iota
	contrast
	consequence
	definition
	truism
	stakes
	advice
	hedge
	risk
	fluff
	// statedStake: a stakes mark that is not an aim ("reduces", not "to reduce") nor a
	// possibility ("can reduce").
	statedStake
	possible
	vague
	juxtaposed
	additive
	notOnly
	riskField
	headcount
	studyBasis
)

// hookLists are the lists of marks by the set they make up.
var hookLists = [...]map[string][]string{comparison: marks.Comparison, contrast: marks.Contrast, consequence: marks.Consequence,
	definition: marks.Definition, truism: marks.Truism, stakes: marks.Stakes, advice: marks.Advice, hedge: marks.Hedge,
	risk: marks.Risk, fluff: marks.Fluff, possible: marks.Possibility, vague: marks.VagueComparison,
	juxtaposed: marks.Juxtaposition, additive: marks.Additive, notOnly: marks.NotOnly,
	riskField: marks.RiskField, headcount: marks.Headcount, studyBasis: marks.StudyBasis}

// hookMarks finds in one pass over a sentence which of the hook lists it holds: each
// list is a few dozen substrings per language (with English's for Latin scripts), and
// searching them one by one was most of hookStrength's time.
type hookMarks struct {
	ac       *ahocorasick.Automaton
	sets     []uint32        // per pattern, the hookSets (as bits) it belongs to
	purposes map[string]bool // marks.Purposes: a stake after one is an aim
}

func (m *hookMarks) in(lower []byte) (found uint32) {
	matches := m.ac.FindAllOverlapping(lower)
	modal := len(lower)  // where the first modal ("can", "puede") starts
	var vagueAt [][2]int // where a vague comparison is ("than ever"): no contrast there
	var alsoAt [][2]int  // where "but also" is: no contrast there, nor at "not only" before it
	var fieldAt [][2]int // where a field of work on risks is named ("risk management"): no risk there
	for _, match := range matches {
		sets := m.sets[match.PatternID]
		if sets&(1<<possible) != 0 {
			modal = min(modal, match.Start)
		}
		if sets&(1<<vague) != 0 {
			vagueAt = append(vagueAt, [2]int{match.Start, match.End})
		}
		if sets&(1<<additive) != 0 {
			alsoAt = append(alsoAt, [2]int{match.Start, match.End})
		}
		if sets&(1<<riskField) != 0 {
			fieldAt = append(fieldAt, [2]int{match.Start, match.End})
		}
	}
	overlaps := func(spans [][2]int, start, end int) bool {
		return slices.ContainsFunc(spans, func(v [2]int) bool { return start < v[1] && v[0] < end })
	}
	for _, match := range matches {
		sets := m.sets[match.PatternID]
		if sets&(1<<contrast) != 0 && overlaps(vagueAt, match.Start, match.End) {
			sets &^= 1 << contrast
		}
		if overlaps(alsoAt, match.Start, match.End) ||
			sets&(1<<notOnly) != 0 && slices.ContainsFunc(alsoAt, func(v [2]int) bool { return match.End <= v[0] }) {
			sets &^= 1<<contrast | 1<<comparison
		}
		if overlaps(fieldAt, match.Start, match.End) {
			sets &^= 1<<risk | 1<<stakes
		}
		found |= sets
		if sets&(1<<stakes) != 0 && match.Start < modal && !m.purposes[lastWord(lower[:match.Start])] {
			found |= 1 << statedStake
		}
	}
	return found
}

// withElisions is marks with, in a language that elides its articles before a vowel
// ("l'attacco", "un'interruzione", "d'attaque"), each mark that opens a word on a vowel
// or h also after an apostrophe: the word starts there, not after a space.
func withElisions(lang string, marks []string) []string {
	if lang != "it" && lang != "fr" {
		return marks
	}
	out := slices.Clone(marks)
	for _, p := range marks {
		if len(p) < 2 || p[0] != ' ' {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(p[1:]); strings.ContainsRune("aeiouhàèéìòù", first) {
			out = append(out, "'"+p[1:], "’"+p[1:])
		}
	}
	return out
}

// lastWord is the last word of b, spaces at its end left out.
func lastWord(b []byte) string {
	b = bytes.TrimRight(b, " ")
	return string(b[bytes.LastIndexByte(b, ' ')+1:])
}

// newHookMarks gathers lang's marks: its own lists, and English's where English words
// can stand in its text (definitions in any language but English's own).
func newHookMarks(lang string) *hookMarks {
	m := &hookMarks{purposes: parse.WordSet(marks.Purposes[lang])}
	if lang != "en" && isLatin(lang) {
		maps.Copy(m.purposes, parse.WordSet(marks.Purposes["en"]))
	}
	id := map[string]int{}
	add := func(p string, set hookSet) {
		i, ok := id[p]
		if !ok {
			i = len(m.sets)
			id[p] = i
			m.sets = append(m.sets, 0)
		}
		m.sets[i] |= 1 << set
	}
	for set, marks := range hookLists {
		for _, p := range withElisions(lang, marks[lang]) {
			add(p, hookSet(set))
		}
		if lang != "en" && (isLatin(lang) || hookSet(set) == definition) {
			for _, p := range marks["en"] {
				add(p, hookSet(set))
			}
		}
	}
	patterns := make([]string, len(m.sets))
	for p, i := range id {
		patterns[i] = p
	}
	ac, err := ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostFirst).AddStrings(patterns).Build()
	if err != nil {
		panic("extract: hook marks: " + err.Error())
	}
	m.ac = ac
	return m
}

// hookMarksByLang holds each built-in language's marks; "" is every other language's.
var hookMarksByLang = sync.OnceValue(func() map[string]*hookMarks {
	out := map[string]*hookMarks{"": newHookMarks("")}
	for _, lang := range Languages {
		out[lang] = newHookMarks(lang)
	}
	return out
})

func hookMarksFor(lang string) *hookMarks {
	if m, ok := hookMarksByLang()[lang]; ok {
		return m
	}
	return hookMarksByLang()[""]
}
