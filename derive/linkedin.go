package derive

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract"
)

// A LinkedIn post stays below "see more" and the lines a reader skims: at most 2000
// characters (the channel's hard limit is 3000), a first line and a context sentence
// of at most linkedInLineChars, takeaways of at most linkedInPointChars (half in Chinese
// and Japanese, whose characters are wide).
const (
	linkedInMaxChars   = 2000
	linkedInLineChars  = 240
	linkedInPointChars = 140
	linkedInQuoteChars = 300
	// minLinkedInPoints takeaways make a list under the first line.
	minLinkedInPoints = 2
)

// linkedInPost is the parts of a LinkedIn post before it is written out.
type linkedInPost struct {
	hook, context, quote string
	points               []string
}

// linkedIn is one LinkedIn post in the shape an editor would write it: a first line that
// stops the scroll (the strongest finding the account has not posted: a figure with its
// comparison, a contrast, a consequence), one sentence of context, 3-5 takeaways as
// short lines, a quotation with its speaker when the document has one, the CTA with the
// link, and the channel's hashtags. A document without a strong finding gets no post:
// a definition as the first line is a flat post, not more reach.
func (d *deriver) linkedIn() {
	said := d.said.on(channel.LinkedIn)
	line := d.wide(linkedInLineChars)
	strong := func(c *extract.Candidate) bool { return c.Finding() && utf8.RuneCountInString(c.Text) <= line }
	// LinkedIn is an account of its own: it leads with the strongest finding it has not
	// posted, even when X opened with the same line. Preferring a line no other channel
	// used gave LinkedIn the runner-up (an imperative) and left out the document's stake.
	// The best figure first, as on a thread: a number with its comparison stops a scroll;
	// else what goes wrong, as single posts open (a requirement, however central, is a
	// rule to follow, not a reason to read on).
	hook := bestOf(d.a, said, func(c *extract.Candidate) bool { return c.Stat && strong(c) },
		func(c *extract.Candidate) bool {
			return claim.Risky(c.Text, d.a.Lang) && claim.Firm(c, d.a.Lang) && strong(c)
		}, strong)
	if hook < 0 {
		d.skip(channel.KindLinkedIn, channel.LinkedIn, "the source states no finding to open a post with (a figure, a contrast, "+
			"a consequence, a stake), and a description as the first line is a weaker post, not more reach")
		return
	}
	exclude := union(said, map[int]bool{hook: true})
	p := linkedInPost{hook: d.a.Candidates[hook].Text, context: d.contextSentence(hook, line)}
	if title := d.titleResult(channel.LinkedIn); title != "" && utf8.RuneCountInString(title) <= line && len(d.resultLines(takeawayChars, "")) > 0 {
		// A case study whose title states its result ("How Miravalle cut empty kilometres
		// by 23%") and whose table measures it: the title is the line a reader shares it
		// with, as on X, and the finding follows. A report's title with a figure ("…from
		// 1.4 Billion Sends") names its sample, not a result.
		p.hook, p.context = title, p.hook
	}
	// Takeaways are weighty claims (claim.Weighty: a finding with its stake, a measured
	// recommendation), never a definition, truism or hedge (hook strength below one:
	// Weight < Score), nor a question, which takes nothing away. Editors graded a list
	// padded with firm or plain statements, and a post with no list at all, a rewrite
	// every time; two strong takeaways passed. A source with fewer such claims gets no
	// LinkedIn post.
	isClaim := func(c *extract.Candidate) bool {
		return c.Weight() >= c.Score && !extract.Question(c.Text) && d.weighty(c)
	}
	// The first line is said too: a takeaway that gives its figure again ("Median CSAT
	// was 89%" under "Median CSAT held steady at 89%") is no new point.
	lines := strings.TrimSpace(p.hook + "\n" + p.context)
	rows := d.resultLines(d.wide(linkedInPointChars), lines)
	p.points = withResults(rows, d.claimsToList(exclude, isClaim, strings.Join(append([]string{lines}, rows...), "\n")), maxTakeaways)
	for _, t := range p.points {
		d.excludeSaid(exclude, t)
	}
	if len(p.points) < minLinkedInPoints {
		d.skip(channel.KindLinkedIn, channel.LinkedIn, "the source has fewer than 2 key points to list under the first line "+
			"that are findings with their stake (a figure, a contrast, a risk, a measured recommendation) rather than descriptions, requirements, truisms or hedges")
		return
	}
	p.quote = d.linkedInQuote(p)
	x := d.draft(channel.KindLinkedIn, channel.LinkedIn, 1, -1, p.hook)
	x.Hashtags = d.hashtagsFor(channel.LinkedIn)
	valid := d.leavingRoom(func(t string) bool { return channel.CountLinkedIn(t).Valid })
	length := func(p linkedInPost) int {
		return utf8.RuneCountInString(channel.Render(x.Channel, d.linkedInTemplate(p, x.Hashtags), x.Backlink).Text)
	}
	// Shed the quote, then takeaways beyond three, while the post is long.
	for length(p) > linkedInMaxChars {
		switch {
		case p.quote != "":
			p.quote = ""
		case len(p.points) > minTakeaways:
			p.points = p.points[:len(p.points)-1]
		default:
			d.skip(channel.KindLinkedIn, channel.LinkedIn, "the post does not fit in 2000 characters")
			return
		}
	}
	tpl := d.linkedInTemplate(p, x.Hashtags)
	if !valid(channel.Render(x.Channel, tpl, x.Backlink).Text) {
		d.skip(channel.KindLinkedIn, channel.LinkedIn, "the post does not fit in 3000 characters")
		return
	}
	d.emit(x, tpl)
	d.linkedInQuoted = p.quote
	d.excludeSaid(exclude, p.context)
	d.said.say(channel.LinkedIn, keys(exclude)...)
}

