package derive

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	"github.com/repurpose/repurpose/parse"
)

// BenchmarkParseDerive is the whole pure pipeline per corpus document; compare its MB/s
// with BenchmarkGoldmarkConvert, the ceiling (target: within 8x per byte). Both read the
// text documents only: goldmark over a PDF's bytes measures nothing (PDFs have their own
// benchmark, scripts/bench.sh pdf).
func BenchmarkParseDerive(b *testing.B) {
	docs := textDocs(corpusDocs(b))
	for _, name := range sortedKeys(docs) {
		data := docs[name]
		opt := testOptions(data)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			// One pass before the loop, which b.Loop does not time: what a process
			// pays once (the Japanese and Chinese dictionaries) is not per document.
			if doc, err := parse.File(name, data, 10<<20); err == nil {
				From(doc, opt)
			}
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
	docs := textDocs(corpusDocs(b))
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

// BenchmarkDeriveOverGoldmark reports the target's ratio itself ("x-goldmark": parse +
// derive time over goldmark.Convert time, every corpus document, per byte): each pass
// converts every document with goldmark and then parses and derives it, so both are
// timed under the same load on a busy machine, where two benchmarks run a minute apart
// differ by half.
func BenchmarkDeriveOverGoldmark(b *testing.B) {
	docs := textDocs(corpusDocs(b))
	names := sortedKeys(docs)
	md := goldmark.New()
	var out bytes.Buffer
	opts := map[string]Options{}
	for _, name := range names { // what a process pays once, untimed
		opts[name] = testOptions(docs[name])
		if doc, err := parse.File(name, docs[name], 10<<20); err == nil {
			From(doc, opts[name])
		}
	}
	var derived, converted time.Duration
	for b.Loop() {
		for _, name := range names {
			data := docs[name]
			start := time.Now()
			out.Reset()
			if err := md.Convert(data, &out); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			doc, err := parse.File(name, data, 10<<20)
			if err != nil {
				b.Fatal(err)
			}
			From(doc, opts[name])
			converted += mid.Sub(start)
			derived += time.Since(mid)
		}
	}
	b.ReportMetric(float64(derived)/float64(converted), "x-goldmark")
}

// textDocs are the Markdown, HTML and text documents of docs.
func textDocs(docs map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for name, data := range docs {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".md", ".html", ".htm", ".txt":
			out[name] = data
		}
	}
	return out
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
