// Package web is all of HTTP: the one route table (method, path, who may call it,
// handler), the guards that authenticate and authorize before any handler runs, the
// middleware every answer passes (security headers, cross-origin refusal, body limits,
// logging and metrics), and the health checks. The handlers live in its rooms: api (JSON),
// pages (the web UI), public (links, feeds, public pages); auth is who is asking, access
// what they may see, httpx the shared answers and the one mapping of an errs kind to a
// status.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"slices"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/digest"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/web/access"
	"github.com/repurpose/repurpose/web/api"
	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/web/httpx"
	"github.com/repurpose/repurpose/web/pages"
	"github.com/repurpose/repurpose/web/public"
)

// Who may call a route: the roles, named once.
var (
	everyone  = []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional, config.RoleContributor}
	staff     = []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional}
	reviewers = []config.Role{config.RoleAdmin, config.RoleMarketing}
	writers   = []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleContributor}
	admins    = []config.Role{config.RoleAdmin}
)

// Options are the routes served beside the toolkit's own.
type Options struct {
	Events  http.Handler    // /events/s3: S3 event notifications (it checks its own token)
	Metrics http.Handler    // GET /metrics
	Digests *digest.Service // /digest/unsubscribe; nil where no digests are sent
}

// New returns the whole HTTP surface over tk.
func New(tk *toolkit.Toolkit, log *slog.Logger, opt Options) http.Handler {
	e := httpx.Errors{Log: log}
	acc := access.New(tk)
	au := auth.New(tk.Config(), tk.Redis(), tk.Links(), tk.Now)
	s := &site{auth: au, log: log}
	a := api.New(tk, acc, e)
	pub := public.New(tk, au, opt.Digests, e)
	base := pages.NewBase(tk, acc, au, e)
	rev, top, reg := &pages.Review{Base: base}, &pages.Topics{Base: base}, &pages.Regional{Base: base}
	acct, sess := &pages.Accounts{Base: base}, &pages.Session{Base: base}
	s.forbidden = base.Forbidden

	// The route table, read top to bottom: pattern, who may call it, handler. s.api and
	// s.page guard with the roles (a refused API call answers 401 or 403 as JSON; a page
	// sends the signed-out to sign in and shows others a 403 page); s.open is for routes
	// anyone may call.
	routes := []route{
		{"GET /healthz", s.open(healthz)},
		{"GET /readyz", s.open(readyz(tk))},
		{"GET /api/v1/me", s.api(everyone, a.Me)},
		{"GET /api/v1/sources", s.api(staff, a.Sources)},
		{"GET /api/v1/sources/{id}", s.api(staff, a.Source)},
		{"POST /api/v1/sources/{id}/approve", s.api(reviewers, a.ApproveSource)},
		{"POST /api/v1/derivatives/{id}/approve", s.api(reviewers, a.Decide(record.Approved))},
		{"POST /api/v1/derivatives/{id}/reject", s.api(reviewers, a.Decide(record.Rejected))},
		{"POST /api/v1/derivatives/{id}/edit", s.api(reviewers, a.Edit)},
		{"POST /api/v1/sources/{id}/rerun", s.api(reviewers, a.Rerun)},
		{"POST /api/v1/sources/{id}/withdraw", s.api(reviewers, a.Withdraw)},
		{"GET /api/v1/topics", s.api(everyone, a.Topics)},
		{"POST /api/v1/topics/{id}/claim", s.api(writers, a.Claim)},
		{"DELETE /api/v1/topics/{id}/claim", s.api(writers, a.Release)},
		{"GET /api/v1/topics/{id}/share", s.api(everyone, a.Share)},
		{"POST /api/v1/topics/{id}/share/preview", s.api(everyone, a.SharePreview)},
		{"GET /api/v1/me/shares", s.api(everyone, a.MyShares)},
		{"GET /api/v1/me/sharing", s.api(everyone, a.Sharing)},
		{"PUT /api/v1/me/sharing", s.api(everyone, a.SaveSharing)},
		{"GET /api/v1/leaderboard", s.api(everyone, a.Leaderboard)},
		{"GET /api/v1/topics/{id}/rewrite", s.api(writers, a.Rewrite)},
		{"PUT /api/v1/topics/{id}/rewrite", s.api(writers, a.SaveRewrite)},
		{"POST /api/v1/count", s.api(everyone, a.Count)},
		// Translations: regional users only for their regions' locales (package access).
		{"POST /api/v1/derivatives/{id}/translations/{locale}", s.api(staff, a.Translate)},
		{"POST /api/v1/derivatives/{id}/translations/{locale}/approve", s.api(staff, a.DecideTranslation(record.Approved))},
		{"POST /api/v1/derivatives/{id}/translations/{locale}/reject", s.api(staff, a.DecideTranslation(record.Rejected))},
		{"GET /api/v1/translations", s.api(staff, a.Translations)},
		{"GET /api/v1/snippets", s.api(staff, a.Snippets(false))},
		{"GET /api/v1/snippets.csv", s.api(staff, a.Snippets(true))},
		{"GET /api/v1/calendar", s.api(staff, a.Calendar)},
		{"GET /api/v1/analytics", s.api(staff, a.Analytics)},
		{"GET /api/v1/analytics.csv", s.api(staff, a.AnalyticsCSV)},
		{"GET /api/v1/analytics/hooks", s.api(staff, a.HookTests)},
		{"POST /api/v1/plan/entries/{id}/reschedule", s.api(staff, a.Reschedule)},
		{"POST /api/v1/plan/entries/{id}/cancel", s.api(staff, a.Cancel)},
		{"POST /api/v1/plan/entries/{id}/resolve", s.api(staff, a.Resolve)},
		{"POST /api/v1/regions/{region}/pause", s.api(staff, a.Pause(true))},
		{"POST /api/v1/regions/{region}/resume", s.api(staff, a.Pause(false))},
		{"GET /calendar/{file}", s.calendar(staff, a.CalendarICS)},
		// Open to anyone: public pages, media, conversions (landing pages call them), and
		// partner feeds (readers send no tokens) — approved content only; {feed} is
		// "<audience>.atom" or "<audience>.json" (a wildcard must be a whole segment).
		{"GET /p/{slug}", s.open(pub.Page)},
		{"GET /media/{file}", s.open(pub.Media)},
		{"GET /digest/unsubscribe", s.open(pub.Unsubscribe)},
		{"POST /digest/unsubscribe", s.open(pub.Unsubscribe)},
		{"GET /c/{file}", s.open(pub.ConversionPixel)},
		{"POST /api/v1/conversions", s.open(pub.Conversions)},
		{"GET /feeds/{feed}", s.open(pub.Feed)},
		{"/api/", s.open(noAPIRoute)},

		// The web UI: browser sessions, then pages and the forms they post.
		{"GET /signin", s.open(sess.Form)},
		{"POST /signin", s.open(sess.SignIn)},
		{"POST /signout", s.open(sess.SignOut)},
		{"GET /ui/static/", s.open(pages.Static().ServeHTTP)},
		{"GET /{$}", s.open(http.RedirectHandler("/ui/", http.StatusSeeOther).ServeHTTP)},
		{"GET /ui/{$}", s.page(everyone, sess.Home)},
		{"GET /ui/sources", s.page(reviewers, rev.Sources)},
		{"POST /ui/upload", s.upload(reviewers, rev.Upload)},
		{"GET /ui/sources/{id}", s.page(reviewers, rev.Source)},
		{"POST /ui/sources/{id}/approve", s.page(reviewers, rev.ApproveSource)},
		{"POST /ui/derivatives/{id}/approve", s.page(reviewers, rev.Decide(record.Approved))},
		{"POST /ui/derivatives/{id}/reject", s.page(reviewers, rev.Decide(record.Rejected))},
		{"POST /ui/derivatives/{id}/edit", s.page(reviewers, rev.Edit)},
		{"POST /ui/derivatives/{id}/count", s.page(reviewers, rev.EditCount)},
		{"POST /ui/sources/{id}/decide", s.page(reviewers, rev.DecideKind)},
		{"POST /ui/sources/{id}/rerun", s.page(reviewers, rev.Rerun)},
		{"POST /ui/sources/{id}/withdraw", s.page(reviewers, rev.Withdraw)},
		{"GET /ui/campaigns", s.page(reviewers, rev.Campaigns)},
		{"GET /ui/topics", s.page(everyone, top.List)},
		{"GET /ui/topics/{id}", s.page(everyone, top.Topic)},
		{"POST /ui/topics/{id}/claim", s.page(writers, top.Claim)},
		{"POST /ui/topics/{id}/release", s.page(writers, top.Release)},
		{"POST /ui/topics/{id}/rewrite", s.page(writers, top.Rewrite)},
		{"GET /ui/topics/{id}/reminder.ics", s.page(everyone, top.Reminder)},
		// Sharing opens the channel's composer in a new tab: a link, so a GET (recording the
		// share, as the API's GET does); a form could not be sent on to another site.
		{"GET /ui/topics/{id}/share", s.page(everyone, top.Share)},
		{"GET /ui/shares", s.page(everyone, top.MyShares)},
		{"GET /ui/leaderboard", s.page(everyone, top.Leaderboard)},
		{"POST /ui/me/sharing", s.page(everyone, top.SaveSharing)},
		{"GET /ui/translations", s.page(staff, reg.Translations)},
		{"GET /ui/translations/{id}/{locale}", s.page(staff, reg.Translation)},
		{"POST /ui/translations/{id}/{locale}", s.page(staff, reg.Translate(false))},
		{"POST /ui/translations/{id}/{locale}/machine", s.page(staff, reg.Translate(true))},
		{"POST /ui/translations/sources/{source}/{locale}/machine", s.page(staff, reg.TranslateSource)},
		{"POST /ui/translations/{id}/{locale}/approve", s.page(staff, reg.DecideTranslation(record.Approved))},
		{"POST /ui/translations/{id}/{locale}/reject", s.page(staff, reg.DecideTranslation(record.Rejected))},
		{"GET /ui/snippets", s.page(staff, reg.Snippets)},
		{"GET /ui/calendar", s.page(staff, reg.Calendar)},
		{"GET /ui/analytics", s.page(staff, reg.Analytics)},
		{"POST /ui/plan/{id}/reschedule", s.page(staff, reg.Move)},
		{"POST /ui/plan/{id}/cancel", s.page(staff, reg.Cancel)},
		{"POST /ui/plan/{id}/resolve", s.page(staff, reg.Resolve)},
		{"POST /ui/regions/{region}/pause", s.page(staff, reg.Pause(true))},
		{"POST /ui/regions/{region}/resume", s.page(staff, reg.Pause(false))},
		// Connecting X and LinkedIn accounts. The callback is a page too: the provider
		// sends the admin's browser back to it.
		{"GET /ui/accounts", s.page(admins, acct.Page)},
		{"POST /ui/accounts/{name}/connect", s.page(admins, acct.Connect)},
		{"GET /oauth/callback", s.page(admins, acct.Callback)},

		// Beside the toolkit: S3 event notifications and metrics (no security headers or
		// body limit: scripts call them, with their own checks)...
		{"/events/s3", s.bare(opt.Events)},
		{"GET /metrics", s.bare(opt.Metrics)},
		// ...and tracked links, the hot path: a bare redirect (or a tiny 404 page with its
		// own headers), with its own histogram rather than the request log.
		{"GET /r/{code}", pub.Redirect},
	}
	s.mux, s.routed = http.NewServeMux(), map[string]bool{}
	for _, rt := range routes {
		if rt.h != nil {
			s.mux.HandleFunc(rt.pattern, rt.h)
			s.routed[rt.pattern] = true
		}
	}
	s.unrouted = s.chain(s.mux)
	return s
}

