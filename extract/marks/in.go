package marks

import (
	"strings"
	"sync"
)

// In reports whether s holds one of list's marks, as strings.Contains(s, mark) for each
// would. Marks that open with a space (" should ") are looked for where a word starts.
func In(s string, list []string) bool {
	if len(list) < minIndexedMarks {
		return containsAnyMark(s, list)
	}
	ix := indexOf(list)
	if containsAnyMark(s, ix.other) {
		return true
	}
	// A mark " rest" is in s where rest starts a word: where a space is before it.
	for i := strings.IndexByte(s, ' ') + 1; i > 0 && i < len(s); {
		for _, rest := range ix.byFirst[s[i]] {
			if strings.HasPrefix(s[i:], rest) {
				return true
			}
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// containsAnyMark is In as a search per mark.
func containsAnyMark(s string, list []string) bool {
	for _, m := range list {
		if containsMark(s, m) {
			return true
		}
	}
	return false
}

// minIndexedMarks is the length of a list from which In reads the sentence
// word by word rather than searching it once per mark: a list of a language's advice,
// risk or hedge marks holds tens of them, each a search of the whole sentence.
const minIndexedMarks = 6

// A marksIndex is a list of marks as In reads them: the marks that open with a
// space (" should "), without it, by their first byte after it; the others as they are.
type marksIndex struct {
	byFirst [256][]string
	other   []string
}

// marksIndexes holds the index of each list In has read, by the list's backing
// array: the lists are package variables, never changed.
var marksIndexes sync.Map

type markList struct {
	first *string
	n     int
}

func indexOf(list []string) *marksIndex {
	key := markList{&list[0], len(list)}
	if ix, ok := marksIndexes.Load(key); ok {
		return ix.(*marksIndex)
	}
	ix := &marksIndex{}
	for _, m := range list {
		if len(m) < 2 || m[0] != ' ' {
			ix.other = append(ix.other, m)
			continue
		}
		ix.byFirst[m[1]] = append(ix.byFirst[m[1]], m[1:])
	}
	stored, _ := marksIndexes.LoadOrStore(key, ix)
	return stored.(*marksIndex)
}

// containsMark is strings.Contains(s, mark). Most marks open with a space (" should "),
// which the search would stop at before every word of s; it looks for the rest of the mark
// and then for the space before it.
func containsMark(s, mark string) bool {
	if len(mark) < 2 || mark[0] != ' ' {
		return strings.Contains(s, mark)
	}
	rest := mark[1:]
	for from := 1; from < len(s); {
		i := strings.Index(s[from:], rest)
		if i < 0 {
			return false
		}
		if s[from+i-1] == ' ' {
			return true
		}
		from += i + 1
	}
	return false
}
