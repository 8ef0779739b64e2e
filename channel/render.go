package channel

import "strings"

// LinkSlot marks where the backlink goes in a template.
const LinkSlot = "{link}"

// Render puts link into a template's slot.
func Render(template, link string) string { return strings.ReplaceAll(template, LinkSlot, link) }

// RenderSlot puts link in the template's slot; with no link at all the slot and the
// space before it go.
func RenderSlot(template, link string) string {
	if link != "" {
		return Render(template, link)
	}
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(template, " "+LinkSlot, ""), LinkSlot, ""))
}
