package channel

import (
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// FindURLs returns the byte spans of the URLs X links in s, found the way twitter-text's
// extractor finds them (extractUrlsWithIndices: its extract.yml URL cases are the
// conformance test): http(s) URLs, and bare domains whose TLD is a real one. Spans are in
// order and do not overlap.
//
// twitter-text is one regular expression with a look-ahead after the TLD, which RE2 cannot
// express; so the domain is matched by hand, in the order a backtracking engine tries it,
// and only the port, path and query (no look-around) use package regexp, whose matches
// are the ones a backtracking engine would choose.
func FindURLs(s string) [][2]int {
	if strings.IndexByte(s, '.') < 0 {
		return nil // every URL has a dot in its domain
	}
	var spans [][2]int
	runs := &domainRuns{s: s}
	for p := 0; p < len(s); {
		// p is the character the pattern's "preceding character" group consumes; at the
		// start of s the group may also match nothing (^), tried second.
		c, size := utf8.DecodeRuneInString(s[p:])
		next := p + size
		if urlMayFollow(c) {
			m := matchURLAt(runs, next, c)
			if m.matched {
				spans, p = append(spans, m.urls...), m.end
				continue
			}
			next = max(next, m.skip)
		}
		if p == 0 {
			if m := matchURLAt(runs, 0, 0); m.matched {
				spans, p = append(spans, m.urls...), m.end
				continue
			}
		}
		p = next
	}
	return spans
}

// urlMayFollow: a URL may start right after c (twitter-text's validUrlPrecedingChars).
func urlMayFollow(c rune) bool {
	if c < utf8.RuneSelf {
		return !isASCIIAlnum(byte(c)) && c != '@' && c != '$' && c != '#'
	}
	return !strings.ContainsRune("＠＃\uFFFE\uFEFF\uFFFF", c)
}

// urlMatch is one match of the pattern: where it ended (the search resumes there), the
// URLs it yields once filtered (none when a filter rejects it), and, when it did not
// match, the first later position worth trying.
type urlMatch struct {
	matched bool
	end     int
	urls    [][2]int
	skip    int
}

// matchURLAt matches the pattern with the URL starting at u after the character before
// (0 at the start of the text), then applies the extractor's filters.
func matchURLAt(runs *domainRuns, u int, before rune) urlMatch {
	s := runs.s
	a := u
	schemed := hasPrefixFold(s[u:], "https://") || hasPrefixFold(s[u:], "http://")
	if schemed {
		a = u + strings.IndexByte(s[u:], '/') + 2
	}
	domEnd, skip := runs.match(a)
	if domEnd < 0 {
		if schemed {
			return urlMatch{skip: u + 1} // "ttp..." is glued to "h": no start
		}
		return urlMatch{skip: schemeBefore(s, u+1, skip)}
	}
	end := domEnd
	if end+1 < len(s) && s[end] == ':' && isDigit(s[end+1]) {
		for end++; end < len(s) && isDigit(s[end]); end++ {
		}
	}
	hasPath := false
	if end < len(s) && s[end] == '/' {
		if n := plainTail(s[end+1:], pathPlain, "?"); n >= 0 {
			end += 1 + n
		} else {
			end += len(urlPath.FindString(s[end:]))
		}
		hasPath = true
	}
	if end < len(s) && s[end] == '?' {
		if n := plainTail(s[end+1:], queryPlain, ""); n > 0 {
			end += 1 + n
		} else {
			end += len(urlQuery.FindString(s[end:]))
		}
	}
	m := urlMatch{matched: true, end: end}
	domain := s[a:domEnd]
	if !validURLLength(s[u:end], domain, schemed) {
		return m
	}
	if schemed {
		urlEnd := end
		var t []int
		if strings.EqualFold(domain, "t.co") { // tcoURL matches nothing else
			t = tcoURL.FindStringSubmatchIndex(s[u:end])
		}
		if t != nil {
			if t[3]-t[2] > 40 { // longer than any t.co slug
				return m
			}
			urlEnd = u + t[1]
		}
		m.urls = [][2]int{{u, urlEnd}}
		return m
	}
	if strings.ContainsRune("-_./", before) {
		return m // a bare domain glued to a word by these is no link
	}
	// Without a scheme only the ASCII (and Latin-accented) domains in the match are links.
	for _, d := range asciiDomains(domain) {
		m.urls = append(m.urls, [2]int{a + d[0], a + d[1]})
	}
	if hasPath && len(m.urls) > 0 {
		m.urls[len(m.urls)-1][1] = end
	}
	return m
}

// schemeBefore is skip, or earlier when s[from:skip] holds an "http" that may start a URL
// of its own: then the position of the character before it.
func schemeBefore(s string, from, skip int) int {
	for i := from; i < skip; i++ {
		if (s[i] == 'h' || s[i] == 'H') && hasPrefixFold(s[i:], "http") {
			_, size := utf8.DecodeLastRuneInString(s[:i])
			return i - size
		}
	}
	return skip
}

// domainRuns matches twitter-text's validDomain at the starts FindURLs tries in one text.
// Every dot of a dotted run ("a.a.a…") is a start, and each start sees the same labels
// after it; so the labels after a start are summed up once per segment (lastTLDFrom) and
// reused by the starts before them: the text costs O(n), not O(n²).
type domainRuns struct {
	s string
	// The last segment read: labels from segFrom to the dot at segTo; the last of them
	// with a TLD after its dot starts at tStart (-1 if none), the TLD ending at tEnd.
	segFrom, segTo, tStart, tEnd int
	lookups                      int
	verdicts                     map[string]bool // isTLD of the candidates seen: a run repeats them
}

// match matches validDomain at a: subdomains (labels that may hold '_'), a domain name,
// then a TLD right after its dot, the greedy subdomain loop tried from the most labels
// down, as a backtracking engine does. It returns the end, or -1 and the first later
// position worth trying: a start inside the first label sees the same labels after it, so
// it fails too unless it drops a '_' that made the label unfit.
func (r *domainRuns) match(a int) (end, skip int) {
	s := r.s
	dot := labelEnd(s, a)
	if dot == a || dot >= len(s) || s[dot] != '.' {
		return -1, dot // no label
	}
	first := s[a:dot]
	if labelFits(first, true) {
		// The labels after it that may follow as subdomains, each a possible domain name:
		// the last with a TLD after it is the greedy loop's first success.
		if t := r.lastTLDFrom(dot + 1); t > 0 {
			return t, 0
		}
	}
	if labelFits(first, false) {
		if t := tldEnd(s, dot+1, r.isTLD); t > 0 {
			return t, 0
		}
	}
	if u := strings.LastIndexByte(first, '_'); u >= 0 && labelFits(first, true) {
		return -1, a + u
	}
	return -1, dot
}

// lastTLDFrom is the end of the TLD after the last label, of those from p on that may be
// the domain name of a start before p, with a TLD after its dot; -1 if none. Those labels
// are a segment: labels followed by '.', up to the first that does not fit as a
// subdomain (it may still be the domain name). Every start before p in the segment has
// the same ones after it but for those before it, so the segment is read once.
func (r *domainRuns) lastTLDFrom(p int) int {
	if p < r.segFrom || p >= r.segTo {
		r.segFrom, r.segTo, r.tStart = p, p, -1
		for pos := p; ; {
			dot := labelEnd(r.s, pos)
			if dot == pos || dot >= len(r.s) || r.s[dot] != '.' {
				break
			}
			l := r.s[pos:dot]
			if labelFits(l, false) {
				if t := tldEnd(r.s, dot+1, r.isTLD); t > 0 {
					r.tStart, r.tEnd = pos, t
				}
			}
			r.segTo, pos = dot, dot+1
			if !labelFits(l, true) {
				break
			}
		}
	}
	if r.tStart >= p {
		return r.tEnd
	}
	return -1
}

// Verdicts are remembered from a text's memoAfter-th lookup on (a post makes a few, a long
// run one per label), and at most maxVerdicts of them: a run of distinct labels gains
// nothing from them, a repeated one is served by the first few.
const (
	memoAfter   = 16
	maxVerdicts = 1024
)

// isTLD is isTLD, remembered for the text: the public suffix lookup is most of the cost
// of a label, and a long run repeats the same few.
func (r *domainRuns) isTLD(label string) bool {
	if r.lookups++; r.lookups < memoAfter {
		return isTLD(label)
	}
	if v, ok := r.verdicts[label]; ok {
		return v
	}
	v := isTLD(label)
	if r.verdicts == nil {
		r.verdicts = map[string]bool{}
	}
	if len(r.verdicts) < maxVerdicts {
		r.verdicts[label] = v
	}
	return v
}

// labelEnd is the end of the run of label characters at pos: domain characters, '-', '_'.
func labelEnd(s string, pos int) int {
	for pos < len(s) {
		if b := s[pos]; b < utf8.RuneSelf { // most text: no decoding
			if !asciiDomainRune[b] && b != '-' && b != '_' {
				break
			}
			pos++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[pos:])
		if !isDomainRune(c) && c != '-' && c != '_' {
			break
		}
		pos += size
	}
	return pos
}

// labelFits: a label starts and ends with a domain character; only subdomains may hold
// '_'.
func labelFits(l string, sub bool) bool {
	first, _ := utf8.DecodeRuneInString(l)
	last, _ := utf8.DecodeLastRuneInString(l)
	return l != "" && isDomainRune(first) && isDomainRune(last) && (sub || !strings.Contains(l, "_"))
}

// maxTLDRunes bounds the TLD candidates tried at one position (the longest TLD has 24
// characters in ASCII, fewer in its Unicode form).
const maxTLDRunes = 24

// tldEnd is the end of the longest TLD starting at t and not followed by an ASCII letter,
// digit, '@', '+' or '-' (twitter-text's look-ahead); else of a punycode label "xn--…";
// else -1.
func tldEnd(s string, t int, isTLD func(string) bool) int {
	best := -1
	e := t
	for n := 0; n < maxTLDRunes && e < len(s); n++ {
		c, size := utf8.DecodeRuneInString(s[e:])
		if !isDomainRune(c) {
			break
		}
		e += size
		if e == len(s) || !isASCIIAlnum(s[e]) && !strings.ContainsRune("@+-", rune(s[e])) {
			if isTLD(s[t:e]) {
				best = e
			}
		}
	}
	if best > 0 {
		return best
	}
	if hasPrefixFold(s[t:], "xn--") && t+4 < len(s) && isPunycodeByte(s[t+4]) {
		e := t + 4
		for e < len(s) && isPunycodeByte(s[e]) {
			e++
		}
		return e
	}
	return -1
}

// asciiDomains are the byte spans, within a matched domain, of the domains made of ASCII
// and Latin-accented labels (twitter-text's validAsciiDomain, applied to d alone).
func asciiDomains(d string) [][2]int {
	var out [][2]int
	for q := 0; q < len(d); {
		c, size := utf8.DecodeRuneInString(d[q:])
		if !isASCIILabelRune(c) {
			q += size
			continue
		}
		var dots []int // the dot after each label
		pos := q
		for {
			for pos < len(d) {
				c, size := utf8.DecodeRuneInString(d[pos:])
				if !isASCIILabelRune(c) {
					break
				}
				pos += size
			}
			if pos == len(d) || d[pos] != '.' || len(dots) > 0 && pos == dots[len(dots)-1]+1 {
				break // the run ends at pos: an empty label, or one no dot follows
			}
			dots = append(dots, pos)
			pos++
		}
		found := -1
		for n := len(dots) - 1; n >= 0 && found < 0; n-- {
			found = tldEnd(d, dots[n]+1, isTLD)
		}
		if found < 0 {
			q = pos // a later start in the run sees only dots of this one: none has a TLD
			continue
		}
		out = append(out, [2]int{q, found})
		q = found
	}
	return out
}

// validURLLength is twitter-text's isValidUrl: every label of the domain is 1-63
// characters once punycoded, a domain starting "xn--" holds an ASCII domain, and the URL
// with its scheme is at most 4096 UTF-16 units.
func validURLLength(url, domain string, schemed bool) bool {
	if strings.HasPrefix(domain, "xn--") && asciiDomains(domain) == nil {
		return false
	}
	ascii := 0
	for _, l := range strings.Split(domain, ".") {
		n := punycodeLen(l)
		if n < 1 || n > 63 {
			return false
		}
		ascii += n + 1
	}
	scheme := len("https://")
	if schemed {
		scheme = 0 // already in url
	}
	return scheme+utf16Len(url)+ascii-1-utf16Len(domain) <= 4096
}

// punycodeLen is the length of a label once punycoded as punycode.js does it, which also
// splits at the ideographic full stops; -1 when it cannot be encoded.
func punycodeLen(label string) int {
	if isASCII(label) {
		return len(label) // no full stops to split at, nothing to encode
	}
	n := 0
	for i, part := range strings.FieldsFunc(label+"\x00", func(r rune) bool { return strings.ContainsRune("\u3002\uFF0E\uFF61", r) }) {
		part = strings.TrimSuffix(part, "\x00")
		if i > 0 {
			n++
		}
		if !isASCII(part) {
			a, err := idna.Punycode.ToASCII(part)
			if err != nil {
				return -1
			}
			part = a
		}
		n += len(part)
	}
	return n
}

// The URL's tail after the domain, as twitter-text writes it (validUrlPath,
// validUrlQueryChars...): Latin, Latin-accented and Cyrillic letters, digits and some
// punctuation; a path ends on a letter, digit, one of +-=_#/ or balanced parentheses, a
// query on a letter, digit or one of -_&=#/.
var (
	urlPath  = regexp.MustCompile(`^/` + pathPart + `*`)
	urlQuery = regexp.MustCompile(`^\?` + queryChar + `*` + queryEnd)
	tcoURL   = regexp.MustCompile(`^[hH][tT][tT][pP][sS]?://[tT]\.[cC][oO]/([a-zA-Z0-9]+)(?:\?` + queryChar + `*` + queryEnd + `)?`)
)

const (
	latinAccents  = `\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{24F}\x{253}\x{254}\x{256}\x{257}\x{259}\x{25B}\x{263}\x{268}\x{26F}\x{272}\x{289}\x{28B}\x{2BB}\x{300}-\x{36F}\x{1E00}-\x{1EFF}`
	pathChar      = `[a-zA-Z\x{400}-\x{4FF}0-9!*';:=+,.$/%#\[\]\-\x{2013}_~@|&` + latinAccents + `]`
	pathParens    = `\((?:` + pathChar + `+|` + pathChar + `*\(` + pathChar + `+\)` + pathChar + `*)\)`
	pathEnd       = `(?:[+\-a-zA-Z\x{400}-\x{4FF}0-9=_#/` + latinAccents + `]|` + pathParens + `)`
	pathPart      = `(?:` + pathChar + `*(?:` + pathParens + pathChar + `*)*` + pathEnd + `|@` + pathChar + `+/)`
	queryChar     = `[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]`
	queryEnd      = `[a-zA-Z0-9\-_&=#/]`
	domainPunct   = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
	invalidDomain = "\u0085\u00A0\u1680\u180E\u2028\u2029\u202F\u205F\u3000\uFFFE\uFEFF\uFFFF\u061C\u200E\u200F"
)

// pathPlain and queryPlain are the characters besides ASCII letters and digits that a
// plain path or query (plainTail) holds: ones urlPath or urlQuery may both hold and end on.
// Links with a section anchor ("?utm_source=x#pricing") are plain queries.
const (
	pathPlain  = "-_/=+"
	queryPlain = "-_/=&#"
)

// plainTail is the length of the run of ASCII letters, digits and extra characters that
// starts s, when the run ends s or is followed by white space or one of stops; else -1.
// Called with characters that urlPath (or urlQuery) may both hold and end on, and stops
// they cannot hold, it is what the pattern matches after the "/" (or "?"), found
// without running it: most links are this plain.
func plainTail(s, extra, stops string) int {
	n := 0
	for n < len(s) && (isASCIIAlnum(s[n]) || strings.IndexByte(extra, s[n]) >= 0) {
		n++
	}
	if n == len(s) || strings.IndexByte(" \t\n\f\r", s[n]) >= 0 || strings.IndexByte(stops, s[n]) >= 0 {
		return n
	}
	return -1
}

// isDomainRune is twitter-text's validDomainChars: anything but ASCII punctuation, white
// space, directional marks and the three invalid characters.
func isDomainRune(c rune) bool {
	switch {
	case c < 0x80:
		return asciiDomainRune[c]
	case c >= 0x2000 && c <= 0x200A, c >= 0x202A && c <= 0x202E, c >= 0x2066 && c <= 0x2069:
		return false
	case c >= 0x3001 && c < 0xFEFF:
		return true // most CJK text, every count scans it; invalidDomain has none of these
	}
	return !strings.ContainsRune(invalidDomain, c)
}

// asciiDomainRune is isDomainRune for ASCII, a table since every counted post is scanned.
var asciiDomainRune = func() (t [0x80]bool) {
	for c := range t {
		t[c] = (c < '\t' || c > '\r') && c != ' ' && !strings.ContainsRune(domainPunct, rune(c))
	}
	return t
}()

// isASCIILabelRune: a character of a label twitter-text links without a scheme.
func isASCIILabelRune(c rune) bool {
	if c < 0x80 {
		return isASCIIAlnum(byte(c)) || c == '-'
	}
	return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7 ||
		strings.ContainsRune("\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB", c) ||
		c >= 0x300 && c <= 0x36F || c >= 0x1E00 && c <= 0x1EFF
}

func isPunycodeByte(c byte) bool { return isASCIIAlnum(c) || c == '-' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasPrefixFold: s starts with the ASCII prefix in any capitalisation (ASCII only, so
// "ſ" is no "s").
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
