package derive

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// Thread bounds: a hook, 3-4 points, a payoff, a closing CTA. Every point is a weighty
// claim (claim.Weighty): a thread with plain statements in its middle reads as a list,
// not a story, and a source without enough such claims gets no thread.
const (
	minThreadPoints = 3
	maxThread       = 7
)

// thread is a numbered series of posts on X that reads as one: the strongest hook (a
// finding with a figure, a contrast or a risk; never a hedge, a hope or a bare
// "should"), the strongest weighty findings of other sections, each saying something
// the others do not, in the document's order (the thread moves as the document does: a
// problem before its fix, a fix before its result; strongest first read as a list), a payoff (what to do, or the conclusion's finding), and a last post with
// the CTA and link.
// Every post is whole sentences, counts its own " (i/n)" and stays valid; no sentence
// the account said already in a tweet is said again. A document that cannot fill the
// shape gets no thread.
func (d *deriver) thread() {
	x := d.draft(channel.KindThread, channel.X, 1, -1, "")
	valid := d.leavingRoom(d.validX(x.Backlink))
	numbered := func(i, n int) string { return fmt.Sprintf(" (%d/%d)", i, n) }
	fits := func(c *extract.Candidate) bool { return valid(c.Text + numbered(maxThread, maxThread)) }
	said := d.said.on(channel.X)
	// The best figure opens it: a number with its comparison is the hook a thread is read
	// for. A thread opened by a risk or a contrast, its points claims of other sections,
	// was graded a list to rewrite in every round; a single post says such a claim better.
	hook := bestOf(d.a, said, func(c *extract.Candidate) bool { return c.Stat && claim.Hook(c, d.a.Lang) && fits(c) })
	if hook < 0 {
		d.skip(channel.KindThread, channel.X, "no figure the account has not posted yet opens a thread (a number with what it "+
			"compares or changes); without one the thread reads as a list of claims, which single posts say better")
		return
	}
	said[hook] = true
	// The thread links where its hook is said (in a talk); X counts every link alike.
	x = d.draft(channel.KindThread, channel.X, 1, -1, d.a.Candidates[hook].Text)
	valid = d.leavingRoom(d.validX(x.Backlink))
	// The payoff that leaves the most points, of the first three: one that says what a
	// point says in other words takes that point's place.
	payoff, points := -1, []int(nil)
	tried := maps.Clone(said)
	for range 3 {
		p := d.a.Payoff(tried, func(c *extract.Candidate) bool {
			return fits(c) && !d.memo().Same(c.Text, d.a.Candidates[hook].Text)
		})
		if p < 0 {
			break
		}
		tried[p] = true
		said[p] = true
		if more := d.threadPoints(hook, p, said, fits); payoff < 0 || len(more) > len(points) {
			payoff, points = p, more
		}
		delete(said, p)
		if len(points) >= minThreadPoints {
			break
		}
	}
	if payoff < 0 {
		d.skip(channel.KindThread, channel.X, "the source has no recommendation or concluding finding to end a thread on")
		return
	}
	said[payoff] = true
	if len(points) < minThreadPoints {
		d.skip(channel.KindThread, channel.X, fmt.Sprintf(
			"the source has %s on its subject (a figure, a contrast, a consequence or a stake) in other sections "+
				"that the account has not posted yet; a thread needs %d, and requirements, descriptions or asides in between read as a list",
			plural(len(points), "distinct finding", "distinct findings"), minThreadPoints))
		return
	}
	slices.Sort(points) // a candidate's index is its place in the document
	points = append(points, payoff)
	n := len(points) + 2
	for _, p := range points {
		said[p] = true
	}
	bodies := []string{d.a.Candidates[hook].Text}
	for _, p := range points {
		// The point and as many of the sentences after it as fit, whole.
		var body []string
		for k, j := range d.a.Rest(p, said) {
			if k > 0 && !extract.Followable(d.a.Candidates[j].Text, d.a.Lang) {
				break
			}
			if !valid(parse.JoinSentences(append(body, d.a.Candidates[j].Text)) + numbered(n, n)) {
				break
			}
			body = append(body, d.a.Candidates[j].Text)
			said[j] = true
		}
		bodies = append(bodies, parse.JoinSentences(body))
	}
	for i, body := range bodies {
		x.Parts = append(x.Parts, Part{Template: body + numbered(i+1, n)})
	}
	last := d.ctaLink()
	suffix := numbered(n, n)
	last, x.Hashtags = withHashtags(last, d.hashtagsFor(channel.X), "\n\n",
		func(t string) bool { return valid(t + suffix) })
	if !valid(last + suffix) {
		d.skip(channel.KindThread, channel.X, "the CTA and link do not fit in one post")
		return
	}
	x.Parts = append(x.Parts, Part{Template: last + suffix})

	templates := make([]string, len(x.Parts))
	for i := range x.Parts {
		p := &x.Parts[i]
		p.Text = channel.Render(x.Channel, p.Template, x.Backlink).Text
		p.Length = d.countTemplate(channel.X, p.Template, x.Backlink)
		templates[i] = p.Template
		// A thread's Length is its longest post: the one closest to the limit.
		if x.Length == nil || p.Length.Weighted > x.Length.Weighted {
			l := p.Length
			x.Length = &l
		}
	}
	d.emit(x, strings.Join(templates, "\n\n"))
	d.said.say(channel.X, keys(said)...)
}

// threadPoints are up to maxThread-3 weighty findings to put between a thread's hook and
// its payoff, strongest first: each from a section of its own (not the hook's), none in
// said, and none saying what the hook, the payoff or another point says. Every point is
// central to the document (at least its median postable sentence's score): a sentence
// strong by a word but far from the subject (a checklist's question, a fragment of a
// list, an aside) reads as a digression in a series. A figure is exempt (a short
// sentence of numbers shares few words with the rest, and is a finding by its nature),
// and so is the hook: a striking risk is often said once, in a section of its own.
func (d *deriver) threadPoints(hook, payoff int, said map[int]bool, fits func(c *extract.Candidate) bool) []int {
	var out []int
	central := claim.Central(d.a)
	usedSection := map[int]bool{d.a.Candidates[hook].Section: true}
	taken := []int{hook, payoff}
	for _, i := range d.a.ByHook() {
		c := &d.a.Candidates[i]
		if len(out) == maxThread-3 {
			break
		}
		if said[i] || usedSection[c.Section] || c.Score < central && !c.Stat || !c.Finding() || !d.weighty(c) || !fits(c) ||
			slices.ContainsFunc(taken, func(j int) bool { return d.memo().Same(c.Text, d.a.Candidates[j].Text) }) {
			continue
		}
		usedSection[c.Section] = true
		taken = append(taken, i)
		out = append(out, i)
	}
	return out
}
