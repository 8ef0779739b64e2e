package refit

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

// ReservedLink is what the slot is counted as on channel when link goes there: a
// stand-in on X, Mastodon and Bluesky, the link itself where it counts in full. No link
// stays no link.
func ReservedLink(ch channel.Name, link string) string {
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

// ValidWithLink reports whether template is valid on channel (by count) both as posted
// with link and with its slot at the longest form it may take there (ReservedLink): a
// link the channel does not take for a URL, such as http://localhost:8080/p/…, counts in
// full, so a stand-in alone would let a post through that the channel refuses.
func ValidWithLink(count func(ch channel.Name, text string) channel.Length, ch channel.Name, template, link string) bool {
	reserved := channel.Render(ch, template, ReservedLink(ch, link)).Text
	if !count(ch, reserved).Valid {
		return false
	}
	rendered := channel.Render(ch, template, link).Text
	return rendered == reserved || count(ch, rendered).Valid
}
