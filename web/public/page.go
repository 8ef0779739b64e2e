package public

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
)

// pageTemplate renders a source as a plain public page, so derivatives of a document with
// no canonical URL and no landing page still have somewhere to send readers. Section ids
// match the anchors of the derivatives' deep links. html/template escapes document text.
// The head carries the link preview (Open Graph and Twitter card tags, the title card as
// the image) and the canonical link, so shares of the page look like the posts.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
{{with .Doc}}<html lang="{{.Lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>{{end}}
<link rel="canonical" href="{{.Canonical}}">
{{with .Description}}<meta name="description" content="{{.}}">
<meta property="og:description" content="{{.}}">
<meta name="twitter:description" content="{{.}}">{{end}}
<meta property="og:type" content="article">
<meta property="og:title" content="{{.Doc.Title}}">
<meta property="og:url" content="{{.Canonical}}">
<meta name="twitter:title" content="{{.Doc.Title}}">
{{with .Image}}<meta property="og:image" content="{{.URL}}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{{.Width}}">
<meta property="og:image:height" content="{{.Height}}">
<meta property="og:image:alt" content="{{.Alt}}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="{{.URL}}">
<meta name="twitter:image:alt" content="{{.Alt}}">{{else}}<meta name="twitter:card" content="summary">{{end}}
<style>body{font:18px/1.6 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}blockquote{border-left:4px solid #888;margin-left:0;padding-left:1rem;color:#333}</style>
</head><body><main>{{with .Doc}}
<h1>{{.Title}}</h1>
{{range .Sections}}{{if .Heading}}<h2 id="{{.Anchor}}">{{.Heading}}</h2>{{end}}
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}{{range .Lists}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
{{end}}{{range .Quotes}}<blockquote><p>{{.Text}}</p>{{with .Attribution}}<footer>— {{.}}</footer>{{end}}</blockquote>
{{end}}{{end}}{{end}}
</main></body></html>
`))

// Page serves a source as its public page, once the whole of it is approved.
func (pb *Public) Page(w http.ResponseWriter, r *http.Request) {
	notFound := func() { http.Error(w, "no such page", http.StatusNotFound) }
	if !pb.cfg.File.PublicPagesOn() {
		notFound()
		return
	}
	s, b, err := pb.tk.Review().Published(r.Context(), r.PathValue("slug"))
	if errors.Is(err, errs.NotFound) {
		notFound()
		return
	}
	if err != nil {
		http.Error(w, "unavailable, try again shortly", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src https:; frame-ancestors 'none'")
	_ = pageTemplate.Execute(w, pb.pageView(s, b))
}

// pageView is what the public page shows: the document, and its link preview.
type pageView struct {
	Doc         *parse.Document
	Description string
	Canonical   string // the document's own URL when it names one, else this page's
	Image       *record.Media
}

func (pb *Public) pageView(s *record.Source, b *record.Bundle) pageView {
	v := pageView{Doc: b.Document, Description: s.PreviewDescription(), Canonical: pb.cfg.Infra.PublicURL + "/p/" + s.Slug}
	if b.Document != nil && b.Document.Meta.CanonicalURL != "" {
		v.Canonical = b.Document.Meta.CanonicalURL
	}
	if p := b.Preview; p != nil && p.Key != "" {
		img := *p
		img.URL = pb.cfg.Infra.PublicURL + "/" + p.Key
		v.Image = &img
	}
	return v
}

// Media serves a rendered card or carousel, "/media/{sha256}.png" or ".pdf", to anyone
// once something approved lists it: channels that fetch images themselves (Threads) and
// link previews need it public. A name is its content's hash, so the file never changes (cached for a year)
// and cannot be guessed without its content; only stored keys are served.
func (pb *Public) Media(w http.ResponseWriter, r *http.Request) {
	key := "media/" + r.PathValue("file")
	if !record.ValidMediaKey(key) {
		http.Error(w, "no such file", http.StatusNotFound)
		return
	}
	// A draft's cards are not public until something approved lists them (record.MediaFiles.Public);
	// people signed in see them all.
	cache := "public, max-age=31536000, immutable"
	if _, signedIn := pb.auth.Authenticate(r); !signedIn {
		if public, err := pb.tk.Record().Files().Public(r.Context(), key); err != nil {
			http.Error(w, "unavailable, try again shortly", http.StatusServiceUnavailable)
			return
		} else if !public {
			http.Error(w, "no such file", http.StatusNotFound)
			return
		}
	} else {
		cache = "private, no-store"
	}
	body, err := pb.tk.Record().Files().Get(r.Context(), key)
	if errors.Is(err, errs.NotFound) {
		http.Error(w, "no such file", http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, "unavailable, try again shortly", http.StatusServiceUnavailable)
		return
	}
	kind := record.MediaCard
	if strings.HasSuffix(key, ".pdf") {
		kind = record.MediaCarousel
	}
	h := w.Header()
	h.Set("Content-Type", record.Media{Kind: kind}.ContentType())
	h.Set("Cache-Control", cache)
	h.Set("ETag", `"`+strings.TrimSuffix(path.Base(key), path.Ext(key))+`"`)
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
