package translations

import (
	"errors"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// A provider is sent only words: the link slot, hashtag lines, a thread's numbering and
// the white space around them come back as they were.
func TestMachineTranslationSendsOnlyWords(t *testing.T) {
	tpl := "Queues absorb spikes " + channel.LinkSlot + " and more (1/3)\n#queues #ops"
	texts, rebuild := mtSplit(tpl)
	if len(texts) != 2 || texts[0] != "Queues absorb spikes" || texts[1] != "and more" {
		t.Fatalf("sent %q", texts)
	}
	got := rebuild([]string{"Warteschlangen fangen Spitzen ab", "und mehr"})
	want := "Warteschlangen fangen Spitzen ab " + channel.LinkSlot + " und mehr (1/3)\n#queues #ops"
	if got != want {
		t.Errorf("rebuilt %q, want %q", got, want)
	}
}

// A person's thread translation is split after each post's (i/n), and gets the link slot
// in its last post when they left it out; a single post is not a thread.
func TestThreadTranslationIsSplitPostByPost(t *testing.T) {
	d := &record.Derivative{Derivative: derive.Derivative{Parts: []derive.Part{{Template: "One (1/2)"}, {Template: "Two " + channel.LinkSlot + " (2/2)"}}}}
	parts, err := threadParts(d, Input{Text: "Eins (1/2)\nZwei (2/2)"})
	if err != nil || len(parts) != 2 || parts[0] != "Eins (1/2)" || !strings.Contains(parts[1], channel.LinkSlot) {
		t.Errorf("parts %q (%v)", parts, err)
	}
	for _, in := range []Input{{Text: "Nur ein Beitrag"}, {Parts: []string{"Eins", " "}}, {}} {
		if _, err := threadParts(d, in); !errors.Is(err, errs.Invalid) {
			t.Errorf("%+v: %v, want invalid", in, err)
		}
	}
}
