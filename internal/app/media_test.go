package app

import (
	"reflect"
	"testing"

	"github.com/repurpose/repurpose/record"
)

// Each account type gets what its API shows of a derivative's media: LinkedIn the
// carousel, Bluesky the title card for its link's external embed, X, Mastodon and Threads
// the card, WordPress the card as featured image, webhooks everything.
func TestEachAccountTypeGetsTheMediaItShows(t *testing.T) {
	card := record.Media{Kind: record.MediaCard, Key: "media/c.png"}
	carousel := record.Media{Kind: record.MediaCarousel, Key: "media/d.pdf"}
	og := record.Media{Kind: record.MediaPreview, Key: "media/o.png"}
	all := []record.Media{card, carousel, og}
	for _, c := range []struct {
		account string
		media   []record.Media
		links   bool
		want    []record.Media
	}{
		{"linkedin", all, true, []record.Media{carousel}},
		{"linkedin", []record.Media{card, og}, true, []record.Media{card}},
		{"linkedin", []record.Media{og}, true, []record.Media{og}},
		{"bluesky", []record.Media{card, og}, true, []record.Media{og}},
		{"bluesky", []record.Media{card, og}, false, []record.Media{card}},
		{"x", []record.Media{card, og}, true, []record.Media{card}},
		{"mastodon", []record.Media{og}, true, nil},
		{"threads", []record.Media{card, og}, true, []record.Media{card}},
		{"wordpress", []record.Media{og}, true, []record.Media{og}},
		{"webhook", all, true, all},
		{"x", nil, true, nil},
	} {
		if got := pickMedia(c.account, c.media, c.links); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s (links %v) of %v: got %v, want %v", c.account, c.links, c.media, got, c.want)
		}
	}
}
