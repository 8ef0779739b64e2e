package toolkit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
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

func (t *Toolkit) rewriteKey(derivID, user string) string {
	sum := sha256.Sum256([]byte(user)) // any name, one safe key
	return t.loc.Prefix + "rewrites/" + derivID + "/" + hex.EncodeToString(sum[:8]) + ".json"
}

// SaveRewrite stores user's version of a topic they hold the claim on. The brand's
// banned phrases refuse it, names are spelled canonically, the disclosure must be in it,
// and it must be valid on the channel by the channel's own counting rules.
func (t *Toolkit) SaveRewrite(ctx context.Context, d *Derivative, user, text string) (*Rewrite, error) {
	holders, err := t.claimants(ctx, []string{d.ID})
	if err != nil {
		return nil, err
	}
	switch h := holders[d.ID]; {
	case h == "":
		return nil, &ConflictError{Reason: "claim this topic before saving your version of it"}
	case h != user:
		return nil, &ConflictError{Reason: "this topic is claimed by " + h}
	}
	if len(d.Parts) > 0 || d.Blog != nil {
		return nil, &EditError{Code: "not_editable", Reason: fmt.Sprintf("a %s cannot be rewritten here; share it as it is", d.Kind)}
	}
	text = strings.TrimSpace(unixLines(text))
	if text == "" {
		return nil, &EditError{Code: "empty", Reason: "your version is empty"}
	}
	_, camp := t.cfg.File.Campaign(d.Campaign)
	brand := t.cfg.File.BrandFor(camp)
	if p := derive.BannedPhrase(brand, text); p != "" {
		return nil, &EditError{Code: "banned_phrase", Reason: fmt.Sprintf("your version holds %q, which the brand rules ban; reword it", p)}
	}
	if brand.Disclosure != "" && !strings.Contains(strings.ToLower(text), strings.ToLower(brand.Disclosure)) {
		return nil, &EditError{Code: "disclosure_missing", Reason: fmt.Sprintf("add the disclosure %q: a post about the company from your own account must say you work here", brand.Disclosure)}
	}
	if d.Backlink != "" { // spelling rules never touch the link
		text = strings.ReplaceAll(derive.Spell(brand, strings.ReplaceAll(text, d.Backlink, channel.LinkSlot)), channel.LinkSlot, d.Backlink)
	} else {
		text = derive.Spell(brand, text)
	}
	rw := &Rewrite{DerivativeID: d.ID, By: user, Text: text, Channel: string(d.Channel), At: t.now()}
	if c, err := Count(&t.cfg.File, d.Channel, text); err == nil {
		rw.Count = &c
		if !c.Valid {
			return nil, &EditError{Code: "over_limit", Reason: fmt.Sprintf("your version is too long for %s: %d of %d, counted by %s's rules; shorten it",
				d.Channel, c.WeightedLength, c.Limit, d.Channel)}
		}
	}
	return rw, t.putJSON(ctx, t.rewriteKey(d.ID, user), rw)
}

// unixLines turns a form's CRLF line ends into the LF every counter expects.
func unixLines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// rewrite reads user's saved version of a derivative; nil when there is none.
func (t *Toolkit) rewrite(ctx context.Context, derivID, user string) (*Rewrite, error) {
	var rw Rewrite
	err := t.getJSON(ctx, t.rewriteKey(derivID, user), &rw)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &rw, nil
}

// API: GET and PUT /api/v1/topics/{id}/rewrite, the caller's own version.

func (t *Toolkit) getRewrite(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.visibleTopic(r, p)
	if t.failed(w, r, err) {
		return
	}
	rw, err := t.rewrite(r.Context(), d.ID, p.Name)
	if t.failed(w, r, err) {
		return
	}
	if rw == nil {
		writeError(w, http.StatusNotFound, "not_found", "you have saved no version of this topic")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rewrite": rw})
}

func (t *Toolkit) putRewrite(w http.ResponseWriter, r *http.Request, p *Principal) {
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
	d, err := t.visibleTopic(r, p)
	if t.failed(w, r, err) {
		return
	}
	rw, err := t.SaveRewrite(r.Context(), d, p.Name, req.Text)
	if t.failed(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"rewrite": rw})
}
