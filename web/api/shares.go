package api

import (
	"net/http"

	"github.com/repurpose/repurpose/shares"
	"github.com/repurpose/repurpose/web/httpx"
)

// Share answers the caller's share of a topic on ?channel=: their text with the link
// that credits them, counted as it will be sent, whether it fits, and the channel's
// compose link where that can carry the text. Asking records the share.
func (a *API) Share(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := a.acc.Visible(r, p)
	if a.Failed(w, r, err) {
		return
	}
	sh, err := a.tk.Shares().Share(r.Context(), p.Name, d, r.URL.Query().Get("channel"), "")
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, sh)
}

// SharePreview answers what sharing {"channel", "text"} would be, without recording it:
// the text as it would go out (the caller's link in it, checked by the brand rules; ""
// for their saved version), its count and whether it fits. The topic page counts the
// editor with it, so the live count is the server's.
func (a *API) SharePreview(w http.ResponseWriter, r *http.Request, p *Principal) {
	var in struct{ Channel, Text string }
	if !httpx.ReadJSON(w, r, &in, 64<<10, `{"channel": "x", "text": "..."}`) {
		return
	}
	d, err := a.acc.Visible(r, p)
	if a.Failed(w, r, err) {
		return
	}
	sh, err := a.tk.Shares().Preview(r.Context(), p.Name, d, in.Channel, in.Text)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, sh)
}

// MyShares lists what the caller shared, where, and what each link brought.
func (a *API) MyShares(w http.ResponseWriter, r *http.Request, p *Principal) {
	mine, err := a.tk.Shares().Mine(r.Context(), p.Name)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, mine)
}

// Leaderboard ranks people over ?days= (default 30), in ?group= (a team or region).
func (a *API) Leaderboard(w http.ResponseWriter, r *http.Request, p *Principal) {
	q := r.URL.Query()
	lb, err := a.tk.Shares().Leaderboard(r.Context(), q.Get("group"), q.Get("days"))
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, lb)
}

// Sharing answers the caller's sharing settings (the leaderboard opt-out).
func (a *API) Sharing(w http.ResponseWriter, r *http.Request, p *Principal) {
	v, err := a.tk.Shares().Settings(r.Context(), p.Name)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, v)
}

// SaveSharing sets the caller's sharing settings.
func (a *API) SaveSharing(w http.ResponseWriter, r *http.Request, p *Principal) {
	var v shares.Settings
	if !httpx.ReadJSON(w, r, &v, 4<<10, `{"leaderboard_opt_out": true|false}`) {
		return
	}
	out, err := a.tk.Shares().SetSettings(r.Context(), p.Name, v)
	if a.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
