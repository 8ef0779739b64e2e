package refit

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
)

// A German translation of a tweet runs well past 280; Refit cuts its body and keeps the
// CTA, the link slot and the hashtags.
func TestRefitLongGermanTweet(t *testing.T) {
	const link = "https://example.com/p/warteschlangen-in-der-praxis#warum?utm_source=x&utm_medium=social"
	tail := "\n\nLesen Sie das ganze Whitepaper " + channel.LinkSlot + "\n#Warteschlangen #Kubernetes"
	body := "Warteschlangen fangen Lastspitzen ab, sodass 90 % der Anfragen innerhalb einer Sekunde abgeschlossen werden, " +
		"selbst wenn sich der Datenverkehr verdreifacht. Wiederholungsversuche benötigen eine exponentielle Wartezeit, " +
		"sonst wird aus einem kleinen Ausfall ein großer für alle Kundinnen und Kunden gleichzeitig. " +
		"Messen Sie die Tiefe der Warteschlange und alarmieren Sie beim Alter der ältesten Aufgabe."
	template := body + tail
	if channel.CountX(channel.Render(channel.X, template, xLinkStandIn).Text).Valid {
		t.Fatal("the test text should be too long for X")
	}
	got, l, ok := Post(channel.X, template, link, Options{})
	if !ok {
		t.Fatal("Post found nothing that fits")
	}
	if !strings.HasSuffix(got, tail) {
		t.Errorf("the tail was not kept:\n%s", got)
	}
	if !l.Valid || l.Weighted > channel.LimitX || l.Limit != channel.LimitX {
		t.Errorf("length %+v", l)
	}
	if rendered := channel.CountX(channel.Render(channel.X, got, link).Text); !rendered.Valid {
		t.Errorf("rendered with the link: %+v", rendered)
	}
	if !strings.HasPrefix(got, "Warteschlangen fangen Lastspitzen ab") {
		t.Errorf("the body should start as the translation does:\n%s", got)
	}
	// Whole sentences are kept when they fit: the cut lands at a sentence end.
	b := strings.TrimSuffix(got, tail)
	if !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, "…") {
		t.Errorf("the body ends mid-word: %q", b)
	}

	// Room for a disclosure makes the cut deeper, never invalid.
	withDisclosure, _, ok := Post(channel.X, template, link, Options{Disclosure: "#mitarbeiter"})
	if !ok || !channel.CountX(channel.Render(channel.X, withDisclosure, xLinkStandIn).Text+" #mitarbeiter").Valid {
		t.Errorf("with a disclosure: %v %q", ok, withDisclosure)
	}

	// What fits stays as it is.
	short := "Warteschlangen fangen Lastspitzen ab." + tail
	if got, _, ok := Post(channel.X, short, link, Options{}); !ok || got != short {
		t.Errorf("a fitting post changed: %q", got)
	}
}

func TestRefitSlotInTheFirstParagraph(t *testing.T) {
	template := strings.Repeat("Wort ", 80) + "Ende. " + channel.LinkSlot
	got, l, ok := Post(channel.X, template, "https://example.com/a", Options{})
	if !ok || !l.Valid || !strings.HasSuffix(got, "… "+channel.LinkSlot) {
		t.Errorf("Post = %q %+v %v", got, l, ok)
	}
}

func TestRefitDropsHashtagsBeforeGivingUp(t *testing.T) {
	long := "#" + strings.Repeat("x", 120)
	template := "Kurz." + "\n\n" + strings.Repeat("a", 130) + " " + channel.LinkSlot + "\n" + long + " " + long
	got, _, ok := Post(channel.X, template, "https://example.com/a", Options{})
	if !ok || strings.Contains(got, long+" "+long) {
		t.Errorf("Post = %q %v", got, ok)
	}
	if _, _, ok := Post(channel.X, "Kurz.\n\n"+strings.Repeat("a", 300)+" "+channel.LinkSlot, "https://example.com/a", Options{}); ok {
		t.Error("a tail longer than the limit cannot fit")
	}
}

func TestRefitThreadParts(t *testing.T) {
	long := strings.Repeat("Dies ist ein ziemlich langer deutscher Satz über Warteschlangen. ", 8)
	parts := []string{long + "(1/3)", "Kurz. (2/3)", "Mehr lesen " + channel.LinkSlot + "\n\n#Warteschlangen (3/3)"}
	got, l, ok := Parts(channel.X, parts, "https://example.com/a", Options{})
	if !ok || len(got) != 3 || !l.Valid {
		t.Fatalf("Parts = %q %+v %v", got, l, ok)
	}
	if !strings.HasSuffix(got[0], " (1/3)") || got[1] != parts[1] || got[2] != parts[2] {
		t.Errorf("parts: %q", got)
	}
	for _, p := range got {
		if !channel.CountX(channel.Render(channel.X, p, xLinkStandIn).Text).Valid {
			t.Errorf("invalid part %q", p)
		}
	}
}

func TestRefitMastodonLimitAndUnknownChannel(t *testing.T) {
	template := strings.Repeat("Satz mit Wörtern. ", 40) + "\n\nLesen " + channel.LinkSlot
	got, l, ok := Post(channel.Mastodon, template, "https://example.com/a", Options{MastodonLimit: 200})
	if !ok || l.Limit != 200 || l.Weighted > 200 || !strings.HasSuffix(got, "\n\nLesen "+channel.LinkSlot) {
		t.Errorf("Post = %q %+v %v", got, l, ok)
	}
	if _, _, ok := Post("fax", "Hallo", "", Options{}); ok {
		t.Error("an unknown channel cannot be fitted")
	}
}

// TestRefitLengthIsTheChannelsCountOfThePostedText: a refitted translation's Length is
// its channel's count of the text as posted with its link, valid, on every channel with a
// limit, whether X takes the link for a URL or counts it in full (a local toolkit page).
func TestRefitLengthIsTheChannelsCountOfThePostedText(t *testing.T) {
	body := strings.Repeat("Warteschlangen fangen Lastspitzen ab, sodass die meisten Anfragen rasch abgeschlossen werden. ", 40)
	template := body + "\n\nLesen Sie das ganze Whitepaper " + channel.LinkSlot + "\n#Warteschlangen"
	for _, link := range []string{"https://example.com/p/warteschlangen?utm_source=x", "http://localhost:8080/p/warteschlangen-in-der-praxis-0a1b2c?utm_source=x"} {
		for _, ch := range []channel.Name{channel.X, channel.Mastodon, channel.Bluesky, channel.Threads, channel.LinkedIn} {
			got, l, ok := Post(ch, template, link, Options{})
			text := channel.Render(ch, got, link).Text
			if counted, err := channel.Count(ch, text); err != nil || !ok || l != counted || !counted.Valid {
				t.Errorf("%s with %s: ok=%v, marked %+v, counted %+v:\n%s", ch, link, ok, l, counted, text)
			}
		}
	}
}

// TestStandInsCountAsTheLongestLink: the X stand-in counts as every link X recognises
// (23), the Bluesky one as the longest display link.
func TestStandInsCountAsTheLongestLink(t *testing.T) {
	if got := channel.CountX(channel.Render(channel.X, "x "+channel.LinkSlot, xLinkStandIn).Text).Weighted; got != 2+23 {
		t.Errorf("the X stand-in counts %d", got-2)
	}
	if got := channel.CountBluesky(blueskyLinkStandIn).Weighted; got != channel.BlueskyDisplayMax {
		t.Errorf("the Bluesky stand-in counts %d", got)
	}
}
