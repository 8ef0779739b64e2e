// Package langid names the language a text is written in: by its script for Korean,
// Japanese and Chinese, by whatlanggo's trigram profiles for the rest, and decides a
// document's language between what it declares and what its text reads as.
package langid

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Sample bounds the text identification reads: a few pages settle it. The trigram
// model, which costs per byte, reads the first trigramFirst bytes of it, and up to
// trigramSample only when those leave it unsure.
const (
	Sample        = 16 << 10
	trigramFirst  = 1 << 10
	trigramSample = 3 << 10
)

// Of names the language of text as an ISO 639-1 code, "" when it cannot tell.
// Scripts settle East Asian text, where a trigram model guesses badly: Hangul is Korean,
// kana is Japanese (Japanese always writes its particles in kana), Han without kana is
// Chinese. Other text goes to whatlanggo's trigram profiles, limited to languages that
// write long-form business documents, so a short passage is not taken for a rare
// language that happens to share its trigrams.
func Of(text string) string { return identify(text, false) }

// latinScript is identify's answer when asked for the script alone and the text is in
// the Latin alphabet: scriptOf has it as "latin", as it has every language the trigram
// model could name for such text.
const latinScript = "latn"

// identify is Of, or, with scriptOnly, latinScript for text whose script whatlanggo reads
// as Latin (in every prefix its trigram model would read) without running the model:
// callers that compare scripts (a Latin-script declaration, a title checked against a
// Latin-script language) learn nothing more from the language, and the model's profiles
// cost as much on a title as on a page.
func identify(text string, scriptOnly bool) string {
	lang, _, _ := identifyReading(text, scriptOnly)
	return lang
}

// identifyReading is identify, with what the trigram model answered last and how many
// bytes of text it read for that answer (-1 when it did not run).
func identifyReading(text string, scriptOnly bool) (lang string, info whatlanggo.Info, read int) {
	if len(text) > Sample {
		text = text[:Sample]
	}
	var letters, hangul, kana, han int
	for _, r := range text {
		if r < utf8.RuneSelf { // most text: no script table to look up
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				letters++
			}
			continue
		}
		switch scriptOfRune(r) {
		case hangulRune:
			hangul++
		case kanaRune:
			kana++
		case hanRune:
			han++
		case notLetter:
			continue
		}
		letters++
	}
	if cjk := hangul + kana + han; letters > 0 && cjk*4 >= letters { // technical CJK text borrows many Latin terms
		switch {
		case hangul*2 >= cjk:
			return "ko", info, -1
		case kana*20 >= cjk: // 5%: particles alone pass that; Chinese has no kana
			return "ja", info, -1
		default:
			return "zh", info, -1
		}
	}
	if scriptOnly && whatlanggo.DetectScript(validPrefix(text, trigramFirst)) == unicode.Latin &&
		(len(text) <= trigramFirst || whatlanggo.DetectScript(validPrefix(text, trigramSample)) == unicode.Latin) {
		return latinScript, info, -1 // whatlanggo would name a Latin-script language, or none
	}
	prefix := validPrefix(text, trigramFirst)
	info = whatlanggo.DetectWithOptions(prefix, langOptions)
	if info.Confidence < 1 && len(text) > trigramFirst { // the best two languages are close: read more
		prefix = validPrefix(text, trigramSample)
		info = whatlanggo.DetectWithOptions(prefix, langOptions)
	}
	if info.Lang < 0 {
		return "", info, len(prefix)
	}
	return info.Lang.Iso6391(), info, len(prefix)
}

// validPrefix is text's first n bytes or fewer, not cutting a character.
func validPrefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	text = text[:n]
	for !utf8.ValidString(text) {
		text = text[:len(text)-1]
	}
	return text
}

// What Of counts of a character beyond ASCII.
const (
	notLetter = iota
	otherLetter
	hangulRune
	kanaRune // the long-vowel mark and the middle dot are not: they also appear in Chinese text
	hanRune
)

// scriptOfRune classifies r for Of, the blocks that make most of Korean,
// Japanese and Chinese text first, without a table look-up.
func scriptOfRune(r rune) int {
	switch {
	case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
		return hangulRune
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return hanRune
	case r >= 0x3041 && r <= 0x3096 || r >= 0x30A1 && r <= 0x30FA: // hiragana, katakana
		return kanaRune
	case unicode.Is(unicode.Hangul, r):
		return hangulRune
	case unicode.In(r, unicode.Hiragana, unicode.Katakana) && r != 'ー' && r != '・':
		return kanaRune
	case unicode.Is(unicode.Han, r):
		return hanRune
	case unicode.IsLetter(r):
		return otherLetter
	}
	return notLetter
}

