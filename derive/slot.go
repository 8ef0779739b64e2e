package derive

import (
	"strings"

	"github.com/repurpose/repurpose/channel"
)

// The link slot reserves room for the longest form it can take on each channel
// (DESIGN.md, Links), so a post stays valid whether the slot is rendered with the
// canonical backlink or, later, a tracked short link; a post is also fitted as rendered
// with its own link, and its Length is the channel's count of that rendering.

// xLinkStandIn is a link X and Mastodon count as 23, like every link they recognise. It
// stands in for the slot there whatever the real link is, even one they would not
// recognise (http://localhost:8080/...), which would otherwise be counted in full.
const xLinkStandIn = "https://t.co/0123456789"

// blueskyLinkStandIn is as long as the longest display link (BlueskyDisplayLink).
var blueskyLinkStandIn = strings.Repeat("x", channel.BlueskyDisplayMax-1) + "…"

// reservedLink is what the slot is counted as on channel when link goes there: a
// stand-in on X, Mastodon and Bluesky, the link itself where it counts in full. No link
// stays no link.
func reservedLink(ch channel.Name, link string) string {
	if link == "" {
		return ""
	}
	switch ch {
	case channel.X, channel.Any, channel.Mastodon:
		return xLinkStandIn
	case channel.Bluesky:
		return blueskyLinkStandIn
	}
	return link
}

// count counts text by channel's rules, Mastodon with the instance's limit. Counts are
// kept: a fitter's last accepted try is counted again when the derivative is emitted.
func (d *deriver) count(ch channel.Name, text string) channel.Length {
	key := countKey{ch, text}
	if l, ok := d.counts[key]; ok {
		return l
	}
	var l channel.Length
	if ch == channel.Mastodon {
		l = channel.CountMastodon(text, d.opt.MastodonLimit)
	} else {
		l, _ = channel.Count(ch, text)
	}
	d.counts[key] = l
	return l
}

type countKey struct {
	ch   channel.Name
	text string
}

// countTemplate is a template's count on channel as posted with link in its slot: every
// derivative's Length.
func (d *deriver) countTemplate(ch channel.Name, template, link string) channel.Length {
	return d.count(ch, channel.Render(ch, template, link).Text)
}

// validOn reports whether a template, its slot holding link, is valid on channel.
func (d *deriver) validOn(ch channel.Name, link string) func(string) bool {
	return func(template string) bool { return validWithLink(d.count, ch, template, link) }
}

// validWithLink reports whether template is valid on channel (by count) both as posted
// with link and with its slot at the longest form it may take there (reservedLink): a
// link the channel does not take for a URL, such as http://localhost:8080/p/…, counts in
// full, so a stand-in alone would let a post through that the channel refuses.
func validWithLink(count func(ch channel.Name, text string) channel.Length, ch channel.Name, template, link string) bool {
	reserved := channel.Render(ch, template, reservedLink(ch, link)).Text
	if !count(ch, reserved).Valid {
		return false
	}
	rendered := channel.Render(ch, template, link).Text
	return rendered == reserved || count(ch, rendered).Valid
}
