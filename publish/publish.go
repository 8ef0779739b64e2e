// Package publish is the core every publisher builds on; the publishers themselves live
// one per sub-package, each registering itself with the settings it accepts:
//
//	publish/             the core, this package:
//	  publish.go         Post and Result; Publisher and the optional Checker and
//	                     Idempotent; what an error means for a post (Kind, Error)
//	  registry.go        Spec, Field, Register, Specs; New checks an account against
//	                     its Spec and makes its publisher; Account, Env
//	  http.go            Call (an answer read into an Error of the right Kind), JSON
//	                     requests, redirects kept on the service's host, excerpts
//	  media.go           the files a post carries: CheckMedia against a channel's
//	                     MediaRules, uploads remembered across retries, multipart forms
//	  token.go           OAuth user tokens (a fixed one, or the Accounts page's)
//	publish/x, mastodon, bluesky, threads, linkedin, wordpress, webhook, outbox
//	                     one publisher type each: its Spec, registered from init
//	publish/all          imports every publisher, for the application to register them
//	publish/publishtest  fake services and test files the publishers' tests share
//
// A publisher sends one planned post to one account and says what happened in terms
// the worker can act on: done (with the remote ID and URL), later (rate limited or the
// service is down: nothing was posted), refused (the service's message; retrying cannot
// help), or unknown (the request may have reached the service and no answer came back).
// The worker publishes each post at most once: an unknown outcome is tried again only
// for an Idempotent publisher, whose channel recognises the repeat.
package publish

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
)

// Post is one planned post, rendered for its channel.
type Post struct {
	// ID is the plan entry's ID. It is the same for every attempt and every delivery of
	// the task, so it is the idempotency key wherever the channel takes one.
	ID      string `json:"id"`
	Account string `json:"account"`
	Region  string `json:"region"`
	// Channel is x, mastodon, bluesky, threads, linkedin or blog; Kind the derivative's.
	Channel string `json:"channel"`
	Kind    string `json:"kind"`
	Locale  string `json:"locale"`
	// Text is the post as it goes out, link included. A thread's posts are Parts.
	Text  string   `json:"text"`
	Parts []string `json:"parts,omitempty"`
	// Link is the backlink the text carries ("" for none); Page the page it leads to,
	// untracked: a blog teaser's canonical URL.
	Link string `json:"link,omitempty"`
	Page string `json:"page,omitempty"`
	// Facets are Bluesky's rich-text facets of Text (UTF-8 byte offsets).
	Facets []channel.Facet `json:"facets,omitempty"`
	// Blog is the blog teaser's structured form, for WordPress.
	Blog *derive.BlogTeaser `json:"blog,omitempty"`
	// Media are the files the post carries (cards, a carousel, a link preview image),
	// checked against what the channel takes before anything is sent.
	Media []Media `json:"media,omitempty"`
	// Uploaded maps a file's SHA-256 to the channel's ID for it, uploaded by an earlier
	// attempt of this post (Result.Uploaded as recorded): a retry attaches it again
	// rather than uploading it twice.
	Uploaded map[string]string `json:"-"`
	// At is the planned instant (UTC).
	At time.Time `json:"at"`
	// SourceID and DerivativeID say where the post came from.
	SourceID     string `json:"source_id"`
	DerivativeID string `json:"derivative_id"`
}

// Result is what a published post became on its channel.
type Result struct {
	// RemoteID is the channel's ID of the post (a thread's first post); URL where people
	// see it, when the channel says.
	RemoteID string `json:"remote_id"`
	URL      string `json:"url,omitempty"`
	// IDs are all the remote IDs of a thread, in order.
	IDs []string `json:"ids,omitempty"`
	// Uploaded maps each file's SHA-256 to the channel's ID for it (a media ID, an image
	// URN). Publishers return it with an error too, so the attempt that follows reuses
	// the files already uploaded.
	Uploaded map[string]string `json:"uploaded,omitempty"`
}

// Publisher sends posts to one configured account.
type Publisher interface {
	Publish(ctx context.Context, p *Post) (Result, error)
}

// Checker is implemented by publishers that can tell at start that they will never
// publish as configured (the outbox: its bucket does not exist).
type Checker interface {
	Check(ctx context.Context) error
}

// Idempotent is implemented by publishers whose channel recognises a repeated request
// for the same Post.ID and does not post twice (Mastodon's Idempotency-Key, a fixed
// Bluesky record key, a webhook's delivery ID, the outbox's deterministic key, a
// WordPress slug look-up). When a crash leaves an attempt's outcome unknown, only these
// are tried again; any other post is left for a person to resolve.
type Idempotent interface {
	Publisher
	Idempotent()
}

// Kind is what an error means for the post.
type Kind int

const (
	// Later: nothing was posted; try again (after RetryAfter when the service said).
	Later Kind = iota + 1
	// Refused: the service refused the post; trying again cannot help.
	Refused
	// Unknown: the request may have been posted; only a person (or the channel's own
	// idempotency) can tell.
	Unknown
)

func (k Kind) String() string {
	switch k {
	case Later:
		return "later"
	case Refused:
		return "refused"
	case Unknown:
		return "unknown"
	}
	return "kind(" + fmt.Sprint(int(k)) + ")"
}

// Error is a publisher's failure with its Kind.
type Error struct {
	Kind Kind
	// Msg is the service's own message, or what went wrong, for people to read.
	Msg string
	// RetryAfter is how long the service asked us to wait (Later only; 0: not said).
	RetryAfter time.Duration
	// Status is the HTTP status of the service's answer (0: none came).
	Status int
	Err    error
}

func (e *Error) Error() string {
	if e.Err != nil && e.Msg == "" {
		return e.Kind.String() + ": " + e.Err.Error()
	}
	return e.Kind.String() + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf is err's Kind; an error a publisher did not classify is Unknown, the safe
// reading for a post.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Unknown
}

// RetryAfter is how long err asks to wait before trying again (0: not said).
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) && e.Kind == Later {
		return e.RetryAfter
	}
	return 0
}
