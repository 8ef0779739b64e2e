package record

import (
	"context"
	"errors"
	"slices"
	"sort"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// Intake is how inbox documents become sources: queued, processing, saved or failed,
// and the processed markers that keep a version from being handled twice.
type Intake struct{ st *Store }

// Intake is the record's intake of inbox documents.
func (st *Store) Intake() *Intake { return &Intake{st: st} }

// Queue asks for an inbox object to be ingested and shows it as queued. It reports
// false when that version was already queued, running or done.
func (it *Intake) Queue(ctx context.Context, in tasks.Ingest) (bool, error) {
	st := it.st
	if err := it.setStatus(ctx, in, StatusQueued); err != nil {
		return false, err
	}
	return st.enq.EnqueueIngest(ctx, in)
}

// MarkProcessing shows an inbox object as being worked on.
func (it *Intake) MarkProcessing(ctx context.Context, in tasks.Ingest) error {
	return it.setStatus(ctx, in, StatusProcessing)
}

// setStatus shows transient progress in the index only: the S3 record changes when the
// outcome is known.
func (it *Intake) setStatus(ctx context.Context, in tasks.Ingest, status SourceStatus) error {
	st := it.st
	id := tasks.SourceID(in.Bucket, in.Key)
	etag := tasks.NormalizeETag(in.ETag)
	return st.locks.WithLock(ctx, "source:"+id, func() error {
		s, err := st.IndexedSource(ctx, id)
		if errors.Is(err, errs.NotFound) {
			s = &Source{ID: id, Bucket: in.Bucket, Key: in.Key, CreatedAt: st.now()}
		} else if err != nil {
			return err
		}
		if status == StatusQueued && (s.Status == StatusProcessing ||
			s.ETag == etag && (s.Status == StatusReady || s.Status == StatusFailed || s.Withdrawn())) {
			return nil // already further along
		}
		s.Status, s.Error, s.UpdatedAt = status, "", st.now()
		return st.indexSource(ctx, s)
	})
}

// Processed reports whether this ETag of the source was handled already.
func (it *Intake) Processed(ctx context.Context, sourceID, etag string) (bool, error) {
	st := it.st
	_, err := st.s3.Head(ctx, st.loc.Bucket, st.keys.marker(sourceID, etag))
	if errors.Is(err, s3store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// ProcessedETags lists every handled (source, ETag) pair, for scanning the inbox in one pass.
func (it *Intake) ProcessedETags(ctx context.Context) (map[string]bool, error) {
	st := it.st
	done := map[string]bool{}
	prefix := st.keys.markers()
	err := st.s3.List(ctx, st.loc.Bucket, prefix, func(o s3store.Info) error {
		rest := o.Key[len(prefix):]
		done[rest[:len(rest)-len(".json")]] = true
		return nil
	})
	return done, err
}

// MarkerName is how ProcessedETags names a (source, ETag) pair.
func MarkerName(sourceID, etag string) string { return sourceID + "/" + tasks.NormalizeETag(etag) }

func (it *Intake) markProcessed(ctx context.Context, id, etag string, m Marker) error {
	st := it.st
	m.At = st.now()
	return st.PutJSON(ctx, st.keys.marker(id, etag), m)
}

// Fail records that an inbox object could not be used, and why; the reason is shown on
// the source. Derivatives of an earlier good version stay.
func (it *Intake) Fail(ctx context.Context, in tasks.Ingest, reason string) error {
	st := it.st
	id := tasks.SourceID(in.Bucket, in.Key)
	err := st.locks.WithLock(ctx, "source:"+id, func() error {
		s, err := st.Source(ctx, id)
		if errors.Is(err, errs.NotFound) {
			s = &Source{ID: id, Bucket: in.Bucket, Key: in.Key, CreatedAt: st.now()}
		} else if err != nil {
			return err
		}
		s.Status, s.Error, s.ETag, s.Size, s.UpdatedAt = StatusFailed, reason, tasks.NormalizeETag(in.ETag), in.Size, st.now()
		if err := st.PutJSON(ctx, st.keys.source(id), s); err != nil {
			return err
		}
		return st.indexSource(ctx, s)
	})
	if err != nil {
		return err
	}
	return it.markProcessed(ctx, id, in.ETag, Marker{Outcome: StatusFailed})
}

// Save stores a new version's bundle and makes it the source's current one. The same
// bytes again change nothing (a withdrawn source stays withdrawn unless re-run); an
// upload older than the current version is ignored.
func (it *Intake) Save(ctx context.Context, in tasks.Ingest, s *Source, b *Bundle) error {
	st := it.st
	kept := false
	err := st.locks.WithLock(ctx, "source:"+s.ID, func() error {
		cur, err := st.Source(ctx, s.ID)
		if errors.Is(err, errs.NotFound) {
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
			return st.indexSource(ctx, cur)
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
			s.CreatedAt = st.now()
		}
		s.UpdatedAt = st.now()
		if s.ReadyAt.IsZero() {
			s.ReadyAt = s.UpdatedAt
		}
		s.Status, s.Error = StatusReady, ""
		switch {
		case st.cfg.File.Brand.Cards.Off:
			s.Images, s.ImagesReason = "", ""
		case st.enq != nil && b.Media == nil: // rendered by the worker once the source is ready
			s.Images, s.ImagesReason = ImagesPending, ""
		}
		if err := st.PutJSON(ctx, st.keys.bundle(s.ID, b.Version), b); err != nil {
			return err
		}
		apr, err := st.Approvals(ctx, s.ID, b.Version)
		if err != nil {
			return err
		}
		if b.AutoApprove && len(apr.Decisions) == 0 {
			for _, d := range b.Derivatives {
				apr.Decisions[d.ID] = Decision{Status: Approved, By: "campaign:" + b.Campaign, At: st.now()}
			}
			if err := st.PutJSON(ctx, st.keys.approvals(s.ID, b.Version), apr); err != nil {
				return err
			}
			s.Approved = true
		}
		if err := st.PutJSON(ctx, st.keys.source(s.ID), s); err != nil {
			return err
		}
		if err := st.Index(ctx, s, b, apr); err != nil {
			return err
		}
		return st.versionIndexed(ctx, s) // a new version starts with no translations
	})
	if err != nil {
		return err
	}
	if !kept {
		st.Replan(ctx, s.ID, "new version") // the old version's posts go; auto-approved ones come
		if s.Images == ImagesPending {
			st.Files().Queue(ctx, s, "new version")
		}
	}
	return it.markProcessed(ctx, s.ID, in.ETag, Marker{Version: b.Version, Outcome: StatusReady})
}

// Index writes a source and its current bundle into Redis.
// Derivatives go first: whoever sees the source ready finds them there.
// Without a bundle (or once withdrawn) none of the source's media is public.
func (st *Store) Index(ctx context.Context, s *Source, b *Bundle, apr *Approvals) error {
	var public []string
	if b != nil {
		ds := st.Views(s, b, apr)
		s.Drafts = 0
		for _, d := range ds {
			if d.Status == Draft {
				s.Drafts++
			}
		}
		if err := st.indexDerivatives(ctx, s, ds); err != nil {
			return err
		}
		if !s.Withdrawn() {
			public = PublicMediaKeys(ds)
			// The link preview image is the public page's too, once anything is approved.
			if b.Preview != nil && slices.ContainsFunc(ds, func(d Derivative) bool { return d.Status == Approved }) {
				public = appendMediaKeys(public, []Media{*b.Preview})
			}
		}
	}
	if err := st.Files().SetPublic(ctx, SourceMediaOwner(s.ID), public); err != nil {
		return err
	}
	return st.indexSource(ctx, s)
}

// Preview shows a freshly made bundle as the API will before anyone reviews it.
func Preview(s *Source, b *Bundle) []Derivative {
	apr := &Approvals{Decisions: map[string]Decision{}}
	if b.AutoApprove {
		for _, d := range b.Derivatives {
			apr.Decisions[d.ID] = Decision{Status: Approved}
		}
	}
	return Views(s, b, apr, config.Tracking{})
}

// Views joins a bundle's derivatives with their reviews; with tracking on, each one's
// link is its tracked link (the canonical one kept in Canonical).
func Views(s *Source, b *Bundle, apr *Approvals, tr config.Tracking) []Derivative {
	out := make([]Derivative, len(b.Derivatives))
	for i, d := range b.Derivatives {
		v := Derivative{Derivative: d, Status: Draft, SourceID: s.ID, Campaign: s.Campaign, Tags: s.Tags, Regions: s.Regions,
			Media: mediaOf(b, d.ID, d.Backlink != "")}
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

// Views is a bundle's derivatives as this store's index shows them, with their reviews.
func (st *Store) Views(s *Source, b *Bundle, apr *Approvals) []Derivative {
	ds := Views(s, b, apr, st.cfg.File.Tracking)
	for i := range ds {
		withURLs(ds[i].Media, st.cfg.Infra.PublicURL)
	}
	return ds
}

// Bundle reads a source's current bundle from the record.
func (st *Store) Bundle(ctx context.Context, s *Source) (*Bundle, error) {
	var b Bundle
	if err := st.GetJSON(ctx, st.keys.bundle(s.ID, s.Version), &b); err != nil {
		return nil, err
	}
	return &b, nil
}

// Approvals reads the reviews and edits of a source version (none yet: empty).
func (st *Store) Approvals(ctx context.Context, id, version string) (*Approvals, error) {
	apr := &Approvals{}
	err := st.GetJSON(ctx, st.keys.approvals(id, version), apr)
	if err != nil && !errors.Is(err, s3store.ErrNotFound) {
		return nil, err
	}
	if apr.Decisions == nil {
		apr.Decisions = map[string]Decision{}
	}
	return apr, nil
}

// PutApprovals stores the reviews and edits of a source version.
func (st *Store) PutApprovals(ctx context.Context, id, version string, apr *Approvals) error {
	return st.PutJSON(ctx, st.keys.approvals(id, version), apr)
}

// PutSource stores a source's record (the index follows with Index).
func (st *Store) PutSource(ctx context.Context, s *Source) error {
	return st.PutJSON(ctx, st.keys.source(s.ID), s)
}

// versionIndexed lets what follows a source's current version (translations) catch up.
func (st *Store) versionIndexed(ctx context.Context, s *Source) error {
	if st.ext.VersionIndexed == nil {
		return nil
	}
	return st.ext.VersionIndexed(ctx, s)
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
