// Package officetest builds small Office packages (ZIP files of named XML parts) for the
// docx and pptx readers' tests.
package officetest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"sort"
	"strings"
	"testing"
)

// Zip packs parts, by path, into a ZIP file.
func Zip(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Authored reads a real Office file for a test: path as testdocs.Office gives it; the test
// fails unless docProps/app.xml names app (e.g. "Microsoft Office Word") as the program
// that wrote it, so the test is about that program's own output.
func Authored(t testing.TB, path, app string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	f, err := zr.Open("docProps/app.xml")
	if err != nil {
		t.Fatalf("%s has no docProps/app.xml: %v", path, err)
	}
	defer f.Close()
	props, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil || !strings.Contains(string(props), "<Application>"+app) {
		t.Fatalf("%s was not written by %s: %.300s", path, app, props)
	}
	return data
}
