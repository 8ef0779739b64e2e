package parse

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// bulletRe matches a plain-text list line: "- x", "* x", "• x", "1. x", "2) x", and a
// checklist's "[ ] x", "[x] x", "☐ x".
var bulletRe = regexp.MustCompile(`^\s*(?:[-*•–]|\d{1,3}[.)]|\[[ xX✓]?\]|[☐☑☒✓✔])\s+`)

// parseText reads plain text: paragraphs are separated by blank lines, a block of bullet
// lines is a list, a short first line with no final period is the title, and a later
// one a heading ("What happened to revenue"): run into the next paragraph, it would
// read as a broken sentence.
func parseText(data []byte) (*Document, error) {
	blocks, framed := splitBlocks(string(data))
	o := newOutline("text")
	// The title, with its byline and date lines, or a byline after a blank line.
	byline := len(blocks) > 2 && !strings.Contains(blocks[0], "\n") && len(blocks[0]) < 150 && bylineRe.MatchString(blocks[1])
	if len(blocks) > 1 && (titleBlock(blocks[0]) || byline) {
		o.firstH1 = normalizeSpace(titleOf(blocks[0]))
		s := o.current()
		s.Heading, s.Level = o.firstH1, 1
		blocks, framed = blocks[1:], framed[1:]
		if byline {
			blocks, framed = blocks[1:], framed[1:]
		}
	}
	for i, b := range blocks {
		if !slices.ContainsFunc(strings.Split(b, "\n"), func(l string) bool { return !columnGap.MatchString(l) }) {
			continue // a table's rows, columns set apart by runs of spaces: no prose to post, no heading
		}
		if framed[i] && isTitleLine(strings.TrimSpace(bulletRe.ReplaceAllString(b, ""))) {
			o.heading(2, b, "") // "1. WORUM ES GEHT" between two rules: numbered, still a heading
			continue
		}
		if numberedHeading(b) && i+1 < len(blocks) && !numberedHeading(blocks[i+1]) {
			o.heading(textHeadingLevel(b), b, "")
			continue
		}
		if filingLine.MatchString(b) {
			continue // "Filed under: Recruiting | 11 minute read": where a blog keeps it
		}
		lines := strings.Split(b, "\n")
		var items []listItem
		for _, l := range lines {
			if loc := bulletRe.FindStringIndex(l); loc != nil {
				items = append(items, listItem{text: l[loc[1]:]})
			}
		}
		switch {
		case len(lines) == 1 && isTitleLine(b) && strings.TrimRight(strings.TrimSpace(b), "?!:;,…\"”»)’'：；，") == strings.TrimSpace(b):
			o.heading(textHeadingLevel(b), b, "")
		case len(items) == len(lines):
			o.list(items)
		case len(lines) > 1 && isTitleLine(lines[0]) && !bulletRe.MatchString(lines[0]) && strings.TrimLeft(lines[0], " \t") == lines[0] &&
			!slices.ContainsFunc(lines[1:], func(l string) bool { return strings.TrimLeft(l, " \t") == l }):
			// "Ab 01.01.2025" over an indented paragraph labels it: "Ab 01.01.2025: Alle…".
			sep := ": "
			if r, _ := utf8.DecodeLastRuneInString(lines[0]); script.CJK(r) {
				sep = "："
			}
			o.paragraph(strings.TrimSpace(lines[0]) + sep + strings.TrimSpace(strings.Join(lines[1:], "\n")))
		case len(lines) > 1 && !slices.ContainsFunc(lines, func(l string) bool { return !labelLine.MatchString(l) }):
			// "误区1：…" then "建议：…", "Q: …" then "A: …": each line says its own thing.
			for _, l := range lines {
				o.paragraph(l)
			}
		case len(items) == len(lines)-1 && !bulletRe.MatchString(lines[0]):
			// "Customers asked for three things:" followed by the things
			o.paragraph(lines[0])
			o.list(items)
		default:
			o.paragraph(b)
		}
	}
	return o.finish(FrontMatter{}), nil
}

