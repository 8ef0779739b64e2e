package parse

import (
	"regexp"
	"strings"
)

// Site generators' template markup survives in the Markdown they publish: Hugo
// shortcodes ({{< ref "…" >}}, {{% pageinfo %}}) and Liquid or Jinja tags ({% raw %}). A
// link whose target is a shortcode is not a Markdown link (its target has spaces), so its
// text arrives as "[internal users]({{< ref … >}})".
var (
	shortcodeLink = regexp.MustCompile(`\[([^\[\]]{1,200})\]\(\s*\{\{[<%][^{}]{0,300}[>%]\}\}\s*\)`)
	templateTag   = regexp.MustCompile(`\{\{[<%][^{}]{0,300}[>%]\}\}|\{%-?\s*/?[A-Za-z_][\w.]*(?:\s[^{}%]{0,300})?-?%\}`)
)

// withoutMarkup is text with template markup dropped and the text of a shortcode link
// kept: the words a reader of the published page sees.
func withoutMarkup(s string) string {
	if strings.Count(s, "**") >= 2 {
		// "**평균 11.7%**의": CommonMark does not close emphasis between a mark and a
		// letter, which CJK writes without a space, so the asterisks stay in the text;
		// its author meant bold.
		s = strings.ReplaceAll(s, "**", "")
	}
	if !strings.Contains(s, "{{") && !strings.Contains(s, "{%") {
		return s
	}
	s = shortcodeLink.ReplaceAllString(s, "$1")
	return templateTag.ReplaceAllString(s, " ")
}
