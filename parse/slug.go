package parse

import (
	"strconv"
	"strings"
	"unicode"
)

// slugger makes GitHub-style heading anchors, unique within one document, so a deep link
// lands where GitHub (and most Markdown sites) put the heading.
type slugger map[string]int

// anchor follows github-slugger: the first "intro" is intro, the next intro-1, intro-2.
func (s slugger) anchor(heading string) string {
	base := githubSlug(heading)
	slug := base
	for {
		if _, taken := s[slug]; !taken {
			break
		}
		s[base]++
		slug = base + "-" + strconv.Itoa(s[base])
	}
	s[slug] = 0
	return slug
}

// githubSlug lower-cases, keeps letters, marks, digits, '_' and '-', and turns each space
// into '-' (runs are not collapsed: "A / B" gives "a--b", as on GitHub).
func githubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}
