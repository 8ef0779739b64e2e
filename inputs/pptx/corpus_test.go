package pptx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/twin"
)

// PowerPoint files that pandoc writes from the corpus Markdown keep at least 95% of its headings
// and of its body sentences.
func TestCorpusPresentationsAgainstTheirMarkdown(t *testing.T) {
	corpus := twin.Corpus(t)
	pandoc := twin.Pandoc(t)
	mds, _ := filepath.Glob(filepath.Join(corpus, "*.md"))
	for _, md := range mds {
		name := strings.TrimSuffix(filepath.Base(md), ".md")
		if name == "README" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(md)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), name+".pptx")
			// Slide level 3: every heading the test measures makes a slide, as in a real deck.
			cmd := exec.Command(pandoc, "-f", "markdown", "--slide-level=3", "-o", out)
			cmd.Stdin = strings.NewReader(twin.ForPandoc(string(src)))
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pandoc: %v\n%s", err, b)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(data, doc.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			twin.Check(t, d, string(src), 0.95, 0.95)
		})
	}
}
