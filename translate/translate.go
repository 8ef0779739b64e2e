// Package translate is machine translation for the toolkit's regional teams,
// behind one small ctx-first interface with two real providers: AWS Translate
// (brand names protected by a custom terminology) and LibreTranslate's HTTP
// API (brand names protected by HTML spans marked translate="no").
//
// Machine translation is optional: with no provider configured (a nil
// Provider), Run answers ErrHumanOnly and translation is left to people.
// Either way a regional team approves a translation before it is published.
//
// Errors have kinds, as everywhere in repurpose: a rate limit is a
// *RetryLater (not a failure; retry after its delay), a bad request or an
// unsupported language pair is permanent (IsPermanent; retrying cannot help),
// and anything else — network trouble, a 5xx — is transient.
package translate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Provider translates texts. Implementations are safe for concurrent use.
type Provider interface {
	// Name identifies the provider in logs and stored translations
	// ("aws", "libretranslate").
	Name() string
	// Translate returns one translation per request text, in order. Every
	// Keep term found in a text comes back exactly as given, or Translate
	// fails with a permanent error.
	Translate(ctx context.Context, req Request) (Result, error)
}

// Request is one batch of texts in a single language pair.
type Request struct {
	// Texts to translate. Empty or blank texts come back unchanged and cost
	// no call; line breaks are kept.
	Texts []string
	// Source and Target are BCP 47 tags (en, es, de, ja, pt-BR, zh-Hant).
	// Each provider maps them to its own codes.
	Source, Target string
	// Keep lists names that must never be translated (brand and product
	// names). Matching is exact and case-sensitive.
	Keep []string
}

// Result holds the translations, one per Request.Texts entry.
type Result struct {
	Texts []string
}

// ErrHumanOnly is returned by Run when no provider is configured: the
// texts must be translated by a person. It is permanent.
var ErrHumanOnly = &Error{Op: "translate", Kind: KindPermanent, Msg: "no machine translation provider configured; translation is human-only"}

// Run translates req with p, or answers ErrHumanOnly when p is nil. It is
// the one entry point callers need: the nil check lives here rather than at
// every call site.
func Run(ctx context.Context, p Provider, req Request) (Result, error) {
	if p == nil {
		return Result{}, ErrHumanOnly
	}
	return p.Translate(ctx, req)
}

// Kind classifies an Error by what the caller should do about it.
type Kind uint8

const (
	// KindTransient: network trouble or a server error; retry with backoff.
	KindTransient Kind = iota
	// KindPermanent: bad request, unsupported language pair, rejected
	// credentials, a kept term lost; retrying the same request cannot help.
	KindPermanent
)

// String returns "permanent" or "transient".
func (k Kind) String() string {
	if k == KindPermanent {
		return "permanent"
	}
	return "transient"
}

// Error is a failed translation. Msg is the service's own message where it
// gave one, so a person can read why.
type Error struct {
	Op       string // what was attempted: "translate", "import terminology"
	Provider string // Provider.Name(), empty for provider-independent errors
	Kind     Kind
	Status   int    // HTTP status when the service answered, else 0
	Code     string // the service's error code when it has one (AWS __type)
	Msg      string // the service's message, or what went wrong locally
	Err      error  // underlying cause, for errors.Is/As
}

// Error implements error: "provider: op: HTTP status: code: message".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Provider != "" {
		b.WriteString(e.Provider)
		b.WriteString(": ")
	}
	b.WriteString(e.Op)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.Status)
	}
	if e.Code != "" {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	if e.Msg != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg)
	}
	// A coded service error's cause only repeats Code and Msg.
	if e.Err != nil && e.Code == "" {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// RetryLater is a rate limit or throttling answer. It is not a failure: the
// same request should be retried after After.
type RetryLater struct {
	Provider string
	After    time.Duration
	Msg      string // the service's message, if any
}

// Error implements error.
func (e *RetryLater) Error() string {
	s := fmt.Sprintf("%s: rate limited, retry after %s", e.Provider, e.After)
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// IsPermanent reports whether retrying the same request cannot succeed.
func IsPermanent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == KindPermanent
}

// RetryAfter reports the delay a rate-limited provider asked for.
func RetryAfter(err error) (time.Duration, bool) {
	var rl *RetryLater
	if errors.As(err, &rl) {
		return rl.After, true
	}
	return 0, false
}

// IsFailure reports whether err counts as a failure; a rate limit does not.
func IsFailure(err error) bool {
	_, limited := RetryAfter(err)
	return err != nil && !limited
}

// defaultRetryAfter applies when a rate limit comes without a usable
// Retry-After: LibreTranslate's limits are per minute.
const defaultRetryAfter = time.Minute

// parseRetryAfter reads an HTTP Retry-After value: delay-seconds or an
// HTTP-date (RFC 9110 §10.2.3).
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d, true
		}
		return 0, true
	}
	return 0, false
}

