package channel

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// mastodonURLWeight is what Mastodon counts for any linked URL, however long or short.
const mastodonURLWeight = 23

// CountMastodon counts a post as a Mastodon server does (StatusLengthValidator): grapheme
// clusters, every http(s) URL as 23 whatever its length, and a remote mention
// @user@domain as @user. limit is the instance's own; 0 or less means LimitMastodon.
//
// URLs are found by X's rules with a scheme required, as Mastodon's extractor is
// twitter-text's with schemeless links off. Mastodon's path accepts more characters (any
// letter, emoji); where its URL runs longer the rest is counted here as text, so the
// count can only err high, never let through a post the server refuses.
func CountMastodon(text string, limit int) Length {
	if limit <= 0 {
		limit = LimitMastodon
	}
	n, pos := 0, 0
	for _, e := range mastodonEntities(text) {
		n += graphemeCount(text[pos:e.start]) + e.weight
		pos = e.end
	}
	n += graphemeCount(text[pos:])
	return Length{Weighted: n, Limit: limit, Valid: n > 0 && n <= limit}
}

// entity is a span of text counted at a fixed weight.
type entity struct{ start, end, weight int }

// mastodonEntities are the URLs and remote mentions of text, in order, an entity that
// overlaps an earlier one dropped (Extractor.remove_overlapping_entities).
func mastodonEntities(text string) []entity {
	var out []entity
	for _, sp := range FindURLs(text) {
		if s := text[sp[0]:sp[1]]; hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") {
			out = append(out, entity{sp[0], sp[1], mastodonURLWeight})
		}
	}
	mentions := remoteMentions(text)
	if len(mentions) == 0 {
		return out
	}
	merged := make([]entity, 0, len(out)+len(mentions))
	for len(out) > 0 || len(mentions) > 0 {
		var e entity
		if len(mentions) == 0 || len(out) > 0 && out[0].start <= mentions[0].start {
			e, out = out[0], out[1:]
		} else {
			e, mentions = mentions[0], mentions[1:]
		}
		if len(merged) == 0 || e.start >= merged[len(merged)-1].end {
			merged = append(merged, e)
		}
	}
	return merged
}

// remoteMentions are the mentions @user@domain of text (Mastodon's MENTION_RE), each
// weighing as much as @user. Local mentions count as written, so they need no entity.
func remoteMentions(text string) []entity {
	var out []entity
	for i := 0; i < len(text); i++ {
		if text[i] != '@' {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && (prev == '=' || prev == '/' || isWordRune(prev)) {
			continue
		}
		user := i + 1 + dottedRun(text[i+1:], func(r rune) bool { return r < utf8.RuneSelf && (isASCIIAlnum(byte(r)) || r == '_') })
		if user == i+1 || user >= len(text) || text[user] != '@' {
			continue
		}
		end := user + 1 + dottedRun(text[user+1:], isWordRune)
		if end == user+1 {
			continue
		}
		// Not a mention when glued to another '@', an accented letter or "://".
		if next, _ := utf8.DecodeRuneInString(text[end:]); next == '@' || next == '＠' || isLatinAccent(next) || hasPrefixFold(text[end:], "://") {
			continue
		}
		out = append(out, entity{i, end, uniseg.GraphemeClusterCount(text[i:user])})
		i = end - 1
	}
	return out
}

// dottedRun is the length of the longest prefix of s made of runs of word characters
// joined by '.' or '-' (never ending on one).
func dottedRun(s string, word func(rune) bool) int {
	end, i := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case word(r):
			i += size
			end = i
		case (r == '.' || r == '-') && end > 0:
			i += size
		default:
			return end
		}
	}
	return end
}

// isWordRune is Ruby's [[:word:]]: letters, marks, decimal digits, connector punctuation.
func isWordRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.Nd, unicode.Pc)
}

func isLatinAccent(r rune) bool { return r >= 0xC0 && isASCIILabelRune(r) }
