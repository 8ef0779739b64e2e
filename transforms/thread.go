package transforms

import (
	"fmt"
	"sort"
	"strings"

	"github.com/repurpose/repurpose/channel"
)

// Thread bounds: a hook, 1-5 key points, a closing CTA.
const (
	minThread = 3
	maxThread = 7
	// plainThreadPoints is how many of a thread's points may be plain statements: a
	// thread of descriptions reads as a list, not a story.
	plainThreadPoints = 2
)

// threadPoints are up to n points for a thread after hook, each from a different
// section and none in exclude: the strongest hooks first, plain statements only a few.
func (a *analysis) threadPoints(n, hook int, exclude map[int]bool, fits func(c *candidate) bool) []int {
	var out []int
	usedSection := map[int]bool{a.cands[hook].section: true}
	plain := 0
	for _, i := range a.hooks {
		c := &a.cands[i]
		if len(out) == n {
			break
		}
		if exclude[i] || usedSection[c.section] || !c.strong() && plain == plainThreadPoints || !fits(c) {
			continue
		}
		if !c.strong() {
			plain++
		}
		usedSection[c.section] = true
		out = append(out, i)
	}
	return out
}

// thread is a numbered series of posts on X: the strongest hook, the strongest points
// of other sections in document order, and a last post with the CTA and link. Every post
// is whole sentences, counts its own " (i/n)" and stays valid; no sentence the account
// said already in a tweet is said again.
func (d *deriver) thread() {
	x := d.draft(channel.KindThread, channel.X, 1, -1)
	valid := d.leavingRoom(d.validX(x.Backlink))
	numbered := func(i, n int) string { return fmt.Sprintf(" (%d/%d)", i, n) }
	fits := func(c *candidate) bool { return valid(c.text + numbered(maxThread, maxThread)) }
	said := d.said.on(channel.X)
	hook := d.a.bestHook(said, fits)
	if hook < 0 {
		d.skip(channel.KindThread, channel.X, "no sentence the account has not posted yet stands alone and fits a thread's first post")
		return
	}
	said[hook] = true
	points := d.a.threadPoints(maxThread-2, hook, said, fits)
	sort.Ints(points) // tell the story in the document's order
	n := len(points) + 2
	if n < minThread {
		d.skip(channel.KindThread, channel.X, "the source has too few key points the account has not posted yet for a thread of 3 posts")
		return
	}
	for _, p := range points {
		said[p] = true
	}
	bodies := []string{d.a.cands[hook].text}
	for _, p := range points {
		// The point and as many of the sentences after it as fit, whole.
		var body []string
		for k, j := range d.a.rest(p, said) {
			if k > 0 && !followable(d.a.cands[j].text, d.a.lang) {
				break
			}
			if !valid(joinSentences(append(body, d.a.cands[j].text)) + numbered(n, n)) {
				break
			}
			body = append(body, d.a.cands[j].text)
			said[j] = true
		}
		bodies = append(bodies, joinSentences(body))
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
		p.Text = d.render(p.Template, x.Backlink)
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
