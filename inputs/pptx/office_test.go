package pptx

import (
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/officetest"
	"github.com/repurpose/repurpose/internal/testdocs"
)

// A Japanese deck saved by PowerPoint, from pptx2json's published test data (MIT): each
// slide's title is a heading on its page, in slide order (a line break in a title is a
// space); the subtitle is text; the notes' slide-number fields are not; the title comes
// from the document's properties, on one line.
func TestFileAuthoredInPowerPoint(t *testing.T) {
	data := officetest.Authored(t, testdocs.Office(t, "pptx2json-0.0.10", "package", "fixtures", "test.pptx"), "Microsoft Office PowerPoint")
	d, err := Read(data, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "学校のサイエンス メッシュ デザイン" {
		t.Errorf("title %q", d.Title)
	}
	type block struct {
		kind doc.Kind
		text string
		page int
	}
	want := []block{
		{doc.Heading, "パワポ・テスト 難しい髙", 1},
		{doc.Heading, "フォント メイリオ", 2},
		{doc.Heading, "ありがとう ございました", 3},
		{doc.Paragraph, "someone@example.com", 3},
	}
	var got []block
	for _, b := range d.Blocks {
		got = append(got, block{b.Kind, b.Text, b.Page})
	}
	if len(got) != len(want) {
		t.Fatalf("blocks %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
