// Package errs is repurpose's one error type: what was being done (Op), what kind of
// failure it is (Kind), words for a person (Msg) and the cause (Err). Domain packages
// return these; the HTTP layer maps a Kind to a status code and the worker maps it to
// retry or skip, each in one place, so neither HTTP nor asynq leaks into domain code.
//
// A Kind is itself an error, so errors.Is(err, errs.NotFound) asks for a kind.
package errs

import (
	"errors"
	"strings"
)

// Kind says what the caller can do about an error.
type Kind uint8

const (
	// Other is an error no one classified: storage or network trouble, presumably
	// passing, so it is retried and shown as "unavailable".
	Other Kind = iota
	// NotFound: no such item.
	NotFound
	// Invalid: the request is malformed or names something that is not configured.
	Invalid
	// Rejected: a well-formed request the rules refuse (a banned phrase, a post over
	// its channel's limit); Code says which rule for scripts.
	Rejected
	// Conflict: the request cannot be done in the item's current state.
	Conflict
	// Forbidden: the caller may not do this.
	Forbidden
	// Unavailable: a service the work needs cannot be reached right now.
	Unavailable
	// TooLarge: the input is over a configured limit.
	TooLarge
	// RateLimited: a service asked us to slow down; try again later.
	RateLimited
	// Permanent: retrying the same work cannot help.
	Permanent
)

var kindNames = [...]string{
	Other: "other", NotFound: "not found", Invalid: "invalid", Rejected: "rejected",
	Conflict: "conflict", Forbidden: "forbidden", Unavailable: "unavailable",
	TooLarge: "too large", RateLimited: "rate limited", Permanent: "permanent",
}

// String names the kind in words.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Error makes a Kind an error, so errors.Is(err, kind) works.
func (k Kind) Error() string { return k.String() }

// Error is a failure with its kind. Msg is what a person is shown; Op and Err add
// where it happened and why, for logs.
type Error struct {
	Op   string // what was being done, e.g. "record.Source"
	Kind Kind
	// Code is a short machine-readable reason for scripts ("banned_phrase"); it
	// defaults to the kind's own code where the HTTP layer shows one.
	Code string
	Msg  string // words a person can act on
	Err  error  // the cause, for errors.Is/As
}

// E is an error of kind k with a message for people.
func E(op string, k Kind, msg string) *Error { return &Error{Op: op, Kind: k, Msg: msg} }

// Wrap is err classified as kind k; a person is shown err's own words.
func Wrap(op string, k Kind, err error) *Error { return &Error{Op: op, Kind: k, Err: err} }

// Error is "op: msg: cause", leaving out what is empty.
func (e *Error) Error() string {
	var parts []string
	if e.Op != "" {
		parts = append(parts, e.Op)
	}
	if e.Msg != "" {
		parts = append(parts, e.Msg)
	}
	if e.Err != nil {
		parts = append(parts, e.Err.Error())
	}
	if len(parts) == 0 {
		return e.Kind.String()
	}
	return strings.Join(parts, ": ")
}

// Unwrap is the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's kind, so errors.Is(err, errs.Conflict) works.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k != Other && KindOf(e) == k
}

// KindOf is the kind of the outermost classified error in err's chain; Other when
// there is none.
func KindOf(err error) Kind {
	for err != nil {
		switch e := err.(type) {
		case *Error:
			if e.Kind != Other {
				return e.Kind
			}
		case Kind:
			return e
		}
		err = errors.Unwrap(err)
	}
	return Other
}

// Message is what a person is shown of err: the outermost Msg in its chain, else the
// text of the first error in it that is not an *Error (a wrapped cause without its Op).
func Message(err error) string {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if x, ok := e.(*Error); ok && x.Msg != "" {
			return x.Msg
		}
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if _, ok := e.(*Error); !ok {
			return e.Error()
		}
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// CodeOf is the outermost Code in err's chain, or "".
func CodeOf(err error) string {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if x, ok := e.(*Error); ok && x.Code != "" {
			return x.Code
		}
	}
	return ""
}
