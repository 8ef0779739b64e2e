package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

const (
	// maxBody is the most of a response any publisher reads.
	maxBody = 1 << 20
	// maxExcerpt is the most of a service's words kept for people to read (runes).
	maxExcerpt = 200
	// maxRedirects bounds the redirects followed within one host.
	maxRedirects = 3
)

// sameHostRedirects is every publisher's redirect policy: a service may move a request
// within its own host (not from https to http), never to another host, where the
// worker would re-send the post (and its credentials) to whatever address the answer
// named, an internal one included. The redirect itself is then the answer.
func sameHostRedirects(req *http.Request, via []*http.Request) error {
	first := via[0].URL
	switch {
	case len(via) > maxRedirects:
		return fmt.Errorf("more than %d redirects", maxRedirects)
	case req.URL.Host != first.Host || (first.Scheme == "https" && req.URL.Scheme != "https"):
		return http.ErrUseLastResponse
	}
	return nil
}

// Call sends req and reads the answer, turning what went wrong into an *Error of the
// right Kind: 429 and 503 (with Retry-After when given) and other 5xx are Later; other
// 4xx are Refused with the service's message (msg picks it out of the body); a
// connection that could not be made is Later (nothing was sent); anything after the
// request may have left is Unknown; a redirect to another host is Refused. A 2xx
// answer's body is returned. Whatever of the answer goes into a message is a short,
// plain-text excerpt.
func Call(ctx context.Context, client *http.Client, req *http.Request, msg func(body []byte) string) ([]byte, http.Header, error) {
	res, err := client.Do(req.WithContext(ctx))
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return nil, nil, &Error{Kind: Later, Msg: "cannot connect to " + req.URL.Host, Err: err}
		}
		return nil, nil, &Error{Kind: Unknown, Msg: "no answer from " + req.URL.Host + " after sending: " + err.Error(), Err: err}
	}
	defer res.Body.Close()
	body, rerr := io.ReadAll(io.LimitReader(res.Body, maxBody))
	switch {
	case res.StatusCode >= 200 && res.StatusCode < 300:
		if rerr != nil {
			return nil, nil, &Error{Kind: Unknown, Msg: "the answer from " + req.URL.Host + " was cut off: " + rerr.Error(), Err: rerr}
		}
		return body, res.Header, nil
	case res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500:
		e := &Error{Kind: Later, Status: res.StatusCode, RetryAfter: retryAfter(res.Header, time.Now()),
			Msg: fmt.Sprintf("%s answered %d %s", req.URL.Host, res.StatusCode, ServiceMessage(body, msg))}
		return nil, nil, e
	case res.StatusCode >= 300 && res.StatusCode < 400:
		to := "another address"
		if loc, err := res.Location(); err == nil {
			to = Excerpt(loc.Scheme + "://" + loc.Host)
		}
		return nil, nil, &Error{Kind: Refused, Status: res.StatusCode, Msg: fmt.Sprintf(
			"%s redirected the post to %s (HTTP %d): posts are not sent on to another host; set the account's address to the final one",
			req.URL.Host, to, res.StatusCode)}
	default:
		return nil, nil, &Error{Kind: Refused, Status: res.StatusCode,
			Msg: fmt.Sprintf("%s refused the post (HTTP %d): %s", req.URL.Host, res.StatusCode, ServiceMessage(body, msg))}
	}
}

// UnknownAfter5xx is for channels that cannot recognise a repeated post (X, LinkedIn):
// a 5xx answer came after the request reached the service, which may have made the
// post before failing, so trying again could post it twice; a person checks instead.
func UnknownAfter5xx(err error) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == Later && e.Status >= 500 {
		e.Kind = Unknown
		e.Msg += " (after the post was sent, so it may be out: check the account)"
	}
	return err
}

// ServiceMessage is an excerpt of the service's own words from an error body: msg's
// pick, else the common JSON shapes, else the text of the body.
func ServiceMessage(body []byte, msg func([]byte) string) string {
	return Excerpt(serviceWords(body, msg))
}

func serviceWords(body []byte, msg func([]byte) string) string {
	if msg != nil {
		if m := msg(body); m != "" {
			return m
		}
	}
	var common struct {
		Error       any    `json:"error"`
		Message     string `json:"message"`
		Detail      string `json:"detail"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &common) == nil {
		for _, s := range []string{common.Message, common.Detail, common.Description} {
			if s != "" {
				return s
			}
		}
		if s, ok := common.Error.(string); ok && s != "" {
			return s
		}
	}
	return string(body)
}

// Excerpt is what people are shown of a remote answer: its text (an HTML page's, tags,
// scripts and styles left out), on one line, without control characters or invalid
// UTF-8, at most maxExcerpt runes. The calendar escapes it as any text.
func Excerpt(s string) string {
	if strings.Contains(s, "<") {
		s = htmlText(s)
	}
	var b strings.Builder
	n, space := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == utf8.RuneError || !unicode.IsPrint(r):
			continue
		}
		if n == maxExcerpt {
			b.WriteString("…")
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// htmlText is the text of an HTML fragment or page, without script and style.
func htmlText(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken, html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			b.WriteByte(' ')
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		}
	}
}

// retryAfter reads Retry-After as seconds or an HTTP date (0 when absent or past).
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// JSONRequest is a POST (or method) of v as JSON.
func JSONRequest(method, url string, v any) (*http.Request, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// UploadFailed: an upload that got no answer posted nothing, so it is tried again
// rather than left for a person (at worst the channel keeps an unattached copy, which
// it deletes by itself).
func UploadFailed(err error) error {
	if e := (*Error)(nil); errors.As(err, &e) && e.Kind == Unknown {
		return &Error{Kind: Later, Msg: e.Msg + " (uploading media; nothing was posted)", Err: e.Err}
	}
	return err
}

// BaseURL checks a service's base URL: http or https with a host; the trailing slash
// goes so paths can be appended.
func BaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http(s) URL like https://example.social", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q: a base URL has no query or fragment", s)
	}
	return strings.TrimRight(s, "/"), nil
}

// APIBase is the account's api setting (def when unset) without a trailing slash.
func APIBase(a *Account, def string) (string, error) {
	raw := strings.TrimSpace(a.Get("api"))
	if raw == "" {
		return def, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("accounts.%s.api: %q is not an http(s) URL", a.Name, raw)
	}
	return strings.TrimRight(raw, "/"), nil
}
