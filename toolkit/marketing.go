package toolkit

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/transforms"
)

// Marketing's work on a source beyond review: editing a derivative, re-running a source,
// withdrawing it, and the campaign settings behind it all.

// EditDerivative replaces a derivative's post with a person's text. The text must pass
// the brand rules (a banned phrase refuses it; names are spelled canonically) and be
// valid on the derivative's channel with its link (added where the original has it when
// the text leaves it out) and room for the disclosure. An approved derivative goes back
// to draft: someone must approve the new words.
func (t *Toolkit) EditDerivative(ctx context.Context, derivID, text, by string) (*record.Derivative, error) {
	d, err := t.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if d.Kind == channel.KindThread || d.Blog != nil || len(d.Parts) > 0 {
		return nil, &errs.Error{Op: "toolkit.EditDerivative", Kind: errs.Rejected, Code: "not_editable", Msg: fmt.Sprintf("a %s cannot be edited here yet; only single posts and snippets can", d.Kind)}
	}
	text = strings.TrimSpace(unixLines(text))
	if text == "" {
		return nil, &errs.Error{Op: "toolkit.EditDerivative", Kind: errs.Rejected, Code: "empty", Msg: "the edited text is empty"}
	}
	_, camp := t.cfg.File.Campaign(d.Campaign)
	brand := t.cfg.File.BrandFor(camp)
	if p := transforms.BannedPhrase(brand, text); p != "" {
		return nil, &errs.Error{Op: "toolkit.EditDerivative", Kind: errs.Rejected, Code: "banned_phrase", Msg: fmt.Sprintf("the text holds %q, which the brand rules ban; reword it", p)}
	}
	tpl := text
	link := cmp.Or(d.Canonical, d.Backlink) // the edit is kept with the document's own link
	if d.Backlink != "" {
		for _, l := range []string{d.Backlink, d.Canonical} { // what the editor showed, or the canonical pasted in
			if l == "" {
				continue
			}
			tpl = strings.ReplaceAll(tpl, l, channel.LinkSlot)
			// Bluesky shows a shortened display link; the editor shows what the post shows.
			if disp, _ := transforms.RenderChannel(d.Channel, channel.LinkSlot, l); disp != "" && disp != l {
				tpl = strings.ReplaceAll(tpl, disp, channel.LinkSlot)
			}
		}
		tpl = withSlot(tpl, d.Template)
	}
	tpl = transforms.Spell(brand, tpl)
	opt := transforms.RefitOptions{MastodonLimit: t.cfg.File.Channels.MastodonLimit, Disclosure: brand.Disclosure}
	fitted, length, ok := transforms.Refit(d.Channel, tpl, link, opt)
	if !ok || fitted != tpl {
		rendered, _ := transforms.RenderChannel(d.Channel, tpl, link)
		room := ""
		if brand.Disclosure != "" {
			rendered += " " + brand.Disclosure
			room = fmt.Sprintf(", with room for the disclosure %q", brand.Disclosure)
		}
		c, _ := Count(&t.cfg.File, d.Channel, rendered)
		return nil, &errs.Error{Op: "toolkit.EditDerivative", Kind: errs.Rejected, Code: "over_limit", Msg: fmt.Sprintf("the text is too long for %s: %d of %d (counted by %s's rules with the link%s); shorten it",
			d.Channel, c.WeightedLength, c.Limit, d.Channel, room)}
	}
	out, facets := transforms.RenderChannel(d.Channel, tpl, link)
	err = t.rec.WithLock(ctx, "source:"+d.SourceID, func() error {
		s, b, apr, err := t.rec.Current(ctx, d.SourceID)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(b.Derivatives, func(x transforms.Derivative) bool { return x.ID == derivID }) {
			return errs.E("toolkit.EditDerivative", errs.NotFound, "") // an earlier version's derivative
		}
		if apr.Edits == nil {
			apr.Edits = map[string]record.Edit{}
		}
		apr.Edits[derivID] = record.Edit{Template: tpl, Text: out, Length: length, Facets: facets, By: by, At: t.now()}
		if apr.Decisions[derivID].Status == record.Approved {
			apr.Decisions[derivID] = record.Decision{Status: record.Draft, By: by, At: t.now()}
		}
		if err := t.rec.PutApprovals(ctx, s.ID, s.Version, apr); err != nil {
			return err
		}
		return t.rec.Index(ctx, s, b, apr)
	})
	if err != nil {
		return nil, err
	}
	t.rec.Replan(ctx, d.SourceID, "edited") // new words need approving before they go out
	return t.rec.Derivative(ctx, derivID)
}

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
	d, err := t.EditDerivative(r.Context(), r.PathValue("id"), req.Text, p.Name)
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
	d, err := t.EditDerivative(r.Context(), r.PathValue("id"), r.FormValue("text"), p.Name)
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
