// Package mastodon is the publisher of type "mastodon": statuses (a thread as replies)
// with an Idempotency-Key, images with their description.
// It registers itself with publish; see package publish for the layout.
package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/repurpose/repurpose/publish"
)

func init() {
	publish.Register(publish.Spec{
		Type:    "mastodon",
		Summary: "posts statuses to a Mastodon account (a thread as a chain of replies)",
		Fields: []publish.Field{
			{Name: "instance", Required: true, Doc: "the instance's base URL, like https://mastodon.social"},
			{Name: "token", Required: true, Secret: true, Doc: "an access token with the write:statuses scope"},
			{Name: "visibility", Doc: "public (default), unlisted or private"},
		},
		New: newMastodon,
	})
}

type mastodon struct {
	instance   string // base URL, no trailing slash
	token      string
	visibility string
	client     *http.Client
	// mediaPoll is the wait between looks at an upload still being processed.
	mediaPoll time.Duration
}

// mastodonMedia: up to four images, each at most 16 MB on a default instance (X's 5 MB
// applies to all). A link preview image is not sent: Mastodon makes its own preview
// from the page's Open Graph tags.
var mastodonMedia = publish.MediaRules{Channel: "Mastodon", Kinds: map[string]int{publish.MediaCard: 4, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

// mastodonMediaPolls bounds the looks at an upload still being processed (20 s).
const mastodonMediaPolls = 40

func newMastodon(a *publish.Account) (publish.Publisher, error) {
	instance, err := publish.BaseURL(a.Get("instance"))
	if err != nil {
		return nil, fmt.Errorf("accounts.%s.instance: %w", a.Name, err)
	}
	visibility := a.Get("visibility")
	switch visibility {
	case "":
		visibility = "public"
	case "public", "unlisted", "private":
	default:
		return nil, fmt.Errorf("accounts.%s.visibility: %q is not public, unlisted or private", a.Name, visibility)
	}
	token, err := a.Secret("token")
	if err != nil {
		return nil, err
	}
	return &mastodon{instance: instance, token: token, visibility: visibility, client: a.HTTP(), mediaPoll: 500 * time.Millisecond}, nil
}

// Idempotent: every status is sent with an Idempotency-Key made from Post.ID, and
// Mastodon answers a repeated key with the status it already made (it keeps keys for
// an hour).
func (*mastodon) Idempotent() {}

// mastodonStatus is the part of Mastodon's Status entity we keep.
type mastodonStatus struct {
	ID  string `json:"id"`
	URL string `json:"url"` // null for some remote-only statuses: stays ""
}

func (m *mastodon) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	if err := publish.CheckMedia(p, mastodonMedia); err != nil {
		return publish.Result{}, err
	}
	var res publish.Result
	mediaIDs, err := publish.UploadCards(p, func(med *publish.Media) (string, error) { return m.upload(ctx, p, med, &res) })
	if err != nil {
		return publish.Result{Uploaded: res.Uploaded}, err
	}
	if len(p.Parts) == 0 {
		s, err := m.status(ctx, p.Text, p.Locale, "", p.ID, mediaIDs)
		if err != nil {
			return publish.Result{Uploaded: res.Uploaded}, err
		}
		return publish.Result{RemoteID: s.ID, URL: s.URL, IDs: []string{s.ID}, Uploaded: res.Uploaded}, nil
	}
	reply := ""
	for i, part := range p.Parts {
		// A key per part: one key for the whole thread would make Mastodon answer every
		// part with the first status. The images go with the first.
		s, err := m.status(ctx, part, p.Locale, reply, p.ID+"-"+strconv.Itoa(i), mediaIDs)
		mediaIDs = nil
		if err != nil {
			if i > 0 {
				return publish.Result{Uploaded: res.Uploaded}, fmt.Errorf("post %d of %d of the thread: %w", i+1, len(p.Parts), err)
			}
			return publish.Result{Uploaded: res.Uploaded}, err
		}
		if i == 0 {
			res.RemoteID, res.URL = s.ID, s.URL
		}
		res.IDs = append(res.IDs, s.ID)
		reply = s.ID
	}
	return res, nil
}

// upload sends one image with its alt text as description (POST /api/v2/media) and
// waits until the instance has processed it: a status cannot attach media still being
// processed. An ID an earlier attempt got is used again. Nothing is posted by an
// upload, so one that got no answer is tried again later.
func (m *mastodon) upload(ctx context.Context, p *publish.Post, med *publish.Media, res *publish.Result) (string, error) {
	if id := res.UploadedBefore(p, med); id != "" {
		return id, nil
	}
	req, err := publish.FormRequest(m.instance+"/api/v2/media", publish.FormField("description", med.Alt), publish.FormFile("file", med))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+m.token)
	b, _, err := publish.Call(ctx, m.client, req, nil)
	if err != nil {
		return "", publish.UploadFailed(err)
	}
	var a mastodonAttachment
	if err := json.Unmarshal(b, &a); err != nil || a.ID == "" {
		return "", &publish.Error{Kind: publish.Later, Msg: "Mastodon's answer to the upload names no media: " + publish.ServiceMessage(b, nil), Err: err}
	}
	res.Remember(med, a.ID)
	// 202 with url null: still processing. GET answers 206 until it is done.
	for n := 0; a.URL == ""; n++ {
		if n == mastodonMediaPolls {
			return "", &publish.Error{Kind: publish.Later, Msg: "Mastodon is still processing the image " + med.Name}
		}
		select {
		case <-ctx.Done():
			return "", &publish.Error{Kind: publish.Later, Msg: "stopped waiting for Mastodon to process " + med.Name, Err: ctx.Err()}
		case <-time.After(m.mediaPoll):
		}
		req, err := http.NewRequest(http.MethodGet, m.instance+"/api/v1/media/"+url.PathEscape(a.ID), nil)
		if err != nil {
			return "", &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
		}
		req.Header.Set("Authorization", "Bearer "+m.token)
		b, _, err := publish.Call(ctx, m.client, req, nil)
		if err != nil {
			return "", publish.UploadFailed(err)
		}
		if json.Unmarshal(b, &a) != nil {
			a.URL = ""
		}
	}
	return a.ID, nil
}

// mastodonAttachment is the part of a MediaAttachment we read: url is null while the
// instance processes the file.
type mastodonAttachment struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

// status posts one status (POST /api/v1/statuses), a reply when inReplyTo is set.
func (m *mastodon) status(ctx context.Context, text, locale, inReplyTo, key string, mediaIDs []string) (*mastodonStatus, error) {
	body := map[string]any{"status": text, "visibility": m.visibility}
	if len(mediaIDs) > 0 {
		body["media_ids"] = mediaIDs
	}
	if locale != "" {
		body["language"] = locale // Mastodon drops a region it does not know ("en-US" is "en")
	}
	if inReplyTo != "" {
		body["in_reply_to_id"] = inReplyTo
	}
	req, err := publish.JSONRequest(http.MethodPost, m.instance+"/api/v1/statuses", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+m.token)
	req.Header.Set("Idempotency-Key", key)
	b, _, err := publish.Call(ctx, m.client, req, nil)
	if err != nil {
		return nil, err
	}
	var s mastodonStatus
	if err := json.Unmarshal(b, &s); err != nil || s.ID == "" {
		// The status was made, but we cannot say which: only its key can find it again.
		return nil, &publish.Error{Kind: publish.Unknown, Msg: "Mastodon's answer names no status: " + publish.ServiceMessage(b, nil), Err: err}
	}
	return &s, nil
}
