package inputs

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/internal/officetest"
)

func TestDetectTrustsContentOverName(t *testing.T) {
	docxZip := string(officetest.Zip(map[string]string{"word/document.xml": "<w:document/>"}))
	pptxZip := string(officetest.Zip(map[string]string{"ppt/presentation.xml": "<p:presentation/>"}))
	xlsxZip := string(officetest.Zip(map[string]string{"xl/workbook.xml": "<workbook/>"}))
	otherZip := string(officetest.Zip(map[string]string{"a.txt": "a"}))
	for _, c := range []struct {
		name, data, want, err string
	}{
		{"paper.pdf", "%PDF-1.7\n...", PDF, ""},
		{"paper.md", "%PDF-1.4\n...", PDF, ""},
		{"deck.bin", pptxZip, PPTX, ""},
		{"draft.pptx", docxZip, DOCX, ""},
		{"talk.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n", VTT, ""},
		{"talk", "1\n00:00:01,000 --> 00:00:02,000\nHi.\n", SRT, ""},
		{"post.md", "# Title\n\nText.", Markdown, ""},
		{"page.HTM", "<html></html>", HTML, ""},
		{"notes.txt", "Plain.", Text, ""},
		{"notes.rtf", "{\\rtf1}", "", ""},
		{"paper.pdf", "<html>not a pdf</html>", "", "named .pdf but is not a PDF"},
		{"talk.vtt", "just words", "", "named .vtt but is not a WebVTT transcript"},
		{"sheet.xlsx", xlsxZip, "", "Excel workbook"},
		{"bundle.docx", otherZip, "", "ZIP archive named .docx"},
		{"old.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "", "old-style Office file"},
		{"secret.docx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1..E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00", "", "password"},
		{"scan.pdf", "\x89PNG\r\n\x1a\n....", "", "an image"},
	} {
		got, err := Detect(c.name, []byte(c.data))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Detect(%q) error = %v, want one saying %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Detect(%q) = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}
