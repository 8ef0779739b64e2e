package main

import (
	"cmp"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/pdf"
	"github.com/repurpose/repurpose/internal/testservices"
)

// A page set like a magazine's (a title and an abstract across the page, then three
// columns running over two pages) reads in order: every paragraph whole, in the order
// it was written, though its lines break across columns and pages.
func TestDeriveTextReadsThreeColumnsInOrder(t *testing.T) {
	t.Setenv("REPURPOSE_CONFIG", "")
	if !pdf.Available() {
		testservices.Require(t, "poppler-utils", pdf.ErrNoEngine)
	}
	chromium := cmp.Or(os.Getenv("REPURPOSE_CHROMIUM"), "/usr/bin/chromium")
	if _, err := exec.LookPath(chromium); err != nil {
		testservices.Require(t, "chromium", err)
	}
	teams := []string{"platform", "security", "data", "payments", "mobile", "search", "billing", "identity", "support"}
	verbs := []string{"measures", "publishes", "reviews", "funds", "retires", "documents"}
	things := []string{"golden paths", "service templates", "on-call rotas", "deployment pipelines", "cost reports", "access policies", "runbooks"}
	// Endings differ, as prose does: a line said again at the foot of every page would be
	// a running footer.
	endings := []string{"copy what works", "ask for the templates", "borrow its checklists", "skip the failed experiments",
		"read the notes before planning", "measure the same way", "invite it to their reviews", "share their own findings", "report back"}
	var paras []string
	for p := 0; p < 14; p++ {
		var s []string
		for k := 0; k < 4; k++ {
			team, verb, thing := teams[(p+k)%len(teams)], verbs[(p*2+k)%len(verbs)], things[(p+3*k)%len(things)]
			end := endings[(p*4+k)%len(endings)]
			s = append(s, fmt.Sprintf("In part %d the %s team %s its %s every %d weeks, and %d other teams %s.", p+1, team, verb, thing, k+2, p+k+3, end))
		}
		paras = append(paras, strings.Join(s, " "))
	}
	title := "Platforms read in three columns"
	abstract := "This abstract runs across the whole page above the columns: it says what the teams of a company measure, and how often they look again at what they learned."
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title><style>
@page { size: Letter; margin: 2cm }
body { font: 10.5pt serif; margin: 0 }
h1 { font-size: 24pt }
.cols { column-count: 3; column-gap: 1cm; text-align: justify; hyphens: none }
</style></head><body><h1>%s</h1><p>%s</p><div class="cols">`, title, title, abstract)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</div></body></html>")
	dir := t.TempDir()
	page, doc := filepath.Join(dir, "columns.html"), filepath.Join(dir, "columns.pdf")
	if err := os.WriteFile(page, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+doc, "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium could not print the page: %v\n%s", err, out)
	}
	if info, err := exec.Command("pdfinfo", doc).Output(); err != nil || regexp.MustCompile(`Pages:\s+1\n`).Match(info) {
		t.Fatalf("the columns do not run over to a second page (%v):\n%s", err, info)
	}

	code, out := testRun("derive", "--text", doc)
	if code != 0 {
		t.Fatalf("derive --text exited %d:\n%s", code, out)
	}
	at := strings.Index(out, abstract)
	if !strings.Contains(out, "# "+title) || at < 0 {
		t.Fatalf("the title or the abstract is not read whole:\n%s", out)
	}
	for i, p := range paras {
		next := strings.Index(out, "\n\n"+p+"\n")
		if next < 0 {
			t.Errorf("paragraph %d is not read whole, as a paragraph of its own:\n%s\nin:\n%s", i+1, p, out)
			continue
		}
		if next < at {
			t.Errorf("paragraph %d is read before the text that comes before it", i+1)
		}
		at = next
	}
}
