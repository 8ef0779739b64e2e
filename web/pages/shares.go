package pages

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/shares"
	"github.com/repurpose/repurpose/web/httpx"
)

// Sharing from one's own account: the topic page offers each channel only what it takes,
// the share link records the share and opens the channel's composer, My shares shows what
// each share brought, and the leaderboard ranks people who did not opt out.

// shareOffer is one channel a topic page offers to share on, as the share would go out
// with the user's version as the page shows it. Fits says whether the channel takes it;
// an offer that does not fit is rendered hidden (the live counter may show it again).
type shareOffer struct {
	Channel, Label string
	Href           string // the toolkit's share link: records the share, opens the composer
	Text           string // as it goes out: the user's link and the disclosure in it
	Count, Limit   int
	Fits           bool
	Refused        string // why the text cannot go out at all (a brand rule)
}

// offered are the channels a topic page offers: X, whose intent carries the whole text,
// and LinkedIn, whose share dialog takes only the link (the page copies the text).
var offered = []struct {
	ch    channel.Name
	label string
}{{channel.X, "Share on X"}, {channel.LinkedIn, "Share on LinkedIn"}}

// linkedInShare is LinkedIn's share dialog, which takes a URL and nothing else.
const linkedInShare = "https://www.linkedin.com/sharing/share-offsite/?url="

// shareOffers are the channels to share d on with typed ("" for the user's saved version
// or the draft), and the count of the text as it goes out on d's own channel when people
// share on it (nil otherwise: the caller counts the text as typed).
func (pg *Topics) shareOffers(r *http.Request, p *httpx.Principal, d *record.Derivative, typed string) ([]shareOffer, *review.CountResult) {
	if !httpx.HTTPURL(d.Backlink) {
		return nil, nil
	}
	var out []shareOffer
	for _, o := range offered {
		off := shareOffer{Channel: string(o.ch), Label: o.label, Href: "/ui/topics/" + url.PathEscape(d.ID) + "/share?channel=" + string(o.ch)}
		sh, err := pg.tk.Shares().Preview(r.Context(), p.Name, d, string(o.ch), typed)
		if err != nil {
			_, _, off.Refused = pg.Classify(r, err)
		} else {
			off.Text, off.Count, off.Limit, off.Fits = sh.Text, sh.Count, sh.Limit, sh.Fits
		}
		out = append(out, off)
	}
	if !slices.Contains(shares.Channels, d.Channel) {
		return out, nil
	}
	sh, err := pg.tk.Shares().Preview(r.Context(), p.Name, d, "", typed)
	if err != nil {
		return out, nil
	}
	return out, &review.CountResult{Channel: sh.Channel, WeightedLength: sh.Count, Limit: sh.Limit, Valid: sh.Fits}
}

// shareable are the images a contributor may post with a topic: its cards, and the
// carousel LinkedIn takes as a document (the link preview's image comes with the link).
func shareable(ms []record.Media) []record.Media {
	return slices.DeleteFunc(slices.Clone(ms), func(m record.Media) bool { return m.Key == "" || m.Kind == record.MediaPreview })
}

// Share records the user's share of a topic on ?channel= (absent, the topic's own) with ?text= (their version as
// edited on the page; absent, the saved one) and sends the browser to the channel's
// composer: X's intent with the whole text, LinkedIn's dialog with the user's link. A
// text the brand rules refuse, or one the channel would not take, is shown on the topic
// page with why, kept as typed.
func (pg *Topics) Share(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, err := pg.acc.Visible(r, p)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	// A GET records the share, so another site must not make one in the user's name: a
	// link from elsewhere shows the topic instead (a calendar reminder's link sends no
	// Sec-Fetch-Site other than "none").
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		http.Redirect(w, r, "/ui/topics/"+url.PathEscape(d.ID), http.StatusSeeOther)
		return
	}
	q := r.URL.Query()
	ch, text := q.Get("channel"), strings.TrimSpace(review.UnixLines(q.Get("text")))
	sh, err := pg.tk.Shares().Preview(r.Context(), p.Name, d, ch, text)
	switch {
	case errs.KindOf(err) == errs.Rejected:
		pg.refused(w, r, p, d, text, "Not shared: ", err)
		return
	case err != nil:
		pg.Error(w, r, p, err)
		return
	}
	to := sh.IntentURL
	if sh.Channel == string(channel.LinkedIn) && sh.Fits && sh.URL != "" {
		to = linkedInShare + url.QueryEscape(sh.URL)
	}
	if to == "" {
		pg.refused(w, r, p, d, text, "Not shared: ", errs.E("pages.Share", errs.Rejected, shareRefusal(sh)))
		return
	}
	if _, err := pg.tk.Shares().Share(r.Context(), p.Name, d, ch, text); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// shareRefusal says why a share has no composer to open.
