package toolkit

import (
	"context"
	"errors"
	"fmt"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// ApproveSource approves every draft derivative of a source's current version.
func (t *Toolkit) ApproveSource(ctx context.Context, id, by string) (*record.Source, error) {
	return t.review(ctx, id, by, func(ds []record.Derivative) map[string]record.ReviewStatus {
		out := map[string]record.ReviewStatus{}
		for _, d := range ds {
			if d.Status == record.Draft {
				out[d.ID] = record.Approved
			}
		}
		return out
	})
}

// Decide approves or rejects one derivative.
func (t *Toolkit) Decide(ctx context.Context, derivID string, status record.ReviewStatus, by string) (*record.Derivative, error) {
	d, err := t.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if _, err := t.review(ctx, d.SourceID, by, func([]record.Derivative) map[string]record.ReviewStatus {
		return map[string]record.ReviewStatus{derivID: status}
	}); err != nil {
		return nil, err
	}
	return t.rec.Derivative(ctx, derivID)
}

// review applies decisions to a source's current version: record first, then index.
func (t *Toolkit) review(ctx context.Context, id, by string, decide func([]record.Derivative) map[string]record.ReviewStatus) (*record.Source, error) {
	var out *record.Source
	err := t.rec.WithLock(ctx, "source:"+id, func() error {
		s, err := t.rec.Source(ctx, id)
		if err != nil {
			return err
		}
		if s.Withdrawn() {
			return record.ErrWithdrawn
		}
		if s.Version == "" {
			return errs.E("toolkit.review", errs.Conflict, fmt.Sprintf("source %s has no derivatives yet (status %s)", id, s.Status))
		}
		b, err := t.rec.Bundle(ctx, s)
		if err != nil {
			return err
		}
		apr, err := t.rec.Approvals(ctx, id, s.Version)
		if err != nil {
			return err
		}
		changes := decide(t.rec.Views(s, b, apr))
		approving := false
		for _, st := range changes {
			approving = approving || st == record.Approved
		}
		if approving && s.LinkTarget == "public_page" && !t.cfg.File.PublicPagesOn() {
			return errs.E("toolkit.review", errs.Conflict, "these derivatives have no link to send readers to: add canonical_url to the document's front matter or a landing_page to its campaign, or turn public_pages on")
		}
		for did, st := range changes {
			apr.Decisions[did] = record.Decision{Status: st, By: by, At: t.now()}
		}
		if err := t.rec.PutApprovals(ctx, id, s.Version, apr); err != nil {
			return err
		}
		if approving && !s.Approved {
			s.Approved = true
			s.UpdatedAt = t.now()
			if err := t.rec.PutSource(ctx, s); err != nil {
				return err
			}
		}
		out = s
		return t.rec.Index(ctx, s, b, apr)
	})
	if errors.Is(err, errs.NotFound) {
		return nil, errs.E("toolkit.review", errs.NotFound, "")
	}
	if err == nil {
		t.rec.Replan(ctx, id, "reviewed")
	}
	return out, err
}
