package channel

import "strings"

// LinkSlot marks where the backlink goes in a template.
const LinkSlot = "{link}"

// Post is a post as it goes out on a channel: its text with the link in place and, on
// Bluesky, the facets over Text. A thread's posts are Parts, Text being the first.
type Post struct {
	Text   string
	Facets []Facet
	Parts  []string
}

// Render renders a template as posted on ch with link in its slot: on Bluesky the link's
// display form with facets (Bluesky links only what facets say), elsewhere the link
// itself. With no link the slot and the space before it go. Every layer renders through
// it, so the words counted, reviewed, planned and published are the same.
func Render(ch Name, template, link string) Post {
	if ch == Bluesky {
		text, facets := renderBluesky(template, link)
		return Post{Text: text, Facets: facets}
	}
	return Post{Text: renderSlot(template, link)}
}

// RenderParts renders a post's templates (one, or a thread's parts) on ch with link, lead
// (a recycled post's lead-in, "" for none) in front of the first. Parts is set only for
// more than one template; Text and Facets are the first post's.
func RenderParts(ch Name, templates []string, link, lead string) Post {
	if len(templates) == 0 {
		return Post{}
	}
	out := Render(ch, lead+templates[0], link)
	if len(templates) > 1 {
		out.Parts = append(out.Parts, out.Text)
		for _, tpl := range templates[1:] {
			out.Parts = append(out.Parts, Render(ch, tpl, link).Text)
		}
	}
	return out
}

// Joined is the whole text: a thread's posts one paragraph each, or the single post.
func (p Post) Joined() string {
	if len(p.Parts) == 0 {
		return p.Text
	}
	return strings.Join(p.Parts, "\n\n")
}

// renderSlot puts link in the template's slot; with no link at all the slot and the
// space before it go.
func renderSlot(template, link string) string {
	if link != "" {
		return strings.ReplaceAll(template, LinkSlot, link)
	}
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(template, " "+LinkSlot, ""), LinkSlot, ""))
}
