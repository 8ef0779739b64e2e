package toolkit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// Handler serves the JSON API under /api/v1, public pages, /healthz and /readyz.
func (t *Toolkit) Handler() http.Handler {
	const (
		admin       = config.RoleAdmin
		marketing   = config.RoleMarketing
		regional    = config.RoleRegional
		contributor = config.RoleContributor
	)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", t.readyz)
	mux.HandleFunc("GET /api/v1/me", t.allow(t.me, admin, marketing, regional, contributor))
	mux.HandleFunc("GET /api/v1/sources", t.allow(t.listSources, admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/sources/{id}", t.allow(t.getSource, admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/sources/{id}/approve", t.allow(t.approveSource, admin, marketing))
	mux.HandleFunc("POST /api/v1/derivatives/{id}/approve", t.allow(t.decide(record.Approved), admin, marketing))
	mux.HandleFunc("POST /api/v1/derivatives/{id}/reject", t.allow(t.decide(record.Rejected), admin, marketing))
	mux.HandleFunc("POST /api/v1/derivatives/{id}/edit", t.allow(t.editDerivative, admin, marketing))
	mux.HandleFunc("POST /api/v1/sources/{id}/rerun", t.allow(t.rerunSource, admin, marketing))
	mux.HandleFunc("POST /api/v1/sources/{id}/withdraw", t.allow(t.withdrawSource, admin, marketing))
	mux.HandleFunc("GET /api/v1/topics", t.allow(t.listTopics, admin, marketing, regional, contributor))
	mux.HandleFunc("POST /api/v1/topics/{id}/claim", t.allow(t.claim, admin, marketing, contributor))
	mux.HandleFunc("DELETE /api/v1/topics/{id}/claim", t.allow(t.release, admin, marketing, contributor))
	mux.HandleFunc("GET /api/v1/topics/{id}/rewrite", t.allow(t.getRewrite, admin, marketing, contributor))
	mux.HandleFunc("PUT /api/v1/topics/{id}/rewrite", t.allow(t.putRewrite, admin, marketing, contributor))
	mux.HandleFunc("POST /api/v1/count", t.allow(t.count, admin, marketing, regional, contributor))
	// Translations (translations_api.go): regional users only for their regions' locales.
	mux.HandleFunc("POST /api/v1/derivatives/{id}/translations/{locale}", t.allow(t.translateDerivative, admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/derivatives/{id}/translations/{locale}/approve", t.allow(t.decideTranslation(record.Approved), admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/derivatives/{id}/translations/{locale}/reject", t.allow(t.decideTranslation(record.Rejected), admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/translations", t.allow(t.listTranslations, admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/snippets", t.allow(t.snippets(false), admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/snippets.csv", t.allow(t.snippets(true), admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/calendar", t.allow(t.getCalendar, admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/analytics", t.allow(t.getAnalytics, admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/analytics.csv", t.allow(t.analyticsCSV, admin, marketing, regional))
	mux.HandleFunc("GET /api/v1/analytics/hooks", t.allow(t.getHookTests, admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/plan/entries/{id}/reschedule", t.allow(t.rescheduleEntry, admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/plan/entries/{id}/cancel", t.allow(t.cancelEntry, admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/plan/entries/{id}/resolve", t.allow(t.resolveEntry, admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/regions/{region}/pause", t.allow(t.pauseRegion(true), admin, marketing, regional))
	mux.HandleFunc("POST /api/v1/regions/{region}/resume", t.allow(t.pauseRegion(false), admin, marketing, regional))
	mux.HandleFunc("GET /calendar/{file}", t.calendarAuth(t.calendarICS, admin, marketing, regional))
	mux.HandleFunc("GET /p/{slug}", t.publicPage)
	mux.HandleFunc("GET /media/{file}", t.mediaFile)
	mux.HandleFunc("GET /c/{file}", t.conversionPixel)
	mux.HandleFunc("POST /api/v1/conversions", t.conversions)
	// Partner feeds are public (readers send no tokens) and show approved content only;
	// {feed} is "<audience>.atom" or "<audience>.json" (a wildcard must be a whole segment).
	mux.HandleFunc("GET /feeds/{feed}", t.feed)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such API route: "+r.Method+" "+r.URL.Path)
	})

	// The web UI (ui.go): browser sessions, then pages and the forms they post.
	mux.HandleFunc("GET /signin", t.signinForm)
	mux.HandleFunc("POST /signin", t.signin)
	mux.HandleFunc("POST /signout", t.signout)
	mux.Handle("GET /ui/static/", static())
	mux.Handle("GET /{$}", http.RedirectHandler("/ui/", http.StatusSeeOther))
	mux.HandleFunc("GET /ui/{$}", t.page(t.home, admin, marketing, regional, contributor))
	mux.HandleFunc("GET /ui/sources", t.page(t.uiSources, admin, marketing))
	mux.HandleFunc("POST /ui/upload", t.page(t.uiUpload, admin, marketing))
	mux.HandleFunc("GET /ui/sources/{id}", t.page(t.uiSource, admin, marketing))
	mux.HandleFunc("POST /ui/sources/{id}/approve", t.page(t.uiApproveSource, admin, marketing))
	mux.HandleFunc("POST /ui/derivatives/{id}/approve", t.page(t.uiDecide(record.Approved), admin, marketing))
	mux.HandleFunc("POST /ui/derivatives/{id}/reject", t.page(t.uiDecide(record.Rejected), admin, marketing))
	mux.HandleFunc("POST /ui/derivatives/{id}/edit", t.page(t.uiEdit, admin, marketing))
	mux.HandleFunc("POST /ui/sources/{id}/rerun", t.page(t.uiRerun, admin, marketing))
	mux.HandleFunc("POST /ui/sources/{id}/withdraw", t.page(t.uiWithdraw, admin, marketing))
	mux.HandleFunc("GET /ui/campaigns", t.page(t.uiCampaigns, admin, marketing))
	mux.HandleFunc("GET /ui/topics", t.page(t.uiTopics, admin, marketing, regional, contributor))
	mux.HandleFunc("GET /ui/topics/{id}", t.page(t.uiTopic, admin, marketing, regional, contributor))
	mux.HandleFunc("POST /ui/topics/{id}/claim", t.page(t.uiClaim, admin, marketing, contributor))
	mux.HandleFunc("POST /ui/topics/{id}/release", t.page(t.uiRelease, admin, marketing, contributor))
	mux.HandleFunc("POST /ui/topics/{id}/rewrite", t.page(t.uiRewrite, admin, marketing, contributor))
	mux.HandleFunc("GET /ui/topics/{id}/reminder.ics", t.page(t.reminder, admin, marketing, regional, contributor))
	mux.HandleFunc("GET /ui/translations", t.page(t.uiTranslations, admin, marketing, regional))
	mux.HandleFunc("GET /ui/translations/{id}/{locale}", t.page(t.uiTranslation, admin, marketing, regional))
	mux.HandleFunc("POST /ui/translations/{id}/{locale}", t.page(t.uiTranslate(false), admin, marketing, regional))
	mux.HandleFunc("POST /ui/translations/{id}/{locale}/machine", t.page(t.uiTranslate(true), admin, marketing, regional))
	mux.HandleFunc("POST /ui/translations/{id}/{locale}/approve", t.page(t.uiDecideTranslation(record.Approved), admin, marketing, regional))
	mux.HandleFunc("POST /ui/translations/{id}/{locale}/reject", t.page(t.uiDecideTranslation(record.Rejected), admin, marketing, regional))
	mux.HandleFunc("GET /ui/snippets", t.page(t.uiSnippets, admin, marketing, regional))
	mux.HandleFunc("GET /ui/calendar", t.page(t.uiCalendar, admin, marketing, regional))
	mux.HandleFunc("GET /ui/analytics", t.page(t.uiAnalytics, admin, marketing, regional))
	mux.HandleFunc("POST /ui/plan/{id}/reschedule", t.page(t.uiMovePost, admin, marketing, regional))
	mux.HandleFunc("POST /ui/plan/{id}/cancel", t.page(t.uiCancelPost, admin, marketing, regional))
	mux.HandleFunc("POST /ui/plan/{id}/resolve", t.page(t.uiResolvePost, admin, marketing, regional))
	mux.HandleFunc("POST /ui/regions/{region}/pause", t.page(t.uiPause(true), admin, marketing, regional))
	mux.HandleFunc("POST /ui/regions/{region}/resume", t.page(t.uiPause(false), admin, marketing, regional))
	// Connecting X and LinkedIn accounts (oauth.go). The callback is a page too: the
	// provider sends the admin's browser back to it.
	mux.HandleFunc("GET /ui/accounts", t.page(t.uiAccounts, admin))
	mux.HandleFunc("POST /ui/accounts/{name}/connect", t.page(t.uiConnect, admin))
	mux.HandleFunc("GET /oauth/callback", t.page(t.oauthCallback, admin))
	// Tracked links answer a bare redirect (or a tiny 404 page with its own headers),
	// outside the pages' security headers: they are the hot path.
	outer := http.NewServeMux()
	outer.HandleFunc("GET /r/{code}", t.redirect)
	outer.Handle("/", secure(csrf(limitBody(mux))))
	return outer
}

// maxBody bounds every request body but the upload page's (which has its own limit,
// upload.go): forms and JSON are small, and a large multipart form would otherwise be
// spilled to temporary files by whichever handler parses it first.
const maxBody = 1 << 20

// limitBody caps the body before any handler reads it, and parses forms here so that an
// oversized one is refused with 413 rather than seen by its handler as empty fields.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ui/upload" {
			next.ServeHTTP(w, r)
			return
		}
		tooLarge := func() {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the request body is larger than %d KiB; send less text", maxBody>>10))
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
				writeError(w, http.StatusBadRequest, "bad_request", "the form could not be read: "+err.Error())
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (t *Toolkit) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	missing := t.Ready(ctx)
	if len(missing) > 0 {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "missing": missing})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ready"})
}

func (t *Toolkit) me(w http.ResponseWriter, r *http.Request, p *Principal) {
	writeJSON(w, http.StatusOK, p)
}

func (t *Toolkit) listSources(w http.ResponseWriter, r *http.Request, p *Principal) {
	limit, ok := pageLimit(w, r)
	if !ok {
		return
	}
	page, err := t.rec.Sources(r.Context(), limit, r.URL.Query().Get("cursor"), sourceScope(p))
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"sources": page.Items, "next_cursor": page.NextCursor})
}

// getSource answers a source with its derivatives; a regional user sees only sources meant
// for their regions, and of those only the approved derivatives.
func (t *Toolkit) getSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, ds, err := t.rec.SourceWithDerivatives(r.Context(), r.PathValue("id"))
	if err == nil && p.Role == config.RoleRegional {
		if !sourceScope(p)(s) {
			err = errs.NotFound // not theirs: as if it did not exist
		}
		ds = slices.DeleteFunc(ds, func(d record.Derivative) bool { return d.Status != record.Approved })
	}
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"source": s, "derivatives": ds})
}

