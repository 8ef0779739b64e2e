// Package review is marketing's and contributors' work on derivatives: approving and
// rejecting them, editing their words, claiming topics and saving a contributor's own
// version. It serves no HTTP: callers pass who acts as plain values, and errors are
// errs.Error kinds.
package review

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// Service reviews derivatives kept in a record.
type Service struct {
	rec *record.Store
	cfg *config.Config
	loc config.Location // where rewrites are kept: the toolkit bucket's prefix
	now func() time.Time
}

// New returns the review service over rec; now is the clock.
func New(rec *record.Store, cfg *config.Config, now func() time.Time) *Service {
	return &Service{rec: rec, cfg: cfg, loc: cfg.Infra.Toolkit, now: now}
}

// ApproveSource approves every draft derivative of a source's current version.
func (r *Service) ApproveSource(ctx context.Context, id, by string) (*record.Source, error) {
	s, _, err := r.DecideDrafts(ctx, id, record.Approved, by, func(record.Derivative) bool { return true })
	return s, err
}

// DecideDrafts approves or rejects, in one step, the drafts of a source's current
// version that match (all of one kind on one channel, say), and answers how many it
// decided. Derivatives already decided keep their verdict.
func (r *Service) DecideDrafts(ctx context.Context, id string, status record.ReviewStatus, by string, match func(record.Derivative) bool) (*record.Source, int, error) {
	n := 0
	s, err := r.review(ctx, id, by, func(ds []record.Derivative) map[string]record.ReviewStatus {
		out := map[string]record.ReviewStatus{}
		for _, d := range ds {
			if d.Status == record.Draft && match(d) {
				out[d.ID] = status
			}
		}
		n = len(out)
		return out
	})
	return s, n, err
}

// Decide approves or rejects one derivative.
func (r *Service) Decide(ctx context.Context, derivID string, status record.ReviewStatus, by string) (*record.Derivative, error) {
	d, err := r.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if _, err := r.review(ctx, d.SourceID, by, func([]record.Derivative) map[string]record.ReviewStatus {
		return map[string]record.ReviewStatus{derivID: status}
	}); err != nil {
		return nil, err
	}
	return r.rec.Derivative(ctx, derivID)
}

// review applies decisions to a source's current version: record first, then index.
func (r *Service) review(ctx context.Context, id, by string, decide func([]record.Derivative) map[string]record.ReviewStatus) (*record.Source, error) {
	var out *record.Source
	err := r.rec.Locks().WithLock(ctx, "source:"+id, func() error {
		s, err := r.rec.Source(ctx, id)
		if err != nil {
			return err
		}
		if s.Withdrawn() {
			return record.ErrWithdrawn
		}
		if s.Version == "" {
			return errs.E("review.review", errs.Conflict, fmt.Sprintf("source %s has no derivatives yet (status %s)", id, s.Status))
		}
		b, err := r.rec.Bundle(ctx, s)
		if err != nil {
			return err
		}
		apr, err := r.rec.Approvals(ctx, id, s.Version)
		if err != nil {
			return err
		}
		changes := decide(r.rec.Views(s, b, apr))
		approving := false
		for _, st := range changes {
			approving = approving || st == record.Approved
		}
		if approving && s.LinkTarget == "public_page" && !r.cfg.File.PublicPagesOn() {
			return errs.E("review.review", errs.Conflict, "these derivatives have no link to send readers to: add canonical_url to the document's front matter or a landing_page to its campaign, or turn public_pages on")
		}
		for did, st := range changes {
			apr.Decisions[did] = record.Decision{Status: st, By: by, At: r.now()}
		}
		if err := r.rec.PutApprovals(ctx, id, s.Version, apr); err != nil {
			return err
		}
		if approving && !s.Approved {
			s.Approved = true
			s.UpdatedAt = r.now()
			if err := r.rec.PutSource(ctx, s); err != nil {
				return err
			}
		}
		out = s
		return r.rec.Index(ctx, s, b, apr)
	})
	if errors.Is(err, errs.NotFound) {
		return nil, errs.E("review.review", errs.NotFound, "")
	}
	if err == nil {
		r.rec.Replan(ctx, id, "reviewed")
	}
	return out, err
}
