package transforms

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// keywords are the document's frequent phrases, best first: two-word phrases of
// content words seen at least twice, then single content words (katakana words in
// Japanese), each in its most common spelling ("Platform Engineering", "CNCF").
func (a *analysis) keywords(n int) []string {
	// Keys are lower-cased word pairs (substrings of the text: no allocation per
	// occurrence); a Japanese keyword is a single word, with b empty.
	type key struct{ a, b string }
	type spelling struct {
		a, b string
		n    int
	}
	type phrase struct {
		count     int
		spellings []spelling
	}
	phrases := map[key]*phrase{}
	add := func(w1, w2 string) {
		k := key{lowerASCII(w1), lowerASCII(w2)}
		p := phrases[k]
		if p == nil {
			p = &phrase{}
			phrases[k] = p
		}
		p.count++
		for i := range p.spellings {
			if p.spellings[i].a == w1 && p.spellings[i].b == w2 {
				p.spellings[i].n++
				return
			}
		}
		p.spellings = append(p.spellings, spelling{w1, w2, 1})
	}
	for _, c := range a.cands {
		if a.lang == "ja" {
			katakanaWords(c.text, func(w string) { add(w, "") })
			continue
		}
		contentWords(c.text, a.lang, func(prev, w string) {
			if prev != "" {
				add(prev, w)
			}
		})
	}
	type scored struct {
		key     string
		surface string
		count   int
	}
	var list []scored
	for k, p := range phrases {
		if p.count < 2 {
			continue
		}
		// The most frequent spelling; ties go to the alphabetically first, for determinism.
		best := p.spellings[0]
		for _, s := range p.spellings[1:] {
			if s.n > best.n || s.n == best.n && s.a+" "+s.b < best.a+" "+best.b {
				best = s
			}
		}
		list = append(list, scored{strings.TrimSpace(k.a + " " + k.b), strings.TrimSpace(best.a + " " + best.b), p.count})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].key < list[j].key
	})
	var out []string
	for _, s := range list {
		if len(out) == n {
			break
		}
		out = append(out, s.surface)
	}
	return out
}

// contentWords calls fn for each content word of text with the content word right
// before it ("" when punctuation or a stop word came between, so a phrase never spans
// them). Words keep their spelling.
func contentWords(text, lang string, fn func(prev, w string)) {
	prev := ""
	start := -1 // of the current word
	word := func(i int) {
		w := strings.Trim(text[start:i], "-'")
		start = -1
		first, _ := utf8.DecodeRuneInString(w)
		if len(w) < 2 || !unicode.IsLetter(first) || isStopword(lang, lowerASCII(w)) {
			prev = ""
			return
		}
		fn(prev, w)
		prev = w
	}
	for i, r := range text {
		inWord := r == '-' || r == '\'' || (r < utf8.RuneSelf && isASCIIAlnum(byte(r))) ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			word(i)
			if r != ' ' {
				prev = "" // punctuation breaks the phrase
			}
		case !inWord && r != ' ':
			prev = ""
		}
	}
	if start >= 0 {
		word(len(text))
	}
}

// katakanaWords calls fn with each katakana word of three or more characters: in
// Japanese the loanwords that name a topic (プラットフォーム).
func katakanaWords(text string, fn func(string)) {
	start, n := -1, 0
	for i, r := range text {
		if r == 'ー' || r >= 0x30A1 && r <= 0x30FA {
			if start < 0 {
				start, n = i, 0
			}
			n++
			continue
		}
		if start >= 0 && n >= 3 {
			fn(text[start:i])
		}
		start = -1
	}
	if start >= 0 && n >= 3 {
		fn(text[start:])
	}
}

// hashtags are up to n CamelCase tags: the document's own tags first, then its keyword
// phrases, without duplicates.
func hashtags(tags, keywords []string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, src := range [][]string{tags, keywords} {
		for _, t := range src {
			h := camelTag(t)
			if h == "" || seen[strings.ToLower(h)] || len(out) == n {
				continue
			}
			seen[strings.ToLower(h)] = true
			out = append(out, h)
		}
	}
	return out
}

// camelTag makes "platform engineering" into "#PlatformEngineering"; the rest of each
// word keeps its case ("DevOps", "CNCF"). A tag with no letter is dropped.
func camelTag(phrase string) string {
	var b strings.Builder
	letters := false
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != 'ー'
	}) {
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
		for _, r := range w {
			letters = letters || unicode.IsLetter(r)
		}
	}
	if !letters || utf8.RuneCountInString(b.String()) > 40 {
		return ""
	}
	return "#" + b.String()
}
