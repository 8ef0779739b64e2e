package toolkit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/repurpose/repurpose/record"
)

// A reminder is an RFC 5545 calendar event a contributor downloads, so the nudge to share
// a topic arrives in their own calendar at the local time they chose.

func (t *Toolkit) reminder(w http.ResponseWriter, r *http.Request, p *Principal) {
	d, err := t.visibleTopic(r, p)
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	q := r.URL.Query()
	at, err := localTime(q.Get("at"), q.Get("tz"))
	if err != nil {
		t.render(w, r, http.StatusBadRequest, "error", view{Title: "Bad request", User: p, Error: err.Error()})
		return
	}
	text := draft(d)
	rw, err := t.reviews.Rewrite(r.Context(), d.ID, p.Name)
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	if rw != nil {
		text = rw.Text // the reminder holds what the person saved to post
	}
	share := t.cfg.Infra.PublicURL + "/ui/topics/" + d.ID
	if links := shareLinks(d, text); len(links) > 0 {
		share = links[0].URL
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="reminder-`+d.ID+`.ics"`)
	_, _ = w.Write(reminderICS(d, text, share, t.cfg.Infra.PublicURL+"/ui/topics/"+d.ID, at, t.now()))
}

// localTime reads a datetime-local value in an IANA zone.
func localTime(at, tz string) (time.Time, error) {
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

// reminderICS is a one-event calendar. DTSTART is in UTC ("Z"), which every client reads
// without a VTIMEZONE block; the UID is stable for the same topic and time, so
// downloading again updates the event rather than adding another.
func reminderICS(d *record.Derivative, text, shareURL, topicURL string, at, now time.Time) []byte {
	const stamp = "20060102T150405Z"
	uid := sha256.Sum256([]byte(d.ID + "@" + at.UTC().Format(stamp)))
	summary := "Share: " + string(d.Kind) + " on " + string(d.Channel)
	if d.Section != nil && d.Section.Heading != "" {
		summary += " (" + d.Section.Heading + ")"
	}
	lines := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//repurpose//toolkit//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"BEGIN:VEVENT",
		"UID:" + hex.EncodeToString(uid[:16]) + "@repurpose",
		"DTSTAMP:" + now.UTC().Format(stamp),
		"DTSTART:" + at.UTC().Format(stamp),
		"DURATION:PT15M",
		"SUMMARY:" + icsText(summary),
		"DESCRIPTION:" + icsText(text+"\n\nShare: "+shareURL+"\nTopic: "+topicURL),
		"URL:" + topicURL,
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"TRIGGER:PT0S",
		"DESCRIPTION:" + icsText(summary),
		"END:VALARM",
		"END:VEVENT",
		"END:VCALENDAR",
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(fold(l))
	}
	return []byte(b.String())
}

// icsText escapes a TEXT value (RFC 5545 3.3.11).
var icsText = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace

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
