package pdf

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/inputs/doc"
)

// assemble joins classified lines into blocks: a paragraph's lines, across columns and
// pages, become one paragraph; a wrapped heading one heading; a list item its lines.
func assemble(bl *doc.Builder, lines []line, vocab map[string]bool) error {
	right := map[[2]int]float64{} // the right edge of each page's text columns
	for _, l := range lines {
		if l.kind == doc.Paragraph {
			k := [2]int{l.page, l.col}
			right[k] = max(right[k], l.right)
		}
	}
	var cur *doc.Block // the body block being built
	var last line      // its last line
	var aside *doc.Block
	var asideLast line
	flush := func() error {
		if cur == nil {
			return nil
		}
		b := *cur
		cur = nil
		return bl.Add(b)
	}
	flushAside := func() error {
		if aside == nil {
			return nil
		}
		b := *aside
		aside = nil
		return bl.Add(b)
	}
	curLeft := 0.0               // where the block's first line starts
	leading := typicalGap(lines) // between the lines of a paragraph, in most of them
	lineGap := leading           // between the block's lines so far
	start := func(l line) {
		cur = &doc.Block{Kind: l.kind, Text: l.text, Page: l.page, Level: l.level, Ordered: l.ordered}
		last, curLeft, lineGap = l, l.left, leading
	}
	itemBase := 0.0
	for _, l := range lines {
		switch l.kind {
		case doc.Table, doc.Caption, doc.Footnote:
			if aside != nil && aside.Kind == l.kind && l.page == asideLast.page && continuesAside(asideLast, l) {
				sep := " "
				if l.kind == doc.Table {
					sep = "\n"
				}
				aside.Text += sep + l.text
			} else {
				if err := flushAside(); err != nil {
					return err
				}
				aside = &doc.Block{Kind: l.kind, Text: l.text, Page: l.page}
			}
			asideLast = l
			continue
		}
		if err := flushAside(); err != nil {
			return err
		}
		switch l.kind {
		case doc.Heading:
			if cur != nil && cur.Kind == doc.Heading && cur.Level == l.level && l.page == last.page && gap(last, l) < 0.8*l.height {
				cur.Text = join(cur.Text, l.text, vocab)
				last = l
				continue
			}
		case doc.ListItem:
			if cur == nil || cur.Kind != doc.ListItem {
				itemBase = l.left
			}
			itemBase = min(itemBase, l.left)
			l.level = min(int((l.left-itemBase)/(1.2*max(l.size, 1))+0.5), 4)
		case doc.Paragraph:
			if cur != nil && cur.Kind == doc.ListItem && (l.page == last.page && l.left > curLeft+2 && gap(last, l) < 0.6*l.height || movedOn(last, l) && !endsSentence(cur.Text) && startsLower(l.text)) {
				cur.Text = join(cur.Text, l.text, vocab)
				last = l
				continue
			}
			if cur != nil && cur.Kind == doc.Paragraph && continues(last, l, right, lineGap) {
				if !movedOn(last, l) {
					lineGap = gap(last, l)
				}
				cur.Text = join(cur.Text, l.text, vocab)
				last = l
				continue
			}
		}
		if err := flush(); err != nil {
			return err
		}
		start(l)
	}
	if err := flush(); err != nil {
		return err
	}
	return flushAside()
}

// movedOn: b is on the next page or column.
func movedOn(a, b line) bool { return b.page != a.page || b.top < a.top-a.height }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func gap(a, b line) float64 { return b.top - (a.top + a.height) }

// typicalGap is the median gap between consecutive body lines on a page that could
// belong to one paragraph: the document's leading.
func typicalGap(lines []line) float64 {
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if a.kind == doc.Paragraph && b.kind == doc.Paragraph && !movedOn(a, b) {
			if g := gap(a, b); g < 0.6*a.height {
				gaps = append(gaps, g)
			}
		}
	}
	if len(gaps) == 0 {
		return 0
	}
	sort.Float64s(gaps)
	return gaps[len(gaps)/2]
}

// continues reports whether line b goes on with the paragraph that line a ended, whose
// lines so far were lineGap apart (the document's usual gap while it has one). A wider gap than the
// paragraph's own spacing starts another ("… overhead." / "Operator configuration: …"):
// a run-in heading's paragraph is otherwise set like the one before it.
func continues(a, b line, right map[[2]int]float64, lineGap float64) bool {
	ended := endsSentence(a.text)
	if movedOn(a, b) {
		// The next page or column: an unfinished sentence goes on.
		return !ended
	}
	if gap(a, b) > 0.6*a.height || b.size > a.size*1.1 || a.size > b.size*1.1 {
		return false
	}
	if gap(a, b) > lineGap+0.35*a.height {
		return false
	}
	// A short last line that ends a sentence ends its paragraph.
	edge := right[[2]int{a.page, a.col}]
	return !(ended && a.right < edge-0.15*(edge-a.left))
}

func continuesAside(a, b line) bool {
	if b.kind == doc.Footnote && footnoteMark.MatchString(b.text) && b.size <= a.size {
		return gap(a, b) < 0.3*a.height && !endsSentence(a.text)
	}
	return gap(a, b) < 0.8*a.height
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)]`)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:。！？", r)
}

// join appends a line to the text before it: a word hyphenated at the line end is made
// whole again ("secu-" + "rity"), unless the document spells it with the hyphen elsewhere
// ("self-" + "service"); CJK lines join without a space.
func join(a, b string, vocab map[string]bool) string {
	if a == "" {
		return b
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if last == '-' && len(a) > 1 {
		head := lastWord(a[:len(a)-1])
		tail := firstWord(b)
		before, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		if unicode.IsLetter(before) && unicode.IsLower(first) {
			if vocab[strings.ToLower(head+"-"+tail)] || isUpperWord(head) {
				return a + b
			}
			return a[:len(a)-1] + b
		}
		return a + b
	}
	if cjk(last) && cjk(first) {
		return a + b
	}
	return a + " " + b
}

func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

func isUpperWord(s string) bool {
	return len(s) > 1 && strings.ToUpper(s) == s && hasLetter(s)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return trimPunct(f[len(f)-1])
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return trimPunct(f[0])
}

func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}

// vocabulary is every hyphenated word the document spells whole on one line, for join.
func vocabulary(lines []line) map[string]bool {
	v := map[string]bool{}
	for _, l := range lines {
		words := strings.Fields(l.text)
		for i, w := range words {
			if i == len(words)-1 {
				break // a line's last word may be a break, not a spelling
			}
			w = strings.ToLower(trimPunct(w))
			if strings.Contains(strings.Trim(w, "-"), "-") {
				v[w] = true
			}
		}
	}
	return v
}
