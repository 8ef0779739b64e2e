package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/inputs/doc"
)

// line is runs on one baseline, left to right.
type line struct {
	page                     int
	pageHeight               float64
	top, left, right, height float64
	size                     float64
	bold                     bool
	text                     string
	col                      int  // the page's column it is in (0 on a page of one column)
	cells                    int  // pieces separated by wide gaps: 3 or more read as a table row
	alone                    bool // nothing else on the page at its height
	kind                     doc.Kind
	level                    int
	ordered                  bool
}

// Layout turns pdftohtml's XML into a document.
func Layout(xmlData []byte, limits doc.Limits) (*doc.Document, error) {
	limits = limits.WithDefaults()
	p, err := parseXML(xmlData, limits)
	if err != nil {
		return nil, err
	}
	var lines []line
	for _, pg := range p.pages {
		lines = append(lines, pageLines(pg)...)
	}
	lines = dropRunning(lines, len(p.pages))
	body := bodySize(lines)
	d := &doc.Document{Format: "pdf", Pages: len(p.pages)}
	d.Title = titleOf(lines, body)
	classify(lines, body)
	if len(p.bookmarks) > 0 {
		lines = headingsFromBookmarks(lines, p.bookmarks)
	}
	vocab := vocabulary(lines)
	bl := &doc.Builder{Doc: d, Limit: limits.MaxBlocks}
	if err := assemble(bl, lines, vocab); err != nil {
		return nil, err
	}
	return d, nil
}

// pageLines groups a page's runs into lines, keeping pdftohtml's reading order (which
// follows columns) and repairing drop caps and ligatures on the way.
func pageLines(pg page) []line {
	var out []line
	gutters := findGutters(pg.runs, pg.width)
	runs := columnOrder(pg.runs, gutters)
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		r.text = cleanText(r.text)
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		// A drop cap: one big capital letter beside the lines it begins.
		if i+1 < len(runs) && utf8.RuneCountInString(strings.TrimSpace(r.text)) == 1 && r.size >= 2*runs[i+1].size && runs[i+1].size > 0 {
			if c, _ := utf8.DecodeRuneInString(strings.TrimSpace(r.text)); unicode.IsUpper(c) {
				runs[i+1].text = string(c) + strings.TrimLeft(runs[i+1].text, " ")
				continue
			}
		}
		if n := len(out); n > 0 {
			l := &out[n-1]
			sameLine := math.Abs(r.top-l.top) < 0.5*math.Max(l.height, r.height) && r.left >= l.right-2
			if sameLine {
				gap := r.left - l.right
				sep := ""
				switch {
				case gap > 3*l.size:
					l.cells++
					sep = " "
				case gap > 0.15*l.size && !strings.HasSuffix(l.text, " ") && !strings.HasPrefix(r.text, " "):
					sep = " "
				}
				l.text += sep + r.text
				l.right = r.left + r.width
				if r.size > l.size && len(strings.TrimSpace(r.text)) > 2 {
					l.size = r.size
				}
				l.bold = l.bold && r.bold
				continue
			}
		}
		out = append(out, line{page: pg.number, pageHeight: pg.height, top: r.top, left: r.left, right: r.left + r.width, height: r.height, size: r.size, bold: r.bold, text: r.text, cells: 1})
	}
	for i := range out {
		out[i].text = strings.Join(strings.Fields(out[i].text), " ")
		out[i].col, _ = column(out[i].left, out[i].right, gutters)
	}
	markTableCells(out, gutters)
	return out
}

// maxNeighbours bounds how many lines near a line are looked at: a page of a hostile PDF
// may hold many thousands of lines on one baseline.
const maxNeighbours = 400

// near calls fn for the lines of a page whose top is within dist of line i's, nearest in
// reading position first, until fn returns false or maxNeighbours were seen. byTop is the
// page's line indexes sorted by top; pos is i's place in it.
func near(lines []line, byTop []int, pos int, dist float64, fn func(j int) bool) {
	i := byTop[pos]
	seen := 0
	for _, step := range []int{-1, 1} {
		for k := pos + step; k >= 0 && k < len(byTop) && seen < maxNeighbours; k += step {
			j := byTop[k]
			if math.Abs(lines[j].top-lines[i].top) >= dist {
				break
			}
			seen++
			if !fn(j) {
				return
			}
		}
	}
}

