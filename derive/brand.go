package derive

import (
	"github.com/repurpose/repurpose/channel"
)

// defaultMaxHashtags caps hashtags per channel when the brand does not: enough to be
// found, few enough not to read as spam on each network.
var defaultMaxHashtags = map[channel.Name]int{
	channel.X:        2,
	channel.Mastodon: 3,
	channel.Bluesky:  2,
	channel.Threads:  1,
	channel.LinkedIn: 3,
}

// maxHashtags is the brand's cap for channel, else the default one.
func (d *deriver) maxHashtags(ch channel.Name) int {
	if n, ok := d.opt.Brand.MaxHashtags[string(ch)]; ok {
		return max(n, 0)
	}
	return defaultMaxHashtags[ch]
}

// hashtagsFor are the hashtags a post on channel may carry, best first, within the cap.
// Fitters still drop the last ones when they do not fit.
func (d *deriver) hashtagsFor(ch channel.Name) []string {
	if d.hashtags == nil {
		d.hashtags = d.allHashtags()
	}
	// The first n of them are what hashtags picks with a cap of n.
	if n := min(d.maxHashtags(ch), len(d.hashtags)); n > 0 {
		return d.hashtags[:n:n]
	}
	return nil
}

// disclosureTail is what a contributor may append to any post: " " + the brand's
// disclosure, or "" when there is none. Every post fitter counts its text with this tail
// appended, so appending it never breaks the channel's limit.
func (d *deriver) disclosureTail() string {
	if d.opt.Brand.Disclosure == "" {
		return ""
	}
	return " " + d.opt.Brand.Disclosure
}

// leavingRoom wraps a channel validity test so that it accepts a post only when the
// post plus the disclosure tail is valid.
func (d *deriver) leavingRoom(valid func(string) bool) func(string) bool {
	tail := d.disclosureTail()
	if tail == "" {
		return valid
	}
	return func(text string) bool { return valid(text + tail) }
}
