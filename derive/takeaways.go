package derive

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract/results"
	"github.com/repurpose/repurpose/extract/sections"
	"github.com/repurpose/repurpose/extract/tighten"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// Takeaway bounds shared by the LinkedIn post and the blog teaser.
const (
	minTakeaways   = 3
	maxTakeaways   = 5
	takeawayChars  = 180
	introChars     = 500
	metaDescChars  = 160
	minUsefulChars = 20
)

// takeaways are up to n key sentences from different sections (filled from any
// section on short documents), in document order, each whole, at most chars long and
// read alone.
// Sentences in exclude, or already said in the intro, are left out; the picks are added
// to exclude, so what follows does not repeat them.
func (d *deriver) takeaways(exclude map[int]bool, intro string, chars, n int) []string {
	d.excludeSaid(exclude, intro)
	// A key point is read alone, in a list: not one that opens with its list's label or
	// names, as known, what only the sentence before it or its heading introduced; nor
	// one that says what the intro says in other words.
	unfit := map[int]bool{}
	needsContext := d.needsContext()
	introSaid := parse.Sentences(intro)
	for i, c := range d.a.Candidates {
		if c.Score <= 0 || exclude[i] {
			continue // never a key point (KeyPoints)
		}
		if n := utf8.RuneCountInString(c.Text); n > chars || n < minUsefulChars || needsContext[i] ||
			slices.ContainsFunc(introSaid, func(s string) bool { return d.samePoint(c.Text, s) }) {
			unfit[i] = true
		}
	}
	var picks []int
	said := intro
	for _, i := range d.a.KeyPoints(n, min(n, minTakeaways), union(exclude, unfit)) {
		// Two sections may make one point: it is listed once, the stronger first, though
		// one adds a figure (samePoint); and a figure the post gave already ("78%
		// reported burnout" twice) is not a new point.
		text := d.a.Candidates[i].Text
		if !slices.ContainsFunc(picks, func(j int) bool { return d.samePoint(text, d.a.Candidates[j].Text) }) && !claim.FiguresSaid(text, said) {
			picks = append(picks, i)
			said += "\n" + text
		}
	}
	sort.Ints(picks)
	var out []string
	for _, i := range picks {
		exclude[i] = true
		out = append(out, d.a.Candidates[i].Text)
	}
	return out
}

// resultLines are the document's results from its tables (results.Lines) that fit in
// chars and give a figure said does not: the first key points of a case study, whose
// prose tells the story and whose table holds the numbers.
func (d *deriver) resultLines(chars int, said string) []string {
	if d.results == nil {
		d.results = results.Lines(d.a.Doc, sections.Boilerplate(d.a.Doc), takeawayChars)
	}
	var out []string
	for _, line := range d.results {
		if utf8.RuneCountInString(line) <= chars && !claim.FiguresSaid(line, said) {
			out = append(out, line)
		}
	}
	return out
}

// withResults are a post's key points: its results first, then points, at most max in all.
func withResults(rows, points []string, max int) []string {
	return append(rows, points...)[:min(len(rows)+len(points), max)]
}

// samePoint reports a key point that says what said says (claim.Memo.Repeats), or its
// finding with a figure more: one finding, however many sections give it.
func (d *deriver) samePoint(text, said string) bool {
	return d.memo().Repeats(text, said) || d.memo().SameFinding(text, said)
}

// needsContext tells, per candidate, whether it opens with its list's label or names, as
// known, what only the sentence before it or its heading introduced. Worked out once per
// document: the LinkedIn post and the blog teaser each pick takeaways.
func (d *deriver) needsContext() []bool {
	if d.contextNeeded == nil {
		d.contextNeeded = make([]bool, len(d.a.Candidates))
		presumer := claim.NewPresumer(d.a)
		for i, c := range d.a.Candidates {
			d.contextNeeded[i] = claim.Labelled(c.Text) || c.Score > 0 && presumer.Presumes(i)
		}
	}
	return d.contextNeeded
}

// weighty is claim.Weighty of a candidate, worked out once per document: the series,
// the teaser and the key points each ask it of most sentences.
func (d *deriver) weighty(c *extract.Candidate) bool {
	if d.weightyOf == nil {
		d.weightyOf = make([]int8, len(d.a.Candidates))
	}
	if d.weightyOf[c.Pos] == 0 {
		d.weightyOf[c.Pos] = 1
		if claim.Weighty(c, d.a.Lang) {
			d.weightyOf[c.Pos] = 2
		}
	}
	return d.weightyOf[c.Pos] == 2
}

// memo is the document's claim.Memo, made on first use.
func (d *deriver) memo() *claim.Memo {
	if d.claimMemo == nil {
		d.claimMemo = claim.NewMemo(d.a.Lang)
	}
	return d.claimMemo
}

// excludeSaid adds the candidates whose sentence text is said in text.
func (d *deriver) excludeSaid(exclude map[int]bool, text string) {
	said := map[string]bool{}
	for _, s := range parse.Sentences(text) {
		said[s] = true
	}
	for i, c := range d.a.Candidates {
		if said[c.Text] {
			exclude[i] = true
		}
	}
}

// intro is the document's summary without the hook sentence (already said), as whole
// sentences within max characters; none about the document itself, and none at all when
// its first needs context it does not have.
func (d *deriver) intro(hook string, max int) string {
	var kept []string
	weak := d.weakSentences()
	for _, s := range d.summarySentences() {
		if s == hook || extract.AboutTheDocument(s, d.a.Lang) || d.postedLines.Says(s, channel.Blog) {
			continue
		}
		// An intro opens on a claim: not a definition, truism or hedge, nor what another
		// paper describes ("CNCF's initial Platforms White Paper describes…").
		if len(kept) == 0 && (!extract.Postable(s, d.a.Lang) || weak[s] || claim.AboutADocument(s, d.a.Lang)) {
			return ""
		}
		if utf8.RuneCountInString(parse.JoinSentences(append(kept, s))) > max {
			break
		}
		kept = append(kept, s)
	}
	return parse.JoinSentences(kept)
}

// moreSentences are further key sentences for a paragraph of context ("Why it
// matters"): whole sentences of useful length that stand on their own, not in exclude,
// from different sections first, best first. Callers take as many as their length
// needs and join them with paragraphOf.
func (d *deriver) moreSentences(exclude map[int]bool, n int) []int {
	var out []int
	for _, i := range d.a.KeyPoints(n, n, exclude) {
		t := d.a.Candidates[i].Text
		if l := utf8.RuneCountInString(t); l >= minUsefulChars && l <= takeawayChars {
			out = append(out, i)
		}
	}
	return out
}

// paragraphOf joins candidates in document order, so the paragraph reads as the source
// does.
func (d *deriver) paragraphOf(picks []int) string {
	sorted := append([]int(nil), picks...)
	sort.Ints(sorted)
	sents := make([]string, len(sorted))
	for k, i := range sorted {
		sents[k] = d.a.Candidates[i].Text
		if k > 0 && i == sorted[k-1]+1 {
			sents[k] = d.a.Candidates[i].Joined() // read after the sentence it turns from
		}
	}
	return parse.JoinSentences(sents)
}

// summarySentences are the sentences of the document's summary as every other sentence
// of it is posted: with the light edits of tighten, so that one compares equal to itself
// in a post, a takeaway and a passage.
func (d *deriver) summarySentences() []string {
	sents := parse.Sentences(d.a.Doc.Summary)
	for i, s := range sents {
		sents[i] = tighten.Sentence(s, d.a.Lang)
	}
	return sents
}
