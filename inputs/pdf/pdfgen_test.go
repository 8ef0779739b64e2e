package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// A tiny PDF writer for tests: pages of positioned text in Helvetica (regular or bold),
// an optional outline (bookmarks) and document info.

type textAt struct {
	x, y, size float64 // y from the top of a 612x792 page
	bold       bool
	text       string
	cjk        bool // set in a CID font whose ToUnicode map gives the text back
}

type mark struct {
	title string
	page  int // 0-based
	kids  []mark
}

type pdfSpec struct {
	pages   [][]textAt
	extra   []string // raw content appended to each page's stream (drawings)
	outline []mark
	info    map[string]string
	flate   []byte // when set, the first page's stream is this, Flate-compressed
}

func esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
}

func (s pdfSpec) bytes() []byte {
	var objs []string // object i+1
	add := func(o string) int { objs = append(objs, o); return len(objs) }
	catalog := add("")
	pagesObj := add("")
	regular := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	bold := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	// CJK text: each distinct character gets a CID, and a ToUnicode CMap maps it back, as
	// PDFs made with subset CJK fonts do.
	cids := map[rune]int{}
	var order []rune
	for _, pg := range s.pages {
		for _, t := range pg {
			for _, r := range t.text {
				if t.cjk && cids[r] == 0 {
					order = append(order, r)
					cids[r] = len(order)
				}
			}
		}
	}
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < len(order); i += 100 {
		chunk := order[i:min(i+100, len(order))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for k, r := range chunk {
			fmt.Fprintf(&cmap, "<%04X> <%04X>\n", i+k+1, r)
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end")
	toUnicode := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", cmap.Len(), cmap.String()))
	descendant := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>")
	cjkFont := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", descendant, toUnicode))
	var kids []string
	var pageIDs []int
	for i, pg := range s.pages {
		var c strings.Builder
		for _, t := range pg {
			font := "F1"
			if t.bold {
				font = "F2"
			}
			if t.cjk {
				var hex strings.Builder
				for _, r := range t.text {
					fmt.Fprintf(&hex, "%04X", cids[r])
				}
				fmt.Fprintf(&c, "BT /F3 %g Tf %g %g Td <%s> Tj ET\n", t.size, t.x, 792-t.y, hex.String())
				continue
			}
			fmt.Fprintf(&c, "BT /%s %g Tf %g %g Td (%s) Tj ET\n", font, t.size, t.x, 792-t.y, esc(t.text))
		}
		for _, e := range s.extra {
			c.WriteString(e + "\n")
		}
		stream := fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String())
		if i == 0 && s.flate != nil {
			var z bytes.Buffer
			w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
			w.Write(s.flate)
			w.Close()
			stream = fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String())
		}
		content := add(stream)
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, regular, bold, cjkFont, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		pageIDs = append(pageIDs, page)
	}
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	cat := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R", pagesObj)
	if len(s.outline) > 0 {
		root := add("")
		first, last, n := s.marks(&objs, root, s.outline, pageIDs)
		objs[root-1] = fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", first, last, n)
		cat += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", root)
	}
	objs[catalog-1] = cat + " >>"
	info := 0
	if len(s.info) > 0 {
		var b strings.Builder
		b.WriteString("<<")
		for k, v := range s.info {
			fmt.Fprintf(&b, " /%s (%s)", k, esc(v))
		}
		b.WriteString(" >>")
		info = add(b.String())
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	trailer := fmt.Sprintf("<< /Size %d /Root %d 0 R", len(objs)+1, catalog)
	if info > 0 {
		trailer += fmt.Sprintf(" /Info %d 0 R", info)
	}
	fmt.Fprintf(&out, "trailer\n%s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return out.Bytes()
}

// marks writes sibling outline items under parent; it returns the first and last ids and
// how many items there are.
func (s pdfSpec) marks(objs *[]string, parent int, ms []mark, pages []int) (first, last, count int) {
	ids := make([]int, len(ms))
	for i := range ms {
		*objs = append(*objs, "")
		ids[i] = len(*objs)
	}
	for i, m := range ms {
		o := fmt.Sprintf("<< /Title (%s) /Parent %d 0 R /Dest [%d 0 R /XYZ 0 792 0]", esc(m.title), parent, pages[m.page])
		if i > 0 {
			o += fmt.Sprintf(" /Prev %d 0 R", ids[i-1])
		}
		if i+1 < len(ms) {
			o += fmt.Sprintf(" /Next %d 0 R", ids[i+1])
		}
		if len(m.kids) > 0 {
			f, l, n := s.marks(objs, ids[i], m.kids, pages)
			o += fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d", f, l, n)
		}
		(*objs)[ids[i]-1] = o + " >>"
	}
	return ids[0], ids[len(ids)-1], len(ms)
}