// numberedHeading is a numbered line alone in its block, worded as a title ("3.
// EINGANGSKANÄLE BÜNDELN", "2) Map the current process"): the heading of what follows,
// unless what follows is another such line (a list whose items a blank line parts).
func numberedHeading(block string) bool {
	loc := numberRe.FindStringIndex(block)
	return loc != nil && isTitleLine(block[loc[1]:]) && strings.TrimSpace(block[loc[1]:]) != ""
}

// numberRe opens a numbered line: "3. ", "2) ", "4.1 ".
var numberRe = regexp.MustCompile(`^\s*\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+`)

// subNumber opens a heading numbered below another: "4.1 企业背景", "2.3.1 Scope".
var subNumber = regexp.MustCompile(`^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s`)

// textHeadingLevel is 2, or deeper by the dots of its number ("4.1" is 3): the parts of
// "四、案例" are inside it, as a case study's are.
func textHeadingLevel(line string) int {
	if m := subNumber.FindString(line); m != "" {
		return 2 + strings.Count(strings.TrimRight(strings.TrimSpace(m), "."), ".")
	}
	return 2
}

// columnGap is a run of three spaces or a tab between words: a table's columns.
var columnGap = regexp.MustCompile(`\S(?: {3,}|\t)\S`)

// labelLine opens on a short label and a colon: "建议：", "Tipp: ", "Q: ".
var labelLine = regexp.MustCompile(`^\s*[^\s:：.。]{1,12}(?:\s[^\s:：.。]{1,12}){0,2}(?:：|: )`)

// splitBlocks splits text on blank lines (lines holding only white space count); a rule
// ("=====", "-----") is no text and parts blocks too. framed[i] marks a block of one line
// with a rule right above or below it: a heading drawn as plain text draws it so.
func splitBlocks(text string) (blocks []string, framed []bool) {
	var cur []string
	ruleAbove := false // the line before the current block's first was a rule
	end := func(ruleBelow bool) {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n"))
			framed = append(framed, len(cur) == 1 && (ruleAbove || ruleBelow))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		switch rule := ruleLine(line); {
		case rule || strings.TrimSpace(line) == "":
			end(rule)
			ruleAbove = rule
		default:
			cur = append(cur, line)
		}
	}
	end(false)
	return blocks, framed
}

// ruleLine is a line drawn with one mark: "=====", "-----", "*****".
func ruleLine(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) >= 3 && strings.Trim(t, t[:1]) == "" && strings.Contains("=-*_~#", t[:1])
}

// titleOf is a title block's title: its first line that is not a label in capitals
// ("WEBINAR TRANSCRIPT"), without the quotes around it.
func titleOf(block string) string {
	lines := strings.Split(block, "\n")
	for _, l := range lines {
		if strings.ToUpper(l) != l {
			return strings.Trim(strings.TrimSpace(l), `"“”«»`)
		}
	}
	return lines[0]
}

// titleBlock: a title line, or a title line with a few more short lines under it that
// do not end as sentences do (a byline, a date).
func titleBlock(block string) bool {
	lines := strings.Split(block, "\n")
	return len(lines) <= 5 && !slices.ContainsFunc(lines, func(l string) bool { return !isTitleLine(l) })
}

// bylineRe is an author's line ("By Dana Whitcomb, COO"): the line above it is the title.
var bylineRe = regexp.MustCompile(`^(?:By|Von|Por|Par|Di|Door)\s+\p{Lu}[^\n]{0,150}$`)

// filingLine is a line of a blog's filing: its categories, tags, reading time.
var filingLine = regexp.MustCompile(`^(?i:filed under|posted in|categories|category|tags|tagged)\b[^\n]*$`)

// isTitleLine: one line, under 100 characters, not ending like a sentence.
func isTitleLine(block string) bool {
	t := strings.TrimSpace(block)
	return !strings.Contains(t, "\n") && utf8.RuneCountInString(t) < 100 &&
		!strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "。") && !bulletRe.MatchString(t)
}
