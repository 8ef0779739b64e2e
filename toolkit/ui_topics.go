package toolkit

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/transforms"
)

// Contributors' pages: find an approved topic, claim it, make it one's own and share it.

type topicsView struct {
	Filter       TopicFilter
	Fresh        string // the ?fresh= asked for
	FreshChoices []choice
	Campaigns    []string
	Channels     []string
	Topics       []Derivative
	NextCursor   string
	NextURL      string
}

type choice struct{ Value, Label string }

var freshChoices = []choice{{"1d", "In the last day"}, {"7d", "In the last week"}, {"30d", "In the last 30 days"}}

var uiChannels = []string{transforms.ChannelX, transforms.ChannelMastodon, transforms.ChannelBluesky,
	transforms.ChannelThreads, transforms.ChannelLinkedIn, transforms.ChannelBlog, transforms.ChannelAny}

func (t *Toolkit) uiTopics(w http.ResponseWriter, r *http.Request, p *Principal) {
	q := r.URL.Query()
	f, err := t.topicFilter(q)
	if err != nil {
		t.uiError(w, r, p, &InputError{Reason: err.Error()})
		return
	}
	f.Status = Approved
	scopeTopics(&f, p)
	page, err := t.Topics(r.Context(), f, 50, q.Get("cursor"))
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	v := topicsView{Filter: f, Fresh: q.Get("fresh"), FreshChoices: freshChoices, Channels: uiChannels, Topics: page.Items}
	for name := range t.cfg.File.Campaigns {
		v.Campaigns = append(v.Campaigns, name)
	}
	sort.Strings(v.Campaigns)
	if page.NextCursor != "" {
		q.Set("cursor", page.NextCursor)
		v.NextURL = "/ui/topics?" + q.Encode()
	}
	t.render(w, r, http.StatusOK, "topics", view{Title: "Topics", User: p, Data: v})
}

type topicView struct {
	Topic       *Derivative
	SourceTitle string
	Draft       string       // what the editor starts with: the post and the disclosure
	Count       *CountResult // nil where the channel has no counter (blog, any)
	Share       []shareLink
	CanClaim    bool
	Mine        bool
	Zones       []string
}

type shareLink struct{ Name, URL string }

// visibleTopic reads a derivative as p may see it: contributors and regional users see
// approved ones only, regional users those meant for their regions.
func (t *Toolkit) visibleTopic(r *http.Request, p *Principal) (*Derivative, error) {
	d, err := t.derivative(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	f := TopicFilter{}
	scopeTopics(&f, p)
	if !f.match(d) {
		return nil, ErrNotFound
	}
	return d, nil
}

func (t *Toolkit) uiTopic(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.visibleTopic(r, p)
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	holders, err := t.claimants(r.Context(), []string{d.ID})
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	d.ClaimedBy = holders[d.ID]
	v := topicView{Topic: d, Draft: draft(d), Share: shareLinks(d), Zones: zones,
		CanClaim: p.Role != config.RoleRegional, Mine: d.ClaimedBy == p.Name}
	if s, err := t.Source(r.Context(), d.SourceID); err == nil {
		v.SourceTitle = s.Title
	}
	if c, err := Count(&t.cfg.File, d.Channel, v.Draft); err == nil {
		v.Count = &c
	}
	t.render(w, r, http.StatusOK, "topic", view{Title: "Topic", User: p, Data: v})
}

func (t *Toolkit) uiClaim(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.visibleTopic(r, p)
	if err == nil {
		_, _, err = t.Claim(r.Context(), d.ID, p.Name)
	}
	t.backToTopic(w, r, p, err)
}

func (t *Toolkit) uiRelease(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.visibleTopic(r, p)
	if err == nil {
		err = t.Release(r.Context(), d.ID, p.Name, p.Role == config.RoleAdmin)
	}
	t.backToTopic(w, r, p, err)
}

func (t *Toolkit) backToTopic(w http.ResponseWriter, r *http.Request, p *Principal, err error) {
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/topics/"+r.PathValue("id"), http.StatusSeeOther)
}

// draft is what a contributor starts from: the post with the brand's disclosure added.
func draft(d *Derivative) string {
	if d.Disclosure == "" || strings.Contains(d.Text, d.Disclosure) {
		return d.Text
	}
	return d.Text + " " + d.Disclosure
}

// shareText is the draft without its link, for intents that take the link separately.
func shareText(d *Derivative) string {
	text := draft(d)
	if d.Backlink != "" {
		text = strings.ReplaceAll(text, d.Backlink, "")
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// shareLinks are the networks' own share dialogs, pre-filled: the contributor posts from
// their own account. Only http(s) links are offered.
func shareLinks(d *Derivative) []shareLink {
	if !httpURL(d.Backlink) {
		return nil
	}
	link := url.QueryEscape(d.Backlink)
	return []shareLink{
		{"Share on X", "https://twitter.com/intent/tweet?text=" + url.QueryEscape(shareText(d)) + "&url=" + link},
		{"Share on LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + link},
	}
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
