package transforms

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Takeaway bounds shared by the LinkedIn post and the blog teaser.
const (
	minTakeaways   = 3
	maxTakeaways   = 5
	takeawayChars  = 250
	introChars     = 500
	metaDescChars  = 160
	minUsefulChars = 20
)

// takeaways are up to five key sentences from different sections (filled from any
// section on short documents), in document order, each at most 250 characters. Sentences
// in exclude, or already said in the intro, are left out.
func (d *deriver) takeaways(exclude map[int]bool, intro string) []string {
	said := map[string]bool{}
	for _, s := range splitSentences(intro) {
		said[s] = true
	}
	for i, c := range d.a.cands {
		if said[c.text] {
			if exclude == nil {
				exclude = map[int]bool{}
			}
			exclude[i] = true
		}
	}
	picks := d.a.keyPoints(maxTakeaways, minTakeaways, exclude)
	sort.Ints(picks)
	var out []string
	for _, i := range picks {
		if t := truncateText(d.a.cands[i].text, takeawayChars); utf8.RuneCountInString(t) >= minUsefulChars {
			out = append(out, t)
		}
	}
	return out
}

// intro is the document's summary without the hook sentence (already said), trimmed to
// whole sentences within max characters.
func (d *deriver) intro(hook string, max int) string {
	var kept []string
	for _, s := range splitSentences(d.a.doc.Summary) {
		if s != hook {
			kept = append(kept, s)
		}
	}
	return truncateText(strings.TrimSpace(joinSentences(kept)), max)
}
