package derive

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/parse"
)

func TestQuoteSnippetsFromProse(t *testing.T) {
	src := "# Pages\n\n## Results\n\nThe team measured every page for a quarter and compared the numbers week by week. “We cut our pages in half within six weeks,” said Maria Lopez, SRE lead at Acme. Nobody expected that.\n\n## Next\n\nThe next step is to roll the same practice out to every other team in the company.\n"
	doc, err := parse.File("p.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Type == SnippetQuote {
			if d.Attribution != "Maria Lopez, SRE lead at Acme" || d.Section == nil || d.Section.Anchor != "results" {
				t.Errorf("quote %q by %q in %+v", d.Text, d.Attribution, d.Section)
			}
			return
		}
	}
	t.Error("no quote snippet from a quoted sentence")
}

// A talk's quote snippet links to the moment its recording says the quote.
func TestTalkQuoteSnippetsLinkToTheirMoment(t *testing.T) {
	vtt := "WEBVTT\n\nNOTE\ntitle: Platforms that teams love\nvideo_url: https://video.example.com/talk\n\n" +
		"00:00:01.000 --> 00:00:05.000\n<v Ana Ruiz>Um, platform teams serve product teams, and they measure adoption every week.\n\n" +
		"00:00:05.000 --> 00:00:09.000\n<v Ben Ode>So golden paths are products, with users and a roadmap of their own.\n"
	doc, err := parse.File("keynote.vtt", []byte(vtt), 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range From(doc, Options{Version: "v1", SourceID: "s1", CampaignName: "launch"}).Derivatives {
		if d.Attribution == "Ben Ode" {
			found = true
			if !strings.HasPrefix(d.Backlink, "https://video.example.com/talk") || !strings.HasSuffix(d.Backlink, "#t=5") {
				t.Errorf("Ben Ode's quote links to %q, want the video at #t=5", d.Backlink)
			}
		}
	}
	if !found {
		t.Error("no quote snippet of Ben Ode")
	}
}
