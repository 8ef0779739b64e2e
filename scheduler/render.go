package scheduler

import (
	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/transforms"
)

// Rendered is a post as it goes out on one channel: the text with its link (a thread's
// posts as Parts) and, on Bluesky, the facets of Text.
type Rendered struct {
	Text   string
	Parts  []string
	Facets []channel.Facet
	// templates are the text's (or each part's) template with the link slot; link fills it.
	templates []string
	link      string
}

// Render renders a derivative, or its approved translation tr, for channel with link in
// its link slot, starting with lead (a recycle's lead-in, "" for none). The planner hashes
// this text and the publisher sends it, so both see the same words.
func Render(d *record.Derivative, tr *toolkit.TranslationView, ch, link, lead string) Rendered {
	return Rendered{templates: templates(d, tr), link: link}.withLead(lead, ch)
}

// templates are the text's templates with the link slot: the translation's when there is
// one, a thread's parts, or the single post's.
func templates(d *record.Derivative, tr *toolkit.TranslationView) []string {
	var out []string
	switch {
	case tr != nil && len(tr.Parts) > 0:
		for _, p := range tr.Parts {
			out = append(out, p.Template)
		}
	case tr != nil:
		out = []string{tr.Template}
	case len(d.Parts) > 0:
		for _, p := range d.Parts {
			out = append(out, p.Template)
		}
	default:
		out = []string{d.Template}
	}
	return out
}

// withLead renders again with lead in front of the first post.
func (r Rendered) withLead(lead, ch string) Rendered {
	out := Rendered{templates: r.templates, link: r.link}
	for i, tpl := range r.templates {
		if i == 0 {
			tpl = lead + tpl
		}
		text, facets := transforms.RenderChannel(channel.Name(ch), tpl, r.link)
		if i == 0 {
			out.Text, out.Facets = text, facets
		}
		if len(r.templates) > 1 {
			out.Parts = append(out.Parts, text)
		}
	}
	return out
}
