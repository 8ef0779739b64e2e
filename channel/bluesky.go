package channel

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// CountBluesky counts a Bluesky post: grapheme clusters, at most 300, and at most 3000
// UTF-8 bytes. Bluesky shortens nothing: a URL counts as every character of it, so a
// post shows a short display link and carries the URL in a facet (Render).
func CountBluesky(text string) Length {
	n := graphemeCount(text)
	return Length{Weighted: n, Limit: LimitBluesky, Valid: n > 0 && n <= LimitBluesky && len(text) <= LimitBlueskyBytes}
}

// Facet is a Bluesky rich-text facet (app.bsky.richtext.facet): what a byte range of a
// post's text means.
type Facet struct {
	Index    FacetIndex     `json:"index"`
	Features []FacetFeature `json:"features"`
}

// FacetIndex is a facet's range in UTF-8 bytes of the text, end exclusive
// (app.bsky.richtext.facet#byteSlice).
type FacetIndex struct {
	ByteStart int `json:"byteStart"`
	ByteEnd   int `json:"byteEnd"`
}

// FacetFeature is a facet's meaning: a link (URI) or a hashtag (Tag, without '#').
type FacetFeature struct {
	Type string `json:"$type"`
	URI  string `json:"uri,omitempty"`
	Tag  string `json:"tag,omitempty"`
}

// Facet feature types of the app.bsky.richtext.facet lexicon.
const (
	FacetLink = "app.bsky.richtext.facet#link"
	FacetTag  = "app.bsky.richtext.facet#tag"
)

// BlueskyDisplayMax is the most graphemes a display link takes, "…" included; the link
// slot reserves it on Bluesky whatever link is rendered there.
const BlueskyDisplayMax = 30

// BlueskyDisplayLink is how a link reads in a Bluesky post: host and path without the
// scheme, query or fragment, cut to 30 characters with "…" ("example.com/papers/quiet-p…").
// A value that is no absolute URL is shortened as it is.
func BlueskyDisplayLink(link string) string {
	s := link
	if u, err := url.Parse(link); err == nil && u.Host != "" {
		s = u.Host + strings.TrimSuffix(u.EscapedPath(), "/")
	}
	s = strings.ToValidUTF8(s, "\uFFFD") // shown text: never a broken sequence
	if uniseg.GraphemeClusterCount(s) <= BlueskyDisplayMax {
		return s
	}
	var b strings.Builder
	state := -1
	for n := 0; n < BlueskyDisplayMax-1; n++ {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		b.WriteString(c)
	}
	return b.String() + "…"
}

// renderBluesky renders a template for Bluesky: the link slot shows link's display form
// and a link facet over it carries link itself; every hashtag gets a tag facet, since
// Bluesky links only what facets say. Facets are in text order. With no link the slot
// and the space before it go, as in every other rendering.
func renderBluesky(template, link string) (string, []Facet) {
	if link == "" {
		text := renderSlot(template, "")
		return text, hashtagFacets(text, nil)
	}
	display := BlueskyDisplayLink(link)
	var b strings.Builder
	var links []Facet
	for rest := template; ; {
		i := strings.Index(rest, LinkSlot)
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		start := b.Len()
		b.WriteString(display)
		links = append(links, Facet{
			Index:    FacetIndex{ByteStart: start, ByteEnd: b.Len()},
			Features: []FacetFeature{{Type: FacetLink, URI: link}},
		})
		rest = rest[i+len(LinkSlot):]
	}
	text := b.String()
	facets := append(links, hashtagFacets(text, links)...)
	sort.SliceStable(facets, func(i, j int) bool { return facets[i].Index.ByteStart < facets[j].Index.ByteStart })
	return text, facets
}

// maxBlueskyTag is the longest tag Bluesky accepts, in characters after '#'.
const maxBlueskyTag = 64

// hashtagFacets are tag facets for the hashtags of text outside the taken ranges: '#' at
// the start or after white space, then up to the next space, trailing punctuation off,
// not all digits (Bluesky's own detection, simplified).
func hashtagFacets(text string, taken []Facet) []Facet {
	var out []Facet
	for i := 0; i < len(text); i++ {
		if text[i] != '#' || insideFacet(taken, i) {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && !unicode.IsSpace(prev) {
			continue
		}
		end := i + 1
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		tag := strings.TrimRightFunc(text[i+1:end], unicode.IsPunct)
		if tag == "" || utf8.RuneCountInString(tag) > maxBlueskyTag || strings.TrimFunc(tag, unicode.IsDigit) == "" {
			continue
		}
		end = i + 1 + len(tag)
		out = append(out, Facet{
			Index:    FacetIndex{ByteStart: i, ByteEnd: end},
			Features: []FacetFeature{{Type: FacetTag, Tag: tag}},
		})
		i = end - 1
	}
	return out
}

func insideFacet(facets []Facet, i int) bool {
	for _, f := range facets {
		if f.Index.ByteStart <= i && i < f.Index.ByteEnd {
			return true
		}
	}
	return false
}

// CheckFacets reports the first fault of facets on text, whose link is link: every facet
// must lie on UTF-8 boundaries within text, in order without overlap, with one feature,
// and every link facet must cover exactly the display form of link.
func CheckFacets(text string, facets []Facet, link string) error {
	prevEnd := 0
	for _, f := range facets {
		s, e := f.Index.ByteStart, f.Index.ByteEnd
		if s < prevEnd || e <= s || e > len(text) || !onBoundary(text, s) || !onBoundary(text, e) {
			return fmt.Errorf("facet %+v out of place in %q", f, text)
		}
		prevEnd = e
		if len(f.Features) != 1 {
			return fmt.Errorf("facet %+v has %d features", f, len(f.Features))
		}
		if ft := f.Features[0]; ft.Type == FacetLink && (ft.URI != link || text[s:e] != BlueskyDisplayLink(link)) {
			return fmt.Errorf("link facet %+v covers %q, want the display of %q", f, text[s:e], link)
		}
	}
	return nil
}

func onBoundary(s string, i int) bool {
	return i == 0 || i == len(s) || i > 0 && i < len(s) && (s[i]&0xC0) != 0x80
}
