// Package transcript reads talk and webinar transcripts (WebVTT and SRT subtitles) into
// quotes: cues joined into sentences, each with its speaker and the moment it was said.
package transcript

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/asticode/go-astisub"

	"github.com/repurpose/repurpose/inputs/doc"
)

// sentencesPerQuote bounds a quote: a speaker's long turn becomes several quotes, each
// short enough to stand alone in a post.
const sentencesPerQuote = 3

// ReadVTT reads a WebVTT file. A NOTE block before the first cue may carry metadata as
// "key: value" lines (title, lang, video_url, campaign…).
func ReadVTT(data []byte, limits doc.Limits) (*doc.Document, error) {
	limits = limits.WithDefaults()
	meta := headerNote(data)
	subs, err := parse(astisub.ReadFromWebVTT, data)
	if err != nil {
		return nil, doc.Errorf("this WebVTT file could not be read (%s) — check it plays in a video player, or export it again", strings.TrimPrefix(err.Error(), "astisub: "))
	}
	return build("vtt", subs, meta, limits)
}

// ReadSRT reads a SubRip file.
func ReadSRT(data []byte, limits doc.Limits) (*doc.Document, error) {
	limits = limits.WithDefaults()
	subs, err := parse(astisub.ReadFromSRT, data)
	if err != nil {
		return nil, doc.Errorf("this SRT file could not be read (%s) — check it plays in a video player, or export it again", strings.TrimPrefix(err.Error(), "astisub: "))
	}
	return build("srt", subs, nil, limits)
}

// parse runs the subtitle library, whose parsers index into malformed timing lines
// unchecked: a panic there is damaged input, not a crash of the worker.
func parse(read func(io.Reader) (*astisub.Subtitles, error), data []byte) (subs *astisub.Subtitles, err error) {
	defer func() {
		if r := recover(); r != nil {
			subs, err = nil, fmt.Errorf("a cue's timing line is malformed")
		}
	}()
	return read(bytes.NewReader(data))
}

// headerNote reads the key: value lines of NOTE blocks before the first cue.
func headerNote(data []byte) map[string]string {
	meta := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	inNote := false
	for n := 0; sc.Scan() && n < 200; n++ {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		switch {
		case strings.Contains(line, "-->"):
			return meta
		case line == "NOTE" || strings.HasPrefix(line, "NOTE "):
			inNote = true
			line = strings.TrimSpace(strings.TrimPrefix(line, "NOTE"))
		case line == "":
			inNote = false
			continue
		}
		if !inNote {
			continue
		}
		if k, v, ok := strings.Cut(line, ":"); ok && !strings.Contains(k, " ") && k != "" {
			k = strings.ToLower(strings.TrimSpace(k))
			if _, dup := meta[k]; !dup && len(meta) < 50 {
				meta[k] = strings.TrimSpace(v)
			}
		}
	}
	return meta
}

var namePrefix = regexp.MustCompile(`^(?:>>\s*|-\s*)?(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}):\s+`)

type cue struct {
	start   time.Duration
	speaker string
	text    string
}

func build(format string, subs *astisub.Subtitles, meta map[string]string, limits doc.Limits) (*doc.Document, error) {
	d := &doc.Document{Format: format, Meta: map[string]string{}}
	for k, v := range meta {
		switch k {
		case "title":
			d.Title = v
		case "lang", "language":
			d.Lang = v
		case "author", "speaker":
			d.Author = v
		default:
			d.Meta[k] = v
		}
	}
	var cues []cue
	speaker := ""
	for _, it := range subs.Items {
		for _, l := range it.Lines {
			var b strings.Builder
			for _, li := range l.Items {
				b.WriteString(li.Text)
				b.WriteString(" ")
			}
			text := strings.Join(strings.Fields(b.String()), " ")
			if l.VoiceName != "" {
				speaker = strings.TrimSpace(l.VoiceName)
			} else if m := namePrefix.FindStringSubmatch(text); m != nil {
				speaker = m[1]
				text = text[len(m[0]):]
			}
			if text == "" || isSoundLabel(text) {
				continue
			}
			cues = append(cues, cue{start: it.StartAt, speaker: speaker, text: text})
		}
	}
	bl := &doc.Builder{Doc: d, Limit: limits.MaxBlocks}
	if err := quotes(bl, cues); err != nil {
		return nil, err
	}
	if !d.HasText() {
		return nil, doc.Errorf("this transcript has no spoken text")
	}
	return d, nil
}

