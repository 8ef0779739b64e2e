package api

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translate"
	"github.com/repurpose/repurpose/translations"
	"github.com/repurpose/repurpose/web/httpx"
)

// The translation API: regional teams translate approved derivatives into their
// regions' locales and approve them; approved ones are offered as snippets (JSON, CSV).

// translationFailed writes the answer for a translation error, with Retry-After for a
// rate limit, and reports whether there was one.
func (a *API) translationFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	if after, limited := translate.RetryAfter(err); limited {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(after.Seconds())))))
	}
	return a.Failed(w, r, err)
}

// Translate saves a person's translation, or asks the machine for one.
func (a *API) Translate(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, locale, err := a.acc.TranslationTarget(r, p)
	if a.translationFailed(w, r, err) {
		return
	}
	var in translations.Input
	if err := httpx.DecodeJSON(r, &in, 1<<20, true); err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `send JSON {"text": "..."} (a thread may send "parts") or {"machine": true}: `+err.Error())
		return
	}
	if in.Machine && (in.Text != "" || len(in.Parts) > 0) {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `send either a text or {"machine": true}, not both`)
		return
	}
	tv, err := a.tk.Translations().Translate(r.Context(), d.ID, locale, in, p.Name)
	if a.translationFailed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"translation": tv})
}

// DecideTranslation approves or rejects a translation.
func (a *API) DecideTranslation(status record.ReviewStatus) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		d, locale, err := a.acc.TranslationTarget(r, p)
		if a.translationFailed(w, r, err) {
			return
		}
		tv, err := a.tk.Translations().Decide(r.Context(), d.ID, locale, status, p.Name)
		if a.translationFailed(w, r, err) {
			return
		}
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"translation": tv})
	}
}

// Translations lists the translation queue of the locales p works on.
func (a *API) Translations(w http.ResponseWriter, r *http.Request, p *Principal) {
	q := r.URL.Query()
	status := q.Get("status")
	if !slices.Contains(translations.QueueStatuses, status) {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("status %q must be missing, draft, approved or rejected", status))
		return
	}
	limit, ok := httpx.PageLimit(w, r)
	if !ok {
		return
	}
	scope, err := a.acc.Translations(p, q.Get("region"), q.Get("locale"))
	if a.Failed(w, r, err) {
		return
	}
	items, err := a.tk.Translations().Queue(r.Context(), scope, status)
	if a.Failed(w, r, err) {
		return
	}
	page := record.OffsetPage(items, limit, q.Get("cursor"))
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"locales": scope.Locales(), "translations": page.Items, "next_cursor": page.NextCursor})
}

// Snippets answers the approved snippets per region and locale, as JSON or CSV.
func (a *API) Snippets(csvOut bool) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		q := r.URL.Query()
		region, locale := q.Get("region"), q.Get("locale")
		scope, err := a.acc.Translations(p, region, locale)
		if a.Failed(w, r, err) {
			return
		}
		items, err := a.tk.Translations().Snippets(r.Context(), scope)
		if a.Failed(w, r, err) {
			return
		}
		if !csvOut {
			httpx.WriteJSON(w, http.StatusOK, map[string]any{"locales": scope.Locales(), "snippets": items})
			return
		}
		name := "snippets"
		for _, s := range []string{region, locale} {
			if s != "" {
				name += "-" + strings.ToLower(s)
			}
		}
		rows := make([][]string, len(items))
		for i, s := range items {
			rows[i] = []string{s.ID, s.SourceID, s.Kind, s.Channel, s.Locale, s.Text, s.Link, s.Status}
		}
		httpx.WriteCSV(w, name, []string{"id", "source", "kind", "channel", "locale", "text", "link", "status"}, rows)
	}
}
