package parse

import "strings"

// WordSet is the set of the white-space separated words: a word list of the source
// code, written as prose.
func WordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// WordList is the "|"-separated entries of s, trimmed: for entries of several words.
func WordList(s string) []string {
	var out []string
	for _, w := range strings.Split(s, "|") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}
