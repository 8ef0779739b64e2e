package public

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/feed"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/web/httpx"
)

// Partner syndication: /feeds/{audience}.atom and /feeds/{audience}.json serve the
// approved derivatives as Atom and JSON Feed 1.1, with every backlink re-tagged so the
// clicks a partner sends show up under the partner's name. The feeds are public, because
// feed readers cannot send bearer tokens; that is safe only because nothing but approved
// derivatives (DESIGN.md, principle 3) ever reaches them.

const (
	feedDefaultLimit = 100
	feedMaxLimit     = 500
)

// feedAudience is the partner's name as it appears in the path and in utm_source.
var feedAudience = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// feedKinds are the kinds a feed may carry; an unknown ?kind= is a typo, not an empty feed.
var feedKinds = []string{
	string(channel.KindSnippet), string(channel.KindTweet), string(channel.KindThread), string(channel.KindLinkedIn),
	string(channel.KindBlog), string(channel.KindMastodon), string(channel.KindBluesky), string(channel.KindThreads),
}

// feedRequest is a parsed feed URL.
type feedRequest struct {
	audience, format string // format: atom | json
	filter           record.TopicFilter
	limit            int
}

// Feed serves GET /feeds/{feed}. ServeMux wildcards must be whole path segments, so
// "{audience}.atom" cannot be a pattern: the extension is split off here.
func (pb *Public) Feed(w http.ResponseWriter, r *http.Request) {
	fr, status, msg := parseFeedRequest(r)
	if status != 0 {
		code := "bad_request"
		if status == http.StatusNotFound {
			code = "not_found"
		}
		httpx.WriteError(w, status, code, msg)
		return
	}
	entries, err := pb.tk.Translations().Localized(r.Context(), fr.filter, fr.limit)
	if pb.Failed(w, r, err) {
		return
	}
	srcs, err := pb.tk.Record().SourcesOf(r.Context(), entries)
	if pb.Failed(w, r, err) {
		return
	}
	meta := feed.Meta{Audience: fr.audience, Kind: fr.filter.Kind, Locale: fr.filter.Locale, Campaign: fr.filter.Campaign, PublicURL: pb.cfg.Infra.PublicURL}
	var body []byte
	var contentType string
	if fr.format == "atom" {
		contentType = "application/atom+xml; charset=utf-8"
		body, err = feed.Atom(meta, entries, srcs)
	} else {
		contentType = "application/feed+json; charset=utf-8"
		body, err = feed.JSON(meta, entries, srcs)
	}
	if pb.Failed(w, r, err) {
		return
	}
	sum := sha256.Sum256(body)
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
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
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
