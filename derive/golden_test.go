package derive

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/parse"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the samples")

// TestGolden pins the parse and the derivatives of the repository's own samples (never
// the shared corpus): go test ./derive -run Golden -update rewrites them.
func TestGolden(t *testing.T) {
	for _, name := range []string{"whitepaper.en.md", "whitepaper.es.md", "whitepaper.ja.md", "landing-page.html", "notes.txt"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "samples", name))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parse.File(name, data, 10<<20)
			if err != nil {
				t.Fatal(err)
			}
			res := From(doc, testOptions(data))
			minSnippets := 5
			if name == "notes.txt" {
				minSnippets = 1 // a few paragraphs of notes
			}
			checkResult(t, res, minSnippets)
			got, err := json.MarshalIndent(struct {
				Document *parse.Document `json:"document"`
				Result   Result          `json:"result"`
			}{doc, res}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./derive -run Golden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; review the change and run with -update", name, path)
			}
		})
	}
}
