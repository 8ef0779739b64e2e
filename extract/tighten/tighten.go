// Package tighten makes the light edits an editor makes to a document's sentence before
// it is posted alone: an aside in brackets that only gives an example or points at a
// figure goes ("the resource (e.g. an application)"), and so does a filler that opens
// the sentence without saying anything ("It is important to note that …", "Generally,");
// posted alone (Alone), a sentence also loses a connective that only ties it to the one
// before ("However,", "Além disso,").
// Nothing else changes: words that carry the claim, figures and acronyms stay, and a
// sentence that quotes someone is left as they said it.
package tighten

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// asideOpeners start a bracketed aside that gives an example, another name or a pointer
// at a figure: the sentence says the same without it. Lower case; matched at the start of
// the bracket's text.
var asideOpeners = []string{
	"e.g.", "e.g ", "eg.", "eg ", "i.e.", "i.e ", "e.g,", "i.e,", "ie ", "for example", "for instance", "such as", "also called",
	"also known as", "aka ", "a.k.a.", "see ", "cf.", "figure", "fig.", "table ", "n = ", "n=",
	"p. ej.", "p.ej.", "por ejemplo", "véase", "ver ", "figura", "tabla",
	"ad esempio", "per esempio", "ad es.", "es.", "vedi", "cioè",
	"p. ex.", "p.ex.", "par exemple", "voir ", "c.-à-d.", "c'est-à-dire", "tableau",
	"z. b.", "z.b.", "zum beispiel", "siehe", "d. h.", "d.h.", "abbildung", "tabelle",
	"bijv.", "bijvoorbeeld", "zie ", "afbeelding", "tabel ",
	"ou seja", "veja", "ex.:", "exemplo:",
	"例如", "比如", "如图", "见图", "参见", "例えば", "たとえば", "예:", "예를 들어",
}

// fillers open a sentence with nothing to say, by language, in lower case; what follows
// them is the sentence. Only for languages whose word order survives the cut (German
// and Dutch put the verb second: "Im Allgemeinen ist …" loses its subject).
var fillers = map[string][]string{
	"en": {"it is important to note that ", "it should be noted that ", "it is worth noting that ", "it is worth noting ",
		"note that ", "generally, ", "generally speaking, ", "in general, ", "of note, ", "basically, ", "essentially, "},
	"es": {"es importante señalar que ", "es importante destacar que ", "es importante tener en cuenta que ", "cabe señalar que ",
		"cabe destacar que ", "cabe mencionar que ", "en general, ", "generalmente, ", "básicamente, "},
	"pt": {"é importante notar que ", "é importante destacar que ", "é importante ressaltar que ", "vale ressaltar que ",
		"vale notar que ", "vale destacar que ", "em geral, ", "geralmente, ", "basicamente, "},
	"it": {"è importante notare che ", "è importante sottolineare che ", "è importante ricordare che ", "va notato che ",
		"vale la pena notare che ", "in generale, ", "generalmente, ", "fondamentalmente, "},
	"fr": {"il est important de noter que ", "il convient de noter que ", "il faut noter que ", "notons que ",
		"en général, ", "généralement, ", "globalement, "},
	"zh": {"值得注意的是，", "需要注意的是，", "值得一提的是，", "一般来说，", "一般而言，", "总的来说，"},
	"ja": {"一般的に、", "一般に、", "注意すべき点として、"},
	"ko": {"일반적으로 ", "참고로 "},
}

// connectives join a sentence to the one before without adding to its claim: "Moreover,",
// "However,", "Além disso,", "此外，". An editor drops them to post the sentence alone
// ("However, only 18% of teams…" is "Only 18% of teams…"); what is left still has to
// stand alone, as every sentence does. Connectives of consequence ("As a result,",
// "Therefore,") stay: the claim rests on what came before. Not in German or Dutch, whose
// verb follows the connective ("Außerdem nutzen 40 %…").
var connectives = map[string][]string{
	"en": {"however, ", "moreover, ", "furthermore, ", "in addition, ", "additionally, ", "also, ", "besides, ", "indeed, ",
		"in fact, ", "at the same time, ", "on the other hand, ", "but ", "still, ", "that said, "},
	"es": {"además, ", "sin embargo, ", "asimismo, ", "por otro lado, ", "de hecho, ", "no obstante, ", "pero "},
	"pt": {"além disso, ", "no entanto, ", "contudo, ", "todavia, ", "por outro lado, ", "de fato, ", "na verdade, ", "mas "},
	"it": {"inoltre, ", "tuttavia, ", "d'altra parte, ", "d’altra parte, ", "peraltro, ", "in effetti, ", "ma "},
	"fr": {"de plus, ", "en outre, ", "par ailleurs, ", "cependant, ", "toutefois, ", "en effet, ", "d'ailleurs, ", "d’ailleurs, ", "mais "},
	"zh": {"此外，", "另外，", "同时，", "然而，", "不过，", "事实上，", "实际上，", "而且，"},
	"ja": {"また、", "さらに、", "しかし、", "一方、", "実際、", "加えて、"},
	"ko": {"또한 ", "또한, ", "하지만 ", "하지만, ", "그러나 ", "그러나, ", "게다가 ", "실제로 ", "한편 ", "한편, "},
}

// Sentence is s with its asides and opening filler removed, in language lang (a base
// tag: "en", "es"). What someone is quoted as saying is left as they said it.
func Sentence(s, lang string) string {
	if containsAny(s, "(（") {
		s = withoutAsides(s)
	}
	if containsAny(s, "-–—") {
		s = withoutDashAsides(s)
	}
	if lang == "ko" {
		s = koreanParticleSpace.ReplaceAllString(s, "$1$2$3")
	}
	return withoutFiller(s, lang)
}

