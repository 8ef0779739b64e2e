// Package results reads the results a document gives as a table of before and after
// ("Kilómetros en vacío | 27,0 % | 20,8 % | −23 %"): a case study's best findings are
// often there and nowhere in its prose. Each row becomes a line a post can list,
// "Kilómetros en vacío (% del total): 27,0 % → 20,8 % (−23 %)", in any language, as the
// arrow needs no words.
package results

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// A Change is one row of a results table: what was measured, its value before and after,
// when each was (as the header gives it, "" for "before" and "after"), and the change
// when the table gives it.
type Change struct {
	Label, Before, After, Delta string
	BeforeWhen, AfterWhen       string
}

// Line is the change as a post lists it.
func (c Change) Line() string {
	line := c.Label + ": " + c.Before + when(c.BeforeWhen) + " → " + c.After + when(c.AfterWhen)
	if c.Delta != "" {
		line += " (" + c.Delta + ")"
	}
	return line
}

func when(w string) string {
	if w == "" {
		return ""
	}
	return " (" + w + ")"
}

// maxLabel bounds a row's label in characters: a longer first cell is prose, not a name.
const maxLabel = 80

// column is what a header cell says of its column: a time (a year or period, or
// "before"/"after"), as the header words it ("when"), and what was measured then
// ("Inbox 2024": "Inbox"), which the two columns compared share.
type column struct {
	when, measure string
	year          int // 0 for "before" and "after"
	after         bool
}