func shareRefusal(sh *shares.Share) string {
	switch {
	case sh.URL == "":
		return "this topic has no web page to link to"
	case !sh.Fits:
		return "with your link it is " + strconv.Itoa(sh.Count) + " of " + strconv.Itoa(sh.Limit) + " on " + sh.Channel + "; shorten it"
	}
	return sh.Channel + " has no share dialog that takes the text: copy it and post it there"
}

type mySharesView struct {
	Shares []myShare
	Clicks int64
	Convs  int64
}

type myShare struct {
	shares.MyShare
	Topic *record.Derivative // nil when the topic is gone
}

// MyShares is what the user shared, where and when, and what each link brought.
func (pg *Topics) MyShares(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	mine, err := pg.tk.Shares().Mine(r.Context(), p.Name)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	ids := make([]string, 0, len(mine.Shares))
	for _, s := range mine.Shares {
		ids = append(ids, s.Topic)
	}
	ds, err := pg.tk.Record().Derivatives(r.Context(), ids)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	var v mySharesView
	for _, s := range mine.Shares {
		row := myShare{MyShare: s}
		if i := slices.IndexFunc(ds, func(d record.Derivative) bool { return d.ID == s.Topic }); i >= 0 {
			row.Topic = &ds[i]
		}
		v.Shares = append(v.Shares, row)
		v.Clicks += s.Clicks
		v.Convs += s.Conversions
	}
	pg.render(w, r, http.StatusOK, "shares", view{Title: "My shares", User: p, Data: v})
}

type leaderboardView struct {
	Board  *shares.Leaderboard
	Days   []choice
	Groups []string
	OptOut bool
	Me     string
}

var dayChoices = []choice{{"7", "Last 7 days"}, {"30", "Last 30 days"}, {"90", "Last 90 days"}, {"365", "Last year"}}

// Leaderboard ranks people over ?days= in ?group= (a team or region), with the user's
// switch to stay off it.
func (pg *Topics) Leaderboard(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	q := r.URL.Query()
	board, err := pg.tk.Shares().Leaderboard(r.Context(), q.Get("group"), q.Get("days"))
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	set, err := pg.tk.Shares().Settings(r.Context(), p.Name)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v := leaderboardView{Board: board, Days: dayChoices, OptOut: set.LeaderboardOptOut, Me: p.Name}
	for _, u := range pg.cfg.File.Users {
		for _, g := range append([]string{u.Team}, u.Regions...) {
			if g != "" && !slices.Contains(v.Groups, g) {
				v.Groups = append(v.Groups, g)
			}
		}
	}
	slices.Sort(v.Groups)
	pg.render(w, r, http.StatusOK, "leaderboard", view{Title: "Leaderboard", User: p, Data: v})
}

// SaveSharing sets the user's leaderboard opt-out from the leaderboard's form.
func (pg *Topics) SaveSharing(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	out := r.FormValue("leaderboard") == "off"
	if _, err := pg.tk.Shares().SetSettings(r.Context(), p.Name, shares.Settings{LeaderboardOptOut: out}); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/leaderboard", http.StatusSeeOther)
}
