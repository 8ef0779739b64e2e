package transforms

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Patterns of a statistic worth sharing. Numbers alone are not enough: years, versions,
// section numbers and list ordinals are everywhere in a whitepaper and say nothing.
var (
	percentRe    = regexp.MustCompile(`(?i)\d+(?:[.,]\d+)?\s?(?:%|％|percent\b|per cent\b|por ciento|pour cent|prozent|パーセント)`)
	multiplierRe = regexp.MustCompile(`(?i)\b\d+(?:\.\d+)?\s?[x×](?:\s|$|[,.;:)])|\b\d+(?:\.\d+)?-?fold\b|\b\d+(?:\.\d+)? (?:times|veces|fois|mal) (?:faster|more|higher|lower|less|fewer|as|cheaper|más|menos|plus|moins|schneller)|\d+(?:\.\d+)?倍`)
	moneyRe      = regexp.MustCompile(`(?i)[$€£¥]\s?\d|\d\s?(?:million|billion|trillion|millones|milliards?|millionen|milliarden|dollars|dólares|euros|usd|eur)\b|\d\s?(?:万円|億円|円)`)
	countRe      = regexp.MustCompile(`(?:^|[\s(])(\d{1,3}(?:,\d{3})+|\d{2,})\s+(\pL{3,})`)
	cueCountRe   = regexp.MustCompile(`(?i)\b(?:over|more than|nearly|almost|about|around|up to|at least|fewer than|less than|más de|menos de|casi|hasta|alrededor de|plus de|près de|über|mehr als|fast)\s+\d+\s+\pL{3,}`)
	jaCountRe    = regexp.MustCompile(`\d+(?:万|億)?(?:人|社|件|個|台|名|割)`)
)

// sectionWords before a number make it a reference, not a count ("Section 12 covers").
var sectionWords = wordSet(`section sections chapter figure fig table step phase level version
	v page pages article item part appendix rfc iso sección capítulo figura tabla paso fase
	nivel versión página artículo kapitel abbildung tabelle schritt chapitre étape niveau`)

// monthWords make a number a date, not a count.
var monthWords = wordSet(`january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec enero febrero marzo
	abril mayo junio julio agosto septiembre octubre noviembre diciembre januar februar märz
	juni juli oktober dezember janvier février mars avril mai juin juillet août septembre
	octobre novembre décembre`)

// isFunctionWord is a stop word of any language the package knows.
func isFunctionWord(w string) bool {
	for _, set := range stopwords {
		if set[w] {
			return true
		}
	}
	return false
}

// isStat reports whether a sentence states a figure: a percentage, a multiplier, an
// amount of money, or a count of something.
func isStat(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false // every pattern needs a digit; most sentences have none
	}
	// Each pattern runs only when a word it needs is there: regexps are the slow part.
	lower := strings.ToLower(s)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	if has("%", "％", "cent", "ciento", "prozent", "パーセント") && percentRe.MatchString(s) ||
		has("x", "×", "fold", "times", "veces", "fois", "mal", "倍") && multiplierRe.MatchString(s) ||
		has("$", "€", "£", "¥", "illion", "illon", "illiard", "dollar", "dólar", "euro", "usd", "eur", "円") && moneyRe.MatchString(s) ||
		hasNumberThenWord(s) && cueCountRe.MatchString(s) ||
		has("万", "億", "人", "社", "件", "個", "台", "名", "割") && jaCountRe.MatchString(s) {
		return true
	}
	if !hasNumberThenWord(s) {
		return false
	}
	for _, m := range countRe.FindAllStringSubmatchIndex(s, -1) {
		num := strings.ReplaceAll(s[m[2]:m[3]], ",", "")
		if v, err := strconv.Atoi(num); err == nil && len(num) == 4 && v >= 1900 && v <= 2099 {
			continue // a year
		}
		before := strings.Fields(strings.ToLower(s[:m[2]]))
		if len(before) > 0 && (sectionWords[strings.Trim(before[len(before)-1], "(.:")] || monthWords[before[len(before)-1]]) {
			continue
		}
		if after := strings.ToLower(s[m[4]:m[5]]); monthWords[after] || isFunctionWord(after) {
			continue // a date ("12 March"), or a number not counting anything ("12 with")
		}
		return true
	}
	return false
}

// hasNumberThenWord is a quick test for "<digits> <letter>", which both count patterns
// need.
func hasNumberThenWord(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ' ' && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] != ' ' && (s[i+1] >= utf8.RuneSelf || unicode.IsLetter(rune(s[i+1]))) {
			return true
		}
	}
	return false
}

// statText is a stat sentence as a snippet that fits: the whole sentence, else its
// shortest-cut tail from a clause boundary that still states the figure ("…which
// captures over 50 recommended practices."), else the sentence cut short, if the figure
// survives the cut.
func statText(s string, fits func(string) bool) (string, bool) {
	if fits(s) {
		return s, true
	}
	for i := 0; i < len(s); i++ {
		if (s[i] == ',' || s[i] == ';') && i+1 < len(s) && s[i+1] == ' ' {
			if tail := "…" + s[i+2:]; isStat(tail) && fits(tail) {
				return tail, true
			}
		}
	}
	if cut, ok := fitText(s, fits); ok && isStat(cut) {
		return cut, true
	}
	return "", false
}
