// Package access decides what a principal may see and touch: the sources, topics and
// translations of a role, a regional user's regions and locales, and the listings'
// queries read with those limits. Handlers of the API and the pages ask it alike, so a
// page never shows what the API would refuse.
package access

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/repurpose/repurpose/analytics"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/translations"
	"github.com/repurpose/repurpose/web/httpx"
)

// Rules answers what a principal may do, from the configuration (read on each call, so a
// changed role or region takes effect at once).
type Rules struct {
	tk  *toolkit.Toolkit
	cfg *config.Config
}

// New returns the rules over tk.
func New(tk *toolkit.Toolkit) *Rules { return &Rules{tk: tk, cfg: tk.Config()} }

// UserRegions are the regions of a regional user, from the configuration.
func (a *Rules) UserRegions(p *httpx.Principal) []string {
	for _, u := range a.cfg.File.Users {
		if u.Name == p.Name {
			return u.Regions
		}
	}
	return nil
}

// Region is the configured region with id, or nil.
func (a *Rules) Region(id string) *config.Region {
	for i, r := range a.cfg.File.Regions {
		if strings.EqualFold(r.ID, id) {
			return &a.cfg.File.Regions[i]
		}
	}
	return nil
}

// mine reports whether region id is one of a regional user's.
func (a *Rules) mine(p *httpx.Principal, id string) bool {
	return slices.ContainsFunc(a.UserRegions(p), func(x string) bool { return strings.EqualFold(x, id) })
}

// UserRegion is the configured region with this ID, if p may work on it.
func (a *Rules) UserRegion(p *httpx.Principal, id string) (*config.Region, error) {
	r := a.Region(id)
	if r == nil {
		ids := make([]string, 0, len(a.cfg.File.Regions))
		for _, r := range a.cfg.File.Regions {
			ids = append(ids, r.ID)
		}
		return nil, errs.E("access.UserRegion", errs.Invalid, fmt.Sprintf("region %q is not configured (regions: %s)", id, strings.Join(ids, ", ")))
	}
	if p.Role == config.RoleRegional && !a.mine(p, r.ID) {
		return nil, errs.E("access.UserRegion", errs.Forbidden, fmt.Sprintf("region %s is not one of yours (%s)", r.ID, strings.Join(a.UserRegions(p), ", ")))
	}
	return r, nil
}

// Allow is UserRegion as plan changes ask it.
func (a *Rules) Allow(p *httpx.Principal) planstore.Allow {
	return func(region string) error {
		_, err := a.UserRegion(p, region)
		return err
	}
}

// Regions are the configured regions p may pick: a regional user's own, else all.
func (a *Rules) Regions(p *httpx.Principal) []config.Region {
	var out []config.Region
	for _, r := range a.cfg.File.Regions {
		if p.Role != config.RoleRegional || a.mine(p, r.ID) {
			out = append(out, r)
		}
	}
	return out
}

// SourceScope is which sources p may list: a regional user those meant for their
// regions (or for every region); anyone else all (nil).
func SourceScope(p *httpx.Principal) func(*record.Source) bool {
	if p.Role != config.RoleRegional {
		return nil
	}
	return func(s *record.Source) bool { return record.InScope(s.Regions, p.Regions) }
}

// ScopeTopics narrows a listing to what p may see: contributors and regional users see
// approved derivatives only, regional users those meant for their regions.
func ScopeTopics(f *record.TopicFilter, p *httpx.Principal) {
	if p.Role == config.RoleContributor || p.Role == config.RoleRegional {
		f.Status = record.Approved
	}
	if p.Role == config.RoleRegional {
		f.Scope = p.Regions
	}
}

