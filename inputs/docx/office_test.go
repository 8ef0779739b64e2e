package docx

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/officetest"
	"github.com/repurpose/repurpose/internal/testdocs"
)

// readOffice reads a file authored in Microsoft Word from mammoth's published test data
// (BSD-2-Clause), checking that Word wrote it, so the test is about Word's own output.
func readOffice(t *testing.T, name string) *doc.Document {
	t.Helper()
	data := officetest.Authored(t, testdocs.Office(t, "mammoth-1.13.0", "package", "test", "test-data", name), "Microsoft Office Word")
	d, err := Read(data, doc.Limits{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func blocksOf(d *doc.Document, kind doc.Kind) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == kind {
			out = append(out, b.Text)
		}
	}
	return out
}

// Files saved by Word: the footnote and the comment stay out of the body, a table is not
// prose, a bulleted list is a list.
func TestFilesAuthoredInWord(t *testing.T) {
	d := readOffice(t, "footnotes.docx")
	if got := blocksOf(d, doc.Paragraph); strings.Join(got, "|") != "Ouch." {
		t.Errorf("footnotes.docx body = %q, want only \"Ouch.\"", got)
	}
	if got := blocksOf(d, doc.Footnote); strings.Join(got, "|") != "A tachyon walks into a bar.|Fin." { // two footnotes
		t.Errorf("footnotes.docx footnotes = %q", got)
	}

	d = readOffice(t, "comments.docx")
	if md := d.Markdown(); strings.Contains(md, "tachyon") || !strings.Contains(md, "Ouch.") {
		t.Errorf("comments.docx reads as %q: the comment is not part of the document", md)
	}

	d = readOffice(t, "tables.docx")
	if got := blocksOf(d, doc.Paragraph); strings.Join(got, "|") != "Above|Below" {
		t.Errorf("tables.docx prose = %q, want Above|Below", got)
	}
	if tables := blocksOf(d, doc.Table); len(tables) != 1 || !strings.Contains(tables[0], "Top left") || !strings.Contains(tables[0], "Bottom right") {
		t.Errorf("tables.docx tables = %q", tables)
	}

	d = readOffice(t, "simple-list.docx")
	var items []string
	for _, b := range d.Blocks {
		if b.Kind == doc.ListItem && !b.Ordered && b.Level == 0 {
			items = append(items, b.Text)
		}
	}
	if strings.Join(items, "|") != "Apple|Banana" {
		t.Errorf("simple-list.docx items = %q (blocks %+v)", items, d.Blocks)
	}
}
