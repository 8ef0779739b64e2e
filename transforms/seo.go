package transforms

import (
	"strings"
	"unicode/utf8"
)

// Bounds of the blog teaser's search-engine fields.
const (
	metaDescMinChars = 70 // shorter, and search engines write their own
	seoKeywordCount  = 8
)

// metaDescription is at most 160 characters for search results: the summary's opening,
// else one of the best sentences of the document: whole sentences first, and among
// them one that names the top keyword.
func (d *deriver) metaDescription() string {
	minChars := metaDescMinChars
	if d.a.lang == "ja" {
		minChars /= 2 // denser script
	}
	var options []string
	if s := truncateText(d.a.doc.Summary, metaDescChars); s != "" {
		options = append(options, s)
	}
	for _, i := range d.a.ranked[:min(5, len(d.a.ranked))] {
		options = append(options, truncateText(d.a.cands[i].text, metaDescChars))
	}
	// Whole sentences before cut ones, then the top keyword named before not.
	usable := func(s string) bool { return utf8.RuneCountInString(s) >= minChars }
	whole := func(s string) bool { return !strings.HasSuffix(s, "…") }
	names := func(s string) bool {
		return len(d.keywords) > 0 && strings.Contains(strings.ToLower(s), strings.ToLower(d.keywords[0]))
	}
	for _, prefer := range []func(string) bool{
		func(s string) bool { return whole(s) && names(s) },
		whole,
		names,
		func(string) bool { return true },
	} {
		for _, s := range options {
			if usable(s) && prefer(s) {
				return s
			}
		}
	}
	if len(options) > 0 {
		return options[0]
	}
	return truncateText(d.a.doc.Title, metaDescChars)
}

// seoKeywords are the document's own tags, then its long-tail phrases, without
// duplicates in any spelling.
func (d *deriver) seoKeywords() []string {
	var out []string
	seen := map[string]bool{}
	for _, src := range [][]string{d.a.doc.Meta.Tags, d.keywords} {
		for _, k := range src {
			key := phraseKey(k, d.a.lang)
			if k == "" || seen[key] || len(out) == seoKeywordCount {
				continue
			}
			seen[key] = true
			out = append(out, k)
		}
	}
	return out
}
