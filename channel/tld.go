package channel

import (
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// isTLD reports whether label is a top-level domain in the root zone. The list is the
// ICANN section of the Public Suffix List that golang.org/x/net/publicsuffix compiles in:
// it holds every delegated TLD (IDN ones in punycode), so nothing is read at run time and
// the list moves with the module version rather than with a hand-kept copy.
func isTLD(label string) bool {
	l := strings.ToLower(label)
	if !isASCII(l) {
		a, err := idna.Punycode.ToASCII(l)
		if err != nil {
			return false
		}
		l = a
	}
	for i := 0; i < len(l); i++ {
		if !isPunycodeByte(l[i]) {
			return false
		}
	}
	// An unlisted TLD falls to the list's default rule "*", which is not ICANN's.
	_, icann := publicsuffix.PublicSuffix("x." + l)
	return icann
}
