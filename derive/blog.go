package derive

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/derive/slug"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/extract/whole"
	"github.com/repurpose/repurpose/parse"
)

// A teaser's body (without its link line) is 250-600 words: a real post, not the paper.
const (
	blogMinWords    = 250
	blogTargetWords = 300 // grown to, with room left under the minimum's margin
	blogMaxWords    = 600
	blogFullWords   = 360 // a passage past its target ends its paragraph within this, or where it reached it
)

// teaser is the content of a blog teaser before it is written out.
type teaser struct {
	*BlogTeaser
	intro, why string
}

// blog is a teaser for the company blog: title, slug, SEO meta description and
// keywords, an intro, 3-5 takeaways, a "Why it matters" passage, and the CTA linking to
// the source; as Markdown and HTML. (No list of the document's sections: a table of
// contents tells a reader nothing.)
func (d *deriver) blog() {
	doc := d.a.Doc
	if d.labels.Takeaways == "" {
		d.skip(channel.KindBlog, channel.Blog, "a teaser needs section headings in the document's language, and there are none built in for it")
		return
	}
	if d.titleScript { // see titleRule
		d.skip(channel.KindBlog, channel.Blog, fmt.Sprintf("the title is not in %s like the text: a teaser would open in another language",
			langid.Name(d.a.Lang)))
		return
	}
	exclude := d.said.on(channel.Blog) // what other sources posted on the blog
	t := teaser{intro: d.teaserLead(exclude)}
	// A source of descriptions alone makes no teaser, as it makes no post: every such
	// teaser was graded a rewrite.
	if !slices.ContainsFunc(d.a.ByHook(), func(i int) bool { return d.a.Candidates[i].Finding() }) {
		d.skip(channel.KindBlog, channel.Blog, "the source states no finding for a teaser to lead with (a figure, a contrast, "+
			"a consequence, a stake): a teaser of descriptions gives a reader no reason to click")
		return
	}
	notClaims := d.notTeaserClaims()
	points := d.teaserTakeaways(exclude, t.intro, notClaims)
	if len(points) < minTakeaways {
		d.skip(channel.KindBlog, channel.Blog, "the source has fewer than 3 key points for a teaser that are findings or claims "+
			"rather than definitions, requirements, truisms or hedges")
		return
	}
	d.excludeSaid(exclude, t.intro)
	pageSlug := slug.Title(doc.Title)
	if pageSlug == "" {
		pageSlug = "source-" + d.opt.Version[:min(8, len(d.opt.Version))]
	}
	t.BlogTeaser = &BlogTeaser{
		Title:           doc.Title,
		Slug:            pageSlug,
		MetaDescription: d.metaDescription(),
		Takeaways:       points,
		Keywords:        d.seoKeywords(),
	}
	// "Why it matters" is one passage of one section: of the best sentences not said yet,
	// the first whose stretch to the end of its section (or to a sentence said already,
	// in any words) brings the teaser to its target length, else the longest such stretch.
	// The rest of the teaser stays as it is while the passage grows: count it once, and
	// each sentence as it is added.
	rest := parse.ReadingWords(blogMarkdown(t, d.labels, "", false)) + parse.ReadingWords(d.labels.WhyItMatters)
	paragraph := d.paragraphs()
	listed := append(parse.Sentences(t.intro), points...)
	// What each sentence does to a passage, read once: every start tried reads much the
	// same sentences.
	const read, ends, saidAgain, recalls, listFirst, listLater = 1, 2, 4, 8, 16, 32
	marks := make([]uint8, len(d.a.Candidates))
	markOf := func(j int) uint8 {
		if marks[j] == 0 {
			text := d.a.Candidates[j].Text
			marks[j] = read
			if !extract.Followable(text, d.a.Lang) {
				marks[j] |= ends
			}
			// What the teaser says already, in other words, is no passage's.
			if slices.ContainsFunc(listed, func(s string) bool { return d.memo().Repeats(text, s) }) {
				marks[j] |= saidAgain
			}
			// An address or a contact line ("Escreva para mim em …@…") ends what the
			// author had to say: the passage ends before it.
			if claim.RecallsTheReading(text, d.a.Lang) || whole.Address(text) || extract.AboutTheDocument(text, d.a.Lang) {
				marks[j] |= recalls
			}
			if first, later := lean.ListItem(text, d.a.Lang); first {
				marks[j] |= listFirst
			} else if later {
				marks[j] |= listLater
			}
		}
		return marks[j]
	}
	grow := func(i int, exclude map[int]bool, words int, weakStart bool) ([]int, int) {
		var passage []int
		listOpened := false
		for k, j := range d.a.Passage(i, exclude) {
			// The teaser's reader never saw what the sentence recalls, has read what it
			// says again, or missed the first item of the list it continues ("Second,
			// …"): the passage ends before it, and one that opens with it is no passage.
			m := markOf(j)
			listOpened = listOpened || m&listFirst != 0
			leaveOut := m&(saidAgain|recalls) != 0 || m&listLater != 0 && !listOpened
			// Nor does a definition or a truism open one ("所谓规则引擎，是指…"), while
			// another start makes a passage long enough: it tells what, not why it matters.
			if c := &d.a.Candidates[j]; k == 0 && (leaveOut || !weakStart && c.Weight() < c.Score) {
				return nil, 0
			}
			if k > 0 && (leaveOut || m&ends != 0) {
				break
			}
			// A paragraph led by a short line of its own ("사람의 역할 변화를 준비하라.", "Start
			// small.") is the next item of a list of advice, not more of this thought.
			if k > 0 && paragraph[j] != paragraph[passage[len(passage)-1]] && parse.ReadingWords(d.a.Candidates[j].Text) <= 6 {
				break
			}
			n := parse.ReadingWords(d.a.Candidates[j].Text)
			// Long enough: the passage ends with the paragraph it is in, as its author
			// ended the thought, while that fits well under the maximum; a new paragraph
			// is a new thought.
			if words >= blogTargetWords && (paragraph[j] != paragraph[passage[len(passage)-1]] || words+n > blogFullWords) {
				break
			}
			passage = append(passage, j)
			words += n
		}
		// A passage ends on an answer, not on the question or the supposition the next
		// paragraph takes up ("Why the improvement overall?", "Suppose a store sells…").
		for len(passage) > 1 && whole.Dangles(d.a.Candidates[passage[len(passage)-1]].Text) {
			words -= parse.ReadingWords(d.a.Candidates[passage[len(passage)-1]].Text)
			passage = passage[:len(passage)-1]
		}
		return passage, words
	}
	var best []int
	bestWords := 0
	starts := d.moreSentences(exclude, 24)
	for _, weakStart := range []bool{false, true} {
		for _, i := range starts {
			passage, words := grow(i, exclude, rest, weakStart)
			if len(passage) > 0 && words > bestWords {
				best, bestWords = passage, words
			}
			if words >= blogTargetWords {
				break
			}
		}
		if bestWords >= blogMinWords {
			break
		}
	}
	// Too short still: a takeaway may open the passage instead, or be part of it, when the
	// list keeps its three (the best passage of a short essay often starts at one of its
	// key points).
	if bestWords < blogMinWords && len(points) > minTakeaways {
		dropped := -1
		for k, text := range points {
			i := d.candidateOf(text, exclude)
			if i < 0 {
				continue
			}
			delete(exclude, i)
			// The passage may start at the takeaway, or run through it.
			for _, start := range append([]int{i}, d.moreSentences(exclude, 24)...) {
				passage, words := grow(start, exclude, rest-parse.ReadingWords(text), true)
				if len(passage) > 0 && words > bestWords && slices.Contains(passage, i) {
					best, bestWords, dropped = passage, words, k
				}
			}
			exclude[i] = true
		}
		if dropped >= 0 {
			t.Takeaways = slices.Delete(slices.Clone(points), dropped, dropped+1)
		}
	}
	if len(best) > 0 {
		t.why = d.paragraphOf(best)
	}
	// Short still: plain claims join the list, up to five, before the teaser is too
	// thin to publish; none the passage says.
	for _, i := range best {
		exclude[i] = true
	}
	for len(t.Takeaways) < maxTakeaways && parse.ReadingWords(blogMarkdown(t, d.labels, "", false)) < blogMinWords {
		said := strings.Join(append([]string{t.intro}, t.Takeaways...), "\n")
		more := d.plainTakeaways(exclude, said, notClaims, 1)
		if len(more) == 0 {
			break
		}
		t.Takeaways = append(t.Takeaways, more...)
	}
	for parse.ReadingWords(blogMarkdown(t, d.labels, "", false)) > blogMaxWords {
		switch {
		case t.why != "":
			t.why = ""
		case len(t.Takeaways) > minTakeaways:
			t.Takeaways = t.Takeaways[:len(t.Takeaways)-1]
		default:
			t.intro = ""
		}
	}
	x := d.draft(channel.KindBlog, channel.Blog, 1, -1, "")
	template := blogMarkdown(t, d.labels, d.cta, x.Backlink != "")
	t.Markdown = channel.Render(x.Channel, template, x.Backlink).Text
	t.HTML = blogHTML(t, d.labels, d.cta, x.Backlink)
	x.Blog = t.BlogTeaser
	d.emit(x, template)
}

