// Package x is the publisher of type "x": posts and threads to X with the API v2 as a
// user, images uploaded with their alt text.
// It registers itself with publish; see package publish for the layout.
package x

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/repurpose/repurpose/publish"
)

func init() {
	publish.Register(publish.Spec{
		Type:    "x",
		Summary: "post to X (Twitter) with the API v2 as a user; a thread goes out as a chain of replies",
		Fields: []publish.Field{
			{Name: "api", Doc: "the API's address; default https://api.x.com"},
			{Name: "username", Doc: "the account's @handle, for the posts' URLs"},
			{Name: "client_id", Doc: "the X app's OAuth 2.0 client ID, used by the Accounts page to connect the account"},
			{Name: "client_secret", Secret: true, Doc: "the X app's OAuth 2.0 client secret (confidential apps)"},
			{Name: "auth_url", Doc: "the OAuth 2.0 authorization endpoint the Accounts page sends the admin to; default https://x.com/i/oauth2/authorize"},
			{Name: "token_url", Doc: "the OAuth 2.0 token endpoint; default https://api.x.com/2/oauth2/token"},
			{Name: "scopes", Doc: "the scopes asked for when connecting, space-separated; default tweet.read tweet.write users.read media.write offline.access (media.write lets posts carry images; offline.access brings the refresh token)"},
			{Name: "access_token", Secret: true,
				Doc: "a fixed OAuth 2.0 user access token with tweet.write; without it the token of the account connected on the Accounts page is used"},
		},
		New: newX,
	})
}

// xPublisher posts to one X account. X takes no idempotency key, so it is not
// Idempotent: a post whose outcome is unknown (a 5xx answer included) is left for a
// person.
type xPublisher struct {
	api      string
	username string
	token    publish.UserToken
	client   *http.Client
}

func newX(a *publish.Account) (publish.Publisher, error) {
	api, err := publish.APIBase(a, "https://api.x.com")
	if err != nil {
		return nil, err
	}
	tok, err := publish.NewUserToken(a)
	if err != nil {
		return nil, err
	}
	return &xPublisher{api: api, username: strings.TrimPrefix(strings.TrimSpace(a.Get("username")), "@"),
		token: tok, client: a.HTTP()}, nil
}

// xTweet is the body of POST /2/tweets.
type xTweet struct {
	Text  string    `json:"text"`
	Reply *xReplyTo `json:"reply,omitempty"`
	Media *xMedia   `json:"media,omitempty"`
}

type xMedia struct {
	MediaIDs []string `json:"media_ids"`
}

// xMediaRules: up to four images of at most 5 MB. A link preview image is not sent: X
// makes the card from the page's tags.
var xMediaRules = publish.MediaRules{Channel: "X", Kinds: map[string]int{publish.MediaCard: 4, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

type xReplyTo struct {
	InReplyToTweetID string `json:"in_reply_to_tweet_id"`
}

func (x *xPublisher) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	parts := p.Parts
	if len(parts) == 0 {
		parts = []string{p.Text}
	}
	for i, t := range parts {
		if strings.TrimSpace(t) == "" {
			return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: fmt.Sprintf("post %d of %d is empty", i+1, len(parts))}
		}
	}
	if err := publish.CheckMedia(p, xMediaRules); err != nil {
		return publish.Result{}, err
	}
	token, err := x.token.Get(ctx)
	if err != nil {
		return publish.Result{}, err
	}
	var res publish.Result
	mediaIDs, err := publish.UploadCards(p, func(m *publish.Media) (string, error) { return x.upload(ctx, token, p, m, &res) })
	if err != nil {
		return publish.Result{Uploaded: res.Uploaded}, err
	}
	for i, t := range parts {
		body := xTweet{Text: t}
		if i > 0 {
			body.Reply = &xReplyTo{InReplyToTweetID: res.IDs[i-1]}
		} else if len(mediaIDs) > 0 {
			body.Media = &xMedia{MediaIDs: mediaIDs} // the images go with the first post
		}
		id, err := x.tweet(ctx, token, body)
		if err != nil {
			if i == 0 {
				return publish.Result{Uploaded: res.Uploaded}, err
			}
			// Part of the thread is live. Posting it again would repeat those parts (or
			// be refused as duplicates), so a person finishes or deletes it.
			return res, &publish.Error{Kind: publish.Unknown, Err: err,
				Msg: fmt.Sprintf("the thread stopped after %d of %d posts (%s): %v", i, len(parts), x.url(res.IDs[0]), err)}
		}
		res.IDs = append(res.IDs, id)
	}
	res.RemoteID, res.URL = res.IDs[0], x.url(res.IDs[0])
	if len(parts) == 1 {
		res.IDs = nil
	}
	return res, nil
}

