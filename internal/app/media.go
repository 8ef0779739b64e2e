package app

import (
	"context"
	"errors"
	"path"
	"unicode/utf8"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/record"
)

// postMedia is worker.Publishing.Media: the files a planned post carries, loaded from
// the toolkit bucket. What each account type shows decides which: a LinkedIn post its
// carousel (else its card, else the link preview image); Bluesky the link preview as an
// external embed with its thumbnail (a post without a link, its card); WordPress its
// card as the featured image (else the title card); X, Mastodon and Threads their card
// (X and Mastodon build link previews from the page's Open Graph tags themselves);
// webhooks and outboxes everything. A file missing from the bucket (images not yet
// rendered, or lost until reindex renders them again) is left out: the post goes as text.
func (a *App) postMedia(ctx context.Context, e *planstore.PlanEntry, d *record.Derivative) ([]publish.Media, error) {
	picked := pickMedia(a.Config.File.Accounts[e.Account].Type, d.Media, d.Backlink != "")
	if len(picked) == 0 {
		return nil, nil
	}
	var title, description string
	if s, err := a.Toolkit.Record().Source(ctx, d.SourceID); err == nil {
		title, description = s.Title, s.PreviewDescription()
	}
	out := make([]publish.Media, 0, len(picked))
	for _, m := range picked {
		body, err := a.Toolkit.Record().Files().Get(ctx, m.Key)
		if errors.Is(err, errs.NotFound) {
			a.Log.Warn("publish: media missing, posted without it", "entry", e.ID, "key", m.Key)
			continue
		}
		if err != nil {
			return nil, err
		}
		pm := publish.Media{Kind: m.Kind, Name: path.Base(m.Key), ContentType: m.ContentType(), Alt: m.Alt,
			Width: m.Width, Height: m.Height, SHA256: m.SHA256, URL: m.URL, Bytes: body}
		if m.Kind == record.MediaCarousel && utf8.RuneCountInString(pm.Alt) > maxAltRunes {
			pm.Alt = "" // every slide's words: longer than channels take, and LinkedIn shows the title
		}
		if m.Kind != record.MediaCard {
			pm.Title = title
			if r := []rune(title); len(r) > 200 { // LinkedIn's document title limit
				pm.Title = string(r[:199]) + "…"
			}
		}
		if m.Kind == record.MediaPreview {
			pm.Description = description
		}
		out = append(out, pm)
	}
	return out, nil
}

// maxAltRunes is the longest alt text every channel takes (X's limit).
const maxAltRunes = 1000

// pickMedia chooses what an account type shows of a derivative's media.
func pickMedia(accountType string, ms []record.Media, links bool) []record.Media {
	first := func(kinds ...string) []record.Media {
		for _, k := range kinds {
			for _, m := range ms {
				if m.Kind == k && m.Key != "" {
					return []record.Media{m}
				}
			}
		}
		return nil
	}
	switch accountType {
	case "linkedin":
		return first(record.MediaCarousel, record.MediaCard, record.MediaPreview)
	case "bluesky":
		if links {
			return first(record.MediaPreview, record.MediaCard)
		}
		return first(record.MediaCard)
	case "wordpress":
		return first(record.MediaCard, record.MediaPreview)
	case "x", "mastodon", "threads":
		return first(record.MediaCard)
	case "webhook", "outbox":
		return ms
	}
	return nil
}
