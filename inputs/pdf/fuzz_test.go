package pdf

import (
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
)

// FuzzLayout: whatever the extracted-text XML holds (pdftohtml's output of a hostile PDF
// is shaped by its author), layout analysis returns blocks within budget or a *doc.Error.
func FuzzLayout(f *testing.F) {
	f.Add([]byte(`<pdf2xml><page number="1" height="792" width="612"><fontspec id="0" size="11" family="Helvetica"/><fontspec id="1" size="20" family="Helvetica-Bold"/>
<text top="40" left="72" width="100" height="12" font="0">Header 1</text><text top="100" left="72" width="200" height="24" font="1"><b>Title</b></text>
<text top="140" left="72" width="400" height="12" font="0">A line that ends with secu-</text><text top="154" left="72" width="400" height="12" font="0">rity and more.</text>
<text top="200" left="72" width="50" height="12" font="0">a</text><text top="200" left="200" width="50" height="12" font="0">b</text><text top="200" left="300" width="50" height="12" font="0">c</text></page>
<outline><item page="1">Title</item><outline><item page="1">Sub</item></outline></outline></pdf2xml>`))
	f.Add([]byte(`<pdf2xml><page number="1" height="0" width="0"><text top="NaN" left="-1e9" width="1" height="0" font="9">\x00</text></page></pdf2xml>`))
	f.Fuzz(func(t *testing.T, xml []byte) {
		d, err := Layout(xml, doc.Limits{MaxBlocks: 1000, MaxDepth: 50})
		if err != nil {
			if _, ok := err.(*doc.Error); !ok {
				t.Fatalf("not a *doc.Error: %T %v", err, err)
			}
			return
		}
		if len(d.Blocks) > 1000 {
			t.Fatalf("%d blocks over a budget of 1000", len(d.Blocks))
		}
		for _, b := range d.Blocks {
			if b.Text == "" {
				t.Fatalf("an empty block")
			}
		}
	})
}
