package review

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive/brandrules"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// wording is how the checks of a person's text speak of it: an edit of the company's
// post, or a contributor's own version.
type wording struct {
	op          string
	empty       string // the message for no text at all
	subject     string // "the text holds %q, …"
	notEditable string // a format string taking the derivative's kind
}

var (
	editWords = wording{op: "review.EditDerivative", empty: "the edited text is empty", subject: "the text",
		notEditable: "a %s cannot be edited here yet; only single posts and snippets can"}
	rewriteWords = wording{op: "review.SaveRewrite", empty: "your version is empty", subject: "your version",
		notEditable: "a %s cannot be rewritten here; share it as it is"}
)

// checkText is the check every hand-written post of a derivative passes first, an edit
// and a contributor's version alike: only a single post or snippet is written by hand
// (not a thread, nor a blog post), the text is not empty, and it holds none of the
// brand's banned phrases. It answers the text trimmed, with Unix line ends, and the
// brand rules that apply to it.
func (r *Service) checkText(d *record.Derivative, text string, w wording) (string, config.Brand, error) {
	if d.Kind == channel.KindThread || d.Blog != nil || len(d.Parts) > 0 {
		return "", config.Brand{}, &errs.Error{Op: w.op, Kind: errs.Rejected, Code: "not_editable", Msg: fmt.Sprintf(w.notEditable, d.Kind)}
	}
	text = strings.TrimSpace(UnixLines(text))
	if text == "" {
		return "", config.Brand{}, &errs.Error{Op: w.op, Kind: errs.Rejected, Code: "empty", Msg: w.empty}
	}
	_, camp := r.cfg.File.Campaign(d.Campaign)
	brand := r.cfg.File.BrandFor(camp)
	if p := brandrules.BannedPhrase(brand, text); p != "" {
		return "", config.Brand{}, &errs.Error{Op: w.op, Kind: errs.Rejected, Code: "banned_phrase",
			Msg: fmt.Sprintf("%s holds %q, which the brand rules ban; reword it", w.subject, p)}
	}
	return text, brand, nil
}

// UnixLines turns a form's CRLF line ends into the LF every counter expects.
func UnixLines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// CountResult is a text's length by a channel's own rules: what `repurpose count` prints
// and POST /api/v1/count answers, so an editor's live counter agrees with the server.
type CountResult struct {
	Channel        string `json:"channel"`
	WeightedLength int    `json:"weighted_length"`
	Limit          int    `json:"limit"`
	Valid          bool   `json:"valid"`
}

// Count measures text for channel under the configured limits.
func Count(f *config.File, ch channel.Name, text string) (CountResult, error) {
	l, err := channel.Count(ch, text)
	if err != nil {
		return CountResult{}, err
	}
	if ch == channel.Mastodon {
		l = channel.CountMastodon(text, f.Channels.MastodonLimit) // the instance's own limit
	}
	return CountResult{Channel: string(ch), WeightedLength: l.Weighted, Limit: l.Limit, Valid: l.Valid}, nil
}

// IsHashtags reports whether a line holds hashtags and nothing else.
func IsHashtags(line string) bool {
	fields := strings.Fields(line)
	for _, f := range fields {
		if len(f) < 2 || f[0] != '#' {
			return false
		}
	}
	return len(fields) > 0
}

// WithSlot adds the link slot to a person's translation that left it out, as the
// original has it: after a space or on a line of its own, before trailing hashtag lines.
func WithSlot(text, original string) string {
	text = strings.TrimSpace(text)
	i := strings.Index(original, channel.LinkSlot)
	if strings.Contains(text, channel.LinkSlot) || i < 0 {
		return text
	}
	sep := " "
	if i > 0 && original[i-1] == '\n' {
		sep = "\n"
	}
	lines := strings.Split(text, "\n")
	k := len(lines)
	for k > 1 && IsHashtags(lines[k-1]) {
		k--
	}
	body := strings.TrimRightFunc(strings.Join(lines[:k], "\n"), unicode.IsSpace)
	out := body + sep + channel.LinkSlot
	if k < len(lines) {
		out += "\n" + strings.Join(lines[k:], "\n")
	}
	return out
}
