package channel

import "testing"

// BenchmarkCountChannel counts a typical post on each channel; posts/s is the figure to
// compare (the fitter counts many candidate posts per derivative).
func BenchmarkCountChannel(b *testing.B) {
	text := "Platform teams cut pages by 62% 🚀 in six weeks, and on-call stopped being a dreaded rota: " +
		"the runbooks moved into operators. https://example.com/papers/quiet-pagers?utm_source=x#results 会議を半分に\n#SRE #OnCall"
	for _, c := range []struct {
		name  Name
		count func(string) Length
	}{
		{X, CountX},
		{Mastodon, func(s string) Length { return CountMastodon(s, 0) }},
		{Bluesky, CountBluesky},
		{Threads, CountThreads},
		{LinkedIn, CountLinkedIn},
	} {
		b.Run(string(c.name), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.count(text)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
		})
	}
}

func BenchmarkCountX(b *testing.B) {
	text := "Platform teams cut pages by 62% 🚀 in six weeks: https://example.com/papers/quiet-pagers?utm_source=x#results 会議を半分に #SRE"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		CountX(text)
	}
}
