// Package threads is the publisher of type "threads": Meta's Threads API, a media
// container then threads_publish.
// It registers itself with publish; see package publish for the layout.
package threads

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/repurpose/repurpose/publish"
)

func init() {
	publish.Register(publish.Spec{
		Type:    "threads",
		Summary: "posts to a Threads account with Meta's Threads API: a media container, then threads_publish",
		Fields: []publish.Field{
			{Name: "api", Doc: "the API's address; default https://graph.threads.net"},
			{Name: "user_id", Doc: "the Threads user ID posts go to; default me (the token's user)"},
			{Name: "access_token", Required: true, Secret: true,
				Doc: "a long-lived Threads user access token with threads_basic and threads_content_publish"},
		},
		New: newThreads,
	})
}

// threadsMedia: one image. Threads fetches it itself, so it must have a public URL; a
// link preview image is not sent, as Threads makes the preview from the first URL in
// the text.
var threadsMedia = publish.MediaRules{Channel: "Threads", Kinds: map[string]int{publish.MediaCard: 1, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

// threadsContainerPolls bounds the looks at an image container not yet ready (25 s,
// within a delivery's hold).
const threadsContainerPolls = 25

// threadsPublisher posts to one Threads account. The API takes no idempotency key, so
// it is not Idempotent.
type threadsPublisher struct {
	api, user, token string
	client           *http.Client
	poll             time.Duration
}

func newThreads(a *publish.Account) (publish.Publisher, error) {
	api, err := publish.APIBase(a, "https://graph.threads.net")
	if err != nil {
		return nil, err
	}
	token, err := a.Secret("access_token")
	if err != nil {
		return nil, err
	}
	user := strings.TrimSpace(a.Get("user_id"))
	if user == "" {
		user = "me"
	}
	if strings.ContainsAny(user, "/?#") {
		return nil, fmt.Errorf("accounts.%s.user_id: %q is not a Threads user ID", a.Name, user)
	}
	return &threadsPublisher{api: api + "/v1.0", user: user, token: token, client: a.HTTP(), poll: time.Second}, nil
}

func (t *threadsPublisher) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	if len(p.Parts) > 0 {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "Threads takes a single post, not a thread"}
	}
	if strings.TrimSpace(p.Text) == "" {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "the post is empty"}
	}
	if err := publish.CheckMedia(p, threadsMedia); err != nil {
		return publish.Result{}, err
	}
	form := url.Values{"media_type": {"TEXT"}, "text": {p.Text}}
	card := publish.FirstMedia(p.Media, publish.MediaCard)
	if card != nil {
		if u, err := url.Parse(card.URL); err != nil || u.Scheme != "https" || u.Host == "" {
			return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "Threads fetches images from a public https URL, and the card " + card.Name + " has none"}
		}
		form = url.Values{"media_type": {"IMAGE"}, "text": {p.Text}, "image_url": {card.URL}, "alt_text": {card.Alt}}
	}
	// The container is not a post: making one again after a failure posts nothing.
	container, err := t.create(ctx, "/"+t.user+"/threads", form)
	if err != nil {
		return publish.Result{}, publish.UploadFailed(err)
	}
	if card != nil {
		if err := t.waitUntilReady(ctx, container); err != nil {
			return publish.Result{}, err
		}
	}
	id, err := t.create(ctx, "/"+t.user+"/threads_publish", url.Values{"creation_id": {container}})
	if err != nil {
		return publish.Result{}, publish.UnknownAfter5xx(err)
	}
	res := publish.Result{RemoteID: id}
	// The permalink is for people; a post without it is still published.
	var link struct {
		Permalink string `json:"permalink"`
	}
	if t.get(ctx, id, "permalink", &link) == nil {
		if u, err := url.Parse(link.Permalink); err == nil && u.Scheme == "https" {
			res.URL = u.String()
		}
	}
	return res, nil
}

// waitUntilReady waits until Threads has fetched and processed the container's image
// (status FINISHED); a container that failed is refused with Threads' reason.
func (t *threadsPublisher) waitUntilReady(ctx context.Context, container string) error {
	for n := 0; ; n++ {
		var st struct {
			Status       string `json:"status"`
			ErrorMessage string `json:"error_message"`
		}
		if err := t.get(ctx, container, "status,error_message", &st); err != nil {
			return publish.UploadFailed(err)
		}
		switch st.Status {
		case "FINISHED":
			return nil
		case "ERROR":
			return &publish.Error{Kind: publish.Refused, Msg: "Threads could not use the image: " + publish.Excerpt(st.ErrorMessage)}
		case "EXPIRED":
			return &publish.Error{Kind: publish.Later, Msg: "the Threads container expired before it was published"}
		}
		if n == threadsContainerPolls {
			return &publish.Error{Kind: publish.Later, Msg: "Threads is still processing the image"}
		}
		select {
		case <-ctx.Done():
			return &publish.Error{Kind: publish.Later, Msg: "stopped waiting for Threads to process the image", Err: ctx.Err()}
		case <-time.After(t.poll):
		}
	}
}

// create POSTs form to path and returns the ID the answer names.
func (t *threadsPublisher) create(ctx context.Context, path string, form url.Values) (string, error) {
	req, err := http.NewRequest(http.MethodPost, t.api+path, strings.NewReader(form.Encode()))
	if err != nil {
		return "", &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	body, err := t.call(ctx, req)
	if err != nil {
		return "", err
	}
	var created struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(body, &created) != nil || created.ID == "" {
		return "", &publish.Error{Kind: publish.Unknown, Msg: "Threads' answer names no ID: " + publish.ServiceMessage(body, nil)}
	}
	return created.ID, nil
}

// get reads fields of the object id into out.
func (t *threadsPublisher) get(ctx context.Context, id, fields string, out any) error {
	req, err := http.NewRequest(http.MethodGet, t.api+"/"+url.PathEscape(id)+"?"+url.Values{"fields": {fields}}.Encode(), nil)
	if err != nil {
		return &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	body, err := t.call(ctx, req)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, out); err != nil {
		return &publish.Error{Kind: publish.Unknown, Msg: "Threads' answer is not JSON: " + publish.ServiceMessage(body, nil), Err: err}
	}
	return nil
}

// call sends req with the token in a header rather than the documented access_token
// parameter, which in a URL would reach error messages and logs.
func (t *threadsPublisher) call(ctx context.Context, req *http.Request) ([]byte, error) {
	req.Header.Set("Authorization", "Bearer "+t.token)
	body, _, err := publish.Call(ctx, t.client, req, threadsMessage)
	return body, err
}

// threadsMessage is a Graph API error's message: {"error":{"message","type","code"}}.
func threadsMessage(body []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	return e.Error.Message
}
