package toolkit

import (
	"encoding/json"
	"io"
	"net/http"
)

// API: GET and PUT /api/v1/topics/{id}/rewrite, the caller's own version.

func (t *Toolkit) getRewrite(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.visibleTopic(r, p)
	if t.failed(w, r, err) {
		return
	}
	rw, err := t.reviews.Rewrite(r.Context(), d.ID, p.Name)
	if t.failed(w, r, err) {
		return
	}
	if rw == nil {
		writeError(w, http.StatusNotFound, "not_found", "you have saved no version of this topic")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rewrite": rw})
}

func (t *Toolkit) putRewrite(w http.ResponseWriter, r *http.Request, p *Principal) {
	var req struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, maxCountBody)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", `send {"text": "..."} as JSON`)
		return
	}
	if refuseLongText(w, req.Text) {
		return
	}
	d, err := t.visibleTopic(r, p)
	if t.failed(w, r, err) {
		return
	}
	rw, err := t.reviews.SaveRewrite(r.Context(), d, p.Name, req.Text)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rewrite": rw})
}
