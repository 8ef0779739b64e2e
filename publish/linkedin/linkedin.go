// Package linkedin is the publisher of type "linkedin": the Posts API, with images,
// documents (the carousel) and link thumbnails.
// It registers itself with publish; see package publish for the layout.
package linkedin

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/repurpose/repurpose/channel"

	"github.com/repurpose/repurpose/publish"
)

// linkedInVersion is the LinkedIn-Version sent when the account sets none. LinkedIn
// sunsets each monthly version after about a year (HTTP 426), so this is bumped now and
// then; 202507 is already gone.
const linkedInVersion = "202607"

func init() {
	publish.Register(publish.Spec{
		Type:    "linkedin",
		Summary: "post to a LinkedIn page or member feed with the Posts API",
		Fields: []publish.Field{
			{Name: "author", Required: true,
				Doc: "who posts: urn:li:organization:<id> for a page (w_organization_social) or urn:li:person:<id> for a member (w_member_social)"},
			{Name: "api", Doc: "the API's address; default https://api.linkedin.com"},
			{Name: "version", Doc: "the LinkedIn-Version header, YYYYMM; default " + linkedInVersion},
			{Name: "client_id", Doc: "the LinkedIn app's client ID, used by the Accounts page to connect the account"},
			{Name: "client_secret", Secret: true, Doc: "the LinkedIn app's client secret"},
			{Name: "auth_url", Doc: "the OAuth 2.0 authorization endpoint the Accounts page sends the admin to; default https://www.linkedin.com/oauth/v2/authorization"},
			{Name: "token_url", Doc: "the OAuth 2.0 token endpoint; default https://www.linkedin.com/oauth/v2/accessToken"},
			{Name: "scopes", Doc: "the scopes asked for when connecting, space-separated; default w_member_social (a page needs w_organization_social)"},
			{Name: "access_token", Secret: true,
				Doc: "a fixed OAuth 2.0 access token; without it the token of the account connected on the Accounts page is used"},
		},
		New: newLinkedIn,
	})
}

// linkedIn posts to one LinkedIn author. The Posts API takes no idempotency key, so it
// is not Idempotent.
type linkedIn struct {
	api     string
	author  string
	version string
	token   publish.UserToken
	client  *http.Client
}

// linkedInVersionRE is YYYYMM, with LinkedIn's occasional patch suffix (202508.02).
var linkedInVersionRE = regexp.MustCompile(`^20\d{2}(0[1-9]|1[0-2])(\.\d{2})?$`)

func newLinkedIn(a *publish.Account) (publish.Publisher, error) {
	author := strings.TrimSpace(a.Get("author"))
	if !strings.HasPrefix(author, "urn:li:") {
		return nil, fmt.Errorf("accounts.%s.author: %q is not a LinkedIn URN such as urn:li:organization:123 or urn:li:person:abc", a.Name, author)
	}
	version := strings.TrimSpace(a.Get("version"))
	if version == "" {
		version = linkedInVersion
	} else if !linkedInVersionRE.MatchString(version) {
		return nil, fmt.Errorf("accounts.%s.version: %q is not a LinkedIn API version (YYYYMM, such as %s)", a.Name, version, linkedInVersion)
	}
	api, err := publish.APIBase(a, "https://api.linkedin.com")
	if err != nil {
		return nil, err
	}
	tok, err := publish.NewUserToken(a)
	if err != nil {
		return nil, err
	}
	return &linkedIn{api: api, author: author, version: version, token: tok, client: a.HTTP()}, nil
}

// linkedInPost is a text-only post of the Posts API.
type linkedInPost struct {
	Author                    string               `json:"author"`
	Commentary                string               `json:"commentary"`
	Visibility                string               `json:"visibility"`
	Distribution              linkedInDistribution `json:"distribution"`
	LifecycleState            string               `json:"lifecycleState"`
	IsReshareDisabledByAuthor bool                 `json:"isReshareDisabledByAuthor"`
	Content                   *linkedInContent     `json:"content,omitempty"`
}

