package scheduler

import (
	"slices"
	"time"

	"github.com/repurpose/repurpose/planstore"
)

// Book is what is already planned on one account, across every source and region: the
// capacity the "next free slot" search shares.
type Book struct {
	times []time.Time // sorted
	// texts are the instants each text (by hash) goes out, for the evergreen cooldown.
	texts map[string][]time.Time
}

// NewBook is an empty book.
func NewBook() *Book { return &Book{texts: map[string][]time.Time{}} }

// Add records a post at t with the given text hash ("" for none).
func (b *Book) Add(t time.Time, textHash string) {
	i, _ := slices.BinarySearchFunc(b.times, t, time.Time.Compare)
	b.times = slices.Insert(b.times, i, t)
	if textHash != "" {
		b.texts[textHash] = append(b.texts[textHash], t)
	}
}

// Load adds many posts at once, sorting once rather than inserting one by one.
func (b *Book) Load(slots []planstore.Slot) {
	for _, s := range slots {
		b.times = append(b.times, s.At)
		if s.TextHash != "" {
			b.texts[s.TextHash] = append(b.texts[s.TextHash], s.At)
		}
	}
	slices.SortFunc(b.times, time.Time.Compare)
}

// Len is how many posts the book holds.
func (b *Book) Len() int { return len(b.times) }

// between counts posts in [from, to).
func (b *Book) between(from, to time.Time) int {
	i, _ := slices.BinarySearchFunc(b.times, from, time.Time.Compare)
	j, _ := slices.BinarySearchFunc(b.times, to, time.Time.Compare)
	return j - i
}

// clash is the latest post closer than spacing to t, if any.
func (b *Book) clash(t time.Time, spacing time.Duration) (time.Time, bool) {
	j, _ := slices.BinarySearchFunc(b.times, t.Add(spacing), time.Time.Compare)
	if j > 0 && b.times[j-1].After(t.Add(-spacing)) {
		return b.times[j-1], true
	}
	return time.Time{}, false
}

// repeats reports whether the text goes out within cooldown of t.
func (b *Book) repeats(textHash string, t time.Time, cooldown time.Duration) bool {
	for _, x := range b.texts[textHash] {
		if d := x.Sub(t); d < cooldown && d > -cooldown {
			return true
		}
	}
	return false
}

// horizon is how far ahead a slot is looked for.
const horizon = 2 * 365

// slotter finds free slots for one calendar on one book. Days found to have no room are
// skipped by later searches (a union-find over days: the book only fills while a planner
// runs), which keeps planning thousands of sources on a busy account linear.
type slotter struct {
	cal  *Calendar
	book *Book
	next map[day]day // a full day points past itself
}

func newSlotter(c *Calendar, b *Book) *slotter {
	return &slotter{cal: c, book: b, next: map[day]day{}}
}

// open is the first day from d that may have room.
func (s *slotter) open(d day) day {
	root := d
	for {
		n, ok := s.next[root]
		if !ok {
			break
		}
		root = n
	}
	for d != root { // path compression
		n := s.next[d]
		s.next[d] = root
		d = n
	}
	return root
}

// Next is the first instant at or after from when a post may go out: in a window, on an
// open day, under the daily cap, at least the spacing away from every other post on the
// account. ok is false when there is none within the horizon.
func (s *slotter) Next(from time.Time) (time.Time, bool) {
	c := s.cal
	first := dayOf(from, c.loc)
	for d := s.open(first); d < first+horizon; d = s.open(d + 1) {
		spans := c.spans(d)
		wholeDay := len(spans) == 0 || !from.After(spans[0].start)
		if t, ok := s.slotOn(d, spans, from); ok {
			return t, true
		}
		if wholeDay { // no room on d whatever the start: never look at it again
			s.next[d] = d + 1
		}
	}
	return time.Time{}, false
}

func (s *slotter) slotOn(d day, spans []span, from time.Time) (time.Time, bool) {
	if len(spans) == 0 {
		return time.Time{}, false
	}
	c := s.cal
	if s.book.between(c.at(d, 0), c.at(d, 24*time.Hour)) >= c.maxPerDay {
		return time.Time{}, false
	}
	for _, w := range spans {
		t := w.start
		if from.After(t) {
			t = from
		}
		for t.Before(w.end) {
			x, busy := s.book.clash(t, c.spacing)
			if !busy {
				return t, true
			}
			t = x.Add(c.spacing)
		}
	}
	return time.Time{}, false
}

// free reports whether a post may go out at t: in a window on an open day, under the
// daily cap, the spacing away from every other post.
func (s *slotter) free(t time.Time) bool {
	c := s.cal
	d := dayOf(t, c.loc)
	in := false
	for _, w := range c.spans(d) {
		in = in || (!t.Before(w.start) && t.Before(w.end))
	}
	if !in || s.book.between(c.at(d, 0), c.at(d, 24*time.Hour)) >= c.maxPerDay {
		return false
	}
	_, busy := s.book.clash(t, c.spacing)
	return !busy
}
