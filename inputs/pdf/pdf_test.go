package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/inputs/doc"
)

// body writes lines of 11 pt text from y, 14 pt apart.
func body(y float64, lines ...string) []textAt {
	var out []textAt
	for i, l := range lines {
		out = append(out, textAt{x: 72, y: y + float64(i)*14, size: 11, text: l})
	}
	return out
}

// furniture is a running header and a page number, as on every page of a whitepaper.
func furniture(n int) []textAt {
	return []textAt{{x: 72, y: 40, size: 9, text: "ACME Platform Whitepaper 2026"}, {x: 300, y: 760, size: 9, text: string(rune('0' + n))}}
}

func whitepaper() pdfSpec {
	p1 := append(furniture(1), textAt{x: 72, y: 100, size: 24, bold: true, text: "Platforms That Pay Off"})
	p1 = append(p1, textAt{x: 72, y: 150, size: 16, bold: true, text: "Why platforms matter"})
	p1 = append(p1, body(180,
		"Platform teams give product teams a paved road, and the road pays for itself when",
		"every team uses it. The first benefit is secu-",
		"rity: one place to patch. The second is a self-",
		"service portal that teams actually use.")...)
	p1 = append(p1, body(260, "A paragraph that goes on to the next page because the sentence does not end")...)
	p1 = append(p1, textAt{x: 72, y: 700, size: 8, text: "1 Survey of 300 platform teams, 2025."})
	p2 := append(furniture(2), body(80, "here but on the next page, as paragraphs do in long documents.")...)
	p2 = append(p2, textAt{x: 72, y: 130, size: 13, bold: true, text: "Measuring adoption"})
	p2 = append(p2, body(160, "Adoption is measured in weekly active teams, not in logins. Self-service and")...)
	p2 = append(p2, body(174, "self-service portals were both named by the teams we asked.")...)
	p2 = append(p2, textAt{x: 72, y: 230, size: 11, text: "\x95 Weekly active teams"}, textAt{x: 72, y: 244, size: 11, text: "\x95 Time to first deploy"})
	p2 = append(p2, textAt{x: 72, y: 300, size: 10, text: "Figure 2: Adoption over the first year"})
	p3 := append(furniture(3), body(80, "The last page says what to do next: start with one golden path and measure it.")...)
	return pdfSpec{pages: [][]textAt{p1, p2, p3}, info: map[string]string{"Title": "Platforms That Pay Off", "Author": "Ana Ruiz"}}
}

func read(t *testing.T, s pdfSpec, limits doc.Limits) (*doc.Document, error) {
	t.Helper()
	needEngine(t)
	return Read(context.Background(), s.bytes(), limits)
}

func TestWhitepaperStructure(t *testing.T) {
	d, err := read(t, whitepaper(), doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Platforms That Pay Off" || d.Author != "Ana Ruiz" || d.Pages != 3 {
		t.Errorf("title %q author %q pages %d", d.Title, d.Author, d.Pages)
	}
	var outline []string
	for _, e := range d.Outline() {
		outline = append(outline, strings.Repeat("#", e.Level)+" "+e.Heading+" p"+string(rune('0'+e.Page)))
	}
	if got, want := strings.Join(outline, " | "), "# Platforms That Pay Off p1 | ## Why platforms matter p1 | ### Measuring adoption p2"; got != want {
		t.Errorf("outline\n got %s\nwant %s", got, want)
	}
	md := d.Markdown()
	for _, want := range []string{
		"The first benefit is security: one place to patch. The second is a self-service portal",
		"the sentence does not end here but on the next page, as paragraphs do",
		"- Weekly active teams\n- Time to first deploy",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the text lacks %q:\n%s", want, md)
		}
	}
	for _, banned := range []string{"ACME Platform Whitepaper", "Survey of 300", "Figure 2"} {
		if strings.Contains(md, banned) {
			t.Errorf("the text holds %q, which is not prose:\n%s", banned, md)
		}
	}
	kinds := map[doc.Kind]string{}
	for _, b := range d.Blocks {
		kinds[b.Kind] += b.Text
	}
	if !strings.Contains(kinds[doc.Footnote], "Survey of 300") || !strings.Contains(kinds[doc.Caption], "Figure 2") {
		t.Errorf("footnote %q, caption %q", kinds[doc.Footnote], kinds[doc.Caption])
	}
	assertClean(t, d)
}

