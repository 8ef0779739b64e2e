package derive

import (
	"cmp"
	"unicode/utf8"

	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// Bounds of the blog teaser's search-engine fields.
const (
	metaDescMinChars = 70 // shorter, and search engines write their own
	seoKeywordCount  = 5
)

// metaDescription is at most 160 characters for search results (half that in Chinese and
// Japanese, whose characters are wide), ending at a sentence: the document's own
// strongest claim that fits (a finding first, in extract's hook order, then another
// weighty sentence: no hedge or wish), else the summary's opening sentences, else its strongest plain claim;
// the title when none fits. A search reader decides on the claim: a definition or truism
// ("X is a discipline that focuses on…") says what the page is about but not why to read
// it, and a sentence led by a document ("CNCF's initial White Paper describes…")
// describes that document instead of this page.
func (d *deriver) metaDescription() string {
	minChars, maxChars := metaDescMinChars, metaDescChars
	if d.a.Lang == "ja" || d.a.Lang == "zh" {
		minChars, maxChars = minChars/2, 100
	}
	weak := d.weakSentences()
	// A question describes no page ("What steps are necessary in case of outages?" is a
	// checklist's line): the description states what the page finds.
	claims := func(s string) bool {
		return !weak[s] && !extract.AboutTheDocument(s, d.a.Lang) && !claim.AboutADocument(s, d.a.Lang) &&
			!claim.Labelled(s) && !extract.Question(s) && extract.Postable(s, d.a.Lang)
	}
	fits := func(s string) bool {
		n := utf8.RuneCountInString(s)
		return n >= minChars && n <= maxChars && claims(s)
	}
	strongest := func(tier func(*extract.Candidate) bool) string {
		for _, i := range d.a.ByHook() {
			if c := &d.a.Candidates[i]; tier(c) && fits(c.Text) && !claim.Presumes(d.a, i) {
				return c.Text
			}
		}
		return ""
	}
	weighty := d.weighty
	if s := cmp.Or(strongest(func(c *extract.Candidate) bool { return c.Finding() && weighty(c) }), strongest(weighty)); s != "" {
		return s
	}
	var lead []string
	for _, s := range d.summarySentences() {
		if !claims(s) || utf8.RuneCountInString(parse.JoinSentences(append(lead, s))) > maxChars {
			break
		}
		lead = append(lead, s)
	}
	if s := parse.JoinSentences(lead); utf8.RuneCountInString(s) >= minChars {
		return s
	}
	if s := strongest(func(*extract.Candidate) bool { return true }); s != "" {
		return s
	}
	return parse.Truncate(d.a.Doc.Title, maxChars)
}

// weakSentences are the document's hedges, truisms and definitions (hook strength below
// one: Weight under Score), by text: they open nothing and describe no page.
func (d *deriver) weakSentences() map[string]bool {
	weak := map[string]bool{}
	for _, c := range d.a.Candidates {
		if c.Score > 0 && c.Weight() < c.Score {
			weak[c.Text] = true
		}
	}
	return weak
}

// seoKeywords are the document's own tags, then its long-tail phrases, without
// duplicates in any spelling.
func (d *deriver) seoKeywords() []string {
	var out []string
	seen := map[string]bool{}
	// Keywords are counted only here: most of the work of a teaser's metadata.
	sources := [][]string{d.a.Doc.Meta.Tags, d.a.Keywords(seoKeywordCount)}
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
