package derive

import (
	"fmt"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// Thread bounds: a hook, 3-4 points, a payoff, a closing CTA.
const (
	minThreadPoints = 3
	maxThread       = 7
	// plainThreadPoints is how many of a thread's points may be plain statements: a
	// thread of descriptions reads as a list, not a story.
	plainThreadPoints = 2
)

// thread is a numbered series of posts on X that reads as one: the strongest hook (a
// finding when the document states one), the strongest points of other sections,
// strongest first (a reader who stops after two parts has had the best of it), a payoff
// (what to do, or the conclusion's finding), and a last post with the CTA and link.
// Every post is whole sentences, counts its own " (i/n)" and stays valid; no sentence
// the account said already in a tweet is said again. A document that cannot fill the
// shape gets no thread.
func (d *deriver) thread() {
	x := d.draft(channel.KindThread, channel.X, 1, -1, "")
	valid := d.leavingRoom(d.validX(x.Backlink))
	numbered := func(i, n int) string { return fmt.Sprintf(" (%d/%d)", i, n) }
	fits := func(c *extract.Candidate) bool { return valid(c.Text + numbered(maxThread, maxThread)) }
	said := d.said.on(channel.X)
	hook := d.a.BestHook(said, func(c *extract.Candidate) bool { return c.Strong() && fits(c) })
	if hook < 0 {
		d.skip(channel.KindThread, channel.X, "no sentence the account has not posted yet gives a reason to read on "+
			"(a figure, a contrast, a consequence, a recommendation) and fits a thread's first post")
		return
	}
	said[hook] = true
	// The thread links where its hook is said (in a talk); X counts every link alike.
	x = d.draft(channel.KindThread, channel.X, 1, -1, d.a.Candidates[hook].Text)
	valid = d.leavingRoom(d.validX(x.Backlink))
	payoff := d.a.Payoff(said, fits)
	if payoff < 0 {
		d.skip(channel.KindThread, channel.X, "the source has no recommendation or concluding finding to end a thread on")
		return
	}
	said[payoff] = true
	points := d.a.Points(maxThread-3, hook, said, plainThreadPoints, fits)
	if len(points) < minThreadPoints {
		d.skip(channel.KindThread, channel.X, fmt.Sprintf(
			"the source has %d distinct points from other sections the account has not posted yet; a thread needs %d", len(points), minThreadPoints))
		return
	}
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
