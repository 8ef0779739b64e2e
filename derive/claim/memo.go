package claim

import (
	"regexp"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/extract/figures"
)

// Memo compares a document's sentences, reading each once: a series or a set of snippets
// compares every pick with every other.
type Memo struct {
	lang    string
	words   map[string]map[string]bool // Words by sentence
	figures map[string]string          // figures.Figure by sentence
}

// NewMemo is a Memo for sentences in lang.
func NewMemo(lang string) *Memo {
	return &Memo{lang: lang, words: map[string]map[string]bool{}, figures: map[string]string{}}
}

// Same reports two sentences that say the same: SameWords, or the same finding.
func (m *Memo) Same(a, b string) bool {
	return SameWords(m.wordsOf(a), m.wordsOf(b)) || m.SameFinding(a, b)
}

// SameFinding reports one finding said twice in other words ("61% name inaccurate
// ETAs…", "61% of respondents rank inaccurate or missing ETAs…"): the same figure, and
// three words of its subject.
func (m *Memo) SameFinding(a, b string) bool {
	if !strings.ContainsAny(a, digits) || !strings.ContainsAny(b, digits) {
		return false
	}
	f := m.figure(a)
	if f == "" || f != m.figure(b) {
		return false
	}
	wa, wb := m.wordsOf(a), m.wordsOf(b)
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return shared >= 3
}

// Repeats reports a sentence that says what said says, in other words (Same), and no
// figure of its own: "waste fell from 4,200 to 2,600 euros" after "waste reached 4,200
// euros" is news, though most of its words are.
func (m *Memo) Repeats(text, said string) bool {
	if !m.Same(text, said) {
		return false
	}
	for _, f := range digitRuns.FindAllString(text, -1) {
		if !strings.Contains(said, f) {
			return false
		}
	}
	return true
}

const digits = "0123456789"

var digitRuns = regexp.MustCompile(`[0-9][0-9.,]*[0-9]|[0-9]`)

func (m *Memo) wordsOf(s string) map[string]bool {
	w, ok := m.words[s]
	if !ok {
		w = Words(s, m.lang)
		m.words[s] = w
	}
	return w
}

func (m *Memo) figure(s string) string {
	f, ok := m.figures[s]
	if !ok {
		f = figures.Figure(s)
		m.figures[s] = f
	}
	return f
}

// FiguresSaid reports a sentence with figures, each of them a figure of said already
// (whole: "4" is not in "14").
func FiguresSaid(text, said string) bool {
	found := digitRuns.FindAllString(text, -1)
	if len(found) == 0 {
		return false
	}
	before := digitRuns.FindAllString(said, -1)
	return !slices.ContainsFunc(found, func(f string) bool { return !slices.Contains(before, f) })
}
