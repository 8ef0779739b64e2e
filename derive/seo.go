package derive

import (
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// Bounds of the blog teaser's search-engine fields.
const (
	metaDescMinChars = 70 // shorter, and search engines write their own
	seoKeywordCount  = 8
)

// metaDescription is at most 160 characters for search results (half that in Chinese and
// Japanese, whose characters are wide), ending at a sentence: the summary's opening
// sentences, else one of the best sentences of the document, preferring one that names
// the top keyword; the title when none fits.
func (d *deriver) metaDescription() string {
	minChars, maxChars := metaDescMinChars, metaDescChars
	if d.a.Lang == "ja" || d.a.Lang == "zh" {
		minChars, maxChars = minChars/2, 100
	}
	var options []string
	var lead []string
	for _, s := range d.summarySentences() {
		if extract.AboutTheDocument(s, d.a.Lang) || utf8.RuneCountInString(parse.JoinSentences(append(lead, s))) > maxChars {
			break
		}
		lead = append(lead, s)
	}
	if len(lead) > 0 && extract.Postable(lead[0], d.a.Lang) {
		options = append(options, parse.JoinSentences(lead))
	}
	for _, i := range d.a.Ranked[:min(8, len(d.a.Ranked))] {
		if t := d.a.Candidates[i].Text; d.a.Candidates[i].Score > 0 && utf8.RuneCountInString(t) <= maxChars {
			options = append(options, t)
		}
	}
	usable := func(s string) bool { return utf8.RuneCountInString(s) >= minChars }
	names := func(s string) bool {
		return len(d.keywords) > 0 && strings.Contains(strings.ToLower(s), strings.ToLower(d.keywords[0]))
	}
	for _, prefer := range []func(string) bool{names, func(string) bool { return true }} {
		for _, s := range options {
			if usable(s) && prefer(s) {
				return s
			}
		}
	}
	if len(options) > 0 {
		return options[0]
	}
	return parse.Truncate(d.a.Doc.Title, maxChars)
}

// seoKeywords are the document's own tags, then its long-tail phrases, without
// duplicates in any spelling. Korean gets its tags only: its phrases cut from running
// text end in particles (Japanese and Chinese phrases come from a dictionary).
func (d *deriver) seoKeywords() []string {
	var out []string
	seen := map[string]bool{}
	sources := [][]string{d.a.Doc.Meta.Tags, d.keywords}
	if d.a.Lang == "ko" {
		sources = sources[:1]
	}
	for _, src := range sources {
		for _, k := range src {
			key := extract.PhraseKey(k, d.a.Lang)
			if k == "" || seen[key] || len(out) == seoKeywordCount {
				continue
			}
			seen[key] = true
			out = append(out, k)
		}
	}
	return out
}
