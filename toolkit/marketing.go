package toolkit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
)

// Marketing's work on a source beyond review: editing a derivative, re-running a source,
// withdrawing it, and the campaign settings behind it all.

// API handlers.

func (t *Toolkit) editDerivative(w http.ResponseWriter, r *http.Request, p *Principal) {
	var req struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, maxCountBody)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", `send {"text": "..."} as JSON`)
		return
	}
	if refuseLongText(w, req.Text) {
		return
	}
	d, err := t.reviews.EditDerivative(r.Context(), r.PathValue("id"), req.Text, p.Name)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"derivative": d})
}

func (t *Toolkit) rerunSource(w http.ResponseWriter, r *http.Request, _ *Principal) {
	s, queued, err := t.rec.Rerun(r.Context(), r.PathValue("id"))
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"source": s, "queued": queued})
}

func (t *Toolkit) withdrawSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, err := t.rec.Withdraw(r.Context(), r.PathValue("id"), p.Name)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"source": s})
}

// Pages and forms.

func (t *Toolkit) uiEdit(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.reviews.EditDerivative(r.Context(), r.PathValue("id"), r.FormValue("text"), p.Name)
	if errs.KindOf(err) == errs.Rejected {
		t.render(w, r, http.StatusUnprocessableEntity, "error", view{Title: "Not saved", User: p, Error: "Not saved: " + errs.Message(err)})
		return
	}
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+d.SourceID+"#d-"+d.ID, http.StatusSeeOther)
}

func (t *Toolkit) uiRerun(w http.ResponseWriter, r *http.Request, p *Principal) {
	id := r.PathValue("id")
	if _, _, err := t.rec.Rerun(r.Context(), id); err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+id, http.StatusSeeOther)
}

// uiWithdraw asks first: only a form posted with confirm=yes withdraws.
func (t *Toolkit) uiWithdraw(w http.ResponseWriter, r *http.Request, p *Principal) {
	id := r.PathValue("id")
	if r.FormValue("confirm") != "yes" {
		s, err := t.rec.Source(r.Context(), id)
		if err != nil {
			t.uiError(w, r, p, err)
			return
		}
		t.render(w, r, http.StatusOK, "withdraw", view{Title: "Withdraw " + s.Key, User: p, Data: s})
		return
	}
	if _, err := t.rec.Withdraw(r.Context(), id, p.Name); err != nil {
		t.uiError(w, r, p, err)
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

func (t *Toolkit) uiCampaigns(w http.ResponseWriter, r *http.Request, p *Principal) {
	f := &t.cfg.File
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
	t.render(w, r, http.StatusOK, "campaigns", view{Title: "Campaigns", User: p, Data: out})
}
