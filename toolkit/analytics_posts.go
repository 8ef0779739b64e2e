package toolkit

import (
	"context"
	"time"

	"github.com/repurpose/repurpose/planstore"
)

// PublishedByCode counts the posts published in [from, to), by link code and UTC day.
func (t *Toolkit) PublishedByCode(ctx context.Context, from, to time.Time) (map[string]map[string]int64, error) {
	out := map[string]map[string]int64{}
	for _, r := range t.cfg.File.Regions {
		items, err := t.plans.Calendar(ctx, r.ID, from, to)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.Code == "" || it.Post == nil || it.Post.State != planstore.Published {
				continue
			}
			if out[it.Code] == nil {
				out[it.Code] = map[string]int64{}
			}
			out[it.Code][it.At.UTC().Format("2006-01-02")]++
		}
	}
	return out, nil
}
