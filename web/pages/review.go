package pages

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/web/httpx"
)

// Reviewing a source at scale: filters, one decision for a whole kind, the refusal of an
// edit shown in place, the counter an edit is saved by, and each post's preview.

// channelNames are the channels as people write them.
var channelNames = map[channel.Name]string{channel.X: "X", channel.Mastodon: "Mastodon", channel.Bluesky: "Bluesky",
	channel.Threads: "Threads", channel.LinkedIn: "LinkedIn", channel.Blog: "Blog", channel.Any: "Any channel"}

func channelName(ch channel.Name) string {
	if n, ok := channelNames[ch]; ok {
		return n
	}
	return string(ch)
}

// reviewKind is what a reviewer sorts by: a snippet's type (key point, stat, quote), else
// the derivative's kind.
func reviewKind(d record.Derivative) string {
	if d.Kind == channel.KindSnippet && d.Type != "" {
		return d.Type
	}
	return string(d.Kind)
}

// kindLabels name each review kind; a thread names its channel too.
var kindLabels = map[string]string{string(channel.KindTweet): "Tweet · X", string(channel.KindLinkedIn): "LinkedIn post",
	string(channel.KindBlog): "Blog teaser", string(channel.KindMastodon): "Mastodon post", string(channel.KindBluesky): "Bluesky post",
	string(channel.KindThreads): "Threads post", string(channel.KindSnippet): "Snippet", "key_point": "Key point", "stat": "Stat", "quote": "Quote"}

// label is how a card names a derivative: "Tweet · X", "Thread · Mastodon", "Key point".
func label(d record.Derivative) string {
	k := reviewKind(d)
	if d.Kind == channel.KindThread {
		return "Thread · " + channelName(d.Channel)
	}
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return k + " · " + channelName(d.Channel)
}

// reviewFilter is what the source page shows: one kind, one channel, one status, or all.
type reviewFilter struct{ Kind, Channel, Status string }

func filterOf(q url.Values) reviewFilter {
	return reviewFilter{Kind: q.Get("kind"), Channel: q.Get("channel"), Status: q.Get("status")}
}

func (f reviewFilter) match(d record.Derivative) bool {
	return (f.Kind == "" || reviewKind(d) == f.Kind) && (f.Channel == "" || string(d.Channel) == f.Channel) &&
		(f.Status == "" || string(d.Status) == f.Status)
}

// Query is the filter as a query string ("" for none), to come back to the same view.
func (f reviewFilter) Query() string {
	q := url.Values{}
	for k, v := range map[string]string{"kind": f.Kind, "channel": f.Channel, "status": f.Status} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q.Encode()
}

// Active reports whether the filter leaves anything out.
func (f reviewFilter) Active() bool { return f != reviewFilter{} }

// sourceURL is the source page with the filter, at a fragment when one is given.
func (f reviewFilter) sourceURL(id, fragment string) string {
	u := f.With("/ui/sources/" + id)
	if fragment != "" {
		u += "#" + fragment
	}
	return u
}

// option is one choice of a filter, with how many derivatives it holds.
type option struct {
	Value, Label string
	N            int
}

// options tallies the choices of one facet of ds in the order they first appear.
func options(ds []record.Derivative, key func(record.Derivative) string, name func(string) string) []option {
	var out []option
	for _, d := range ds {
		k := key(d)
		i := slices.IndexFunc(out, func(o option) bool { return o.Value == k })
		if i < 0 {
			out = append(out, option{Value: k, Label: name(k)})
			i = len(out) - 1
		}
		out[i].N++
	}
	return out
}

func kindName(k string) string {
	if k == string(channel.KindThread) {
		return "Thread"
	}
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return k
}

// refusal is an edit the rules refused: shown on its card with the text as typed.
type refusal struct {
	ID, Text, Msg string
}

// DecideKind approves or rejects, in one step, the drafts of one kind (on the filter's
// channel) of a source.
func (pg *Review) DecideKind(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	id := r.PathValue("id")
	status := record.ReviewStatus(r.FormValue("verdict"))
	if status != record.Approved && status != record.Rejected {
		pg.Error(w, r, p, errs.E("pages.DecideKind", errs.Invalid, "verdict must be approved or rejected"))
		return
	}
	f := reviewFilter{Kind: r.FormValue("kind"), Channel: r.FormValue("channel")}
	if f.Kind == "" { // all drafts at once is ApproveSource, asked for by name
		pg.Error(w, r, p, errs.E("pages.DecideKind", errs.Invalid, "name the kind to decide"))
		return
	}
	_, n, err := pg.tk.Review().DecideDrafts(r.Context(), id, status, p.Name, func(d record.Derivative) bool { return f.match(d) })
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	back := filterOf(r.URL.Query())
	q := url.Values{"decided": {strconv.Itoa(n)}, "verdict": {string(status)}}
	if fq := back.Query(); fq != "" {
		q, _ = url.ParseQuery(fq + "&" + q.Encode())
	}
	http.Redirect(w, r, "/ui/sources/"+id+"?"+q.Encode(), http.StatusSeeOther)
}

