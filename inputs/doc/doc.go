// Package doc is the neutral shape every document reader produces: metadata and an ordered
// list of blocks. It knows no file format, so readers and consumers meet here without
// depending on each other.
package doc

import (
	"fmt"
	"strings"
	"time"
)

// Kind names what a block is.
type Kind string

const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	ListItem  Kind = "item"
	Quote     Kind = "quote"
	// Table, Caption and Footnote are kept apart from the prose: they are in the document but
	// never read as its body.
	Table    Kind = "table"
	Caption  Kind = "caption"
	Footnote Kind = "footnote"
)

// Block is one unit of the document in reading order.
type Block struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
	// Level is a heading's level (1 the highest) or a list item's depth (0 the outermost).
	Level int `json:"level,omitempty"`
	// Ordered marks a numbered list item.
	Ordered bool `json:"ordered,omitempty"`
	// Page is the 1-based page or slide the block starts on; 0 where the format has no pages.
	Page int `json:"page,omitempty"`
	// Speaker is who said a quote.
	Speaker string `json:"speaker,omitempty"`
	// Start is when a quote began to be said, from the start of the recording.
	Start time.Duration `json:"start,omitempty"`
	// Timed marks Start as known (a quote may begin at 0).
	Timed bool `json:"timed,omitempty"`
}

// Moment is one sentence of a recording and when it began.
type Moment struct {
	Text  string        `json:"text"`
	Start time.Duration `json:"start"`
}

// Document is a read document.
type Document struct {
	// Format is pdf, docx, pptx, vtt or srt.
	Format string `json:"format"`
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	// Lang is the language the file declares ("" when it declares none).
	Lang string `json:"lang,omitempty"`
	// Meta holds the rest of the declared metadata (a transcript's video_url, campaign…).
	Meta   map[string]string `json:"meta,omitempty"`
	Pages  int               `json:"pages,omitempty"`
	Blocks []Block           `json:"blocks"`
	// Moments are a recording's sentences in order, each with when it began to be said:
	// a post made from one sentence links to its moment, not to its quote's first.
	Moments []Moment `json:"moments,omitempty"`
}

// OutlineEntry is one section heading.
type OutlineEntry struct {
	Level   int    `json:"level"`
	Heading string `json:"heading"`
	Page    int    `json:"page,omitempty"`
}

// Outline lists the headings in order.
func (d *Document) Outline() []OutlineEntry {
	var out []OutlineEntry
	for _, b := range d.Blocks {
		if b.Kind == Heading {
			out = append(out, OutlineEntry{Level: b.Level, Heading: b.Text, Page: b.Page})
		}
	}
	return out
}

// HasText reports whether the document has any prose to work with.
func (d *Document) HasText() bool {
	for _, b := range d.Blocks {
		if b.Kind != Heading && b.Kind != Table && b.Kind != Caption && b.Kind != Footnote && strings.TrimSpace(b.Text) != "" {
			return true
		}
	}
	return false
}

// Error is input a marketer must fix; Reason says what and how.
type Error struct {
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// Errorf makes an *Error.
func Errorf(format string, args ...any) *Error {
	return &Error{Reason: fmt.Sprintf(format, args...)}
}

// Limits bound what reading one document may cost. A zero field takes its default.
type Limits struct {
	// MaxPages is the most pages (or slides) a document may have.
	MaxPages int
	// Timeout is the longest reading may take.
	Timeout time.Duration
	// MaxMemory is the most memory a helper process may map, in bytes.
	MaxMemory int64
	// MaxUnpacked is the most bytes an archive (docx, pptx) may unpack to.
	MaxUnpacked int64
	// MaxDepth is the deepest nesting of elements accepted.
	MaxDepth int
	// MaxBlocks is the most blocks a document may have.
	MaxBlocks int
}

// WithDefaults fills the zero fields.
func (l Limits) WithDefaults() Limits {
	if l.MaxPages <= 0 {
		l.MaxPages = 500
	}
	if l.Timeout <= 0 {
		l.Timeout = 60 * time.Second
	}
	if l.MaxMemory <= 0 {
		l.MaxMemory = 1 << 30
	}
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = 200 << 20
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 200
	}
	if l.MaxBlocks <= 0 {
		l.MaxBlocks = 100_000
	}
	return l
}

// Builder appends blocks under a block budget.
type Builder struct {
	Doc   *Document
	Limit int
}

// Add appends b unless its text is empty; it fails once the budget is spent.
func (bl *Builder) Add(b Block) error {
	b.Text = strings.TrimSpace(b.Text)
	if b.Text == "" {
		return nil
	}
	if bl.Limit > 0 && len(bl.Doc.Blocks) >= bl.Limit {
		return Errorf("the document has more than %d paragraphs, headings and list items; split it into smaller documents", bl.Limit)
	}
	bl.Doc.Blocks = append(bl.Doc.Blocks, b)
	return nil
}
