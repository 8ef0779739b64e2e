package toolkit

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/feeds"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// Partner syndication: /feeds/{audience}.atom and /feeds/{audience}.json serve the
// approved derivatives as Atom and JSON Feed 1.1, with every backlink re-tagged so the
// clicks a partner sends show up under the partner's name. The feeds are public, because
// feed readers cannot send bearer tokens; that is safe only because nothing but approved
// derivatives (DESIGN.md, principle 3) ever reaches them.

const (
	feedDefaultLimit = 100
	feedMaxLimit     = 500
	// feedMedium replaces the campaign's utm_medium: the partner's feed is the medium.
	feedMedium   = "syndication"
	feedTitleMax = 80 // characters of an entry title
)

// feedAudience is the partner's name as it appears in the path and in utm_source.
var feedAudience = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// feedKinds are the kinds a feed may carry; an unknown ?kind= is a typo, not an empty feed.
var feedKinds = []string{
	string(channel.KindSnippet), string(channel.KindTweet), string(channel.KindThread), string(channel.KindLinkedIn),
	string(channel.KindBlog), string(channel.KindMastodon), string(channel.KindBluesky), string(channel.KindThreads),
}

// feedEpoch stands in for "updated" when a feed has no entries: Atom requires the element,
// and a fixed value keeps the ETag of an empty feed stable across requests.
var feedEpoch = time.Unix(0, 0).UTC()

// feedRequest is a parsed feed URL.
type feedRequest struct {
	audience, format string // format: atom | json
	filter           record.TopicFilter
	limit            int
}

// feed serves GET /feeds/{feed}. ServeMux wildcards must be whole path segments, so
// "{audience}.atom" cannot be a pattern: the extension is split off here.
func (t *Toolkit) feed(w http.ResponseWriter, r *http.Request) {
	fr, status, msg := parseFeedRequest(r)
	if status != 0 {
		code := "bad_request"
		if status == http.StatusNotFound {
			code = "not_found"
		}
		writeError(w, status, code, msg)
		return
	}
	entries, err := t.feedEntries(r.Context(), fr)
	if t.failed(w, r, err) {
		return
	}
	srcs, err := t.sourcesByID(r.Context(), entries)
	if t.failed(w, r, err) {
		return
	}
	f := t.buildFeed(fr, entries, srcs)
	var body bytes.Buffer
	var contentType string
	if fr.format == "atom" {
		contentType = "application/atom+xml; charset=utf-8"
		err = writeAtom(&body, f)
	} else {
		contentType = "application/feed+json; charset=utf-8"
		err = writeJSONFeed(&body, f, t.feedURL(fr, "json"), fr.filter.Locale)
	}
	if t.failed(w, r, err) {
		return
	}
	sum := sha256.Sum256(body.Bytes())
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("ETag", etag)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(body.Len()))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body.Bytes())
}

// parseFeedRequest reads the path and query; a non-zero status is the error to answer.
func parseFeedRequest(r *http.Request) (feedRequest, int, string) {
	var fr feedRequest
	name := r.PathValue("feed")
	switch {
	case strings.HasSuffix(name, ".atom"):
		fr.audience, fr.format = strings.TrimSuffix(name, ".atom"), "atom"
	case strings.HasSuffix(name, ".json"):
		fr.audience, fr.format = strings.TrimSuffix(name, ".json"), "json"
	default:
		return fr, http.StatusNotFound, "no such feed: use /feeds/{audience}.atom or /feeds/{audience}.json"
	}
	if !feedAudience.MatchString(fr.audience) {
		return fr, http.StatusNotFound, "no such feed: an audience is 1-64 of a-z, 0-9, _ and -, starting with a letter or digit"
	}
	q := r.URL.Query()
	fr.filter = record.TopicFilter{Status: record.Approved, Kind: q.Get("kind"), Locale: q.Get("locale"), Campaign: q.Get("campaign"),
		Region: q.Get("region")}
	if fr.filter.Kind == "" {
		fr.filter.Kind = string(channel.KindSnippet)
	}
	if !slices.Contains(feedKinds, fr.filter.Kind) {
		return fr, http.StatusBadRequest, fmt.Sprintf("kind %q must be one of %s", fr.filter.Kind, strings.Join(feedKinds, ", "))
	}
	fr.limit = feedDefaultLimit
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > feedMaxLimit {
			return fr, http.StatusBadRequest, fmt.Sprintf("limit %q must be a whole number from 1 to %d", s, feedMaxLimit)
		}
		fr.limit = n
	}
	return fr, 0, ""
}

// feedEntries lists what a feed carries, newest source first. With a locale, that is the
// approved derivatives written in it and the approved translations into it: a partner
// reading Spanish gets the Spanish text of an English paper once a reviewer approved it.
func (t *Toolkit) feedEntries(ctx context.Context, fr feedRequest) ([]record.Derivative, error) {
	if fr.filter.Locale == "" {
		page, err := t.rec.Topics(ctx, fr.filter, fr.limit, "")
		return page.Items, err
	}
	every := fr.filter
	every.Locale = ""
	page, err := t.rec.Topics(ctx, every, 1<<30, "")
	if err != nil {
		return nil, err
	}
	fields := make([]string, 0, len(page.Items))
	for _, d := range page.Items {
		if !strings.EqualFold(d.Locale, fr.filter.Locale) {
			fields = append(fields, translationField(d.ID, fr.filter.Locale))
		}
	}
	trs, err := t.indexedTranslations(ctx, fields)
	if err != nil {
		return nil, err
	}
	out := []record.Derivative{}
	for _, d := range page.Items {
		if len(out) == fr.limit {
			break
		}
		if strings.EqualFold(d.Locale, fr.filter.Locale) {
			out = append(out, d)
			continue
		}
		if tv := trs[translationField(d.ID, fr.filter.Locale)]; tv != nil && tv.Status == record.Approved {
			out = append(out, translated(d, tv))
		}
	}
	return out, nil
}

