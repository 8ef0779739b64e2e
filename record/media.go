package record

import (
	"context"
	"errors"
	"slices"

	"github.com/repurpose/repurpose/errs"
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

// Images are a source version's rendered media, or why there are none.
type Images struct {
	Version string
	Status  ImagesStatus
	Reason  string
	Media   map[string][]Media
	Preview *Media
}

// SetImages records a version's images on its bundle and the source's images status,
// and re-indexes the source. Images of a version that is no longer current, or of a
// withdrawn source, are dropped: the next version renders its own.
func (st *Store) SetImages(ctx context.Context, id string, im Images) error {
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
		apr, err := st.Approvals(ctx, s.ID, s.Version)
		if err != nil {
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