// langOptions limit identification to the major written languages of business documents.
var langOptions = whatlanggo.Options{Whitelist: func() map[whatlanggo.Lang]bool {
	set := map[whatlanggo.Lang]bool{}
	for _, l := range []whatlanggo.Lang{
		// Latin script
		whatlanggo.Eng, whatlanggo.Spa, whatlanggo.Por, whatlanggo.Fra, whatlanggo.Deu,
		whatlanggo.Ita, whatlanggo.Nld, whatlanggo.Pol, whatlanggo.Swe, whatlanggo.Dan,
		whatlanggo.Nob, whatlanggo.Fin, whatlanggo.Ces, whatlanggo.Ron,
		whatlanggo.Hun, whatlanggo.Tur, whatlanggo.Ind, whatlanggo.Vie,
		whatlanggo.Hrv, whatlanggo.Slv, whatlanggo.Lit, whatlanggo.Lav, whatlanggo.Est,
		// other alphabets
		whatlanggo.Rus, whatlanggo.Ukr, whatlanggo.Bul, whatlanggo.Srp, whatlanggo.Arb,
		whatlanggo.Pes, whatlanggo.Urd, whatlanggo.Heb, whatlanggo.Hin, whatlanggo.Mar,
		whatlanggo.Ell, whatlanggo.Tha,
	} {
		set[l] = true
	}
	return set
}()}

// Decide decides a parsed document's language: what it declares (front matter
// `lang`, HTML's lang attribute) unless its text is plainly in another script, else what
// its text reads as. A declaration the text contradicts is overruled with a warning: posts
// in one language with labels in another are worse than either.
func Decide(declared, text string) (lang, warning string) {
	found := identify(text, declared != "" && scriptOf(Base(declared)) == "latin")
	if declared == "" {
		return found, ""
	}
	if found == "" || sameScript(Base(declared), found) {
		return declared, ""
	}
	return found, fmt.Sprintf("the document says its language is %s, but its text is in %s: the posts are made in %s",
		Name(declared), Name(found), Name(found))
}

// WrittenIn reports whether text could be in lang by its script: a Korean title over
// English text is not.
func WrittenIn(text, lang string) bool { return otherScript(text, lang) == "" }

// otherScript names the language of text when it is written in another script than
// lang; "" when it could be in lang by its script.
func otherScript(text, lang string) string {
	found := identify(text, scriptOf(Base(lang)) == "latin")
	if found == "" || sameScript(Base(lang), found) {
		return ""
	}
	return found
}

// OtherLanguage names the language a short text such as a title is in when it is
// plainly not lang: another script (script is then true), or a language Sure names that
// is not Confusable with lang. "" when the text could be in lang, or lang is unknown.
func OtherLanguage(text, lang string) (found string, script bool) {
	if l := Base(lang); l == "" || l == "und" {
		return "", false
	}
	if Base(lang) == "ja" && identify(text, false) == "zh" {
		return "", false // a Japanese title may be all kanji ("外観検査自動化白書 2024"): Han alone reads as Chinese
	}
	if found := otherScript(text, lang); found != "" {
		return found, true
	}
	if found := Sure(text); found != "" && found != Base(lang) && !Confusable(found, lang) {
		return found, false
	}
	return "", false
}

// Sure names the language of a short text, such as a title, when its script
// or the trigram model is sure of it; "" when it is not (a few English nouns read as
// Norwegian or Romanian as well): a caller acts only on a sure answer.
func Sure(text string) string {
	l, info, read := identifyReading(text, false)
	switch l {
	case "ko", "ja", "zh":
		return l
	}
	if prefix := validPrefix(text, trigramSample); read != len(prefix) { // else Of read the same bytes: its answer is this one
		info = whatlanggo.DetectWithOptions(prefix, langOptions)
	}
	if info.Lang < 0 || info.Confidence < 0.9 {
		return ""
	}
	return info.Lang.Iso6391()
}

// Confusable reports two languages whose short texts a trigram model often takes for
// each other (Spanish and Portuguese, Danish and Norwegian): a disagreement between
// them on a title is no evidence.
func Confusable(a, b string) bool {
	a, b = Base(a), Base(b)
	for _, set := range [][]string{{"es", "pt", "gl", "ca"}, {"da", "nb", "no", "nn", "sv"}, {"hr", "sr", "bs", "sl"}, {"cs", "sk"}} {
		if slices.Contains(set, a) && slices.Contains(set, b) {
			return true
		}
	}
	return false
}

// sameScript reports whether two languages are written alike, so that neither could be
// told from the other by its letters alone (es and pt, say): a declaration is trusted
// there, since a trigram guess is weaker than the author's word.
func sameScript(a, b string) bool { return scriptOf(a) == scriptOf(b) }

func scriptOf(lang string) string {
	switch lang {
	case "ja", "zh", "ko", "ru", "uk", "bg", "sr", "ar", "fa", "ur", "he", "hi", "mr", "el", "th":
		return lang
	}
	return "latin"
}

// Name is a language's English name for messages ("Korean"), its tag when unknown.
func Name(tag string) string {
	if t, err := language.Parse(tag); err == nil {
		if name := display.English.Languages().Name(t); name != "" {
			return name
		}
	}
	return tag
}

// Base is the language part of a tag: "es-MX" -> "es".
func Base(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}
