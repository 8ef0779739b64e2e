package derive

import (
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

// TestCorpusChannels: every corpus document yields at least one post for every channel,
// valid by that channel's own counter on the text as posted, and Bluesky posts carry
// facets that point where their display links say.
func TestCorpusChannels(t *testing.T) {
	channels := []struct {
		kind  channel.Kind
		ch    channel.Name
		count func(string) channel.Length
	}{
		{channel.KindTweet, channel.X, channel.CountX},
		{channel.KindMastodon, channel.Mastodon, func(s string) channel.Length { return channel.CountMastodon(s, 0) }},
		{channel.KindBluesky, channel.Bluesky, channel.CountBluesky},
		{channel.KindThreads, channel.Threads, channel.CountThreads},
		{channel.KindLinkedIn, channel.LinkedIn, channel.CountLinkedIn},
	}
	for name, data := range corpusDocs(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := parse.File(name, data, 10<<20)
			if err != nil {
				t.Fatal(err)
			}
			res := From(doc, testOptions(data))
			for _, c := range channels {
				n := 0
				for _, d := range res.Derivatives {
					if d.Kind != c.kind || d.Channel != c.ch {
						continue
					}
					n++
					if l := c.count(d.Text); !l.Valid || !d.Length.Valid || d.Length.Weighted < l.Weighted {
						t.Errorf("%s #%d: counted %+v, reported %+v: %q", d.Kind, d.Ordinal, l, *d.Length, d.Text)
					}
					if d.Channel == channel.Bluesky {
						if len(d.Facets) == 0 {
							t.Errorf("bluesky #%d has no facets", d.Ordinal)
						}
						if err := channel.CheckFacets(d.Text, d.Facets, d.Backlink); err != nil {
							t.Error(err)
						}
					}
				}
				if n == 0 && !flatSourceSkipped(doc, res, c.kind) {
					t.Errorf("no %s post (skipped: %+v)", c.ch, res.Skipped)
				}
			}
		})
	}
}
