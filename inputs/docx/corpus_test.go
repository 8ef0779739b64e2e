package docx

import (
	"testing"

	"github.com/repurpose/repurpose/inputs/internal/twin"
)

// Word files that pandoc writes from the corpus Markdown keep at least 95% of its headings
// and of its body sentences.
func TestCorpusWordFilesAgainstTheirMarkdown(t *testing.T) {
	twin.CheckOfficeCorpus(t, ".docx", nil, Read)
}
