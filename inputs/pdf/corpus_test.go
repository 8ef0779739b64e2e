package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/twin"
)

// needEngine skips without poppler-utils, and fails under CI, where scripts/test.sh
// installs it.
func needEngine(t testing.TB) {
	t.Helper()
	if !Available() {
		if os.Getenv("CI") == "true" {
			t.Fatal(ErrNoEngine)
		}
		t.Skip(ErrNoEngine)
	}
}

// The real PDFs held against the Markdown they were published from: the outline finds
// at least 90% of the headings (levels 1-3) with at most 10% extra entries, and the text
// keeps at least 95% of the body sentences.
func TestCorpusPDFsAgainstTheirMarkdown(t *testing.T) {
	corpus := twin.Corpus(t)
	needEngine(t)
	pdfs, _ := filepath.Glob(filepath.Join(corpus, "pdf", "*.pdf"))
	if len(pdfs) == 0 {
		t.Fatalf("no PDFs in %s/pdf", corpus)
	}
	for _, path := range pdfs {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			md, err := os.ReadFile(filepath.Join(corpus, name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(context.Background(), data, doc.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			// The papers are English; one says so in its catalog (/Lang(en-US)).
			if d.Lang != "" && d.Lang != "en" || name == "cncf-operator-whitepaper.en" && d.Lang != "en" {
				t.Errorf("language %q from the PDF's catalog", d.Lang)
			}
			// A section of the PDF that the later Markdown dropped (an appendix) is not
			// an extra heading: only headings over text the Markdown has are held to it.
			sentences := twin.Sentences(string(md), 4)
			var got, dropped []string
			for _, s := range sectionsOf(d) {
				if s.text != "" && !twin.SectionInTwin(sentences, s.text) {
					dropped = append(dropped, s.heading)
					continue
				}
				got = append(got, twin.NormHeading(s.heading))
			}
			if len(dropped) > 0 {
				t.Logf("sections not in the Markdown: %q", dropped)
			}
			recall, extra, missing, extras := twin.Recall(twin.Headings(string(md), 3), got, twin.Headings(string(md), 6))
			t.Logf("headings: recall %.0f%%, extra %.0f%% (%d entries)", 100*recall, 100*extra, len(got))
			if recall < 0.90 {
				t.Errorf("outline found %.0f%% of the headings, want >= 90%%; missing: %q", 100*recall, missing)
			}
			if extra > 0.10 {
				t.Errorf("outline has %.0f%% extra entries, want <= 10%%: %q", 100*extra, extras)
			}
			text := d.Markdown()
			sr, smissing := twin.SentenceRecall(sentences, text)
			t.Logf("body sentences: %.1f%%", 100*sr)
			if sr < 0.95 {
				t.Errorf("text keeps %.1f%% of the body sentences, want >= 95%%; missing e.g. %q", 100*sr, smissing[:min(len(smissing), 8)])
			}
			assertClean(t, d)
		})
	}
}

type section struct{ heading, text string }

// sectionsOf pairs each heading with the prose up to the next heading.
func sectionsOf(d *doc.Document) []section {
	var out []section
	for _, b := range d.Blocks {
		switch {
		case b.Kind == doc.Heading:
			out = append(out, section{heading: b.Text})
		case len(out) > 0 && (b.Kind == doc.Paragraph || b.Kind == doc.ListItem):
			out[len(out)-1].text += " " + b.Text
		}
	}
	return out
}