// markTableCells: three or more separate pieces of text side by side on one baseline,
// with no column gutter between them, are a table's cells (pdftohtml emits a table cell
// by cell, so they are separate lines); lines of three columns are not. A line alone on
// its baseline is marked too, for telling page numbers from cells.
func markTableCells(lines []line, gutters []float64) {
	apart := func(a, b line) bool { // a gutter between them
		if b.left < a.left {
			a, b = b, a
		}
		for _, g := range gutters {
			if a.right <= g && b.left >= g {
				return true
			}
		}
		return false
	}
	byTop := make([]int, len(lines))
	for i := range byTop {
		byTop[i] = i
	}
	sort.SliceStable(byTop, func(a, b int) bool { return lines[byTop[a]].top < lines[byTop[b]].top })
	for pos, i := range byTop {
		n, others := 0, 0
		near(lines, byTop, pos, 0.5*lines[i].height, func(j int) bool {
			others++
			a, b := lines[i], lines[j]
			if (b.left >= a.right || a.left >= b.right) && !apart(a, b) {
				n++
			}
			return n < 2
		})
		lines[i].alone = others == 0
		if n >= 2 {
			lines[i].cells = max(lines[i].cells, n+1)
		}
	}
	// A cell's wrapped second line stands alone on its baseline: whatever lies between a
	// table's rows is the table's too.
	for pos, i := range byTop {
		if lines[i].cells >= 3 {
			continue
		}
		above, below := false, false
		near(lines, byTop, pos, 3*math.Max(lines[i].height, 1), func(j int) bool {
			o := lines[j]
			if o.cells < 3 || o.right < lines[i].left || o.left > lines[i].right {
				return true
			}
			d := o.top - lines[i].top
			above = above || (d < 0 && -d < 3*o.height)
			below = below || (d > 0 && d < 3*o.height)
			return !(above && below)
		})
		if above && below {
			lines[i].cells = 3
		}
	}
}

// columnOrder puts a page's runs in reading order when the page is set in columns (two,
// three or more): between pieces that run across a gutter (a title, an abstract, a figure
// caption across the page), each column top to bottom, left to right. A PDF may draw its
// columns line by line across the page; pdftohtml keeps the drawing order. A page without
// a gutter that text stays clear of keeps its order.
func columnOrder(runs []run, gutters []float64) []run {
	if len(gutters) == 0 {
		return runs
	}
	type keyed struct {
		band, col int
		r         run
	}
	var spans []float64 // tops of the runs across a gutter
	for _, r := range runs {
		if _, span := column(r.left, r.left+r.width, gutters); span {
			spans = append(spans, r.top)
		}
	}
	sort.Float64s(spans)
	out := make([]keyed, len(runs))
	for i, r := range runs {
		col, _ := column(r.left, r.left+r.width, gutters)
		out[i] = keyed{r: r, col: col, band: sort.SearchFloat64s(spans, r.top)} // band: spans above it
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].band != out[j].band {
			return out[i].band < out[j].band
		}
		return out[i].col < out[j].col
	})
	ordered := make([]run, len(out))
	for i, k := range out {
		ordered[i] = k.r
	}
	return ordered
}

// column is how many gutters lie left of the text from left to right; text across a
// gutter is a span, ordered after every column of the band above it.
func column(left, right float64, gutters []float64) (col int, span bool) {
	for _, g := range gutters {
		switch {
		case left < g-1 && right > g+1:
			return len(gutters) + 1, true
		case right > g:
			col++
		}
	}
	return col, false
}

// strip is a stretch of x that few runs cross: a gutter between columns.
type strip struct {
	x, end float64 // the part of it crossed least
	cross  int
}

