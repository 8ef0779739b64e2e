package translate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// LibreTranslate is a Provider backed by a LibreTranslate server's HTTP API
// (POST /translate, https://docs.libretranslate.com/guides/api_usage/).
//
// LibreTranslate has no terminology feature. Kept terms are protected by
// sending the text as HTML with each term wrapped in <span translate="no">:
// its HTML path (translatehtml over Argos Translate) skips elements whose
// translate attribute is "no", and the terms are restored exactly afterwards.
// Placeholder tokens in plain text are not safe: the Argos models rewrite or
// drop them.
type LibreTranslate struct {
	endpoint string // {base}/translate
	apiKey   string // optional; sent as api_key
	client   *http.Client
	now      func() time.Time // for Retry-After dates; tests replace it
}

// NewLibreTranslate returns a provider for the server at baseURL (for
// example "http://libretranslate:5000"). apiKey may be empty for servers run
// without --api-keys. A nil client means http.DefaultClient; pass one with a
// timeout in production.
func NewLibreTranslate(baseURL, apiKey string, client *http.Client) *LibreTranslate {
	if client == nil {
		client = http.DefaultClient
	}
	return &LibreTranslate{
		endpoint: strings.TrimRight(baseURL, "/") + "/translate",
		apiKey:   apiKey,
		client:   client,
		now:      time.Now,
	}
}

// Name implements Provider.
func (l *LibreTranslate) Name() string { return "libretranslate" }

// libreRequest is the JSON body of POST /translate. q is always an array
// (batch mode), so the answer's translatedText is an array in the same order.
type libreRequest struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"` // "text" or "html"
	APIKey string   `json:"api_key,omitempty"`
}

// libreResponse covers both answers: {"translatedText": ...} on success and
// {"error": "..."} with a 4xx/5xx status.
type libreResponse struct {
	TranslatedText json.RawMessage `json:"translatedText"`
	Error          string          `json:"error"`
}

// Translate implements Provider. All non-blank lines of all texts go in one
// batch request.
func (l *LibreTranslate) Translate(ctx context.Context, req Request) (Result, error) {
	req, err := prepare(l.Name(), req)
	if err != nil {
		return Result{}, err
	}
	if sameLanguage(req.Source, req.Target) {
		return Result{Texts: append([]string(nil), req.Texts...)}, nil
	}
	lines, segs, q := splitLines(req.Texts)
	if len(q) == 0 {
		return Result{Texts: append([]string(nil), req.Texts...)}, nil
	}

	// HTML only when needed: the text path keeps punctuation and spacing
	// better, and costs no escaping.
	format := "text"
	if containsAny(q, req.Keep) {
		format = "html"
		for i := range q {
			q[i] = protect(q[i], req.Keep)
		}
	}

	out, err := l.call(ctx, libreRequest{
		Q:      q,
		Source: libreLang(req.Source),
		Target: libreLang(req.Target),
		Format: format,
		APIKey: l.apiKey,
	})
	if err != nil {
		return Result{}, err
	}
	if format == "html" {
		for i := range out {
			out[i] = restore(out[i], req.Keep)
		}
	}
	texts := joinLines(lines, segs, out)
	if err := checkKept(l.Name(), req.Keep, req.Texts, texts); err != nil {
		return Result{}, err
	}
	return Result{Texts: texts}, nil
}

