package toolkit

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translate"
	"github.com/repurpose/repurpose/translations"
)

// The translation API: regional teams translate approved derivatives into their
// regions' locales and approve them; approved ones are offered as snippets (JSON, CSV).

// localeTag is a BCP 47 tag as the configuration accepts one (de, pt-BR, zh-Hant).
var localeTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// userRegions are the regions of a regional user, from the configuration.
func (t *Toolkit) userRegions(p *Principal) []string {
	for _, u := range t.cfg.File.Users {
		if u.Name == p.Name {
			return u.Regions
		}
	}
	return nil
}

// region is the configured region with id, or nil.
func (t *Toolkit) region(id string) *config.Region {
	for i, r := range t.cfg.File.Regions {
		if strings.EqualFold(r.ID, id) {
			return &t.cfg.File.Regions[i]
		}
	}
	return nil
}

// mayTranslate checks that p may write or review translations into locale: admin and
// marketing any configured locale, regional users only their regions' locales.
func (t *Toolkit) mayTranslate(p *Principal, locale string) error {
	if !localeTag.MatchString(locale) {
		return errs.E("toolkit.mayTranslate", errs.Invalid, fmt.Sprintf("%q is not a locale such as de, pt-BR or zh-Hant", locale))
	}
	if p.Role == config.RoleRegional {
		for _, id := range t.userRegions(p) {
			if r := t.region(id); r != nil && slices.ContainsFunc(r.Locales, func(l string) bool { return strings.EqualFold(l, locale) }) {
				return nil
			}
		}
		return errs.E("toolkit.mayTranslate", errs.Forbidden, fmt.Sprintf("%s is not a locale of your regions (%s)", locale, strings.Join(t.userRegions(p), ", ")))
	}
	if len(t.cfg.File.Regions) > 0 && !slices.ContainsFunc(t.cfg.File.Regions, func(r config.Region) bool {
		return slices.ContainsFunc(r.Locales, func(l string) bool { return strings.EqualFold(l, locale) })
	}) {
		return errs.E("toolkit.mayTranslate", errs.Invalid, fmt.Sprintf("%s is not a locale of any configured region", locale))
	}
	return nil
}

// mayTranslateTopic is the one check of a translation request, for the API and the pages
// alike: the derivative ({id}) must be one p may see, which for a regional user means an
// approved one meant for their regions, and the locale ({locale}) one p may work on.
func (t *Toolkit) mayTranslateTopic(r *http.Request, p *Principal) (*record.Derivative, string, error) {
	locale := r.PathValue("locale")
	if err := t.mayTranslate(p, locale); err != nil {
		return nil, "", err
	}
	d, err := t.visibleTopic(r, p)
	return d, locale, err
}

// scope works out which locales, read in which regions, a listing for p covers from
// ?region= and ?locale=. Regional users default to their own regions and may not ask for
// others'; admin and marketing default to every configured region.
func (t *Toolkit) scope(p *Principal, region, locale string) (translations.Scope, error) {
	var regions []string
	switch {
	case region != "":
		r := t.region(region)
		if r == nil {
			return nil, errs.E("toolkit.scope", errs.Invalid, fmt.Sprintf("%q is not a configured region", region))
		}
		if p.Role == config.RoleRegional && !slices.ContainsFunc(t.userRegions(p), func(id string) bool { return strings.EqualFold(id, r.ID) }) {
			return nil, errs.E("toolkit.scope", errs.Forbidden, fmt.Sprintf("region %s is not one of yours (%s)", r.ID, strings.Join(t.userRegions(p), ", ")))
		}
		regions = []string{r.ID}
	case p.Role == config.RoleRegional:
		regions = t.userRegions(p)
	default:
		for _, r := range t.cfg.File.Regions {
			regions = append(regions, r.ID)
		}
	}
	scope := translations.Scope{}
	for _, id := range regions {
		r := t.region(id)
		if r == nil {
			continue
		}
		for _, l := range r.Locales {
			if locale == "" || strings.EqualFold(l, locale) {
				scope[l] = append(scope[l], r.ID)
			}
		}
	}
	if locale != "" && len(scope) == 0 {
		if err := t.mayTranslate(p, locale); err != nil {
			return nil, err
		}
		if region != "" {
			return nil, errs.E("toolkit.scope", errs.Invalid, fmt.Sprintf("region %s does not read %s", regions[0], locale))
		}
		scope[locale] = nil // no regions configured: any region
	}
	if len(scope) == 0 {
		return nil, errs.E("toolkit.scope", errs.Invalid, "no region is configured: name a locale (?locale=de)")
	}
	return scope, nil
}

