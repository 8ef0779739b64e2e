// Package brandrules applies a brand's rules to text: banned phrases left out, its
// names spelled as it spells them (URLs untouched).
package brandrules

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// Rules is config.Brand made ready to apply: banned phrases lower-cased, the
// spellings compiled into one pattern.
type Rules struct {
	brand    config.Brand
	banned   []string       // lower-cased
	spelling *regexp.Regexp // every listed name, case-insensitively; nil when none
	// canonical maps a name's lower-case form to its spelling.
	canonical map[string]string
}

// New compiles b.
func New(b config.Brand) Rules {
	r := Rules{brand: b, canonical: map[string]string{}}
	for _, p := range b.BannedPhrases {
		if p = strings.TrimSpace(p); p != "" {
			r.banned = append(r.banned, strings.ToLower(p))
		}
	}
	var names []string
	for _, s := range b.Spellings {
		if s = strings.TrimSpace(s); s != "" {
			r.canonical[strings.ToLower(s)] = s
			names = append(names, regexp.QuoteMeta(s))
		}
	}
	if len(names) > 0 {
		// Longest first, so "GitHub Actions" wins over "GitHub".
		sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
		r.spelling = regexp.MustCompile(`(?i)(?:` + strings.Join(names, "|") + `)`)
	}
	return r
}

// BannedPhrase is the first of the brand's banned phrases text holds (as configured),
// or "" when it holds none. People's edits are checked with it.
func BannedPhrase(b config.Brand, text string) string {
	lower := strings.ToLower(text)
	for _, p := range b.BannedPhrases {
		if p = strings.TrimSpace(p); p != "" && strings.Contains(lower, strings.ToLower(p)) {
			return p
		}
	}
	return ""
}

// Spell rewrites the brand's names in text to their canonical spelling, as derived text
// has them (URLs untouched).
func Spell(b config.Brand, text string) string { return New(b).Spell(text) }

// isBanned reports whether text holds a banned phrase, in any capitalisation.
func (r Rules) isBanned(text string) bool {
	if len(r.banned) == 0 {
		return false
	}
	lower := textcase.Lower(text)
	for _, p := range r.banned {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// Spell rewrites every listed name to its canonical capitalisation where it stands as a
// whole word, leaving URLs alone ("github.com/x" stays a working link).
func (r Rules) Spell(text string) string {
	if r.spelling == nil {
		return text
	}
	matches := r.spelling.FindAllStringIndex(text, -1)
	if matches == nil {
		return text
	}
	urls := channel.FindURLs(text)
	b := []byte(text)
	for _, m := range matches {
		if !wordBounded(text, m[0], m[1]) || insideSpan(urls, m[0]) {
			continue
		}
		// Case folding can change byte lengths (rarely: "K" Kelvin sign); keep the text
		// as it is then rather than shift every later offset.
		if c := r.canonical[strings.ToLower(text[m[0]:m[1]])]; len(c) == m[1]-m[0] {
			copy(b[m[0]:m[1]], c)
		}
	}
	return string(b)
}

// wordBounded: no letter or digit right before start or right after end.
func wordBounded(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	return (start == 0 || !isWord(before)) && (end == len(text) || !isWord(after))
}

func insideSpan(spans [][2]int, i int) bool {
	for _, s := range spans {
		if s[0] <= i && i < s[1] {
			return true
		}
	}
	return false
}

// allowed is text with the sentences holding a banned phrase left out, names spelled.
func (r Rules) allowed(text string) string {
	if len(r.banned) > 0 && r.isBanned(text) {
		var kept []string
		for _, s := range parse.Sentences(text) {
			if !r.isBanned(s) {
				kept = append(kept, s)
			}
		}
		text = parse.JoinSentences(kept)
	}
	return r.Spell(text)
}

// Document is doc as the brand allows it to be quoted: no sentence with a banned phrase,
// every listed name spelled canonically. Anchors stay as the source has them, so deep
// links still land. doc itself is not changed; without rules it is returned as is.
func (r Rules) Document(doc *parse.Document) *parse.Document {
	if len(r.banned) == 0 && r.spelling == nil {
		return doc
	}
	out := *doc
	out.Summary = r.allowed(doc.Summary)
	out.Title = ""
	for _, t := range append([]string{doc.Title}, headings(doc)...) {
		if t != "" && !r.isBanned(t) {
			out.Title = r.Spell(t)
			break
		}
	}
	out.Meta.Tags = r.each(doc.Meta.Tags)
	out.Sections = make([]parse.Section, len(doc.Sections))
	for i, s := range doc.Sections {
		ns := parse.Section{Level: s.Level, Anchor: s.Anchor}
		if !r.isBanned(s.Heading) {
			ns.Heading = r.Spell(s.Heading)
		}
		for _, p := range s.Paragraphs {
			if p = r.allowed(p); p != "" {
				ns.Paragraphs = append(ns.Paragraphs, p)
			}
		}
		for _, l := range s.Lists {
			if l = r.each(l); len(l) > 0 {
				ns.Lists = append(ns.Lists, l)
			}
		}
		for _, q := range s.Quotes {
			if !r.isBanned(q.Text) && !r.isBanned(q.Attribution) {
				ns.Quotes = append(ns.Quotes, parse.Quote{Text: r.Spell(q.Text), Attribution: r.Spell(q.Attribution), Anchor: q.Anchor})
			}
		}
		out.Sections[i] = ns
	}
	out.Moments = make([]parse.Moment, len(doc.Moments))
	for i, m := range doc.Moments {
		out.Moments[i] = parse.Moment{Text: r.Spell(m.Text), Anchor: m.Anchor}
	}
	return &out
}

// each is the allowed items of a list (tags, bullets), spelled.
func (r Rules) each(items []string) []string {
	var out []string
	for _, it := range items {
		if !r.isBanned(it) {
			out = append(out, r.Spell(it))
		}
	}
	return out
}

func headings(doc *parse.Document) []string {
	var hs []string
	for _, s := range doc.Sections {
		hs = append(hs, s.Heading)
	}
	return hs
}
