// Package pages is the web UI: server-rendered pages that work without JavaScript
// (app.js only enhances them: live status, upload progress, the live counter, copy, time
// zone default), their templates and static files, and the forms they post. The handler
// types split the pages by who uses them — reviewers (Review), contributors (Topics),
// regional teams (Regional), admins (Accounts) and everyone signing in (Session) — over
// one Base that renders. The routes are package web's table.
package pages

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/feed"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/web/access"
	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/web/httpx"
)

//go:embed ui/templates/*.html
var templateFS embed.FS

//go:embed ui/static
var staticFS embed.FS

// UICSP lets pages load their own script and stylesheet and nothing inline, so document
// text that slipped through escaping still could not run.
const UICSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// assetVersion changes with the static files, so they can be cached for a year.
var assetVersion = func() string {
	h := sha256.New()
	_ = fs.WalkDir(staticFS, "ui/static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := staticFS.ReadFile(p)
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}()

// templates holds each page parsed together with the layout.
var templates = func() map[string]*template.Template {
	funcs := template.FuncMap{
		"asset":   func(name string) string { return "/ui/static/" + name + "?v=" + assetVersion },
		"httpURL": httpx.HTTPURL,
		"label":   label,
		"percent": func(f float64) float64 { return f * 100 },
		"inc":     func(i int) int { return i + 1 },
		"tableOf": func(title string, rows []analytics.Figures) analyticsTable {
			return analyticsTable{Title: title, Rows: rows}
		},
		// unlinked is a derivative's text without its link, for where the link is beside it.
		"unlinked": func(d record.Derivative) string { return feed.Text(d, "") },
	}
	names, err := fs.Glob(templateFS, "ui/templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name != "layout" {
			out[name] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "ui/templates/layout.html", n))
		}
	}
	return out
}()

// Base is what every page handler shares: the toolkit, the access rules, and rendering.
type Base struct {
	tk   *toolkit.Toolkit
	cfg  *config.Config
	acc  *access.Rules
	auth *auth.Auth
	log  *slog.Logger
	httpx.Errors
}

// NewBase returns the pages' shared part.
func NewBase(tk *toolkit.Toolkit, acc *access.Rules, a *auth.Auth, e httpx.Errors) *Base {
	return &Base{tk: tk, cfg: tk.Config(), acc: acc, auth: a, log: e.Log, Errors: e}
}

// view is what every page gets; Data is the page's own.
type view struct {
	Title string
	User  *httpx.Principal // nil when signed out
	Path  string
	Error string
	Data  any
}

// Reviewer says whether the user reviews sources (the nav shows Sources).
func (v view) Reviewer() bool { return v.User.Reviewer() }

// Admin says whether the user administers the toolkit (the nav shows Accounts).
func (v view) Admin() bool { return v.User != nil && v.User.Role == config.RoleAdmin }

// Translator says whether the user works on translations (the nav shows Translations and
// Snippets).
func (v view) Translator() bool {
	return v.User != nil && v.User.Role != config.RoleContributor
}

func (pg *Base) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	v.Path = r.URL.Path
	var buf bytes.Buffer
	if err := templates[name].Execute(&buf, v); err != nil {
		pg.log.ErrorContext(r.Context(), "ui", "page", name, "err", err)
		http.Error(w, "this page could not be shown", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", UICSP)
	h.Set("Cache-Control", "no-store") // pages show what the user may see: keep them out of shared caches
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// Error shows err as a page, with the status its kind deserves.
func (pg *Base) Error(w http.ResponseWriter, r *http.Request, p *httpx.Principal, err error) {
	status, _, msg := pg.Classify(r, err)
	pg.render(w, r, status, "error", view{Title: http.StatusText(status), User: p, Error: msg})
}

// Forbidden is the page a role that may not open a page sees.
func (pg *Base) Forbidden(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	pg.render(w, r, http.StatusForbidden, "error", view{Title: "Not allowed", User: p,
		Error: "Your role (" + string(p.Role) + ") cannot open this page."})
}

// SignInFirst sends the signed-out to sign in, and brings them back after.
func SignInFirst(w http.ResponseWriter, r *http.Request) {
	next := "/ui/"
	if r.Method == http.MethodGet {
		next = r.URL.RequestURI()
	}
	http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
}

// Static serves the embedded assets; their URLs carry assetVersion, so caches keep them.
func Static() http.Handler {
	sub, err := fs.Sub(staticFS, "ui/static")
	if err != nil {
		panic(err)
	}
	files := http.StripPrefix("/ui/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	})
}

// Handler types, one per audience, over the one Base.
type (
	// Review is marketing's pages: sources, their review, uploads, campaigns.
	Review struct{ *Base }
	// Topics is contributors' pages: find a topic, claim it, make it one's own, share it.
	Topics struct{ *Base }
	// Regional is regional teams' pages: translations, snippets, the calendar, analytics.
	Regional struct{ *Base }
	// Accounts is the admins' page of connected accounts and the OAuth callback.
	Accounts struct{ *Base }
	// Session is signing in and out, and the home page that sends each role to its work.
	Session struct{ *Base }
)
