// Package extract reads a parsed Document for what posts are made of: its sentences
// ranked by TF-IDF and position, which of them stand alone (postable), hooks, statistics,
// quotations and keywords, with boilerplate sections set aside. It is pure: no I/O.
package extract

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/figures"
	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/extract/sections"
	"github.com/repurpose/repurpose/extract/tighten"
	"github.com/repurpose/repurpose/extract/whole"
	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// Candidate is a sentence of the document that a derivative may quote.
type Candidate struct {
	Text     string  // as it is posted alone (tighten.Alone)
	Section  int     // index into Document.Sections
	para     int     // paragraph index in the section; -1 for a list item
	sentence int     // sentence index in the paragraph
	Pos      int     // order in the document
	terms    []int32 // distinct term IDs
	Score    float64
	hook     float64 // hookStrength, for the postable
	finding  bool    // hookStrength's finding
	advice   bool    // a recommendation (marks.Advice)
	contrast bool    // a contrast in words (Contrasts)
	Stat     bool    // states a figure (figures.Stat) that is a finding
	// illustration: states a figure from an example or a made-up case; never posted.
	illustration bool
	// heading: the text of one of the document's headings (a contents list, a running
	// header); never posted.
	heading bool
	// inQuote: a sentence inside a quotation that a sentence before it opened (an
	// example message, a speaker's second sentence); never posted as the brand's.
	inQuote bool
	// note: in a paragraph that is a note on the document ("Hinweis: …", parse.Note), or
	// labelled as a myth ("误区3：…", whole.Myth): never posted.
	note bool
	// same: where sameWords(Text) is in Analysis.sameWords.
	same [2]int32
	// joined: the sentence with the connective Text dropped ("However, …"), when it had
	// one; empty otherwise.
	joined string
}

// Joined is the sentence as it reads after the one before it, in a passage: with the
// connective ("However,", "此外，") that Text, posted alone, drops.
func (c *Candidate) Joined() string {
	if c.joined != "" {
		return c.joined
	}
	return c.Text
}

// Analysis is what every generator needs from a document, computed once per derive.From.
type Analysis struct {
	Doc   *parse.Document
	Lang  string
	vocab vocabulary
	// tf counts each term's occurrences in the whole document, df the sentences holding it.
	tf, df     []int
	Candidates []Candidate // document order
	// Ranked holds indexes into Candidates, best first (ties in document order); hooks holds
	// the postable ones, strongest hook first (rankHooks).
	Ranked, hooks []int
	// Paragraphs[section][para] are the sentences of each paragraph, for filling a
	// post with the sentences that follow a key one.
	Paragraphs [][][]int
	// termIDs backs every candidate's terms; word is eachTerm's buffer.
	termIDs []int32
	word    []byte
	// sameWords holds every candidate's sameWords, one after another (Candidate.same).
	sameWords []byte
	// skipped[section] marks boilerplate sections (contributors, references, …): their
	// sentences count for the document's vocabulary but are never posted.
	skipped []bool
}

