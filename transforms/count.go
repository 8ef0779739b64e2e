package transforms

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
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	urls := findURLs(s)
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

// counters maps a channel to its counter. Snippets (ChannelAny) may go anywhere, so
// they are held to the strictest channel, X.
var counters = map[string]func(string) Length{
	ChannelX:        CountX,
	ChannelMastodon: func(text string) Length { return CountMastodon(text, LimitMastodon) },
	ChannelBluesky:  CountBluesky,
	ChannelThreads:  CountThreads,
	ChannelLinkedIn: CountLinkedIn,
	ChannelBlog:     countBlog,
	ChannelAny:      CountX,
}

// Count counts text by the rules of channel (Mastodon with its default limit; see
// CountMastodon for an instance's own).
func Count(channel, text string) (Length, error) {
	c, ok := counters[channel]
	if !ok {
		known := make([]string, 0, len(counters))
		for k := range counters {
			known = append(known, k)
		}
		sort.Strings(known)
		return Length{}, fmt.Errorf("unknown channel %q (known: %s)", channel, strings.Join(known, ", "))
	}
	return c(text), nil
}
