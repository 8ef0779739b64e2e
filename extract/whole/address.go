package whole

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Address reports a line that is an address, a version or status line, a link competing
// with the post's own, or a table's row: an e-mail address, "Version 1.0", "Status:
// Draft", "https://…", "www.…", "molarly.com/demo", "a | b".
func Address(text string) bool {
	return strings.IndexByte(text, '@') >= 0 && emailAddress.MatchString(text) || mayBeVersionLine(text) && versionLine.MatchString(text) ||
		hasStatusField(text) || strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.Contains(text, " | ") ||
		bareWebAddress(text)
}

var (
	emailAddress = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+`)
	// versionLine: "Version 1.0", "Status: Draft", "Last updated: 2023-04-01" (anchored:
	// one try per sentence).
	versionLine = regexp.MustCompile(`(?i)^(?:(?:version|versión|versão|versione|versie|status|estado|stato|last updated|revision|revisión)\b|\W*\d{4}-\d{2}-\d{2})`)
	// statusField: "… Created: 12 Jan 2022 Status: WIP" anywhere in a line.
	statusField = regexp.MustCompile(`(?i)\b(?:` + statusWords + `)\s*:`)
	// statusBeforeColon is a status word ending the text before a colon: read a few bytes
	// before each colon first, so that statusField rarely runs over a whole sentence.
	statusBeforeColon = regexp.MustCompile(`(?i)(?:` + statusWords + `)$`)
)

// mayBeVersionLine reports whether versionLine could match text: its words start with v,
// s (or ſ, which (?i) folds to it), e, l or r, and its date needs a '-'. Most sentences
// are spared the pattern, which runs \W* over the whole of a sentence in a script
// without ASCII letters.
func mayBeVersionLine(text string) bool {
	if strings.IndexByte(text, '-') >= 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text)
	switch unicode.ToLower(r) {
	case 'v', 's', 'ſ', 'e', 'l', 'r':
		return true
	}
	return false
}

const statusWords = `status|created|last updated|last modified|revision|stato|estado|creado|creato`

// hasStatusField reports whether statusField matches text.
func hasStatusField(text string) bool {
	for rest := text; ; {
		i := strings.IndexByte(rest, ':')
		if i < 0 {
			return false
		}
		before := strings.TrimRight(rest[:i], " \t\n\f\r") // \s
		if statusBeforeColon.MatchString(before[max(0, len(before)-32):]) {
			return statusField.MatchString(text)
		}
		rest = rest[i+1:]
	}
}

// bareWebAddress reports an address without its scheme ("book a demo at molarly.com/demo"):
// a link competing with the post's own.
func bareWebAddress(text string) bool {
	for _, tld := range []string{".com", ".io", ".org", ".net", ".ai", ".co"} {
		for i := strings.Index(text, tld); i > 0; {
			end := i + len(tld)
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsLetter(before) || unicode.IsDigit(before) {
				if end == len(text) || strings.IndexByte("/ .,;:)", text[end]) >= 0 && (end+1 >= len(text) || text[end] != '.' || text[end+1] == ' ') {
					return true
				}
			}
			j := strings.Index(text[end:], tld)
			if j < 0 {
				break
			}
			i = end + j
		}
	}
	return false
}
