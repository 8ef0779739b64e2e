package transforms

import "testing"

// TestCorpusChannels: every corpus document yields at least one post for every channel,
// valid by that channel's own counter on the text as posted, and Bluesky posts carry
// facets that point where their display links say.
func TestCorpusChannels(t *testing.T) {
	channels := []struct {
		kind, channel string
		count         func(string) Length
	}{
		{KindTweet, ChannelX, CountX},
		{KindMastodon, ChannelMastodon, func(s string) Length { return CountMastodon(s, 0) }},
		{KindBluesky, ChannelBluesky, CountBluesky},
		{KindThreads, ChannelThreads, CountThreads},
		{KindLinkedIn, ChannelLinkedIn, CountLinkedIn},
	}
	for name, data := range corpusDocs(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(name, data, 10<<20)
			if err != nil {
				t.Fatal(err)
			}
			res := Derive(doc, testOptions(data))
			for _, c := range channels {
				n := 0
				for _, d := range res.Derivatives {
					if d.Kind != c.kind || d.Channel != c.channel {
						continue
					}
					n++
					if l := c.count(d.Text); !l.Valid || !d.Length.Valid || d.Length.Weighted < l.Weighted {
						t.Errorf("%s #%d: counted %+v, reported %+v: %q", d.Kind, d.Ordinal, l, *d.Length, d.Text)
					}
					if d.Channel == ChannelBluesky {
						if len(d.Facets) == 0 {
							t.Errorf("bluesky #%d has no facets", d.Ordinal)
						}
						checkBlueskyFacets(t, d.Text, d.Facets, d.Backlink)
					}
				}
				if n == 0 {
					t.Errorf("no %s post (skipped: %+v)", c.channel, res.Skipped)
				}
			}
		})
	}
}