// linkedInContent is a post's one piece of content: an image or a document
// (media), or a link with its thumbnail (article).
type linkedInContent struct {
	Media   *linkedInMedia   `json:"media,omitempty"`
	Article *linkedInArticle `json:"article,omitempty"`
}

type linkedInMedia struct {
	ID      string `json:"id"`
	Title   string `json:"title,omitempty"`
	AltText string `json:"altText,omitempty"`
}

type linkedInArticle struct {
	Source           string `json:"source"`
	Title            string `json:"title"`
	Description      string `json:"description,omitempty"`
	Thumbnail        string `json:"thumbnail"`
	ThumbnailAltText string `json:"thumbnailAltText,omitempty"`
}

// linkedInMediaRules: a post carries one piece of content; of the files it has, the
// carousel goes as a document, else the card as an image, else the link preview image
// as the link's thumbnail.
var linkedInMediaRules = publish.MediaRules{Channel: "LinkedIn", Kinds: map[string]int{publish.MediaCard: 1, publish.MediaCarousel: 1, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

type linkedInDistribution struct {
	FeedDistribution               string   `json:"feedDistribution"`
	TargetEntities                 []string `json:"targetEntities"`
	ThirdPartyDistributionChannels []string `json:"thirdPartyDistributionChannels"`
}

func (l *linkedIn) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	if len(p.Parts) > 0 {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "LinkedIn takes a single post, not a thread"}
	}
	if strings.TrimSpace(p.Text) == "" {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "the post is empty"}
	}
	if err := publish.CheckMedia(p, linkedInMediaRules); err != nil {
		return publish.Result{}, err
	}
	token, err := l.token.Get(ctx)
	if err != nil {
		return publish.Result{}, err
	}
	var res publish.Result
	content, err := l.content(ctx, token, p, &res)
	if err != nil {
		return publish.Result{Uploaded: res.Uploaded}, err
	}
	req, err := publish.JSONRequest(http.MethodPost, l.api+"/rest/posts", linkedInPost{
		Content: content,
		Author:  l.author,
		// Post.Text is plain text; commentary is "little" markup, where an unescaped
		// reserved character can cut the published post short.
		Commentary: channel.LinkedInLittleText(p.Text),
		Visibility: "PUBLIC",
		Distribution: linkedInDistribution{FeedDistribution: "MAIN_FEED",
			TargetEntities: []string{}, ThirdPartyDistributionChannels: []string{}},
		LifecycleState: "PUBLISHED",
	})
	if err != nil {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	l.headers(req, token)
	_, header, err := publish.Call(ctx, l.client, req, linkedInMessage)
	if err != nil {
		return publish.Result{Uploaded: res.Uploaded}, publish.UnknownAfter5xx(err)
	}
	// The new post's URN comes only in this header (201 with an empty body).
	id := strings.TrimSpace(header.Get("x-restli-id"))
	if id == "" {
		return publish.Result{Uploaded: res.Uploaded}, &publish.Error{Kind: publish.Unknown, Msg: "LinkedIn accepted the post but sent no x-restli-id: the post probably exists, its ID is unknown"}
	}
	return publish.Result{RemoteID: id, URL: "https://www.linkedin.com/feed/update/" + id, Uploaded: res.Uploaded}, nil
}

func (l *linkedIn) headers(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("LinkedIn-Version", l.version)
	req.Header.Set("X-Restli-Protocol-Version", "2.0.0")
}

// content uploads the file the post carries and says how the post references it (nil
// for none).
func (l *linkedIn) content(ctx context.Context, token string, p *publish.Post, res *publish.Result) (*linkedInContent, error) {
	if m := publish.FirstMedia(p.Media, publish.MediaCarousel); m != nil {
		urn, err := l.upload(ctx, token, "documents", p, m, res)
		if err != nil {
			return nil, err
		}
		return &linkedInContent{Media: &linkedInMedia{ID: urn, Title: m.Title}}, nil
	}
	if m := publish.FirstMedia(p.Media, publish.MediaCard); m != nil {
		urn, err := l.upload(ctx, token, "images", p, m, res)
		if err != nil {
			return nil, err
		}
		return &linkedInContent{Media: &linkedInMedia{ID: urn, AltText: m.Alt}}, nil
	}
	m := publish.FirstMedia(p.Media, publish.MediaPreview)
	if m == nil {
		return nil, nil
	}
	if p.Link == "" {
		return nil, &publish.Error{Kind: publish.Refused, Msg: "a link preview image needs the post's link"}
	}
	urn, err := l.upload(ctx, token, "images", p, m, res)
	if err != nil {
		return nil, err
	}
	return &linkedInContent{Article: &linkedInArticle{Source: p.Link, Title: cmp.Or(m.Title, p.Link),
		Description: m.Description, Thumbnail: urn, ThumbnailAltText: m.Alt}}, nil
}

