package scheduler

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/rickar/cal/v2"

	"github.com/repurpose/repurpose/config"
)

// Calendar is when one region may post on one of its channels: weekly windows in the
// region's zone, minus public holidays and blackouts, with a least spacing between posts
// on the account and a daily cap. Posting windows are wall-clock times, so a window keeps
// its local hours across a DST change; a window edge that falls in a skipped hour starts
// when the clocks jump, and a repeated hour is counted once, from its first occurrence.
type Calendar struct {
	Region, Channel, Account string
	loc                      *time.Location
	windows                  []config.Window
	spacing                  time.Duration
	maxPerDay                int
	holidays                 *cal.Calendar // nil: none
	blackouts                []config.Blackout
}

// NewCalendar is region's calendar for channel (which the region must publish on).
func NewCalendar(r config.Region, channel string) (*Calendar, error) {
	rc, ok := r.Channels[channel]
	if !ok {
		return nil, fmt.Errorf("region %s does not publish on %s", r.ID, channel)
	}
	loc, err := time.LoadLocation(r.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("region %s: %w", r.ID, err)
	}
	hol, err := holidayCalendar(r.Holidays)
	if err != nil {
		return nil, fmt.Errorf("region %s: %w", r.ID, err)
	}
	return &Calendar{Region: r.ID, Channel: channel, Account: rc.Account, loc: loc, windows: rc.Windows,
		spacing: rc.Spacing.Std(), maxPerDay: rc.MaxPerDay, holidays: hol, blackouts: r.Blackouts}, nil
}

// Location is the region's zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// day is a local calendar date counted in days from 1970-01-01, the unit the planner
// walks in: it never meets a 23- or 25-hour day.
type day int

func dayOf(t time.Time, loc *time.Location) day {
	y, m, d := t.In(loc).Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) date() (int, time.Month, int) {
	return time.Unix(int64(d)*86400, 0).UTC().Date()
}

// at is the instant the local clock reads offset past midnight on d (offset may be 24h:
// the next midnight). A wall time skipped by a DST jump gives the instant of the jump; a
// repeated one its first occurrence.
func (c *Calendar) at(d day, offset time.Duration) time.Time {
	y, m, dd := d.date()
	wall := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Add(offset) // the wall clock, read as UTC
	// The zone's offsets a day either side bound those in force at the wall time.
	_, before := time.Unix(wall.Unix()-86400, 0).In(c.loc).Zone()
	_, after := time.Unix(wall.Unix()+86400, 0).In(c.loc).Zone()
	var best time.Time
	for _, off := range []int{before, after} {
		t := wall.Add(-time.Duration(off) * time.Second)
		if sameWall(t.In(c.loc), wall) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	// Skipped: find when the offset changed, between the two readings.
	lo, hi := wall.Add(-time.Duration(max(before, after))*time.Second), wall.Add(-time.Duration(min(before, after))*time.Second)
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2)
		if _, off := mid.In(c.loc).Zone(); off == before {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi.Truncate(time.Second)
}

func sameWall(local, wall time.Time) bool {
	y, m, d := local.Date()
	wy, wm, wd := wall.Date()
	return y == wy && m == wm && d == wd && local.Hour() == wall.Hour() && local.Minute() == wall.Minute() && local.Second() == wall.Second()
}

// Closed says why nothing is posted on d ("" when it is open): a public holiday or a
// blackout.
func (c *Calendar) Closed(d day) string {
	y, m, dd := d.date()
	if c.holidays != nil {
		if actual, observed, h := c.holidays.IsHoliday(time.Date(y, m, dd, 12, 0, 0, 0, c.loc)); actual || observed {
			return "holiday: " + h.Name
		}
	}
	for _, b := range c.blackouts {
		if b.Covers(y, m, dd) {
			if b.Reason != "" {
				return "blackout: " + b.Reason
			}
			return "blackout"
		}
	}
	return ""
}

// span is a posting window on one day, as instants.
type span struct{ start, end time.Time }

// spans are d's posting windows in time order (none on a closed day).
func (c *Calendar) spans(d day) []span {
	if c.Closed(d) != "" {
		return nil
	}
	y, m, dd := d.date()
	wd := time.Date(y, m, dd, 12, 0, 0, 0, time.UTC).Weekday()
	var out []span
	for _, w := range c.windows {
		if w.Days[wd] {
			if s := (span{c.at(d, w.Start), c.at(d, w.End)}); s.end.After(s.start) {
				out = append(out, c.once(s)...)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start.Before(out[j].start) })
	return out
}

// once is s without the second pass of a repeated hour: when the clocks go back inside s,
// the wall times they read again were in s already, so a window over the fold keeps its
// wall-clock length.
func (c *Calendar) once(s span) []span {
	local := s.start.In(c.loc)
	_, before := local.Zone()
	_, change := local.ZoneBounds()
	if change.IsZero() || !change.Before(s.end) {
		return []span{s}
	}
	_, after := change.In(c.loc).Zone()
	if after >= before { // the clocks jumped forward: nothing repeats
		return []span{s}
	}
	out := []span{{s.start, change}}
	if again := change.Add(time.Duration(before-after) * time.Second); again.Before(s.end) {
		out = append(out, span{again, s.end})
	}
	return out
}

// holidayCalendar is the public holidays of the given ISO 3166 countries.
func holidayCalendar(codes []string) (*cal.Calendar, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	c := &cal.Calendar{Cacheable: true}
	for _, code := range codes {
		hs, ok := countryHolidays[strings.ToUpper(code)]
		if !ok {
			return nil, fmt.Errorf("holidays: %q is not a country we have a holiday calendar for (%s)", code, strings.Join(HolidayCountries(), ", "))
		}
		c.AddHoliday(hs...)
	}
	return c, nil
}
