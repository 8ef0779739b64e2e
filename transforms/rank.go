package transforms

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// candidate is a sentence of the document that a derivative may quote.
type candidate struct {
	text     string
	section  int     // index into Document.Sections
	para     int     // paragraph index in the section; -1 for a list item
	sentence int     // sentence index in the paragraph
	pos      int     // order in the document
	terms    []int32 // distinct term IDs
	score    float64
	stat     bool // states a figure (isStat) that is a finding
	// illustration: states a figure from an example or a made-up case; never posted.
	illustration bool
}

// analysis is what every generator needs from a document, computed once per Derive.
type analysis struct {
	doc   *Document
	lang  string
	vocab vocabulary
	// tf counts each term's occurrences in the whole document, df the sentences holding it.
	tf, df []int
	cands  []candidate // document order
	// ranked holds indexes into cands, best first (ties in document order); hooks holds
	// the postable ones, strongest hook first (rankHooks).
	ranked, hooks []int
	// paragraphs[section][para] are the sentences of each paragraph, for filling a
	// post with the sentences that follow a key one.
	paragraphs [][][]int
	// termIDs backs every candidate's terms; word is eachTerm's buffer.
	termIDs []int32
	word    []byte
	// skipped[section] marks boilerplate sections (contributors, references, …): their
	// sentences count for the document's vocabulary but are never posted.
	skipped []bool
}

// analyze segments the document into sentences and ranks them.
func analyze(doc *Document) *analysis {
	// Sized for the corpus's rates (a sentence per 128 bytes of text, a term per 8, a
	// distinct one per 32), so the tables rarely grow.
	size := 0
	for _, s := range doc.Sections {
		for _, p := range s.Paragraphs {
			size += len(p)
		}
		for _, l := range s.Lists {
			for _, item := range l {
				size += len(item)
			}
		}
	}
	a := &analysis{
		doc:     doc,
		lang:    baseLang(doc.Lang),
		vocab:   make(vocabulary, size/32),
		tf:      make([]int, 0, size/32),
		df:      make([]int, 0, size/32),
		cands:   make([]candidate, 0, size/128),
		termIDs: make([]int32, 0, size/8),
	}
	a.paragraphs = make([][][]int, len(doc.Sections))
	a.skipped = boilerplate(doc)
	add := func(text string, sec, para, sent int, example bool) int {
		stat := isStat(text)
		// A figure from an example would be posted as a finding: never post it.
		illustration := stat && (example || hypothetical(text))
		a.cands = append(a.cands, candidate{text: text, section: sec, para: para, sentence: sent, pos: len(a.cands),
			terms: a.intern(text), stat: stat && !illustration, illustration: illustration})
		return len(a.cands) - 1
	}
	for si, s := range doc.Sections {
		example := hypothetical(s.Heading)
		a.paragraphs[si] = make([][]int, len(s.Paragraphs))
		for pi, p := range s.Paragraphs {
			for k, sent := range splitSentences(p) {
				a.paragraphs[si][pi] = append(a.paragraphs[si][pi], add(sent, si, pi, k, example))
			}
		}
		for _, l := range s.Lists {
			for _, item := range l {
				for k, sent := range listSentences(item) {
					add(sent, si, -1, k, example)
				}
			}
		}
	}
	a.score()
	a.rankHooks()
	return a
}

// score ranks sentences by TF-IDF: each sentence's cosine similarity to the document's
// term vector (what the whole text is about), weighted by where it sits, whether it
// echoes its heading or the title, its length, and whether it stands on its own.
func (a *analysis) score() {
	n := len(a.cands)
	idf := make([]float64, len(a.df))
	for t, df := range a.df {
		idf[t] = math.Log(float64(n+1)/float64(df+1)) + 1
	}
	titleTerms := a.lookup(a.doc.Title)
	headingTerms := make([][]int32, len(a.doc.Sections))
	for i, s := range a.doc.Sections {
		headingTerms[i] = a.lookup(s.Heading)
	}
	seen := make(map[string]bool, len(a.cands))
	for i := range a.cands {
		c := &a.cands[i]
		repeated := seen[c.text] // a sentence the document says twice is posted once
		seen[c.text] = true
		if repeated || a.skipped[c.section] || c.illustration || !postable(c.text, a.lang) {
			continue // score 0: never picked
		}
		var dot, norm2 float64
		headingHits, titleHits := 0, 0
		for _, t := range c.terms {
			w := idf[t]
			dot += w * w * float64(a.tf[t])
			norm2 += w * w
			if containsID(headingTerms[c.section], t) {
				headingHits++
			}
			if containsID(titleTerms, t) {
				titleHits++
			}
		}
		if norm2 == 0 {
			continue
		}
		s := dot / math.Sqrt(norm2)
		s *= 1 + 0.15*float64(min(headingHits, 3)) + 0.1*float64(min(titleHits, 3))
		s *= 1.2 - 0.3*float64(c.pos)/float64(n) // earlier is more central
		if c.para >= 0 && c.sentence == 0 {
			s *= 1.15 // topic sentence
		}
		if c.para < 0 {
			s *= 0.8 // list items are often fragments
		}
		s *= a.standalone(c.text)
		c.score = s
	}
	a.ranked = make([]int, n)
	for i := range a.ranked {
		a.ranked[i] = i
	}
	slices.SortStableFunc(a.ranked, func(i, j int) int { return cmp.Compare(a.cands[j].score, a.cands[i].score) })
}

