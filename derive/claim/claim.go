// Package claim tells what kind of claim a sentence makes for the post series derive
// builds (a thread, a LinkedIn post, the key points): whether it is weighty enough for a
// series, opens a thread, says what another sentence says, or recalls pages a reader of
// a post never saw. The marks it reads are extract's (extract/marks) and a few of its own.
package claim

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/extract/segment"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// wishes open a claim as what ought to be rather than what is ("Ideally a project will
// be secure by default"): a hope, as weak an opening as a hedge.
var wishes = map[string][]string{
	"en": {" ideally"}, "es": {" idealmente"}, "pt": {" idealmente"}, "fr": {" idéalement"},
	"de": {" idealerweise"}, "it": {" idealmente"}, "nl": {" idealiter", " in het ideale geval"},
	"ja": {"理想的には"}, "zh": {"理想情况下", "理想的情况下"}, "ko": {"이상적으로"},
}

// marked reports whether text holds a mark of lang's list, or English's in a Latin text
// (English terms stand in translated documents too), as whole words where the mark says so.
func marked(list map[string][]string, text, lang string) bool {
	var buf [320]byte // most sentences: no heap allocation
	return markable(buf[:0], text, lang).has(list)
}

// A markableText is a sentence as marks are looked for in it: lower-cased and padded with
// a space at each end, made once for the several lists a check reads.
type markableText struct{ lower, lang string }

// markable is text as marks are looked for in it, written to buf (grown when short): it
// lasts as long as buf's bytes are not written again.
func markable(buf []byte, text, lang string) markableText {
	buf = append(textcase.AppendLower(append(buf, ' '), text), ' ')
	return markableText{unsafe.String(unsafe.SliceData(buf), len(buf)), langid.Base(lang)}
}

func (t markableText) has(list map[string][]string) bool {
	if containsAnyOf(t.lower, list[t.lang]) {
		return true
	}
	return t.lang != "en" && t.lang != "ja" && t.lang != "zh" && t.lang != "ko" && containsAnyOf(t.lower, list["en"])
}

// containsAnyOf reports whether s holds a mark of subs (marks.In).
func containsAnyOf(s string, subs []string) bool { return marks.In(s, subs) }

// Weighty reports a strong sentence that is a claim worth a post of its own in a series
// (a thread's hook or point, a LinkedIn takeaway): strong (extract's Strong), not hedged
// or wished for, and, when it says what should be done, with what is at stake in it: a
// figure or measure, a risk or a reason ("should be configured to prevent cloud account
// takeover"). A bare requirement ("An operator should be able to upgrade…") is strong
// only by a word such as "increase"; in a series it reads as a list of rules.
func Weighty(c *extract.Candidate, lang string) bool {
	if !c.Strong() {
		return false
	}
	var buf [320]byte
	t := markable(buf[:0], c.Text, lang)
	if !unhedged(t) {
		return false
	}
	if !t.has(marks.Advice) {
		return true
	}
	return c.Stat || strings.ContainsAny(c.Text, "0123456789") || t.has(marks.Measure) || t.has(marks.Risk) ||
		t.has(marks.Consequence)
}

// Firm reports a strong sentence (extract's Strong) that is not hedged or wished for
// ("Ideally the scaling action will be…"): a claim, if not always one with its stake.
func Firm(c *extract.Candidate, lang string) bool {
	var buf [320]byte
	return c.Strong() && unhedged(markable(buf[:0], c.Text, lang))
}

func unhedged(t markableText) bool { return !t.has(marks.Hedge) && !t.has(wishes) }

// Same reports two sentences that say much the same: most of the shorter one's
// content words (or, in Chinese and Japanese, its character pairs) are in the other.
// Two posts of one series, or two snippets, that share them read as one point twice.
func Same(a, b, lang string) bool { return SameWords(Words(a, lang), Words(b, lang)) }

// SameWords is Same of two sentences' Words, for a caller that compares each sentence
// with several.
func SameWords(wa, wb map[string]bool) bool {
	small, large := wa, wb
	if len(small) > len(large) {
		small, large = large, small
	}
	if len(small) < 3 {
		return false
	}
	shared := 0
	for w := range small {
		if large[w] {
			shared++
		}
	}
	return shared*10 >= len(small)*6
}

// Words are the words of a sentence that carry its subject: longer than three
// letters (a Korean word: two syllables or more), folded as keywords are (extract.PhraseKey); character pairs where words are
// not spaced.
func Words(text, lang string) map[string]bool {
	out := map[string]bool{}
	lang = langid.Base(lang)
	if lang == "ja" || lang == "zh" {
		var run []rune
		flush := func() {
			for i := 0; i+1 < len(run); i++ {
				out[string(run[i:i+2])] = true
			}
			run = run[:0]
		}
		for _, r := range text {
			if script.CJK(r) {
				run = append(run, r)
			} else {
				flush()
			}
		}
		flush()
	}
	for _, w := range parse.LettersAndDigits.Fields(text) {
		first, _ := utf8.DecodeRuneInString(w)
		if script.CJK(first) {
			continue
		}
		// A Korean word is a few syllables, each a letter of its own.
		if n := utf8.RuneCountInString(w); n > 3 || unicode.Is(unicode.Hangul, first) && n > 1 {
			if lang == "ko" {
				if strings.HasSuffix(w, "다") {
					continue // the sentence's last verb ("있습니다", "답했습니다"): how it ends, not what
				}
				w = koreanRoot(w)
			}
			out[extract.PhraseKey(w, lang)] = true
		}
	}
	return out
}

