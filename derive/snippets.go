package derive

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/extract/quotes"
	"github.com/repurpose/repurpose/parse"
)

// Snippet types.
const (
	SnippetKeyPoint = "key_point"
	SnippetStat     = "stat"
	SnippetQuote    = "quote"
)

// Snippet bounds: enough to browse, few enough to review.
const (
	maxKeyPoints = 6 // editors graded half of a security paper's dozen bland
	fewSnippets  = 5 // fewer than this, and the source says why
	// plainKeyPoints is how many key points may be claims without their stake: none.
	// Editors graded ten of eleven descriptions, and every bare requirement ("An
	// operator should be able to increase…"), bland as a snippet; a source that makes
	// nothing else still offers its best statement (keyPointSnippets' plain).
	plainKeyPoints     = 0
	maxStats           = 10
	sectionContentMin  = 150 // characters of prose that make a section worth a snippet
	secondPointMinSent = 6   // sentences a section needs to give two key points
)

// snippet is a chosen sentence or quote before it becomes a Derivative.
type snippet struct {
	typ, text, attribution string
	section, pos           int
	anchor                 string // the quote's own place in the link target, if any
}

// snippets are short pieces for any channel, each "<text> {link}" and valid on X (the
// strictest channel): key points (one or two per section with real content), stats,
// and attributed quotes; in document order within each type.
func (d *deriver) snippets() {
	said := d.said.social() // a snippet may go out on any of them
	d.snippetLink = d.longestSnippetLink()
	var all []snippet
	// Each snippet a different fact: a stat or quote that says what a kept snippet says
	// is left out.
	add := func(s snippet) {
		if !slices.ContainsFunc(all, func(o snippet) bool { return d.memo().Same(s.text, o.text) }) {
			all = append(all, s)
		}
	}
	for _, s := range d.keyPointSnippets(said, false) {
		add(s)
	}
	for _, s := range d.statSnippets(said) {
		add(s)
	}
	for _, q := range d.quoteSnippets() {
		if q.text != d.linkedInQuoted && !d.postedLines.Says(q.text, channel.Social()...) { // said on LinkedIn, or by another source
			add(q)
		}
	}
	// A source of plain statements that yields nothing else still offers its best one
	// as a key point, for an editor to judge, rather than failing as empty.
	if len(all) == 0 && len(d.res.Derivatives) == 0 {
		all = d.keyPointSnippets(said, true)
	}
	if len(all) == 0 {
		d.skip(channel.KindSnippet, channel.Any, "every sentence of the source that stands alone and fits a post is in a post already")
		return
	}
	if len(all) < fewSnippets {
		d.skip(channel.KindSnippet, channel.Any, "only "+plural(len(all),
			"sentence of the source stands alone, fits a post and is not in another post already",
			"sentences of the source stand alone, fit a post and are not in another post already"))
	}
	for n, s := range all {
		x := d.draft(channel.KindSnippet, channel.Any, n+1, s.section, s.text)
		x.Type, x.Attribution = s.typ, s.attribution
		if s.anchor != "" {
			x.Backlink = d.links.link(channel.KindSnippet, channel.Any, n+1, s.anchor)
		}
		tpl := s.text + " " + channel.LinkSlot
		if !d.leavingRoom(d.validOn(channel.Any, x.Backlink))(tpl) {
			d.skip(channel.KindSnippet, channel.Any, fmt.Sprintf("snippet %d does not fit on X with its link %s", n+1, x.Backlink))
			continue
		}
		d.emit(x, tpl)
	}
}

// fitsAny: a snippet must be valid on X with its link and room for the disclosure. The
// link is drafted once the snippets are chosen, so the longest a snippet of this source
// can get stands in (see longestSnippetLink).
func (d *deriver) fitsAny(text string) bool {
	return d.leavingRoom(d.validOn(channel.Any, d.snippetLink))(text + " " + channel.LinkSlot)
}

// longestSnippetLink is the longest backlink a snippet may get: links differ only by
// section anchor (or a talk's moment) and ordinal, and no source gets a thousand snippets.
func (d *deriver) longestSnippetLink() string {
	longest := d.links.link(channel.KindSnippet, channel.Any, 999, "")
	for _, s := range d.a.Doc.Sections {
		if l := d.links.link(channel.KindSnippet, channel.Any, 999, s.Anchor); len(l) > len(longest) {
			longest = l
		}
		for _, q := range s.Quotes {
			if l := d.links.link(channel.KindSnippet, channel.Any, 999, q.Anchor); len(l) > len(longest) {
				longest = l
			}
		}
	}
	for _, m := range d.moments.Said() {
		if l := d.links.link(channel.KindSnippet, channel.Any, 999, m.Anchor); len(l) > len(longest) {
			longest = l
		}
	}
	return longest
}