// standalone weighs what makes a sentence work out of context: a length of 60-220
// characters (half that in Japanese, which is denser), a full stop, no opening pronoun
// or connective pointing at a previous sentence, no URL or code.
func (a *analysis) standalone(text string) float64 {
	f := 1.0
	n := utf8.RuneCountInString(text)
	lo, hi := 60, 220
	if a.lang == "ja" {
		lo, hi = 25, 110
	}
	switch {
	case n < lo/2:
		f *= 0.2
	case n < lo:
		f *= 0.5
	case n > hi:
		f *= float64(hi) / float64(n) * 0.7
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	switch {
	case last == ':' || last == '：':
		f *= 0.2 // introduces a list
	case last == '?' || last == '？':
		f *= 0.6
	case !strings.ContainsRune(".!。！»\"”)", last):
		f *= 0.7 // a fragment
	}
	if strings.Contains(text, "://") || strings.ContainsAny(text, "|`{}[]<>") {
		f *= 0.4
	}
	return f
}

// keyPoints picks the best sentence of up to n different sections, best first,
// skipping the candidates in exclude. When fewer than atLeast sections qualify, the
// next best sentences of any section fill up.
func (a *analysis) keyPoints(n, atLeast int, exclude map[int]bool) []int {
	var picked []int
	taken := map[int]bool{}
	usedSection := map[int]bool{}
	for _, i := range a.ranked {
		c := a.cands[i]
		if len(picked) == n {
			break
		}
		if exclude[i] || usedSection[c.section] || c.score <= 0 {
			continue
		}
		usedSection[c.section] = true
		taken[i] = true
		picked = append(picked, i)
	}
	for _, i := range a.ranked {
		if len(picked) >= atLeast {
			break
		}
		if !exclude[i] && !taken[i] && a.cands[i].score > 0 {
			taken[i] = true
			picked = append(picked, i)
		}
	}
	return picked
}

// secondHook is another sentence of candidate i's section to open a post with, of the
// other kind of hook: its best figure when i states none, its best statement when i is a
// figure; none already taken. The A/B test then compares kinds, not runners-up.
func (a *analysis) secondHook(i int, taken map[int]bool) (int, bool) {
	c := a.cands[i]
	for _, j := range a.ranked {
		o := a.cands[j]
		if j != i && !taken[j] && o.section == c.section && o.score > 0 && o.stat != c.stat {
			return j, true
		}
	}
	return 0, false
}

// rest is the candidate and the sentences after it in the same paragraph, up to one in
// stop (said elsewhere): what a post may fill its room with, whole sentences.
func (a *analysis) rest(i int, stop map[int]bool) []int {
	c := a.cands[i]
	out := []int{i}
	if c.para < 0 {
		return out
	}
	for _, j := range a.paragraphs[c.section][c.para][c.sentence+1:] {
		if stop[j] {
			break
		}
		out = append(out, j)
	}
	return out
}

// passage is the candidate and the sentences after it to the end of its section, up to
// one in stop: one coherent stretch of the document.
func (a *analysis) passage(i int, stop map[int]bool) []int {
	c := a.cands[i]
	out := []int{i}
	if c.para < 0 {
		return out
	}
	for pi, para := range a.paragraphs[c.section][c.para:] {
		from := 0
		if pi == 0 {
			from = c.sentence + 1
		}
		for _, j := range para[from:] {
			if stop[j] {
				return out
			}
			out = append(out, j)
		}
	}
	return out
}

// listSentences are the sentences of a list item, without the label that opens many
// ("Self-service. The platform…", "**文档和入门**。文档是…"): a few words that are not a
// sentence of their own.
func listSentences(item string) []string {
	sents := splitSentences(item)
	if len(sents) > 1 && isLabel(sents[0]) {
		sents = sents[1:]
	}
	return sents
}

// isLabel reports a short heading-like phrase: up to four words (eight characters in
// scripts without spaces) and no comma.
func isLabel(s string) bool {
	s = strings.TrimRight(s, ".:。：")
	if strings.ContainsAny(s, ",，、") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); isCJK(r) {
		return utf8.RuneCountInString(s) <= 8
	}
	return len(strings.Fields(s)) <= 4
}
