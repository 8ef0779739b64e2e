// Package officetest builds small Office packages (ZIP files of named XML parts) for the
// docx and pptx readers' tests.
package officetest

import (
	"archive/zip"
	"bytes"
	"sort"
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
