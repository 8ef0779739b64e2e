package publish

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/repurpose/repurpose/channel"
)

// linkedInVersion is the LinkedIn-Version sent when the account sets none. LinkedIn
// sunsets each monthly version after about a year (HTTP 426), so this is bumped now and
// then; 202507 is already gone.
const linkedInVersion = "202607"

func init() {
	Register(Spec{
		Type:    "linkedin",
		Summary: "post to a LinkedIn page or member feed with the Posts API",
		Fields: []Field{
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
	token   oauthUserToken
	client  *http.Client
}

// linkedInVersionRE is YYYYMM, with LinkedIn's occasional patch suffix (202508.02).
var linkedInVersionRE = regexp.MustCompile(`^20\d{2}(0[1-9]|1[0-2])(\.\d{2})?$`)

func newLinkedIn(a *Account) (Publisher, error) {
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
	api, err := apiBase(a, "https://api.linkedin.com")
	if err != nil {
		return nil, err
	}
	tok, err := newOAuthUserToken(a)
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
}

type linkedInDistribution struct {
	FeedDistribution               string   `json:"feedDistribution"`
	TargetEntities                 []string `json:"targetEntities"`
	ThirdPartyDistributionChannels []string `json:"thirdPartyDistributionChannels"`
}

func (l *linkedIn) Publish(ctx context.Context, p *Post) (Result, error) {
	if len(p.Parts) > 0 {
		return Result{}, &Error{Kind: Refused, Msg: "LinkedIn takes a single post, not a thread"}
	}
	if strings.TrimSpace(p.Text) == "" {
		return Result{}, &Error{Kind: Refused, Msg: "the post is empty"}
	}
	token, err := l.token.get(ctx)
	if err != nil {
		return Result{}, err
	}
	req, err := JSONRequest(http.MethodPost, l.api+"/rest/posts", linkedInPost{
		Author: l.author,
		// Post.Text is plain text; commentary is "little" markup, where an unescaped
		// reserved character can cut the published post short.
		Commentary: channel.LinkedInLittleText(p.Text),
		Visibility: "PUBLIC",
		Distribution: linkedInDistribution{FeedDistribution: "MAIN_FEED",
			TargetEntities: []string{}, ThirdPartyDistributionChannels: []string{}},
		LifecycleState: "PUBLISHED",
	})
	if err != nil {
		return Result{}, &Error{Kind: Refused, Msg: err.Error(), Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("LinkedIn-Version", l.version)
	req.Header.Set("X-Restli-Protocol-Version", "2.0.0")
	_, header, err := Call(ctx, l.client, req, linkedInMessage)
	if err != nil {
		return Result{}, UnknownAfter5xx(err)
	}
	// The new post's URN comes only in this header (201 with an empty body).
	id := strings.TrimSpace(header.Get("x-restli-id"))
	if id == "" {
		return Result{}, &Error{Kind: Unknown, Msg: "LinkedIn accepted the post but sent no x-restli-id: the post probably exists, its ID is unknown"}
	}
	return Result{RemoteID: id, URL: "https://www.linkedin.com/feed/update/" + id}, nil
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