// translationFailed writes the answer for a translation error, with Retry-After for a
// rate limit, and reports whether there was one.
func (t *Toolkit) translationFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	if after, limited := translate.RetryAfter(err); limited {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(after.Seconds())))))
	}
	return t.failed(w, r, err)
}

func (t *Toolkit) translateDerivative(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, locale, err := t.mayTranslateTopic(r, p)
	if t.translationFailed(w, r, err) {
		return
	}
	var in translations.Input
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", `send JSON {"text": "..."} (a thread may send "parts") or {"machine": true}: `+err.Error())
		return
	}
	if in.Machine && (in.Text != "" || len(in.Parts) > 0) {
		writeError(w, http.StatusBadRequest, "bad_request", `send either a text or {"machine": true}, not both`)
		return
	}
	tv, err := t.translations.Translate(r.Context(), d.ID, locale, in, p.Name)
	if t.translationFailed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"translation": tv})
}

func (t *Toolkit) decideTranslation(status record.ReviewStatus) func(http.ResponseWriter, *http.Request, *Principal) {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		d, locale, err := t.mayTranslateTopic(r, p)
		if t.translationFailed(w, r, err) {
			return
		}
		tv, err := t.translations.Decide(r.Context(), d.ID, locale, status, p.Name)
		if t.translationFailed(w, r, err) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"translation": tv})
	}
}

// translationQueueStatuses are the values ?status= takes on the queue.
var translationQueueStatuses = []string{"", translations.Missing, string(record.Draft), string(record.Approved), string(record.Rejected)}

func (t *Toolkit) listTranslations(w http.ResponseWriter, r *http.Request, p *Principal) {
	q := r.URL.Query()
	status := q.Get("status")
	if !slices.Contains(translationQueueStatuses, status) {
		writeError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("status %q must be missing, draft, approved or rejected", status))
		return
	}
	limit, ok := pageLimit(w, r)
	if !ok {
		return
	}
	scope, err := t.scope(p, q.Get("region"), q.Get("locale"))
	if t.failed(w, r, err) {
		return
	}
	items, err := t.translations.Queue(r.Context(), scope, status)
	if t.failed(w, r, err) {
		return
	}
	start, _ := strconv.Atoi(q.Get("cursor"))
	start = min(max(start, 0), len(items))
	end, next := min(start+limit, len(items)), ""
	if end < len(items) {
		next = strconv.Itoa(end)
	}
	writeJSON(w, http.StatusOK, map[string]any{"locales": scope.Locales(), "translations": items[start:end], "next_cursor": next})
}

func (t *Toolkit) snippets(csvOut bool) func(http.ResponseWriter, *http.Request, *Principal) {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		q := r.URL.Query()
		region, locale := q.Get("region"), q.Get("locale")
		scope, err := t.scope(p, region, locale)
		if t.failed(w, r, err) {
			return
		}
		items, err := t.translations.Snippets(r.Context(), scope)
		if t.failed(w, r, err) {
			return
		}
		if !csvOut {
			writeJSON(w, http.StatusOK, map[string]any{"locales": scope.Locales(), "snippets": items})
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
		writeCSV(w, name, []string{"id", "source", "kind", "channel", "locale", "text", "link", "status"}, rows)
	}
}