// claimsToList are the takeaways among the candidates keep accepts, none in exclude: on
// LinkedIn's short lines, else on lines as long as a teaser's. takeaways marks its picks
// in the set it is given, so each try starts from a set of its own.
func (d *deriver) claimsToList(exclude map[int]bool, keep func(c *extract.Candidate) bool, context string) []string {
	notKept := d.notCandidates(keep)
	points := d.takeaways(union(exclude, notKept), context, d.wide(linkedInPointChars), maxTakeaways)
	if len(points) < minTakeaways {
		points = d.takeaways(union(exclude, notKept), context, takeawayChars, maxTakeaways)
	}
	return points
}

// wide is a length in characters for the document's script: half in Chinese and
// Japanese, whose characters say about twice as much.
func (d *deriver) wide(chars int) int {
	if d.a.Lang == "ja" || d.a.Lang == "zh" {
		return chars / 2
	}
	return chars
}

// contextSentence is one sentence that tells a stranger what the hook is about: a
// sentence of the hook's own section (the nearest before it first), else of the
// document's summary, that shares two subject words with the hook, stands alone, is not the
// hook, no hedge, truism or definition, not about the document itself and at most max
// characters; else the summary's first sentence, which says what the document is about;
// "" when that does not stand alone either or is too short to tell.
func (d *deriver) contextSentence(hook, max int) string {
	h := d.a.Candidates[hook]
	words := claim.Words(h.Text, d.a.Lang)
	// A hedge, truism or definition ("…may not be relevant to you") sets no scene.
	weak := d.weakSentences()
	related := func(s string) bool {
		if s == h.Text || weak[s] || extract.AboutTheDocument(s, d.a.Lang) || !extract.Postable(s, d.a.Lang) ||
			utf8.RuneCountInString(s) > max || d.postedLines.Says(s, channel.LinkedIn) {
			return false
		}
		shared := 0
		for w := range claim.Words(s, d.a.Lang) {
			if words[w] {
				shared++
			}
		}
		return shared >= 2 // one word in common ("week") is a coincidence, not a subject
	}
	var before, after []int
	for _, para := range d.a.Paragraphs[h.Section] {
		for _, i := range para {
			switch {
			case i < hook:
				before = append([]int{i}, before...)
			case i > hook:
				after = append(after, i)
			}
		}
	}
	for _, i := range append(before, after...) {
		if d.a.Candidates[i].Score > 0 && related(d.a.Candidates[i].Text) {
			return d.a.Candidates[i].Text
		}
	}
	for _, s := range d.summarySentences() {
		if related(s) {
			return s
		}
	}
	// Else what the document is about: its summary's first sentence, when it stands alone.
	for _, s := range d.summarySentences() {
		if s == h.Text || extract.AboutTheDocument(s, d.a.Lang) || d.postedLines.Says(s, channel.LinkedIn) {
			continue
		}
		if weak[s] || !extract.Postable(s, d.a.Lang) || utf8.RuneCountInString(s) > max || d.tooShortToTell(s) {
			return ""
		}
		return s
	}
	return ""
}