// teaserLead opens a teaser: the document's strongest finding, as its posts open
// (editors asked for it ahead of the summary's background: "Inspired by…", a
// definition), when one reads alone; else the summary's lead.
func (d *deriver) teaserLead(exclude map[int]bool) string {
	needsContext := d.needsContext()
	i := d.opening(exclude, func(c *extract.Candidate) bool {
		return c.Finding() && claim.Firm(c, d.a.Lang) && !needsContext[c.Pos] && !claim.RecallsTheReading(c.Text, d.a.Lang) &&
			utf8.RuneCountInString(c.Text) <= introChars
	})
	if i < 0 {
		return d.intro("", introChars)
	}
	return d.a.Candidates[i].Text
}

// teaserTakeaways are a teaser's key points: up to five findings with their stake
// (claim.Weighty), then plain claims only as many as make three (more when the teaser
// is short); never a definition, truism, hedge or fluff (Weight < Score), a bare requirement ("An operator should be able to upgrade…"), a
// question or a sentence led by a document. Editors graded lists of descriptions and
// rules a rewrite, and asked for the document's finding first. The picks join exclude.
func (d *deriver) teaserTakeaways(exclude map[int]bool, intro string, notClaims map[int]bool) []string {
	notWeighty := d.notCandidates(func(c *extract.Candidate) bool { return !notClaims[c.Pos] && d.weighty(c) })
	rows := d.resultLines(takeawayChars, intro)
	first := withResults(rows, d.takeaways(union(exclude, notWeighty), strings.Join(append([]string{intro}, rows...), "\n"), takeawayChars, maxTakeaways), maxTakeaways)
	for _, p := range first {
		d.excludeSaid(exclude, p)
	}
	if len(first) >= minTakeaways {
		return first
	}
	said := strings.Join(append([]string{intro}, first...), "\n") // no plain claim says a finding again
	return append(first, d.plainTakeaways(exclude, said, notClaims, minTakeaways-len(first))...)
}

