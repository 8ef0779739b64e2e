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

// Three columns under a title and an abstract across the page, drawn line by line across
// the page as some PDFs are: each column reads top to bottom, left to right, and three
// lines side by side on a baseline are prose, not a table's row.
func TestThreeColumnsUnderAnAbstractReadInOrder(t *testing.T) {
	paras := []string{
		"Platform teams build the paved road that product teams travel every day, and they measure how many teams use it each week, because adoption is the honest measure.",
		"Golden paths are products with users, roadmaps and a team that owns them, and a golden path that nobody takes is a cost that nobody chose to pay for.",
		"Onboarding took two weeks before the portal existed and takes four hours now, which is the figure the platform team shows every quarter to its sponsors.",
	}
	abstract := []string{"An abstract runs across the whole page above the three columns of the paper, from the", "left margin to the right one, and says what the paper finds about platform teams."}
	page := []textAt{{x: 40, y: 50, size: 20, bold: true, text: "Three columns, one story"}}
	for i, l := range abstract {
		page = append(page, textAt{x: 40, y: 85 + float64(i)*12, size: 9, text: l})
	}
	cols := make([][]string, len(paras))
	for c, p := range paras {
		cols[c] = wrap(p, 30)
	}
	for row := 0; row < len(cols[0]) || row < len(cols[1]) || row < len(cols[2]); row++ {
		for c := range cols {
			if row < len(cols[c]) {
				page = append(page, textAt{x: 40 + float64(c)*190, y: 130 + float64(row)*12, size: 9, text: cols[c][row]})
			}
		}
	}
	d, err := read(t, pdfSpec{pages: [][]textAt{page}}, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	md := d.Markdown()
	want := "# Three columns, one story\n\n" + strings.Join(abstract, " ") + "\n\n" + strings.Join(paras, "\n\n")
	if !strings.Contains(md, want) {
		t.Errorf("columns read out of order:\n%s\nwant:\n%s", md, want)
	}
}

// wrap breaks s into lines of at most width characters, between words.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		line = strings.TrimSpace(line + " " + w)
	}
	return append(lines, line)
}

// A table of three columns below a short paragraph stays a table: its columns of short
// cells are not columns of prose.
func TestThreeColumnTableIsNotReadAsColumns(t *testing.T) {
	page := []textAt{
		{x: 72, y: 80, size: 11, text: "Adoption grew in every region we surveyed, and the table gives the figures for each year"},
		{x: 72, y: 94, size: 11, text: "of the study, by region and by the share of teams on the paved road."},
	}
	rows := [][3]string{{"Region", "2024", "2025"}, {"Europe", "41%", "58%"}, {"Americas", "37%", "52%"}, {"Asia", "29%", "47%"}, {"Africa", "18%", "33%"}, {"Oceania", "35%", "49%"}}
	for i, r := range rows {
		for c, cell := range r {
			page = append(page, textAt{x: 72 + float64(c)*180, y: 130 + float64(i)*14, size: 11, text: cell})
		}
	}
	d, err := read(t, pdfSpec{pages: [][]textAt{page}}, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var table string
	for _, b := range d.Blocks {
		if b.Kind == doc.Table {
			table += b.Text + "\n"
		} else if strings.Contains(b.Text, "Europe") || strings.Contains(b.Text, "58%") {
			t.Errorf("a table cell read as %s: %q", b.Kind, b.Text)
		}
	}
	if !strings.Contains(table, "Europe 41% 58%") {
		t.Errorf("the table reads %q, want its rows", table)
	}
}
