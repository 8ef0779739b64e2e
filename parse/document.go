// Package parse turns a source's bytes (Markdown, HTML or plain text, with front
// matter) into a Document: title, sections, lists, quotes, links, language and type. It
// also holds the text primitives the rooms above it share: sentences, fitting text to a
// limit, word lists. It is pure: no I/O, so it is fast, deterministic and testable
// without services.
package parse

// Document is what a parser makes of a source: its metadata and its structure.
type Document struct {
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	// Lang is a BCP 47 tag such as en, es, ja ("" when unknown).
	Lang string      `json:"lang,omitempty"`
	Meta FrontMatter `json:"meta"`
	// Type is what kind of document it is (DocWhitepaper, DocReport, …; "" when unknown):
	// the call to action invites the reader to what it is.
	Type string `json:"type,omitempty"`
	// Warnings are what a marketer should know of the document as parsed.
	Warnings []string  `json:"warnings,omitempty"`
	Sections []Section `json:"sections"`
	Links    []Link    `json:"links,omitempty"`
	Images   []Image   `json:"images,omitempty"`
	// Format is markdown, html or text, or pdf, docx, pptx, vtt or srt.
	Format string `json:"format"`
	// Moments are a talk's sentences, each with the fragment of its recording's link
	// where it is said ("t=754"); none for other documents.
	Moments []Moment `json:"moments,omitempty"`
}

// Moment is a sentence and the fragment of the link target where it is said.
type Moment struct {
	Text   string `json:"text"`
	Anchor string `json:"anchor"`
}

// OutlineEntry is one section heading of a document, as source.outline lists them.
type OutlineEntry struct {
	Level   int    `json:"level"`
	Heading string `json:"heading"`
	Anchor  string `json:"anchor"`
	Page    int    `json:"page,omitempty"`
}

// Outline lists the document's section headings in order.
func (d *Document) Outline() []OutlineEntry {
	var out []OutlineEntry
	for _, s := range d.Sections {
		if s.Level > 0 {
			out = append(out, OutlineEntry{Level: s.Level, Heading: s.Heading, Anchor: s.Anchor, Page: s.Page})
		}
	}
	return out
}

// FrontMatter is the metadata a document may carry (YAML/TOML front matter in Markdown,
// meta tags in HTML). Unknown keys are ignored.
type FrontMatter struct {
	Title        string   `json:"title,omitempty"`
	CanonicalURL string   `json:"canonical_url,omitempty"`
	Campaign     string   `json:"campaign,omitempty"`
	Stage        string   `json:"stage,omitempty"` // awareness | consideration | decision
	Persona      string   `json:"persona,omitempty"`
	Regions      []string `json:"regions,omitempty"`
	Lang         string   `json:"lang,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	CTA          string   `json:"cta,omitempty"`
	Byline       string   `json:"byline,omitempty"`
	// DocType is doc_type (whitepaper, report, guide, article, talk), else type.
	DocType string `json:"doc_type,omitempty"`
	// Categories are a blog's categories ("Article").
	Categories []string `json:"categories,omitempty"`
}

// Section is a heading and what follows it up to the next heading of any level.
type Section struct {
	Heading string `json:"heading"`
	Level   int    `json:"level"` // 1-6; 0 for text before the first heading
	// Anchor is the fragment a browser scrolls to (GitHub-style slug, or the HTML id).
	Anchor string `json:"anchor"`
	// Page is the page or slide the heading is on (PDF, PowerPoint); 0 where there are none.
	Page       int        `json:"page,omitempty"`
	Paragraphs []string   `json:"paragraphs,omitempty"`
	Lists      [][]string `json:"lists,omitempty"`
	Quotes     []Quote    `json:"quotes,omitempty"`
	// Tables are the section's tables: rows of cells' text, the header row first.
	Tables []Table `json:"tables,omitempty"`
}

// Table is a table's rows of cells, as plain text.
type Table [][]string

// Quote is a blockquote or quoted sentence, with attribution when the source gives one.
type Quote struct {
	Text        string `json:"text"`
	Attribution string `json:"attribution,omitempty"`
	// Anchor is the fragment of the link target where the quote is, when it has its own
	// place there: "t=754" for the moment a talk's recording says it.
	Anchor string `json:"anchor,omitempty"`
}

// Link is a hyperlink in the body.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Image is an image in the body.
type Image struct {
	Alt string `json:"alt"`
	URL string `json:"url"`
}

// InputError is bad input: permanent, with a reason a marketer can read.
type InputError struct {
	Reason string
}

func (e *InputError) Error() string { return e.Reason }