// Analyze segments the document into sentences and ranks them.
func Analyze(doc *parse.Document) *Analysis {
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
	a := &Analysis{
		Doc:        doc,
		Lang:       langid.Base(doc.Lang),
		vocab:      make(vocabulary, size/32),
		tf:         make([]int, 0, size/32),
		df:         make([]int, 0, size/32),
		Candidates: make([]Candidate, 0, size/128),
		termIDs:    make([]int32, 0, size/8),
		sameWords:  make([]byte, 0, size),
	}
	headings := make(map[string]bool, len(doc.Sections))
	longestHeading := 0 // a longer sentence is none of them, and is not hashed to find out
	for _, s := range doc.Sections {
		k := sameWords(s.Heading)
		headings[k] = true
		longestHeading = max(longestHeading, len(k))
	}
	a.Paragraphs = make([][][]int, len(doc.Sections))
	a.skipped = sections.Boilerplate(doc)
	imagined, answers, cases := sections.Imagined(doc), sections.Answers(doc), sections.Cases(doc)
	baseline := sections.Baselines(doc) // a case's figures before: no stat, not its result
	// A worked example's every line leans on the case it makes up ("Chaque panne évitée
	// représente ainsi…", "The 50% deposit lands in March"), not only its figures.
	title := textcase.Lower(strings.TrimSpace(doc.Title))
	example := make([]bool, len(doc.Sections)) // a heading that frames its figures as an illustration
	notTitle := make([]bool, len(doc.Sections))
	for i, s := range doc.Sections {
		example[i] = figures.Hypothetical(s.Heading)
		notTitle[i] = example[i] && textcase.Lower(strings.TrimSpace(s.Heading)) != title
	}
	examples := sections.Under(doc, notTitle)
	for i, level := range sections.LevelDescriptions(doc) {
		a.skipped[i] = a.skipped[i] || level || imagined[i] || answers[i] || cases[i] || examples[i]
	}
	add := func(text string, sec, para, sent int, example bool) int {
		myth := false
		if sent == 0 {
			myth = whole.Myth(text)
			text = whole.WithoutLabel(text)
		}
		joined := tighten.Sentence(text, a.Lang)
		if text = tighten.Alone(joined, a.Lang); text == joined {
			joined = ""
		}
		stat := figures.Stat(text)
		// A figure from an example would be posted as a finding: never post it.
		illustration := stat && (example || figures.Hypothetical(text) || figures.Instance(text, a.Lang))
		a.Candidates = append(a.Candidates, Candidate{Text: text, Section: sec, para: para, sentence: sent, Pos: len(a.Candidates),
			terms: a.intern(text), Stat: stat && !illustration && !baseline[sec], illustration: illustration})
		// sameWords of the sentence, looked up without allocating, and kept for score.
		from := len(a.sameWords)
		a.sameWords = appendSameWords(a.sameWords, text)
		key := a.sameWords[from:]
		a.Candidates[len(a.Candidates)-1].same = [2]int32{int32(from), int32(len(a.sameWords))}
		a.Candidates[len(a.Candidates)-1].heading = len(key) <= longestHeading && headings[string(key)]
		a.Candidates[len(a.Candidates)-1].note = myth
		a.Candidates[len(a.Candidates)-1].joined = joined
		return len(a.Candidates) - 1
	}
	for si, s := range doc.Sections {
		example := example[si]
		a.Paragraphs[si] = make([][]int, len(s.Paragraphs))
		for pi, p := range s.Paragraphs {
			open, note := false, parse.Note(p)
			for k, sent := range parse.Sentences(p) {
				i := add(sent, si, pi, k, example)
				a.Candidates[i].inQuote, a.Candidates[i].note = open, note || a.Candidates[i].note
				open = whole.QuoteOpenAfter(sent, open)
				a.Paragraphs[si][pi] = append(a.Paragraphs[si][pi], i)
			}
		}
		for _, l := range s.Lists {
			for _, item := range l {
				for k, sent := range listSentences(item, a.Lang) {
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
func (a *Analysis) score() {
	n := len(a.Candidates)
	idf := make([]float64, len(a.df))
	for t, df := range a.df {
		idf[t] = math.Log(float64(n+1)/float64(df+1)) + 1
	}
	titleTerms := a.lookup(a.Doc.Title)
	headingTerms := make([][]int32, len(a.Doc.Sections))
	for i, s := range a.Doc.Sections {
		headingTerms[i] = a.lookup(s.Heading)
	}
	said := make(map[string]bool, len(a.Candidates))
	var v sentenceView // Postable's, for notAlone; its words' slice reused throughout
	for i := range a.Candidates {
		c := &a.Candidates[i]
		if a.skipped[c.Section] || c.illustration || c.heading || c.inQuote || c.note || !postable(c.Text, a.Lang, &v) || a.notAlone(c, &v) {
			continue // score 0: never picked
		}
		// A sentence the document repeats (in a summary, under two headings) is one
		// candidate: its first place.
		key := a.sameWords[c.same[0]:c.same[1]]
		if said[string(key)] {
			continue
		}
		said[string(key)] = true
		var dot, norm2 float64
		headingHits, titleHits := 0, 0
		for _, t := range c.terms {
			w := idf[t]
			dot += w * w * float64(a.tf[t])
			norm2 += w * w
			if containsID(headingTerms[c.Section], t) {
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
		s *= 1.2 - 0.3*float64(c.Pos)/float64(n) // earlier is more central
		if c.para >= 0 && c.sentence == 0 {
			s *= 1.15 // topic sentence
		}
		if c.para < 0 {
			s *= 0.8 // list items are often fragments
		}
		s *= a.standalone(c.Text)
		c.Score = s
	}
	a.Ranked = make([]int, n)
	for i := range a.Ranked {
		a.Ranked[i] = i
	}
	slices.SortStableFunc(a.Ranked, func(i, j int) int { return cmp.Compare(a.Candidates[j].Score, a.Candidates[i].Score) })
}

// notAlone reports a sentence that stands alone and still reads wrong alone: a caveat
// that withholds its answer ("it depends"), the first half of a contrast (the sentence
// after it opens with "However", "Sin embargo", "しかし", or does "the opposite": it
// states the view the author argues against), one of a string of questions. It is never picked:
// no lead, key point or thread point. A passage that reaches it goes on into the
// sentence after it (Followable lets "However, …" follow), so a contrast is posted whole.
func (a *Analysis) notAlone(c *Candidate, v *sentenceView) bool {
	if a.Lang == "en" && lean.ModelItem(c.Text, a.Doc.Sections[c.Section].Heading) {
		return true
	}
	if v.text != c.Text { // Postable turned it away before reading its words
		v.set(c.Text)
	}
	if !c.Stat && v.holds(a.Lang, caveatList) { // a figure that depends on something is still a finding
		return true
	}
	if c.para < 0 {
		return lean.NounHeadedItem(c.Text, a.Lang)
	}
	if Question(c.Text) && a.amongQuestions(c) {
		return true // "Wie meldt het incident? Wie belt de klanten? …": one of a string of questions, answered later
	}
	if a.answersTheQuestionBefore(c) {
		return true
	}
	if lean.OpensDefinite(v.words, a.Lang) && lean.NamesWhatCameBeforeIntroduced(v.words, a.proseBefore(c), a.Lang) {
		return true
	}
	next := a.Paragraphs[c.Section][c.para][c.sentence+1:]
	if len(next) == 0 && c.para+1 < len(a.Paragraphs[c.Section]) {
		next = a.Paragraphs[c.Section][c.para+1]
	}
	return len(next) > 0 && (lean.OpensContrast(a.Candidates[next[0]].Joined(), a.Lang) || lean.Reverses(a.Candidates[next[0]].Text, a.Lang))
}

// amongQuestions reports a sentence of a paragraph whose sentence before or after it is a
// question too.
func (a *Analysis) amongQuestions(c *Candidate) bool {
	para := a.Paragraphs[c.Section][c.para]
	return c.sentence > 0 && Question(a.Candidates[para[c.sentence-1]].Text) ||
		c.sentence+1 < len(para) && Question(a.Candidates[para[c.sentence+1]].Text)
}

var caveatIndex = perLang(marks.Caveat)

// answersTheQuestionBefore reports a sentence that opens as a reply (lean.Replies) to the
// question just before it, in its paragraph or as its heading ("Nicht zwingend, aber…"
// under "Brauche ich ein Cookie-Banner?", "¿Por qué importa tanto? Porque…"): alone, the
// post answers a question it never asked.
func (a *Analysis) answersTheQuestionBefore(c *Candidate) bool {
	var before string
	switch {
	case c.sentence > 0:
		before = a.Candidates[a.Paragraphs[c.Section][c.para][c.sentence-1]].Text
	case c.para == 0:
		before = a.Doc.Sections[c.Section].Heading
	}
	return Question(before) && lean.Replies(c.Text, a.Lang)
}

// proseBefore is the prose of c's section before it, up to lookBack sentences, in lower
// case: a case study names its customer once ("Northgate, a 410-bed community
// hospital") and says "the hospital" paragraphs later. The bound keeps a long section's
// cost linear.
func (a *Analysis) proseBefore(c *Candidate) string {
	var before []int
	for k := c.para; k >= 0 && len(before) < lookBack; k-- {
		para := a.Paragraphs[c.Section][k]
		if k == c.para {
			para = para[:c.sentence]
		}
		for s := len(para) - 1; s >= 0 && len(before) < lookBack; s-- {
			before = append(before, para[s])
		}
	}
	var b strings.Builder
	for k := len(before) - 1; k >= 0; k-- {
		b.WriteString(a.Candidates[before[k]].Text)
		b.WriteByte(' ')
	}
	return textcase.Lower(b.String())
}

// lookBack is how many sentences before a definite noun proseBefore reads for the
// indefinite one that introduced it.
const lookBack = 12

// standalone weighs what makes a sentence work out of context: a length of 60-220
// characters (half that in Japanese, which is denser), a full stop, no opening pronoun
// or connective pointing at a previous sentence, no URL or code.
func (a *Analysis) standalone(text string) float64 {
	f := 1.0
	n := utf8.RuneCountInString(text)
	lo, hi := 60, 220
	if a.Lang == "ja" {
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

// Boilerplate reports a section about the document rather than its subject
// (contributors, glossary, references, …): nothing in it is posted, quotes included.
func (a *Analysis) Boilerplate(section int) bool { return a.skipped[section] }

// KeyPoints picks the strongest sentence (hook strength times rank) of up to n different
// sections, skipping the candidates in exclude. When fewer than atLeast sections qualify, the
// next best sentences of any section fill up.
func (a *Analysis) KeyPoints(n, atLeast int, exclude map[int]bool) []int {
	var picked []int
	taken := map[int]bool{}
	usedSection := map[int]bool{}
	for _, i := range a.hooks { // the strongest first: a takeaway is read alone too
		c := a.Candidates[i]
		if len(picked) == n {
			break
		}
		if exclude[i] || usedSection[c.Section] || c.Score <= 0 {
			continue
		}
		usedSection[c.Section] = true
		taken[i] = true
		picked = append(picked, i)
	}
	for _, i := range a.Ranked {
		if len(picked) >= atLeast {
			break
		}
		if !exclude[i] && !taken[i] && a.Candidates[i].Score > 0 {
			taken[i] = true
			picked = append(picked, i)
		}
	}
	return picked
}

// SecondHook is another sentence of candidate i's section to open a post with, of the
// other kind of hook: its best figure when i states none, its best strong statement (a
// contrast, a consequence, a stake, a measured recommendation) when i is a figure; none
// already taken. The A/B test then compares kinds, not runners-up. A plain claim is no
// hook to test: editors rewrote or refused seven in ten of those second tweets
// ("Most procurement organizations know their direct suppliers well.").
func (a *Analysis) SecondHook(i int, taken map[int]bool) (int, bool) {
	c := a.Candidates[i]
	for _, j := range a.Ranked {
		o := a.Candidates[j]
		if j != i && !taken[j] && o.Section == c.Section && o.Score > 0 && o.Stat != c.Stat && o.Strong() {
			return j, true
		}
	}
	return 0, false
}

// rest is the candidate and the sentences after it in the same paragraph, up to one in
// stop (said elsewhere): what a post may fill its room with, whole sentences.
func (a *Analysis) Rest(i int, stop map[int]bool) []int {
	c := a.Candidates[i]
	out := []int{i}
	if c.para < 0 {
		return out
	}
	for _, j := range a.Paragraphs[c.Section][c.para][c.sentence+1:] {
		if stop[j] {
			break
		}
		out = append(out, j)
	}
	return out
}

// passage is the candidate and the sentences after it to the end of its section, up to
// one in stop: one coherent stretch of the document.
func (a *Analysis) Passage(i int, stop map[int]bool) []int {
	c := a.Candidates[i]
	out := []int{i}
	if c.para < 0 {
		return out
	}
	for pi, para := range a.Paragraphs[c.Section][c.para:] {
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
func listSentences(item, lang string) []string {
	sents := parse.Sentences(item)
	if len(sents) > 1 && whole.IsLabel(sents[0]) {
		sents = sents[1:]
	}
	// A finding listed in Japanese, Chinese or Korean often goes without its full stop
	// ("…「不動在庫」が、在庫金額の18.4％を占める"): a long item that states a figure is a
	// sentence, and ends as one. A shorter or figureless one stays a label.
	if n := len(sents); n > 0 && (lang == "ja" || lang == "zh" || lang == "ko") && !whole.Ends(sents[n-1]) &&
		utf8.RuneCountInString(sents[n-1]) >= 15 && figures.Stat(sents[n-1]) {
		stop := "。"
		if lang == "ko" {
			stop = "."
		}
		sents[n-1] = strings.TrimRight(sents[n-1], ";；,，、 ") + stop // "…为主要工作模式；"
	}
	return sents
}

// sameWords is a sentence as two copies of it compare, and as it is compared with the
// headings: its letters and digits in lower case.
func sameWords(text string) string { return string(appendSameWords(nil, text)) }

// appendSameWords appends sameWords(text) to dst. It runs on every sentence, so callers
// look its bytes up in a map without making a string of them.
func appendSameWords(dst []byte, text string) []byte {
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf: // most text: no table look-ups
			if c := byte(r) | 0x20; 'a' <= c && c <= 'z' {
				dst = append(dst, c)
			} else if '0' <= r && r <= '9' {
				dst = append(dst, byte(r))
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}
