package transforms

import (
	"strings"
	"testing"
)

// TestLinkSlotReservesChannelWeight: with a link X does not recognise (a local toolkit
// page), the slot still weighs 23 on X and Mastodon, so a sentence that fits beside a
// link is not cut; Length reports that weight; Bluesky reserves its longest display link.
func TestLinkSlotReservesChannelWeight(t *testing.T) {
	sentence := "Platform teams that adopted the operator pattern cut their manual upgrade work by more than half within two quarters, " +
		"and they now describe the desired state of each application instead of scripting every step of its lifecycle by hand."
	doc := &Document{Title: "Operators", Lang: "en", Sections: []Section{{Paragraphs: []string{sentence}}}}
	res := Derive(doc, Options{Version: "v", PublicPageURL: "http://localhost:8080/p/cncf-operator-white-paper-final-version-29cada"})
	seen := map[string]bool{}
	for _, d := range res.Derivatives {
		switch d.Kind {
		case KindTweet, KindMastodon, KindBluesky, KindThreads:
		default:
			continue
		}
		seen[d.Kind] = true
		if !strings.Contains(d.Text, sentence) || strings.Contains(d.Text, "…\n") {
			t.Errorf("%s cut the sentence: %q", d.Kind, d.Text)
		}
		want := map[string]Length{
			KindTweet:    CountX(Render(d.Template, xLinkStandIn)),
			KindMastodon: CountMastodon(Render(d.Template, xLinkStandIn), 0),
			KindBluesky:  CountBluesky(Render(d.Template, blueskyLinkStandIn)),
			KindThreads:  CountThreads(d.Text),
		}[d.Kind]
		if *d.Length != want || !d.Length.Valid {
			t.Errorf("%s length %+v, want %+v", d.Kind, *d.Length, want)
		}
	}
	if len(seen) != 4 {
		t.Errorf("posts made: %v (skipped %+v)", seen, res.Skipped)
	}
	if got := CountX(Render("x "+LinkSlot, xLinkStandIn)).Weighted; got != 2+23 {
		t.Errorf("the X stand-in counts %d", got-2)
	}
	if got := CountBluesky(blueskyLinkStandIn).Weighted; got != blueskyDisplayMax {
		t.Errorf("the Bluesky stand-in counts %d", got)
	}
}

// TestMastodonLimitOption: a small instance limit makes posts that fit it, or none.
func TestMastodonLimitOption(t *testing.T) {
	doc := parseSample(t, "whitepaper.en.md")
	res := Derive(doc, Options{Version: "v", PublicPageURL: "https://example.com/p", MastodonLimit: 120})
	n := 0
	for _, d := range res.Derivatives {
		if d.Channel == ChannelMastodon {
			n++
			if d.Length.Limit != 120 || !d.Length.Valid || CountMastodon(d.Text, 120).Weighted > 120 {
				t.Errorf("mastodon post over the instance limit: %+v %q", *d.Length, d.Text)
			}
		}
	}
	if n == 0 {
		t.Errorf("no Mastodon post within 120 (skipped %+v)", res.Skipped)
	}
}