// route is one row of the table.
type route struct {
	pattern string
	h       http.HandlerFunc
}

// site serves the table. What no route takes (404, 405, a redirect to a path's
// canonical form) still passes the chain every toolkit answer does.
type site struct {
	mux       *http.ServeMux
	routed    map[string]bool // the table's patterns
	unrouted  http.HandlerFunc
	auth      *auth.Auth
	log       *slog.Logger
	forbidden func(http.ResponseWriter, *http.Request, *httpx.Principal)
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); !s.routed[pattern] {
		s.unrouted(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// chain is what every toolkit route passes through: the request log and metrics, the
// security headers, the cross-origin refusal and the body limit.
func (s *site) chain(h http.Handler) http.HandlerFunc {
	return observe(secure(csrf(limitBody(h))), s.log).ServeHTTP
}

// open is a route anyone may call.
func (s *site) open(h http.HandlerFunc) http.HandlerFunc { return s.chain(h) }

// bare is a route beside the toolkit: logged and counted, nothing else; nil is no route.
func (s *site) bare(h http.Handler) http.HandlerFunc {
	if h == nil {
		return nil
	}
	return observe(h, s.log).ServeHTTP
}

// api is a JSON route for roles: the signed-out get 401, other roles 403.
func (s *site) api(roles []config.Role, h httpx.Handler) http.HandlerFunc {
	return s.chain(s.allow(roles, h))
}

func (s *site) allow(roles []config.Role, h httpx.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch p, status := s.auth.Authorize(r, roles); status {
		case http.StatusUnauthorized:
			unauthorized(w, "send a valid API token as Authorization: Bearer <token>, or sign in")
		case http.StatusForbidden:
			forbidden(w, p)
		default:
			h(w, r, p)
		}
	}
}

func unauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="repurpose"`)
	httpx.WriteError(w, http.StatusUnauthorized, "unauthorized", msg)
}

func forbidden(w http.ResponseWriter, p *httpx.Principal) {
	httpx.WriteError(w, http.StatusForbidden, "forbidden", "the "+string(p.Role)+" role may not do this")
}

// calendar is api for calendar feeds, which also admit a calendar token in ?token=
// (calendar apps cannot send headers).
func (s *site) calendar(roles []config.Role, h httpx.Handler) http.HandlerFunc {
	api := s.allow(roles, h)
	return s.chain(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" || !r.URL.Query().Has("token") {
			api(w, r)
			return
		}
		p, ok := s.auth.CalendarReader(r)
		if !ok {
			unauthorized(w, "the calendar token is not valid (it changes when your password or API token does): copy the feed address again from the calendar page")
			return
		}
		if !slices.Contains(roles, p.Role) {
			forbidden(w, p)
			return
		}
		h(w, r, p)
	}))
}

// page is a UI route for roles: the signed-out are sent to sign in and brought back,
// other roles see a 403 page.
func (s *site) page(roles []config.Role, h httpx.Handler) http.HandlerFunc {
	return s.chain(s.guardPage(roles, h))
}

func (s *site) guardPage(roles []config.Role, h httpx.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch p, status := s.auth.Authorize(r, roles); status {
		case http.StatusUnauthorized:
			pages.SignInFirst(w, r)
		case http.StatusForbidden:
			s.forbidden(w, r, p)
		default:
			h(w, r, p)
		}
	}
}

// upload is page without the body limit: the upload page bounds its own (per file).
func (s *site) upload(roles []config.Role, h httpx.Handler) http.HandlerFunc {
	return observe(secure(csrf(s.guardPage(roles, h))), s.log).ServeHTTP
}

func healthz(w http.ResponseWriter, r *http.Request) {
	httpx.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func readyz(tk *toolkit.Toolkit) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		missing := tk.Ready(ctx)
		if len(missing) > 0 {
			httpx.WriteJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "missing": missing})
			return
		}
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"status": "ready"})
	}
}

func noAPIRoute(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusNotFound, "not_found", "no such API route: "+r.Method+" "+r.URL.Path)
}

// secure sets the headers every toolkit answer carries: document text is untrusted, so
// nothing may run scripts from elsewhere, frame the pages, or sniff a JSON answer into HTML.
// Pages that need more (the public page's inline style) set their own policy.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		next.ServeHTTP(w, r)
	})
}

// csrf refuses cross-origin state changes from browsers (Sec-Fetch-Site, else Origin
// against Host). Scripts send neither header and pass; they authenticate with tokens.
func csrf(next http.Handler) http.Handler {
	c := http.NewCrossOriginProtection()
	c.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpx.WriteError(w, http.StatusForbidden, "cross_origin", "cross-origin requests may not change anything; use the toolkit's own pages")
	}))
	return c.Handler(next)
}

// maxBody bounds every request body but the upload page's (which has its own limit):
// forms and JSON are small, and a large multipart form would otherwise be spilled to
// temporary files by whichever handler parses it first.
const maxBody = 1 << 20

// limitBody caps the body before any handler reads it, and parses forms here so that an
// oversized one is refused with 413 rather than seen by its handler as empty fields.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := func() {
			httpx.WriteError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the request body is larger than %d KiB; send less text", maxBody>>10))
		}
		if r.ContentLength > maxBody {
			tooLarge()
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" || ct == "application/x-www-form-urlencoded" {
			// All in memory: within maxBody nothing goes to disk.
			err := r.ParseMultipartForm(maxBody)
			var mbe *http.MaxBytesError
			switch {
			case errors.As(err, &mbe):
				tooLarge()
				return
			case err != nil && !errors.Is(err, http.ErrNotMultipart):
				httpx.WriteError(w, http.StatusBadRequest, "bad_request", "the form could not be read: "+err.Error())
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
