package transforms

import (
	"html"
	"strings"
)

// blog is a teaser for the company blog: title, slug, meta description (160 characters
// at most), 3-5 takeaways, keywords, and the same content as Markdown and HTML, ending
// with the CTA linking to the source.
func (d *deriver) blog() {
	doc := d.a.doc
	intro := d.intro("", introChars)
	points := d.takeaways(nil, intro)
	if len(points) < minTakeaways {
		d.skip(KindBlog, ChannelBlog, "the source has fewer than 3 key points for a teaser")
		return
	}
	slug := asciiSlug(doc.Title, 60)
	if slug == "" {
		slug = "source-" + d.opt.Version[:min(8, len(d.opt.Version))]
	}
	x := d.draft(KindBlog, ChannelBlog, 1, -1)
	teaser := &BlogTeaser{
		Title:           doc.Title,
		Slug:            slug,
		MetaDescription: truncateText(doc.Summary, metaDescChars),
		Takeaways:       points,
		Keywords:        d.keywords[:min(5, len(d.keywords))],
	}
	template := blogMarkdown(teaser, intro, d.labels.Takeaways, d.cta, x.Backlink != "")
	teaser.Markdown = d.render(template, x.Backlink)
	teaser.HTML = blogHTML(teaser, intro, d.labels.Takeaways, d.cta, x.Backlink)
	x.Blog = teaser
	d.emit(x, template)
}

// blogMarkdown ends with the CTA as a Markdown link to the slot, or as plain text when
// the source has no link at all.
func blogMarkdown(t *BlogTeaser, intro, heading, cta string, linked bool) string {
	var b strings.Builder
	b.WriteString("# " + mdEscape(t.Title) + "\n\n")
	if intro != "" {
		b.WriteString(mdEscape(intro) + "\n\n")
	}
	b.WriteString("## " + mdEscape(heading) + "\n\n")
	for _, p := range t.Takeaways {
		b.WriteString("- " + mdEscape(p) + "\n")
	}
	if linked {
		b.WriteString("\n[" + mdEscape(cta) + "](" + LinkSlot + ")\n")
	} else {
		b.WriteString("\n" + mdEscape(cta) + " " + LinkSlot + "\n")
	}
	return b.String()
}

func blogHTML(t *BlogTeaser, intro, heading, cta, link string) string {
	e := html.EscapeString
	var b strings.Builder
	b.WriteString("<article>\n<h1>" + e(t.Title) + "</h1>\n")
	if intro != "" {
		b.WriteString("<p>" + e(intro) + "</p>\n")
	}
	b.WriteString("<h2>" + e(heading) + "</h2>\n<ul>\n")
	for _, p := range t.Takeaways {
		b.WriteString("<li>" + e(p) + "</li>\n")
	}
	b.WriteString("</ul>\n")
	if link != "" {
		b.WriteString(`<p><a href="` + e(link) + `">` + e(cta) + "</a></p>\n")
	} else {
		b.WriteString("<p>" + e(cta) + "</p>\n")
	}
	b.WriteString("</article>\n")
	return b.String()
}

// mdEscaper backslash-escapes what Markdown would read as formatting in plain text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
