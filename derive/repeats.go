package derive

import (
	"fmt"
	"slices"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/posted"
)

// elsewhere is, by channel, the candidates that other sources already posted there, each
// with those sources (indexes into Options.Others).
type elsewhere map[channel.Name]map[int][]int

// elsewhere finds what the other sources already posted, channel by channel: every line
// (kept as postedLines for the sentences a generator takes from the summary or a
// quotation) and the candidates among them. touched reports any sentence of the
// document among those lines.
func (d *deriver) elsewhere(others []posted.Source) (e elsewhere, touched bool) {
	d.postedLines = posted.NewIndex(others)
	d.ownLines = map[posted.Line]bool{}
	if len(d.postedLines) == 0 {
		return elsewhere{}, false // nothing posted elsewhere: no line of this one to look up
	}
	for _, s := range d.summarySentences() {
		d.ownLines[posted.LineOf(s)] = true
	}
	for _, s := range d.a.Doc.Sections {
		for _, q := range s.Quotes {
			posted.Lines(q.Text, func(l posted.Line) { d.ownLines[l] = true })
		}
	}
	e = elsewhere{}
	for i := range d.a.Candidates {
		l := posted.LineOf(d.a.Candidates[i].Text)
		d.ownLines[l] = true
		for ch, lines := range d.postedLines {
			if sources := lines[l]; len(sources) > 0 {
				if e[ch] == nil {
					e[ch] = map[int][]int{}
				}
				e[ch][i] = sources
			}
		}
	}
	for l := range d.ownLines {
		for _, lines := range d.postedLines {
			touched = touched || len(lines[l]) > 0
		}
	}
	return e, touched
}

// repeatShare is the share of the sentences a source's posts would say, with nothing said
// already, from which the source is taken for another's text: a warning asks whether it
// is the file the marketer meant. Its posts are what can be compared: the toolkit keeps
// the other sources' posts, not their every sentence. Fewer than minRepeats such
// sentences are a quotation or a stock line, not the same text.
const (
	repeatShare = 0.6
	minRepeats  = 3
)

// kindOn is a kind of derivative on a channel.
type kindOn struct {
	kind channel.Kind
	ch   channel.Name
}

// explain says, in Skipped, which derivatives the other sources' lines cost this one
// (free is what the document makes when nothing is said already) and, in Warnings,
// which other source holds most of what this one would post.
func (d *deriver) explain(free Result) {
	// The sentences of the document (not a call to action or hashtags) the free run says, by kind and channel, in its order.
	says := map[kindOn]map[posted.Line]bool{}
	could, got := map[kindOn]int{}, map[kindOn]int{}
	var order []kindOn
	for _, x := range free.Derivatives {
		k := kindOn{x.Kind, x.Channel}
		if could[k] == 0 {
			order = append(order, k)
			says[k] = map[posted.Line]bool{}
		}
		could[k]++
		posted.Lines(x.Template, func(l posted.Line) { says[k][l] = d.ownLines[l] || says[k][l] })
	}
	for _, x := range d.res.Derivatives {
		got[kindOn{x.Kind, x.Channel}]++
	}
	picks := map[posted.Line]bool{}
	for _, k := range order {
		chs, where := []channel.Name{k.ch}, "on this account"
		if k.ch == channel.Any {
			chs, where = channel.Social(), "on the accounts"
		}
		var named []int // the sources that posted what the free run says here
		for l, ok := range says[k] {
			picks[l] = picks[l] || ok
			for _, ch := range chs {
				if ok {
					named = append(named, d.postedLines[ch][l]...)
				}
			}
		}
		switch {
		case got[k] >= could[k] || len(named) == 0:
		case got[k] == 0:
			// The generator's own reason (nothing fits, say) is not why: the other
			// sources are.
			d.res.Skipped = slices.DeleteFunc(d.res.Skipped, func(s Skipped) bool { return s.Kind == k.kind && s.Channel == k.ch })
			d.skip(k.kind, k.ch, fmt.Sprintf("its sentences are already %s from %s: nothing new to post from this source",
				where, posted.Names(d.opt.Others, named)))
		default:
			d.skip(k.kind, k.ch, fmt.Sprintf("%d of %d left out: their sentences are already %s from %s",
				could[k]-got[k], could[k], where, posted.Names(d.opt.Others, named)))
		}
	}
	d.warnRepeats(picks)
}

// warnRepeats warns of each other source that already posted most of the sentences this
// one would post (picks): at most three, the most repeated first.
func (d *deriver) warnRepeats(picks map[posted.Line]bool) {
	repeated := make([]int, len(d.opt.Others))
	n := 0
	for l, ok := range picks {
		if !ok {
			continue
		}
		n++
		var in []int
		for _, lines := range d.postedLines {
			in = append(in, lines[l]...)
		}
		for _, s := range slices.Compact(slices.Sorted(slices.Values(in))) {
			repeated[s]++
		}
	}
	var most []int
	for s, r := range repeated {
		if r >= minRepeats && float64(r) >= repeatShare*float64(n) {
			most = append(most, s)
		}
	}
	slices.SortStableFunc(most, func(a, b int) int { return repeated[b] - repeated[a] })
	for _, s := range most[:min(3, len(most))] {
		o := d.opt.Others[s]
		name := o.Name()
		if o.Title != "" {
			name += " (" + o.Key + ")"
		}
		d.res.Warnings = append(d.res.Warnings, fmt.Sprintf(
			"most of this text is already in %s: posts repeat little; is this the file you meant?", name))
	}
}
