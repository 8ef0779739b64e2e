package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/officetest"
)

const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// sample is a Word document as Word writes one: a title, localised heading style ids,
// tracked changes, a comment, a list, a table and a footnote.
func sample(body string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
		"word/styles.xml": `<w:styles ` + w + `>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:basedOn w:val="berschrift1"/></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`,
		"word/numbering.xml": `<w:numbering ` + w + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
		"word/footnotes.xml": `<w:footnotes ` + w + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Survey of 300 teams, 2025.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/comments.xml": `<w:comments ` + w + `><w:comment w:id="0"><w:p><w:r><w:t>Reviewer: cut this?</w:t></w:r></w:p></w:comment></w:comments>`,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Platform Guide</dc:title><dc:creator>Ana Ruiz</dc:creator><dc:language>en-GB</dc:language></cp:coreProperties>`,
		"word/document.xml": `<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`,
	}
}

func wpara(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func item(numID, lvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func TestWordStructureTrackedChangesCommentsFootnotes(t *testing.T) {
	body := wpara("Titel", "Platform Guide 2026") +
		wpara("berschrift1", "Why platforms") +
		`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Platforms </w:t></w:r><w:del w:id="1" w:author="B"><w:r><w:delText>slowly </w:delText></w:r></w:del><w:ins w:id="2" w:author="B"><w:r><w:t xml:space="preserve">quickly </w:t></w:r></w:ins><w:r><w:t>pay off.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
		wpara("Kapitel", "What teams need") +
		wpara("Sub", "Golden paths") +
		item("1", "0", "Measure adoption") + item("2", "1", "Weekly active users") +
		`<w:tbl><w:tr><w:tc>` + wpara("", "Metric") + `</w:tc><w:tc>` + wpara("", "Target") + `</w:tc></w:tr><w:tr><w:tc>` + wpara("", "Lead time") + `</w:tc><w:tc>` + wpara("", "1 day") + `</w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>Field </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>result</w:t></w:r><w:r><w:t xml:space="preserve"> and a</w:t></w:r><w:r><w:tab/><w:t>tab.</w:t></w:r></w:p>`
	d, err := Read(officetest.Zip(sample(body)), doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []doc.Block{
		{Kind: doc.Heading, Level: 1, Text: "Platform Guide 2026"},
		{Kind: doc.Heading, Level: 1, Text: "Why platforms"},
		{Kind: doc.Paragraph, Text: "Platforms quickly pay off."},
		{Kind: doc.Heading, Level: 1, Text: "What teams need"},
		{Kind: doc.Heading, Level: 2, Text: "Golden paths"},
		{Kind: doc.ListItem, Level: 0, Ordered: true, Text: "Measure adoption"},
		{Kind: doc.ListItem, Level: 1, Text: "Weekly active users"},
		{Kind: doc.Table, Text: "Metric | Target\nLead time | 1 day"},
		{Kind: doc.Paragraph, Text: "Field result and a tab."},
		{Kind: doc.Footnote, Text: "Survey of 300 teams, 2025."},
	}
	if len(d.Blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %+v", len(d.Blocks), len(want), d.Blocks)
	}
	for i := range want {
		if d.Blocks[i] != want[i] {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, d.Blocks[i], want[i])
		}
	}
	if d.Title != "Platform Guide" || d.Author != "Ana Ruiz" || d.Lang != "en-GB" || d.Format != "docx" {
		t.Errorf("metadata: %q %q %q %q", d.Title, d.Author, d.Lang, d.Format)
	}
	md := d.Markdown()
	for _, s := range []string{"Reviewer", "slowly", "PAGE", "Lead time", "Survey"} {
		if strings.Contains(md, s) {
			t.Errorf("the text holds %q, which is not the document's prose:\n%s", s, md)
		}
	}
}

func TestWordBudgetsAndDamage(t *testing.T) {
	if _, err := Read([]byte("PK\x03\x04 not really"), doc.Limits{}); !isDocError(err, "damaged") {
		t.Errorf("a broken ZIP: %v", err)
	}
	big := sample(wpara("", strings.Repeat("word ", 50_000)))
	if _, err := Read(officetest.Zip(big), doc.Limits{MaxUnpacked: 100 << 10}); !isDocError(err, "unpacks to more than") {
		t.Errorf("over the unpacked budget: %v", err)
	}
	deep := sample(strings.Repeat("<w:sdt><w:sdtContent>", 300) + wpara("", "deep") + strings.Repeat("</w:sdtContent></w:sdt>", 300))
	if _, err := Read(officetest.Zip(deep), doc.Limits{}); !isDocError(err, "levels deep") {
		t.Errorf("nested too deep: %v", err)
	}
	empty := sample(wpara("", " "))
	if _, err := Read(officetest.Zip(empty), doc.Limits{}); !isDocError(err, "no text") {
		t.Errorf("no text: %v", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.Create("EncryptedPackage")
	zw.Close()
	if _, err := Read(buf.Bytes(), doc.Limits{}); !isDocError(err, "password") {
		t.Errorf("encrypted: %v", err)
	}
}

func isDocError(err error, says string) bool {
	e, ok := err.(*doc.Error)
	return ok && strings.Contains(e.Reason, says)
}
