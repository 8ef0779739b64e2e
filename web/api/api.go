// Package api is the JSON API under /api/v1 (and the region calendars under /calendar/):
// each handler reads the request, asks access what the caller may see, calls its room,
// and answers JSON or maps the errs kind (httpx). The routes are package web's table.
package api

import (
	"net/http"
	"slices"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/web/access"
	"github.com/repurpose/repurpose/web/httpx"
)

// Principal is who is asking.
type Principal = httpx.Principal

// API serves the JSON routes over a toolkit.
type API struct {
	tk  *toolkit.Toolkit
	cfg *config.Config
	acc *access.Rules
	httpx.Errors
}

// New returns the API over tk.
func New(tk *toolkit.Toolkit, acc *access.Rules, e httpx.Errors) *API {
	return &API{tk: tk, cfg: tk.Config(), acc: acc, Errors: e}
}

// Me answers who is asking.
func (a *API) Me(w http.ResponseWriter, r *http.Request, p *Principal) {
	httpx.WriteJSON(w, http.StatusOK, p)
}

// Sources lists the sources p may see.
func (a *API) Sources(w http.ResponseWriter, r *http.Request, p *Principal) {
	limit, ok := httpx.PageLimit(w, r)
	if !ok {
		return
	}
	page, err := a.tk.Record().Sources(r.Context(), limit, r.URL.Query().Get("cursor"), access.SourceScope(p))
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"sources": page.Items, "next_cursor": page.NextCursor})
}

// Source answers a source with its derivatives; a regional user sees only sources meant
// for their regions, and of those only the approved derivatives.
func (a *API) Source(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, ds, err := a.tk.Record().SourceWithDerivatives(r.Context(), r.PathValue("id"))
	if err == nil && p.Role == config.RoleRegional {
		if !access.SourceScope(p)(s) {
			err = errs.NotFound // not theirs: as if it did not exist
		}
		ds = slices.DeleteFunc(ds, func(d record.Derivative) bool { return d.Status != record.Approved })
	}
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"source": s, "derivatives": ds})
}

// ApproveSource approves every draft derivative of a source.
func (a *API) ApproveSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, err := a.tk.Review().ApproveSource(r.Context(), r.PathValue("id"), p.Name)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"source": s})
}

// Decide approves or rejects one derivative.
func (a *API) Decide(status record.ReviewStatus) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		d, err := a.tk.Review().Decide(r.Context(), r.PathValue("id"), status, p.Name)
		if a.Failed(w, r, err) {
			return
		}
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"derivative": d})
	}
}

// Edit replaces a derivative's text with a reviewer's.
func (a *API) Edit(w http.ResponseWriter, r *http.Request, p *Principal) {
	text, ok := httpx.ReadText(w, r)
	if !ok {
		return
	}
	d, err := a.tk.Review().EditDerivative(r.Context(), r.PathValue("id"), text, p.Name)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"derivative": d})
}

// Rerun derives a source again.
func (a *API) Rerun(w http.ResponseWriter, r *http.Request, _ *Principal) {
	s, queued, err := a.tk.Record().Rerun(r.Context(), r.PathValue("id"))
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusAccepted, map[string]any{"source": s, "queued": queued})
}

// Withdraw takes a source out of every channel and feed.
func (a *API) Withdraw(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, err := a.tk.Record().Withdraw(r.Context(), r.PathValue("id"), p.Name)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"source": s})
}
