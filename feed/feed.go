// Package feed renders partner feeds: approved derivatives as Atom and JSON Feed 1.1, each
// backlink re-tagged for the partner, and the plain text and title of a derivative as
// feeds and pages show it. It only renders: callers pass the derivatives and their
// sources.
package feed

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/feeds"
	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translations"
)

// medium replaces the campaign's utm_medium: the partner's feed is the medium.
const medium = "syndication"

// titleMax is the characters of an entry title.
const titleMax = 80

// epoch stands in for "updated" when a feed has no entries: Atom requires the element,
// and a fixed value keeps the ETag of an empty feed stable across requests.
var epoch = time.Unix(0, 0).UTC()

// Meta names a feed: the partner it is for, the filters that shape it, and the public URL
// of the service it is served from.
type Meta struct {
	Audience               string
	Kind, Locale, Campaign string
	PublicURL              string
}

// Atom is the feed of ds (in the listing's order) as Atom; srcs are their sources by ID.
func Atom(m Meta, ds []record.Derivative, srcs map[string]*record.Source) ([]byte, error) {
	var b bytes.Buffer
	err := writeAtom(&b, build(m, ds, srcs))
	return b.Bytes(), err
}

// JSON is the feed of ds as JSON Feed 1.1, in the feed's locale.
func JSON(m Meta, ds []record.Derivative, srcs map[string]*record.Source) ([]byte, error) {
	var b bytes.Buffer
	err := writeJSONFeed(&b, build(m, ds, srcs), URL(m, "json"), m.Locale)
	return b.Bytes(), err
}

// build turns derivatives, in the listing's order (newest source first), into the
// library's format-neutral feed.
func build(m Meta, ds []record.Derivative, srcs map[string]*record.Source) *feeds.Feed {
	home := m.PublicURL
	publisher := home
	if u, err := url.Parse(home); err == nil && u.Host != "" {
		publisher = u.Host
	}
	title := fmt.Sprintf("Approved %ss for %s", m.Kind, m.Audience)
	for _, s := range []string{m.Campaign, m.Locale} {
		if s != "" {
			title += " · " + s
		}
	}
	f := &feeds.Feed{
		Title: title,
		// The library makes the Atom self link the feed's id too: stable for one
		// audience and filter set, whatever order the partner wrote the query in.
		Link:    &feeds.Link{Href: URL(m, "atom"), Rel: "self"},
		Author:  &feeds.Author{Name: publisher},
		Updated: epoch,
	}
	for _, d := range ds {
		src := srcs[d.SourceID]
		if src == nil {
			continue // removed between the listing and the look-up
		}
		created, updated := src.CreatedAt, src.UpdatedAt
		if created.IsZero() {
			created = updated
		}
		if updated.IsZero() {
			updated = created
		}
		if updated.IsZero() {
			created, updated = epoch, epoch
		}
		// Whole seconds: Atom shows no more, and both formats then agree.
		created, updated = created.UTC().Truncate(time.Second), updated.UTC().Truncate(time.Second)
		if updated.After(f.Updated) {
			f.Updated = updated
		}
		link := PartnerLink(cmp.Or(d.Canonical, d.Backlink), m.Audience) // the partner's own tag, not a tracked link
		item := &feeds.Item{
			Id:      "urn:repurpose:derivative:" + d.ID,
			Title:   Title(Text(d, "")),
			Content: Text(d, link),
			Created: created,
			Updated: updated,
		}
		if link != "" {
			item.Link = &feeds.Link{Href: link}
		}
		f.Add(item)
	}
	return f
}

// URL is the canonical public URL of a feed: the filters that shape it, in a fixed
// order, so the id and self link do not change with how a partner wrote the query.
func URL(m Meta, format string) string {
	q := url.Values{}
	if m.Kind != string(channel.KindSnippet) {
		q.Set("kind", m.Kind)
	}
	if m.Locale != "" {
		q.Set("locale", m.Locale)
	}
	if m.Campaign != "" {
		q.Set("campaign", m.Campaign)
	}
	u := m.PublicURL + "/feeds/" + m.Audience + "." + format
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// PartnerLink re-tags a backlink for a partner: utm_source names the partner and
// utm_medium says it came through syndication; the other parameters (campaign, content)
// and the fragment (the deep link to the section) stay. Anything but an absolute
// http(s) URL gives no link.
func PartnerLink(backlink, audience string) string {
	u, err := url.Parse(backlink)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	q := u.Query()
	q.Set("utm_source", audience)
	q.Set("utm_medium", medium)
	u.RawQuery = q.Encode()
	return u.String()
}

// Text renders a derivative's text with link in its slot (a thread's posts, one
// paragraph each). The "any" channel renders the full URL, never Bluesky's shortened
// display form, and with no link drops the slot cleanly.
func Text(d record.Derivative, link string) string {
	return channel.RenderParts(channel.Any, translations.PostTemplates(&d, nil), link, "").Joined()
}

// Title is the start of text, cut at a word within titleMax characters (at a
// character for scripts written without spaces).
func Title(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= titleMax {
		return text
	}
	head, n := text, 0
	for i := range text {
		if n == titleMax {
			head = text[:i]
			break
		}
		n++
	}
	if i := strings.LastIndexByte(head, ' '); i > titleMax/2 {
		head = head[:i]
	}
	return strings.TrimRight(head, " ,;:-–—") + "…"
}

// writeAtom writes f as Atom. The library marks content as HTML; derivative text is
// plain, so it is declared "text", or an "&" or "<" in it would be read as markup.
func writeAtom(w *bytes.Buffer, f *feeds.Feed) error {
	af := (&feeds.Atom{Feed: f}).AtomFeed()
	for i, e := range af.Entries {
		item := f.Items[i]
		if e.Content != nil {
			e.Content.Type = "text"
		}
		e.Published = item.Created.Format(time.RFC3339)
		if item.Link == nil {
			e.Links = nil // content stands in for a link; an empty href is not a valid IRI
		}
	}
	return feeds.WriteXML(af, w)
}

// writeJSONFeed writes f as JSON Feed 1.1, with the text as content_text for the same
// reason as in writeAtom.
func writeJSONFeed(w *bytes.Buffer, f *feeds.Feed, feedURL, language string) error {
	jf := (&feeds.JSON{Feed: f}).JSONFeed()
	jf.HomePageUrl = "" // the library puts the Atom self link here; the toolkit UI needs a login
	jf.FeedUrl = feedURL
	jf.Language = language
	// The library tags items omitempty, but JSON Feed requires "items" even when empty:
	// this shallower field shadows it.
	out := struct {
		*feeds.JSONFeed
		Items []*feeds.JSONItem `json:"items"`
	}{JSONFeed: jf, Items: make([]*feeds.JSONItem, 0, len(f.Items))}
	for _, item := range f.Items {
		ji := &feeds.JSONItem{Id: item.Id, Title: item.Title, ContentText: item.Content}
		if item.Link != nil {
			ji.Url = item.Link.Href
		}
		created, updated := item.Created, item.Updated
		ji.PublishedDate, ji.ModifiedDate = &created, &updated
		out.Items = append(out.Items, ji)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