// keyPointSnippets are a section's strongest claims as key points; with plain, one plain
// statement may stand in for them (a definition, truism or hedge never does).
func (d *deriver) keyPointSnippets(said map[int]bool, plain bool) []snippet {
	a := d.a
	// Up to two picks per section with real content, strongest first; fitsAny is the costly
	// test, so it runs only on sentences a section still needs.
	want := make([]int, len(a.Doc.Sections))
	for si := range want {
		switch {
		case !d.hasContent(si):
		case d.sentences(si) >= secondPointMinSent:
			want[si] = 2
		default:
			want[si] = 1
		}
	}
	var picks []int
	needsContext := d.needsContext()
	for _, i := range a.ByHook() { // a section's strongest claim, not its most typical sentence
		c := a.Candidates[i]
		// A list item's entry ("Retention: including the number of users") is a fragment
		// once its list is gone, and "The framework has a learning curve" under "Juju"
		// names as known what its heading introduced (needsContext). A description or a bare requirement never makes a key
		// point (claim.Weighty), nor a question, which takes nothing away: none takes its
		// section's place from a claim after it.
		if want[c.Section] == 0 || c.Score <= 0 || c.Stat || said[i] || needsContext[i] || !plain && !d.weighty(&c) ||
			extract.Question(c.Text) || !d.fitsAny(c.Text) {
			continue
		}
		want[c.Section]--
		picks = append(picks, i)
	}
	// The strongest stay, and plain statements only a few: a reviewer reads a dozen
	// points that each say something, not thirty that describe.
	sort.SliceStable(picks, func(i, j int) bool { return a.Candidates[picks[i]].Weight() > a.Candidates[picks[j]].Weight() })
	if len(picks) > maxKeyPoints {
		d.skip(channel.KindSnippet, channel.Any, fmt.Sprintf(
			"%s left out: the %d strongest are offered, and fewer points are better than weaker ones",
			plural(len(picks)-maxKeyPoints, "more key point was", "more key points were"), maxKeyPoints))
		picks = picks[:maxKeyPoints]
	}
	// A definition, truism or hedge is no key point at all (Weight < Score), and a point
	// that says what a stronger one says is the same point twice.
	kept, plains, mostPlain := picks[:0], 0, plainKeyPoints
	if plain {
		mostPlain = 1
	}
	for _, i := range picks {
		c := &a.Candidates[i]
		if slices.ContainsFunc(kept, func(j int) bool { return d.memo().Same(c.Text, a.Candidates[j].Text) }) {
			continue
		}
		// A hope or a bare requirement is strong by a word only: it counts as plain.
		if !d.weighty(c) {
			if plains == mostPlain || c.Weight() < c.Score {
				continue
			}
			plains++
		}
		kept = append(kept, i)
	}
	if left := len(picks) - len(kept); left > 0 {
		d.skip(channel.KindSnippet, channel.Any, plural(left, "more key point was", "more key points were")+
			" left out: they describe rather than give a figure, a contrast or a stake, and fewer points are better than weaker ones")
	}
	picks = kept
	sort.Ints(picks)
	out := make([]snippet, len(picks))
	for k, i := range picks {
		c := a.Candidates[i]
		out[k] = snippet{typ: SnippetKeyPoint, text: c.Text, section: c.Section, pos: c.Pos}
	}
	return out
}

// withFullNames names each quote's speaker in full: a later quote attributed to a surname
// alone ("— Okafor") takes the attribution of the speaker's quote that names them in
// full ("Tom Okafor, Head of Operations at Brennard Logistics"): a reader of the post
// never met them.
func withFullNames(quotes []snippet) []snippet {
	for i, q := range quotes {
		if q.attribution == "" || strings.ContainsAny(q.attribution, " ,") {
			continue
		}
		for _, o := range quotes {
			if name, _, _ := strings.Cut(o.attribution, ","); strings.Contains(name, " ") && slices.Contains(strings.Fields(name), q.attribution) {
				quotes[i].attribution = o.attribution
				break
			}
		}
	}
	return quotes
}