// isSoundLabel: "[music]", "(applause)", "♪".
func isSoundLabel(s string) bool {
	s = strings.TrimSpace(s)
	return (strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")) || (strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) || strings.Trim(s, "♪♫ ") == ""
}

// quotes joins cues into sentences and each speaker's sentences into quotes of at most
// sentencesPerQuote sentences, timed at the start of their first sentence; each sentence
// keeps the start of the cue it began in.
func quotes(bl *doc.Builder, cues []cue) error {
	var cur *doc.Block
	var said []doc.Moment // cur's sentences
	sentences := 0
	open := false // the last sentence goes on in the next cue
	flush := func() error {
		if cur == nil {
			return nil
		}
		b := *cur
		cur = nil
		sentences = 0
		b.Text = cleanFillers(b.Text)
		for _, m := range said {
			m.Text = cleanFillers(m.Text)
			bl.Doc.Moments = append(bl.Doc.Moments, m)
		}
		said = said[:0]
		return bl.Add(b)
	}
	for _, c := range cues {
		if cur != nil && c.speaker != cur.Speaker {
			if err := flush(); err != nil {
				return err
			}
			open = false
		}
		for _, s := range splitSentences(c.text) {
			if cur != nil && !open && sentences >= sentencesPerQuote {
				if err := flush(); err != nil {
					return err
				}
			}
			if cur == nil {
				cur = &doc.Block{Kind: doc.Quote, Speaker: c.speaker, Start: c.start, Timed: true}
			}
			if cur.Text != "" {
				cur.Text += " "
			}
			cur.Text += s
			if n := len(said); open && n > 0 {
				said[n-1].Text += " " + s // the sentence goes on from the last cue
			} else {
				said = append(said, doc.Moment{Text: s, Start: c.start})
			}
			open = !endsSentence(s)
			if !open {
				sentences++
			}
		}
	}
	return flush()
}

var sentenceBreak = regexp.MustCompile(`([.!?…。！？]["'”’)]?)\s+`)

func splitSentences(s string) []string {
	var out []string
	last := 0
	for _, m := range sentenceBreak.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, strings.TrimSpace(s[last:m[3]]))
		last = m[1]
	}
	if rest := strings.TrimSpace(s[last:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)`)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？", r)
}

var filler = regexp.MustCompile(`(?i)(^|[\s,.!?;:—–-])(?:um+|uh+m*|erm+|hmm+)(?:[,.…]+|\s*[-—–])?(\s+|$)`)

// cleanFillers drops "um" and "uh" and keeps every other word as said; a sentence that
// began with one begins with a capital again.
func cleanFillers(s string) string {
	for i := 0; i < 3; i++ { // adjacent fillers share a space: a second pass takes the next
		s = filler.ReplaceAllString(s, "$1$2")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = regexp.MustCompile(`\s+([,.!?])`).ReplaceAllString(s, "$1")
	s = strings.TrimLeft(s, ", ")
	return capitalizeSentences(s)
}

func capitalizeSentences(s string) string {
	rs := []rune(s)
	start := true
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			if start {
				rs[i] = unicode.ToUpper(r)
			}
			start = false
		case r == '.' || r == '!' || r == '?':
			start = i+1 < len(rs) && rs[i+1] == ' '
		case r != ' ':
			start = false
		}
	}
	return string(rs)
}
