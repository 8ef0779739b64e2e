// Package publish holds the channel publishers: one small file each, registered by type
// name with the settings it accepts. A publisher sends one planned post to one account
// and says what happened in terms the worker can act on: done (with the remote ID and
// URL), later (rate limited or the service is down: nothing was posted), refused (the
// service's message; retrying cannot help), or unknown (the request may have reached the
// service and no answer came back).
package publish

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
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

// Spec describes a publisher type: its settings and how to make one. Its settings are the
// single source of truth for validation and for the docs (`repurpose publishers`).
type Spec struct {
	Type    string
	Summary string
	Fields  []Field
	New     func(a *Account) (Publisher, error)
}

// Field is one setting of an account.
type Field struct {
	Name     string
	Required bool
	// Secret settings are never written in the file: the account names an environment
	// variable (name_env) or a file (name_file) holding the value.
	Secret bool
	Doc    string
}

var registry = map[string]Spec{}

// Register adds a publisher type; each publisher's file calls it from init.
func Register(s Spec) {
	if _, dup := registry[s.Type]; dup {
		panic("publish: type registered twice: " + s.Type)
	}
	registry[s.Type] = s
}

// Specs lists the registered publisher types by name.
func Specs() []Spec {
	out := make([]Spec, 0, len(registry))
	for _, s := range registry {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

// Account is a configured account as a publisher reads it: its settings, checked
// against the Spec, with secrets resolved from the environment or files.
type Account struct {
	Name     string
	Type     string
	settings map[string]string
	getenv   func(string) string
	readFile func(string) ([]byte, error)
	tokens   TokenSource
	client   *http.Client
	objects  ObjectWriter
}

// Get is a plain setting ("" when not set).
func (a *Account) Get(name string) string { return a.settings[name] }

// Secret reads a secret setting from the variable name_env or the file name_file.
func (a *Account) Secret(name string) (string, error) {
	v, err := config.Account{Type: a.Type, Settings: a.settings}.Secret(name, a.getenv, a.readFile)
	if err != nil {
		return "", fmt.Errorf("accounts.%s.%w", a.Name, err)
	}
	return v, nil
}

// Env is where secrets come from; the zero value reads the process's environment and
// files.
type Env struct {
	Getenv   func(string) string
	ReadFile func(string) ([]byte, error)
	// Tokens gives OAuth 2.0 user access tokens of accounts connected on the admin page
	// (X, LinkedIn); nil when there is no such store (then only static tokens work).
	Tokens TokenSource
	// HTTP is the client publishers call services with; nil: one with a 30 s timeout.
	// Its redirect policy is replaced: no publisher follows a redirect to another host.
	HTTP *http.Client
	// Objects is where the outbox writes (the S3 store); nil: no outbox accounts.
	Objects ObjectWriter
}

// ObjectWriter stores an object (S3's PutObject).
type ObjectWriter interface {
	Put(ctx context.Context, bucket, key string, body []byte, contentType string) (string, error)
}

// Objects is the account's Env.Objects.
func (a *Account) Objects() ObjectWriter { return a.objects }

// TokenSource gives an account's current OAuth access token, refreshed before it
// expires. ErrNotConnected says no one has connected the account yet.
type TokenSource interface {
	AccessToken(ctx context.Context, account string) (string, error)
}

// ErrNotConnected is an OAuth account no one has connected on the admin page yet.
var ErrNotConnected = errors.New("the account is not connected: an admin connects it on the Accounts page")

// Tokens is the account's Env.Tokens (nil when there is none).
func (a *Account) Tokens() TokenSource { return a.tokens }

// HTTP is the client to call services with.
func (a *Account) HTTP() *http.Client { return a.client }

// New makes the publisher of a configured account. Unknown types and settings, missing
// required ones and secrets written in the clear are refused with the field's path.
func New(name string, acct config.Account, env Env) (Publisher, error) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.ReadFile == nil {
		env.ReadFile = os.ReadFile
	}
	spec, ok := registry[acct.Type]
	if !ok {
		types := make([]string, 0, len(registry))
		for t := range registry {
			types = append(types, t)
		}
		slices.Sort(types)
		return nil, fmt.Errorf("accounts.%s.type: %q is not a publisher (%s)", name, acct.Type, strings.Join(types, ", "))
	}
	if env.HTTP == nil {
		env.HTTP = &http.Client{Timeout: 30 * time.Second}
	}
	client := *env.HTTP // whoever made it, it follows no redirect to another host
	client.CheckRedirect = sameHostRedirects
	env.HTTP = &client
	a := &Account{Name: name, Type: acct.Type, settings: acct.Settings, getenv: env.Getenv, readFile: env.ReadFile,
		tokens: env.Tokens, client: env.HTTP, objects: env.Objects}
	var errs []error
	known := map[string]bool{}
	for _, f := range spec.Fields {
		path := "accounts." + name + "." + f.Name
		if f.Secret {
			known[f.Name+"_env"], known[f.Name+"_file"] = true, true
			if acct.Settings[f.Name] != "" {
				errs = append(errs, fmt.Errorf("%s: a secret is not written in the file; set %s_env (a variable's name) or %s_file (a path)", path, f.Name, f.Name))
			}
			if acct.Settings[f.Name+"_env"] != "" && acct.Settings[f.Name+"_file"] != "" {
				errs = append(errs, fmt.Errorf("%s: set %s_env or %s_file, not both", path, f.Name, f.Name))
			}
			if f.Required && acct.Settings[f.Name+"_env"] == "" && acct.Settings[f.Name+"_file"] == "" {
				errs = append(errs, fmt.Errorf("%s_env: required (%s)", path, f.Doc))
			}
			continue
		}
		known[f.Name] = true
		if f.Required && strings.TrimSpace(acct.Settings[f.Name]) == "" {
			errs = append(errs, fmt.Errorf("%s: required (%s)", path, f.Doc))
		}
	}
	for k := range acct.Settings {
		if !known[k] {
			errs = append(errs, fmt.Errorf("accounts.%s.%s: is not a setting of %s accounts", name, k, acct.Type))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return spec.New(a)
}
