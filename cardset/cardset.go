// Package cardset decides which cards a source's derivatives carry and renders them:
// a stat card per stat snippet, a quote card per quote, a title card per key point and
// per single post's hook, the source's title card as the link preview image, and a
// LinkedIn document carousel when the source has enough findings. It returns the files
// and the media each derivative lists; storing them is the caller's (the worker puts
// them in the toolkit bucket, `repurpose derive --cards` in a folder).
package cardset

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/cards"
	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/extract/figures"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
)

// MaxFiles bounds the files one source gets: a card per snippet (at most 12 key
// points, 10 stats and the quotes) and per single post, a preview and the carousels.
const MaxFiles = 60

// MinCarouselFindings is how many stats and takeaways a source needs for a carousel.
const MinCarouselFindings = 4

// File is one rendered file, named by its content: Key is cards.Key of Data.
type File struct {
	Key         string
	ContentType string
	Data        []byte
}

// Set is a source version's rendered media.
type Set struct {
	Files   []File
	Media   map[string][]record.Media // by derivative ID
	Preview *record.Media
	// Skipped says which cards could not be made, and why (text a card cannot take, a
	// character no font has): the post goes without.
	Skipped []string
}

// Render renders the cards of bundle b of source s with r. It stops at ctx's end or
// after MaxFiles files; a card that cannot be made is skipped, not fatal.
func Render(ctx context.Context, r *cards.Renderer, s *record.Source, b *record.Bundle) (*Set, error) {
	set := &Set{Media: map[string][]record.Media{}}
	title := strings.TrimSpace(s.Title)
	if title != "" {
		card := cards.Card{Kind: cards.Title, Lang: s.Lang, Title: title, Subtitle: subtitle(b.Document)}
		if m, ok := set.card(r, card, cards.OpenGraph, "the title card"); ok {
			m.Kind = record.MediaPreview
			set.Preview = &m
		}
	}
	if err := set.derivatives(ctx, r, b.Derivatives, look{lang: s.Lang, title: title, hookSubtitle: title, subtitle: subtitle(b.Document)}); err != nil {
		return nil, err
	}
	return set, nil
}

// Translated are derivatives in another locale: their templates are the translation's.
type Translated struct {
	Locale      string
	Derivatives []derive.Derivative
}

// RenderTranslations renders the cards of translated derivatives, each locale on its
// own as Render does a bundle (its cards, and a carousel for a LinkedIn post when the
// locale's translated stats and key points are enough), alt text in the locale's
// language. Media are keyed by derivative ID and locale ("d1/es"); a derivative that
// links carries the source's link preview image, preview, as in its own language.
func RenderTranslations(ctx context.Context, r *cards.Renderer, s *record.Source, preview *record.Media, trs []Translated) (*Set, error) {
	out := &Set{Media: map[string][]record.Media{}}
	for _, tr := range trs {
		// The document's title stays the source's name on a card; its subtitle and
		// summary are in the source's language, so a translated card goes without.
		set := &Set{Media: map[string][]record.Media{}}
		err := set.derivatives(ctx, r, tr.Derivatives, look{lang: tr.Locale, title: strings.TrimSpace(s.Title)})
		if err != nil {
			return nil, err
		}
		for _, f := range set.Files {
			out.add(f)
		}
		out.Skipped = append(out.Skipped, set.Skipped...)
		for _, d := range tr.Derivatives {
			ms := set.Media[d.ID]
			if preview != nil && d.Backlink != "" {
				ms = append(ms, *preview)
			}
			if len(ms) > 0 {
				out.Media[d.ID+"/"+tr.Locale] = ms
			}
		}
	}
	return out, nil
}

// look is what the cards of one language share: its language, the document's title (the
// carousel's, and stat cards' source line), a single post's hook card's subtitle, and the
// carousel's subtitle.
type look struct {
	lang, title, hookSubtitle, subtitle string
}

// derivatives renders the cards of ds, and their carousels, into set.
func (set *Set) derivatives(ctx context.Context, r *cards.Renderer, ds []derive.Derivative, l look) error {
	source := l.title
	if utf8.RuneCountInString(source) > 100 {
		source = "" // a card's source line takes 100 characters, and is never cut
	}
	var stats []cards.StatLine
	var takeaways []string
	for _, d := range ds {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("rendering stopped after %d files: %w", len(set.Files), err)
		}
		if len(set.Files) >= MaxFiles {
			set.Skipped = append(set.Skipped, fmt.Sprintf("no more than %d images per source", MaxFiles))
			break
		}
		card, ok := cardFor(d, l.lang, l.hookSubtitle, source)
		if !ok {
			continue
		}
		if card.Kind == cards.Stat {
			stats = append(stats, cards.StatLine{Figure: card.Figure, Context: card.Context})
		} else if d.Type == derive.SnippetKeyPoint {
			takeaways = append(takeaways, card.Title)
		}
		f, _ := cards.FormatFor(string(d.Channel))
		if f.Name == "" {
			f = cards.X // snippets and Threads: 16:9
		}
		if m, ok := set.card(r, card, f, fmt.Sprintf("the card of %s", d.ID)); ok {
			set.Media[d.ID] = append(set.Media[d.ID], m)
		}
	}
	if len(stats)+len(takeaways) >= MinCarouselFindings && l.title != "" {
		for _, d := range ds {
			if d.Kind != channel.KindLinkedIn || ctx.Err() != nil || len(set.Files) >= MaxFiles {
				continue
			}
			c := cards.Carousel{Lang: l.lang, Title: l.title, Subtitle: l.subtitle, Stats: stats, Takeaways: takeaways, Link: d.Backlink, Source: source}
			doc, err := r.Carousel(c)
			if err != nil {
				set.Skipped = append(set.Skipped, fmt.Sprintf("the carousel of %s: %v", d.ID, err))
				continue
			}
			key := cards.Key(doc.PDF, "pdf")
			set.add(File{Key: key, ContentType: "application/pdf", Data: doc.PDF})
			set.Media[d.ID] = append(set.Media[d.ID], record.Media{Kind: record.MediaCarousel, Key: key,
				Width: doc.Format.Width, Height: doc.Format.Height, Pages: doc.Pages, Alt: doc.Alt, SHA256: doc.SHA256})
		}
	}
	return nil
}