// tooShortToTell reports a line too short to say what a document is about ("Livre blanc
// Helionde, édition 2025."): under eight words, or twenty characters where words are
// not spaced.
func (d *deriver) tooShortToTell(s string) bool {
	if d.a.Lang == "ja" || d.a.Lang == "zh" {
		return utf8.RuneCountInString(s) < 20
	}
	return len(strings.Fields(s)) < 8
}

// notCandidates are the candidates keep turns away.
func (d *deriver) notCandidates(keep func(c *extract.Candidate) bool) map[int]bool {
	out := map[int]bool{}
	for i := range d.a.Candidates {
		if !keep(&d.a.Candidates[i]) {
			out[i] = true
		}
	}
	return out
}

// linkedInQuote is the document's first quotation with its speaker that fits a few
// lines, framed as “…” — speaker; "" when it has none, or when another source's post
// said it. A quotation is said once per account: the one the post takes is not offered
// as a snippet too. Editors asked for the document's real quote in the post every time
// it had only one and the post left it to the snippets.
func (d *deriver) linkedInQuote(p linkedInPost) string {
	quotes := d.quoteSnippets()
	// In a talk every sentence has a speaker: a quote of a line the post already says is
	// the same line twice.
	said := append([]string{p.hook, p.context}, p.points...)
	for _, s := range quotes {
		// A quote cut short ("…") is not one to feature.
		if s.attribution != "" && !strings.Contains(s.text, "…") && utf8.RuneCountInString(s.text) <= linkedInQuoteChars &&
			!d.postedLines.Says(s.text, channel.LinkedIn) &&
			!slices.ContainsFunc(said, func(line string) bool { return line != "" && strings.Contains(s.text, line) }) {
			return s.text
		}
	}
	return ""
}

func (d *deriver) linkedInTemplate(p linkedInPost, tags []string) string {
	var b strings.Builder
	b.WriteString(p.hook)
	if p.context != "" {
		b.WriteString("\n\n" + p.context)
	}
	b.WriteString("\n")
	if label := d.takeawaysLabel(); label != "" {
		b.WriteString("\n" + label + d.labels.Colon)
	}
	b.WriteString("\n")
	for _, pt := range p.points {
		b.WriteString("• " + pt + "\n")
	}
	if p.quote != "" {
		b.WriteString("\n" + p.quote + "\n")
	}
	b.WriteString("\n")
	if d.cta != "" {
		b.WriteString(d.cta + "\n")
	}
	b.WriteString(channel.LinkSlot)
	if len(tags) > 0 {
		b.WriteString("\n\n" + strings.Join(tags, " "))
	}
	return b.String()
}

// takeawaysLabel heads a LinkedIn post's takeaways: with the document's title when it is
// written like the text and short enough to read in one line, else the plain label.
func (d *deriver) takeawaysLabel() string {
	title := strings.TrimSpace(d.a.Doc.Title)
	if d.labels.TakeawaysOf == "" || title == "" || d.titleScript || utf8.RuneCountInString(title) > d.wide(linkedInPointChars) {
		return d.labels.Takeaways
	}
	return fmt.Sprintf(d.labels.TakeawaysOf, strings.TrimRight(title, ".:"))
}
