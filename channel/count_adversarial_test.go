package channel

import (
	"fmt"
	"strings"
	"testing"
)

// adversarialTexts are texts built to make a URL finder backtrack or rescan: a dotted
// run (every dot may start a domain), a repeated scheme, chained mentions and hashtags,
// a domain of the longest labels, and labels that each end in a TLD's look-ahead.
var adversarialUnits = []struct{ name, unit string }{
	{"dotted", "a."},
	{"dotted-tld-lookahead", "com-"},
	{"schemes", "http://"},
	{"scheme-dotted", "http://a.a"},
	{"mentions", "@a"},
	{"remote-mentions", "@a@a."},
	{"hashtags", "#a"},
	{"long-domain", strings.Repeat("a", 63) + "."},
	{"underscored", "a_."},
	{"cjk-dotted", "日本."},
}

// adversarial repeats unit to n bytes.
func adversarial(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

// BenchmarkCountAdversarial counts 16 KiB and 1 MiB of each adversarial pattern on the
// channels whose counts look for URLs and mentions: the target is under 100 ms per MiB,
// which needs a finder linear in the text.
func BenchmarkCountAdversarial(b *testing.B) {
	counters := []struct {
		name  Name
		count func(string) Length
	}{
		{X, CountX},
		{Mastodon, func(s string) Length { return CountMastodon(s, 0) }},
		{Threads, CountThreads},
	}
	for _, size := range []int{16 << 10, 1 << 20} {
		for _, u := range adversarialUnits {
			text := adversarial(u.unit, size)
			for _, c := range counters {
				b.Run(fmt.Sprintf("%s/%dKiB/%s", u.name, size>>10, c.name), func(b *testing.B) {
					b.SetBytes(int64(len(text)))
					for b.Loop() {
						c.count(text)
					}
				})
			}
		}
	}
}
