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
