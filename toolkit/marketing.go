package toolkit

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Marketing's work on a source beyond review: editing a derivative, re-running a source,
// withdrawing it, and the campaign settings behind it all.

// EditError is an edit that cannot be stored as written: Code names why for scripts,
// Reason for people.
type EditError struct{ Code, Reason string }

func (e *EditError) Error() string { return e.Reason }

// EditDerivative replaces a derivative's post with a person's text. The text must pass
// the brand rules (a banned phrase refuses it; names are spelled canonically) and be
// valid on the derivative's channel with its link (added where the original has it when
// the text leaves it out) and room for the disclosure. An approved derivative goes back
// to draft: someone must approve the new words.
func (t *Toolkit) EditDerivative(ctx context.Context, derivID, text, by string) (*Derivative, error) {
	d, err := t.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if d.Kind == channel.KindThread || d.Blog != nil || len(d.Parts) > 0 {
		return nil, &EditError{Code: "not_editable", Reason: fmt.Sprintf("a %s cannot be edited here yet; only single posts and snippets can", d.Kind)}
	}
	text = strings.TrimSpace(unixLines(text))
	if text == "" {
		return nil, &EditError{Code: "empty", Reason: "the edited text is empty"}
	}
	_, camp := t.cfg.File.Campaign(d.Campaign)
	brand := t.cfg.File.BrandFor(camp)
	if p := derive.BannedPhrase(brand, text); p != "" {
		return nil, &EditError{Code: "banned_phrase", Reason: fmt.Sprintf("the text holds %q, which the brand rules ban; reword it", p)}
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
			if disp := channel.Render(d.Channel, channel.LinkSlot, l).Text; disp != "" && disp != l {
				tpl = strings.ReplaceAll(tpl, disp, channel.LinkSlot)
			}
		}
		tpl = withSlot(tpl, d.Template)
	}
	tpl = derive.Spell(brand, tpl)
	opt := derive.RefitOptions{MastodonLimit: t.cfg.File.Channels.MastodonLimit, Disclosure: brand.Disclosure}
	fitted, length, ok := derive.Refit(d.Channel, tpl, link, opt)
	if !ok || fitted != tpl {
		rendered := channel.Render(d.Channel, tpl, link).Text
		room := ""
		if brand.Disclosure != "" {
			rendered += " " + brand.Disclosure
			room = fmt.Sprintf(", with room for the disclosure %q", brand.Disclosure)
		}
		c, _ := Count(&t.cfg.File, d.Channel, rendered)
		return nil, &EditError{Code: "over_limit", Reason: fmt.Sprintf("the text is too long for %s: %d of %d (counted by %s's rules with the link%s); shorten it",
			d.Channel, c.WeightedLength, c.Limit, d.Channel, room)}
	}
	post := channel.Render(d.Channel, tpl, link)
	err = t.WithLock(ctx, "source:"+d.SourceID, func() error {
		s, b, apr, err := t.current(ctx, d.SourceID)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(b.Derivatives, func(x derive.Derivative) bool { return x.ID == derivID }) {
			return ErrNotFound // an earlier version's derivative
		}
		if apr.Edits == nil {
			apr.Edits = map[string]Edit{}
		}
		apr.Edits[derivID] = Edit{Template: tpl, Text: post.Text, Length: length, Facets: post.Facets, By: by, At: t.now()}
		if apr.Decisions[derivID].Status == Approved {
			apr.Decisions[derivID] = Decision{Status: Draft, By: by, At: t.now()}
		}
		if err := t.putJSON(ctx, t.approvalsKey(s.ID, s.Version), apr); err != nil {
			return err
		}
		return t.index(ctx, s, b, apr)
	})
	if err != nil {
		return nil, err
	}
	t.replan(ctx, d.SourceID, "edited") // new words need approving before they go out
	return t.Derivative(ctx, derivID)
}