// Visible reads the derivative {id} as p may see it: contributors and regional users see
// approved ones only, regional users those meant for their regions.
func (a *Rules) Visible(r *http.Request, p *httpx.Principal) (*record.Derivative, error) {
	d, err := a.tk.Record().Derivative(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	f := record.TopicFilter{}
	ScopeTopics(&f, p)
	if !f.Match(d) {
		return nil, errs.E("access.Visible", errs.NotFound, "")
	}
	return d, nil
}

// freshness is how ?fresh= is written: a number of days ("7d") or a Go duration ("36h").
var freshness = regexp.MustCompile(`^([1-9][0-9]{0,3})d$`)

// TopicFilter reads a topic listing's query: campaign, kind, channel, locale, tag, q,
// status, source, region and fresh (approved within the last 7d, 24h, ...).
func (a *Rules) TopicFilter(q url.Values) (record.TopicFilter, error) {
	f := record.TopicFilter{Campaign: q.Get("campaign"), Kind: q.Get("kind"), Channel: q.Get("channel"),
		Locale: q.Get("locale"), Tag: q.Get("tag"), Q: q.Get("q"), Status: record.ReviewStatus(q.Get("status")), Source: q.Get("source"),
		Region: q.Get("region")}
	if s := q.Get("fresh"); s != "" {
		var age time.Duration
		if m := freshness.FindStringSubmatch(s); m != nil {
			days, _ := strconv.Atoi(m[1])
			age = time.Duration(days) * 24 * time.Hour
		} else if d, err := time.ParseDuration(s); err == nil && d > 0 {
			age = d
		} else {
			return f, fmt.Errorf("fresh %q must be an age such as 7d or 36h: topics approved within it are listed", s)
		}
		f.ApprovedSince = a.tk.Now().Add(-age)
	}
	return f, nil
}

// localeTag is a BCP 47 tag as the configuration accepts one (de, pt-BR, zh-Hant).
var localeTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// MayTranslate checks that p may write or review translations into locale: admin and
// marketing any configured locale, regional users only their regions' locales.
func (a *Rules) MayTranslate(p *httpx.Principal, locale string) error {
	if !localeTag.MatchString(locale) {
		return errs.E("access.MayTranslate", errs.Invalid, fmt.Sprintf("%q is not a locale such as de, pt-BR or zh-Hant", locale))
	}
	if p.Role == config.RoleRegional {
		for _, id := range a.UserRegions(p) {
			if r := a.Region(id); r != nil && slices.ContainsFunc(r.Locales, func(l string) bool { return strings.EqualFold(l, locale) }) {
				return nil
			}
		}
		return errs.E("access.MayTranslate", errs.Forbidden, fmt.Sprintf("%s is not a locale of your regions (%s)", locale, strings.Join(a.UserRegions(p), ", ")))
	}
	if len(a.cfg.File.Regions) > 0 && !slices.ContainsFunc(a.cfg.File.Regions, func(r config.Region) bool {
		return slices.ContainsFunc(r.Locales, func(l string) bool { return strings.EqualFold(l, locale) })
	}) {
		return errs.E("access.MayTranslate", errs.Invalid, fmt.Sprintf("%s is not a locale of any configured region", locale))
	}
	return nil
}

// TranslationTarget is the one check of a translation request, for the API and the pages
// alike: the derivative ({id}) must be one p may see, which for a regional user means an
// approved one meant for their regions, and the locale ({locale}) one p may work on.
func (a *Rules) TranslationTarget(r *http.Request, p *httpx.Principal) (*record.Derivative, string, error) {
	locale := r.PathValue("locale")
	if err := a.MayTranslate(p, locale); err != nil {
		return nil, "", err
	}
	d, err := a.Visible(r, p)
	return d, locale, err
}

// Translations works out which locales, read in which regions, a listing for p covers
// from ?region= and ?locale=. Regional users default to their own regions and may not ask
// for others'; admin and marketing default to every configured region.
func (a *Rules) Translations(p *httpx.Principal, region, locale string) (translations.Scope, error) {
	var regions []string
	switch {
	case region != "":
		r := a.Region(region)
		if r == nil {
			return nil, errs.E("access.Translations", errs.Invalid, fmt.Sprintf("%q is not a configured region", region))
		}
		if p.Role == config.RoleRegional && !a.mine(p, r.ID) {
			return nil, errs.E("access.Translations", errs.Forbidden, fmt.Sprintf("region %s is not one of yours (%s)", r.ID, strings.Join(a.UserRegions(p), ", ")))
		}
		regions = []string{r.ID}
	case p.Role == config.RoleRegional:
		regions = a.UserRegions(p)
	default:
		for _, r := range a.cfg.File.Regions {
			regions = append(regions, r.ID)
		}
	}
	scope := translations.Scope{}
	for _, id := range regions {
		r := a.Region(id)
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
		if err := a.MayTranslate(p, locale); err != nil {
			return nil, err
		}
		if region != "" {
			return nil, errs.E("access.Translations", errs.Invalid, fmt.Sprintf("region %s does not read %s", regions[0], locale))
		}
		scope[locale] = nil // no regions configured: any region
	}
	if len(scope) == 0 {
		return nil, errs.E("access.Translations", errs.Invalid, "no region is configured: name a locale (?locale=de)")
	}
	return scope, nil
}

// Calendar is region's calendar over ?from= and ?to= (RFC 3339, or a date taken in the
// region's zone; the default is the next 30 days), if p may see it.
func (a *Rules) Calendar(r *http.Request, p *httpx.Principal, region string) (*planstore.CalendarView, *config.Region, error) {
	reg, err := a.UserRegion(p, region)
	if err != nil {
		return nil, nil, err
	}
	loc, err := time.LoadLocation(reg.TimeZone)
	if err != nil {
		return nil, nil, err
	}
	from, to, err := calendarSpan(r.URL.Query(), loc, a.tk.Now())
	if err != nil {
		return nil, nil, err
	}
	v, err := a.tk.Plans().RegionCalendar(r.Context(), reg, from, to)
	return v, reg, err
}

// calendarSpan reads ?from= and ?to=.
func calendarSpan(q url.Values, loc *time.Location, now time.Time) (time.Time, time.Time, error) {
	parse := func(name string, def time.Time) (time.Time, error) {
		v := q.Get(name)
		if v == "" {
			return def, nil
		}
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t, nil
		}
		if t, err := time.ParseInLocation("2006-01-02", v, loc); err == nil {
			return t, nil
		}
		return time.Time{}, errs.E("access.calendarSpan", errs.Invalid, fmt.Sprintf("%s %q must be a date (2026-06-01) or a time (2026-06-01T09:00:00Z)", name, v))
	}
	from, err := parse("from", now)
	if err != nil {
		return from, from, err
	}
	to, err := parse("to", from.AddDate(0, 0, 30))
	if err != nil {
		return from, to, err
	}
	if !to.After(from) || to.Sub(from) > 400*24*time.Hour {
		return from, to, errs.E("access.calendarSpan", errs.Invalid, "to must come after from, within 400 days")
	}
	return from, to, nil
}

