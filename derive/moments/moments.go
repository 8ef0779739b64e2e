// Package moments finds where in a talk's recording a sentence is said, so a post made
// from it links to that moment.
package moments

import (
	"strings"

	"github.com/repurpose/repurpose/derive/posted"
	"github.com/repurpose/repurpose/parse"
)

// Index holds a recording's moments. The derivatives' sentences are split and spelled
// by derive, the recording's by the transcript reader: they are compared by their words
// alone.
type Index struct {
	list  []parse.Moment // Text as a key
	exact map[string]string
	found map[string]string // lookups made, by key
}

// New indexes a recording's moments.
func New(ms []parse.Moment) *Index {
	m := &Index{exact: map[string]string{}, found: map[string]string{}}
	for _, x := range ms {
		k := posted.Words(x.Text)
		if k == "" {
			continue
		}
		if _, dup := m.exact[k]; !dup {
			m.exact[k] = x.Anchor // a sentence said twice links to its first saying
		}
		m.list = append(m.list, parse.Moment{Text: k, Anchor: x.Anchor})
	}
	return m
}

// Anchor is the fragment where sentence is said ("t=754"): the moment that says it, or
// that says part of it, or that it begins with when it runs over several; "" when none.
func (m *Index) Anchor(sentence string) string {
	if len(m.list) == 0 || sentence == "" {
		return ""
	}
	k := posted.Words(sentence)
	if a, ok := m.exact[k]; ok {
		return a
	}
	if a, ok := m.found[k]; ok {
		return a
	}
	a := ""
	for _, x := range m.list {
		if k != "" && (strings.Contains(x.Text, k) || strings.HasPrefix(k, x.Text+" ")) {
			a = x.Anchor
			break
		}
	}
	m.found[k] = a
	return a
}

// Said are the moments indexed, each with its words as Text.
func (m *Index) Said() []parse.Moment { return m.list }
