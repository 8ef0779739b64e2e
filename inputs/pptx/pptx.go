// Package pptx reads PowerPoint presentations in slide order: each slide's title is a
// heading (with the slide number as its page), its other text and its speaker notes are
// paragraphs, its tables are kept apart. Hidden slides are left out.
package pptx

import (
	"encoding/xml"
	"strings"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/ooxml"
)

const kind = "PowerPoint presentation"

// Read reads a .pptx.
func Read(data []byte, limits doc.Limits) (*doc.Document, error) {
	limits = limits.WithDefaults()
	pkg, err := ooxml.Open(data, kind, limits)
	if err != nil {
		return nil, err
	}
	const pres = "ppt/presentation.xml"
	presXML, err := pkg.Read(pres)
	if err != nil {
		return nil, err
	}
	rels, err := pkg.Rels(pres)
	if err != nil {
		return nil, err
	}
	var slides []string
	err = ooxml.Walk(presXML, limits.MaxDepth, func(t xml.Token, stack []string) error {
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "sldId" {
			if r, ok := rels[ooxml.RelID(s)]; ok && r.Type == "slide" {
				slides = append(slides, r.Target)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(slides) > limits.MaxPages {
		return nil, doc.Errorf("this presentation has %d slides; the limit is %d — split it", len(slides), limits.MaxPages)
	}
	d := &doc.Document{Format: "pptx", Pages: len(slides)}
	if err := pkg.Core(d); err != nil {
		return nil, err
	}
	bl := &doc.Builder{Doc: d, Limit: limits.MaxBlocks}
	for i, path := range slides {
		data, err := pkg.Read(path)
		if err != nil {
			return nil, err
		}
		if err := readShapes(bl, data, i+1, false, limits.MaxDepth); err != nil {
			return nil, err
		}
		srels, err := pkg.Rels(path)
		if err != nil {
			return nil, err
		}
		for _, r := range srels {
			if r.Type != "notesSlide" {
				continue
			}
			notes, err := pkg.Optional(r.Target)
			if err != nil {
				return nil, err
			}
			if err := readShapes(bl, notes, i+1, true, limits.MaxDepth); err != nil {
				return nil, err
			}
		}
	}
	if !d.HasText() {
		return nil, doc.Errorf("this presentation has no text to work with")
	}
	return d, nil
}

// shape is a text shape being read.
type shape struct {
	placeholder string // title, ctrTitle, subTitle, body, sldNum, dt, ftr, sldImg… ("" for none)
	paras       []paragraph
	table       [][]string
}

type paragraph struct {
	text   strings.Builder
	level  int
	bullet bool
}

// readShapes reads a slide's (or its notes page's) shapes in document order.
func readShapes(bl *doc.Builder, data []byte, slide int, notes bool, depth int) error {
	var sh *shape
	var cell strings.Builder
	hidden := false
	return ooxml.Walk(data, depth, func(t xml.Token, stack []string) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sld":
				hidden = ooxml.Attr(t, "show") == "0"
				if hidden {
					return ooxml.SkipElement
				}
			case "sp", "graphicFrame":
				if sh == nil {
					sh = &shape{}
				}
			case "ph":
				if sh != nil {
					sh.placeholder = ooxml.Attr(t, "type")
					if sh.placeholder == "" {
						sh.placeholder = "body"
					}
				}
			case "p":
				if sh != nil && last(stack, 1) != "txBody" && !inTable(stack) {
					return nil
				}
				if sh != nil && !inTable(stack) {
					sh.paras = append(sh.paras, paragraph{})
				}
			case "pPr":
				if sh != nil && len(sh.paras) > 0 && !inTable(stack) {
					if lvl := ooxml.Attr(t, "lvl"); lvl != "" {
						sh.paras[len(sh.paras)-1].level = int(lvl[0] - '0')
					}
				}
			case "buChar", "buAutoNum":
				if sh != nil && len(sh.paras) > 0 && !inTable(stack) {
					sh.paras[len(sh.paras)-1].bullet = true
				}
			case "br":
				if sh != nil && len(sh.paras) > 0 && !inTable(stack) {
					sh.paras[len(sh.paras)-1].text.WriteByte(' ')
				}
			case "tr":
				if sh != nil {
					sh.table = append(sh.table, nil)
				}
			case "tc":
				cell.Reset()
			}
		case xml.CharData:
			if sh == nil || last(stack, 0) != "t" {
				return nil
			}
			if inTable(stack) {
				if cell.Len() < 1<<16 {
					cell.WriteString(string(t) + " ")
				}
			} else if len(sh.paras) > 0 && sh.paras[len(sh.paras)-1].text.Len() < 1<<20 {
				sh.paras[len(sh.paras)-1].text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tc":
				if sh != nil && len(sh.table) > 0 {
					row := &sh.table[len(sh.table)-1]
					*row = append(*row, strings.Join(strings.Fields(cell.String()), " "))
				}
			case "sp", "graphicFrame":
				if sh == nil || inShape(stack[:len(stack)-1]) {
					return nil // a shape inside a group ends with the group's shape
				}
				s := sh
				sh = nil
				return emit(bl, s, slide, notes)
			}
		}
		return nil
	})
}

// emit turns a finished shape into blocks.
func emit(bl *doc.Builder, s *shape, slide int, notes bool) error {
	switch s.placeholder {
	case "sldNum", "dt", "ftr", "hdr", "sldImg":
		return nil // furniture: numbers, dates, footers, the notes page's slide picture
	}
	if len(s.table) > 0 {
		var rows []string
		for _, r := range s.table {
			rows = append(rows, strings.Join(r, " | "))
		}
		return bl.Add(doc.Block{Kind: doc.Table, Text: strings.Join(rows, "\n"), Page: slide})
	}
	var texts []string
	for i := range s.paras {
		texts = append(texts, strings.Join(strings.Fields(s.paras[i].text.String()), " "))
	}
	if !notes && (s.placeholder == "title" || s.placeholder == "ctrTitle") {
		return bl.Add(doc.Block{Kind: doc.Heading, Level: 1, Text: strings.Join(texts, " "), Page: slide})
	}
	for i, text := range texts {
		b := doc.Block{Kind: doc.Paragraph, Text: text, Page: slide}
		if !notes && s.paras[i].bullet {
			b.Kind, b.Level = doc.ListItem, min(max(s.paras[i].level, 0), 8)
		}
		if err := bl.Add(b); err != nil {
			return err
		}
	}
	return nil
}

func last(stack []string, back int) string {
	if len(stack) <= back {
		return ""
	}
	return stack[len(stack)-1-back]
}

func inTable(stack []string) bool {
	for _, s := range stack {
		if s == "tbl" {
			return true
		}
	}
	return false
}

func inShape(stack []string) bool {
	for _, s := range stack {
		if s == "sp" || s == "graphicFrame" {
			return true
		}
	}
	return false
}
