// Package ooxml opens Office Open XML packages (.docx, .pptx) under a budget: a ZIP whose
// parts are read only up to what is left of the unpacked-bytes limit, and XML read as a
// token stream whose nesting is bounded. No maintained Go library reads Word and
// PowerPoint files with styles, tracked changes and speaker notes under such limits, so
// the docx and pptx readers walk the XML themselves through this package.
package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/repurpose/repurpose/inputs/doc"
)

// maxParts bounds the entries of a package; real documents have tens to a few hundred.
const maxParts = 20_000

// Package is an opened Office file.
type Package struct {
	kind   string // "Word document" or "PowerPoint presentation", for messages
	parts  map[string]*zip.File
	left   int64
	limits doc.Limits
}

// Open opens data as an Office package; kind names the file type in messages.
func Open(data []byte, kind string, limits doc.Limits) (*Package, error) {
	limits = limits.WithDefaults()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, doc.Errorf("this %s is damaged (it is not a readable ZIP package) — open it in Office and save it again", kind)
	}
	if len(zr.File) > maxParts {
		return nil, doc.Errorf("this %s has %d parts inside; the limit is %d", kind, len(zr.File), maxParts)
	}
	p := &Package{kind: kind, parts: map[string]*zip.File{}, left: limits.MaxUnpacked, limits: limits}
	for _, f := range zr.File {
		p.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if p.Has("EncryptedPackage") || p.Has("EncryptionInfo") {
		return nil, doc.Errorf("this %s is protected with a password — save a copy without the password and upload that", kind)
	}
	return p, nil
}

// Has reports whether the package holds a part.
func (p *Package) Has(name string) bool { _, ok := p.parts[name]; return ok }

// Read reads a part, counting it against the unpacked-bytes budget.
func (p *Package) Read(name string) ([]byte, error) {
	f, ok := p.parts[name]
	if !ok {
		return nil, doc.Errorf("this %s is damaged: it has no %s — open it in Office and save it again", p.kind, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, doc.Errorf("this %s is damaged (%s cannot be unpacked) — open it in Office and save it again", p.kind, name)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, p.left+1))
	if int64(len(data)) > p.left {
		return nil, doc.Errorf("this %s unpacks to more than %d MB — it may be built to overwhelm readers; save it again without embedded media, or split it", p.kind, p.limits.MaxUnpacked>>20)
	}
	p.left -= int64(len(data))
	if err != nil {
		return nil, doc.Errorf("this %s is damaged (%s cannot be unpacked) — open it in Office and save it again", p.kind, name)
	}
	return data, nil
}

// Optional reads a part that may be missing (nil, nil then).
func (p *Package) Optional(name string) ([]byte, error) {
	if !p.Has(name) {
		return nil, nil
	}
	return p.Read(name)
}

// Rel is one relationship of a part.
type Rel struct {
	Type   string // the last path element of the type URI: slide, notesSlide, footnotes…
	Target string // the package path of the target
}

// Rels reads the relationships of part (from its _rels/NAME.rels), by id.
func (p *Package) Rels(part string) (map[string]Rel, error) {
	dir, file := path.Split(part)
	data, err := p.Optional(dir + "_rels/" + file + ".rels")
	if err != nil || data == nil {
		return map[string]Rel{}, err
	}
	rels := map[string]Rel{}
	err = Walk(data, p.limits.MaxDepth, func(t xml.Token, _ []string) error {
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "Relationship" && Attr(s, "TargetMode") != "External" {
			target := Attr(s, "Target")
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(dir, target)
			}
			rels[Attr(s, "Id")] = Rel{Type: path.Base(Attr(s, "Type")), Target: target}
		}
		return nil
	})
	return rels, err
}

// Core reads title, creator and language from docProps/core.xml.
func (p *Package) Core(d *doc.Document) error {
	data, err := p.Optional("docProps/core.xml")
	if err != nil || data == nil {
		return err
	}
	return Walk(data, p.limits.MaxDepth, func(t xml.Token, stack []string) error {
		c, ok := t.(xml.CharData)
		if !ok || len(stack) == 0 {
			return nil
		}
		v := strings.Join(strings.Fields(string(c)), " ") // one line: titles head posts and pages
		switch stack[len(stack)-1] {
		case "title":
			d.Title = v
		case "creator":
			d.Author = v
		case "language":
			d.Lang = v
		}
		return nil
	})
}

// Walk streams the tokens of an XML part to fn with the local names of the open elements.
// fn may return SkipElement on a StartElement to pass over its content.
func Walk(data []byte, maxDepth int, fn func(t xml.Token, stack []string) error) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return doc.Errorf("the file's XML is damaged (%v) — open it in Office and save it again", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if len(stack) > maxDepth {
				return doc.Errorf("the file nests its content more than %d levels deep — open it in Office and save it again", maxDepth)
			}
			if err := fn(t, stack); err == SkipElement {
				if err := dec.Skip(); err != nil {
					return doc.Errorf("the file's XML is damaged (%v) — open it in Office and save it again", err)
				}
				stack = stack[:len(stack)-1]
			} else if err != nil {
				return err
			}
		case xml.EndElement:
			if err := fn(t, stack); err != nil && err != SkipElement {
				return err
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if err := fn(t, stack); err != nil && err != SkipElement {
				return err
			}
		}
	}
}

// SkipElement tells Walk to pass over the element just started.
var SkipElement = errors.New("skip element")

// Attr is the value of the attribute with the local name, whatever its namespace.
func Attr(s xml.StartElement, name string) string {
	for _, a := range s.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// RelID is an element's r:id, the id of a relationship (not its own id attribute).
func RelID(s xml.StartElement) string {
	for _, a := range s.Attr {
		if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}
