package toolkit

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/feed"
	"github.com/repurpose/repurpose/record"
)

// The web UI: server-rendered pages that work without JavaScript; app.js only enhances
// them (live status, upload progress, the live counter, copy, time zone default).

//go:embed ui/templates/*.html
var templateFS embed.FS

//go:embed ui/static
var staticFS embed.FS

// uiCSP lets pages load their own script and stylesheet and nothing inline, so document
// text that slipped through escaping still could not run.
const uiCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

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

// pages holds each page parsed together with the layout.
var pages = func() map[string]*template.Template {
	funcs := template.FuncMap{
		"asset":   func(name string) string { return "/ui/static/" + name + "?v=" + assetVersion },
		"httpURL": httpURL,
		"percent": func(f float64) float64 { return f * 100 },
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

// view is what every page gets; Data is the page's own.
type view struct {
	Title string
	User  *Principal // nil when signed out
	Path  string
	Error string
	Data  any
}

// Reviewer says whether the user reviews sources (the nav shows Sources).
func (v view) Reviewer() bool {
	return v.User != nil && (v.User.Role == config.RoleAdmin || v.User.Role == config.RoleMarketing)
}

// Admin says whether the user administers the toolkit (the nav shows Accounts).
func (v view) Admin() bool { return v.User != nil && v.User.Role == config.RoleAdmin }

func (t *Toolkit) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	v.Path = r.URL.Path
	var buf bytes.Buffer
	if err := pages[name].Execute(&buf, v); err != nil {
		t.log.ErrorContext(r.Context(), "ui", "page", name, "err", err)
		http.Error(w, "this page could not be shown", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", uiCSP)
	h.Set("Cache-Control", "no-store") // pages show what the user may see: keep them out of shared caches
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// page wraps a UI handler so only the given roles reach it: others see a 403 page, and
// the signed-out are sent to sign in and brought back.
func (t *Toolkit) page(h func(http.ResponseWriter, *http.Request, *Principal), roles ...config.Role) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch p, status := t.authorize(r, roles); status {
		case http.StatusUnauthorized:
			next := "/ui/"
			if r.Method == http.MethodGet {
				next = r.URL.RequestURI()
			}
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
		case http.StatusForbidden:
			t.render(w, r, status, "error", view{Title: "Not allowed", User: p,
				Error: "Your role (" + string(p.Role) + ") cannot open this page."})
		default:
			h(w, r, p)
		}
	}
}

// uiError shows err as a page, with the status its kind deserves.
func (t *Toolkit) uiError(w http.ResponseWriter, r *http.Request, p *Principal, err error) {
	status, _, msg := t.classify(r, err)
	t.render(w, r, status, "error", view{Title: http.StatusText(status), User: p, Error: msg})
}

// home sends each role to where its work is.
func (t *Toolkit) home(w http.ResponseWriter, r *http.Request, p *Principal) {
	to := "/ui/topics"
	if (view{User: p}).Reviewer() {
		to = "/ui/sources"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// static serves the embedded assets; their URLs carry assetVersion, so caches keep them.
func static() http.Handler {
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

// safeNext keeps a post-sign-in redirect on this site: a path, never a scheme, a host,
// "//host" or "/\host" (which browsers read as "//host").
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\\x00\r\n\t") || u.Scheme != "" || u.Host != "" {
		return "/ui/"
	}
	return next
}

// httpURL reports whether s is an absolute http(s) URL, the only links pages make from
// document data.
func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// csrf refuses cross-origin state changes from browsers (Sec-Fetch-Site, else Origin
// against Host). Scripts send neither header and pass; they authenticate with tokens.
func csrf(next http.Handler) http.Handler {
	c := http.NewCrossOriginProtection()
	c.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusForbidden, "cross_origin", "cross-origin requests may not change anything; use the toolkit's own pages")
	}))
	return c.Handler(next)
}
