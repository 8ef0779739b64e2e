package pages

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/web/httpx"
)

// Marketing's work on a source beyond review: editing a derivative, re-running a source,
// withdrawing it, and the campaign settings behind it all.

// Edit saves a reviewer's text of a derivative. One the rules refuse is shown on its
// card, in the source's review, with why and with the text as typed, so nothing is lost.
func (pg *Review) Edit(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	id, text, f := r.PathValue("id"), r.FormValue("text"), filterOf(r.URL.Query())
	d, err := pg.tk.Review().EditDerivative(r.Context(), id, text, p.Name)
	if errs.KindOf(err) == errs.Rejected {
		cur, cerr := pg.tk.Record().Derivative(r.Context(), id)
		if cerr != nil {
			pg.Error(w, r, p, cerr)
			return
		}
		status, _, msg := pg.Classify(r, err)
		pg.renderSource(w, r, p, cur.SourceID, f, status, &refusal{ID: id, Text: review.UnixLines(text), Msg: "Not saved: " + msg})
		return
	}
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, f.sourceURL(d.SourceID, "d-"+d.ID), http.StatusSeeOther)
}

// Rerun derives a source again.
func (pg *Review) Rerun(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	id := r.PathValue("id")
	if _, _, err := pg.tk.Record().Rerun(r.Context(), id); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+id, http.StatusSeeOther)
}

// Withdraw asks first: only a form posted with confirm=yes withdraws.
func (pg *Review) Withdraw(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	id := r.PathValue("id")
	if r.FormValue("confirm") != "yes" {
		s, err := pg.tk.Record().Source(r.Context(), id)
		if err != nil {
			pg.Error(w, r, p, err)
			return
		}
		pg.render(w, r, http.StatusOK, "withdraw", view{Title: "Withdraw " + s.Key, User: p, Data: s})
		return
	}
	if _, err := pg.tk.Record().Withdraw(r.Context(), id, p.Name); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+id, http.StatusSeeOther)
}

// campaignView is one configured campaign as the campaigns page shows it.
type campaignView struct {
	Name      string
	Default   bool
	Campaign  config.Campaign
	CTAs      [][2]string
	Brand     config.Brand // the rules in effect
	OwnBrand  bool
	UTMSample string
	Plan      config.Plan // its drip plan
	Regions   []string    // the regions that publish it, with their channels
}

// Campaigns shows each configured campaign and what it sets.
func (pg *Review) Campaigns(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	f := &pg.cfg.File
	var out []campaignView
	for _, n := range f.CampaignNames() {
		c := f.Campaigns[n]
		v := campaignView{Name: n, Default: n == f.DefaultCampaign, Campaign: c, Brand: f.BrandFor(c), OwnBrand: c.Brand != nil,
			UTMSample: fmt.Sprintf("utm_source=%s&utm_medium=%s&utm_campaign=%s&utm_content=%s", c.UTM.Source, c.UTM.Medium, c.UTM.Campaign, c.UTM.Content)}
		for _, stage := range []string{"awareness", "consideration", "decision"} {
			v.CTAs = append(v.CTAs, [2]string{stage, c.CTA[stage]})
		}
		v.Plan = f.Plans[c.Plan]
		for _, reg := range f.Regions {
			if len(reg.Channels) > 0 {
				chs := make([]string, 0, len(reg.Channels))
				for ch := range reg.Channels {
					chs = append(chs, ch)
				}
				slices.Sort(chs)
				v.Regions = append(v.Regions, fmt.Sprintf("%s (%s, %s)", reg.ID, reg.TimeZone, strings.Join(chs, ", ")))
			}
		}
		out = append(out, v)
	}
	pg.render(w, r, http.StatusOK, "campaigns", view{Title: "Campaigns", User: p, Data: out})
}
