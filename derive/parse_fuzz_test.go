package derive

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

// FuzzParseDerive feeds any bytes, as Markdown, HTML or text, through Parse and Derive:
// neither panics nor hangs; a document is refused with a reason, or every derivative it
// gives is valid on its channel, in valid UTF-8, with its link in its text.
func FuzzParseDerive(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: T\nregions: [emea]\n---\n# Heading\n\nQueues absorb 90% of bursts within a second. Retries need backoff.\n",
		"# Deep\n\n" + strings.Repeat("> ", 200) + "deep text that is a sentence of its own here.\n",
		strings.Repeat("- ", 300) + "nested list item that is a sentence here.\n",
		"<html><head><title>T</title></head><body><article><h1>T</h1><p>Our launch doubles the reach of 3 campaigns.</p><script>x()</script></article></body></html>",
		"<p><a href=\"javascript:alert(1)\">click</a> and <a href=\"data:text/html,x\">data</a> links are dropped here.</p>",
		"---\ntitle: [unclosed\n---\nbody text of a document here.\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"Plain text notes.\n\nA second paragraph with 42% of the figures in it.",
		"\xff\xfe\x00binary",
		"",
	} {
		for _, ext := range []byte{0, 1, 2} {
			f.Add([]byte(seed), ext)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, ext byte) {
		name := []string{"d.md", "d.html", "d.txt"}[ext%3]
		start := time.Now()
		defer func() {
			if took := time.Since(start); took > 5*time.Second {
				t.Fatalf("%d bytes of %s took %s", len(body), name, took) // a document must not stall the worker
			}
		}()
		doc, err := parse.File(name, body, 1<<20)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a refusal without a reason")
			}
			return
		}
		res := From(doc, Options{Version: "v", SourceID: "s", CampaignName: "c", PublicPageURL: "https://example.com/p/x"})
		for _, d := range res.Derivatives {
			if !utf8.ValidString(d.Text) {
				t.Fatalf("%s %s: invalid UTF-8 %q", d.Kind, d.Channel, d.Text)
			}
			if d.Length != nil && d.Length.Limit > 0 && !d.Length.Valid {
				t.Fatalf("%s %s is not valid on its channel: %d of %d", d.Kind, d.Channel, d.Length.Weighted, d.Length.Limit)
			}
			if d.Backlink != "" && d.Channel != channel.Bluesky && d.Kind != channel.KindBlog && len(d.Parts) == 0 && !strings.Contains(d.Text, d.Backlink) {
				t.Fatalf("%s %s lost its link: %q", d.Kind, d.Channel, d.Text)
			}
		}
	})
}