// sourceScope is which sources p may list: a regional user those meant for their
// regions (or for every region); anyone else all (nil).
func sourceScope(p *Principal) func(*record.Source) bool {
	if p.Role != config.RoleRegional {
		return nil
	}
	return func(s *record.Source) bool { return record.InScope(s.Regions, p.Regions) }
}

func (t *Toolkit) approveSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, err := t.reviews.ApproveSource(r.Context(), r.PathValue("id"), p.Name)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"source": s})
}

func (t *Toolkit) decide(status record.ReviewStatus) func(http.ResponseWriter, *http.Request, *Principal) {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		d, err := t.reviews.Decide(r.Context(), r.PathValue("id"), status, p.Name)
		if t.failed(w, r, err) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"derivative": d})
	}
}

func (t *Toolkit) listTopics(w http.ResponseWriter, r *http.Request, p *Principal) {
	limit, ok := pageLimit(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f, err := t.topicFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	scopeTopics(&f, p)
	page, err := t.TopicsSorted(r.Context(), f, limit, q.Get("cursor"), q.Get("sort"))
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"topics": page.Items, "next_cursor": page.NextCursor})
}

func (t *Toolkit) claim(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, until, err := t.reviews.Claim(r.Context(), r.PathValue("id"), p.Name)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"topic": d, "claimed_until": until})
}

