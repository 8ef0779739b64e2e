package docx

import (
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/officetest"
)

// FuzzDocx: the main part's XML, whatever it holds, reads as blocks or fails with a
// *doc.Error, within the block budget.
func FuzzDocx(f *testing.F) {
	f.Add([]byte(`<w:document ` + w + `><w:body>` + wpara("berschrift1", "A") + item("1", "0", "b") + `</w:body></w:document>`))
	f.Add([]byte(`<w:document ` + w + `><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + wpara("", "x") + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, xml []byte) {
		parts := sample("")
		parts["word/document.xml"] = string(xml)
		d, err := Read(officetest.Zip(parts), doc.Limits{MaxBlocks: 500})
		if err != nil {
			if _, ok := err.(*doc.Error); !ok {
				t.Fatalf("not a *doc.Error: %T %v", err, err)
			}
			return
		}
		if len(d.Blocks) > 500 {
			t.Fatalf("%d blocks over a budget of 500", len(d.Blocks))
		}
	})
}
