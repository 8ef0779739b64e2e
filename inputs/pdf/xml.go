package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/inputs/doc"
)

// run is one positioned piece of text as pdftohtml reports it.
type run struct {
	top, left, width, height float64
	size                     float64
	bold                     bool
	text                     string
}

type page struct {
	number        int
	width, height float64
	runs          []run
}

type bookmark struct {
	level int
	page  int
	title string
}

type fontSpec struct {
	size float64
	bold bool
}

// maxBookmarks bounds the outline read: no document has more sections worth listing.
const maxBookmarks = 2000

// parsed is pdftohtml's XML as plain values.
type parsed struct {
	pages     []page
	bookmarks []bookmark
}

// parseXML reads pdftohtml -xml output. Nesting deeper than limits.MaxDepth, or more
// text runs than a document could hold, is refused.
func parseXML(data []byte, limits doc.Limits) (*parsed, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	fonts := map[string]fontSpec{}
	p := &parsed{}
	depth, outlineDepth, runs := 0, 0, 0
	maxRuns := limits.MaxBlocks * 4
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(p.pages) > 0 {
				break // keep what was read before the damage
			}
			return nil, doc.Errorf("this PDF could not be read: its text layer is damaged — export it again as PDF")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > limits.MaxDepth {
				return nil, doc.Errorf("this PDF nests its content more than %d levels deep — export it again as PDF", limits.MaxDepth)
			}
			switch t.Name.Local {
			case "page":
				p.pages = append(p.pages, page{number: atoi(attr(t, "number")), width: atof(attr(t, "width")), height: atof(attr(t, "height"))})
			case "fontspec":
				family := strings.ToLower(attr(t, "family"))
				fonts[attr(t, "id")] = fontSpec{size: atof(attr(t, "size")), bold: boldFamily(family)}
			case "outline":
				outlineDepth++
			case "item":
				if outlineDepth > 0 {
					title, err := innerText(dec, limits.MaxDepth-depth)
					depth--
					if err != nil {
						return nil, err
					}
					if len(p.bookmarks) >= maxBookmarks {
						continue
					}
					p.bookmarks = append(p.bookmarks, bookmark{level: outlineDepth, page: atoi(attr(t, "page")), title: title})
				}
			case "text":
				if len(p.pages) == 0 {
					continue
				}
				runs++
				if runs > maxRuns {
					return nil, doc.Errorf("this PDF holds too many separate pieces of text to read — split it into smaller documents")
				}
				f := fonts[attr(t, "font")]
				r := run{top: atof(attr(t, "top")), left: atof(attr(t, "left")), width: atof(attr(t, "width")), height: atof(attr(t, "height")), size: f.size, bold: f.bold}
				text, bold, err := runText(dec, limits.MaxDepth-depth)
				depth--
				if err != nil {
					return nil, err
				}
				r.text = text
				r.bold = r.bold || bold
				if r.size == 0 {
					r.size = r.height
				}
				pg := &p.pages[len(p.pages)-1]
				pg.runs = append(pg.runs, r)
			}
		case xml.EndElement:
			depth--
			if t.Name.Local == "outline" {
				outlineDepth--
			}
		}
	}
	return p, nil
}

// runText reads a text element's content; bold when all of it is inside <b>.
func runText(dec *xml.Decoder, depthLeft int) (string, bool, error) {
	var b strings.Builder
	boldDepth, depth, boldChars, chars := 0, 0, 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return b.String(), false, nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > depthLeft {
				return "", false, errors.New("too deep")
			}
			if t.Name.Local == "b" {
				boldDepth++
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), chars > 0 && boldChars == chars, nil
			}
			depth--
			if t.Name.Local == "b" {
				boldDepth--
			}
		case xml.CharData:
			if b.Len() < 1<<16 {
				b.Write(t)
			}
			n := len(strings.TrimSpace(string(t)))
			chars += n
			if boldDepth > 0 {
				boldChars += n
			}
		}
	}
}

func innerText(dec *xml.Decoder, depthLeft int) (string, error) {
	s, _, err := runText(dec, depthLeft)
	return strings.TrimSpace(s), err
}

func boldFamily(family string) bool {
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", "-bd", ",b"} {
		if strings.Contains(family, w) {
			return true
		}
	}
	return false
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func atof(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e7 || f < -1e7 {
		return 0
	}
	return f
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1e7 {
		return 0
	}
	return n
}
