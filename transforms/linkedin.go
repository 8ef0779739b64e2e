package transforms

import "strings"

// linkedIn is one LinkedIn post: a hook line, a short intro, 3-5 bullet takeaways, the
// CTA with the link, and up to three hashtags; at most 3000 characters.
func (d *deriver) linkedIn() {
	hook := d.a.best(func(c *candidate) bool { return c.score > 0 })
	if hook < 0 {
		d.skip(KindLinkedIn, ChannelLinkedIn, "the source has no sentence to build a post on")
		return
	}
	hookText := d.a.cands[hook].text
	intro := d.intro(hookText, introChars)
	points := d.takeaways(map[int]bool{hook: true}, intro)
	if len(points) < minTakeaways {
		d.skip(KindLinkedIn, ChannelLinkedIn, "the source has fewer than 3 key points to list")
		return
	}
	x := d.draft(KindLinkedIn, ChannelLinkedIn, 1, -1)
	tags := hashtags(d.a.doc.Meta.Tags, d.keywords, 3)
	x.Hashtags = tags
	// Shed the intro, then takeaways beyond three, until the post fits.
	for n := len(points); n >= minTakeaways; n-- {
		for _, in := range []string{intro, ""} {
			tpl := linkedInTemplate(hookText, in, d.labels.Takeaways+d.labels.Colon, points[:n], d.cta, tags)
			if CountLinkedIn(d.render(tpl, x.Backlink)).Valid {
				d.emit(x, tpl)
				return
			}
		}
	}
	d.skip(KindLinkedIn, ChannelLinkedIn, "the post does not fit in 3000 characters")
}

func linkedInTemplate(hook, intro, heading string, points []string, cta string, tags []string) string {
	var b strings.Builder
	b.WriteString(hook)
	if intro != "" {
		b.WriteString("\n\n" + intro)
	}
	b.WriteString("\n\n" + heading + "\n")
	for _, p := range points {
		b.WriteString("• " + p + "\n")
	}
	b.WriteString("\n" + cta + "\n" + LinkSlot)
	if len(tags) > 0 {
		b.WriteString("\n\n" + strings.Join(tags, " "))
	}
	return b.String()
}
