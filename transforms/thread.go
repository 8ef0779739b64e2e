package transforms

import (
	"fmt"
	"sort"
	"strings"
)

// Thread bounds: a hook, 1-5 key points, a closing CTA.
const (
	minThread = 3
	maxThread = 7
)

// thread is a numbered series of posts on X: a hook, key points from different sections
// in document order, and a last post with the CTA and link. Every post counts its own
// " (i/n)" and stays valid.
func (d *deriver) thread() {
	hook := d.a.best(func(c *candidate) bool { return c.score > 0 })
	if hook < 0 {
		d.skip(KindThread, ChannelX, "the source has no sentence to build a thread on")
		return
	}
	points := d.a.keyPoints(maxThread-2, 1, map[int]bool{hook: true})
	sort.Ints(points) // tell the story in the document's order
	n := len(points) + 2
	if n < minThread {
		d.skip(KindThread, ChannelX, "the source has too few key points for a thread of 3 posts")
		return
	}
	x := d.draft(KindThread, ChannelX, 1, -1)
	valid := d.leavingRoom(d.validX(x.Backlink))
	numbered := func(i int) string { return fmt.Sprintf(" (%d/%d)", i, n) }

	var bodies []string
	hookText := d.a.cands[hook].text
	if t := d.a.doc.Title + "\n\n" + hookText; d.a.doc.Title != "" && valid(t+numbered(1)) {
		hookText = t
	}
	bodies = append(bodies, hookText)
	said := map[int]bool{hook: true}
	for _, p := range points {
		said[p] = true
	}
	for _, p := range points {
		bodies = append(bodies, d.a.rest(p, said))
	}
	for i, body := range bodies {
		tpl, ok := fitPost(body, numbered(i+1), valid)
		if !ok {
			d.skip(KindThread, ChannelX, fmt.Sprintf("post %d does not fit in 280 weighted characters", i+1))
			return
		}
		x.Parts = append(x.Parts, Part{Template: tpl})
	}
	last := d.ctaLink()
	suffix := numbered(n)
	last, x.Hashtags = withHashtags(last, d.hashtagsFor(ChannelX), "\n\n",
		func(t string) bool { return valid(t + suffix) })
	if !valid(last + suffix) {
		d.skip(KindThread, ChannelX, "the CTA and link do not fit in one post")
		return
	}
	x.Parts = append(x.Parts, Part{Template: last + suffix})

	templates := make([]string, len(x.Parts))
	for i := range x.Parts {
		p := &x.Parts[i]
		p.Text = d.render(p.Template, x.Backlink)
		p.Length = d.countTemplate(ChannelX, p.Template, x.Backlink)
		templates[i] = p.Template
		// A thread's Length is its longest post: the one closest to the limit.
		if x.Length == nil || p.Length.Weighted > x.Length.Weighted {
			l := p.Length
			x.Length = &l
		}
	}
	d.emit(x, strings.Join(templates, "\n\n"))
}
