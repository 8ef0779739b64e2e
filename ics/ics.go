// Package ics writes RFC 5545 calendars: a contributor's reminder to share a topic, and a
// region's posting plan to subscribe to. It only renders: callers pass the events.
package ics

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/repurpose/repurpose/record"
)

// Calendar is a set of events under one product ID; Name and TimeZone, when set, are the
// name and zone calendar clients show for a subscription.
type Calendar struct {
	ProdID         string
	Name, TimeZone string
	Events         []Event
}

// Event is a 15-minute event; Alarm adds a reminder at its start.
type Event struct {
	UID                       string
	Start                     time.Time
	Summary, Description, URL string
	Alarm                     bool
}

const stamp = "20060102T150405Z"

// Bytes is the calendar as RFC 5545 text, stamped now. Times are in UTC ("Z"), which every
// client reads without a VTIMEZONE block.
func (c Calendar) Bytes(now time.Time) []byte {
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + c.ProdID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"}
	if c.Name != "" {
		lines = append(lines, "X-WR-CALNAME:"+Text(c.Name))
	}
	if c.TimeZone != "" {
		lines = append(lines, "X-WR-TIMEZONE:"+c.TimeZone)
	}
	for _, e := range c.Events {
		lines = append(lines, "BEGIN:VEVENT",
			"UID:"+e.UID,
			"DTSTAMP:"+now.UTC().Format(stamp),
			"DTSTART:"+e.Start.UTC().Format(stamp),
			"DURATION:PT15M",
			"SUMMARY:"+Text(e.Summary),
			"DESCRIPTION:"+Text(e.Description),
			"URL:"+e.URL)
		if e.Alarm {
			lines = append(lines, "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0S", "DESCRIPTION:"+Text(e.Summary), "END:VALARM")
		}
		lines = append(lines, "END:VEVENT")
	}
	lines = append(lines, "END:VCALENDAR")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(fold(l))
	}
	return []byte(b.String())
}

// Reminder is a one-event calendar that nudges a contributor to share a topic at, with
// the text they will post. The UID is stable for the same topic and time, so downloading
// again updates the event rather than adding another.
func Reminder(d *record.Derivative, text, shareURL, topicURL string, at, now time.Time) []byte {
	uid := sha256.Sum256([]byte(d.ID + "@" + at.UTC().Format(stamp)))
	summary := "Share: " + string(d.Kind) + " on " + string(d.Channel)
	if d.Section != nil && d.Section.Heading != "" {
		summary += " (" + d.Section.Heading + ")"
	}
	return Calendar{ProdID: "-//repurpose//toolkit//EN", Events: []Event{{
		UID: hex.EncodeToString(uid[:16]) + "@repurpose", Start: at, Summary: summary,
		Description: text + "\n\nShare: " + shareURL + "\nTopic: " + topicURL, URL: topicURL, Alarm: true,
	}}}.Bytes(now)
}

// LocalTime reads a datetime-local value (as an HTML form sends it) in an IANA zone.
func LocalTime(at, tz string) (time.Time, error) {
	if tz == "" || tz == "Local" {
		return time.Time{}, fmt.Errorf("choose a time zone")
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a time zone name such as Europe/Berlin", tz)
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, at, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date and time such as 2025-03-28T09:30", at)
}

// Text escapes a TEXT value (RFC 5545 3.3.11).
var Text = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace

// fold ends a content line with CRLF, folding it into lines of at most 75 octets (the
// continuation's leading space included), never inside a UTF-8 sequence (RFC 5545 3.1).
func fold(line string) string {
	var b strings.Builder
	width := 75
	for len(line) > width {
		cut := width
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut] + "\r\n ")
		line = line[cut:]
		width = 74
	}
	b.WriteString(line + "\r\n")
	return b.String()
}