// mid is where the gutter is: clear of both columns' ragged edges.
func (s strip) mid() float64 { return (s.x + s.end) / 2 }

// findGutters is the x of each gutter between columns, left to right: a vertical strip
// that few runs cross (fewer than the lines beside it that share baselines across it, and
// a tenth of the page's runs), with text on both sides sharing baselines (columns, not an
// indented block under a heading) and a column's worth of text between two gutters.
func findGutters(runs []run, width float64) []float64 {
	if len(runs) < 6 || width <= 0 {
		return nil
	}
	var found []strip
	var best *strip                  // the strip being crossed
	fewest := max(4, len(runs)/10+1) // a few pieces may run across: a title, an abstract
	for x := 0.15 * width; x <= 0.85*width+1; x += 2 {
		cross, left, right := 0, 0, 0
		for _, r := range runs {
			switch {
			case r.left < x-1 && r.left+r.width > x+1:
				cross++
			case r.left+r.width <= x:
				left++
			default:
				right++
			}
		}
		ok := left >= 3 && right >= 3 && cross < fewest
		if ok {
			shared := sideBySide(runs, x)
			ok = shared >= 3 && cross <= shared
		}
		switch {
		case ok && best == nil:
			best = &strip{x, x, cross}
		case ok && cross < best.cross:
			best.x, best.end, best.cross = x, x, cross
		case ok && cross == best.cross && best.end == x-2:
			best.end = x
		case !ok && best != nil:
			found = append(found, *best)
			best = nil
		}
	}
	if best != nil {
		found = append(found, *best)
	}
	// Two strips with no column between them are one gutter: keep the clearer.
	var gutters []strip
	for _, c := range found {
		if n := len(gutters); n > 0 && within(runs, gutters[n-1].mid(), c.mid()) < 3 {
			if c.cross < gutters[n-1].cross {
				gutters[n-1] = c
			}
			continue
		}
		gutters = append(gutters, c)
	}
	xs := make([]float64, len(gutters))
	for i, g := range gutters {
		xs[i] = g.mid()
	}
	if len(xs) > 0 && !prose(runs, xs) {
		return nil
	}
	return xs
}

// prose reports whether the text between the gutters is set as columns: most lines of
// each column fill at least half its width. A table's cells leave most of theirs empty
// (and stay a table: see markTableCells).
func prose(runs []run, gutters []float64) bool {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range runs {
		lo, hi = math.Min(lo, r.left), math.Max(hi, r.left+r.width)
	}
	edges := append(append([]float64{lo}, gutters...), hi)
	for i := 1; i < len(edges); i++ {
		a, b := edges[i-1], edges[i]
		var widths []float64
		for _, r := range runs {
			if r.left >= a-1 && r.left+r.width <= b+1 {
				widths = append(widths, r.width)
			}
		}
		if len(widths) == 0 {
			return false
		}
		sort.Float64s(widths)
		if widths[len(widths)/2] < 0.5*(b-a) {
			return false
		}
	}
	return true
}

// within counts the runs that lie wholly between a and b.
func within(runs []run, a, b float64) int {
	n := 0
	for _, r := range runs {
		if r.left >= a && r.left+r.width <= b {
			n++
		}
	}
	return n
}

// sideBySide counts the runs right of x that share a baseline with text left of it.
func sideBySide(runs []run, x float64) int {
	lefts := map[int]bool{}
	for _, r := range runs {
		if r.left+r.width <= x {
			lefts[int(r.top/4)] = true
		}
	}
	shared := 0
	for _, r := range runs {
		if r.left >= x && (lefts[int(r.top/4)] || lefts[int(r.top/4)-1] || lefts[int(r.top/4)+1]) {
			shared++
		}
	}
	return shared
}

var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st",
	"\u00ad", "", "\u200b", "", "\ufeff", "", "\u00a0", " ", "\u2009", " ", "\ufffd", "")

// cleanText expands ligatures and drops soft hyphens, private-use glyphs and control
// characters: the debris PDF fonts leave in extracted text.
func cleanText(s string) string {
	s = ligatures.Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xE000 && r <= 0xF8FF:
			return '•' // symbol-font glyphs are bullets in practice
		case unicode.IsControl(r) && r != '\t':
			return -1
		}
		return r
	}, s)
}

