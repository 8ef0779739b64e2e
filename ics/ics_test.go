package ics

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFoldKeepsUTF8Whole(t *testing.T) {
	line := "DESCRIPTION:" + strings.Repeat("日本語テキスト", 20)
	out := fold(line)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("bad folded line %q", l)
		}
	}
	if strings.ReplaceAll(out, "\r\n ", "") != line+"\r\n" {
		t.Error("unfolding does not give the line back")
	}
}

// A subscription's events carry their UID, start in UTC and escaped text; the name and
// zone show only when set, and only an event asking for one gets an alarm.
func TestCalendarBytes(t *testing.T) {
	at := time.Date(2026, 3, 30, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	out := string(Calendar{ProdID: "-//repurpose//plan//EN", Name: "Posts: EMEA, north", TimeZone: "Europe/Berlin",
		Events: []Event{{UID: "e1@repurpose", Start: at, Summary: "x tweet; en", Description: "Account: a\nSource: s"}}}.Bytes(at))
	for _, want := range []string{"X-WR-CALNAME:Posts: EMEA\\, north\r\n", "X-WR-TIMEZONE:Europe/Berlin\r\n", "UID:e1@repurpose\r\n",
		"DTSTART:20260330T073000Z\r\n", "SUMMARY:x tweet\\; en\r\n", "DESCRIPTION:Account: a\\nSource: s\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "VALARM") {
		t.Error("an alarm nobody asked for")
	}
	bare := string(Calendar{ProdID: "p", Events: []Event{{UID: "u", Start: at, Alarm: true}}}.Bytes(at))
	if strings.Contains(bare, "X-WR-") || !strings.Contains(bare, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT0S\r\n") {
		t.Errorf("bare calendar:\n%s", bare)
	}
}

func TestLocalTime(t *testing.T) {
	at, err := LocalTime("2025-03-30T09:30", "Europe/Berlin")
	if err != nil || !at.Equal(time.Date(2025, 3, 30, 7, 30, 0, 0, time.UTC)) {
		t.Errorf("LocalTime = %v, %v", at, err)
	}
	for _, bad := range [][2]string{{"2025-03-30T09:30", ""}, {"2025-03-30T09:30", "Mars/Olympus"}, {"tomorrow", "UTC"}} {
		if _, err := LocalTime(bad[0], bad[1]); err == nil {
			t.Errorf("LocalTime(%q, %q) accepted", bad[0], bad[1])
		}
	}
}