// translated is d as its approved translation reads. The ID names the pair, so a feed
// entry of the translation is not the entry of the original.
func translated(d record.Derivative, tv *TranslationView) record.Derivative {
	l := tv.Length
	d.ID = translationField(d.ID, tv.Locale)
	d.Locale, d.Text, d.Template, d.Parts, d.Length = tv.Locale, tv.Text, tv.Template, tv.Parts, &l
	return d
}

// sourcesByID reads the sources of ds in one Redis round trip, falling back to the S3
// record only for those the index lacks: a feed of 100 entries from a handful of sources
// should not cost 100 look-ups. A source that no longer exists is left out.
func (t *Toolkit) sourcesByID(ctx context.Context, ds []record.Derivative) (map[string]*record.Source, error) {
	out := map[string]*record.Source{}
	var ids []string
	for _, d := range ds {
		if _, seen := out[d.SourceID]; !seen && d.SourceID != "" {
			out[d.SourceID] = nil
			ids = append(ids, d.SourceID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	indexed, err := t.rec.IndexedSources(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if src := indexed[id]; src != nil {
			out[id] = src
			continue
		}
		src, err := t.rec.Source(ctx, id)
		if errors.Is(err, errs.NotFound) {
			delete(out, id)
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = src
	}
	return out, nil
}

// buildFeed turns derivatives, in the listing's order (newest source first), into the
// library's format-neutral feed.
func (t *Toolkit) buildFeed(fr feedRequest, ds []record.Derivative, srcs map[string]*record.Source) *feeds.Feed {
	home := t.cfg.Infra.PublicURL
	publisher := home
	if u, err := url.Parse(home); err == nil && u.Host != "" {
		publisher = u.Host
	}
	title := fmt.Sprintf("Approved %ss for %s", fr.filter.Kind, fr.audience)
	for _, s := range []string{fr.filter.Campaign, fr.filter.Locale} {
		if s != "" {
			title += " · " + s
		}
	}
	f := &feeds.Feed{
		Title: title,
		// The library makes the Atom self link the feed's id too: stable for one
		// audience and filter set, whatever order the partner wrote the query in.
		Link:    &feeds.Link{Href: t.feedURL(fr, "atom"), Rel: "self"},
		Author:  &feeds.Author{Name: publisher},
		Updated: feedEpoch,
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
			created, updated = feedEpoch, feedEpoch
		}
		// Whole seconds: Atom shows no more, and both formats then agree.
		created, updated = created.UTC().Truncate(time.Second), updated.UTC().Truncate(time.Second)
		if updated.After(f.Updated) {
			f.Updated = updated
		}
		link := partnerLink(cmp.Or(d.Canonical, d.Backlink), fr.audience) // the partner's own tag, not a tracked link
		item := &feeds.Item{
			Id:      "urn:repurpose:derivative:" + d.ID,
			Title:   entryTitle(renderFor(d, "")),
			Content: renderFor(d, link),
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

// feedURL is the canonical public URL of a feed: the filters that shape it, in a fixed
// order, so the id and self link do not change with how a partner wrote the query.
func (t *Toolkit) feedURL(fr feedRequest, format string) string {
	q := url.Values{}
	if fr.filter.Kind != string(channel.KindSnippet) {
		q.Set("kind", fr.filter.Kind)
	}
	if fr.filter.Locale != "" {
		q.Set("locale", fr.filter.Locale)
	}
	if fr.filter.Campaign != "" {
		q.Set("campaign", fr.filter.Campaign)
	}
	u := t.cfg.Infra.PublicURL + "/feeds/" + fr.audience + "." + format
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// partnerLink re-tags a backlink for a partner: utm_source names the partner and
// utm_medium says it came through syndication; the other parameters (campaign, content)
// and the fragment (the deep link to the section) stay. Anything but an absolute
// http(s) URL gives no link.
func partnerLink(backlink, audience string) string {
	u, err := url.Parse(backlink)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	q := u.Query()
	q.Set("utm_source", audience)
	q.Set("utm_medium", feedMedium)
	u.RawQuery = q.Encode()
	return u.String()
}

// renderFor renders a derivative's text with link in its slot (a thread's posts, one
// paragraph each). The "any" channel renders the full URL, never Bluesky's shortened
// display form, and with no link drops the slot cleanly.
func renderFor(d record.Derivative, link string) string {
	return channel.RenderParts(channel.Any, PostTemplates(&d, nil), link, "").Joined()
}

// entryTitle is the start of text, cut at a word within feedTitleMax characters (at a
// character for scripts written without spaces).
func entryTitle(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= feedTitleMax {
		return text
	}
	head, n := text, 0
	for i := range text {
		if n == feedTitleMax {
			head = text[:i]
			break
		}
		n++
	}
	if i := strings.LastIndexByte(head, ' '); i > feedTitleMax/2 {
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

// etagMatches applies If-None-Match's weak comparison: "*" or any listed tag, with or
// without W/, equal to etag.
func etagMatches(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}
