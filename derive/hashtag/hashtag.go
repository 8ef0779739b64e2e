// Package hashtag chooses the hashtags a document's posts may carry: its own tags
// (not a site's filing), the campaign's that it mentions, and for a document without
// tags the well-known topics it is about — never phrases mined from the text.
package hashtag

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// maxHashtagRunes keeps tags readable: a long phrase makes a tag nobody types.
const maxHashtagRunes = 30

// genericTags say nothing about a document's subject: no feed is followed for them.
var genericTags = parse.WordSet(`event events news update updates blog post article paper whitepaper report
	guide video webinar announcement tech technology business community info resources`)

// filingWords mark a site's filing rather than a subject: a tag with one of them
// ("Community Contribution", "WG Platforms", "Member Post", "Sponsored") says where a
// blog keeps the article, and nobody follows it.
var filingWords = parse.WordSet(`contribution contributions contributed wg sig sponsored guest member members
	uncategorized uncategorised featured category categories`)

// filing reports whether a front-matter tag is a site's filing, by its words.
func filing(tag string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(tag), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if filingWords[w] {
			return true
		}
	}
	return false
}

// Tags are every tag a post may carry, best first: the document's front-matter
// tags (not its filing), then the campaign's hashtags that the document mentions, then (for a document
// without tags) the well-known topics it is about (topicTags) — never phrases mined
// from the text, which make fragments and particles into tags. Aliases spell a phrase
// as the brand writes it; otherwise acronyms keep the case the document gives them.
func Tags(a *extract.Analysis, brandAliases map[string]string, campaign []string) []string {
	aliases := map[string]string{}
	for phrase, tag := range brandAliases {
		aliases[Fold(phrase)] = "#" + strings.TrimPrefix(tag, "#")
	}
	var phrases []string
	for _, t := range a.Doc.Meta.Tags {
		if !filing(t) {
			phrases = append(phrases, t)
		}
	}
	tagged := len(phrases) > 0
	if len(campaign) > 0 {
		text := Fold(proseOf(a, math.MaxInt))
		for _, h := range campaign {
			if f := Fold(h); f != "" && strings.Contains(text, f) {
				phrases = append(phrases, h)
			}
		}
	}
	var topics []string // spelled as tags already
	if !tagged {
		topics = documentTopics(a)
	}
	var acronyms map[string]string
	if len(phrases) > 0 {
		acronyms = acronymsOf(a)
	}
	out := []string{} // not nil: computed once
	seen := map[string]bool{}
	for k, p := range append(phrases, topics...) {
		tag, ok := aliases[Fold(p)]
		if !ok && k < len(phrases) {
			tag = camelTag(p, acronyms)
		} else if !ok {
			tag = p
		}
		key := strings.ToLower(tag)
		if tag == "" || seen[key] || genericTags[strings.TrimPrefix(key, "#")] {
			continue
		}
		seen[key] = true
		out = append(out, tag)
	}
	return out
}

// Fold is a phrase or tag as compared: lower case, letters and digits only, so that
// "Content Operations", "content-operations" and "#ContentOperations" are one.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// camelTag makes "platform engineering" into "#PlatformEngineering" and "cadena de
// suministro" into "#CadenaDeSuministro"; a word the document writes as an acronym keeps
// its capitals ("roi" → "#ROI"), and the rest of each word keeps its case ("DevOps"). A
// tag with no letter, or too long to read, is dropped.
func camelTag(phrase string, acronyms map[string]string) string {
	var b strings.Builder
	letters := false
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != 'ー'
	}) {
		if a, ok := acronyms[strings.ToLower(w)]; ok {
			w = a
		}
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
		for _, r := range w {
			letters = letters || unicode.IsLetter(r)
		}
	}
	if !letters || utf8.RuneCountInString(b.String()) > maxHashtagRunes {
		return ""
	}
	return "#" + b.String()
}

// proseOf is the document's title and prose, for finding what it mentions: its first
// limit bytes at most.
func proseOf(a *extract.Analysis, limit int) string {
	n := len(a.Doc.Title) // what is written below, to allocate once
	for _, c := range a.Candidates {
		if n >= limit {
			break
		}
		n += 1 + len(c.Text)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(a.Doc.Title)
	for _, c := range a.Candidates {
		if b.Len() >= limit {
			break
		}
		b.WriteString("\n")
		b.WriteString(c.Text)
	}
	return b.String()[:min(b.Len(), limit)]
}

// acronymsOf are the words the document writes in capitals (2 to 8 letters: "ROI",
// "SBOM"), by their lower case.
func acronymsOf(a *extract.Analysis) map[string]string {
	out := map[string]string{}
	add := func(text string) {
		for _, w := range parse.LettersAndDigits.Fields(text) {
			if n := len(w); n >= 2 && n <= 8 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
				out[strings.ToLower(w)] = w
			}
		}
	}
	add(a.Doc.Title)
	for _, c := range a.Candidates {
		add(c.Text)
	}
	return out
}