// Of is the changes of a table whose header names a time before and one after, for one
// measure: two years or periods ("2023", "Ene–sep 2024"; "Conversão 2022", "Conversão
// 2023"), or "Before"/"After" ("도입 전"/"도입 후"), in the table's row order. Two bare
// years without a change column are a breakdown, not a result (shares by branch, by
// payment method): what they measure, only the text says. A row whose cells hold no
// figure, or figures of different units, is left out.
func Of(t parse.Table) []Change {
	if len(t) < 2 || len(t[0]) < 3 {
		return nil
	}
	header := t[0]
	cols := make([]*column, len(header))
	delta := -1
	for i, h := range header[1:] {
		switch {
		case delta < 0 && changeHeading(h):
			delta = i + 1
		default:
			cols[i+1] = readColumn(h)
		}
	}
	before, after := pair(cols)
	if before < 0 {
		return nil
	}
	b, a := cols[before], cols[after]
	if b.year > 0 && delta < 0 && b.measure == "" && a.measure == "" {
		return nil
	}
	var out []Change
	for _, row := range t[1:] {
		if len(row) <= max(before, after, delta) {
			continue
		}
		c := Change{Label: row[0], Before: row[before], After: row[after], BeforeWhen: b.when, AfterWhen: a.when}
		if delta > 0 && figure(row[delta]) {
			c.Delta = row[delta]
		}
		if c.Label == "" || utf8.RuneCountInString(c.Label) > maxLabel || !figure(c.Before) || !figure(c.After) ||
			c.Before == c.After || unit(c.Before) != unit(c.After) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// readColumn is what header cell h says of its column; nil when it names no time.
func readColumn(h string) *column {
	if y := yearOf.FindStringIndex(h); y != nil {
		year, _ := strconv.Atoi(h[y[0]:y[1]])
		measure := strings.TrimSpace(h[:y[0]] + h[y[1]:])
		// The whole header says when, and of what: "Inbox 2024", "2022 cycle", "2023년".
		when := strings.Join(strings.Fields(strings.NewReplacer("(", " ", ")", " ", "（", " ", "）", " ").Replace(h)), " ")
		if measure == "" || utf8.RuneCountInString(measure) <= 8 && periodWords.MatchString(measure) {
			return &column{when: when, year: year} // "Ene–sep 2024", "H1 2024": a period
		}
		return &column{when: when, measure: measure, year: year}
	}
	if holds(h, afterWords) {
		return &column{after: true}
	}
	if holds(h, beforeWords) {
		return &column{}
	}
	return nil
}

// pair are the columns of the same measure before and after: the earliest and latest
// years, or the "before" and "after" columns; -1, -1 when there are none.
func pair(cols []*column) (before, after int) {
	before, after = -1, -1
	for i, c := range cols {
		for j, d := range cols {
			if c == nil || d == nil || i == j || (c.year > 0) != (d.year > 0) || c.measure != "" && d.measure != "" && c.measure != d.measure {
				continue
			}
			if c.year > 0 && c.year < d.year && (before < 0 || c.year <= cols[before].year && d.year >= cols[after].year) ||
				c.year == 0 && !c.after && d.after && before < 0 {
				before, after = i, j
			}
		}
	}
	return before, after
}

// figure reports a cell that holds a number and little else ("27,0 %", "4.2 days",
// "1,2 Mio. €", "38분").
func figure(cell string) bool {
	return strings.ContainsFunc(cell, unicode.IsDigit) && utf8.RuneCountInString(cell) <= 24
}

// unit is a figure's cell without its number: "%", " days", "R$ milhões".
func unit(cell string) string {
	return strings.Join(strings.FieldsFunc(cell, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(".,+-−–~約约", r)
	}), "")
}

var (
	// yearOf is a year in a header.
	yearOf = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	// periodWords mark the rest of a header as part of its time: a stretch of months
	// ("Ene–sep", "1–9月"), a half or a quarter ("H1", "Q3").
	periodWords = regexp.MustCompile(`(?i)[–\-/~〜]|^(?:h[12]|q[1-4]|[1-4]q|[12]h)$|月|분기|半期|季度|上半|下半`)
	// beforeWords and afterWords name the two times of a comparison, lower case.
	beforeWords = []string{"before", "baseline", "prior", "antes", "avant", "vorher", "vor", "prima", "voor", "voorheen",
		"导入前", "引入前", "实施前", "上线前", "之前", "導入前", "以前", "도입 전", "도입전", "이전", "적용 전"}
	afterWords = []string{"after", "now", "today", "después", "depois", "après", "nachher", "nach", "dopo", "na", "nu",
		"导入后", "引入后", "实施后", "上线后", "之后", "導入後", "以後", "現在", "도입 후", "도입후", "이후", "적용 후", "현재"}
	changeWords = []string{"change", "variation", "variación", "variação", "variazione", "évolution", "veränderung",
		"änderung", "verandering", "difference", "diferencia", "diferença", "différence", "differenza", "unterschied",
		"verschil", "δ", "delta", "变化", "变动", "增减", "変化", "増減", "改善", "변화", "증감", "개선", "improvement", "mejora", "melhoria"}
)

func changeHeading(h string) bool { return holds(h, changeWords) }

// holds reports a heading that holds one of words: as a whole word in scripts that
// space words, anywhere in those that do not.
func holds(h string, words []string) bool {
	lower := textcase.Lower(h)
	return slices.ContainsFunc(words, func(w string) bool {
		if spaced(w) {
			return lean.HasLowerWord(lower, w)
		}
		return strings.Contains(lower, w)
	})
}

// spaced reports a word of a script that spaces its words (not Chinese, Japanese or
// Korean, whose words carry particles).
func spaced(w string) bool {
	return !strings.ContainsFunc(w, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	})
}

// maxLines bounds the results a post lists: the rest of the table is the document's.
const maxLines = 3

// Lines are the document's results as a post lists them (Change.Line), from the tables
// of sections skip does not mark (boilerplate: a method's sample table is no result), at
// most chars characters each, the first maxLines in document order.
func Lines(doc *parse.Document, skip []bool, chars int) []string {
	var out []string
	for i, s := range doc.Sections {
		if skip[i] {
			continue
		}
		for _, t := range s.Tables {
			for _, c := range Of(t) {
				if line := c.Line(); len(out) < maxLines && utf8.RuneCountInString(line) <= chars {
					out = append(out, line)
				}
			}
		}
	}
	return out
}