func (t *Toolkit) release(w http.ResponseWriter, r *http.Request, p *Principal) {
	err := t.reviews.Release(r.Context(), r.PathValue("id"), p.Name, p.Role == config.RoleAdmin)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"released": true})
}

// pageLimit reads ?limit=, default 50, at most 1000.
func pageLimit(w http.ResponseWriter, r *http.Request) (int, bool) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return 50, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1000 {
		writeError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("limit %q must be a whole number from 1 to 1000", s))
		return 0, false
	}
	return n, true
}

// scopeTopics narrows a listing to what p may see: contributors and regional users see
// approved derivatives only, regional users those meant for their regions.
func scopeTopics(f *record.TopicFilter, p *Principal) {
	if p.Role == config.RoleContributor || p.Role == config.RoleRegional {
		f.Status = record.Approved
	}
	if p.Role == config.RoleRegional {
		f.Scope = p.Regions
	}
}

// failed writes the error response for err, if any, and reports whether it did.
func (t *Toolkit) failed(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	status, code, msg := t.classify(r, err)
	writeError(w, status, code, msg)
	return true
}

// classify maps an error to the HTTP status, code and message the API and pages show:
// the one place an error's kind becomes a status. Unclassified errors are storage or
// network trouble: logged, and shown as a passing outage.
func (t *Toolkit) classify(r *http.Request, err error) (int, string, string) {
	kind := errs.KindOf(err)
	if kind == errs.Other {
		t.log.ErrorContext(r.Context(), "toolkit", "path", r.URL.Path, "err", err)
		return http.StatusServiceUnavailable, "unavailable", "the toolkit cannot reach its storage right now; try again shortly"
	}
	status, code := kindStatus[kind].status, kindStatus[kind].code
	if c := errs.CodeOf(err); c != "" {
		code = c
	}
	msg := errs.Message(err)
	if kind == errs.NotFound && !hasMessage(err) {
		msg = "no such item: " + r.PathValue("id")
	}
	return status, code, msg
}

// kindStatus is each error kind's HTTP status and default error code.
var kindStatus = map[errs.Kind]struct {
	status int
	code   string
}{
	errs.NotFound:  {http.StatusNotFound, "not_found"},
	errs.Invalid:   {http.StatusBadRequest, "bad_request"},
	errs.Rejected:  {http.StatusUnprocessableEntity, "rejected"},
	errs.Conflict:  {http.StatusConflict, "conflict"},
	errs.Forbidden: {http.StatusForbidden, "forbidden"},
	errs.TooLarge:  {http.StatusRequestEntityTooLarge, "too_large"},
	errs.Permanent: {http.StatusUnprocessableEntity, "permanent"},
	// A service the toolkit calls failed, or asked it to slow down: not the caller's doing.
	errs.Unavailable: {http.StatusBadGateway, "unavailable"},
	errs.RateLimited: {http.StatusServiceUnavailable, "rate_limited"},
}

// hasMessage reports whether err carries words written for people.
func hasMessage(err error) bool {
	var e *errs.Error
	for x := err; errors.As(x, &e); x = e.Err {
		if e.Msg != "" {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff") // also for handlers outside secure
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// WriteError writes the API's error shape: {"error": {"code", "message"}}.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	writeError(w, status, code, message)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}