// plainTakeaways are up to n more of a teaser's key points, plain claims among them, none
// in exclude; the picks join exclude.
func (d *deriver) plainTakeaways(exclude map[int]bool, intro string, notClaims map[int]bool, n int) []string {
	more := d.takeaways(union(exclude, notClaims), intro, takeawayChars, n)
	for _, p := range more {
		d.excludeSaid(exclude, p)
	}
	return more
}

// notTeaserClaims are the sentences no teaser lists (see teaserTakeaways); the
// unpostable (Score 0) too, as KeyPoints leaves them out.
func (d *deriver) notTeaserClaims() map[int]bool {
	lang := d.a.Lang
	return d.notCandidates(func(c *extract.Candidate) bool {
		return c.Score > 0 && c.Weight() >= c.Score && !extract.Question(c.Text) && !claim.AboutADocument(c.Text, lang) &&
			(d.weighty(c) || !claim.Advises(c.Text, lang))
	})
}

// blogMarkdown ends with the CTA as a Markdown link to the slot, or as plain text when
// the source has no link at all; the CTA is the last line, so a word count can leave it
// out.
func blogMarkdown(t teaser, l labels, cta string, linked bool) string {
	var b strings.Builder
	b.WriteString("# " + mdEscape(t.Title) + "\n\n")
	if t.intro != "" {
		b.WriteString(mdEscape(t.intro) + "\n\n")
	}
	b.WriteString("## " + mdEscape(l.Takeaways) + "\n\n")
	for _, p := range t.Takeaways {
		b.WriteString("- " + mdEscape(p) + "\n")
	}
	if t.why != "" {
		b.WriteString("\n## " + mdEscape(l.WhyItMatters) + "\n\n" + mdEscape(t.why) + "\n")
	}
	if linked {
		b.WriteString("\n[" + mdEscape(cta) + "](" + channel.LinkSlot + ")\n")
	} else if cta != "" {
		b.WriteString("\n" + mdEscape(cta) + " " + channel.LinkSlot + "\n")
	}
	return b.String()
}

func blogHTML(t teaser, l labels, cta, link string) string {
	e := html.EscapeString
	var b strings.Builder
	b.WriteString("<article>\n<h1>" + e(t.Title) + "</h1>\n")
	if t.intro != "" {
		b.WriteString("<p>" + e(t.intro) + "</p>\n")
	}
	list := func(heading string, items []string) {
		b.WriteString("<h2>" + e(heading) + "</h2>\n<ul>\n")
		for _, it := range items {
			b.WriteString("<li>" + e(it) + "</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	list(l.Takeaways, t.Takeaways)
	if t.why != "" {
		b.WriteString("<h2>" + e(l.WhyItMatters) + "</h2>\n<p>" + e(t.why) + "</p>\n")
	}
	if link != "" {
		b.WriteString(`<p><a href="` + e(link) + `">` + e(cta) + "</a></p>\n")
	} else {
		b.WriteString("<p>" + e(cta) + "</p>\n")
	}
	b.WriteString("</article>\n")
	return b.String()
}

// mdEscaper backslash-escapes what Markdown would read as formatting in plain text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// paragraphs numbers the paragraph of each candidate sentence of a paragraph, across
// the document: two sentences are of one paragraph when their numbers are equal.
func (d *deriver) paragraphs() map[int]int {
	out := map[int]int{}
	n := 0
	for _, section := range d.a.Paragraphs {
		for _, para := range section {
			n++
			for _, i := range para {
				out[i] = n
			}
		}
	}
	return out
}

// candidateOf is the candidate in exclude whose sentence is text, or -1.
func (d *deriver) candidateOf(text string, exclude map[int]bool) int {
	for i := range exclude {
		if d.a.Candidates[i].Text == text {
			return i
		}
	}
	return -1
}