// Report reads ?by= (default defaultBy), ?from= and ?to= (dates, UTC; default the last 30
// days) and reports what p may see: a regional user, their regions' links.
func (a *Rules) Report(r *http.Request, p *httpx.Principal, defaultBy string) (*analytics.Report, error) {
	q := r.URL.Query()
	by := q.Get("by")
	if by == "" {
		by = defaultBy
	}
	today := a.tk.Now().UTC().Truncate(24 * time.Hour)
	from, to := today.AddDate(0, 0, -29), today.AddDate(0, 0, 1)
	for name, dst := range map[string]*time.Time{"from": &from, "to": &to} {
		if v := q.Get(name); v != "" {
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return nil, errs.E("access.Report", errs.Invalid, fmt.Sprintf("%s %q must be a date such as 2026-06-01", name, v))
			}
			*dst = d
		}
	}
	if q.Get("to") != "" {
		to = to.AddDate(0, 0, 1) // the last day counts whole
	}
	return a.tk.Analytics().Report(r.Context(), from, to, by, a.Links(p))
}

// Links is which links p's analytics cover: a regional user's regions' (nil: all).
func (a *Rules) Links(p *httpx.Principal) func(*links.Link) bool {
	if p.Role != config.RoleRegional {
		return nil
	}
	return func(l *links.Link) bool { return l.Region != "" && slices.Contains(a.UserRegions(p), l.Region) }
}
