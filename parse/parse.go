package parse

import (
	"bytes"
	"cmp"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/langid"
	"github.com/repurpose/repurpose/parse/titlecase"

	"github.com/repurpose/repurpose/inputs"
)

// parsers maps a lower-case file extension to the parser of its format.
var parsers = map[string]func(data []byte) (*Document, error){
	".md":       parseMarkdown,
	".markdown": parseMarkdown,
	".html":     parseHTML,
	".htm":      parseHTML,
	".txt":      parseText,
	".text":     parseText,
}

// File turns the bytes of an inbox object into a Document. A PDF, Word, PowerPoint or
// transcript file is known by its content (a PDF named .md is a PDF); text formats follow
// the extension of key. Bad input (wrong type, empty, too big, binary, not UTF-8, malformed
// front matter, a scanned or encrypted PDF, no text) is an *InputError whose reason a
// marketer can act on. maxBytes <= 0 means no limit.
func File(key string, data []byte, maxBytes int64) (*Document, error) {
	doc, err := parseFormat(key, data, maxBytes)
	if err != nil {
		return nil, err
	}
	if !doc.hasText() {
		return nil, &InputError{Reason: "the document has no text to work with"}
	}
	doc.Title = CleanTitle(doc.Title)
	lang, warning := langid.Decide(doc.Lang, doc.sample())
	doc.Lang = lang
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	if titlecase.Shouting(doc.Title) {
		title := doc.Title
		doc.Title = "" // the words the text itself writes in capitals, not the title's
		doc.Title = titlecase.Capitalised(strings.Fields(strings.ToLower(title)), doc.sample(), lang)
	}
	if genericTitle(doc.Title) {
		doc.Title = cmp.Or(titleFromKey(key, doc), doc.Title)
	}
	doc.Type = docType(doc)
	resolveLinks(doc)
	return doc, nil
}

// parseFormat runs the parser of the file's format.
func parseFormat(key string, data []byte, maxBytes int64) (*Document, error) {
	ext := strings.ToLower(path.Ext(key))
	format, detectErr := inputs.Detect(key, data)
	switch {
	case detectErr == nil && inputs.Structured(format):
		if err := checkSize(data, maxBytes); err != nil {
			return nil, err
		}
		return parseStructured(format, data)
	case detectErr != nil && inputs.Structured(inputs.ByName(key)):
		return nil, &InputError{Reason: detectErr.Error()} // a .pdf that is not a PDF
	}
	parse, ok := parsers[ext]
	if !ok {
		return nil, unsupportedType(ext)
	}
	if err := checkBytes(data, maxBytes); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	data = normalizeNewlines(data)
	return parse(data)
}

func unsupportedType(ext string) error {
	what := strconv.Quote(ext)
	if ext == "" {
		what = "without an extension"
	}
	return &InputError{Reason: fmt.Sprintf("unsupported file type %s — upload %s", what, strings.Join(inputs.Extensions[:len(inputs.Extensions)-1], ", ")+" or "+inputs.Extensions[len(inputs.Extensions)-1])}
}

// checkSize rejects an empty or oversized file.
func checkSize(data []byte, maxBytes int64) error {
	if len(data) == 0 {
		return &InputError{Reason: "the file is empty"}
	}
	if maxBytes > 0 && int64(len(data)) > maxBytes {
		return &InputError{Reason: fmt.Sprintf("the file is %s; the limit is %s", humanBytes(int64(len(data))), humanBytes(maxBytes))}
	}
	return nil
}

// checkBytes rejects what no text parser can use, cheapest checks first.
func checkBytes(data []byte, maxBytes int64) error {
	if err := checkSize(data, maxBytes); err != nil {
		return err
	}
	if looksBinary(data) {
		return &InputError{Reason: "the file is not text (it contains binary bytes) — upload Markdown, HTML or plain text"}
	}
	if !utf8.Valid(data) {
		return &InputError{Reason: fmt.Sprintf("the text is not valid UTF-8 (byte offset %d) — save it as UTF-8", invalidUTF8Offset(data))}
	}
	return nil
}

// looksBinary: a NUL byte, or many control characters, in the first 8 KiB. Text never
// has them; images, PDFs and office files do.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	return controls*100 > len(head) // more than 1%
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// humanBytes writes a size the way people read it: 800 bytes, 12.3 KB, 10 MB.
func humanBytes(n int64) string {
	const kb, mb = 1 << 10, 1 << 20
	format := func(v float64, unit string) string {
		return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0") + " " + unit
	}
	switch {
	case n < kb:
		return strconv.FormatInt(n, 10) + " bytes"
	case n < mb:
		return format(float64(n)/kb, "KB")
	default:
		return format(float64(n)/mb, "MB")
	}
}

// normalizeNewlines turns CRLF and lone CR into LF so every parser sees one kind of line.
func normalizeNewlines(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// hasText reports whether any section holds prose, a list or a quote.
func (d *Document) hasText() bool {
	for _, s := range d.Sections {
		if len(s.Paragraphs)+len(s.Lists)+len(s.Quotes) > 0 {
			return true
		}
	}
	return false
}

// sample is the document's text for identifying its language: its first langid.Sample
// bytes, all that langid.Of reads.
func (d *Document) sample() string {
	var b strings.Builder
	b.Grow(langid.Sample)
	add := func(s string) bool { // false once the sample is full
		b.WriteString(s[:min(len(s), langid.Sample-b.Len())])
		return b.Len() < langid.Sample
	}
	if !add(d.Title) {
		return b.String()
	}
	for _, s := range d.Sections {
		for _, p := range s.Paragraphs {
			if !add("\n") || !add(p) {
				return b.String()
			}
		}
	}
	return b.String()
}
