package derive

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/parse"
)

// Where a backlink points.
const (
	TargetCanonical   = "canonical"
	TargetLandingPage = "landing_page"
	TargetPublicPage  = "public_page"
)

// linker makes the tracked backlink of each derivative.
type linker struct {
	base   *url.URL // nil when the source names no usable URL
	target string
	utm    config.UTM
	vars   map[string]string // campaign, source, stage
}

// newLinker picks the base URL: the document's canonical URL, else the campaign's
// landing page, else the toolkit's public page for the source. A value that is not an
// absolute http(s) URL is passed over.
func newLinker(doc *parse.Document, opt Options, stage string) linker {
	l := linker{utm: opt.Campaign.UTM, vars: map[string]string{
		"campaign": opt.CampaignName, "source": opt.SourceID, "stage": stage,
	}}
	for _, c := range []struct{ raw, target string }{
		{doc.Meta.CanonicalURL, TargetCanonical},
		{opt.Campaign.LandingPage, TargetLandingPage},
		{opt.PublicPageURL, TargetPublicPage},
	} {
		u, err := url.Parse(strings.TrimSpace(c.raw))
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			l.base, l.target = u, c.target
			break
		}
	}
	return l
}

// link is the base URL deep-linked to anchor (none for whole-document derivatives) with
// the campaign's UTM parameters filled in; parameters already on the URL are kept.
func (l linker) link(kind channel.Kind, ch channel.Name, ordinal int, anchor string) string {
	if l.base == nil {
		return ""
	}
	u := *l.base
	u.Fragment, u.RawFragment = anchor, ""
	if anchor == "" {
		u.Fragment = l.base.Fragment
	}
	vars := func(name string) (string, bool) {
		switch name {
		case "channel":
			return string(ch), true
		case "kind":
			return string(kind), true
		case "ordinal":
			return strconv.Itoa(ordinal), true
		}
		v, ok := l.vars[name] // campaign, source, stage
		return v, ok
	}
	q := u.Query()
	for _, p := range []struct{ key, tmpl string }{
		{"utm_source", l.utm.Source}, {"utm_medium", l.utm.Medium},
		{"utm_campaign", l.utm.Campaign}, {"utm_content", l.utm.Content},
	} {
		if v := fillVars(p.tmpl, vars); v != "" {
			q.Set(p.key, v)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// fillVars replaces each {name} of tmpl that vars knows with its value, left to right,
// never re-reading a value (as strings.Replacer does, without building one per link).
func fillVars(tmpl string, vars func(name string) (string, bool)) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			break
		}
		v, ok := vars(tmpl[open+1 : open+end])
		if !ok {
			b.WriteString(tmpl[:open+1]) // a lone "{": the next "{" may open a name
			tmpl = tmpl[open+1:]
			continue
		}
		b.WriteString(tmpl[:open])
		b.WriteString(v)
		tmpl = tmpl[open+end+1:]
	}
	if b.Len() == 0 {
		return tmpl // nothing replaced (or only by ""): no copy
	}
	b.WriteString(tmpl)
	return b.String()
}
