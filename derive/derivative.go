package derive

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/channel"
)

// Derivative is one ready-to-publish piece made from a source.
type Derivative struct {
	ID      string       `json:"id"`
	Kind    channel.Kind `json:"kind"`
	Channel channel.Name `json:"channel"`
	Locale  string       `json:"locale"`
	Ordinal int          `json:"ordinal"`
	// Type refines a snippet: key_point, stat or quote.
	Type string `json:"type,omitempty"`
	// Text is the rendering with the canonical backlink in place.
	Text string `json:"text"`
	// Template is Text with channel.LinkSlot where the link goes.
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
	Length *channel.Length `json:"length,omitempty"`
	// Facets are a Bluesky post's rich-text facets: its Text shows the shortened display
	// link, and a link facet over it carries Backlink.
	Facets []channel.Facet `json:"facets,omitempty"`
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
	Text     string         `json:"text"`
	Template string         `json:"template"`
	Length   channel.Length `json:"length"`
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
	Kind    channel.Kind `json:"kind"`
	Channel channel.Name `json:"channel"`
	Reason  string       `json:"reason"`
}

// DerivativeID is the stable ID of (version, kind, channel, locale, ordinal).
func derivativeID(version string, kind channel.Kind, ch channel.Name, locale string, ordinal int) string {
	h := sha256.Sum256([]byte(strings.Join([]string{version, string(kind), string(ch), locale, strconv.Itoa(ordinal)}, "\x00")))
	return hex.EncodeToString(h[:8])
}
