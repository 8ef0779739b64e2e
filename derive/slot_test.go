package derive

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/refit"
	"github.com/repurpose/repurpose/parse"
)

// channelCount is the channel's own count of a posted text, Mastodon with its default.
func channelCount(t *testing.T, ch channel.Name, text string) channel.Length {
	t.Helper()
	l, err := channel.Count(ch, text)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestLengthIsTheChannelsCountOfThePostedText: a derivative's Length is what its channel
// counts for its Text (each part's for a thread's parts), and valid, whatever the link:
// one X takes for a URL (23), one it counts in full (a local toolkit page, as under
// `up`), or one shorter than 23 that a tracked link may later replace. A sentence that
// fits beside a recognised link is kept whole; beside the local link it is cut.
func TestLengthIsTheChannelsCountOfThePostedText(t *testing.T) {
	sentence := "Platform teams that adopted the operator pattern cut their manual upgrade work by more than half within two quarters, " +
		"and they now describe the desired state of each application instead of scripting every step of its lifecycle by hand."
	short := &parse.Document{Title: "Operators", Lang: "en", Sections: []parse.Section{{Paragraphs: []string{sentence}}}}
	for _, link := range []string{
		"https://example.com/papers/operators",
		"http://localhost:8080/p/cncf-operator-white-paper-final-version-29cada",
		"http://box/p",
	} {
		for name, doc := range map[string]*parse.Document{"one sentence": short, "whitepaper.en.md": parseSample(t, "whitepaper.en.md")} {
			doc.Meta.CanonicalURL = ""
			res := From(doc, Options{Version: "v", PublicPageURL: link})
			seen := map[channel.Name]bool{}
			for _, d := range res.Derivatives {
				if d.Length.Limit == 0 {
					continue // the blog teaser
				}
				seen[d.Channel] = true
				posts := []Part{{Text: d.Text, Length: *d.Length, Template: d.Template}}
				if len(d.Parts) > 0 {
					posts = d.Parts
				}
				for _, p := range posts {
					if got := channelCount(t, d.Channel, p.Text); p.Length != got || !got.Valid {
						t.Errorf("%s, %s: %s %s marked %+v, counted %+v:\n%s", link, name, d.Kind, d.Channel, p.Length, got, p.Text)
					}
					if reserved := channel.Render(d.Channel, p.Template, refit.ReservedLink(d.Channel, d.Backlink)).Text; !channelCount(t, d.Channel, reserved).Valid {
						t.Errorf("%s, %s: %s %s leaves no room for the slot's longest form:\n%s", link, name, d.Kind, d.Channel, reserved)
					}
				}
				if name == "one sentence" && d.Kind == channel.KindTweet {
					whole := strings.Contains(d.Text, sentence)
					if long := strings.Contains(link, "localhost"); whole == long {
						t.Errorf("%s: the tweet keeps the sentence whole: %v, want %v:\n%s", link, whole, !long, d.Text)
					}
				}
			}
			for _, c := range []channel.Name{channel.X, channel.Mastodon, channel.Bluesky, channel.Threads, channel.LinkedIn} {
				if !seen[c] && name != "one sentence" {
					t.Errorf("%s, %s: no %s derivative (skipped %+v)", link, name, c, res.Skipped)
				}
			}
		}
	}
}

// TestMastodonLimitOption: a small instance limit makes posts that fit it, or none.
func TestMastodonLimitOption(t *testing.T) {
	doc := parseSample(t, "whitepaper.en.md")
	res := From(doc, Options{Version: "v", PublicPageURL: "https://example.com/p", MastodonLimit: 120})
	n := 0
	for _, d := range res.Derivatives {
		if d.Channel == channel.Mastodon {
			n++
			if d.Length.Limit != 120 || !d.Length.Valid || channel.CountMastodon(d.Text, 120).Weighted > 120 {
				t.Errorf("mastodon post over the instance limit: %+v %q", *d.Length, d.Text)
			}
		}
	}
	if n == 0 {
		t.Errorf("no Mastodon post within 120 (skipped %+v)", res.Skipped)
	}
}