func TestBookmarksAreTheOutline(t *testing.T) {
	s := whitepaper()
	s.outline = []mark{{title: "Why platforms matter", page: 0, kids: []mark{{title: "Measuring adoption", page: 1}}}, {title: "Next steps", page: 2}}
	d, err := read(t, s, doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Outline() {
		got = append(got, strings.Repeat("#", e.Level)+" "+e.Heading)
	}
	if strings.Join(got, " | ") != "# Why platforms matter | ## Measuring adoption | # Next steps" {
		t.Errorf("outline %q", got)
	}
}

func TestReasonsAMarketerCanActOn(t *testing.T) {
	needEngine(t)
	scan := pdfSpec{pages: [][]textAt{nil, nil}, extra: []string{"0.5 g 72 72 400 600 re f"}}
	cases := map[string]struct {
		data   []byte
		limits doc.Limits
		says   string
	}{
		"scan":        {scan.bytes(), doc.Limits{}, "this PDF is a scan: it has no text to read"},
		"not a PDF":   {[]byte("%PDF-1.4\nthis is not a PDF at all, just words after a header\n"), doc.Limits{}, "not really a PDF"},
		"no header":   {[]byte("GIF89a...."), doc.Limits{}, "not really a PDF"},
		"too long":    {whitepaper().bytes(), doc.Limits{MaxPages: 2}, "has 3 pages; the limit is 2"},
		"too slow":    {whitepaper().bytes(), doc.Limits{Timeout: time.Nanosecond}, "took longer than"},
		"over memory": {whitepaper().bytes(), doc.Limits{MaxMemory: 4 << 20}, "memory"},
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		dir := t.TempDir()
		plain, locked := filepath.Join(dir, "plain.pdf"), filepath.Join(dir, "locked.pdf")
		os.WriteFile(plain, whitepaper().bytes(), 0o600)
		if out, err := exec.Command(qpdf, "--encrypt", "user-secret", "owner-secret", "256", "--", plain, locked).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v %s", err, out)
		}
		data, _ := os.ReadFile(locked)
		cases["encrypted"] = struct {
			data   []byte
			limits doc.Limits
			says   string
		}{data, doc.Limits{}, "encrypted with a password"}
	} else if os.Getenv("CI") == "true" {
		t.Error("qpdf is not installed: the encrypted-PDF case cannot run")
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Read(context.Background(), c.data, c.limits)
			e, ok := err.(*doc.Error)
			if !ok || !strings.Contains(e.Reason, c.says) {
				t.Fatalf("err = %v (%T), want a reason saying %q", err, err, c.says)
			}
		})
	}
}

// Hostile PDFs fail within their budget, or are read; nothing else is harmed.
func TestHostilePDFsStayWithinBudget(t *testing.T) {
	needEngine(t)
	bomb := pdfSpec{pages: [][]textAt{nil}, flate: []byte(strings.Repeat("0 0 m 1 1 l S ", 4<<20))} // 56 MB of drawing from ~60 KB
	deep := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + " >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	for name, data := range map[string][]byte{"decompression bomb": bomb.bytes(), "deep nesting": deep} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Read(context.Background(), data, doc.Limits{Timeout: 3 * time.Second, MaxMemory: 256 << 20})
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %s, over its 3 s budget", took)
			}
			if _, ok := err.(*doc.Error); !ok {
				t.Errorf("err = %v (%T), want a *doc.Error", err, err)
			}
		})
	}
}

func TestCleanTextRepairsLigaturesAndDebris(t *testing.T) {
	if got := cleanText("signi\ufb01cant \ufb02ow e\ufb03cient o\ufb00er\u00adings\ufffd"); got != "significant flow efficient offerings" {
		t.Errorf("cleanText = %q", got)
	}
	vocab := map[string]bool{"self-service": true}
	for _, c := range [][3]string{
		{"the secu-", "rity team", "the security team"},
		{"a self-", "service portal", "a self-service portal"},
		{"the API-", "first design", "the API-first design"},
		{"ends here-", "And then", "ends here-And then"},
		{"平台工程", "是一种实践", "平台工程是一种实践"},
	} {
		if got := join(c[0], c[1], vocab); got != c[2] {
			t.Errorf("join(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// The catalog's /Lang is the document's declared language (its primary subtag), whatever
// spacing the writer used; a tag that is no language tag is not taken.
func TestCatalogLang(t *testing.T) {
	for in, want := range map[string]string{
		"<< /Type /Catalog /Pages 2 0 R /Lang(en-US) >>":      "en",
		"<</Type/Catalog/Lang (de)/Pages 3 0 R>>":             "de",
		"<< /Lang (ZH-Hans-CN) /Type /Catalog >>":             "zh",
		"<< /Type /Catalog /Pages 2 0 R >>":                   "",
		"<< /Lang (<script>) >>":                              "",
		"<< /Lang <656E2D5553> >>":                            "", // a hex string: not read
		"/Title (Languages) /Lang(x) /Subject (A /Lang note)": "",
	} {
		if got := catalogLang([]byte(in)); got != want {
			t.Errorf("catalogLang(%q) = %q, want %q", in, got, want)
		}
	}
}