// call posts one batch and classifies the answer by status: 429 is a rate
// limit, other 4xx are permanent (bad request, unsupported language, banned
// or missing API key), anything else is transient.
func (l *LibreTranslate) call(ctx context.Context, body libreRequest) ([]string, error) {
	fail := func(kind Kind, status int, msg string, err error) error {
		return &Error{Op: "translate", Provider: l.Name(), Kind: kind, Status: status, Msg: msg, Err: err}
	}
	buf, err := json.Marshal(body)
	if err != nil {
		return nil, fail(KindPermanent, 0, "encode request", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, l.endpoint, bytes.NewReader(buf))
	if err != nil {
		return nil, fail(KindPermanent, 0, "build request", err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Accept", "application/json")

	resp, err := l.client.Do(hreq)
	if err != nil {
		return nil, fail(KindTransient, 0, "", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, fail(KindTransient, resp.StatusCode, "read response", err)
	}
	var lr libreResponse
	jsonErr := json.Unmarshal(raw, &lr)
	msg := lr.Error
	if jsonErr != nil || (msg == "" && resp.StatusCode != http.StatusOK) {
		msg = snippet(raw) // a proxy's HTML error page, say
	}

	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		after, ok := parseRetryAfter(resp.Header.Get("Retry-After"), l.now())
		if !ok {
			after = defaultRetryAfter
		}
		return nil, &RetryLater{Provider: l.Name(), After: after, Msg: msg}
	case resp.StatusCode == http.StatusRequestTimeout:
		return nil, fail(KindTransient, resp.StatusCode, msg, nil)
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return nil, fail(KindPermanent, resp.StatusCode, msg, nil)
	case resp.StatusCode != http.StatusOK:
		return nil, fail(KindTransient, resp.StatusCode, msg, nil)
	case jsonErr != nil:
		return nil, fail(KindTransient, resp.StatusCode, "undecodable answer: "+msg, jsonErr)
	}

	var out []string
	if err := json.Unmarshal(lr.TranslatedText, &out); err != nil {
		// Servers that ignore batch mode answer one string for one q.
		var one string
		if err1 := json.Unmarshal(lr.TranslatedText, &one); err1 != nil || len(body.Q) != 1 {
			return nil, fail(KindTransient, resp.StatusCode, "unexpected translatedText: "+snippet(lr.TranslatedText), err)
		}
		out = []string{one}
	}
	if len(out) != len(body.Q) {
		return nil, fail(KindTransient, resp.StatusCode,
			fmt.Sprintf("asked for %d translations, got %d", len(body.Q), len(out)), nil)
	}
	return out, nil
}

// libreLang maps a BCP 47 tag to LibreTranslate's codes: mostly the primary
// subtag, but Brazilian Portuguese is "pb" and Traditional Chinese "zt".
func libreLang(tag string) string {
	switch canonical(tag) {
	case "pt-br":
		return "pb"
	case "zh-hant", "zh-tw", "zh-hk", "zh-mo":
		return "zt"
	}
	return primary(tag)
}

func containsAny(texts, terms []string) bool {
	for _, t := range texts {
		for _, k := range terms {
			if strings.Contains(t, k) {
				return true
			}
		}
	}
	return false
}

// keepOpen and keepClose wrap a kept term in the HTML sent to LibreTranslate.
const (
	keepOpen  = `<span translate="no">`
	keepClose = `</span>`
)

// protect escapes s as HTML text and wraps every occurrence of a kept term
// (keep is longest first, so the longest match wins) in a translate="no"
// span.
func protect(s string, keep []string) string {
	var b strings.Builder
	plain := 0 // start of the text not yet written
	for i := 0; i < len(s); {
		matched := ""
		for _, k := range keep {
			if strings.HasPrefix(s[i:], k) {
				matched = k
				break
			}
		}
		if matched == "" {
			i++
			continue
		}
		b.WriteString(html.EscapeString(s[plain:i]))
		b.WriteString(keepOpen)
		b.WriteString(html.EscapeString(matched))
		b.WriteString(keepClose)
		i += len(matched)
		plain = i
	}
	b.WriteString(html.EscapeString(s[plain:]))
	return b.String()
}

// keptSpan matches a protected span as BeautifulSoup serialises it back,
// leniently about quoting and extra attributes.
var keptSpan = regexp.MustCompile(`(?is)<span\s[^>]*translate\s*=\s*["']?no["']?[^>]*>(.*?)</span\s*>`)

// restore undoes protect on a translation. Current LibreTranslate already
// unescapes its HTML answers and older versions do not; unescaping once more
// is right for both, except for source text that literally spelled an
// entity ("&amp;"), which then comes back decoded.
func restore(s string, keep []string) string {
	var terms []string
	s = keptSpan.ReplaceAllStringFunc(s, func(m string) string {
		inner := html.UnescapeString(keptSpan.FindStringSubmatch(m)[1])
		term := inner
		for _, k := range keep {
			// translatehtml collapses runs of whitespace; compare likewise.
			if inner == k || strings.Join(strings.Fields(inner), " ") == strings.Join(strings.Fields(k), " ") {
				term = k
				break
			}
		}
		terms = append(terms, term)
		// A private-use marker keeps the term out of the unescape below.
		return "\uE000" + strconv.Itoa(len(terms)-1) + "\uE001"
	})
	s = html.UnescapeString(s)
	for i, t := range terms {
		s = strings.Replace(s, "\uE000"+strconv.Itoa(i)+"\uE001", t, 1)
	}
	return s
}

// snippet is a short, printable excerpt of a body for error messages.
func snippet(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}

var _ Provider = (*LibreTranslate)(nil)
