package cardset

import (
	"context"
	"sync"

	"github.com/repurpose/repurpose/cards"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
)

// Renderers keep one renderer per brand, so fonts and logos are loaded once per process.
// They are safe for concurrent use.
type Renderers struct {
	cfg *config.Config
	mu  sync.Mutex
	by  map[config.Cards]*cards.Renderer
}

// NewRenderers renders in the brands cfg configures.
func NewRenderers(cfg *config.Config) *Renderers {
	return &Renderers{cfg: cfg, by: map[config.Cards]*cards.Renderer{}}
}

// For is the renderer of a campaign's brand (its own, or the default one).
func (rs *Renderers) For(campaign string) (*cards.Renderer, error) {
	_, camp := rs.cfg.File.Campaign(campaign)
	look := rs.cfg.File.BrandFor(camp).Cards
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if r, ok := rs.by[look]; ok {
		return r, nil
	}
	brand, err := cards.BrandOf(look)
	if err != nil {
		return nil, err
	}
	r, err := cards.NewRenderer(brand)
	if err != nil {
		return nil, err
	}
	rs.by[look] = r
	return r, nil
}

// Render renders source s's cards in its campaign's brand.
func (rs *Renderers) Render(ctx context.Context, s *record.Source, b *record.Bundle) (*Set, error) {
	r, err := rs.For(s.Campaign)
	if err != nil {
		return nil, err
	}
	return Render(ctx, r, s, b)
}

// RenderTranslations renders translated derivatives' cards in source s's campaign's
// brand (see the function of that name).
func (rs *Renderers) RenderTranslations(ctx context.Context, s *record.Source, preview *record.Media, trs []Translated) (*Set, error) {
	r, err := rs.For(s.Campaign)
	if err != nil {
		return nil, err
	}
	return RenderTranslations(ctx, r, s, preview, trs)
}
