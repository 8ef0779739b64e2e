// Package wordpress is the publisher of type "wordpress": the blog teaser as a
// scheduled post with its featured image.
// It registers itself with publish; see package publish for the layout.
package wordpress

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/derive/slug"

	"github.com/repurpose/repurpose/publish"
)

func init() {
	publish.Register(publish.Spec{
		Type:    "wordpress",
		Summary: "the blog teaser as a scheduled WordPress post (REST API, application password)",
		Fields: []publish.Field{
			{Name: "site", Required: true, Doc: "the site's http(s) base URL, e.g. https://blog.example.com (the REST API is {site}/wp-json/)"},
			{Name: "user", Required: true, Doc: "the WordPress user name the application password belongs to (an author or editor)"},
			{Name: "app_password", Required: true, Secret: true,
				Doc: "an application password (Users → Profile → Application Passwords; WordPress wants HTTPS for them)"},
			{Name: "status", Doc: `"future" (default: scheduled at the planned time) or "draft" (left for an editor)`},
			{Name: "categories", Doc: "comma-separated category IDs the posts go in"},
		},
		New: newWordPress,
	})
}

// wordpressMedia: the featured image is the card, else the link preview image. A
// carousel is not a featured image.
var wordpressMedia = publish.MediaRules{Channel: "WordPress", Kinds: map[string]int{publish.MediaCard: 1, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

type wordpress struct {
	posts      string // {site}/wp-json/wp/v2/posts
	media      string // {site}/wp-json/wp/v2/media
	user, pass string
	draft      bool
	categories []int
	client     *http.Client
}

func newWordPress(a *publish.Account) (publish.Publisher, error) {
	site := strings.TrimRight(strings.TrimSpace(a.Get("site")), "/")
	u, err := url.Parse(site)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("accounts.%s.site: %q is not an http(s) base URL", a.Name, site)
	}
	w := &wordpress{posts: site + "/wp-json/wp/v2/posts", media: site + "/wp-json/wp/v2/media", user: strings.TrimSpace(a.Get("user")), client: a.HTTP()}
	if w.pass, err = a.Secret("app_password"); err != nil {
		return nil, err
	}
	if w.pass == "" {
		return nil, fmt.Errorf("accounts.%s.app_password: the application password is empty", a.Name)
	}
	switch s := strings.TrimSpace(a.Get("status")); s {
	case "", "future":
	case "draft":
		w.draft = true
	default:
		return nil, fmt.Errorf(`accounts.%s.status: %q is not "future" or "draft"`, a.Name, s)
	}
	if cs := strings.TrimSpace(a.Get("categories")); cs != "" {
		for c := range strings.SplitSeq(cs, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(c))
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("accounts.%s.categories: %q is not a category ID (a positive number)", a.Name, strings.TrimSpace(c))
			}
			w.categories = append(w.categories, n)
		}
	}
	return w, nil
}

// Idempotent: the slug is derived from Post.ID and looked up before creating.
func (*wordpress) Idempotent() {}

// wordpressPost is the part of WordPress's post object we read.
type wordpressPost struct {
	ID   int64  `json:"id"`
	Link string `json:"link"`
	Slug string `json:"slug"`
}

func (w *wordpress) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	if p.Blog == nil {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "only blog teasers go to WordPress (this post has no blog teaser)"}
	}
	if err := publish.CheckMedia(p, wordpressMedia); err != nil {
		return publish.Result{}, err
	}
	slug := wordpressSlug(p.Blog, p.ID)
	if found, ok, err := w.lookup(ctx, w.posts, slug); err != nil || ok {
		return found, err
	}
	var res publish.Result
	featured, err := w.featuredImage(ctx, p, slug, &res)
	if err != nil {
		return publish.Result{Uploaded: res.Uploaded}, err
	}
	// Scheduled at its instant, as the account's status says; WordPress publishes a
	// "future" post whose date has come (a retry after the instant) at once.
	status := "future"
	if w.draft {
		status = "draft"
	}
	body := struct {
		Title      string `json:"title"`
		Content    string `json:"content"`
		Excerpt    string `json:"excerpt"`
		Slug       string `json:"slug"`
		Status     string `json:"status"`
		DateGMT    string `json:"date_gmt,omitempty"`
		Categories []int  `json:"categories,omitempty"`
		Featured   int64  `json:"featured_media,omitempty"`
	}{
		Featured: featured,
		// WordPress renders title and excerpt as HTML (an editor's unfiltered_html keeps a
		// <script>), while ours are plain text: escaped, they show as written. Content is
		// the teaser's HTML, escaped when it was made.
		Title: html.EscapeString(p.Blog.Title), Content: p.Blog.HTML, Excerpt: html.EscapeString(p.Blog.MetaDescription),
		Slug: slug, Status: status, Categories: w.categories}
	// date_gmt rather than date: date is in the site's time zone, which we do not know.
	if !p.At.IsZero() {
		body.DateGMT = p.At.UTC().Format("2006-01-02T15:04:05")
	}
	req, err := publish.JSONRequest(http.MethodPost, w.posts, body)
	if err != nil {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: "cannot encode the post: " + err.Error(), Err: err}
	}
	req.SetBasicAuth(w.user, w.pass)
	answer, _, err := publish.Call(ctx, w.client, req, wordpressMessage)
	if err != nil {
		return publish.Result{Uploaded: res.Uploaded}, err
	}
	var created wordpressPost
	if json.Unmarshal(answer, &created) != nil || created.ID == 0 {
		// Created, most likely, but we cannot say as what; the slug look-up of the next
		// attempt finds it.
		return publish.Result{Uploaded: res.Uploaded}, &publish.Error{Kind: publish.Unknown, Msg: "WordPress answered the new post without its id: " + publish.ServiceMessage(answer, nil)}
	}
	return publish.Result{RemoteID: strconv.FormatInt(created.ID, 10), URL: created.Link, Uploaded: res.Uploaded}, nil
}

