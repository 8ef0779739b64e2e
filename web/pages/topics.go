package pages

import (
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/web/access"
	"github.com/repurpose/repurpose/web/httpx"
)

// Contributors' pages: find an approved topic, claim it, make it one's own and share it.

type topicsView struct {
	Filter       record.TopicFilter
	Fresh        string // the ?fresh= asked for
	Sort         string // newest (default) or performance
	FreshChoices []choice
	Campaigns    []string
	Channels     []string
	Topics       []record.Derivative
	NextCursor   string
	NextURL      string
}

type choice struct{ Value, Label string }

var freshChoices = []choice{{"1d", "In the last day"}, {"7d", "In the last week"}, {"30d", "In the last 30 days"}}

var uiChannels = []string{string(channel.X), string(channel.Mastodon), string(channel.Bluesky),
	string(channel.Threads), string(channel.LinkedIn), string(channel.Blog), string(channel.Any)}

// List is the topics a contributor may pick, filtered and sorted.
func (pg *Topics) List(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	q := r.URL.Query()
	f, err := pg.acc.TopicFilter(q)
	if err != nil {
		pg.Error(w, r, p, errs.E("pages.uiTopics", errs.Invalid, err.Error()))
		return
	}
	f.Status = record.Approved
	access.ScopeTopics(&f, p)
	page, err := pg.tk.Analytics().Topics(r.Context(), f, 50, q.Get("cursor"), q.Get("sort"))
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v := topicsView{Filter: f, Fresh: q.Get("fresh"), FreshChoices: freshChoices, Channels: uiChannels, Topics: page.Items,
		Sort: q.Get("sort")}
	for name := range pg.cfg.File.Campaigns {
		v.Campaigns = append(v.Campaigns, name)
	}
	sort.Strings(v.Campaigns)
	if page.NextCursor != "" {
		q.Set("cursor", page.NextCursor)
		v.NextURL = "/ui/topics?" + q.Encode()
	}
	pg.render(w, r, http.StatusOK, "topics", view{Title: "Topics", User: p, Data: v})
}

type topicView struct {
	Topic       *record.Derivative
	SourceTitle string
	// Variants are the topic's approved posts on every channel, the topic itself included:
	// the same section's posts, then those made from the whole paper.
	Variants []record.Derivative
	// Points are the section's approved snippets: key points, stats and quotes to speak to.
	Points []record.Derivative
	// Passage is the section of the paper the topic comes from, as written there.
	Passage []string
	Draft   string              // what the editor starts with: the saved version, or the post and the disclosure
	Count   *review.CountResult // nil where the channel has no counter (blog, any)
	Saved   *review.Rewrite     // the user's saved version
	Error   string              // why the last save or share was refused
	// Share is where the user may share their version from their own account, each as it
	// would go out; Cards are the post's own images to share with it.
	Share []shareOffer
	Cards []record.Media
	// CanClaim: everyone but regional users; Mine: the user holds the claim.
	CanClaim, Mine, Editable bool
	Zones                    []string
}

// Topic is one topic with its variants, talking points and the user's own version.
func (pg *Topics) Topic(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, err := pg.acc.Visible(r, p)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v, err := pg.topicPage(r, p, d, "")
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	pg.render(w, r, http.StatusOK, "topic", view{Title: "Topic", User: p, Data: v})
}

// Rewrite saves the user's own version; a refused one is shown again with why, and
// with the text as typed, so nothing is lost.
func (pg *Topics) Rewrite(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, err := pg.acc.Visible(r, p)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	text := review.UnixLines(r.FormValue("text"))
	_, err = pg.tk.Review().SaveRewrite(r.Context(), d, p.Name, text)
	if k := errs.KindOf(err); k == errs.Rejected || k == errs.Conflict {
		pg.refused(w, r, p, d, text, "Not saved: ", err)
		return
	}
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/topics/"+d.ID+"?saved=1#editor", http.StatusSeeOther)
}

