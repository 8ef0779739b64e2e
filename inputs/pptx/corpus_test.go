package pptx

import (
	"testing"

	"github.com/repurpose/repurpose/inputs/internal/twin"
)

// PowerPoint files that pandoc writes from the corpus Markdown keep at least 95% of its
// headings and of its body sentences. Slide level 3: every heading the test measures
// makes a slide, as in a real deck.
func TestCorpusPresentationsAgainstTheirMarkdown(t *testing.T) {
	twin.CheckOfficeCorpus(t, ".pptx", []string{"--slide-level=3"}, Read)
}
