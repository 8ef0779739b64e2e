package derive

import (
	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/refit"
)

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
	return func(template string) bool { return refit.ValidWithLink(d.count, ch, template, link) }
}