var pageNumber = regexp.MustCompile(`(?i)^(page\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(of|/)\s*\d{1,4})?$`)

// dropRunning removes running headers and footers (the same text, numbers aside, near the
// top or bottom of many pages) and page numbers.
func dropRunning(lines []line, pages int) []line {
	band := func(l line) bool {
		return l.pageHeight > 0 && (l.top < 0.09*l.pageHeight || l.top+l.height > 0.91*l.pageHeight)
	}
	key := func(l line) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return unicode.ToLower(r)
		}, l.text)
	}
	seen := map[string]map[int]bool{}
	for _, l := range lines {
		if band(l) {
			k := key(l)
			if seen[k] == nil {
				seen[k] = map[int]bool{}
			}
			seen[k][l.page] = true
		}
	}
	need := max(2, int(math.Ceil(0.3*float64(pages))))
	out := lines[:0]
	for _, l := range lines {
		if band(l) && (len(seen[key(l)]) >= need || pageNumber.MatchString(l.text)) {
			continue
		}
		if pageNumber.MatchString(l.text) && (l.cells < 3 || l.alone) {
			continue // a number alone is a page number, or a contents entry's
		}
		out = append(out, l)
	}
	return out
}

// bodySize is the font size most of the text is set in.
func bodySize(lines []line) float64 {
	weight := map[float64]int{}
	for _, l := range lines {
		weight[math.Round(l.size*2)/2] += utf8.RuneCountInString(l.text)
	}
	best, bestN := 0.0, -1
	for s, n := range weight {
		if n > bestN || (n == bestN && s < best) {
			best, bestN = s, n
		}
	}
	return best
}

// titleOf is the largest text on the first page with text, when it stands out.
func titleOf(lines []line, body float64) string {
	if len(lines) == 0 {
		return ""
	}
	first := lines[0].page
	big := 0.0
	for _, l := range lines {
		if l.page != first {
			break
		}
		big = math.Max(big, l.size)
	}
	if big < 1.3*body {
		return ""
	}
	var parts []string
	for _, l := range lines {
		if l.page != first {
			break
		}
		if l.size >= big-0.5 {
			parts = append(parts, l.text)
		} else if len(parts) > 0 {
			break
		}
	}
	return strings.Join(parts, " ")
}

var (
	captionStart = regexp.MustCompile(`(?i)^(figure|fig\.|table|exhibit|chart|diagram|source:)\s*\d*[.:]?\s`)
	bulletStart  = regexp.MustCompile(`^([•●◦○▪■□►▶➢➤✓✔·*–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+`)
	numberStart  = regexp.MustCompile(`^\(?\d{1,2}[.)]\s+`)
	leaderDots   = regexp.MustCompile(`\s*(\.\s?){4,}\s*\d*\s*$|\s*…{2,}\s*\d*\s*$`)
	footnoteMark = regexp.MustCompile(`^(\d{1,3}|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S`)
)

