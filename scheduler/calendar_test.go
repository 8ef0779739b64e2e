package scheduler

import (
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
)

// calendarFor builds a region calendar from YAML-like settings, as the config file would.
func calendarFor(t *testing.T, zone string, windows []string, spacing time.Duration, perDay int, holidays []string, blackouts ...config.Blackout) *Calendar {
	t.Helper()
	var ws []config.Window
	for _, s := range windows {
		var w config.Window
		if err := w.UnmarshalText([]byte(s)); err != nil {
			t.Fatal(err)
		}
		ws = append(ws, w)
	}
	r := config.Region{ID: "r", TimeZone: zone, Holidays: holidays, Blackouts: blackouts,
		Channels: map[string]config.RegionChannel{"x": {Account: "acct", Windows: ws, Spacing: config.Duration(spacing), MaxPerDay: perDay}}}
	c, err := NewCalendar(r, "x")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Posting hours are wall-clock hours: 09:00 in the region stays 09:00 across a DST change,
// so the UTC instant moves by the hour, in Berlin, New York and Sydney (where the change
// runs the other way round the year).
func TestWindowsKeepLocalHoursAcrossDST(t *testing.T) {
	for _, tc := range []struct {
		zone, from, want string
	}{
		// Berlin springs forward on 29 March 2026 and falls back on 25 October 2026.
		{"Europe/Berlin", "2026-03-27T20:00:00Z", "2026-03-28T08:00:00Z"}, // Sat 09:00 CET
		{"Europe/Berlin", "2026-03-28T20:00:00Z", "2026-03-29T07:00:00Z"}, // Sun 09:00 CEST
		{"Europe/Berlin", "2026-10-24T20:00:00Z", "2026-10-25T08:00:00Z"}, // Sun 09:00 CET again
		// New York: 8 March and 1 November 2026.
		{"America/New_York", "2026-03-08T02:00:00Z", "2026-03-08T13:00:00Z"}, // Sun 09:00 EDT
		{"America/New_York", "2026-03-07T02:00:00Z", "2026-03-07T14:00:00Z"}, // Sat 09:00 EST
		{"America/New_York", "2026-11-01T05:00:00Z", "2026-11-01T14:00:00Z"}, // Sun 09:00 EST
		// Sydney leaves daylight time on 5 April 2026 and enters it on 4 October 2026.
		{"Australia/Sydney", "2026-04-03T12:00:00Z", "2026-04-03T22:00:00Z"}, // Sat 4 Apr 09:00 AEDT
		{"Australia/Sydney", "2026-04-04T12:00:00Z", "2026-04-04T23:00:00Z"}, // Sun 5 Apr 09:00 AEST
		{"Australia/Sydney", "2026-10-03T12:00:00Z", "2026-10-03T22:00:00Z"}, // Sun 4 Oct 09:00 AEDT
	} {
		c := calendarFor(t, tc.zone, []string{"daily 09:00-17:00"}, time.Hour, 5, nil)
		got, ok := newSlotter(c, NewBook()).Next(utc(tc.from))
		if !ok || !got.Equal(utc(tc.want)) {
			t.Errorf("%s from %s: %v (%s local), want %s", tc.zone, tc.from, got.UTC(), got.In(c.loc).Format("Mon 15:04 MST"), tc.want)
		}
	}
}

// A window edge in the skipped hour opens when the clocks jump; a window inside the
// repeated hour is taken once, from its first occurrence; a window wholly inside the
// skipped hour does not exist that day.
func TestWindowEdgesInSkippedAndRepeatedHours(t *testing.T) {
	spring := calendarFor(t, "Europe/Berlin", []string{"daily 02:30-04:00"}, time.Minute, 5, nil)
	if got, _ := newSlotter(spring, NewBook()).Next(utc("2026-03-28T23:00:00Z")); !got.Equal(utc("2026-03-29T01:00:00Z")) {
		t.Errorf("02:30 on the spring-forward night: %v, want 03:00 CEST (01:00Z), when the clocks jump", got)
	}
	gone := calendarFor(t, "America/New_York", []string{"daily 02:00-02:45"}, time.Minute, 5, nil)
	if got, _ := newSlotter(gone, NewBook()).Next(utc("2026-03-08T05:00:00Z")); !got.Equal(utc("2026-03-09T06:00:00Z")) {
		t.Errorf("a window inside New York's skipped hour: %v, want the next day's 02:00 EDT", got)
	}
	autumn := calendarFor(t, "Europe/Berlin", []string{"daily 02:00-02:30"}, 20*time.Minute, 5, nil)
	s := newSlotter(autumn, NewBook())
	var got []time.Time
	for from := utc("2026-10-24T23:00:00Z"); len(got) < 3; {
		t1, ok := s.Next(from)
		if !ok {
			t.Fatal("no slot")
		}
		got = append(got, t1)
		s.book.Add(t1, "")
		from = t1
	}
	// 02:00 and 02:20 CEST (the first 02:00-02:30), then the next night: the repeated
	// half hour is not a second window.
	want := []string{"2026-10-25T00:00:00Z", "2026-10-25T00:20:00Z", "2026-10-26T01:00:00Z"}
	for i := range want {
		if !got[i].Equal(utc(want[i])) {
			t.Errorf("post %d on the fall-back night: %v, want %s", i, got[i].UTC(), want[i])
		}
	}
}

// A window over the repeated hour counts it once: 02:00-03:00 on the fall-back night is
// the first 02:00-03:00 (CEST), not two hours; 01:30-03:30 is its first pass and then
// 03:00-03:30 CET.
func TestWindowOverTheRepeatedHourCountsItOnce(t *testing.T) {
	for _, tc := range []struct {
		window string
		want   []string
	}{
		{"daily 02:00-03:00", []string{"2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:00:00Z"}},
		{"daily 01:30-03:30", []string{"2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z", "2026-10-26T00:30:00Z"}},
	} {
		c := calendarFor(t, "Europe/Berlin", []string{tc.window}, 30*time.Minute, 10, nil)
		s := newSlotter(c, NewBook())
		from := utc("2026-10-24T23:00:00Z")
		for i, w := range tc.want {
			got, ok := s.Next(from)
			if !ok || !got.Equal(utc(w)) {
				t.Errorf("%s, post %d on the fall-back night: %v (%s), want %s", tc.window, i, got.UTC(), got.In(c.loc).Format("15:04 MST"), w)
				break
			}
			s.book.Add(got, "")
			from = got
		}
	}
}

// Capacity is shared: posts keep the spacing, stop at the daily cap, and skip to the next
// open day; weekends outside the windows are skipped.
func TestSpacingAndDailyCapAcrossPosts(t *testing.T) {
	c := calendarFor(t, "America/New_York", []string{"mon-fri 09:00-17:00"}, 2*time.Hour, 3, nil)
	s := newSlotter(c, NewBook())
	from := utc("2026-06-05T12:00:00Z") // Friday 08:00 EDT
	var local []string
	for range 5 {
		t1, ok := s.Next(from)
		if !ok {
			t.Fatal("no slot")
		}
		s.book.Add(t1, "")
		local = append(local, t1.In(c.loc).Format("Mon 15:04"))
	}
	if got := strings.Join(local, ", "); got != "Fri 09:00, Fri 11:00, Fri 13:00, Mon 09:00, Mon 11:00" {
		t.Errorf("slots %s", got)
	}
	// A slot asked for mid-window starts then; one clashing with a post waits the spacing.
	if t1, _ := s.Next(utc("2026-06-08T16:30:00Z")); t1.In(c.loc).Format("Mon 15:04") != "Mon 13:00" {
		t.Errorf("from Mon 12:30 with a post at 11:00: %s, want Mon 13:00", t1.In(c.loc).Format("Mon 15:04"))
	}
}

// Public holidays (a holiday library's, per country) and blackouts (one-off and yearly)
// close the day.
func TestHolidaysAndBlackoutsCloseDays(t *testing.T) {
	xmas := config.Blackout{From: config.Day{Month: 12, Day: 24}, To: config.Day{Month: 12, Day: 24}, Reason: "Christmas Eve"}
	launch := config.Blackout{From: config.Day{Year: 2026, Month: 12, Day: 28}, To: config.Day{Year: 2026, Month: 12, Day: 29}, Reason: "freeze"}
	c := calendarFor(t, "Europe/Berlin", []string{"mon-fri 09:00-17:00"}, time.Hour, 3, []string{"DE"}, xmas, launch)
	for _, tc := range []struct{ date, why string }{
		{"2026-12-24", "blackout: Christmas Eve"}, {"2027-12-24", "blackout: Christmas Eve"},
		{"2026-12-25", "holiday: "}, {"2026-12-26", "holiday: "}, {"2026-12-28", "blackout: freeze"},
		{"2026-10-03", "holiday: "}, {"2026-12-23", ""}, {"2027-12-28", ""},
	} {
		d := dayOf(utc(tc.date+"T12:00:00Z"), c.loc)
		if got := c.Closed(d); !strings.HasPrefix(got, tc.why) || (tc.why == "") != (got == "") {
			t.Errorf("%s: closed %q, want %q…", tc.date, got, tc.why)
		}
	}
	got, ok := newSlotter(c, NewBook()).Next(utc("2026-12-24T06:00:00Z"))
	if !ok || got.In(c.loc).Format("2006-01-02 15:04") != "2026-12-30 09:00" {
		t.Errorf("from Christmas Eve: %v, want Wed 30 Dec 09:00 (24 blackout, 25-26 holidays, 27 Sunday, 28-29 freeze)", got.In(c.loc))
	}
	if _, err := NewCalendar(config.Region{ID: "x", TimeZone: "UTC", Holidays: []string{"XX"},
		Channels: map[string]config.RegionChannel{"x": {}}}, "x"); err == nil || !strings.Contains(err.Error(), `"XX" is not a country`) {
		t.Errorf("an unknown country: %v", err)
	}
}

// With no window at all there is no slot, and the search ends.
func TestNoWindowMeansNoSlot(t *testing.T) {
	c := calendarFor(t, "UTC", []string{"sat 09:00-10:00"}, time.Hour, 1, nil,
		config.Blackout{From: config.Day{Month: 1, Day: 1}, To: config.Day{Month: 12, Day: 31}})
	if got, ok := newSlotter(c, NewBook()).Next(utc("2026-01-01T00:00:00Z")); ok {
		t.Errorf("a year-round blackout still gives %v", got)
	}
}
