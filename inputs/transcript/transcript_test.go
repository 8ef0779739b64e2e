package transcript

import (
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/inputs/doc"
)

const talk = `WEBVTT

NOTE
title: Platforms that teams love
video_url: https://video.example.com/talk
campaign: launch-2026
lang: en

00:00:01.000 --> 00:00:04.000
<v Ana Ruiz>Um, platform teams serve product teams.

00:00:04.000 --> 00:00:08.500
<v Ana Ruiz>They build golden paths, uh, that developers

00:00:08.500 --> 00:00:11.000
<v Ana Ruiz>actually want to use.

00:00:12.000 --> 00:00:15.000
<v Ben Ode>So how do you measure that?

00:00:15.000 --> 00:00:16.000
[applause]
`

func TestWebVTTSentencesSpeakersMetadataAndFillers(t *testing.T) {
	d, err := ReadVTT([]byte(talk), doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Platforms that teams love" || d.Lang != "en" || d.Meta["video_url"] != "https://video.example.com/talk" || d.Meta["campaign"] != "launch-2026" {
		t.Errorf("metadata: title %q lang %q meta %v", d.Title, d.Lang, d.Meta)
	}
	want := []doc.Block{
		{Kind: doc.Quote, Speaker: "Ana Ruiz", Start: time.Second, Timed: true, Text: "Platform teams serve product teams. They build golden paths, that developers actually want to use."},
		{Kind: doc.Quote, Speaker: "Ben Ode", Start: 12 * time.Second, Timed: true, Text: "So how do you measure that?"},
	}
	if len(d.Blocks) != len(want) {
		t.Fatalf("blocks: %+v", d.Blocks)
	}
	for i, w := range want {
		if d.Blocks[i] != w {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, d.Blocks[i], w)
		}
	}
}

func TestSRTNamePrefixesSpeakers(t *testing.T) {
	srt := "1\n00:00:00,500 --> 00:00:03,000\nMaria Chen: We shipped it in a week.\n\n2\n00:00:03,000 --> 00:00:05,000\nIt was, um, a team effort.\n\n3\n00:01:05,000 --> 00:01:07,000\nHost: Thank you, Maria.\n"
	d, err := ReadSRT([]byte(srt), doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || d.Blocks[0].Speaker != "Maria Chen" || d.Blocks[0].Text != "We shipped it in a week. It was, a team effort." || d.Blocks[1].Speaker != "Host" || d.Blocks[1].Start != 65*time.Second {
		t.Fatalf("blocks: %+v", d.Blocks)
	}
	if md := d.Markdown(); !strings.Contains(md, "> We shipped it in a week.") || !strings.Contains(md, "> — Maria Chen") {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestFillersGoWordsStay(t *testing.T) {
	for in, want := range map[string]string{
		"Um, so we built it.":               "So we built it.",
		"We, uh, built it. Uhm... Then it.": "We, built it. Then it.",
		"The umbrella and the humming hum.": "The umbrella and the humming hum.",
		"Er sagt, das ist gut.":             "Er sagt, das ist gut.",
	} {
		if got := cleanFillers(in); got != want {
			t.Errorf("cleanFillers(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLongTurnsBecomeShortQuotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("WEBVTT\n\n")
	for i := range 7 {
		b.WriteString("00:00:0" + string(rune('0'+i)) + ".000 --> 00:00:0" + string(rune('1'+i)) + ".000\n<v Ana>Sentence number " + string(rune('a'+i)) + ".\n\n")
	}
	d, err := ReadVTT([]byte(b.String()), doc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 3 || d.Blocks[1].Start != 3*time.Second {
		t.Fatalf("want quotes of 3, 3 and 1 sentences, the second from 0:03: %+v", d.Blocks)
	}
}

func TestEmptyTranscriptIsRefused(t *testing.T) {
	_, err := ReadVTT([]byte("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[music]\n"), doc.Limits{})
	if _, ok := err.(*doc.Error); !ok || !strings.Contains(err.Error(), "no spoken text") {
		t.Fatalf("err = %v", err)
	}
}
