package cards

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user and system CPU time so far: on a shared machine the
// benchmarks report it per operation beside wall-clock time, which waits for other work.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkRenderCard renders one card in the 16:9 format of X, Mastodon and Bluesky,
// from layout to PNG bytes (fonts loaded once, as in a running worker).
func BenchmarkRenderCard(b *testing.B) {
	r := testRenderer(b)
	for _, tc := range []struct{ name, lang, kind string }{{"stat-en", "en", "stat"}, {"quote-ja", "ja", "quote"}, {"quote-long-de", "de", "quote-long"}} {
		c := cardsOf(tc.lang)[tc.kind]
		b.Run(tc.name, func(b *testing.B) {
			start := cpuTime(b)
			for b.Loop() {
				if _, err := r.Render(c, X); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkCarousel renders a 10-slide carousel PDF.
func BenchmarkCarousel(b *testing.B) {
	r := testRenderer(b)
	c := carouselOf("en", 4, 4)
	start := cpuTime(b)
	for b.Loop() {
		if _, err := r.Carousel(c); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