// hasContent: a section with real prose, not just a heading or a line.
func (d *deriver) hasContent(section int) bool {
	n := 0
	for _, p := range d.a.Doc.Sections[section].Paragraphs {
		n += utf8.RuneCountInString(p)
	}
	if d.a.Lang == "ja" {
		n *= 2 // denser script
	}
	return n >= sectionContentMin || d.sentences(section) >= 2
}

func (d *deriver) sentences(section int) int {
	n := 0
	for _, p := range d.a.Paragraphs[section] {
		n += len(p)
	}
	return n
}

func (d *deriver) statSnippets(said map[int]bool) []snippet {
	var out []snippet
	for _, i := range d.a.Ranked {
		c := d.a.Candidates[i]
		if len(out) == maxStats {
			break
		}
		// A question with a figure ("Did the CPU pass 80%?") asks; a stat states.
		if c.Stat && c.Score > 0 && !said[i] && !extract.Question(c.Text) && claim.StatAlone(c.Text, d.a.Lang) && d.fitsAny(c.Text) &&
			!d.saysAgain(c.Text, said, out) {
			out = append(out, snippet{typ: SnippetStat, text: c.Text, section: c.Section, pos: c.Pos})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// saysAgain reports a figure a post of the account (said) or a snippet already picked
// states with the same subject: the same finding twice.
func (d *deriver) saysAgain(text string, said map[int]bool, picked []snippet) bool {
	for j := range said {
		if d.memo().SameFinding(text, d.a.Candidates[j].Text) {
			return true
		}
	}
	return slices.ContainsFunc(picked, func(p snippet) bool { return d.memo().SameFinding(text, p.text) })
}

// quoteSnippets are the attributed blockquotes and quoted sentences, whole or one
// sentence of their own (quoteText), quoted in the document's language's marks.
func (d *deriver) quoteSnippets() []snippet {
	var out []snippet
	for si, s := range d.a.Doc.Sections {
		if d.a.Boilerplate(si) {
			continue
		}
		for _, q := range s.Quotes {
			if text, ok := d.quoteText(q); ok {
				out = append(out, snippet{typ: SnippetQuote, text: text, attribution: q.Attribution, section: si, anchor: q.Anchor})
			}
		}
	}
	for _, c := range d.a.Candidates {
		if !quotes.HasMark(c.Text) || d.a.Boilerplate(c.Section) {
			continue
		}
		if q, ok := quotes.InSentence(c.Text); ok {
			if text, ok := d.quoteText(q); ok {
				out = append(out, snippet{typ: SnippetQuote, text: text, attribution: q.Attribution, section: c.Section, pos: c.Pos})
			}
		}
	}
	return withFullNames(out)
}

// quoteText frames an attributed quote as “text” — speaker: all of it when it fits a
// post, else its first sentence that stands alone, fits, is not taken back by the next
// and denies no cause (a speaker's turn in a talk runs long); false when it has no speaker or nothing fits. A quote is never cut with
// "…": "“We weren't lying to each other. …”" leaves its point out, and editors grade
// it F.
func (d *deriver) quoteText(q parse.Quote) (string, bool) {
	if !quotes.Speaker(q.Attribution) {
		return "", false
	}
	open, close := "“", "”"
	if d.a.Lang == "ja" {
		open, close = "「", "」"
	}
	frame := func(t string) string { return open + t + close + " — " + quotes.SpeakerLine(q.Attribution) }
	sents := parse.Sentences(q.Text)
	if text := frame(parse.JoinSentences(sents)); d.fitsAny(text) && (len(sents) > 1 || !lean.Denies(sents[0], d.a.Lang)) {
		return text, true
	}
	for k, sent := range sents {
		// Not a belief the speaker's next words take back ("At first we thought the
		// problem was the software. In reality…"): cut there, it says the opposite.
		if k+1 < len(sents) && lean.OpensContrast(sents[k+1], d.a.Lang) || lean.OpensContrast(sent, d.a.Lang) {
			continue // nor the turn without what it turns from
		}
		// Nor a denied cause, whose answer comes after it ("We weren't losing clients
		// because our advice was poor. We were losing them because…").
		if lean.Denies(sent, d.a.Lang) {
			continue
		}
		if text := frame(sent); extract.Postable(sent, d.a.Lang) && d.fitsAny(text) {
			return text, true
		}
	}
	return "", false
}

// plural is n with the words that agree with it: "1 more key point was", "3 more key
// points were".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
