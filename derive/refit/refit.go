// Package refit makes a post written elsewhere — a translation, typically longer than its
// original (German runs about a third longer than English), or a person's edit — valid
// on its channel again. The link slot and what follows the body (the CTA, hashtags, a
// thread's numbering) are kept; the body is cut, at sentence and then word boundaries, as
// derive cuts its own.
package refit

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

// Options tune Post. The zero value fits with the channels' default limits.
type Options struct {
	// MastodonLimit is the instance's post limit; 0 or less means LimitMastodon.
	MastodonLimit int
	// Disclosure, when set, is left room for: " " + Disclosure must still fit after the
	// post, as it does after every derived post.
	Disclosure string
}

// count counts text on channel, Mastodon with the instance's limit. An unknown channel
// is never valid.
func (o Options) count(ch channel.Name, text string) channel.Length {
	if ch == channel.Mastodon {
		return channel.CountMastodon(text, o.MastodonLimit)
	}
	l, _ := channel.Count(ch, text)
	return l
}

// length is a template's count on channel as posted with link, as every derivative's
// Length is counted.
func (o Options) length(ch channel.Name, template, link string) channel.Length {
	return o.count(ch, channel.Render(ch, template, link).Text)
}

// valid reports whether a template, with room for the disclosure, is valid on channel.
func (o Options) valid(ch channel.Name, link string) func(string) bool {
	tail := ""
	if o.Disclosure != "" {
		tail = " " + o.Disclosure
	}
	return func(template string) bool { return ValidWithLink(o.count, ch, template+tail, link) }
}

// Post returns template made valid on channel when its slot holds link: unchanged when
// it fits, else with its body cut (whole paragraphs first, then sentences, then words,
// the cut marked "…") in front of its tail — the link slot and everything after it, or,
// without a slot, trailing hashtag lines and a thread's " (i/n)". When even a word of
// the body does not fit, trailing hashtags are dropped one by one before giving up. The
// Length is the template's count as a derivative's; false means nothing fits.
func Post(ch channel.Name, template, link string, opt Options) (string, channel.Length, bool) {
	valid := opt.valid(ch, link)
	if valid(template) {
		return template, opt.length(ch, template, link), true
	}
	body, tail := splitTail(template)
	for {
		if tpl, ok := fitBody(body, tail, valid); ok {
			return tpl, opt.length(ch, tpl, link), true
		}
		shorter, ok := dropHashtag(tail)
		if !ok {
			return "", opt.length(ch, template, link), false
		}
		tail = shorter
	}
}

// Parts refits each post of a thread on channel (the link in whichever part has the
// slot). The Length is the longest post's, as a thread's is; false when any part cannot
// be fitted.
func Parts(ch channel.Name, parts []string, link string, opt Options) ([]string, channel.Length, bool) {
	out := make([]string, len(parts))
	var longest channel.Length
	for i, p := range parts {
		tpl, l, ok := Post(ch, p, link, opt)
		if !ok {
			return nil, l, false
		}
		out[i] = tpl
		if i == 0 || l.Weighted > longest.Weighted {
			longest = l
		}
	}
	return out, longest, true
}

// threadNumbering is the " (i/n)" that ends each post of a thread.
var threadNumbering = regexp.MustCompile(`\s*\(\d+/\d+\)\s*$`)

// splitTail splits a template into the body that may be cut and the tail that is kept.
// With a slot, the tail starts at the paragraph holding it ("\n\nCTA {link}\n#Tags"), or
// at the slot itself when that is in the first paragraph ("sentence {link}").
func splitTail(template string) (body, tail string) {
	if i := strings.Index(template, channel.LinkSlot); i >= 0 {
		if p := strings.LastIndex(template[:i], "\n\n"); p >= 0 && strings.TrimSpace(template[:p]) != "" {
			return template[:p], template[p:]
		}
		body = strings.TrimRightFunc(template[:i], unicode.IsSpace)
		return body, template[len(body):]
	}
	rest := template
	if m := threadNumbering.FindStringIndex(rest); m != nil {
		rest, tail = rest[:m[0]], rest[m[0]:]
	}
	for {
		j := strings.LastIndex(rest, "\n")
		if j < 0 || !isHashtagLine(rest[j+1:]) {
			break
		}
		rest, tail = rest[:j], rest[j:]+tail
	}
	body = strings.TrimRightFunc(rest, unicode.IsSpace)
	return body, rest[len(body):] + tail
}

// fitBody keeps as many whole paragraphs of body as fit before tail, then as much of the
// next one as Fit can.
func fitBody(body, tail string, valid func(string) bool) (string, bool) {
	paras := strings.Split(body, "\n\n")
	kept := ""
	for _, p := range paras {
		prefix := kept
		if prefix != "" {
			prefix += "\n\n"
		}
		if valid(prefix + p + tail) {
			kept = prefix + p
			continue
		}
		if cut, ok := parse.Fit(p, func(b string) bool { return valid(prefix + b + tail) }); ok {
			return prefix + cut + tail, true
		}
		break
	}
	if strings.TrimSpace(kept) == "" {
		return "", false
	}
	return kept + tail, true
}

// isHashtagLine reports whether a line holds hashtags and nothing else.
func isHashtagLine(line string) bool {
	fields := strings.Fields(line)
	for _, f := range fields {
		if len(f) < 2 || f[0] != '#' {
			return false
		}
	}
	return len(fields) > 0
}

// dropHashtag removes the last hashtag of tail (a thread's numbering stays last); false
// when it has none.
func dropHashtag(tail string) (string, bool) {
	end := ""
	if m := threadNumbering.FindStringIndex(tail); m != nil {
		tail, end = tail[:m[0]], tail[m[0]:]
	}
	trimmed := strings.TrimRightFunc(tail, unicode.IsSpace)
	i := strings.LastIndexFunc(trimmed, unicode.IsSpace) + 1
	word := trimmed[i:]
	if len(word) < 2 || word[0] != '#' {
		return "", false
	}
	return strings.TrimRightFunc(trimmed[:i], unicode.IsSpace) + end, true
}
