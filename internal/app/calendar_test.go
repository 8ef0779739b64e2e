package app

import (
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/planstore"
)

// The calendar says why a source the region was meant to get is not on it, beside what
// is planned and when nothing is.
func TestCalendarSaysWhatIsNotPlanned(t *testing.T) {
	reg := &config.Region{ID: "dach", TimeZone: "Europe/Berlin"}
	loc, _ := time.LoadLocation(reg.TimeZone)
	at := time.Date(2026, 6, 2, 8, 0, 0, 0, time.UTC)
	notes := []planstore.Note{{Region: "dach", SourceID: "s1", Title: "Quiet Pagers", Reason: "not planned: no approved translation into de, fr"}}
	for name, items := range map[string][]planstore.CalendarItem{
		"empty":   nil,
		"planned": {{PlanEntry: planstore.PlanEntry{ID: "e1", Channel: "x", Account: "dach-x", Kind: "tweet", Locale: "de", At: at, Status: planstore.Planned}}},
	} {
		var out strings.Builder
		v := &planstore.CalendarView{Region: "dach", From: at, To: at.AddDate(0, 0, 7), Items: items}
		if err := printCalendar(&out, reg, loc, v, notes); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Quiet Pagers: not planned: no approved translation into de, fr\n") {
			t.Errorf("%s calendar:\n%s\nwant the note on Quiet Pagers", name, out.String())
		}
	}
}
