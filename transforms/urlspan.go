package transforms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// genericTLDs are the top-level domains recognised without a scheme (besides any
// two-letter country code). X links these bare domains, so they count 23 too.
var genericTLDs = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "mil": true, "int": true,
	"io": true, "dev": true, "co": true, "ai": true, "app": true, "info": true, "biz": true,
	"me": true, "tv": true, "cloud": true, "tech": true, "xyz": true, "online": true,
	"site": true, "news": true, "blog": true, "page": true, "store": true, "shop": true,
	"design": true, "digital": true, "software": true, "systems": true, "today": true,
	"top": true, "club": true, "live": true, "link": true, "pro": true, "name": true,
}

// findURLs returns the byte spans of the URLs X would link in s: http(s) URLs whose host
// is a valid domain, and bare ASCII domains with a known TLD. Spans are in order and do
// not overlap.
func findURLs(s string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(s); {
		if !urlMayStart(s, i) {
			i++
			continue
		}
		if end := matchURL(s, i); end > i {
			spans = append(spans, [2]int{i, end})
			i = end
			continue
		}
		// Skip the rest of this ASCII run so a failed match costs linear time.
		for i < len(s) && (isASCIIAlnum(s[i]) || strings.IndexByte(".-_:/", s[i]) >= 0) {
			i++
		}
	}
	return spans
}

// urlMayStart: a URL starts with an ASCII letter or digit not glued to a preceding word,
// mention, cashtag, hashtag, path or e-mail local part.
func urlMayStart(s string, i int) bool {
	if !isASCIIAlnum(s[i]) {
		return false
	}
	if i == 0 {
		return true
	}
	p := s[i-1]
	return !isASCIIAlnum(p) && !strings.ContainsRune("@$#.-_/:=+%&~", rune(p))
}

// matchURL returns the end of a URL starting at i, or i when there is none.
func matchURL(s string, i int) int {
	rest := s[i:]
	scheme := 0
	for _, p := range []string{"https://", "http://"} {
		if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
			scheme = len(p)
			break
		}
	}
	hostEnd := i + scheme
	for hostEnd < len(s) {
		r, size := utf8.DecodeRuneInString(s[hostEnd:])
		if !isHostRune(r, scheme > 0) {
			break
		}
		hostEnd += size
	}
	host := strings.TrimRight(s[i+scheme:hostEnd], ".")
	hostEnd = i + scheme + len(host)
	hasPath := hostEnd < len(s) && strings.ContainsRune("/?#", rune(s[hostEnd]))
	if !validHost(host, scheme > 0, hasPath) {
		return i
	}
	end := hostEnd
	if end < len(s) && s[end] == ':' { // port
		j := end + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > end+1 {
			end = j
		}
	}
	if end < len(s) && strings.ContainsRune("/?#", rune(s[end])) {
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune("<>\"", r) {
				break
			}
			end += size
		}
		end = i + len(trimURLTail(s[i:end]))
	} else if end < len(s) && (isASCIIAlnum(s[end]) || s[end] == '@') {
		return i // part of a longer word or an e-mail address
	}
	return end
}

func isHostRune(r rune, schemed bool) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || r == '.' || r == '-' || r == '_'
	}
	// Only a URL with a scheme may have an internationalised host.
	return schemed && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// validHost checks labels (non-empty, at most 63 bytes once punycoded) and the TLD. Bare
// domains need a known TLD; a bare two-letter one needs a subdomain or a path
// (twitter-text's short-domain rule, so "README.md" is not a link).
func validHost(host string, schemed, hasPath bool) bool {
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' || strings.Contains(l, "_") && l == labels[len(labels)-1] {
			return false
		}
		if a, err := idna.Punycode.ToASCII(l); err != nil || len(a) > 63 {
			return false
		}
	}
	tld := strings.ToLower(labels[len(labels)-1])
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	if schemed {
		return utf8.RuneCountInString(tld) >= 2
	}
	if genericTLDs[tld] {
		return true
	}
	return len(tld) == 2 && (len(labels) > 2 || hasPath)
}

// trimURLTail drops punctuation that ends a sentence rather than the URL, keeping a
// closing parenthesis that balances one inside the URL.
func trimURLTail(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"*]}", c) >= 0:
			u = u[:len(u)-1]
		case c == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
