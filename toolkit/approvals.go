package toolkit

import (
	"context"
	"errors"
	"fmt"

	"github.com/repurpose/repurpose/errs"
)

// ApproveSource approves every draft derivative of a source's current version.
func (t *Toolkit) ApproveSource(ctx context.Context, id, by string) (*Source, error) {
	return t.review(ctx, id, by, func(ds []Derivative) map[string]string {
		out := map[string]string{}
		for _, d := range ds {
			if d.Status == Draft {
				out[d.ID] = Approved
			}
		}
		return out
	})
}

// Decide approves or rejects one derivative.
func (t *Toolkit) Decide(ctx context.Context, derivID, status, by string) (*Derivative, error) {
	d, err := t.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if _, err := t.review(ctx, d.SourceID, by, func([]Derivative) map[string]string {
		return map[string]string{derivID: status}
	}); err != nil {
		return nil, err
	}
	return t.Derivative(ctx, derivID)
}

// review applies decisions to a source's current version: record first, then index.
func (t *Toolkit) review(ctx context.Context, id, by string, decide func([]Derivative) map[string]string) (*Source, error) {
	var out *Source
	err := t.WithLock(ctx, "source:"+id, func() error {
		s, err := t.Source(ctx, id)
		if err != nil {
			return err
		}
		if s.Withdrawn() {
			return errWithdrawn
		}
		if s.Version == "" {
			return errs.E("toolkit.review", errs.Conflict, fmt.Sprintf("source %s has no derivatives yet (status %s)", id, s.Status))
		}
		b, err := t.Bundle(ctx, s)
		if err != nil {
			return err
		}
		apr, err := t.approvals(ctx, id, s.Version)
		if err != nil {
			return err
		}
		changes := decide(views(s, b, apr, t.cfg.File.Tracking))
		approving := false
		for _, st := range changes {
			approving = approving || st == Approved
		}
		if approving && s.LinkTarget == "public_page" && !t.cfg.File.PublicPagesOn() {
			return errs.E("toolkit.review", errs.Conflict, "these derivatives have no link to send readers to: add canonical_url to the document's front matter or a landing_page to its campaign, or turn public_pages on")
		}
		for did, st := range changes {
			apr.Decisions[did] = Decision{Status: st, By: by, At: t.now()}
		}
		if err := t.putJSON(ctx, t.approvalsKey(id, s.Version), apr); err != nil {
			return err
		}
		if approving && !s.Approved {
			s.Approved = true
			s.UpdatedAt = t.now()
			if err := t.putJSON(ctx, t.sourceKey(id), s); err != nil {
				return err
			}
		}
		out = s
		return t.index(ctx, s, b, apr)
	})
	if errors.Is(err, errs.NotFound) {
		return nil, errs.E("toolkit.review", errs.NotFound, "")
	}
	if err == nil {
		t.replan(ctx, id, "reviewed")
	}
	return out, err
}
