package pdf

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
)

// A two-column page reads down the left column, then down the right one, between the
// pieces that run across the page.
func TestTwoColumnsReadInOrder(t *testing.T) {
	left := []string{"Platform teams build the paved road that", "product teams travel every day, and they", "measure how many teams use it each week."}
	right := []string{"The second column begins a new thought:", "golden paths are products with users,", "roadmaps and a team that owns them."}
	page := []textAt{{x: 50, y: 60, size: 18, bold: true, text: "Two columns, one story"}}
	for i := range left {
		page = append(page, textAt{x: 50, y: 100 + float64(i)*14, size: 11, text: left[i]}, textAt{x: 320, y: 100 + float64(i)*14, size: 11, text: right[i]})
	}
	closing := "A closing line that runs across the whole page, from the left margin to the right one."
	page = append(page, textAt{x: 50, y: 180, size: 11, text: closing})
	d, err := read(t, pdfSpec{pages: [][]textAt{page}}, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	md := d.Markdown()
	want := "# Two columns, one story\n\n" + strings.Join(left, " ") + "\n\n" + strings.Join(right, " ") + "\n\n" + closing
	if !strings.Contains(md, want) {
		t.Errorf("columns read out of order:\n%s\nwant:\n%s", md, want)
	}
}

// A CJK PDF (a CID font with a ToUnicode map, as CJK PDFs are made) reads with its
// headings, and its lines join without spaces.
func TestCJKText(t *testing.T) {
	page := []textAt{
		{x: 72, y: 80, size: 20, cjk: true, text: "平台工程白皮书"},
		{x: 72, y: 130, size: 11, cjk: true, text: "平台团队为产品团队提供一致的体验，"},
		{x: 72, y: 145, size: 11, cjk: true, text: "让开发者更快地交付价值。"},
		{x: 72, y: 190, size: 15, cjk: true, text: "为什么需要平台"},
		{x: 72, y: 225, size: 11, cjk: true, text: "平台减少认知负担，并提高可靠性。"},
	}
	d, err := read(t, pdfSpec{pages: [][]textAt{page}}, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	md := d.Markdown()
	for _, want := range []string{"# 平台工程白皮书", "## 为什么需要平台", "平台团队为产品团队提供一致的体验，让开发者更快地交付价值。"} {
		if !strings.Contains(md, want) {
			t.Errorf("the text lacks %q:\n%s", want, md)
		}
	}
}

// Paragraphs set with a little more space between them than between their lines are two
// paragraphs, even when the first one's last line runs to the margin: a run-in heading
// ("Operator configuration:") opens the second, not the middle of the first.
func TestAWiderGapStartsAParagraph(t *testing.T) {
	first := []string{"Open source operators are unlikely to have configurations for these Linux", "security modules, but writing them for an operator needs no significant effort."}
	second := []string{"Operator configuration: Ideally a project will be secure by default to raise the", "likelihood of a secure operator or application deployment in every cluster."}
	var page []textAt
	for i, l := range first {
		page = append(page, textAt{x: 50, y: 100 + float64(i)*13, size: 11, text: l})
	}
	for i, l := range second {
		page = append(page, textAt{x: 50, y: 134 + float64(i)*13, size: 11, text: l})
	}
	d, err := read(t, pdfSpec{pages: [][]textAt{page}}, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	md := d.Markdown()
	if want := strings.Join(first, " ") + "\n\n" + strings.Join(second, " "); !strings.Contains(md, want) {
		t.Errorf("got:\n%s\nwant:\n%s", md, want)
	}
}
