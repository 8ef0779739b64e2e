package transcript

import (
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
)

// FuzzTranscript: any bytes read as WebVTT and as SRT either fail with a *doc.Error or
// give quotes with text.
func FuzzTranscript(f *testing.F) {
	f.Add([]byte(talk))
	f.Add([]byte("1\n00:00:00,500 --> 00:00:03,000\nA: Hi.\n"))
	f.Add([]byte("WEBVTT\nNOTE\nk: v\n\n00:00.000 --> 00:01.000\n<v.loud A>x<i>y</i>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []func([]byte, doc.Limits) (*doc.Document, error){ReadVTT, ReadSRT} {
			d, err := read(data, doc.Limits{MaxBlocks: 1000})
			if err != nil {
				if _, ok := err.(*doc.Error); !ok {
					t.Fatalf("not a *doc.Error: %T %v", err, err)
				}
				continue
			}
			for _, b := range d.Blocks {
				if b.Text == "" {
					t.Fatalf("an empty block: %+v", d.Blocks)
				}
			}
		}
	})
}
