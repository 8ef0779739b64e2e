// Package httpx is what every handler of package web shares: who is asking (Principal),
// the JSON answer and error shapes, reading one JSON value from a request, and the one
// mapping of an errs kind to an HTTP status and error code.
package httpx

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
)

// Principal is who made a request.
type Principal struct {
	Name string      `json:"name"`
	Role config.Role `json:"role"`
	// Regions scope a regional user.
	Regions []string `json:"regions,omitempty"`
}

// FromUser is the principal of a configured user.
func FromUser(u *config.User) *Principal {
	return &Principal{Name: u.Name, Role: u.Role, Regions: u.Regions}
}

// Reviewer says whether p reviews sources: admin and marketing.
func (p *Principal) Reviewer() bool {
	return p != nil && (p.Role == config.RoleAdmin || p.Role == config.RoleMarketing)
}

// Handler is a handler that is told who is asking; the route table's guards call it only
// for a principal whose role the route allows.
type Handler func(http.ResponseWriter, *http.Request, *Principal)

// WriteJSON answers v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff") // also for handlers outside the security headers
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// WriteError writes the API's error shape: {"error": {"code", "message"}}.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	WriteJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

// Errors maps errors to answers, logging those that are nobody's fault but ours.
type Errors struct{ Log *slog.Logger }

// Failed writes the error response for err, if any, and reports whether it did.
func (e Errors) Failed(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	status, code, msg := e.Classify(r, err)
	WriteError(w, status, code, msg)
	return true
}

// Classify maps an error to the HTTP status, code and message the API and pages show:
// the one place an error's kind becomes a status. Unclassified errors are storage or
// network trouble: logged, and shown as a passing outage.
func (e Errors) Classify(r *http.Request, err error) (int, string, string) {
	kind := errs.KindOf(err)
	if kind == errs.Other {
		e.Log.ErrorContext(r.Context(), "toolkit", "path", r.URL.Path, "err", err)
		return http.StatusServiceUnavailable, "unavailable", "the toolkit cannot reach its storage right now; try again shortly"
	}
	if kind == errs.Unavailable {
		// A service the toolkit calls failed: people get words, the log keeps the cause.
		e.Log.WarnContext(r.Context(), "service unavailable", "path", r.URL.Path, "err", err)
	}
	status, code := kindStatus[kind].status, kindStatus[kind].code
	if c := errs.CodeOf(err); c != "" {
		code = c
	}
	msg := errs.Message(err)
	if kind == errs.NotFound && !hasMessage(err) {
		msg = "no such item: " + r.PathValue("id")
	}
	return status, code, msg
}

// kindStatus is each error kind's HTTP status and default error code.
var kindStatus = map[errs.Kind]struct {
	status int
	code   string
}{
	errs.NotFound:  {http.StatusNotFound, "not_found"},
	errs.Invalid:   {http.StatusBadRequest, "bad_request"},
	errs.Rejected:  {http.StatusUnprocessableEntity, "rejected"},
	errs.Conflict:  {http.StatusConflict, "conflict"},
	errs.Forbidden: {http.StatusForbidden, "forbidden"},
	errs.TooLarge:  {http.StatusRequestEntityTooLarge, "too_large"},
	errs.Permanent: {http.StatusUnprocessableEntity, "permanent"},
	// A service the toolkit calls failed, or asked it to slow down: not the caller's doing.
	errs.Unavailable: {http.StatusBadGateway, "unavailable"},
	errs.RateLimited: {http.StatusServiceUnavailable, "rate_limited"},
}

// hasMessage reports whether err carries words written for people.
func hasMessage(err error) bool {
	var e *errs.Error
	for x := err; errors.As(x, &e); x = e.Err {
		if e.Msg != "" {
			return true
		}
	}
	return false
}

// DecodeJSON reads one JSON value of at most limit bytes from the body into v; strict
// refuses fields v does not have.
func DecodeJSON(r *http.Request, v any, limit int64, strict bool) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, limit))
	if strict {
		dec.DisallowUnknownFields()
	}
	return dec.Decode(v)
}

// ReadJSON decodes the body, at most limit bytes, into v; when it cannot, it answers 400
// asking for shape and returns false.
func ReadJSON(w http.ResponseWriter, r *http.Request, v any, limit int64, shape string) bool {
	if err := DecodeJSON(r, v, limit, false); err != nil {
		WriteError(w, http.StatusBadRequest, "bad_request", "send "+shape+" as JSON")
		return false
	}
	return true
}

// MaxTextBytes is the longest text, in UTF-8 bytes, that the toolkit counts or saves as a
// post (POST /api/v1/count, edits, rewrites): far more than any channel takes, so a
// longer one is no post. Beyond it the answer is 413.
const MaxTextBytes = 256 << 10

// MaxTextBody bounds a request carrying one text: the text at its longest JSON-escaped
// ("\u00e9" for each byte at worst), and room for the rest.
const MaxTextBody = 6*MaxTextBytes + 4<<10

// ReadText reads {"text": "..."}, a post's text of at most MaxTextBytes; when it cannot,
// it answers (400 or 413) and returns false.
func ReadText(w http.ResponseWriter, r *http.Request) (string, bool) {
	var req struct {
		Text string `json:"text"`
	}
	if !ReadJSON(w, r, &req, MaxTextBody, `{"text": "..."}`) || RefuseLongText(w, req.Text) {
		return "", false
	}
	return req.Text, true
}

// RefuseLongText answers 413 and returns true when text is past MaxTextBytes.
func RefuseLongText(w http.ResponseWriter, text string) bool {
	if len(text) <= MaxTextBytes {
		return false
	}
	TooLong(w, fmt.Sprintf("the text is %d bytes", len(text)))
	return true
}

// TooLong answers 413 for a text or request that is too long: what says how long.
func TooLong(w http.ResponseWriter, what string) {
	WriteError(w, http.StatusRequestEntityTooLarge, "too_large",
		fmt.Sprintf("%s; at most %d bytes (%d KiB) of text are taken: send one post, not a document", what, MaxTextBytes, MaxTextBytes>>10))
}

// PageLimit reads ?limit=, default 50, at most 1000; when it cannot, it answers 400.
func PageLimit(w http.ResponseWriter, r *http.Request) (int, bool) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return 50, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1000 {
		WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("limit %q must be a whole number from 1 to 1000", s))
		return 0, false
	}
	return n, true
}

// WriteCSV answers a CSV download named name.csv. Every cell passes csvSafe.
func WriteCSV(w http.ResponseWriter, name string, header []string, rows [][]string) {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	h.Set("X-Content-Type-Options", "nosniff")
	cw := csv.NewWriter(w)
	_ = cw.Write(header)
	for _, r := range rows {
		for i := range r {
			r[i] = csvSafe(r[i])
		}
		_ = cw.Write(r)
	}
	cw.Flush()
}

// csvSafe keeps a spreadsheet from running a cell as a formula: a text starting with
// =, +, - or @ gets a leading apostrophe (OWASP's CSV injection advice).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// HTTPURL reports whether s is an absolute http(s) URL, the only links pages make from
// document data.
func HTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
