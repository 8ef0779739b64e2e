package transforms

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Kinds of derivative.
const (
	KindTweet    = "tweet"
	KindThread   = "thread"
	KindLinkedIn = "linkedin"
	KindBlog     = "blog"
	KindSnippet  = "snippet"
	KindMastodon = "mastodon" // a single post on Mastodon
	KindBluesky  = "bluesky"  // a single post on Bluesky, with Facets
	KindThreads  = "threads"  // a single post on Meta's Threads
)

// Channels a derivative is made for.
const (
	ChannelX        = "x"
	ChannelLinkedIn = "linkedin"
	ChannelBlog     = "blog"
	ChannelAny      = "any" // snippets: pick any channel
	ChannelMastodon = "mastodon"
	ChannelBluesky  = "bluesky"
	ChannelThreads  = "threads"
)

// LinkSlot marks where the backlink goes in a Template.
const LinkSlot = "{link}"

// Derivative is one ready-to-publish piece made from a source.
type Derivative struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Channel string `json:"channel"`
	Locale  string `json:"locale"`
	Ordinal int    `json:"ordinal"`
	// Type refines a snippet: key_point, stat or quote.
	Type string `json:"type,omitempty"`
	// Text is the rendering with the canonical backlink in place.
	Text string `json:"text"`
	// Template is Text with LinkSlot where the link goes.
	Template string `json:"template"`
	// Parts are the posts of a thread, in order.
	Parts    []Part   `json:"parts,omitempty"`
	Backlink string   `json:"backlink"`
	CTA      string   `json:"cta"`
	Hashtags []string `json:"hashtags,omitempty"`
	// Section is the heading and anchor the derivative came from.
	Section *SectionRef `json:"section,omitempty"`
	// Blog is the teaser's extra fields.
	Blog *BlogTeaser `json:"blog,omitempty"`
	// Length is the channel's own count of Text, and the channel's limit.
	Length *Length `json:"length,omitempty"`
	// Facets are a Bluesky post's rich-text facets: its Text shows the shortened display
	// link, and a link facet over it carries Backlink.
	Facets []Facet `json:"facets,omitempty"`
	// Attribution names who said a quote.
	Attribution string `json:"attribution,omitempty"`
	// Variant is "a" or "b" for two tweets on the same section that try two hooks (the
	// section's best sentence, and its best figure or next sentence); Pair is the other's
	// ID. Both are published, and the analytics say which won.
	Variant string `json:"variant,omitempty"`
	Pair    string `json:"pair,omitempty"`
	// Disclosure is the brand's disclosure (e.g. "#employee") a contributor appends as
	// " " + Disclosure; every post leaves room for it within its channel's limit.
	Disclosure string `json:"disclosure,omitempty"`
	// NeedsReview says why a person must check this derivative before it is approved
	// (a language without built-in labels, say); empty when nothing stands out.
	NeedsReview string `json:"needs_review,omitempty"`
}

// Part is one post of a thread.
type Part struct {
	Text     string `json:"text"`
	Template string `json:"template"`
	Length   Length `json:"length"`
}

// Length is a count by a channel's rules beside its limit.
type Length struct {
	Weighted int  `json:"weighted"`
	Limit    int  `json:"limit"`
	Valid    bool `json:"valid"`
}

// SectionRef points into the source.
type SectionRef struct {
	Heading string `json:"heading"`
	Anchor  string `json:"anchor"`
}

// BlogTeaser is the blog derivative's structured form.
type BlogTeaser struct {
	Title           string   `json:"title"`
	Slug            string   `json:"slug"`
	MetaDescription string   `json:"meta_description"`
	Takeaways       []string `json:"takeaways"`
	Keywords        []string `json:"keywords,omitempty"`
	Markdown        string   `json:"markdown"`
	HTML            string   `json:"html"`
}

// Skipped records a derivative that could not be made valid, and why.
type Skipped struct {
	Kind    string `json:"kind"`
	Channel string `json:"channel"`
	Reason  string `json:"reason"`
}

// DerivativeID is the stable ID of (version, kind, channel, locale, ordinal).
func DerivativeID(version, kind, channel, locale string, ordinal int) string {
	h := sha256.Sum256([]byte(strings.Join([]string{version, kind, channel, locale, strconv.Itoa(ordinal)}, "\x00")))
	return hex.EncodeToString(h[:8])
}

// Render puts link into a template's slot.
func Render(template, link string) string { return strings.ReplaceAll(template, LinkSlot, link) }
