// Package quotes finds a quotation and its speaker in a sentence, and tells a speaker's
// name from a word in quotation marks.
package quotes

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/lean"

	"github.com/repurpose/repurpose/parse"
)

// speechVerbs introduce or follow a quotation ("said", "dijo", "sagt", "a déclaré").
const speechVerbs = `said|says|explains|explained|notes|noted|adds|added|told|writes|wrote|` +
	`dijo|dice|afirma|afirmó|explica|explicó|señala|señaló|comenta|comentó|` +
	`sagt|sagte|erklärt|erklärte|betont|betonte|` +
	`dit|a dit|explique|a expliqué|affirme|a affirmé|souligne|a souligné`

// A quoted sentence is one whose words are a quotation, with the speaker named in the
// same sentence: “…,” said Jane Doe, SRE lead. / Jane Doe said: “…” / According to
// Jane Doe, “…”.
var (
	quoteThenSpeaker = regexp.MustCompile(`^[“"«„]\s*(.+?)\s*[”"»“]\s*[,—–-]?\s*(?:(?:` + speechVerbs + `)\s+(.+?)|(.+?),?\s+(?:` + speechVerbs + `))\s*[.!]?$`)
	speakerThenQuote = regexp.MustCompile(`^(?:(?:According to|Según|Laut|Selon)\s+(.+?),|(.+?)\s+(?:` + speechVerbs + `)\s*[:,]?)\s*[“"«„]\s*(.+?)\s*[”"»“]\s*[.!]?$`)
)

// InSentence finds a quotation and its speaker in one sentence. The quotation must
// be a sentence's worth of words and the speaker a name (capitalised, short), so a scare
// quote ("the so-called “golden path”") is not taken for one.
func InSentence(s string) (parse.Quote, bool) {
	var text, who string
	if m := matchQuote(quoteThenSpeaker, s); m != nil {
		text, who = m[1], cmp.Or(m[2], m[3])
	} else if m := matchQuote(speakerThenQuote, s); m != nil {
		text, who = m[3], cmp.Or(m[1], m[2])
	} else {
		return parse.Quote{}, false
	}
	text = strings.TrimRight(text, ",")
	who = strings.TrimSpace(who)
	first, _ := utf8.DecodeRuneInString(who)
	if utf8.RuneCountInString(text) < 20 || strings.Count(text, " ") < 3 ||
		!unicode.IsUpper(first) || utf8.RuneCountInString(who) > 80 || !Speaker(who) {
		return parse.Quote{}, false
	}
	return parse.Quote{Text: text, Attribution: who}, true
}

// matchQuote runs one of the two patterns only where it can match, since regexps are
// slow: quoteThenSpeaker opens with a quote mark, speakerThenQuote closes with one
// before white space and a final . or !.
func matchQuote(re *regexp.Regexp, s string) []string {
	if re == quoteThenSpeaker {
		if first, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune(`“"«„`, first) {
			return nil
		}
	} else {
		end := s
		if strings.HasSuffix(end, ".") || strings.HasSuffix(end, "!") {
			end = end[:len(end)-1]
		}
		if last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(end, " \t\n\f\r")); !strings.ContainsRune(`”"»“`, last) {
			return nil
		}
	}
	return re.FindStringSubmatch(s)
}

// HasMark is the cheap test before the patterns run.
func HasMark(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "«") || strings.Contains(s, "„")
}

// nameJoiners may stand in lower case inside a name ("Ministry of Health", "Ursula von
// der Leyen", "Jane Doe, head of platform").
var nameJoiners = parse.WordSet(`of for and the de del della di da do dos das du des van von der den le la y e et und zu`)

// Speaker reports whether who names a person or a named body, as a quote needs: its words
// before any comma are capitalised but for joiners. "The definition", "the glossary" or
// "This term" are not speakers, and a definition in quotation marks is not a quote.
func Speaker(who string) bool {
	name, _, _ := strings.Cut(who, ",")
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	if first := strings.ToLower(words[0]); lean.Determiners[first] && len(words) > 1 {
		words = words[1:] // "The Linux Foundation": a body's name may open with an article
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !nameJoiners[w] {
			return false
		}
	}
	return !lean.Determiners[strings.ToLower(words[0])] && !pronounSpeakers[strings.ToLower(words[0])]
}

// pronounSpeakers stand for a speaker named elsewhere, or for nobody in particular:
// "They said “we process 3,000 invoices a month”" quotes no one a reader can name.
var pronounSpeakers = parse.WordSet(`they he she it we you i one someone everyone people ellos ellas él ella nosotros eles elas ele ela nós ils elles il elle on nous sie er es wir man loro lui lei noi zij hij wij`)

// SpeakerLine is an attribution's name and role without where or how the words were
// said ("Daniel Ferreira, cyber claims counsel, quoted with permission from a panel at
// our 2024 client forum" → "Daniel Ferreira, cyber claims counsel"): a post's reader
// needs who, and the rest reads as a footnote.
func SpeakerLine(attribution string) string {
	parts := strings.Split(attribution, ", ")
	for i, p := range parts[1:] {
		first, _, _ := strings.Cut(strings.ToLower(p), " ")
		if occasionWords[first] {
			return strings.Join(parts[:i+1], ", ")
		}
	}
	return attribution
}

// occasionWords open the part of an attribution that says where or how the words were said.
var occasionWords = parse.WordSet(`quoted in at during speaking from via when interviewed citado citada en durante
	em cité citée lors zitiert im beim auf citato citata durante in tijdens`)
