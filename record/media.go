package record

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// ImagesStatus is how far a source version's images are.
type ImagesStatus string

// Images statuses: rendering starts once the source is ready, and does not delay it.
const (
	ImagesPending ImagesStatus = "pending"
	ImagesReady   ImagesStatus = "ready"
	ImagesFailed  ImagesStatus = "failed"
)

// Kinds of media a derivative carries.
const (
	MediaCard     = "card"     // a stat, quote or title card (PNG)
	MediaCarousel = "carousel" // a LinkedIn document carousel (PDF)
	MediaPreview  = "og"       // the link preview's image: the source's title card (PNG)
)

// Media is one rendered file. Key is where the toolkit bucket keeps it (under the
// toolkit prefix), "media/<sha256>.<ext>", and the public path it is served at; File is
// where `repurpose derive --cards` wrote it; URL is its public address.
type Media struct {
	Kind   string `json:"kind"`
	Key    string `json:"key,omitempty"`
	File   string `json:"file,omitempty"`
	URL    string `json:"url,omitempty"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Pages  int    `json:"pages,omitempty"` // a carousel's slides
	Alt    string `json:"alt"`
	SHA256 string `json:"sha256"`
}

// ContentType is the file's media type, by its key's extension.
func (m Media) ContentType() string {
	if m.Kind == MediaCarousel {
		return "application/pdf"
	}
	return "image/png"
}

// mediaOf is what derivative d carries: its own files, and the source's link preview
// image when it links to the document.
func mediaOf(b *Bundle, id string, links bool) []Media {
	out := slices.Clone(b.Media[id])
	if b.Preview != nil && links {
		out = append(out, *b.Preview)
	}
	return out
}

// withURLs gives each stored file its public address, publicURL + "/" + Key (serve
// answers /media/{sha256}.{ext}).
func withURLs(ms []Media, publicURL string) {
	for i := range ms {
		if ms[i].Key != "" && publicURL != "" {
			ms[i].URL = publicURL + "/" + ms[i].Key
		}
	}
}

// WithURLs gives each stored file of ms its public address.
func (f *MediaFiles) WithURLs(ms []Media) { withURLs(ms, f.st.cfg.Infra.PublicURL) }

// MediaFiles are the rendered cards and carousels in the toolkit bucket: storing and
// serving them, who may fetch them, and each version's images status.
type MediaFiles struct{ st *Store }

// Files is the record's media files.
func (st *Store) Files() *MediaFiles { return &MediaFiles{st: st} }

// Images are a source version's rendered media, or why there are none.
type Images struct {
	Version string
	// Edits is the EditsStamp of the approvals the cards were rendered from: images of
	// words edited since are dropped, as the render the edit queued follows.
	Edits   string
	Status  ImagesStatus
	Reason  string
	Media   map[string][]Media
	Preview *Media
}

// EditsStamp names the edited words of a version (every derivative's edited template):
// "" when nothing was edited.
func (apr *Approvals) EditsStamp() string {
	if apr == nil || len(apr.Edits) == 0 {
		return ""
	}
	ids := slices.Sorted(maps.Keys(apr.Edits))
	h := sha256.New()
	for _, id := range ids {
		fmt.Fprintf(h, "%s\x00%s\x00", id, apr.Edits[id].Template)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Edited is the bundle with the approvals' edits in its derivatives' words, as cards
// are rendered from them; b itself is not changed.
func (b *Bundle) Edited(apr *Approvals) *Bundle {
	if apr == nil || len(apr.Edits) == 0 {
		return b
	}
	out := *b
	out.Derivatives = slices.Clone(b.Derivatives)
	for i, d := range out.Derivatives {
		if e, ok := apr.Edits[d.ID]; ok {
			out.Derivatives[i].Template, out.Derivatives[i].Text = e.Template, e.Text
		}
	}
	return &out
}

// SetImages records a version's images on its bundle and the source's images status,
// and re-indexes the source. Images of a version that is no longer current, or of a
// withdrawn source, are dropped: the next version renders its own.
func (f *MediaFiles) SetImages(ctx context.Context, id string, im Images) error {
	st := f.st
	return st.locks.WithLock(ctx, "source:"+id, func() error {
		s, err := st.Source(ctx, id)
		if errors.Is(err, errs.NotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if s.Withdrawn() || s.Version != im.Version {
			return nil
		}
		apr, err := st.Approvals(ctx, s.ID, s.Version)
		if err != nil {
			return err
		}
		if apr.EditsStamp() != im.Edits {
			return nil // rendered from words edited since; the edit's render follows
		}
		b, err := st.Bundle(ctx, s)
		if err != nil {
			return err
		}
		if im.Status == ImagesReady {
			b.Media, b.Preview = im.Media, im.Preview
			if err := st.PutJSON(ctx, st.keys.bundle(s.ID, b.Version), b); err != nil {
				return err
			}
		}
		s.Images, s.ImagesReason = im.Status, im.Reason
		if err := st.PutSource(ctx, s); err != nil {
			return err
		}
		return st.Index(ctx, s, b, apr)
	})
}

// MediaKeys are the keys of every file a bundle's derivatives carry, each once.
func (b *Bundle) MediaKeys() []string {
	var keys []string
	add := func(m Media) {
		if m.Key != "" && !slices.Contains(keys, m.Key) {
			keys = append(keys, m.Key)
		}
	}
	for _, d := range b.Derivatives {
		for _, m := range b.Media[d.ID] {
			add(m)
		}
	}
	if b.Preview != nil {
		add(*b.Preview)
	}
	return keys
}

// Queue asks the worker to render a source version's images (again): after the
// source is ready, and after its words change (an edit, a translation). A queue that is
// down leaves them as they are, and reindex asks again for missing ones. With cards off
// there is nothing to ask.
func (f *MediaFiles) Queue(ctx context.Context, s *Source, why string) {
	st := f.st
	if st.enq == nil || st.cfg.File.Brand.Cards.Off {
		return
	}
	if err := st.enq.EnqueueImages(ctx, tasks.Images{SourceID: s.ID, Version: s.Version}, st.now().UnixNano()); err != nil {
		st.log.WarnContext(ctx, "images: not queued", "source", s.ID, "why", why, "err", err)
	}
}

// missing reports whether a source version's images are to be rendered (again): never
// rendered, left pending, or a file its derivatives list is gone from the bucket.
func (f *MediaFiles) missing(ctx context.Context, s *Source, b *Bundle) (bool, error) {
	if s.Images == ImagesPending || s.Images == "" {
		return true, nil
	}
	if s.Images != ImagesReady {
		return false, nil // failed: a re-run or a new version tries again
	}
	for _, key := range b.MediaKeys() {
		ok, err := f.Has(ctx, key)
		if err != nil || !ok {
			return !ok, err
		}
	}
	return false, nil
}

// mediaKeyRe is the shape of every media key: cards.Key's "media/<sha256>.<ext>".
var mediaKeyRe = regexp.MustCompile(`^media/[0-9a-f]{64}\.(png|pdf)$`)

// ValidMediaKey reports whether key names a media file (and nothing else in the bucket).
func ValidMediaKey(key string) bool { return mediaKeyRe.MatchString(key) }

// Has reports whether the toolkit bucket holds the media file key.
func (f *MediaFiles) Has(ctx context.Context, key string) (bool, error) {
	st := f.st
	if !ValidMediaKey(key) {
		return false, fmt.Errorf("%q is not a media key", key)
	}
	_, err := st.s3.Head(ctx, st.loc.Bucket, st.loc.Prefix+key)
	if errors.Is(err, s3store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Put stores a media file under its key, unless it is there already and was stored
// less than MediaGrace/2 ago: its key is its content's hash, so the file there is the
// same, and storing an older one again keeps Sweep from removing it while the render
// that found it lists it. The file's lock keeps a sweep from removing it in between.
func (f *MediaFiles) Put(ctx context.Context, key, contentType string, data []byte) error {
	st := f.st
	if !ValidMediaKey(key) {
		return fmt.Errorf("%q is not a media key", key)
	}
	return st.locks.WithLock(ctx, mediaLock(key), func() error {
		info, err := st.s3.Head(ctx, st.loc.Bucket, st.loc.Prefix+key)
		switch {
		case err == nil && st.now().Sub(info.LastModified) < MediaGrace/2:
			return nil
		case err != nil && !errors.Is(err, s3store.ErrNotFound):
			return err
		}
		_, err = st.s3.Put(ctx, st.loc.Bucket, st.loc.Prefix+key, data, contentType)
		return err
	})
}

// mediaLock names the lock Put and Sweep take on one file.
func mediaLock(key string) string { return "media:" + key }

// maxMediaBytes bounds a media file read back: a carousel is well under this.
const maxMediaBytes = 20 << 20

// Get reads a media file; a missing one is errs.NotFound.
func (f *MediaFiles) Get(ctx context.Context, key string) ([]byte, error) {
	st := f.st
	if !ValidMediaKey(key) {
		return nil, errs.E("record.Media", errs.NotFound, "")
	}
	obj, err := st.s3.Get(ctx, st.loc.Bucket, st.loc.Prefix+key, maxMediaBytes)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, errs.E("record.Media", errs.NotFound, "")
	}
	if err != nil {
		return nil, err
	}
	return obj.Body, nil
}

// MaxDescription is the longest link preview description, in characters.
const MaxDescription = 160

// PreviewDescription is what a link preview says of the source: its summary when that
// is short enough, else the summary's first sentences that are, "" when even the first
// is longer. It is never cut inside a sentence.
func (s *Source) PreviewDescription() string {
	summary := strings.TrimSpace(s.Summary)
	if utf8.RuneCountInString(summary) <= MaxDescription {
		return summary
	}
	var kept []string
	for _, sent := range parse.Sentences(summary) {
		if utf8.RuneCountInString(parse.JoinSentences(append(kept, sent))) > MaxDescription {
			break
		}
		kept = append(kept, sent)
	}
	return parse.JoinSentences(kept)
}
