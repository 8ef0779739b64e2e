package pages

import (
	"net/http"
	"slices"

	"github.com/repurpose/repurpose/ics"
	"github.com/repurpose/repurpose/web/httpx"
)

// A reminder is an RFC 5545 calendar event a contributor downloads, so the nudge to share
// a topic arrives in their own calendar at the local time they chose.

// Reminder is an iCalendar event at the local time the contributor chose.
func (pg *Topics) Reminder(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, err := pg.acc.Visible(r, p)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	q := r.URL.Query()
	at, err := ics.LocalTime(q.Get("at"), q.Get("tz"))
	if err != nil {
		pg.render(w, r, http.StatusBadRequest, "error", view{Title: "Bad request", User: p, Error: err.Error()})
		return
	}
	text, err := pg.tk.Review().Own(r.Context(), d, p.Name) // what the person saved to post
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	// The reminder's link shares through the toolkit, so the share is recorded and
	// credited when the person follows it.
	share := pg.cfg.Infra.PublicURL + "/ui/topics/" + d.ID
	offers, _ := pg.shareOffers(r, p, d, "")
	if i := slices.IndexFunc(offers, func(o shareOffer) bool { return o.Fits }); i >= 0 {
		share = pg.cfg.Infra.PublicURL + offers[i].Href
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="reminder-`+d.ID+`.ics"`)
	_, _ = w.Write(ics.Reminder(d, text, share, pg.cfg.Infra.PublicURL+"/ui/topics/"+d.ID, at, pg.tk.Now()))
}
