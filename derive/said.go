package derive

import "github.com/repurpose/repurpose/channel"

// memory is what each account has said: a candidate said on a channel is not said there
// again, by any kind of derivative.
type memory map[channel.Name]map[int]bool

func (m memory) say(ch channel.Name, picks ...int) {
	if m[ch] == nil {
		m[ch] = map[int]bool{}
	}
	for _, i := range picks {
		m[ch][i] = true
	}
}

// on is a copy of what channel has said, for a generator to extend as it picks.
func (m memory) on(ch channel.Name) map[int]bool {
	out := make(map[int]bool, len(m[ch]))
	for i := range m[ch] {
		out[i] = true
	}
	return out
}

// social is everything said on any social channel: snippets are offered for all of them.
func (m memory) social() map[int]bool {
	out := map[int]bool{}
	for ch, said := range m {
		if ch == channel.Blog {
			continue
		}
		for i := range said {
			out[i] = true
		}
	}
	return out
}

// union is a new set of what is in a or b.
func union(a, b map[int]bool) map[int]bool {
	out := make(map[int]bool, len(a)+len(b))
	for _, m := range []map[int]bool{a, b} {
		for i := range m {
			out[i] = true
		}
	}
	return out
}
