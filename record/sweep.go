package record

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/repurpose/repurpose/s3store"
)

// Cleaning up media no derivative lists any more. A card is stored under its content's
// hash and shared by every derivative that shows the same thing, so a file is removed
// only when nothing lists it: not the current version of any source that is not
// withdrawn (its cards, carousels and link preview image), nor any of that version's
// translations. An edit, a translation's re-render, a new version or a withdrawal
// leaves such files behind; Sweep removes them.
//
// A render stores its files before its bundle lists them, so a file can be in the
// bucket, listed by nothing yet, and about to be. Sweep leaves every file younger than
// MediaGrace, and Put stores again (renewing its age) a file it finds older than half
// of it: a file a render has just stored or found stays at least MediaGrace/2 after the
// render, far longer than a render takes to list it. Put and Sweep take the file's lock
// while they look at its age and store or remove it, so neither acts on an age the
// other has just changed.

// MediaGrace is how long a media file is kept after it was stored, listed or not.
const MediaGrace = time.Hour

// MaxSweep bounds the files one sweep removes; the next sweep goes on.
const MaxSweep = 1000

// SweepResult counts what one sweep saw.
type SweepResult struct {
	Files   int // media files in the bucket
	Listed  int // files some derivative lists
	Young   int // unlisted, but younger than the grace period
	Removed int
}

// listed are the keys of every media file a derivative lists: of each source's current
// version that is not withdrawn, and of its translations.
func (f *MediaFiles) listed(ctx context.Context) (map[string]bool, error) {
	st := f.st
	listed := map[string]bool{}
	err := st.Each(ctx, "sources/", func(key string) error {
		var s Source
		if err := st.GetJSON(ctx, key, &s); err != nil {
			return err
		}
		if s.Withdrawn() || s.Version == "" {
			return nil
		}
		b, err := st.Bundle(ctx, &s)
		if errors.Is(err, s3store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, k := range b.MediaKeys() {
			listed[k] = true
		}
		if st.ext.MediaKeys != nil {
			keys, err := st.ext.MediaKeys(ctx, &s)
			if err != nil {
				return err
			}
			for _, k := range keys {
				listed[k] = true
			}
		}
		return nil
	})
	return listed, err
}

// Sweep removes up to MaxSweep media files that nothing lists and that were stored
// more than grace ago (MediaGrace when 0). It removes nothing unless it could read
// every source: a file is never removed on partial knowledge.
func (f *MediaFiles) Sweep(ctx context.Context, grace time.Duration) (SweepResult, error) {
	st := f.st
	var res SweepResult
	if grace <= 0 {
		grace = MediaGrace
	}
	listed, err := f.listed(ctx)
	if err != nil {
		return res, err
	}
	var stale []string
	err = st.s3.List(ctx, st.loc.Bucket, st.loc.Prefix+"media/", func(o s3store.Info) error {
		key := strings.TrimPrefix(o.Key, st.loc.Prefix)
		if !ValidMediaKey(key) {
			return nil
		}
		res.Files++
		switch {
		case listed[key]:
			res.Listed++
		case st.now().Sub(o.LastModified) < grace:
			res.Young++
		case len(stale) < MaxSweep:
			stale = append(stale, key)
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	for _, key := range stale {
		err := st.locks.WithLock(ctx, mediaLock(key), func() error {
			// Stored again since it was listed (a render found it): it stays.
			info, err := st.s3.Head(ctx, st.loc.Bucket, st.loc.Prefix+key)
			if errors.Is(err, s3store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			if st.now().Sub(info.LastModified) < grace {
				res.Young++
				return nil
			}
			if err := st.s3.Delete(ctx, st.loc.Bucket, st.loc.Prefix+key); err != nil {
				return err
			}
			res.Removed++
			return nil
		})
		if err != nil {
			return res, err
		}
	}
	return res, nil
}
