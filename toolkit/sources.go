package toolkit

import (
	"context"
	"errors"
	"slices"
	"sort"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Queue asks for an inbox object to be ingested and shows it as queued. It reports
// false when that version was already queued, running or done.
func (t *Toolkit) Queue(ctx context.Context, in tasks.Ingest) (bool, error) {
	if err := t.setStatus(ctx, in, StatusQueued); err != nil {
		return false, err
	}
	return t.enq.EnqueueIngest(ctx, in)
}

// MarkProcessing shows an inbox object as being worked on.
func (t *Toolkit) MarkProcessing(ctx context.Context, in tasks.Ingest) error {
	return t.setStatus(ctx, in, StatusProcessing)
}

// setStatus shows transient progress in the index only: the S3 record changes when the
// outcome is known.
func (t *Toolkit) setStatus(ctx context.Context, in tasks.Ingest, status string) error {
	id := tasks.SourceID(in.Bucket, in.Key)
	etag := tasks.NormalizeETag(in.ETag)
	return t.WithLock(ctx, "source:"+id, func() error {
		s, err := t.indexedSource(ctx, id)
		if errors.Is(err, ErrNotFound) {
			s = &Source{ID: id, Bucket: in.Bucket, Key: in.Key, CreatedAt: t.now()}
		} else if err != nil {
			return err
		}
		if status == StatusQueued && (s.Status == StatusProcessing ||
			s.ETag == etag && (s.Status == StatusReady || s.Status == StatusFailed || s.Withdrawn())) {
			return nil // already further along
		}
		s.Status, s.Error, s.UpdatedAt = status, "", t.now()
		return t.indexSource(ctx, s)
	})
}

// Processed reports whether this ETag of the source was handled already.
func (t *Toolkit) Processed(ctx context.Context, sourceID, etag string) (bool, error) {
	_, err := t.s3.Head(ctx, t.loc.Bucket, t.markerKey(sourceID, etag))
	if errors.Is(err, s3store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// ProcessedETags lists every handled (source, ETag) pair, for scanning the inbox in one pass.
func (t *Toolkit) ProcessedETags(ctx context.Context) (map[string]bool, error) {
	done := map[string]bool{}
	prefix := t.markerPrefix()
	err := t.s3.List(ctx, t.loc.Bucket, prefix, func(o s3store.Info) error {
		rest := o.Key[len(prefix):]
		done[rest[:len(rest)-len(".json")]] = true
		return nil
	})
	return done, err
}

// MarkerName is how ProcessedETags names a (source, ETag) pair.
func MarkerName(sourceID, etag string) string { return sourceID + "/" + tasks.NormalizeETag(etag) }

func (t *Toolkit) markProcessed(ctx context.Context, id, etag string, m Marker) error {
	m.At = t.now()
	return t.putJSON(ctx, t.markerKey(id, etag), m)
}

// Fail records that an inbox object could not be used, and why; the reason is shown on
// the source. Derivatives of an earlier good version stay.
func (t *Toolkit) Fail(ctx context.Context, in tasks.Ingest, reason string) error {
	id := tasks.SourceID(in.Bucket, in.Key)
	err := t.WithLock(ctx, "source:"+id, func() error {
		s, err := t.Source(ctx, id)
		if errors.Is(err, ErrNotFound) {
			s = &Source{ID: id, Bucket: in.Bucket, Key: in.Key, CreatedAt: t.now()}
		} else if err != nil {
			return err
		}
		s.Status, s.Error, s.ETag, s.Size, s.UpdatedAt = StatusFailed, reason, tasks.NormalizeETag(in.ETag), in.Size, t.now()
		if err := t.putJSON(ctx, t.sourceKey(id), s); err != nil {
			return err
		}
		return t.indexSource(ctx, s)
	})
	if err != nil {
		return err
	}
	return t.markProcessed(ctx, id, in.ETag, Marker{Outcome: StatusFailed})
}

// Save stores a new version's bundle and makes it the source's current one. The same
// bytes again change nothing (a withdrawn source stays withdrawn unless re-run); an
// upload older than the current version is ignored.
func (t *Toolkit) Save(ctx context.Context, in tasks.Ingest, s *Source, b *Bundle) error {
	kept := false
	err := t.WithLock(ctx, "source:"+s.ID, func() error {
		cur, err := t.Source(ctx, s.ID)
		if errors.Is(err, ErrNotFound) {
			cur = nil
		} else if err != nil {
			return err
		}
		if cur != nil && cur.Version != "" && cur.Version != b.Version && cur.ObjectTime.After(s.ObjectTime) {
			return nil // a newer upload already won
		}
		if cur != nil && cur.Withdrawn() && cur.Version == b.Version && !in.Force {
			kept = true
			cur.Status, cur.Error = StatusWithdrawn, "" // instead of "processing"
			return t.indexSource(ctx, cur)
		}
		if cur != nil {
			s.CreatedAt = cur.CreatedAt
			if cur.Version == b.Version {
				s.ReadyAt = cur.ReadyAt
			}
			s.Superseded = cur.Superseded
			s.Approved = cur.Approved && cur.Version == b.Version
			if cur.Version != "" && cur.Version != b.Version {
				s.Superseded = append([]string{cur.Version}, s.Superseded...)
			}
		}
		if s.CreatedAt.IsZero() {
			s.CreatedAt = t.now()
		}
		s.UpdatedAt = t.now()
		if s.ReadyAt.IsZero() {
			s.ReadyAt = s.UpdatedAt
		}
		s.Status, s.Error = StatusReady, ""
		if err := t.putJSON(ctx, t.bundleKey(s.ID, b.Version), b); err != nil {
			return err
		}
		apr, err := t.approvals(ctx, s.ID, b.Version)
		if err != nil {
			return err
		}
		if b.AutoApprove && len(apr.Decisions) == 0 {
			for _, d := range b.Derivatives {
				apr.Decisions[d.ID] = Decision{Status: Approved, By: "campaign:" + b.Campaign, At: t.now()}
			}
			if err := t.putJSON(ctx, t.approvalsKey(s.ID, b.Version), apr); err != nil {
				return err
			}
			s.Approved = true
		}
		if err := t.putJSON(ctx, t.sourceKey(s.ID), s); err != nil {
			return err
		}
		if err := t.index(ctx, s, b, apr); err != nil {
			return err
		}
		return t.indexTranslations(ctx, s) // a new version starts with none
	})
	if err != nil {
		return err
	}
	if !kept {
		t.replan(ctx, s.ID, "new version") // the old version's posts go; auto-approved ones come
	}
	return t.markProcessed(ctx, s.ID, in.ETag, Marker{Version: b.Version, Outcome: StatusReady})
}

// index writes a source and its current bundle into Redis.
// Derivatives go first: whoever sees the source ready finds them there.
func (t *Toolkit) index(ctx context.Context, s *Source, b *Bundle, apr *Approvals) error {
	if b != nil {
		if err := t.indexDerivatives(ctx, s, views(s, b, apr, t.cfg.File.Tracking)); err != nil {
			return err
		}
	}
	return t.indexSource(ctx, s)
}

// Preview shows a freshly made bundle as the API will before anyone reviews it.
func Preview(s *Source, b *Bundle) []Derivative {
	apr := &Approvals{Decisions: map[string]Decision{}}
	if b.AutoApprove {
		for _, d := range b.Derivatives {
			apr.Decisions[d.ID] = Decision{Status: Approved}
		}
	}
	return views(s, b, apr, config.Tracking{})
}

// views joins a bundle's derivatives with their reviews; with tracking on, each one's
// link is its tracked link (the canonical one kept in Canonical).
func views(s *Source, b *Bundle, apr *Approvals, tr config.Tracking) []Derivative {
	out := make([]Derivative, len(b.Derivatives))
	for i, d := range b.Derivatives {
		v := Derivative{Derivative: d, Status: Draft, SourceID: s.ID, Campaign: s.Campaign, Tags: s.Tags, Regions: s.Regions}
		if dec, ok := apr.Decisions[d.ID]; ok {
			v.Status = dec.Status
			if dec.Status == Approved {
				v.ApprovedAt = dec.At
			}
		}
		if e, ok := apr.Edits[d.ID]; ok {
			l := e.Length
			v.Template, v.Text, v.Length, v.Facets, v.EditedBy, v.EditedAt = e.Template, e.Text, &l, e.Facets, e.By, e.At
		}
		if tr.On() && v.Backlink != "" {
			v.Canonical, v.Backlink = v.Backlink, tr.ShortURL+"/r/"+TrackedCode(v.ID, string(v.Channel), "")
			post := channel.Render(v.Channel, v.Template, v.Backlink)
			v.Text, v.Facets = post.Text, post.Facets
			if len(v.Parts) > 0 {
				v.Parts = slices.Clone(v.Parts)
				for j := range v.Parts {
					v.Parts[j].Text = channel.Render(v.Channel, v.Parts[j].Template, v.Backlink).Text
				}
			}
		}
		out[i] = v
	}
	return out
}

// Bundle reads a source's current bundle from the record.
func (t *Toolkit) Bundle(ctx context.Context, s *Source) (*Bundle, error) {
	var b Bundle
	if err := t.getJSON(ctx, t.bundleKey(s.ID, s.Version), &b); err != nil {
		return nil, err
	}
	return &b, nil
}

func (t *Toolkit) approvals(ctx context.Context, id, version string) (*Approvals, error) {
	apr := &Approvals{}
	err := t.getJSON(ctx, t.approvalsKey(id, version), apr)
	if err != nil && !errors.Is(err, s3store.ErrNotFound) {
		return nil, err
	}
	if apr.Decisions == nil {
		apr.Decisions = map[string]Decision{}
	}
	return apr, nil
}

// Counts tallies derivatives by kind, and skipped ones, for the source listing.
func Counts(ds []derive.Derivative, skipped int) map[string]int {
	c := map[string]int{}
	for _, d := range ds {
		c[string(d.Kind)]++
	}
	if skipped > 0 {
		c["skipped"] = skipped
	}
	return c
}

var kindOrder = []string{string(channel.KindTweet), string(channel.KindThread), string(channel.KindLinkedIn), string(channel.KindBlog), string(channel.KindSnippet)}

// sortDerivatives orders derivatives as a bundle does: by kind, then ordinal.
func sortDerivatives(ds []Derivative) {
	rank := func(k string) int {
		if i := slices.Index(kindOrder, k); i >= 0 {
			return i
		}
		return len(kindOrder)
	}
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if rank(string(a.Kind)) != rank(string(b.Kind)) {
			return rank(string(a.Kind)) < rank(string(b.Kind))
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Channel != b.Channel {
			return a.Channel < b.Channel
		}
		return a.Ordinal < b.Ordinal
	})
}
