package publish

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

func init() {
	Register(Spec{
		Type:    "mastodon",
		Summary: "posts statuses to a Mastodon account (a thread as a chain of replies)",
		Fields: []Field{
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
}

func newMastodon(a *Account) (Publisher, error) {
	instance, err := httpBaseURL(a.Get("instance"))
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
	return &mastodon{instance: instance, token: token, visibility: visibility, client: a.HTTP()}, nil
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

func (m *mastodon) Publish(ctx context.Context, p *Post) (Result, error) {
	if len(p.Parts) == 0 {
		s, err := m.status(ctx, p.Text, p.Locale, "", p.ID)
		if err != nil {
			return Result{}, err
		}
		return Result{RemoteID: s.ID, URL: s.URL, IDs: []string{s.ID}}, nil
	}
	var res Result
	reply := ""
	for i, part := range p.Parts {
		// A key per part: one key for the whole thread would make Mastodon answer every
		// part with the first status.
		s, err := m.status(ctx, part, p.Locale, reply, p.ID+"-"+strconv.Itoa(i))
		if err != nil {
			if i > 0 {
				return Result{}, fmt.Errorf("post %d of %d of the thread: %w", i+1, len(p.Parts), err)
			}
			return Result{}, err
		}
		if i == 0 {
			res.RemoteID, res.URL = s.ID, s.URL
		}
		res.IDs = append(res.IDs, s.ID)
		reply = s.ID
	}
	return res, nil
}

// status posts one status (POST /api/v1/statuses), a reply when inReplyTo is set.
func (m *mastodon) status(ctx context.Context, text, locale, inReplyTo, key string) (*mastodonStatus, error) {
	body := map[string]string{"status": text, "visibility": m.visibility}
	if locale != "" {
		body["language"] = locale // Mastodon drops a region it does not know ("en-US" is "en")
	}
	if inReplyTo != "" {
		body["in_reply_to_id"] = inReplyTo
	}
	req, err := JSONRequest(http.MethodPost, m.instance+"/api/v1/statuses", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+m.token)
	req.Header.Set("Idempotency-Key", key)
	b, _, err := Call(ctx, m.client, req, nil)
	if err != nil {
		return nil, err
	}
	var s mastodonStatus
	if err := json.Unmarshal(b, &s); err != nil || s.ID == "" {
		// The status was made, but we cannot say which: only its key can find it again.
		return nil, &Error{Kind: Unknown, Msg: "Mastodon's answer names no status: " + serviceMessage(b, nil), Err: err}
	}
	return &s, nil
}

// httpBaseURL checks a service's base URL: http or https with a host; the trailing slash
// goes so paths can be appended.
func httpBaseURL(s string) (string, error) {
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
