package review

import (
	"context"
	"fmt"
	"time"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// Claim gives a contributor a topic for the configured time. A topic held by someone else
// is a Conflict naming them and when it frees up.
func (r *Service) Claim(ctx context.Context, derivID, user string) (*record.Derivative, time.Time, error) {
	d, err := r.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, time.Time{}, err
	}
	if d.Status != record.Approved {
		return nil, time.Time{}, errs.E("review.Claim", errs.Conflict, "this topic is not approved yet")
	}
	ttl := r.cfg.File.Limits.ClaimTTL.Std()
	holder, left, err := r.rec.Claims().Take(ctx, derivID, user, ttl)
	if err != nil {
		return nil, time.Time{}, err
	}
	if holder != user {
		return nil, time.Time{}, errs.E("review.Claim", errs.Conflict, fmt.Sprintf("this topic is claimed by %s until %s", holder, r.now().Add(left).Format(time.RFC3339)))
	}
	d.ClaimedBy = user
	return d, r.now().Add(ttl), nil
}

// Release gives a claimed topic back. Only its holder (or an admin, by passing force) may.
func (r *Service) Release(ctx context.Context, derivID, user string, force bool) error {
	holder, err := r.rec.Claims().Holder(ctx, derivID)
	if err != nil || holder == "" {
		return err
	}
	if holder != user && !force {
		return errs.E("review.Release", errs.Conflict, "this topic is claimed by "+holder)
	}
	return r.rec.Claims().Drop(ctx, derivID)
}
