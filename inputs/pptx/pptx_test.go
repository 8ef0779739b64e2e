package pptx

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/officetest"
)

const ns = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`

func textShape(ph, text string) string {
	nv := `<p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>`
	if ph != "" {
		nv = `<p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr><p:ph type="` + ph + `"/></p:nvPr></p:nvSpPr>`
	}
	var paras string
	for _, p := range strings.Split(text, "\n") {
		bullet := ""
		if strings.HasPrefix(p, "* ") {
			bullet, p = `<a:pPr lvl="1"><a:buChar char="•"/></a:pPr>`, p[2:]
		}
		paras += `<a:p>` + bullet + `<a:r><a:t>` + p + `</a:t></a:r></a:p>`
	}
	return `<p:sp>` + nv + `<p:txBody><a:bodyPr/>` + paras + `</p:txBody></p:sp>`
}

func slide(attrs, shapes string) string {
	return `<p:sld ` + ns + attrs + `><p:cSld><p:spTree>` + shapes + `</p:spTree></p:cSld></p:sld>`
}

// deck has three slides in an order other than their file names, the second hidden, and
// speaker notes on the third.
func deck(slide1 string) map[string]string {
	rel := func(id, typ, target string) string {
		return `<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + typ + `" Target="` + target + `"/>`
	}
	rels := func(r ...string) string {
		return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + strings.Join(r, "") + `</Relationships>`
	}
	return map[string]string{
		"ppt/presentation.xml":            `<p:presentation ` + ns + `><p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/><p:sldId id="258" r:id="rId1"/></p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels": rels(rel("rId1", "slide", "slides/slide1.xml"), rel("rId2", "slide", "slides/slide2.xml"), rel("rId3", "slide", "slides/slide3.xml")),
		"ppt/slides/slide3.xml":           slide1,
		"ppt/slides/slide2.xml":           slide(` show="0"`, textShape("title", "Hidden backup slide")),
		"ppt/slides/slide1.xml": slide("", textShape("title", "Golden paths")+textShape("body", "Templates teams reuse\n* Faster starts")+
			`<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="t"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>Metric</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>Target</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`+
			textShape("sldNum", "3")),
		"ppt/slides/_rels/slide1.xml.rels": rels(rel("rId9", "notesSlide", "../notesSlides/notesSlide1.xml")),
		"ppt/notesSlides/notesSlide1.xml":  `<p:notes ` + ns + `><p:cSld><p:spTree>` + textShape("sldImg", "") + textShape("body", "Tell the story of the first team.") + textShape("sldNum", "3") + `</p:spTree></p:cSld></p:notes>`,
		"docProps/core.xml":                `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Launch deck</dc:title></cp:coreProperties>`,
	}
}

func TestSlidesInOrderWithNotesWithoutHiddenSlidesAndFurniture(t *testing.T) {
	first := slide("", textShape("ctrTitle", "Platforms 2026")+textShape("subTitle", "Why teams love them")+
		`<p:grpSp><p:nvGrpSpPr><p:cNvPr id="9" name="g"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>`+textShape("", "Grouped caption")+`</p:grpSp>`)
	d, err := Read(officetest.Zip(deck(first)), doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []doc.Block{
		{Kind: doc.Heading, Level: 1, Text: "Platforms 2026", Page: 1},
		{Kind: doc.Paragraph, Text: "Why teams love them", Page: 1},
		{Kind: doc.Paragraph, Text: "Grouped caption", Page: 1},
		{Kind: doc.Heading, Level: 1, Text: "Golden paths", Page: 3},
		{Kind: doc.Paragraph, Text: "Templates teams reuse", Page: 3},
		{Kind: doc.ListItem, Level: 1, Text: "Faster starts", Page: 3},
		{Kind: doc.Table, Text: "Metric | Target", Page: 3},
		{Kind: doc.Paragraph, Text: "Tell the story of the first team.", Page: 3},
	}
	if len(d.Blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %+v", len(d.Blocks), len(want), d.Blocks)
	}
	for i := range want {
		if d.Blocks[i] != want[i] {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, d.Blocks[i], want[i])
		}
	}
	if d.Title != "Launch deck" || d.Pages != 3 || d.Format != "pptx" {
		t.Errorf("title %q pages %d format %q", d.Title, d.Pages, d.Format)
	}
	if o := d.Outline(); len(o) != 2 || o[1].Page != 3 {
		t.Errorf("outline %+v", o)
	}
}

func TestTooManySlides(t *testing.T) {
	_, err := Read(officetest.Zip(deck(slide("", textShape("title", "x")))), doc.Limits{MaxPages: 2})
	if e, ok := err.(*doc.Error); !ok || !strings.Contains(e.Reason, "3 slides; the limit is 2") {
		t.Fatalf("err = %v", err)
	}
}

// FuzzPptx: a slide's XML, whatever it holds, reads as blocks or fails with a *doc.Error.
func FuzzPptx(f *testing.F) {
	f.Add([]byte(slide("", textShape("title", "A")+textShape("body", "b\n* c"))))
	f.Add([]byte(`<p:sld><p:sp><p:sp><p:txBody><a:p><a:t>x</a:t></a:p></p:txBody></p:sp></p:sp></p:sld>`))
	f.Fuzz(func(t *testing.T, xml []byte) {
		d, err := Read(officetest.Zip(deck(string(xml))), doc.Limits{MaxBlocks: 500})
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