// decidedNotice says what the last bulk decision did, from the redirect's query.
func decidedNotice(q url.Values) string {
	n, err := strconv.Atoi(q.Get("decided"))
	v := q.Get("verdict")
	if err != nil || n < 0 || (v != string(record.Approved) && v != string(record.Rejected)) {
		return ""
	}
	if n == 1 {
		return "1 draft " + v + "."
	}
	return fmt.Sprintf("%d drafts %s.", n, v)
}

// EditCount answers how an edit would count when saved, for the editor's live counter.
func (pg *Review) EditCount(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	var req struct {
		Text string `json:"text"`
	}
	if err := httpx.DecodeJSON(r, &req, httpx.MaxTextBody, false); err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `send {"text": "..."} as JSON`)
		return
	}
	if httpx.RefuseLongText(w, req.Text) {
		return
	}
	d, err := pg.tk.Record().Derivative(r.Context(), r.PathValue("id"))
	if err != nil {
		status, code, msg := pg.Classify(r, err)
		httpx.WriteError(w, status, code, msg)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, pg.tk.Review().EditCount(d, req.Text))
}

// editable reports whether a reviewer may rewrite d here: single posts and snippets.
func editable(d record.Derivative) bool {
	return len(d.Parts) == 0 && d.Blog == nil && d.Kind != channel.KindThread
}

// postPreview is a post as its channel will show it: the text as counted, its link and
// hashtags marked, and the image it carries (its card) or the link preview's.
type postPreview struct {
	Channel string
	Posts   []previewPost // a thread's parts, else one
	Card    *record.Media
	Link    *linkPreview
}

// previewPost is one post's text in runs, with its count where its channel has a limit.
type previewPost struct {
	Runs   []run
	Length *channel.Length
}

type linkPreview struct {
	Image       *record.Media
	Title, Host string
}

// run is a stretch of a post's text: plain, a link or a hashtag.
type run struct {
	Text      string
	Link, Tag bool
}

var linkOrTag = regexp.MustCompile(`https?://[^\s]+|#[\p{L}\p{N}_]+`)

// runs splits text into plain text, links and hashtags; extra are byte ranges that are
// links as well (a Bluesky post's shortened display link, named by its facets).
func runs(text string, facets []channel.Facet) []run {
	type span struct {
		a, b int
		link bool
	}
	var spans []span
	for _, f := range facets {
		for _, ft := range f.Features {
			if ft.Type == channel.FacetLink && f.Index.ByteStart >= 0 && f.Index.ByteEnd <= len(text) && f.Index.ByteStart < f.Index.ByteEnd {
				spans = append(spans, span{f.Index.ByteStart, f.Index.ByteEnd, true})
			}
		}
	}
	for _, m := range linkOrTag.FindAllStringIndex(text, -1) {
		if !slices.ContainsFunc(spans, func(s span) bool { return m[0] < s.b && s.a < m[1] }) {
			spans = append(spans, span{m[0], m[1], text[m[0]] != '#'})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return x.a - y.a })
	var out []run
	at := 0
	for _, s := range spans {
		if s.a > at {
			out = append(out, run{Text: text[at:s.a]})
		}
		out = append(out, run{Text: text[s.a:s.b], Link: s.link, Tag: !s.link})
		at = s.b
	}
	if at < len(text) {
		out = append(out, run{Text: text[at:]})
	}
	return out
}

// previewOf is d's preview, or nil where d is not a post of its own (a blog teaser has
// its own, a snippet goes wherever a person puts it).
func previewOf(d record.Derivative, title string) *postPreview {
	if d.Blog != nil || d.Channel == channel.Any || d.Channel == channel.Blog {
		return nil
	}
	pv := &postPreview{Channel: channelName(d.Channel)}
	if len(d.Parts) > 0 {
		for i, pt := range d.Parts {
			pv.Posts = append(pv.Posts, previewPost{Runs: runs(pt.Text, nil), Length: limited(&d.Parts[i].Length)})
		}
	} else {
		pv.Posts = []previewPost{{Runs: runs(d.Text, d.Facets), Length: limited(d.Length)}}
	}
	for i, m := range d.Media {
		switch {
		case m.Key == "":
		case m.Kind == record.MediaCard && pv.Card == nil:
			pv.Card = &d.Media[i]
		case m.Kind == record.MediaPreview:
			host := d.Backlink
			if u, err := url.Parse(d.Backlink); err == nil && u.Host != "" {
				host = u.Host
			}
			pv.Link = &linkPreview{Image: &d.Media[i], Title: title, Host: strings.TrimPrefix(host, "www.")}
		}
	}
	if pv.Card != nil {
		pv.Link = nil // the channel shows the attached image, not the link's
	}
	return pv
}

// editorCount is what an editable card's counter starts at: its text counted as a save
// would count it.
func (pg *Review) editorCount(d *record.Derivative, text string) *review.CountResult {
	c := pg.tk.Review().EditCount(d, text)
	return &c
}

// limited is l where it has a limit to show: a blog teaser's has none.
func limited(l *channel.Length) *channel.Length {
	if l == nil || l.Limit <= 0 {
		return nil
	}
	return l
}

// With is path with the filter's query, so a form posted from a filtered view comes back
// to it.
func (f reviewFilter) With(path string) string {
	if q := f.Query(); q != "" {
		return path + "?" + q
	}
	return path
}
