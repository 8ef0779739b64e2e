package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// Abbreviations after which a period never ends a sentence (titles, "e.g.", "No. 5").
// Others ("Inc.", "etc.") end one when a capital follows, as any word does.
var neverEnds = WordSet(`mr mrs ms dr drs prof sr sra srta jr st mt vs e.g i.e cf fig figs no nos
	vol vols approx ca dept p pp p.ej ej núm art z.b bzw u.a ggf usw resp cap ed eds
	es ad.es cfr pag sig dott ing p.ex ex env mme vgl d.h bijv o.a d.w.z m.b.t dra nº n.º
	mio mrd tsd inkl zzgl ggü mill mln bln`)

// Closers may follow a sentence's final mark and still belong to the sentence.
const Closers = "\"'”’)]»」』）】"

// Sentences segments text into sentences. A period, question or exclamation mark
// ends one only when white space follows and the next word does not start in lower case,
// so decimals (3.5), versions (v1.2.3), URLs, e-mail addresses, "e.g.", "U.S." and
// "Dr." survive; an ellipsis followed by a capital ends one. 。！？ always end one.
func Sentences(text string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most text: no mark, nothing to decode
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '。', '！', '？', '｡':
			end := skipRunes(text, i+size, Closers)
			emit(end)
			i = end
		case '.', '!', '?', '…':
			end := skipRunes(text, i, ".!?…")
			end = skipRunes(text, end, Closers)
			if endsSentence(text, start, i, end) {
				emit(end)
			}
			i = end
		default:
			i += size
		}
	}
	emit(len(text))
	return out
}

// skipRunes advances i past any runes in set.
func skipRunes(text string, i int, set string) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(set, r) {
			break
		}
		i += size
	}
	return i
}

// endsSentence decides whether the marks at text[mark:end] close the sentence begun at
// start.
func endsSentence(text string, start, mark, end int) bool {
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) {
		return false // 3.5, v1.2, example.com, a.b@c.io, "e.g.,"
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(text[end:], unicode.IsSpace))
	if unicode.IsLower(next) {
		return false
	}
	if text[mark] != '.' || end-mark > 1 && text[mark+1] == '.' {
		return true // ? ! or an ellipsis before a capital
	}
	word := text[start:mark]
	if i := strings.LastIndexFunc(word, func(r rune) bool { return unicode.IsSpace(r) || r == '(' }); i >= 0 {
		word = word[i+1:]
	}
	if doubledCapital(word) {
		// Spanish abbreviates a plural by doubling its initial: "RR. HH.", "EE. UU.".
		after, _, _ := strings.Cut(strings.TrimLeftFunc(text[end:], unicode.IsSpace), " ")
		if a, ok := strings.CutSuffix(after, "."); ok && doubledCapital(a) {
			return false
		}
	}
	word = strings.ToLower(word)
	if len(word) <= 2 && strings.Trim(word, "0123456789") == "" {
		// "am 8. April 2025": German writes a day as an ordinal, with a full stop.
		after, _, _ := strings.Cut(strings.TrimLeftFunc(text[end:], unicode.IsSpace), " ")
		if dayMonths[strings.ToLower(strings.TrimRight(after, ",."))] {
			return false
		}
	}
	// "Dr.-Ing.", "Dipl.-Kfm.": a German title joins abbreviations with a hyphen.
	return !neverEnds[word] && !isInitials(word) && !strings.Contains(word, ".-")
}

// dayMonths follow a day written as an ordinal ("8. April"), in German.
var dayMonths = WordSet(`januar jänner februar märz april mai juni juli august september oktober november dezember`)

// doubledCapital matches "RR", "EE": one capital letter twice.
func doubledCapital(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return len(word) == 2*n && unicode.IsUpper(r) && word[n:] == word[:n]
}

// isInitials matches "j", "u.s", "u.k": single letters joined by periods.
func isInitials(word string) bool {
	if word == "" {
		return false
	}
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 || !unicode.IsLetter([]rune(part)[0]) {
			return false
		}
	}
	return true
}

// JoinSentences joins sentences with a space, or with nothing after a CJK full stop.
func JoinSentences(sents []string) string {
	var b strings.Builder
	n := len(sents)
	for _, s := range sents {
		n += len(s)
	}
	b.Grow(n)
	for i, s := range sents {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(sents[i-1])
			if !script.CJK(last) && !strings.ContainsRune("。！？｡」』）", last) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}
