package record

import (
	"strings"

	"github.com/repurpose/repurpose/channel"
)

// Related picks, from a source's derivatives, the approved ones in d's locale that
// belong with it: posts from the same section (or the whole paper) on each channel, and
// the same section's snippets.
func Related(d *Derivative, siblings []Derivative) (variants, points []Derivative) {
	anchor := func(x *Derivative) string {
		if x.Section == nil {
			return ""
		}
		return x.Section.Anchor
	}
	var whole []Derivative
	for _, x := range siblings {
		if x.Status != Approved || !strings.EqualFold(x.Locale, d.Locale) || x.ID == d.ID {
			continue // d itself is put first below, once
		}
		switch {
		case x.Kind == channel.KindSnippet:
			if anchor(&x) == anchor(d) {
				points = append(points, x)
			}
		case anchor(&x) == anchor(d) && anchor(d) != "":
			variants = append(variants, x)
		case anchor(&x) == "":
			whole = append(whole, x)
		}
	}
	variants = append([]Derivative{*d}, variants...)
	return append(variants, whole...), points
}