// card renders c in format f; a card that cannot be made is noted as what.
func (set *Set) card(r *cards.Renderer, c cards.Card, f cards.Format, what string) (record.Media, bool) {
	img, err := r.Render(c, f)
	if err != nil {
		set.Skipped = append(set.Skipped, what+": "+err.Error())
		return record.Media{}, false
	}
	key := cards.Key(img.PNG, "png")
	set.add(File{Key: key, ContentType: "image/png", Data: img.PNG})
	return record.Media{Kind: record.MediaCard, Key: key, Width: f.Width, Height: f.Height, Alt: img.Alt, SHA256: img.SHA256}, true
}

// add keeps one copy of each file: the same card in two places is stored once.
func (set *Set) add(f File) {
	for _, g := range set.Files {
		if g.Key == f.Key {
			return
		}
	}
	set.Files = append(set.Files, f)
}

// Err is the whole set's failure: nothing could be rendered although there was
// something to render.
func (set *Set) Err() error {
	if len(set.Files) == 0 && len(set.Skipped) > 0 {
		return errors.New(set.Skipped[0])
	}
	return nil
}

// Reason sums up the cards that were not made, for the source's images_reason.
func (set *Set) Reason() string {
	switch len(set.Skipped) {
	case 0:
		return ""
	case 1:
		return "1 card was not made: " + set.Skipped[0]
	default:
		return fmt.Sprintf("%d cards were not made; the first: %s", len(set.Skipped), set.Skipped[0])
	}
}

// cardFor is the card a derivative carries, if any: stats, quotes and key points are
// snippets' own; a single post (tweet, LinkedIn post) shows its hook as a title card,
// with title as its subtitle ("" for none).
func cardFor(d derive.Derivative, lang, title, source string) (cards.Card, bool) {
	text := postText(d.Template)
	switch {
	case d.Kind == channel.KindSnippet && d.Type == derive.SnippetStat:
		fig := figures.Figure(text)
		if fig == "" || utf8.RuneCountInString(fig) > 24 {
			return cards.Card{}, false
		}
		return cards.Card{Kind: cards.Stat, Lang: lang, Figure: fig, Context: text, Source: source}, true
	case d.Kind == channel.KindSnippet && d.Type == derive.SnippetQuote:
		if d.Attribution == "" {
			return cards.Card{}, false
		}
		q := strings.TrimSuffix(text, " — "+d.Attribution)
		q = strings.TrimSpace(strings.Trim(q, "“”「」\"„«» "))
		return cards.Card{Kind: cards.Quote, Lang: lang, Quote: q, Speaker: d.Attribution, Source: source}, q != ""
	case d.Kind == channel.KindSnippet && d.Type == derive.SnippetKeyPoint:
		return cards.Card{Kind: cards.Title, Lang: lang, Title: text, Source: source}, true
	case d.Kind == channel.KindTweet, d.Kind == channel.KindLinkedIn, d.Kind == channel.KindMastodon,
		d.Kind == channel.KindBluesky, d.Kind == channel.KindThreads:
		hook := firstSentence(text)
		if hook == "" {
			return cards.Card{}, false
		}
		sub := title
		if utf8.RuneCountInString(sub) > 240 || sub == hook {
			sub = ""
		}
		return cards.Card{Kind: cards.Title, Lang: lang, Title: hook, Subtitle: sub}, true
	}
	return cards.Card{}, false
}

// postText is a post's words: its template without the link, the hashtags after it,
// or the lines of a list.
func postText(template string) string {
	text, _, _ := strings.Cut(template, channel.LinkSlot)
	return strings.TrimSpace(text)
}

// firstSentence is a post's hook: its first line, or the first sentence of it when the
// line is longer than a title card takes (160 characters); "" when even that is longer.
func firstSentence(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) <= 160 {
		return line
	}
	if sents := parse.Sentences(line); len(sents) > 0 && utf8.RuneCountInString(sents[0]) <= 160 {
		return strings.TrimSpace(sents[0])
	}
	return ""
}

// subtitle is the document's subtitle or summary when a title card takes it.
func subtitle(doc *parse.Document) string {
	if doc == nil {
		return ""
	}
	if s := strings.TrimSpace(doc.Summary); s != "" && utf8.RuneCountInString(s) <= 240 {
		return s
	}
	return ""
}
