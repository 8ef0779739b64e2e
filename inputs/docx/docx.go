// Package docx reads Word documents: headings by paragraph style (or outline level), lists
// by numbering, tables and footnotes kept apart, tracked changes as accepted (insertions
// in, deletions out) and comments left out.
package docx

import (
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/ooxml"
)

const kind = "Word document"

// Read reads a .docx.
func Read(data []byte, limits doc.Limits) (*doc.Document, error) {
	limits = limits.WithDefaults()
	pkg, err := ooxml.Open(data, kind, limits)
	if err != nil {
		return nil, err
	}
	main := "word/document.xml"
	if rels, err := pkg.Rels(""); err == nil {
		for _, r := range rels {
			if r.Type == "officeDocument" && pkg.Has(r.Target) {
				main = r.Target
			}
		}
	}
	body, err := pkg.Read(main)
	if err != nil {
		return nil, err
	}
	rels, err := pkg.Rels(main)
	if err != nil {
		return nil, err
	}
	part := func(typ string) ([]byte, error) {
		for _, r := range rels {
			if r.Type == typ {
				return pkg.Optional(r.Target)
			}
		}
		return nil, nil
	}
	r := &reader{limits: limits, d: &doc.Document{Format: "docx"}}
	r.bl = &doc.Builder{Doc: r.d, Limit: limits.MaxBlocks}
	if err := pkg.Core(r.d); err != nil {
		return nil, err
	}
	if data, err := part("styles"); err != nil {
		return nil, err
	} else if r.styles, err = readStyles(data, limits.MaxDepth); err != nil {
		return nil, err
	}
	if data, err := part("numbering"); err != nil {
		return nil, err
	} else if r.ordered, err = readNumbering(data, limits.MaxDepth); err != nil {
		return nil, err
	}
	if err := r.body(body, false); err != nil {
		return nil, err
	}
	if data, err := part("footnotes"); err != nil {
		return nil, err
	} else if data != nil {
		if err := r.body(data, true); err != nil {
			return nil, err
		}
	}
	if !r.d.HasText() {
		return nil, doc.Errorf("this Word document has no text to work with")
	}
	return r.d, nil
}

type style struct {
	heading int // 1-9; 0 for body text
	title   bool
	basedOn string
}

type reader struct {
	limits  doc.Limits
	d       *doc.Document
	bl      *doc.Builder
	styles  map[string]style
	ordered map[[2]string]bool // numId, ilvl -> numbered (not bulleted)
}

var headingName = regexp.MustCompile(`(?i)^heading\s*([1-9])$`)

// readStyles maps each paragraph style id to the heading level its name or outline level
// gives it; styles based on a heading style are headings too.
func readStyles(data []byte, depth int) (map[string]style, error) {
	styles := map[string]style{}
	id := ""
	var cur style
	err := ooxml.Walk(data, depth, func(t xml.Token, stack []string) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = ooxml.Attr(t, "styleId"), style{}
			case "name":
				name := ooxml.Attr(t, "val")
				if m := headingName.FindStringSubmatch(name); m != nil {
					cur.heading = int(m[1][0] - '0')
				}
				cur.title = strings.EqualFold(name, "title")
			case "basedOn":
				cur.basedOn = ooxml.Attr(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(ooxml.Attr(t, "val")); err == nil && n >= 0 && n < 9 && cur.heading == 0 {
					cur.heading = n + 1
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				styles[id] = cur
			}
		}
		return nil
	})
	for id, s := range styles {
		base := s
		for i := 0; i < 10 && base.heading == 0 && !base.title && base.basedOn != ""; i++ {
			base = styles[base.basedOn]
		}
		s.heading, s.title = base.heading, base.title
		styles[id] = s
	}
	return styles, err
}

// readNumbering tells numbered lists from bulleted ones.
func readNumbering(data []byte, depth int) (map[[2]string]bool, error) {
	abstract := map[[2]string]bool{} // abstractNumId, ilvl -> numbered
	numToAbstract := map[string]string{}
	abs, lvl, num := "", "", ""
	err := ooxml.Walk(data, depth, func(t xml.Token, stack []string) error {
		if s, ok := t.(xml.StartElement); ok {
			switch s.Name.Local {
			case "abstractNum":
				abs = ooxml.Attr(s, "abstractNumId")
			case "lvl":
				lvl = ooxml.Attr(s, "ilvl")
			case "numFmt":
				if len(stack) >= 2 && stack[len(stack)-2] == "lvl" {
					f := ooxml.Attr(s, "val")
					abstract[[2]string{abs, lvl}] = f != "bullet" && f != "none" && f != ""
				}
			case "num":
				num = ooxml.Attr(s, "numId")
			case "abstractNumId":
				if num != "" {
					numToAbstract[num] = ooxml.Attr(s, "val")
				}
			}
		}
		return nil
	})
	out := map[[2]string]bool{}
	for k, v := range abstract {
		for n, a := range numToAbstract {
			if a == k[0] {
				out[[2]string{n, k[1]}] = v
			}
		}
	}
	return out, err
}

