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
	"strconv"
	"strings"
	"time"
)

// maxBody is the most of a response any publisher reads.
const maxBody = 1 << 20

// Call sends req and reads the answer, turning what went wrong into an *Error of the
// right Kind: 429 and 503 (with Retry-After when given) and other 5xx are Later; other
// 4xx are Refused with the service's message (msg picks it out of the body); a
// connection that could not be made is Later (nothing was sent); anything after the
// request may have left is Unknown. A 2xx answer's body is returned.
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
		e := &Error{Kind: Later, RetryAfter: retryAfter(res.Header, time.Now()),
			Msg: fmt.Sprintf("%s answered %d %s", req.URL.Host, res.StatusCode, serviceMessage(body, msg))}
		return nil, nil, e
	default:
		return nil, nil, &Error{Kind: Refused, Msg: fmt.Sprintf("%s refused the post (HTTP %d): %s", req.URL.Host, res.StatusCode, serviceMessage(body, msg))}
	}
}

// serviceMessage is the service's own words from an error body: msg's pick, else the
// common JSON shapes, else the start of the body.
func serviceMessage(body []byte, msg func([]byte) string) string {
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
	s := strings.TrimSpace(string(body))
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
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
