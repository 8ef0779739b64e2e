package channel

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// CountThreads counts a post on Meta's Threads: characters, except that an emoji counts
// as its UTF-8 bytes (Meta's rule: "👍" weighs 4, "👍🏽" 8); at most 500, and at most 5
// distinct links (more fail with THREADS_API__LINK_LIMIT_EXCEEDED). URLs are not
// shortened: they count every character.
func CountThreads(text string) Length {
	n := 0
	state := -1
	for s := text; s != ""; {
		if size := loneChar(s); size > 0 {
			n, s, state = n+1, s[size:], -1 // one character, no emoji
			continue
		}
		var cluster string
		cluster, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if isEmojiCluster(cluster) {
			n += len(cluster)
		} else {
			n += utf8.RuneCountInString(cluster)
		}
	}
	return Length{Weighted: n, Limit: LimitThreads, Valid: n > 0 && n <= LimitThreads && threadsLinks(text) <= LimitThreadsLinks}
}

// threadsLinks is how many distinct URLs text holds; Threads counts a repeated one once.
func threadsLinks(text string) int {
	seen := map[string]bool{}
	for _, sp := range FindURLs(text) {
		seen[text[sp[0]:sp[1]]] = true
	}
	return len(seen)
}