// para is a paragraph being read.
type para struct {
	text    strings.Builder
	style   string
	outline int // from w:outlineLvl, 1-based; 0 none
	numID   string
	ilvl    string
}

// body reads the paragraphs and tables of a story part (the document or its footnotes).
func (r *reader) body(data []byte, footnotes bool) error {
	var paras []*para   // open paragraphs (a text box's paragraphs nest in another's)
	var rows [][]string // the table being read
	var cell []string
	tables := 0
	return ooxml.Walk(data, r.limits.MaxDepth, func(t xml.Token, stack []string) error {
		var p *para
		if len(paras) > 0 {
			p = paras[len(paras)-1]
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "del", "moveFrom", "instrText", "delText", "Fallback", "footnoteReference", "endnoteReference", "commentReference":
				return ooxml.SkipElement // deletions out; field codes, duplicates and markers are not text
			case "footnote":
				if typ := ooxml.Attr(t, "type"); typ == "separator" || typ == "continuationSeparator" || typ == "continuationNotice" {
					return ooxml.SkipElement
				}
			case "p":
				paras = append(paras, &para{})
			case "tbl":
				tables++
				if tables == 1 {
					rows = nil
				}
			case "tr":
				if tables == 1 {
					rows = append(rows, nil)
				}
			case "tc":
				cell = nil
			case "pStyle":
				if p != nil {
					p.style = ooxml.Attr(t, "val")
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(ooxml.Attr(t, "val")); err == nil && p != nil && n >= 0 && n < 9 {
					p.outline = n + 1
				}
			case "numId":
				if p != nil && in(stack, "numPr") {
					p.numID = ooxml.Attr(t, "val")
				}
			case "ilvl":
				if p != nil && in(stack, "numPr") {
					p.ilvl = ooxml.Attr(t, "val")
				}
			case "tab", "br", "cr":
				if p != nil && in(stack, "r") {
					p.text.WriteByte(' ')
				}
			case "noBreakHyphen":
				if p != nil {
					p.text.WriteByte('-')
				}
			}
		case xml.CharData:
			if p != nil && len(stack) > 0 && stack[len(stack)-1] == "t" && p.text.Len() < 1<<20 {
				p.text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if p == nil {
					return nil
				}
				paras = paras[:len(paras)-1]
				text := strings.Join(strings.Fields(p.text.String()), " ")
				if tables > 0 {
					cell = append(cell, text)
					return nil
				}
				if footnotes {
					return r.bl.Add(doc.Block{Kind: doc.Footnote, Text: text})
				}
				return r.paragraph(p, text)
			case "tc":
				if tables == 1 && len(rows) > 0 {
					rows[len(rows)-1] = append(rows[len(rows)-1], strings.Join(cell, " "))
				}
			case "tbl":
				tables--
				if tables == 0 {
					var lines []string
					for _, row := range rows {
						lines = append(lines, strings.Join(row, " | "))
					}
					return r.bl.Add(doc.Block{Kind: doc.Table, Text: strings.Join(lines, "\n")})
				}
			}
		}
		return nil
	})
}

func (r *reader) paragraph(p *para, text string) error {
	s := r.styles[p.style]
	if s.heading == 0 {
		if m := headingName.FindStringSubmatch(p.style); m != nil {
			s.heading = int(m[1][0] - '0')
		}
	}
	switch {
	case s.title:
		if r.d.Title == "" {
			r.d.Title = text
		}
		return r.bl.Add(doc.Block{Kind: doc.Heading, Level: 1, Text: text})
	case s.heading > 0 || p.outline > 0:
		level := s.heading
		if level == 0 {
			level = p.outline
		}
		return r.bl.Add(doc.Block{Kind: doc.Heading, Level: min(level, 6), Text: text})
	case p.numID != "" && p.numID != "0":
		lvl, _ := strconv.Atoi(p.ilvl)
		return r.bl.Add(doc.Block{Kind: doc.ListItem, Level: min(max(lvl, 0), 8), Ordered: r.ordered[[2]string{p.numID, p.ilvl}], Text: text})
	}
	return r.bl.Add(doc.Block{Kind: doc.Paragraph, Text: text})
}

func in(stack []string, name string) bool {
	for _, s := range stack {
		if s == name {
			return true
		}
	}
	return false
}