// refused shows the topic page again with why text was refused, and the text as typed,
// so nothing is lost.
func (pg *Topics) refused(w http.ResponseWriter, r *http.Request, p *httpx.Principal, d *record.Derivative, text, what string, err error) {
	status, _, msg := pg.Classify(r, err)
	v, verr := pg.topicPage(r, p, d, text)
	if verr != nil {
		pg.Error(w, r, p, verr)
		return
	}
	v.Error = what + msg
	pg.render(w, r, status, "topic", view{Title: "Topic", User: p, Data: v})
}

// topicPage gathers what a topic page shows: the topic, its variants on other channels,
// the section's talking points and text, and the user's own version: typed, the text the
// editor shows instead ("" for the saved one).
func (pg *Topics) topicPage(r *http.Request, p *httpx.Principal, d *record.Derivative, typed string) (*topicView, error) {
	ctx := r.Context()
	holder, err := pg.tk.Record().Claims().Holder(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	d.ClaimedBy = holder
	v := &topicView{Topic: d, Draft: review.Draft(d), Zones: zones, CanClaim: p.Role != config.RoleRegional,
		Mine: d.ClaimedBy == p.Name, Editable: len(d.Parts) == 0 && d.Blog == nil}
	if v.Saved, err = pg.tk.Review().Rewrite(ctx, d.ID, p.Name); err != nil {
		return nil, err
	}
	if v.Saved != nil {
		v.Draft = v.Saved.Text
	}
	if typed != "" {
		v.Draft = typed
	}
	v.Share, v.Count = pg.shareOffers(r, p, d, typed)
	if v.Count == nil && v.Editable { // a thread's parts and a blog teaser have no one count to show
		if c, err := review.Count(&pg.cfg.File, d.Channel, strings.TrimSpace(v.Draft)); err == nil {
			v.Count = &c
		}
	}
	v.Cards = shareable(d.Media)
	siblings, err := pg.tk.Record().SourceDerivatives(ctx, d.SourceID)
	if err != nil {
		return nil, err
	}
	v.Variants, v.Points = record.Related(d, siblings)
	s, err := pg.tk.Record().Source(ctx, d.SourceID)
	if err != nil {
		return nil, err
	}
	v.SourceTitle = s.Title
	if d.Section != nil && s.Version != "" {
		if b, err := pg.tk.Record().Bundle(ctx, s); err == nil && b.Document != nil {
			v.Passage = passage(b.Document, d.Section.Anchor)
		}
	}
	return v, nil
}

// passageParagraphs is how much of a section a topic page quotes.
const passageParagraphs = 3

// passage is the text of the section with anchor: its first paragraphs.
func passage(doc *parse.Document, anchor string) []string {
	for _, sec := range doc.Sections {
		if sec.Anchor == anchor {
			return sec.Paragraphs[:min(len(sec.Paragraphs), passageParagraphs)]
		}
	}
	return nil
}

// Claim claims a topic for the user.
func (pg *Topics) Claim(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, err := pg.acc.Visible(r, p)
	if err == nil {
		_, _, err = pg.tk.Review().Claim(r.Context(), d.ID, p.Name)
	}
	pg.backToTopic(w, r, p, err)
}

// Release gives the claim back.
func (pg *Topics) Release(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, err := pg.acc.Visible(r, p)
	if err == nil {
		err = pg.tk.Review().Release(r.Context(), d.ID, p.Name, p.Role == config.RoleAdmin)
	}
	pg.backToTopic(w, r, p, err)
}

func (pg *Topics) backToTopic(w http.ResponseWriter, r *http.Request, p *httpx.Principal, err error) {
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/topics/"+r.PathValue("id"), http.StatusSeeOther)
}

// zones are offered for reminders; app.js selects the browser's own (adding it if it is
// not here), and any IANA name is accepted.
var zones = func() []string {
	z := []string{"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin",
		"Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens",
		"Europe/Istanbul", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata",
		"Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney", "Pacific/Auckland",
		"America/Sao_Paulo", "America/Argentina/Buenos_Aires", "America/Mexico_City", "America/Bogota",
		"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto"}
	slices.Sort(z)
	return z
}()