// upload puts a file into LinkedIn's Images or Documents API (api: "images" or
// "documents"): initializeUpload names an upload URL and the file's URN, the bytes go
// to that URL, and the post references the URN. A URN an earlier attempt uploaded is
// used again.
func (l *linkedIn) upload(ctx context.Context, token, api string, p *publish.Post, m *publish.Media, res *publish.Result) (string, error) {
	if urn := res.UploadedBefore(p, m); urn != "" {
		return urn, nil
	}
	req, err := publish.JSONRequest(http.MethodPost, l.api+"/rest/"+api+"?action=initializeUpload",
		map[string]any{"initializeUploadRequest": map[string]string{"owner": l.author}})
	if err != nil {
		return "", &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	l.headers(req, token)
	body, _, err := publish.Call(ctx, l.client, req, linkedInMessage)
	if err != nil {
		return "", publish.UploadFailed(err)
	}
	var init struct {
		Value struct {
			UploadURL string `json:"uploadUrl"`
			Image     string `json:"image"`
			Document  string `json:"document"`
		} `json:"value"`
	}
	if json.Unmarshal(body, &init) != nil {
		init.Value.UploadURL = ""
	}
	urn := cmp.Or(init.Value.Image, init.Value.Document)
	if urn == "" || !l.uploadURLOK(init.Value.UploadURL) {
		return "", &publish.Error{Kind: publish.Later, Msg: "LinkedIn's answer to initializeUpload has no https upload URL and URN: " + publish.ServiceMessage(body, nil)}
	}
	put, err := http.NewRequest(http.MethodPut, init.Value.UploadURL, bytes.NewReader(m.Bytes))
	if err != nil {
		return "", &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	put.Header.Set("Authorization", "Bearer "+token)
	put.Header.Set("Content-Type", m.ContentType)
	if _, _, err := publish.Call(ctx, l.client, put, linkedInMessage); err != nil {
		return "", publish.UploadFailed(err)
	}
	res.Remember(m, urn)
	return urn, nil
}

// uploadURLOK: the token goes with the bytes, so only to LinkedIn over https or to
// the API's own host (the api setting's).
func (l *linkedIn) uploadURLOK(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	api, _ := url.Parse(l.api)
	host := u.Hostname()
	return (u.Scheme == "https" && (host == "linkedin.com" || strings.HasSuffix(host, ".linkedin.com"))) ||
		(u.Scheme == api.Scheme && u.Host == api.Host)
}

// linkedInMessage is LinkedIn's message with the fields its validation names, which
// the message alone often leaves out.
func linkedInMessage(body []byte) string {
	var e struct {
		Message      string `json:"message"`
		ErrorDetails struct {
			InputErrors []struct {
				Description string `json:"description"`
				Code        string `json:"code"`
				Input       struct {
					InputPath struct {
						FieldPath string `json:"fieldPath"`
					} `json:"inputPath"`
				} `json:"input"`
			} `json:"inputErrors"`
		} `json:"errorDetails"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var details []string
	for _, in := range e.ErrorDetails.InputErrors {
		d := in.Description
		if d == "" {
			d = in.Code
		}
		if f := in.Input.InputPath.FieldPath; f != "" {
			d = f + ": " + d
		}
		if d != "" {
			details = append(details, d)
		}
	}
	switch {
	case len(details) == 0:
		return e.Message
	case e.Message == "":
		return strings.Join(details, "; ")
	}
	return e.Message + " (" + strings.Join(details, "; ") + ")"
}
