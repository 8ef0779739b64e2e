package derive

import (
	"bytes"
	"sort"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/repurpose/repurpose/parse"
)

// BenchmarkParseDerive is the whole pure pipeline per corpus document; compare its MB/s
// with BenchmarkGoldmarkConvert, the ceiling (target: within 10x per byte).
func BenchmarkParseDerive(b *testing.B) {
	docs := corpusDocs(b)
	for _, name := range sortedKeys(docs) {
		data := docs[name]
		opt := testOptions(data)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				doc, err := parse.File(name, data, 10<<20)
				if err != nil {
					b.Fatal(err)
				}
				From(doc, opt)
			}
		})
	}
}

// BenchmarkGoldmarkConvert renders the same bytes to HTML with goldmark alone.
func BenchmarkGoldmarkConvert(b *testing.B) {
	docs := corpusDocs(b)
	md := goldmark.New()
	for _, name := range sortedKeys(docs) {
		data := docs[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if err := md.Convert(data, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
