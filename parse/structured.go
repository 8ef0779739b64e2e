package parse

import (
	"cmp"
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/inputs"
	"github.com/repurpose/repurpose/inputs/doc"
)

// parseStructured reads a PDF, Word, PowerPoint or transcript file through the inputs
// readers and parses their Markdown rendering, so every format reaches derive in the
// same shape. The reader's pages and declared metadata are kept.
func parseStructured(format string, data []byte) (*Document, error) {
	d, err := inputs.Read(context.Background(), format, data, doc.Limits{})
	var bad *doc.Error
	if errors.As(err, &bad) {
		return nil, &InputError{Reason: bad.Reason}
	}
	if err != nil {
		return nil, err
	}
	out, err := parseMarkdown([]byte(d.Markdown()))
	if err != nil {
		return nil, err
	}
	out.Format = format
	if d.Title != "" {
		out.Title = d.Title
	}
	out.Meta.Title = cmp.Or(out.Meta.Title, d.Title)
	out.Meta.Byline = cmp.Or(out.Meta.Byline, d.Author)
	out.Meta.Lang = cmp.Or(out.Meta.Lang, d.Lang)
	out.Lang = out.Meta.Lang
	applyDeclared(out, d.Meta)
	pageSections(out, d)
	if video := d.Meta["video_url"]; video != "" && out.Meta.CanonicalURL == video {
		timeQuotes(out, d)
	}
	if format == inputs.VTT || format == inputs.SRT {
		// A talk's words are its prose too: summaries and posts are made from them, quote
		// snippets from the attributed quotes.
		for i := range out.Sections {
			s := &out.Sections[i]
			for _, q := range s.Quotes {
				s.Paragraphs = append(s.Paragraphs, q.Text)
			}
		}
	}
	return out, nil
}

// applyDeclared takes the metadata a file declares (a transcript's NOTE block) as front
// matter would give it.
func applyDeclared(out *Document, meta map[string]string) {
	m := &out.Meta
	m.Campaign = cmp.Or(m.Campaign, meta["campaign"])
	m.Stage = cmp.Or(m.Stage, meta["stage"])
	m.Persona = cmp.Or(m.Persona, meta["persona"])
	m.CTA = cmp.Or(m.CTA, meta["cta"])
	m.DocType = cmp.Or(m.DocType, meta["doc_type"])
	m.CanonicalURL = cmp.Or(m.CanonicalURL, meta["canonical_url"], meta["video_url"])
	if tags := meta["tags"]; tags != "" && len(m.Tags) == 0 {
		for _, t := range strings.Split(strings.Trim(tags, "[]"), ",") {
			if t = strings.TrimSpace(t); t != "" {
				m.Tags = append(m.Tags, t)
			}
		}
	}
}

// timeQuotes points each quote of a talk, and each of its sentences, at the moment its
// recording says it (#t=SECONDS, the media fragment players seek to), matching the
// parsed quotes to the reader's in order.
func timeQuotes(out *Document, d *doc.Document) {
	var said []doc.Block
	for _, b := range d.Blocks {
		if b.Kind == doc.Quote && b.Timed {
			said = append(said, b)
		}
	}
	for _, m := range d.Moments {
		out.Moments = append(out.Moments, Moment{Text: normalizeSpace(m.Text), Anchor: "t=" + strconv.Itoa(int(m.Start.Seconds()))})
	}
	next := 0
	for i := range out.Sections {
		for j := range out.Sections[i].Quotes {
			q := &out.Sections[i].Quotes[j]
			for k := next; k < len(said); k++ {
				if normalizeSpace(said[k].Text) == q.Text {
					q.Anchor = "t=" + strconv.Itoa(int(said[k].Start.Seconds()))
					next = k + 1
					break
				}
			}
		}
	}
}

// pageSections gives each section the page (or slide) its heading is on, matching the
// parsed headings to the reader's in order.
func pageSections(out *Document, d *doc.Document) {
	outline := d.Outline()
	next := 0
	for i := range out.Sections {
		s := &out.Sections[i]
		if s.Level == 0 {
			continue
		}
		for j := next; j < len(outline); j++ {
			if normalizeSpace(outline[j].Heading) == s.Heading {
				s.Page = outline[j].Page
				next = j + 1
				break
			}
		}
	}
}
