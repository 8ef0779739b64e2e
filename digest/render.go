package digest

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
)

// label names a topic as people say it: "Tweet · X", "LinkedIn post", "Key point".
func label(k channel.Kind, ch channel.Name, typ string) string {
	switch k {
	case channel.KindTweet:
		return "Tweet · X"
	case channel.KindThread:
		return "Thread · X"
	case channel.KindMastodon:
		return "Post · Mastodon"
	case channel.KindBluesky:
		return "Post · Bluesky"
	case channel.KindThreads:
		return "Post · Threads"
	case channel.KindLinkedIn:
		return "LinkedIn post"
	case channel.KindBlog:
		return "Blog teaser"
	case channel.KindSnippet:
		switch typ {
		case "key_point":
			return "Key point"
		case "stat":
			return "Statistic"
		case "quote":
			return "Quote"
		}
		return "Snippet"
	}
	return string(k) + " · " + string(ch)
}

// clip shortens s to n characters at a word, with an ellipsis when it cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// Subject is the e-mail's subject and the chat messages' heading.
func (d *Digest) Subject() string {
	if len(d.Topics)+d.More == 1 {
		return "1 new topic to share"
	}
	return fmt.Sprintf("%d new topics to share", len(d.Topics)+d.More)
}

// Text is the digest as plain text: the e-mail's text part and what a dry run prints.
func (d *Digest) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, approved since %s:\n", d.Subject(), d.Since.UTC().Format("Mon 2 Jan 2006 15:04 MST"))
	if len(d.Topics) == 0 {
		b.WriteString("\nNothing new matches your interests.\n")
	}
	for i, t := range d.Topics {
		fmt.Fprintf(&b, "\n%d. %s", i+1, t.Label)
		if t.Source != "" {
			fmt.Fprintf(&b, " — %s", t.Source)
		}
		fmt.Fprintf(&b, "\n   %s\n   %s\n", t.Text, t.URL)
	}
	if d.More > 0 {
		fmt.Fprintf(&b, "\n…and %d more: %s\n", d.More, d.TopicsURL)
	}
	fmt.Fprintf(&b, "\nStop these digests: %s\n", d.UnsubscribeURL)
	return b.String()
}

var htmlDigest = template.Must(template.New("digest").Parse(`<!doctype html>
<html><body style="font-family:sans-serif;max-width:40em">
<h1 style="font-size:1.3em">{{.Subject}}</h1>
{{range .Topics}}<div style="margin:1em 0">
<p style="margin:0"><strong>{{.Label}}</strong>{{if .Source}} — {{.Source}}{{end}}</p>
<p style="margin:.3em 0">{{.Text}}</p>
<p style="margin:0"><a href="{{.URL}}">Open in the toolkit</a></p>
</div>{{else}}<p>Nothing new matches your interests.</p>{{end}}
{{if .More}}<p><a href="{{.TopicsURL}}">…and {{.More}} more</a></p>{{end}}
<p style="color:#555;font-size:.9em"><a href="{{.UnsubscribeURL}}">Stop these digests</a></p>
</body></html>
`))

// HTML is the digest as the e-mail's HTML part; every text is escaped.
func (d *Digest) HTML() (string, error) {
	var b bytes.Buffer
	err := htmlDigest.Execute(&b, d)
	return b.String(), err
}

// slackEscape escapes what Slack's mrkdwn reads as markup (<!channel> would ping
// everyone).
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Slack is the incoming-webhook message: text (the notification's fallback) and Block Kit
// sections, one per topic.
func (d *Digest) Slack() map[string]any {
	section := func(s string) map[string]any {
		return map[string]any{"type": "section", "text": map[string]any{"type": "mrkdwn", "text": s}}
	}
	blocks := []any{map[string]any{"type": "header", "text": map[string]any{"type": "plain_text", "text": d.Subject()}}}
	for _, t := range d.Topics {
		head := "*" + slackEscape.Replace(t.Label) + "*"
		if t.Source != "" {
			head += " — " + slackEscape.Replace(t.Source)
		}
		blocks = append(blocks, section(fmt.Sprintf("%s\n%s\n<%s|Open in the toolkit>", head, slackEscape.Replace(t.Text), t.URL)))
	}
	if d.More > 0 {
		blocks = append(blocks, section(fmt.Sprintf("<%s|…and %d more>", d.TopicsURL, d.More)))
	}
	blocks = append(blocks, map[string]any{"type": "context", "elements": []any{
		map[string]any{"type": "mrkdwn", "text": fmt.Sprintf("<%s|Stop these digests>", d.UnsubscribeURL)}}})
	return map[string]any{"text": d.Subject(), "blocks": blocks}
}

// Teams is the incoming-webhook message: an Adaptive Card in a message attachment.
func (d *Digest) Teams() map[string]any {
	text := func(s string, extra ...any) map[string]any {
		b := map[string]any{"type": "TextBlock", "text": s, "wrap": true}
		for i := 0; i+1 < len(extra); i += 2 {
			b[extra[i].(string)] = extra[i+1]
		}
		return b
	}
	body := []any{text(d.Subject(), "size", "Medium", "weight", "Bolder")}
	for _, t := range d.Topics {
		head := "**" + t.Label + "**"
		if t.Source != "" {
			head += " — " + t.Source
		}
		body = append(body, text(head, "separator", true), text(t.Text), text("[Open in the toolkit]("+t.URL+")"))
	}
	if d.More > 0 {
		body = append(body, text(fmt.Sprintf("[…and %d more](%s)", d.More, d.TopicsURL)))
	}
	body = append(body, text("[Stop these digests]("+d.UnsubscribeURL+")", "size", "Small", "isSubtle", true))
	return map[string]any{"type": "message", "attachments": []any{map[string]any{
		"contentType": "application/vnd.microsoft.card.adaptive",
		"contentUrl":  nil,
		"content": map[string]any{
			"$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
			"type":    "AdaptiveCard",
			"version": "1.2",
			"body":    body,
		},
	}}}
}
