package review

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/derive/brandrules"
	"github.com/repurpose/repurpose/derive/refit"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// EditDerivative replaces a derivative's post with a person's text. The text must pass
// the brand rules (a banned phrase refuses it; names are spelled canonically) and be
// valid on the derivative's channel with its link (added where the original has it when
// the text leaves it out) and room for the disclosure. An approved derivative goes back
// to draft: someone must approve the new words. Its cards (and a carousel they feed) are
// rendered again from the new words by the worker.
func (r *Service) EditDerivative(ctx context.Context, derivID, text, by string) (*record.Derivative, error) {
	d, err := r.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	text, brand, err := r.checkText(d, text, editWords)
	if err != nil {
		return nil, err
	}
	e := r.fitEdit(d, text, brand)
	if !e.ok {
		room := ""
		if brand.Disclosure != "" {
			room = fmt.Sprintf(", with room for the disclosure %q", brand.Disclosure)
		}
		return nil, &errs.Error{Op: "review.EditDerivative", Kind: errs.Rejected, Code: "over_limit", Msg: fmt.Sprintf("the text is too long for %s: %d of %d (counted by %s's rules with the link%s); shorten it",
			d.Channel, e.count.WeightedLength, e.count.Limit, d.Channel, room)}
	}
	tpl, link, length := e.tpl, e.link, e.length
	post := channel.Render(d.Channel, tpl, link)
	var src *record.Source
	err = r.rec.Locks().WithLock(ctx, "source:"+d.SourceID, func() error {
		s, b, apr, err := r.rec.Current(ctx, d.SourceID)
		src = s
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(b.Derivatives, func(x derive.Derivative) bool { return x.ID == derivID }) {
			return errs.E("review.EditDerivative", errs.NotFound, "") // an earlier version's derivative
		}
		if apr.Edits == nil {
			apr.Edits = map[string]record.Edit{}
		}
		apr.Edits[derivID] = record.Edit{Template: tpl, Text: post.Text, Length: length, Facets: post.Facets, By: by, At: r.now()}
		if apr.Decisions[derivID].Status == record.Approved {
			apr.Decisions[derivID] = record.Decision{Status: record.Draft, By: by, At: r.now()}
		}
		if err := r.rec.PutApprovals(ctx, s.ID, s.Version, apr); err != nil {
			return err
		}
		return r.rec.Index(ctx, s, b, apr)
	})
	if err != nil {
		return nil, err
	}
	r.rec.Replan(ctx, d.SourceID, "edited") // new words need approving before they go out
	r.rec.Files().Queue(ctx, src, "edited") // and new cards: the worker renders them
	return r.rec.Derivative(ctx, derivID)
}

// EditCount counts text as EditDerivative would save it as an edit of d: with the link
// it adds where the text leaves it out and room for the disclosure. The review page's
// counter shows this, so it agrees with what a save says.
func (r *Service) EditCount(d *record.Derivative, text string) CountResult {
	_, camp := r.cfg.File.Campaign(d.Campaign)
	return r.fitEdit(d, strings.TrimSpace(UnixLines(text)), r.cfg.File.BrandFor(camp)).count
}

// editFit is an edit's text as kept: its template, the link it is posted with, its
// Length, and its count as the channel sees it with the disclosure after it.
type editFit struct {
	tpl, link string
	length    channel.Length
	count     CountResult
	ok        bool // fits as written
}

// fitEdit makes text an edit of d: the link (as the editor showed it, or the canonical
// one pasted in) becomes the slot, added where the text leaves it out; names are spelled
// the brand's way; and it must fit with room for the disclosure, as written.
func (r *Service) fitEdit(d *record.Derivative, text string, brand config.Brand) editFit {
	tpl := text
	link := cmp.Or(d.Canonical, d.Backlink) // the edit is kept with the document's own link
	if d.Backlink != "" {
		for _, l := range []string{d.Backlink, d.Canonical} {
			if l == "" {
				continue
			}
			tpl = strings.ReplaceAll(tpl, l, channel.LinkSlot)
			// Bluesky shows a shortened display link; the editor shows what the post shows.
			if disp := channel.Render(d.Channel, channel.LinkSlot, l).Text; disp != "" && disp != l {
				tpl = strings.ReplaceAll(tpl, disp, channel.LinkSlot)
			}
		}
		tpl = WithSlot(tpl, d.Template)
	}
	tpl = brandrules.Spell(brand, tpl)
	opt := refit.Options{MastodonLimit: r.cfg.File.Channels.MastodonLimit, Disclosure: brand.Disclosure}
	fitted, length, ok := refit.Post(d.Channel, tpl, link, opt)
	rendered := channel.Render(d.Channel, tpl, link).Text
	if brand.Disclosure != "" {
		rendered += " " + brand.Disclosure
	}
	c, _ := Count(&r.cfg.File, d.Channel, rendered)
	ok = ok && fitted == tpl
	c.Valid = ok
	return editFit{tpl: tpl, link: link, length: length, count: c, ok: ok}
}