// koreanRoot is a Korean word without its particle ("이메일로": "이메일") or, for a verb
// made of a noun and 하다 or 되다, the noun ("관리하고", "관리하느냐는": "관리"): the
// same word, whatever ending the sentence gives it.
func koreanRoot(w string) string {
	w = segment.KoreanStem(w)
	if i := strings.IndexAny(w, "하되"); i >= 6 { // two syllables of three bytes before it
		return w[:i]
	}
	return w
}

// Recallings are words that recall what the document showed earlier, or the reader's
// way through it ("as was demonstrated", "in your journey so far", "you may have seen"):
// in a teaser, whose reader saw none of it, they point at nothing.
var Recallings = map[string][]string{
	"en": {"as was demonstrated", "as demonstrated", "as we have seen", "as we saw", "as you have seen", "as you saw",
		"you may have seen", "you have seen", "you might have seen", "your journey", "so far", "by now", "as explained",
		"as previously", "previously mentioned", "earlier in", "we have already", "you have already", "as before"},
	"es": {"como se demostró", "como se ha demostrado", "como hemos visto", "como vimos", "como se explicó", "hasta ahora",
		"su recorrido", "tu recorrido", "anteriormente", "ya hemos visto", "habrá visto", "habrás visto"},
	"pt": {"como foi demonstrado", "como demonstrado", "como vimos", "como já vimos", "como foi explicado", "até agora",
		"sua jornada", "anteriormente", "você pode ter visto"},
	"fr": {"comme démontré", "comme nous l'avons vu", "comme nous l’avons vu", "comme on l'a vu", "comme on l’a vu",
		"comme expliqué", "jusqu'ici", "jusqu’ici", "votre parcours", "précédemment", "vous avez peut-être vu"},
	"de": {"wie gezeigt", "wie wir gesehen haben", "wie bereits", "bisher", "ihrer reise", "deiner reise", "zuvor",
		"haben sie vielleicht", "hast du vielleicht"},
	"it": {"come dimostrato", "come abbiamo visto", "come visto", "come spiegato", "finora", "fino ad ora", "il tuo percorso",
		"il vostro percorso", "precedentemente", "in precedenza", "potresti aver visto"},
	"nl": {"zoals aangetoond", "zoals we zagen", "zoals we hebben gezien", "zoals eerder", "tot nu toe", "jouw reis", "uw reis",
		"eerder", "heb je misschien"},
	"ja": {"前述", "先に述べた", "これまで", "既に見た", "すでに見た", "ご覧になった", "見てきた"},
	"zh": {"如前所述", "前面提到", "上文", "到目前为止", "迄今为止", "我们已经看到", "您可能已经", "你可能已经"},
	"ko": {"앞서", "앞에서", "지금까지", "이미 살펴본", "보셨을"},
}

// RecallsTheReading reports a sentence that leans on the document's earlier pages or
// addresses the reader's way through it.
func RecallsTheReading(text, lang string) bool {
	return marked(Recallings, text, lang)
}

// Risky reports a sentence that says what goes wrong (marks.Risk): an attacker, a loss,
// resistance, waste.
func Risky(text, lang string) bool { return marked(marks.Risk, text, lang) }

// Advises reports a sentence that says what should be done (marks.Advice).
func Advises(text, lang string) bool { return marked(marks.Advice, text, lang) }

// Hook reports a sentence strong enough to open a thread, whose first post must
// earn the six after it: a weighty finding with a figure, a risk or a contrast. A gain in
// a word ("to increase productivity") or a reason alone makes a fair point inside a
// thread, and a truism at its head.
func Hook(c *extract.Candidate, lang string) bool {
	if extract.Question(c.Text) {
		return false // a checklist's question ("What steps are necessary in case of outages?") finds nothing
	}
	return c.Finding() && Weighty(c, lang) && (c.Stat || marked(marks.Risk, c.Text, lang) || c.Contrasts())
}

// Central is the median centrality (Score) of a document's postable sentences: a claim
// below it is far from what the document is about.
func Central(a *extract.Analysis) float64 {
	var scores []float64
	for _, i := range a.ByHook() {
		scores = append(scores, a.Candidates[i].Score)
	}
	if len(scores) == 0 {
		return 0
	}
	slices.Sort(scores)
	return scores[len(scores)/2]
}
