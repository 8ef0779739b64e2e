package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/web/access"
	"github.com/repurpose/repurpose/web/httpx"
)

// Topics lists the topics p may see, by the query's filter and sort.
func (a *API) Topics(w http.ResponseWriter, r *http.Request, p *Principal) {
	limit, ok := httpx.PageLimit(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f, err := a.acc.TopicFilter(q)
	if err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	access.ScopeTopics(&f, p)
	page, err := a.tk.Analytics().Topics(r.Context(), f, limit, q.Get("cursor"), q.Get("sort"))
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"topics": page.Items, "next_cursor": page.NextCursor})
}

// Claim claims a topic for p.
func (a *API) Claim(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, until, err := a.tk.Review().Claim(r.Context(), r.PathValue("id"), p.Name)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"topic": d, "claimed_until": until})
}

// Release gives a claim back (an admin may release anyone's).
func (a *API) Release(w http.ResponseWriter, r *http.Request, p *Principal) {
	err := a.tk.Review().Release(r.Context(), r.PathValue("id"), p.Name, p.Role == config.RoleAdmin)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"released": true})
}

// Rewrite answers the caller's own version of a topic.
func (a *API) Rewrite(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := a.acc.Visible(r, p)
	if a.Failed(w, r, err) {
		return
	}
	rw, err := a.tk.Review().Rewrite(r.Context(), d.ID, p.Name)
	if a.Failed(w, r, err) {
		return
	}
	if rw == nil {
		httpx.WriteError(w, http.StatusNotFound, "not_found", "you have saved no version of this topic")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"rewrite": rw})
}

// SaveRewrite saves the caller's own version of a topic.
func (a *API) SaveRewrite(w http.ResponseWriter, r *http.Request, p *Principal) {
	text, ok := httpx.ReadText(w, r)
	if !ok {
		return
	}
	d, err := a.acc.Visible(r, p)
	if a.Failed(w, r, err) {
		return
	}
	rw, err := a.tk.Review().SaveRewrite(r.Context(), d, p.Name, text)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"rewrite": rw})
}

// Count counts a text as a channel would.
func (a *API) Count(w http.ResponseWriter, r *http.Request, _ *Principal) {
	var req struct {
		Channel string `json:"channel"`
		Text    string `json:"text"`
	}
	if err := httpx.DecodeJSON(r, &req, httpx.MaxTextBody, false); err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			httpx.TooLong(w, fmt.Sprintf("the request is over %d bytes", httpx.MaxTextBody))
			return
		}
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `send {"channel": "x", "text": "..."} as JSON`)
		return
	}
	if httpx.RefuseLongText(w, req.Text) {
		return
	}
	res, err := review.Count(&a.cfg.File, channel.Name(req.Channel), req.Text)
	if err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	httpx.WriteJSON(w, http.StatusOK, res)
}
