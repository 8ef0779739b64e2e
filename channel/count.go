package channel

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// XRules is a twitter-text counting configuration; the field names follow the
// v2.json/v3.json files twitter-text publishes, so those files decode into it.
type XRules struct {
	MaxWeightedTweetLength int           `json:"maxWeightedTweetLength"`
	Scale                  int           `json:"scale"`
	DefaultWeight          int           `json:"defaultWeight"`
	TransformedURLLength   int           `json:"transformedURLLength"`
	EmojiParsingEnabled    bool          `json:"emojiParsingEnabled"`
	Ranges                 []WeightRange `json:"ranges"`
}

// WeightRange gives the code points Start..End (inclusive) a weight.
type WeightRange struct {
	Start  rune `json:"start"`
	End    rune `json:"end"`
	Weight int  `json:"weight"`
}

// XRulesV3 are the rules X applies today (twitter-text v3.json): emoji sequences are
// discounted to one double-weight unit.
var XRulesV3 = XRules{
	MaxWeightedTweetLength: 280,
	Scale:                  100,
	DefaultWeight:          200,
	TransformedURLLength:   23,
	EmojiParsingEnabled:    true,
	Ranges: []WeightRange{
		{0, 4351, 100}, {8192, 8205, 100}, {8208, 8223, 100}, {8242, 8247, 100},
	},
}

// Limits of the channels this package counts for.
const (
	LimitX        = 280
	LimitLinkedIn = 3000
	// LimitMastodon is Mastodon's default; instances may set their own.
	LimitMastodon     = 500
	LimitBluesky      = 300  // graphemes
	LimitBlueskyBytes = 3000 // UTF-8 bytes of the record's text
	LimitThreads      = 500
	LimitThreadsLinks = 5 // distinct URLs in one Threads post
)

// CountX is the weighted length of a post on X (twitter-text v3).
func CountX(text string) Length { return XRulesV3.Count(text) }

// Count applies the rules of r to text: NFC first, every URL as TransformedURLLength,
// every emoji sequence (when enabled) as one DefaultWeight unit, every other code point by
// its range weight. Text holding U+FFFE, U+FEFF or U+FFFF is never valid.
func (r XRules) Count(text string) Length {
	s := text
	if !isNFCInert(s) && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	urls := FindURLs(s)
	weighted, invalid := 0, false
	state := -1
	for pos := 0; pos < len(s); {
		if len(urls) > 0 && pos >= urls[0][0] {
			weighted += r.TransformedURLLength * r.Scale
			pos, urls, state = urls[0][1], urls[1:], -1
			continue
		}
		end := len(s)
		if len(urls) > 0 {
			end = urls[0][0]
		}
		if s[pos] < utf8.RuneSelf && (pos+1 == end || s[pos+1] < utf8.RuneSelf) {
			// An ASCII character not followed by a combining mark: a cluster of its own,
			// and never an emoji (keycaps need U+20E3). Most text takes this path.
			weighted += r.weight(rune(s[pos]))
			pos, state = pos+1, -1
			continue
		}
		if c, size := utf8.DecodeRuneInString(s[pos:end]); isPlainCJK(c) {
			if next, _ := utf8.DecodeRuneInString(s[pos+size : end]); pos+size == end || next < 0x300 || isPlainCJK(next) {
				// Kana, kanji and full-width forms followed by nothing that could join
				// them: a cluster of their own, never an emoji.
				weighted += r.weight(c)
				pos, state = pos+size, -1
				continue
			}
		}
		var cluster string
		cluster, _, _, state = uniseg.FirstGraphemeClusterInString(s[pos:end], state)
		pos += len(cluster)
		if r.EmojiParsingEnabled && isEmojiCluster(cluster) {
			weighted += r.DefaultWeight
			continue
		}
		for _, c := range cluster {
			weighted += r.weight(c)
			if c == 0xFFFE || c == 0xFEFF || c == 0xFFFF {
				invalid = true
			}
		}
	}
	n := weighted / r.Scale
	return Length{Weighted: n, Limit: r.MaxWeightedTweetLength, Valid: n > 0 && n <= r.MaxWeightedTweetLength && !invalid}
}

