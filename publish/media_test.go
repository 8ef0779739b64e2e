package publish_test

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// CheckMedia is the one check every publisher runs before sending: what a post carries
// must be what it says, and what the channel's rules take.
func TestCheckMedia(t *testing.T) {
	rules := publish.MediaRules{Channel: "Example", Kinds: map[string]int{publish.MediaCard: 2}, MaxImage: publish.MaxImageBytes}
	card := publishtest.Card(t, 1)
	p := &publish.Post{Media: []publish.Media{card}}
	if err := publish.CheckMedia(p, rules); err != nil {
		t.Fatal(err)
	}
	if m := p.Media[0]; m.SHA256 != publishtest.Sum(card.Bytes) || m.Name != m.SHA256+".png" || m.Width != 160 || m.Height != 90 {
		t.Errorf("filled in %q %q %dx%d, want the SHA-256, its .png name and 160x90", m.SHA256, m.Name, m.Width, m.Height)
	}
	wrongSum := publishtest.Card(t, 2)
	wrongSum.SHA256 = strings.Repeat("0", 64)
	for _, c := range []struct {
		name  string
		media []publish.Media
		want  string
	}{
		{"an unknown kind", []publish.Media{{Kind: "gif", ContentType: "image/gif", Bytes: []byte("GIF89a")}}, `"gif" is not a kind of media`},
		{"more than the channel takes", []publish.Media{publishtest.Card(t, 1), publishtest.Card(t, 2), publishtest.Card(t, 3)}, "Example takes at most 2 card image per post"},
		{"more than any post carries", make([]publish.Media, 5), "a post carries at most 4 files"},
		{"a SHA-256 that is not the file's", []publish.Media{wrongSum}, "the file's SHA-256 is not the one it names"},
	} {
		err := publish.CheckMedia(&publish.Post{Media: c.media}, rules)
		if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want refused saying %q", c.name, err, c.want)
		}
	}
}
