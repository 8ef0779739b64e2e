package worker

import (
	"context"
	"maps"
	"slices"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/posted"
	"github.com/repurpose/repurpose/record"
)

// Postings is what ingesting reads of what the accounts already have (record.Store has
// it).
type Postings interface {
	Topics(ctx context.Context, f record.TopicFilter, limit int, cursor string) (record.Page[record.Derivative], error)
	IndexedSources(ctx context.Context, ids []string) (map[string]*record.Source, error)
}

// maxPosted bounds how many derivatives of other sources an ingest reads, newest source
// first: about eighty sources' worth at some 25 posts each, a few megabytes of the
// index read in one listing. Lines older than that are long past in the accounts'
// feeds, and the read stays the same size however large the toolkit grows.
const maxPosted = 2000

// postedElsewhere is what the toolkit's other sources already have on the accounts, for
// derive to say none of it again: their derivatives not rejected, of sources neither
// withdrawn (marketing took them back) nor newer than this one (a re-run of an older
// source keeps its lines).
func postedElsewhere(ctx context.Context, p Postings, sourceID string) ([]posted.Source, error) {
	page, err := p.Topics(ctx, record.TopicFilter{}, maxPosted, "")
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{sourceID: true}
	for _, d := range page.Items {
		ids[d.SourceID] = true
	}
	sources, err := p.IndexedSources(ctx, slices.Collect(maps.Keys(ids)))
	if err != nil {
		return nil, err
	}
	self := sources[sourceID]
	var out []posted.Source
	at := map[string]int{}
	for _, d := range page.Items {
		s := sources[d.SourceID]
		if d.SourceID == sourceID || d.Status == record.Rejected || s == nil || s.Withdrawn() ||
			self != nil && s.CreatedAt.After(self.CreatedAt) {
			continue
		}
		k, ok := at[s.ID]
		if !ok {
			k = len(out)
			at[s.ID] = k
			out = append(out, posted.Source{Title: s.Title, Key: s.Key, Posts: map[channel.Name][]string{}})
		}
		out[k].Posts[d.Channel] = append(out[k].Posts[d.Channel], d.Template)
	}
	return out, nil
}
