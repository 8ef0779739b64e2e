package derive

import (
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/extract"
)

// A LinkedIn post reads best between these lengths (characters): long enough to say
// something, short enough to be read past "see more". The channel's hard limit is 3000.
const (
	linkedInMinChars = 600
	linkedInMaxChars = 2000
)

// linkedInPost is the parts of a LinkedIn post before it is written out.
type linkedInPost struct {
	hook, intro, more string
	points            []string
}

// linkedIn is one LinkedIn post: a hook line, a short intro, a second paragraph when the
// post is still short, 3-5 bullet takeaways, the CTA with the link, and the channel's
// hashtags; 600-2000 characters where the source allows, always room for the disclosure.
func (d *deriver) linkedIn() {
	// The hook is the strongest the account has not posted, and preferably one no other
	// channel opened with either.
	said := d.said.on(channel.LinkedIn)
	all := func(*extract.Candidate) bool { return true }
	hook := d.a.BestHook(union(said, d.said.social()), all)
	if hook < 0 {
		hook = d.a.BestHook(said, all)
	}
	if hook < 0 {
		d.skip(channel.KindLinkedIn, channel.LinkedIn, "the source has no sentence to build a post on")
		return
	}
	exclude := union(said, map[int]bool{hook: true})
	p := linkedInPost{hook: d.a.Candidates[hook].Text, intro: d.intro(d.a.Candidates[hook].Text, introChars)}
	p.points = d.takeaways(exclude, p.intro)
	if len(p.points) < minTakeaways && p.intro != "" {
		// A short document: its summary would say what the takeaways need to.
		exclude = union(said, map[int]bool{hook: true})
		p.intro = ""
		p.points = d.takeaways(exclude, "")
	}
	if len(p.points) < minTakeaways {
		d.skip(channel.KindLinkedIn, channel.LinkedIn, "the source has fewer than 3 key points to list")
		return
	}
	d.excludeSaid(exclude, p.intro)
	more := d.moreSentences(exclude, 6)
	x := d.draft(channel.KindLinkedIn, channel.LinkedIn, 1, -1)
	x.Hashtags = d.hashtagsFor(channel.LinkedIn)
	valid := d.leavingRoom(func(t string) bool { return channel.CountLinkedIn(t).Valid })
	length := func(p linkedInPost) int {
		return utf8.RuneCountInString(channel.Render(x.Channel, d.linkedInTemplate(p, x.Hashtags), x.Backlink).Text)
	}
	// Grow a second paragraph while the post is short...
	for k := 1; k <= len(more) && length(p) < linkedInMinChars; k++ {
		p.more = d.paragraphOf(more[:k])
	}
	// ...and shed it, the intro, then takeaways beyond three while it is long.
	for length(p) > linkedInMaxChars {
		switch {
		case p.more != "":
			p.more = ""
		case p.intro != "":
			p.intro = ""
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
	d.excludeSaid(exclude, p.more)
	d.said.say(channel.LinkedIn, keys(exclude)...)
}

func (d *deriver) linkedInTemplate(p linkedInPost, tags []string) string {
	var b strings.Builder
	b.WriteString(p.hook)
	for _, para := range []string{p.intro, p.more} {
		if para != "" {
			b.WriteString("\n\n" + para)
		}
	}
	b.WriteString("\n")
	if d.labels.Takeaways != "" {
		b.WriteString("\n" + d.labels.Takeaways + d.labels.Colon)
	}
	b.WriteString("\n")
	for _, pt := range p.points {
		b.WriteString("• " + pt + "\n")
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