// koreanParticleSpace is a space between a figure and the particle written onto it
// ("57.3% 가", "47분 을"), left where a bold figure ended: the particle belongs to it.
var koreanParticleSpace = regexp.MustCompile(`([0-9%]|[0-9](?:분|명|개|원|건|곳|시간|일|년|배|회))\s+(가|이|을|를|은|는|의|에|로|으로|에서|와|과|도|만|까지|였다|였고|였으며|였지만|이었다|이다|입니다)([\s,.])`)

// containsAny is strings.ContainsAny(s, chars): one vectorised search of s per character
// of chars. strings.ContainsAny, given characters beyond ASCII, looks every character of
// s up in chars instead, a call each: microseconds a sentence, and Sentence reads every
// sentence of every document.
func containsAny(s, chars string) bool {
	for _, r := range chars {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

// indexAny is strings.IndexAny(s, chars) as containsAny is strings.ContainsAny: one
// vectorised search of s per character of chars, the first found.
func indexAny(s, chars string) int {
	first := -1
	for _, r := range chars {
		if i := strings.IndexRune(s, r); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// withoutAsides drops each bracketed aside that asideOpeners start, with the space before it.
func withoutAsides(s string) string {
	var b strings.Builder
	for {
		open := indexAny(s, "(（")
		if open < 0 {
			break
		}
		_, width := utf8.DecodeRuneInString(s[open:])
		closing := ")"
		if width > 1 {
			closing = "）"
		}
		end := strings.Index(s[open+width:], closing)
		if end < 0 || containsAny(s[open+width:open+width+end], "(（") {
			break // unbalanced or nested: leave the rest as written
		}
		inner := strings.TrimSpace(s[open+width : open+width+end])
		after := open + width + end + len(closing)
		if !isAside(inner) || inQuote(b.String()+s[:open]) {
			b.WriteString(s[:after])
			s = s[after:]
			continue
		}
		b.WriteString(strings.TrimRight(s[:open], " "))
		s = s[after:]
		if r, _ := utf8.DecodeRuneInString(s); s != "" && !unicode.IsSpace(r) && !unicode.IsPunct(r) && r < 0x1100 {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s)
	return b.String()
}

// withoutDashAsides drops an aside set off by dashes (" – e.g. a database – ") that
// asideOpeners start, keeping one space.
func withoutDashAsides(s string) string {
	for _, dash := range []string{" - ", " – ", " — "} {
		for from := 0; ; {
			open := strings.Index(s[from:], dash)
			if open < 0 {
				break
			}
			open += from
			inner := s[open+len(dash):]
			end := strings.Index(inner, dash)
			if end < 0 || !isAside(inner[:end]) || inQuote(s[:open]) {
				from = open + len(dash)
				continue
			}
			s = s[:open] + " " + inner[end+len(dash):]
			from = open
		}
	}
	return s
}

// inQuote reports whether the text after before is inside a quotation: an open quotation
// mark not closed yet.
func inQuote(before string) bool {
	return strings.Count(before, `"`)%2 == 1 || strings.Count(before, "“") > strings.Count(before, "”") ||
		strings.Count(before, "«") > strings.Count(before, "»") || strings.Count(before, "「") > strings.Count(before, "」") ||
		strings.Count(before, "『") > strings.Count(before, "』")
}

func isAside(inner string) bool {
	lower := strings.ToLower(inner)
	for _, o := range asideOpeners {
		if strings.HasPrefix(lower, o) {
			return true
		}
	}
	return false
}

// Alone is s, a sentence Sentence has tightened, as it is posted alone: without an
// opening connective (and a filler that follows it: "However, it is worth noting that
// …"), unless what is left still names what came before. In a passage, where the
// sentence before is read, the connective stays: it carries the turn.
func Alone(s, lang string) string {
	if rest := withoutOpening(s, connectives[lang]); rest != s && !namesWhatCameBefore(rest, lang) {
		return withoutFiller(rest, lang)
	}
	return s
}

// withoutFiller drops an opening filler and gives what is left a capital.
func withoutFiller(s, lang string) string {
	return withoutOpening(s, fillers[lang])
}

// articles are the definite articles, by language (marks.Articles).
var articles = parse.WordSets(marks.Articles)

// namesWhatCameBefore reports whether rest, a sentence once its connective is gone, still
// leans on the sentence before: a definite noun with no figure ("However, the gap holds
// within each band": which gap?), or a Korean subject marked "too" ("또한 A사도…").
// Such a sentence keeps its connective, and with it, its leaning.
func namesWhatCameBefore(rest, lang string) bool {
	if lang == "ko" {
		first, _, _ := strings.Cut(rest, " ")
		return strings.HasSuffix(first, "도")
	}
	if strings.ContainsAny(rest, "0123456789") {
		return false
	}
	first, _, _ := strings.Cut(textcase.Lower(rest), " ")
	if i := strings.IndexAny(first, "'’"); i > 0 { // "l'entreprise"
		_, size := utf8.DecodeRuneInString(first[i:])
		first = first[:i+size]
	}
	return articles[lang][first]
}

func withoutOpening(s string, openings []string) string {
	for _, f := range openings {
		if len(s) > len(f)+20 && strings.EqualFold(s[:len(f)], f) {
			rest := s[len(f):]
			r, size := utf8.DecodeRuneInString(rest)
			return string(unicode.ToUpper(r)) + rest[size:]
		}
	}
	return s
}
