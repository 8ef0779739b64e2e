package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/extract/whole"
	"github.com/repurpose/repurpose/internal/regexsample"
	"github.com/repurpose/repurpose/internal/testdocs"
)

// The cheap check before figureReference only spares work: on every sentence the
// pattern matches, it must let it run. Sentences are built from random strings the
// pattern matches (any case, the long s and the Kelvin sign included), set in random
// surroundings.
func TestPatternPrechecksLetEveryMatchThrough(t *testing.T) {
	surroundings := []string{"", " ", "The platform ", "平台", "x.", "(", "see ", ": ", "Status", "2024 "}
	figures := regexsample.New(figureReference)
	matched := 0
	for range 20000 {
		s := figures.Pick(surroundings) + figures.Next() + figures.Pick(surroundings)
		if figureReference.MatchString(s) {
			matched++
			if !containsAny(strings.ToLower(s), figureStems) {
				t.Fatalf("%q: figureReference matches, but no figure stem is found in its lower case", s)
			}
		}
	}
	if matched < 5000 {
		t.Errorf("only %d of 20,000 sentences matched the pattern", matched)
	}
}

// sameWords reads ASCII without table look-ups; it must fold as the general function it
// stands for does.
func TestSameWordsAsStringsMap(t *testing.T) {
	for _, s := range testdocs.Lines(t, "It's the team’s call: 3 teams, 40% faster!", "İstanbul KELVIN ΣΊΣΥΦΟΣ", "bad \xff\xfe utf-8 \xe2\x80", "A_B^C[D]@E`F{G}", "١٢٣ digits") {
		want := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
		if got := sameWords(s); got != want {
			t.Fatalf("sameWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// balanced stops at the first closer without an opener; it must agree with checking
// every depth after every character.
func TestBalancedAgreesWithCheckingEveryDepth(t *testing.T) {
	lines := testdocs.Lines(t, `a (b) [c] "d"`, "(（a）)", "a)(", "«a» “b” 「c」『d』", `"a`, "]", "（）)")
	lines = append(lines, testdocs.Random(rand.New(rand.NewPCG(3, 4)), strings.Split("ab (（)）[]“”「」『』«»\"", ""), 8)...)
	for _, s := range lines {
		if got, want := whole.Balanced(s), referenceBalanced(s); got != want {
			t.Fatalf("balanced(%q) = %v, want %v", s, got, want)
		}
	}
}

// referenceBalanced is balanced as it was first written: every depth checked after every
// character.
func referenceBalanced(text string) bool {
	var depth [4]int
	straight := 0
	for _, r := range text {
		switch r {
		case '(', '（':
			depth[0]++
		case ')', '）':
			depth[0]--
		case '[':
			depth[1]++
		case ']':
			depth[1]--
		case '“', '「', '『':
			depth[2]++
		case '”', '」', '』':
			depth[2]--
		case '«':
			depth[3]++
		case '»':
			depth[3]--
		case '"':
			straight++
		}
		for _, d := range depth {
			if d < 0 {
				return false
			}
		}
	}
	return depth == [4]int{} && straight%2 == 0
}

// moreFields stands for counting strings.Fields in the hook checks; it must agree with
// it on every sentence, spaces beyond ASCII and broken UTF-8 included.
func TestFieldCountAgreesWithStringsFields(t *testing.T) {
	lines := testdocs.Lines(t, "It's the TEAM’s call:\t3 teams,\n40% faster!", "İstanbul KELVIN ΣΊΣΥΦΟΣ", "bad \xff\xfe utf-8 \xe2\x80", "a\u00a0b\u2003c\u3000d\u0085e", "")
	lines = append(lines, testdocs.Random(rand.New(rand.NewPCG(5, 6)), strings.Split("aZ \t\n\u00a0\u2003\u3000\u0085\u200bİK\u212aß,", ""), 12)...)
	for _, s := range lines {
		n := len(strings.Fields(s))
		for _, limit := range []int{0, 1, max(n-1, 0), n, n + 1, 32} {
			if got, want := moreFields(s, limit), n > limit; got != want {
				t.Fatalf("moreFields(%q, %d) = %v, strings.Fields has %d", s, limit, got, n)
			}
		}
	}
}

// holds finds every phrase list of a language in one pass; it must find what searching
// the sentence for each phrase of each list finds, on the corpus's lines and on random
// text made of the lists' phrases and their pieces.
func TestHoldsAgreesWithASearchPerPhrase(t *testing.T) {
	langs := append(slices.Clone(Languages), "", "ru", "sv")
	var pieces []string
	for _, lang := range langs {
		pl := phraseListsFor(lang)
		for k := range pl.first {
			p := string(pl.ac.Pattern(k))
			pieces = append(pieces, p, p[:len(p)/2], p[len(p)/2:])
		}
	}
	pieces = append(pieces, " ", " ", "a", "日", "\xe2", ".")
	lines := append(testdocs.Lines(t), testdocs.Random(rand.New(rand.NewPCG(5, 6)), pieces, 6)...)
	for _, lang := range langs {
		indexes := [4]*phraseIndex{phrasesFor(documentPhraseIndex, lang), phrasesFor(counterViewIndex, lang), anotherOneFor(lang), phrasesFor(caveatIndex, lang)}
		for _, s := range lines {
			v := viewOf(s)
			for i := range 9 {
				want := false
				switch i {
				case 4: // the CJK ones were looked for in the text as it is
					want = containsAny(v.text, marks.BackReferencesCJK[lang]) || containsAny(v.lower, marks.BackReferencePhrases[lang])
				case 5:
					want = containsAny(v.text, marks.VoiceCJK[lang])
				case 6:
					want = containsAny(v.lower, marks.Suffices[lang])
				case 7:
					want = containsAny(v.lower, figureStems)
				case 8:
					want = containsAny(v.text, glossaryDashes)
				default:
					ix := indexes[i]
					for k := 0; ix != nil && k < len(ix.phrases) && !want; k++ {
						want = strings.Contains(v.lower, ix.phrases[k]) && (ix.first[k] == "" || slices.Contains(v.words, ix.first[k]))
					}
				}
				if got := v.holds(lang, 1<<i); got != want {
					t.Fatalf("%s %q: holds(%d) = %v, a search per phrase says %v", lang, s, 1<<i, got, want)
				}
			}
		}
	}
}

// opensWithReference lower-cases the sentence's opening into a buffer on the stack; it
// must answer as lower-casing with strings.ToLower and reading the strings does, on the
// corpus's lines and on random openings of the reference words and phrases in any case.
func TestOpensWithReferenceAgreesWithStringsToLower(t *testing.T) {
	byStrings := func(text, lang string) bool {
		if _, ok := marks.ReferenceOpenersCJK[lang]; ok && lang != "ko" {
			return opensWithReference(text, lang) // the CJK openers are no lower-casing
		}
		if slices.ContainsFunc(marks.ReferenceOpenersCJK[lang], func(p string) bool { return strings.HasPrefix(text, p) }) {
			return true
		}
		text = strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
		opening := strings.ToLower(text[:min(len(text), 40)])
		if opening != "" && slices.ContainsFunc(referencePhrasesFor(lang)[opening[0]], func(p string) bool { return strings.HasPrefix(opening, p) }) {
			return true
		}
		end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		if end < 0 {
			end = len(text)
		}
		if strings.HasPrefix(text[end:], "-") {
			return false
		}
		word := strings.ReplaceAll(strings.ToLower(text[:end]), "’", "'")
		if base, _, _ := strings.Cut(word, "'"); len(base) > 1 {
			word = base
		}
		next, _, _ := strings.Cut(strings.TrimLeft(text[end:], " "), " ")
		return word == "one" && strings.HasSuffix(next, "ed") && next != "hundred" || referenceOpeners[lang][word] || referenceOpeners["en"][word]
	}
	pieces := []string{" ", "-", "'", "’", "s ", "ed ", "One", "ONE", "İ", "K", "\xff", "(", "1. "}
	for _, set := range referenceOpeners {
		for w := range set {
			pieces = append(pieces, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
		}
	}
	for _, ps := range referencePhrasesFor("en") {
		pieces = append(pieces, ps...)
	}
	lines := append(testdocs.Lines(t, "One estimated", "One hundred", "One team", "They’re", "It's"), testdocs.Random(rand.New(rand.NewPCG(15, 16)), pieces, 6)...)
	for _, s := range lines {
		for _, lang := range Languages {
			if got, want := opensWithReference(s, lang), byStrings(s, lang); got != want {
				t.Fatalf("%s: opensWithReference(%q) = %v, by strings %v", lang, s, got, want)
			}
		}
	}
}

// measured reads its marks in a lower case made on the stack, all at once (marks.In); it
// must answer as a search of strings.ToLower's for each mark does.
func TestMeasuredAgreesWithASearchPerMark(t *testing.T) {
	pieces := []string{" ", "Twice", "ONE", "per", "İ", "K", "\xff", "."}
	for _, l := range marks.Measure {
		for _, m := range l {
			pieces = append(pieces, m, strings.ToUpper(m), m[:len(m)/2], m[len(m)/2:])
		}
	}
	lines := append(testdocs.Lines(t, ""), testdocs.Random(rand.New(rand.NewPCG(17, 18)), pieces, 8)...)
	for _, s := range lines {
		if strings.ContainsAny(s, "0123456789") {
			continue
		}
		for _, lang := range Languages {
			lower := " " + strings.ToLower(s) + " "
			want := slices.ContainsFunc(marks.Measure[lang], func(m string) bool { return strings.Contains(lower, m) })
			if got := measured(s, lang); got != want {
				t.Fatalf("%s: measured(%q) = %v, a search per mark says %v", lang, s, got, want)
			}
		}
	}
}

// A sentence view lower-cases into a buffer it reuses; set after set, on the corpus's
// lines, its lower case and words must be strings.ToLower's and its checks answer as a
// new view's do.
func TestAReusedViewReadsAsANewOne(t *testing.T) {
	var v, w sentenceView
	for k, s := range testdocs.Lines(t, "", "İSTANBUL", "bad \xff utf-8") {
		v.set(s)
		if lower := strings.ToLower(s); v.lower != lower || !slices.Equal(v.words, wordsOf(lower)) {
			t.Fatalf("view of %q: %q %q, want %q %q", s, v.lower, v.words, lower, wordsOf(lower))
		}
		lang := Languages[k%len(Languages)]
		if got, want := postable(s, lang, &w), Postable(s, lang); got != want {
			t.Fatalf("%s: postable(%q) with a reused view = %v, Postable says %v", lang, s, got, want)
		}
	}
}