// upload sends one image (POST /2/media/upload, the one-shot form for images, which
// needs the media.write scope), then its alt text (POST /2/media/metadata). An ID an
// earlier attempt got is used again: X keeps an unattached upload for a day.
func (x *xPublisher) upload(ctx context.Context, token string, p *publish.Post, m *publish.Media, res *publish.Result) (string, error) {
	id := res.UploadedBefore(p, m)
	if id == "" {
		req, err := publish.FormRequest(x.api+"/2/media/upload",
			publish.FormField("media_category", "tweet_image"), publish.FormField("media_type", m.ContentType), publish.FormFile("media", m))
		if err != nil {
			return "", err
		}
		out, err := x.call(ctx, token, req)
		if err != nil {
			return "", publish.UploadFailed(err)
		}
		var up struct {
			Data struct {
				ID string `json:"id"`
			} `json:"data"`
		}
		if json.Unmarshal(out, &up) != nil || up.Data.ID == "" {
			return "", &publish.Error{Kind: publish.Later, Msg: "X's answer to the upload names no media: " + publish.ServiceMessage(out, nil)}
		}
		id = up.Data.ID
		res.Remember(m, id)
	}
	if m.Alt == "" {
		return id, nil
	}
	req, err := publish.JSONRequest(http.MethodPost, x.api+"/2/media/metadata", map[string]any{
		"id": id, "metadata": map[string]any{"alt_text": map[string]string{"text": m.Alt}}})
	if err != nil {
		return "", &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	if _, err := x.call(ctx, token, req); err != nil {
		return "", publish.UploadFailed(err)
	}
	return id, nil
}

// tweet posts one tweet and returns its ID.
func (x *xPublisher) tweet(ctx context.Context, token string, body xTweet) (string, error) {
	req, err := publish.JSONRequest(http.MethodPost, x.api+"/2/tweets", body)
	if err != nil {
		return "", &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	out, err := x.call(ctx, token, req)
	if err != nil {
		return "", publish.UnknownAfter5xx(err)
	}
	var created struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if json.Unmarshal(out, &created) != nil || created.Data.ID == "" {
		// X answered 2xx, so the tweet most likely exists, but we cannot say which.
		return "", &publish.Error{Kind: publish.Unknown, Msg: "X accepted the post but its answer has no post ID: " + publish.ServiceMessage(out, nil)}
	}
	return created.Data.ID, nil
}

// call sends req with the token; a 429's wait comes from X's x-rate-limit-reset when
// there is no Retry-After.
func (x *xPublisher) call(ctx context.Context, token string, req *http.Request) ([]byte, error) {
	req.Header.Set("Authorization", "Bearer "+token)
	// Call drops an error answer's headers; the tap keeps X's x-rate-limit-reset.
	client, tap := tapRateLimit(x.client)
	out, _, err := publish.Call(ctx, client, req, xMessage)
	var e *publish.Error
	if errors.As(err, &e) && e.Kind == publish.Later && e.RetryAfter == 0 && tap.status == http.StatusTooManyRequests {
		e.RetryAfter = xRateLimitWait(tap.reset, time.Now())
	}
	return out, err
}

func (x *xPublisher) url(id string) string {
	if x.username == "" {
		return "https://x.com/i/web/status/" + id
	}
	return "https://x.com/" + url.PathEscape(x.username) + "/status/" + id
}

// xMessage picks X's words out of an error answer: the per-field messages of a
// validation error ({"errors":[{"message"}]}) say more than the problem's generic
// detail, which in turn says more than its title.
func xMessage(body []byte) string {
	var e struct {
		Title  string `json:"title"`
		Detail string `json:"detail"`
		Errors []struct {
			Message string `json:"message"`
			Detail  string `json:"detail"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var msgs []string
	for _, m := range e.Errors {
		if s := strings.TrimSpace(m.Message); s != "" {
			msgs = append(msgs, s)
		} else if s := strings.TrimSpace(m.Detail); s != "" {
			msgs = append(msgs, s)
		}
	}
	if len(msgs) > 0 {
		return strings.Join(msgs, "; ")
	}
	if e.Detail != "" {
		return e.Detail
	}
	return e.Title
}

// xRateLimitWait is the wait until X's x-rate-limit-reset, a unix time in seconds
// (0 when absent, unreadable or past).
func xRateLimitWait(reset string, now time.Time) time.Duration {
	n, err := strconv.ParseInt(strings.TrimSpace(reset), 10, 64)
	if err != nil {
		return 0
	}
	if d := time.Unix(n, 0).Sub(now); d > 0 {
		return d
	}
	return 0
}

// rateLimitTap records the status and x-rate-limit-reset of the answer it carries.
type rateLimitTap struct {
	base   http.RoundTripper
	status int
	reset  string
}

func (t *rateLimitTap) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.base.RoundTrip(req)
	if err == nil {
		t.status, t.reset = res.StatusCode, res.Header.Get("x-rate-limit-reset")
	}
	return res, err
}

// tapRateLimit is client with its transport wrapped in a fresh tap, for one request.
func tapRateLimit(client *http.Client) (*http.Client, *rateLimitTap) {
	c := *client
	tap := &rateLimitTap{base: c.Transport}
	if tap.base == nil {
		tap.base = http.DefaultTransport
	}
	c.Transport = tap
	return &c, tap
}