// featuredImage uploads the post's card (or link preview image) to the media library
// (POST /wp/v2/media, with its alt_text) and returns its ID (0 for none). The image's
// slug is the post's plus "-image", so an upload an earlier attempt made is found,
// like the post, rather than made again.
func (w *wordpress) featuredImage(ctx context.Context, p *publish.Post, slug string, res *publish.Result) (int64, error) {
	m := publish.FirstMedia(p.Media, publish.MediaCard)
	if m == nil {
		m = publish.FirstMedia(p.Media, publish.MediaPreview)
	}
	if m == nil {
		return 0, nil
	}
	if id, err := strconv.ParseInt(res.UploadedBefore(p, m), 10, 64); err == nil && id > 0 {
		return id, nil
	}
	slug += "-image"
	found, ok, err := w.lookup(ctx, w.media, slug)
	if err != nil {
		return 0, err
	}
	if !ok {
		req, err := publish.FormRequest(w.media, publish.FormField("alt_text", m.Alt), publish.FormField("slug", slug), publish.FormField("title", m.Alt),
			publish.FormPart{Name: "file", Filename: slug + publish.MediaExt(m.ContentType), ContentType: m.ContentType, Body: m.Bytes})
		if err != nil {
			return 0, err
		}
		req.SetBasicAuth(w.user, w.pass)
		answer, _, err := publish.Call(ctx, w.client, req, wordpressMessage)
		if err != nil {
			return 0, publish.UploadFailed(err)
		}
		var created wordpressPost
		if json.Unmarshal(answer, &created) != nil || created.ID == 0 {
			return 0, &publish.Error{Kind: publish.Later, Msg: "WordPress answered the upload without its id: " + publish.ServiceMessage(answer, nil)}
		}
		found.RemoteID = strconv.FormatInt(created.ID, 10)
	}
	res.Remember(m, found.RemoteID)
	id, _ := strconv.ParseInt(found.RemoteID, 10, 64)
	return id, nil
}

// lookup finds a post (or, at the media endpoint, an image) already made for this plan
// entry by an earlier attempt, in any status an editor may have moved it to
// (context=edit, so drafts are listed).
func (w *wordpress) lookup(ctx context.Context, endpoint, slug string) (publish.Result, bool, error) {
	q := url.Values{"slug": {slug}, "status": {"publish,future,draft,pending,private"}, "context": {"edit"}}
	if endpoint == w.media {
		q.Set("status", "inherit,private") // attachments' statuses
	}
	req, err := http.NewRequest(http.MethodGet, endpoint+"?"+q.Encode(), nil)
	if err != nil {
		return publish.Result{}, false, &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	req.Header.Set("Accept", "application/json")
	req.SetBasicAuth(w.user, w.pass)
	answer, _, err := publish.Call(ctx, w.client, req, wordpressMessage)
	if err != nil {
		// A look-up that got no answer posted nothing: try again later, not "unknown".
		if e := (*publish.Error)(nil); errors.As(err, &e) && e.Kind == publish.Unknown {
			return publish.Result{}, false, &publish.Error{Kind: publish.Later, Msg: e.Msg, Err: e.Err}
		}
		return publish.Result{}, false, err
	}
	var posts []wordpressPost
	if err := json.Unmarshal(answer, &posts); err != nil {
		return publish.Result{}, false, &publish.Error{Kind: publish.Refused, Err: err,
			Msg: "the answer to the slug look-up is not a list of posts (is the site WordPress with its REST API at /wp-json/?): " + publish.ServiceMessage(answer, nil)}
	}
	for _, found := range posts {
		// Checked, not trusted: a plugin that ignores ?slug= must not pass its latest
		// post off as ours.
		if strings.EqualFold(found.Slug, slug) && found.ID != 0 {
			return publish.Result{RemoteID: strconv.FormatInt(found.ID, 10), URL: found.Link}, true, nil
		}
	}
	return publish.Result{}, false, nil
}

// wordpressSlug is the teaser's slug plus a suffix from the plan entry's ID, so two plan
// entries of one teaser (two sites, a re-run) make two posts and one entry never two.
// Lower case, as WordPress stores slugs, so the look-up compares like with like.
func wordpressSlug(b *derive.BlogTeaser, id string) string {
	h := sha256.Sum256([]byte(id))
	suffix := hex.EncodeToString(h[:4])
	base := strings.ToLower(strings.Trim(b.Slug, "-"))
	if base == "" {
		base = slug.Title(b.Title)
	}
	if base == "" {
		return suffix
	}
	return base + "-" + suffix
}

// wordpressMessage is a REST error's message with the invalid parameters it names, e.g.
// {"code":"rest_invalid_param","message":"Invalid parameter(s): date_gmt",
// "data":{"params":{"date_gmt":"Invalid date."}}}.
func wordpressMessage(body []byte) string {
	var e struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Data    struct {
			Params map[string]string `json:"params"`
		} `json:"data"`
	}
	if json.Unmarshal(body, &e) != nil || e.Message == "" {
		return ""
	}
	msg := e.Message
	if len(e.Data.Params) > 0 {
		keys := make([]string, 0, len(e.Data.Params))
		for k := range e.Data.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		details := make([]string, len(keys))
		for i, k := range keys {
			details[i] = k + ": " + e.Data.Params[k]
		}
		msg += " (" + strings.Join(details, "; ") + ")"
	}
	if e.Code != "" {
		msg += " [" + e.Code + "]"
	}
	return msg
}
