package posted

import (
	"hash/fnv"
	"testing"

	"github.com/repurpose/repurpose/channel"
)

// TestASentenceIsFoundInAPostWhateverItsFrame: a sentence another source posted is found
// in a tweet, a thread part with its number, a bullet of a LinkedIn post, and spelled
// with other case, spacing and punctuation; a snippet's counts on every social channel
// and not on the blog; a sentence that is only part of a posted one is not found.
func TestASentenceIsFoundInAPostWhateverItsFrame(t *testing.T) {
	sentence := "Pages per week fell from 41 to 16, a reduction of 62%."
	ix := NewIndex([]Source{
		{Title: "A", Posts: map[channel.Name][]string{
			channel.X:        {"Median time fell. PAGES per week fell from 41 to 16 -- a reduction of 62 % (2/7)"},
			channel.LinkedIn: {"Key takeaways:\n• Pages per week fell from 41 to 16, a reduction of 62%.\n\n#OnCall"},
		}},
		{Title: "B", Posts: map[channel.Name][]string{
			channel.Any: {sentence + " {link}"},
		}},
	})
	for _, tc := range []struct {
		ch   channel.Name
		want []int
	}{
		{channel.X, []int{0, 1}},
		{channel.LinkedIn, []int{0, 1}},
		{channel.Mastodon, []int{1}},
		{channel.Blog, nil},
	} {
		if got := ix[tc.ch][LineOf(sentence)]; len(got) != len(tc.want) || len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1]) {
			t.Errorf("%s: posted by %v, want %v", tc.ch, got, tc.want)
		}
	}
	if ix.Says("Pages per week fell from 41 to 16.", channel.Social()...) {
		t.Error("a part of a posted sentence is found as posted")
	}
	if !ix.Says("Something new. "+sentence, channel.Mastodon) || ix.Says(sentence, channel.Blog) {
		t.Error("Says: a text with a posted sentence on Mastodon, or one on the blog, is told wrong")
	}
}

func TestLineOfIsTheHashOfWords(t *testing.T) {
	for _, s := range []string{
		"", "  ", "Pages per week fell from 41 to 16, a reduction of 62%.", "ÀÉÎ ŒUVRE – straße ΣΊΣΥΦΟΣ",
		"プラットフォーム チーム、開発者。", "İstanbul KELVIN \u212a sign", "bad \xff\xfe utf-8 ok", "a--b__c  d\td\n9½ ١٢٣",
	} {
		h := fnv.New64a()
		h.Write([]byte(Words(s)))
		if got, want := LineOf(s), Line(h.Sum64()); got != want {
			t.Errorf("LineOf(%q) = %x, want the hash of %q, %x", s, got, Words(s), want)
		}
	}
}

func FuzzLineOfIsTheHashOfWords(f *testing.F) {
	f.Add("Pages per week fell from 41 to 16, a reduction of 62%.")
	f.Add("ÀÉÎ ŒUVRE – straße \xff")
	f.Fuzz(func(t *testing.T, s string) {
		h := fnv.New64a()
		h.Write([]byte(Words(s)))
		if LineOf(s) != Line(h.Sum64()) {
			t.Errorf("LineOf(%q) is not the hash of %q", s, Words(s))
		}
	})
}
