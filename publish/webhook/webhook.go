// Package webhook is the publisher of type "webhook": each post as signed JSON (with
// its files, multipart) to a URL; Verify is the receiver's check.
// It registers itself with publish; see package publish for the layout.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/repurpose/repurpose/derive"

	"github.com/repurpose/repurpose/publish"
)

// The webhook's headers. The delivery ID is Post.ID, the same on every retry, so a
// receiver that remembers it never acts twice.
const (
	webhookDeliveryHeader  = "X-Repurpose-Delivery"
	webhookTimestampHeader = "X-Repurpose-Timestamp"
	webhookSignatureHeader = "X-Repurpose-Signature"
)

func init() {
	publish.Register(publish.Spec{
		Type:    "webhook",
		Summary: "POST each post as signed JSON to a URL (Zapier, Make, Slack bridges, an in-house CMS)",
		Fields: []publish.Field{
			{Name: "url", Required: true, Doc: "the http(s) address deliveries are POSTed to"},
			{Name: "secret", Required: true, Secret: true,
				Doc: "the shared key of the X-Repurpose-Signature HMAC-SHA256; receivers check it with Verify of package publish/webhook"},
		},
		New: newWebhook,
	})
}

type webhook struct {
	url    string
	secret []byte
	client *http.Client
}

func newWebhook(a *publish.Account) (publish.Publisher, error) {
	raw := strings.TrimSpace(a.Get("url"))
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("accounts.%s.url: %q is not an http(s) URL", a.Name, raw)
	}
	secret, err := a.Secret("secret")
	if err != nil {
		return nil, err
	}
	if secret == "" {
		// An empty key signs nothing: anyone could forge a delivery.
		return nil, fmt.Errorf("accounts.%s.secret: the secret is empty", a.Name)
	}
	return &webhook{url: raw, secret: []byte(secret), client: a.HTTP()}, nil
}

// Idempotent: the delivery ID is stable across retries, so receivers de-duplicate.
func (*webhook) Idempotent() {}

// webhookDelivery is the body receivers get. Link stays even when empty so that tools
// which learn a schema from a sample (Zapier, Make) always see the field.
type webhookDelivery struct {
	ID           string             `json:"id"`
	Account      string             `json:"account"`
	Region       string             `json:"region"`
	Channel      string             `json:"channel"`
	Kind         string             `json:"kind"`
	Locale       string             `json:"locale"`
	Text         string             `json:"text"`
	Parts        []string           `json:"parts,omitempty"`
	Link         string             `json:"link"`
	At           string             `json:"at"`
	SourceID     string             `json:"source_id"`
	DerivativeID string             `json:"derivative_id"`
	Blog         *derive.BlogTeaser `json:"blog,omitempty"`
	Media        []publish.Media    `json:"media,omitempty"`
}

// webhookMediaRules: a webhook takes whatever a post carries.
var webhookMediaRules = publish.MediaRules{Channel: "a webhook", Kinds: map[string]int{publish.MediaCard: 4, publish.MediaCarousel: 1, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

func (w *webhook) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	if err := publish.CheckMedia(p, webhookMediaRules); err != nil {
		return publish.Result{}, err
	}
	body, err := json.Marshal(webhookDelivery{
		ID: p.ID, Account: p.Account, Region: p.Region, Channel: p.Channel, Kind: p.Kind,
		Locale: p.Locale, Text: p.Text, Parts: p.Parts, Link: p.Link,
		At: p.At.UTC().Format(time.RFC3339), SourceID: p.SourceID, DerivativeID: p.DerivativeID,
		Blog: p.Blog, Media: p.Media,
	})
	if err != nil {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "cannot encode the post: " + err.Error(), Err: err}
	}
	contentType := "application/json"
	if len(p.Media) > 0 {
		if body, contentType, err = webhookMultipart(body, p.Media); err != nil {
			return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "cannot encode the post: " + err.Error(), Err: err}
		}
	}
	req, err := http.NewRequest(http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	// Signed afresh on each attempt: the timestamp is the sending time, so an old
	// delivery replayed later fails the receiver's tolerance check.
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("User-Agent", "repurpose-webhook/1")
	req.Header.Set(webhookDeliveryHeader, p.ID)
	req.Header.Set(webhookTimestampHeader, ts)
	req.Header.Set(webhookSignatureHeader, "sha256="+hex.EncodeToString(webhookMAC(w.secret, ts, body)))
	answer, _, err := publish.Call(ctx, w.client, req, nil)
	if err != nil {
		return publish.Result{}, err
	}
	res := publish.Result{RemoteID: p.ID}
	// The answer is optional: Zapier sends {"id": ...}, Make and Slack plain text.
	var got struct {
		ID  json.RawMessage `json:"id"`
		URL json.RawMessage `json:"url"`
	}
	if json.Unmarshal(answer, &got) == nil {
		// Shown in the calendar: a short plain ID, and a link only to a web page.
		if id := publish.Excerpt(webhookScalar(got.ID)); id != "" {
			res.RemoteID = id
		}
		if u, err := url.Parse(webhookScalar(got.URL)); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && len(u.String()) <= 2048 {
			res.URL = u.String()
		}
	}
	return res, nil
}

// webhookMultipart is a delivery with files: multipart/form-data whose first part,
// "post", is the JSON delivery, followed by one part "file" per file, named as the
// delivery's media list names it. The signature covers the whole body as sent.
func webhookMultipart(delivery []byte, media []publish.Media) ([]byte, string, error) {
	parts := []publish.FormPart{{Name: "post", ContentType: "application/json", Body: delivery}}
	for i := range media {
		parts = append(parts, publish.FormFile("file", &media[i]))
	}
	return publish.FormData(parts...)
}

// webhookScalar is a JSON string's value or a number's digits ("" for anything else).
func webhookScalar(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

func webhookMAC(secret []byte, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return m.Sum(nil)
}

// Verify checks a webhook delivery as its receiver: the X-Repurpose-Signature
// must be the HMAC-SHA256 with secret of X-Repurpose-Timestamp + "." + body (the raw
// body, as received), and the timestamp within tolerance of now (5 minutes when
// tolerance is not positive), so a captured delivery cannot be replayed later.
func Verify(secret string, header http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	if secret == "" {
		return errors.New("webhook: no secret to verify with")
	}
	if tolerance <= 0 {
		tolerance = 5 * time.Minute
	}
	ts := header.Get(webhookTimestampHeader)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("webhook: %s is missing or not unix seconds: %q", webhookTimestampHeader, ts)
	}
	sig, ok := strings.CutPrefix(header.Get(webhookSignatureHeader), "sha256=")
	if !ok {
		return fmt.Errorf("webhook: %s is missing or not sha256=<hex>", webhookSignatureHeader)
	}
	got, err := hex.DecodeString(sig)
	if err != nil {
		return fmt.Errorf("webhook: %s is not hex", webhookSignatureHeader)
	}
	if !hmac.Equal(got, webhookMAC([]byte(secret), ts, body)) {
		return errors.New("webhook: the signature does not match (another secret, or the body was changed)")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("webhook: the timestamp is %s away from now, beyond the %s tolerance (a replay?)", d.Round(time.Second), tolerance)
	}
	return nil
}