// current reads a source that is not withdrawn, with its current bundle and reviews.
func (t *Toolkit) current(ctx context.Context, id string) (*Source, *Bundle, *Approvals, error) {
	s, err := t.Source(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	if s.Withdrawn() {
		return nil, nil, nil, errWithdrawn
	}
	if s.Version == "" {
		return nil, nil, nil, &ConflictError{Reason: fmt.Sprintf("source %s has no derivatives yet (status %s)", id, s.Status)}
	}
	b, err := t.Bundle(ctx, s)
	if err != nil {
		return nil, nil, nil, err
	}
	apr, err := t.approvals(ctx, id, s.Version)
	return s, b, apr, err
}

var errWithdrawn = &ConflictError{Reason: "this source was withdrawn; re-run it or upload a new version to bring it back"}

// Withdraw takes a source back: the record says so, its derivatives and translations
// leave the index (no contributor, feed or snippet export sees them), and claims on them
// are released. Reindex keeps it withdrawn; a new version, or a re-run, brings it back.
func (t *Toolkit) Withdraw(ctx context.Context, id, by string) (*Source, error) {
	var out *Source
	err := t.WithLock(ctx, "source:"+id, func() error {
		s, err := t.Source(ctx, id)
		if err != nil {
			return err
		}
		if !s.Withdrawn() {
			s.Status, s.Error, s.WithdrawnBy, s.WithdrawnAt, s.UpdatedAt = StatusWithdrawn, "", by, t.now(), t.now()
			if err := t.putJSON(ctx, t.sourceKey(id), s); err != nil {
				return err
			}
		}
		out = s
		return t.unindex(ctx, s)
	})
	if err == nil {
		t.replan(ctx, id, "withdrawn") // its scheduled posts are cancelled
	}
	return out, err
}

// unindex shows a withdrawn source with none of its derivatives, translations or claims.
func (t *Toolkit) unindex(ctx context.Context, s *Source) error {
	ids, err := t.rdb.SMembers(ctx, keySourceDerivs(s.ID)).Result()
	if err != nil {
		return err
	}
	if err := t.index(ctx, s, nil, nil); err != nil {
		return err
	}
	if err := t.indexDerivatives(ctx, s, nil); err != nil {
		return err
	}
	if err := t.indexTranslations(ctx, &Source{ID: s.ID}); err != nil { // no version: none
		return err
	}
	for _, d := range ids {
		if err := t.rdb.Del(ctx, keyClaim(d)).Err(); err != nil {
			return err
		}
	}
	return nil
}

// Rerun queues the source's inbox object again, even when that version was processed
// already: the worker derives it anew (with the current configuration) and stores it.
// It reports whether a task was queued.
func (t *Toolkit) Rerun(ctx context.Context, id string) (*Source, bool, error) {
	if t.enq == nil {
		return nil, false, &ConflictError{Reason: "this toolkit process cannot queue work"}
	}
	s, err := t.Source(ctx, id)
	if err != nil {
		return nil, false, err
	}
	info, err := t.s3.Head(ctx, s.Bucket, s.Key)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, false, &ConflictError{Reason: fmt.Sprintf("%s is no longer in the inbox; upload it again", s.Key)}
	}
	if err != nil {
		return nil, false, err
	}
	in := tasks.Ingest{Bucket: s.Bucket, Key: s.Key, ETag: info.ETag, Size: info.Size}
	var out *Source
	if err := t.WithLock(ctx, "source:"+id, func() error {
		cur, err := t.indexedSource(ctx, id)
		if errors.Is(err, ErrNotFound) {
			cur = s
		} else if err != nil {
			return err
		}
		cur.Status, cur.Error, cur.UpdatedAt = StatusQueued, "", t.now()
		out = cur
		return t.indexSource(ctx, cur) // progress shows in the index; the record changes with the outcome
	}); err != nil {
		return nil, false, err
	}
	queued, err := t.enq.EnqueueRerun(ctx, in, t.now().UnixNano())
	return out, queued, err
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
	s, queued, err := t.Rerun(r.Context(), r.PathValue("id"))
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"source": s, "queued": queued})
}

func (t *Toolkit) withdrawSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, err := t.Withdraw(r.Context(), r.PathValue("id"), p.Name)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"source": s})
}

// Pages and forms.

func (t *Toolkit) uiEdit(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.EditDerivative(r.Context(), r.PathValue("id"), r.FormValue("text"), p.Name)
	var bad *EditError
	if errors.As(err, &bad) {
		t.render(w, r, http.StatusUnprocessableEntity, "error", view{Title: "Not saved", User: p, Error: "Not saved: " + bad.Reason})
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
	if _, _, err := t.Rerun(r.Context(), id); err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+id, http.StatusSeeOther)
}

// uiWithdraw asks first: only a form posted with confirm=yes withdraws.
func (t *Toolkit) uiWithdraw(w http.ResponseWriter, r *http.Request, p *Principal) {
	id := r.PathValue("id")
	if r.FormValue("confirm") != "yes" {
		s, err := t.Source(r.Context(), id)
		if err != nil {
			t.uiError(w, r, p, err)
			return
		}
		t.render(w, r, http.StatusOK, "withdraw", view{Title: "Withdraw " + s.Key, User: p, Data: s})
		return
	}
	if _, err := t.Withdraw(r.Context(), id, p.Name); err != nil {
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
