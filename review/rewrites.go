package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/brandrules"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
)

// A rewrite is a contributor's own version of a topic, in their voice, saved for them
// to share from their own account. It is theirs, not the company's: it is not reviewed
// and never reaches feeds or publishing, but it must keep the brand rules, carry the
// disclosure and be valid on the topic's channel, because it goes out under the brand.

// Rewrite is one person's saved version of one derivative.
type Rewrite struct {
	DerivativeID string       `json:"derivative_id"`
	By           string       `json:"by"`
	Text         string       `json:"text"`
	Channel      string       `json:"channel"`
	Count        *CountResult `json:"count,omitempty"` // nil where the channel has no limit
	At           time.Time    `json:"at"`
}

func (r *Service) rewriteKey(derivID, user string) string {
	sum := sha256.Sum256([]byte(user)) // any name, one safe key
	return r.loc.Prefix + "rewrites/" + derivID + "/" + hex.EncodeToString(sum[:8]) + ".json"
}

// SaveRewrite stores user's version of a topic they hold the claim on. The brand's
// banned phrases refuse it, names are spelled canonically, the disclosure must be in it,
// and it must be valid on the channel by the channel's own counting rules.
func (r *Service) SaveRewrite(ctx context.Context, d *record.Derivative, user, text string) (*Rewrite, error) {
	h, err := r.rec.Claims().Holder(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	switch {
	case h == "":
		return nil, errs.E("review.SaveRewrite", errs.Conflict, "claim this topic before saving your version of it")
	case h != user:
		return nil, errs.E("review.SaveRewrite", errs.Conflict, "this topic is claimed by "+h)
	}
	text, err = r.OwnText(d, text)
	if err != nil {
		return nil, err
	}
	rw := &Rewrite{DerivativeID: d.ID, By: user, Text: text, Channel: string(d.Channel), At: r.now()}
	if c, err := Count(&r.cfg.File, d.Channel, text); err == nil {
		rw.Count = &c
		if !c.Valid {
			return nil, &errs.Error{Op: "review.SaveRewrite", Kind: errs.Rejected, Code: "over_limit", Msg: fmt.Sprintf("your version is too long for %s: %d of %d, counted by %s's rules; shorten it",
				d.Channel, c.WeightedLength, c.Limit, d.Channel)}
		}
	}
	return rw, r.rec.PutJSON(ctx, r.rewriteKey(d.ID, user), rw)
}

// OwnText is text as a person's own version of d must be to go out under the brand: no
// banned phrase, names spelled canonically, the disclosure in it; a text that breaks a
// rule is errs.Rejected, saying which. Whether it fits a channel is the caller's to count.
func (r *Service) OwnText(d *record.Derivative, text string) (string, error) {
	text, brand, err := r.checkText(d, text, rewriteWords)
	if err != nil {
		return "", err
	}
	if brand.Disclosure != "" && !strings.Contains(strings.ToLower(text), strings.ToLower(brand.Disclosure)) {
		return "", &errs.Error{Op: "review.SaveRewrite", Kind: errs.Rejected, Code: "disclosure_missing", Msg: fmt.Sprintf("add the disclosure %q: a post about the company from your own account must say you work here", brand.Disclosure)}
	}
	if d.Backlink != "" { // spelling rules never touch the link
		return strings.ReplaceAll(brandrules.Spell(brand, strings.ReplaceAll(text, d.Backlink, channel.LinkSlot)), channel.LinkSlot, d.Backlink), nil
	}
	return brandrules.Spell(brand, text), nil
}

// Rewrite reads user's saved version of a derivative; nil when there is none.
func (r *Service) Rewrite(ctx context.Context, derivID, user string) (*Rewrite, error) {
	var rw Rewrite
	err := r.rec.GetJSON(ctx, r.rewriteKey(derivID, user), &rw)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &rw, nil
}

// Draft is what a contributor starts from: the post with the brand's disclosure added.
func Draft(d *record.Derivative) string {
	if d.Disclosure == "" || strings.Contains(d.Text, d.Disclosure) {
		return d.Text
	}
	return d.Text + " " + d.Disclosure
}

// Own is the person's version of d as they would share it: the one they saved, else the
// draft.
func (r *Service) Own(ctx context.Context, d *record.Derivative, user string) (string, error) {
	rw, err := r.Rewrite(ctx, d.ID, user)
	if err != nil || rw == nil {
		return Draft(d), err
	}
	return rw.Text, nil
}
