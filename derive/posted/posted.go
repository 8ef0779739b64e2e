// Package posted knows what the toolkit's other sources already posted on each account,
// sentence by sentence and by their words alone, so that a new source posts none of it
// again: a re-upload, an earlier version under another name, or a "translation" that
// kept the original text would otherwise repeat lines its followers have read.
package posted

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

// Source is what another source already has on the accounts.
type Source struct {
	Title, Key string
	// Posts are the texts (templates) of its posts by channel; a snippet's under
	// channel.Any, as it is offered on every social channel.
	Posts map[channel.Name][]string
}

// Name is how a marketer knows the source: «its title», else «its inbox key».
func (s Source) Name() string {
	if s.Title != "" {
		return "«" + s.Title + "»"
	}
	return "«" + s.Key + "»"
}

// Words is s's letters and digits, lower-cased, words separated by one space: case,
// spacing and punctuation aside, the same line is the same post to a follower.
func Words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// Line identifies a sentence by its Words: a hash keeps the lines of thousands of posts
// small.
type Line uint64

// LineOf is the line a sentence is: the FNV-1a hash of its Words, read off the sentence
// rune by rune without making them (a line per candidate of every document).
func LineOf(sentence string) Line {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	inWord, started := false, false
	var buf [utf8.UTFMax]byte
	for _, r := range sentence {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
				inWord = false
				continue
			}
		} else if r = unicode.ToLower(r); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			inWord = false
			continue
		}
		if !inWord && started {
			h = (h ^ ' ') * prime
		}
		inWord, started = true, true
		if r < utf8.RuneSelf {
			h = (h ^ uint64(r)) * prime
			continue
		}
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * prime
		}
	}
	return Line(h)
}

// threadNumber is a thread part's "(2/7)", which follows its last sentence.
var threadNumber = regexp.MustCompile(`\s*\(\d+/\d+\)\s*$`)

// Lines calls add with every sentence of a post's text, told apart as the document's
// sentences are (parse.Sentences): a post is made of whole sentences, its call to action,
// hashtags and thread number apart, so a sentence of a document it says is one of them.
func Lines(post string, add func(Line)) {
	for _, l := range strings.Split(post, "\n") {
		for _, s := range parse.Sentences(threadNumber.ReplaceAllString(l, "")) {
			if strings.TrimSpace(s) != "" {
				add(LineOf(s))
			}
		}
	}
}

// Index is, by channel, every line the sources posted there, with those sources
// (indexes into the slice it was made from).
type Index map[channel.Name]map[Line][]int

// NewIndex indexes what sources posted; a snippet's lines count on every social channel.
func NewIndex(sources []Source) Index {
	ix := Index{}
	for k, s := range sources {
		for ch, posts := range s.Posts {
			on := []channel.Name{ch}
			if ch == channel.Any {
				on = channel.Social()
			}
			for _, p := range posts {
				Lines(p, func(l Line) {
					for _, c := range on {
						if ix[c] == nil {
							ix[c] = map[Line][]int{}
						}
						if !slices.Contains(ix[c][l], k) {
							ix[c][l] = append(ix[c][l], k)
						}
					}
				})
			}
		}
	}
	return ix
}

// Says reports whether a source posted a sentence of text on one of chs.
func (ix Index) Says(text string, chs ...channel.Name) bool {
	if len(ix) == 0 {
		return false // nothing posted: text's lines need not be read
	}
	found := false
	Lines(text, func(l Line) {
		for _, ch := range chs {
			found = found || len(ix[ch][l]) > 0
		}
	})
	return found
}

// Names names sources (indexes into them, any order, repeats allowed): the first three
// in their order, and how many more.
func Names(sources []Source, idx []int) string {
	idx = slices.Compact(slices.Sorted(slices.Values(idx)))
	names := make([]string, 0, 3)
	for _, s := range idx[:min(3, len(idx))] {
		names = append(names, sources[s].Name())
	}
	out := strings.Join(names, ", ")
	if more := len(idx) - len(names); more > 0 {
		out += " and " + strconv.Itoa(more) + " more"
	}
	return out
}