// classify decides what each line is: heading (with level), list item, caption, footnote,
// table row or paragraph text.
func classify(lines []line, body float64) {
	type style struct {
		size float64
		bold bool
	}
	counts := map[style]int{}
	isHeadingLike := func(l line) bool {
		words := len(strings.Fields(l.text))
		if words == 0 || words > 20 || l.cells >= 3 || captionStart.MatchString(l.text) {
			return false
		}
		if !hasLetter(l.text) {
			return false
		}
		if l.size >= 1.15*body {
			return true
		}
		return l.bold && l.size >= 0.95*body && !strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, ",")
	}
	for i := range lines {
		l := &lines[i]
		l.kind = doc.Paragraph
		switch {
		case leaderDots.MatchString(l.text) && hasLetter(l.text):
			// A table of contents entry: "Introduction ........ 3".
			l.kind = doc.ListItem
			l.text = leaderDots.ReplaceAllString(l.text, "")
		case l.cells >= 3:
			l.kind = doc.Table
		case captionStart.MatchString(l.text):
			l.kind = doc.Caption
		case l.size < 0.9*body && l.pageHeight > 0 && l.top > 0.7*l.pageHeight && (footnoteMark.MatchString(l.text) || (i > 0 && lines[i-1].kind == doc.Footnote && lines[i-1].page == l.page)):
			l.kind = doc.Footnote
		case bulletStart.MatchString(l.text) && l.size < 1.15*body:
			l.kind = doc.ListItem
			l.ordered = numberStart.MatchString(l.text)
			l.text = bulletStart.ReplaceAllString(l.text, "")
		case isHeadingLike(*l):
			l.kind = doc.Heading
			counts[style{math.Round(l.size), l.bold}]++
		}
	}
	// A "heading" style used for a large share of the lines is body text set apart, not
	// a heading (a bold lead-in on every paragraph, a sidebar).
	total := len(lines)
	var styles []style
	for s, n := range counts {
		if n*5 > total && n > 10 {
			continue
		}
		styles = append(styles, s)
	}
	sort.Slice(styles, func(i, j int) bool {
		if styles[i].size != styles[j].size {
			return styles[i].size > styles[j].size
		}
		return styles[i].bold && !styles[j].bold
	})
	level := map[style]int{}
	for i, s := range styles {
		level[s] = min(i+1, 6)
	}
	for i := range lines {
		l := &lines[i]
		if l.kind != doc.Heading {
			continue
		}
		if lv, ok := level[style{math.Round(l.size), l.bold}]; ok {
			l.level = lv
		} else {
			l.kind = doc.Paragraph
		}
	}
	// Levels are relative: the top heading level in use becomes 1.
	top := 7
	for _, l := range lines {
		if l.kind == doc.Heading {
			top = min(top, l.level)
		}
	}
	for i := range lines {
		if lines[i].kind == doc.Heading {
			lines[i].level -= top - 1
		}
	}
}

// headingsFromBookmarks makes the PDF's own outline the headings: each bookmark marks the
// first line on its page that says the same, and other lines lose heading rank. A bookmark
// whose words are not on its page (a heading drawn as a picture) heads its page.
func headingsFromBookmarks(lines []line, marks []bookmark) []line {
	for i := range lines {
		if lines[i].kind == doc.Heading {
			lines[i].kind = doc.Paragraph
		}
	}
	firstOf := map[int]int{} // page -> index of its first line
	for i := len(lines) - 1; i >= 0; i-- {
		firstOf[lines[i].page] = i
	}
	var unmatched []bookmark
	for _, m := range marks {
		want := normalize(m.title)
		if want == "" || m.page <= 0 {
			continue
		}
		start, ok := firstOf[m.page]
		matched := false
		for i := start; ok && i < len(lines) && lines[i].page <= m.page+1; i++ {
			if lines[i].kind == doc.Heading {
				continue // taken by an earlier bookmark
			}
			if got := normalize(lines[i].text); got != "" && (got == want || strings.HasPrefix(want, got) && len(got)*2 > len(want)) {
				lines[i].kind = doc.Heading
				lines[i].level = min(m.level, 6)
				matched = true
				break
			}
		}
		if !matched {
			unmatched = append(unmatched, m)
		}
	}
	if len(unmatched) > 0 {
		sort.SliceStable(unmatched, func(a, b int) bool { return unmatched[a].page < unmatched[b].page })
		var out []line
		k := 0
		for _, l := range lines {
			for k < len(unmatched) && unmatched[k].page <= l.page {
				m := unmatched[k]
				out = append(out, line{page: m.page, kind: doc.Heading, level: min(m.level, 6), text: m.title})
				k++
			}
			out = append(out, l)
		}
		for ; k < len(unmatched); k++ {
			m := unmatched[k]
			out = append(out, line{page: m.page, kind: doc.Heading, level: min(m.level, 6), text: m.title})
		}
		lines = out
	}
	return lines
}

func normalize(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