// graphemeCount is uniseg.GraphemeClusterCount, without segmenting the characters that
// stand alone (loneChar), which make up most of every post.
func graphemeCount(s string) int {
	n, state := 0, -1
	for s != "" {
		if size := loneChar(s); size > 0 {
			n, s, state = n+1, s[size:], -1
			continue
		}
		_, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		n++
	}
	return n
}

// loneChar is the size of the first character of s when it is a grapheme cluster of its
// own and no emoji, else 0: ASCII followed by ASCII (but CR LF), or a plain CJK
// character followed by nothing that could join it.
func loneChar(s string) int {
	if s[0] < utf8.RuneSelf {
		if len(s) == 1 || s[1] < utf8.RuneSelf && s[0] != '\r' {
			return 1
		}
		return 0
	}
	c, size := utf8.DecodeRuneInString(s)
	if !isPlainCJK(c) {
		return 0
	}
	if size == len(s) {
		return size
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	if next < 0x300 || isPlainCJK(next) && !(next >= 0x302A && next <= 0x302F || next >= 0xFF9E && next <= 0xFF9F) {
		return size // the exceptions are marks that extend a cluster
	}
	return 0
}

// isNFCInert reports whether s is made only of characters that are in NFC on their own
// and never combine with what precedes them (ASCII, Latin-1 and most of Latin Extended,
// dashes and quotes, kana, kanji), so s is in NFC without asking the tables.
func isNFCInert(s string) bool {
	for _, c := range s {
		if !nfcInert(c) {
			return false
		}
	}
	return true
}

func nfcInert(c rune) bool {
	return c < 0x300 || c >= 0x2010 && c <= 0x2027 ||
		c >= 0x3000 && c <= 0x9FFF && !(c >= 0x302A && c <= 0x302F) && c != 0x3099 && c != 0x309A
}

// isPlainCJK: CJK symbols, kana, kanji and full-width forms, none of which is an emoji
// or joins a following character into a cluster.
func isPlainCJK(c rune) bool {
	return (c >= 0x3000 && c <= 0x9FFF || c >= 0xFF00 && c <= 0xFFEF) &&
		c != 0x3030 && c != 0x303D && c != 0x3297 && c != 0x3299 && (c < 0x3099 || c > 0x309A)
}

func (r XRules) weight(c rune) int {
	for _, wr := range r.Ranges {
		if c >= wr.Start && c <= wr.End {
			return wr.Weight
		}
	}
	return r.DefaultWeight
}

// CountLinkedIn counts a LinkedIn post: characters (code points), limit 3000.
func CountLinkedIn(text string) Length {
	n := utf8.RuneCountInString(text)
	return Length{Weighted: n, Limit: LimitLinkedIn, Valid: n > 0 && n <= LimitLinkedIn}
}

// countBlog counts a blog teaser: characters, with no limit (Limit 0).
func countBlog(text string) Length {
	n := utf8.RuneCountInString(text)
	return Length{Weighted: n, Valid: n > 0}
}

// counters maps a channel to its counter. Snippets (Any) may go anywhere, so
// they are held to the strictest channel, X.
var counters = map[Name]func(string) Length{
	X:        CountX,
	Mastodon: func(text string) Length { return CountMastodon(text, LimitMastodon) },
	Bluesky:  CountBluesky,
	Threads:  CountThreads,
	LinkedIn: CountLinkedIn,
	Blog:     countBlog,
	Any:      CountX,
}

// Count counts text by the rules of ch (Mastodon with its default limit; see
// CountMastodon for an instance's own).
func Count(ch Name, text string) (Length, error) {
	c, ok := counters[ch]
	if !ok {
		return Length{}, fmt.Errorf("unknown channel %q (known: %s)", ch, strings.Join(Counted(), ", "))
	}
	return c(text), nil
}

// Counted names every channel Count knows, sorted.
func Counted() []string {
	known := make([]string, 0, len(counters))
	for k := range counters {
		known = append(known, string(k))
	}
	sort.Strings(known)
	return known
}
