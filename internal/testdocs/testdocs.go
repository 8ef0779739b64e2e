// Package testdocs finds the documents tests read: the repository's samples and the
// shared test data beside the repository (the corpus and the conformance suites).
package testdocs

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// root is the repository's root folder, found from this file so that it holds for a
// test in any package.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Shared is a file or folder of the shared test data (../shared from the repository's
// root). The test skips when it is absent; the README says how to get equivalent data.
func Shared(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{root(), "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared test data %s is absent (%v): skipping", p, err)
	}
	return p
}

// Sample is the content of a file in the repository's samples folder.
func Sample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root(), "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Office is a file authored in Word or PowerPoint from the published test data that
// scripts/test.sh fetches (REPURPOSE_OFFICE_FILES, by default $HOME/.cache/repurpose/office):
// parts are the package folder and the path inside it. The test skips when it is absent,
// and fails under CI, where the script has fetched it.
func Office(t testing.TB, parts ...string) string {
	t.Helper()
	dir := os.Getenv("REPURPOSE_OFFICE_FILES")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "repurpose", "office")
	}
	p := filepath.Join(append([]string{dir}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		if ci := strings.ToLower(os.Getenv("CI")); ci == "true" || ci == "1" {
			t.Fatalf("%s is absent under CI (%v): scripts/test.sh --setup-only fetches it", p, err)
		}
		t.Skipf("%s is absent (%v): scripts/test.sh --setup-only fetches it", p, err)
	}
	return p
}

// Lines are the lines of the repository's text samples and, where the shared test data
// is present, of the corpus's Markdown documents, followed by extra: real text of every
// language with built-in texts, for holding a fast path to the general function it
// stands for.
func Lines(t testing.TB, extra ...string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root(), "..", "shared", "corpus", "*.md"))
	for _, name := range []string{"whitepaper.en.md", "whitepaper.es.md", "whitepaper.ja.md", "notes.txt"} {
		files = append(files, filepath.Join(root(), "samples", name))
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return append(lines, extra...)
}

// Random is 20,000 strings of up to maxLen-1 pieces from pieces, drawn by rng: the inputs
// on which a test holds a fast function to the standard one it stands for. A piece may be
// a character, a part of one (broken UTF-8) or several.
func Random(rng *rand.Rand, pieces []string, maxLen int) []string {
	out := make([]string, 20000)
	for k := range out {
		var b strings.Builder
		for range rng.IntN(maxLen) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out[k] = b.String()
	}
	return out
}