// prepare validates req and normalises Keep (no blanks, no duplicates,
// longest first so "Acme Cloud" is protected before "Acme").
func prepare(provider string, req Request) (Request, error) {
	if strings.TrimSpace(req.Source) == "" || strings.TrimSpace(req.Target) == "" {
		return req, &Error{Op: "translate", Provider: provider, Kind: KindPermanent, Msg: "source and target languages are required"}
	}
	seen := make(map[string]bool, len(req.Keep))
	keep := make([]string, 0, len(req.Keep))
	for _, k := range req.Keep {
		if strings.TrimSpace(k) == "" || seen[k] {
			continue
		}
		seen[k] = true
		keep = append(keep, k)
	}
	sort.SliceStable(keep, func(i, j int) bool { return len(keep[i]) > len(keep[j]) })
	req.Keep = keep
	return req, nil
}

// sameLanguage reports whether a translation would be the identity, so no
// call is made.
func sameLanguage(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// checkKept verifies that every kept term occurs in out at least as often as
// in in. A lost brand name is permanent: the engine would lose it again, so a
// person has to translate the text.
func checkKept(provider string, keep []string, in, out []string) error {
	for i := range in {
		for _, k := range keep {
			if n := strings.Count(in[i], k); n > 0 && strings.Count(out[i], k) < n {
				return &Error{Op: "translate", Provider: provider, Kind: KindPermanent,
					Msg: fmt.Sprintf("text %d: kept term %q did not survive translation", i, k)}
			}
		}
	}
	return nil
}

// segment is one non-blank line of one text: the unit sent to a service.
// Sending lines separately keeps a thread's or post's line breaks exactly,
// whatever the engine does with whitespace.
type segment struct {
	text, line int
}

// splitLines breaks texts into lines and returns the non-blank ones (trimmed
// of surrounding spaces, which are restored by joinLines).
func splitLines(texts []string) (lines [][]string, segs []segment, q []string) {
	lines = make([][]string, len(texts))
	for i, t := range texts {
		lines[i] = strings.Split(t, "\n")
		for j, l := range lines[i] {
			if strings.TrimSpace(l) == "" {
				continue
			}
			segs = append(segs, segment{i, j})
			q = append(q, strings.Trim(l, lineSpace))
		}
	}
	return lines, segs, q
}

// lineSpace is what splitLines trims from each line and joinLines restores.
const lineSpace = " \t\r"

// joinLines puts translated segments back in place, keeping each line's
// leading and trailing whitespace (indentation, "\r") from the original.
func joinLines(lines [][]string, segs []segment, translated []string) []string {
	out := make([][]string, len(lines))
	for i := range lines {
		out[i] = append([]string(nil), lines[i]...)
	}
	for n, s := range segs {
		orig := lines[s.text][s.line]
		lead := orig[:len(orig)-len(strings.TrimLeft(orig, lineSpace))]
		trail := orig[len(strings.TrimRight(orig, lineSpace)):]
		out[s.text][s.line] = lead + translated[n] + trail
	}
	res := make([]string, len(out))
	for i := range out {
		res[i] = strings.Join(out[i], "\n")
	}
	return res
}

// primary returns the primary language subtag of a BCP 47 tag, lower-cased.
func primary(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// canonical lower-cases a tag and uses "-" as separator, for lookups.
func canonical(tag string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
}
