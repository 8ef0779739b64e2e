// Package inputs reads the documents marketing has — PDF, Word, PowerPoint and talk
// transcripts — into one neutral shape (package doc), and tells a file's format from its
// content. Markdown, HTML and plain text are named here but read by the parsing room.
//
// Each reader is its own package (pdf, docx, pptx, transcript) and depends only on doc.
package inputs

import (
	"archive/zip"
	"bytes"
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/docx"
	"github.com/repurpose/repurpose/inputs/pdf"
	"github.com/repurpose/repurpose/inputs/pptx"
	"github.com/repurpose/repurpose/inputs/transcript"
)

// The formats, as source.format names them.
const (
	PDF      = "pdf"
	DOCX     = "docx"
	PPTX     = "pptx"
	VTT      = "vtt"
	SRT      = "srt"
	Markdown = "markdown"
	HTML     = "html"
	Text     = "text"
)

// Extensions lists what can be uploaded, for messages and file pickers.
var Extensions = []string{".md", ".markdown", ".html", ".htm", ".txt", ".text", ".pdf", ".docx", ".pptx", ".vtt", ".srt"}

var byExtension = map[string]string{
	".pdf": PDF, ".docx": DOCX, ".pptx": PPTX, ".vtt": VTT, ".srt": SRT,
	".md": Markdown, ".markdown": Markdown, ".html": HTML, ".htm": HTML, ".txt": Text, ".text": Text,
}

var describe = map[string]string{PDF: "a PDF", DOCX: "a Word document", PPTX: "a PowerPoint presentation", VTT: "a WebVTT transcript", SRT: "an SRT transcript"}

var srtStart = regexp.MustCompile(`^\s*\d{1,7}\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->`)

// Detect names the format of a file from its content, and from its name only where the
// content cannot tell (text formats). A PDF named .md is a PDF; a .pdf that is not one is
// an error saying so. An unknown extension of a text file gives "".
func Detect(name string, data []byte) (string, error) {
	ext := strings.ToLower(path.Ext(name))
	head := bytes.TrimPrefix(data[:min(len(data), 1024)], []byte("\xef\xbb\xbf"))
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return PDF, nil
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return officeFormat(data, ext)
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
			return "", doc.Errorf("this Office file is protected with a password — save a copy without the password and upload that")
		}
		return "", doc.Errorf("this is an old-style Office file (.doc or .ppt) — open it in Word or PowerPoint, save it as .docx or .pptx, and upload that")
	case isImage(head):
		return "", doc.Errorf("this is an image, not a document — upload the document itself (PDF, Word, PowerPoint, Markdown, HTML or text)")
	case bytes.HasPrefix(head, []byte("WEBVTT")):
		return VTT, nil
	case srtStart.Match(head):
		return SRT, nil
	}
	format := ByName(name)
	if what, ok := describe[format]; ok {
		return "", doc.Errorf("this file is named %s but is not %s — export it again as %s", ext, what, what[strings.Index(what, " ")+1:])
	}
	return format, nil
}

// officeFormat tells a Word document from a PowerPoint presentation by the parts inside.
func officeFormat(data []byte, ext string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", doc.Errorf("this file is damaged (a broken ZIP package) — open it in Word or PowerPoint and save it again")
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return DOCX, nil
		case "ppt/presentation.xml":
			return PPTX, nil
		case "xl/workbook.xml":
			return "", doc.Errorf("this is an Excel workbook — spreadsheets are not documents to repurpose; upload a PDF, Word or PowerPoint file")
		}
	}
	return "", doc.Errorf("this is a ZIP archive%s, not a Word or PowerPoint file — upload the document itself", map[bool]string{true: " named " + ext, false: ""}[ext != ""])
}

func isImage(head []byte) bool {
	for _, magic := range []string{"\x89PNG\r\n\x1a\n", "\xff\xd8\xff", "GIF87a", "GIF89a", "II*\x00", "MM\x00*"} {
		if bytes.HasPrefix(head, []byte(magic)) {
			return true
		}
	}
	return len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP"
}

// ByName is the format a file's name claims ("" for none known).
func ByName(name string) string {
	return byExtension[strings.ToLower(path.Ext(name))]
}

// Structured reports whether this package reads the format (the text formats are read by
// the parsing room).
func Structured(format string) bool {
	_, ok := describe[format]
	return ok
}

// Read reads a document of a structured format within the limits.
func Read(ctx context.Context, format string, data []byte, limits doc.Limits) (*doc.Document, error) {
	switch format {
	case PDF:
		return pdf.Read(ctx, data, limits)
	case DOCX:
		return docx.Read(data, limits)
	case PPTX:
		return pptx.Read(data, limits)
	case VTT:
		return transcript.ReadVTT(data, limits)
	case SRT:
		return transcript.ReadSRT(data, limits)
	}
	return nil, doc.Errorf("%q is not a format read here", format)
}
