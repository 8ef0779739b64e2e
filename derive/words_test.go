package derive

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// lowerWords reads ASCII without table look-ups; it must cut as strings.FieldsFunc does,
// on the samples, the corpus and awkward text.
func TestLowerWordsCutAsFieldsFunc(t *testing.T) {
	texts := []string{"", " ", "Platform Engineering in 2024: 40% faster, K8s & CI/CD!", "İstanbul KELVIN ΣΊΣΥΦΟΣ",
		"プラットフォームチームは2024年に", "플랫폼 팀은 Kubernetes와", "bad \xff\xfe utf-8 \xe2\x80", "١٢٣ ٤٥ digits", "A_B^C[D]@E`F{G}"}
	files, _ := filepath.Glob("../../shared/corpus/*.md")
	for _, name := range []string{"whitepaper.en.md", "whitepaper.es.md", "whitepaper.ja.md", "notes.txt"} {
		files = append(files, filepath.Join("..", "samples", name))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, s := range texts {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if got := lowerWords(s); !slices.Equal(got, want) {
			t.Fatalf("lowerWords(%q) = %q, want %q", s, got, want)
		}
	}
}
