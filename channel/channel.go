// Package channel is the vocabulary of where posts go: the channels and the kinds of
// derivative, each channel's limits and counting rules, and how a post's link is
// rendered there. It imports no other package of this module, so every layer (derive,
// scheduler, publish, the web toolkit) can share it.
package channel

// Name is a channel a derivative is made for.
type Name string

// Channels.
const (
	X        Name = "x"
	LinkedIn Name = "linkedin"
	Blog     Name = "blog"
	Any      Name = "any" // snippets: pick any channel
	Mastodon Name = "mastodon"
	Bluesky  Name = "bluesky"
	Threads  Name = "threads"
)

// Kind is a kind of derivative.
type Kind string

// Kinds.
const (
	KindTweet    Kind = "tweet"
	KindThread   Kind = "thread"
	KindLinkedIn Kind = "linkedin"
	KindBlog     Kind = "blog"
	KindSnippet  Kind = "snippet"
	KindMastodon Kind = "mastodon" // a single post on Mastodon
	KindBluesky  Kind = "bluesky"  // a single post on Bluesky, with Facets
	KindThreads  Kind = "threads"  // a single post on Meta's Threads
)

// Kinds are every kind of derivative, in the order people read them.
func Kinds() []Kind {
	return []Kind{KindTweet, KindThread, KindMastodon, KindBluesky, KindThreads, KindLinkedIn, KindBlog, KindSnippet}
}

// Publishing are the channels posts are published on; a snippet goes out on one of them.
func Publishing() []Name { return []Name{X, Mastodon, Bluesky, Threads, LinkedIn, Blog} }

// Social are the channels whose posts carry hashtags.
func Social() []Name { return []Name{X, Mastodon, Bluesky, Threads, LinkedIn} }

// Length is a count by a channel's rules beside its limit.
type Length struct {
	Weighted int  `json:"weighted"`
	Limit    int  `json:"limit"`
	Valid    bool `json:"valid"`
}
