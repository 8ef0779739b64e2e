package feed

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/record"
)

func TestPartnerLink(t *testing.T) {
	got := PartnerLink("https://ex.com/paper?utm_source=x&utm_medium=social&utm_campaign=launch&ref=1#why-queues", "acme")
	u, _ := url.Parse(got)
	q := u.Query()
	if q.Get("utm_source") != "acme" || q.Get("utm_medium") != "syndication" || q.Get("utm_campaign") != "launch" ||
		q.Get("ref") != "1" || u.Fragment != "why-queues" || u.Path != "/paper" {
		t.Errorf("PartnerLink = %q", got)
	}
	for _, bad := range []string{"", "not a url", "/relative", "javascript:alert(1)"} {
		if got := PartnerLink(bad, "acme"); got != "" {
			t.Errorf("PartnerLink(%q) = %q, want none", bad, got)
		}
	}
}

func TestEntryTitle(t *testing.T) {
	long := strings.Repeat("word ", 30)
	got := Title(long)
	if n := len([]rune(got)); n > 81 || !strings.HasSuffix(got, "word…") {
		t.Errorf("Title = %q (%d characters)", got, n)
	}
	ja := strings.Repeat("キュー", 40)
	if got := Title(ja); len([]rune(got)) != 81 {
		t.Errorf("Title of unspaced text has %d characters", len([]rune(got)))
	}
	if got := Title("  short\n text "); got != "short text" {
		t.Errorf("Title = %q", got)
	}
}

// An entry's text is plain in both formats (an "&" is not markup), its link is the
// partner's, and an empty feed still has its "items" and a stable "updated".
func TestFeedsRenderPlainTextAndPartnerLinks(t *testing.T) {
	m := Meta{Audience: "acme", Kind: "snippet", PublicURL: "https://toolkit.example.com"}
	var d record.Derivative
	d.ID, d.SourceID, d.Template, d.Canonical = "d1", "s1", "Queues & spikes "+channel.LinkSlot, "https://ex.com/paper?utm_source=x"
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	srcs := map[string]*record.Source{"s1": {ID: "s1", CreatedAt: at, UpdatedAt: at}}
	atom, err := Atom(m, []record.Derivative{d}, srcs)
	if err != nil || !strings.Contains(string(atom), `<content type="text">Queues &amp; spikes https://ex.com/paper?utm_medium=syndication&amp;utm_source=acme</content>`) ||
		!strings.Contains(string(atom), "https://toolkit.example.com/feeds/acme.atom") {
		t.Errorf("atom (%v):\n%s", err, atom)
	}
	js, err := JSON(m, []record.Derivative{d}, srcs)
	if err != nil || !strings.Contains(string(js), `"content_text": "Queues & spikes https://ex.com/paper?utm_medium=syndication&utm_source=acme"`) ||
		!strings.Contains(string(js), `"feed_url": "https://toolkit.example.com/feeds/acme.json"`) {
		t.Errorf("json (%v):\n%s", err, js)
	}
	empty, _ := JSON(m, nil, nil)
	again, _ := Atom(m, nil, nil)
	if !strings.Contains(string(empty), `"items": []`) || !strings.Contains(string(again), "1970-01-01T00:00:00Z") {
		t.Errorf("empty feeds:\n%s\n%s", empty, again)
	}
}
