package parse

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParseRejectsBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, key, data string
		max             int64
		want            string
	}{
		{"empty", "a.md", "", 0, "the file is empty"},
		{"binary named .md", "logo.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, "the file is not text (it contains binary bytes) — upload Markdown, HTML or plain text"},
		{"invalid UTF-8", "a.txt", "hello \xff world", 0, "the text is not valid UTF-8 (byte offset 6) — save it as UTF-8"},
		{"malformed YAML", "a.md", "---\ntitle: ok\ntags: [unclosed\n---\n# T\n\nText.\n", 0, "the front matter is malformed: line"},
		{"malformed TOML", "a.md", "+++\ntitle = \n+++\n# T\n\nText.\n", 0, "the front matter is malformed: "},
		{"bad stage", "a.md", "---\nstage: purchase\n---\n# T\n\nText.\n", 0, `the front matter stage "purchase" is not valid — use one of: awareness, consideration, decision`},
		{"unsupported extension", "paper.rtf", "{\\rtf1 text}", 0, `unsupported file type ".rtf" — upload .md, .markdown, .html, .htm, .txt, .text, .pdf, .docx, .pptx, .vtt or .srt`},
		{"named .pdf, not a PDF", "paper.pdf", "<html>a web page</html>", 0, "this file is named .pdf but is not a PDF"},
		{"old Word format", "draft.doc.md", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", 0, "the file is not text"},
		{"oversized PDF", "paper.pdf", "%PDF-1.7" + strings.Repeat(" ", 20<<10), 10 << 10, "the file is 20 KB; the limit is 10 KB"},
		{"no extension", "paper", "text", 0, "unsupported file type without an extension"},
		{"oversized", "a.md", strings.Repeat("word ", 2500), 10 << 10, "the file is 12.2 KB; the limit is 10 KB"},
		{"oversized MB", "a.txt", strings.Repeat("x", 3<<20), 2 << 20, "the file is 3 MB; the limit is 2 MB"},
		{"no text", "a.md", "---\ntitle: Only a title\n---\n\n```\ncode only\n```\n", 0, "the document has no text to work with"},
		{"only white space", "a.txt", " \n\n\t\n", 0, "the document has no text to work with"},
		{"lists 50,000 deep", "a.md", strings.Repeat("- ", 50000) + "deep\n", 0, "the Markdown nests lists or quotes more than 512 deep"},
		{"quotes and numbered lists 600 deep", "a.md", "# T\n\nText.\n\n" + strings.Repeat("> 1. ", 300) + "deep\n", 0, "the Markdown nests lists or quotes more than 512 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := File(tc.key, []byte(tc.data), tc.max)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an *InputError", err)
			}
			if !strings.HasPrefix(ie.Reason, tc.want) {
				t.Errorf("reason %q, want it to start with %q", ie.Reason, tc.want)
			}
		})
	}
}

// Real nesting, however deep a document goes, is read: only depth no document needs is
// refused.
func TestParseReadsDeepButRealNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Levels\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "%s- level %d of the outline, with a sentence of its own.\n", strings.Repeat("  ", i), i)
	}
	b.WriteString("\n> - > 1. A quote holding a list holding a quote holding a numbered item.\n")
	if _, err := File("deep.md", []byte(b.String()), 0); err != nil {
		t.Fatalf("40 nested levels: %v", err)
	}
}

func TestParseMalformedYAMLNamesTheLine(t *testing.T) {
	_, err := File("a.md", []byte("---\ntitle: ok\nstage: [x\n---\nBody.\n"), 0)
	if err == nil || !strings.Contains(err.Error(), "line ") {
		t.Fatalf("got %v, want a line number", err)
	}
}

func TestParseFormats(t *testing.T) {
	for _, tc := range []struct {
		name, key, data           string
		title, lang, format, para string
	}{
		{
			name:   "markdown with YAML front matter, BOM and CRLF",
			key:    "Paper.MD",
			data:   "\xEF\xBB\xBF---\r\ntitle: Front Title\r\nstage: decision\r\ntags: [a, b]\r\n---\r\n# Heading\r\n\r\nFirst *paragraph* with `code` and a [link](https://example.com).\r\n",
			title:  "Front Title",
			lang:   "en",
			format: "markdown",
			para:   "First paragraph with code and a link.",
		},
		{
			name:   "markdown with TOML front matter",
			key:    "a.markdown",
			data:   "+++\nlang = \"es\"\n+++\n## Segundo\n\nEl texto &amp; la nube.\n",
			title:  "Segundo",
			lang:   "es",
			format: "markdown",
			para:   "El texto & la nube.",
		},
		{
			name:   "HTML fragment",
			key:    "a.htm",
			data:   "<h2 id=\"intro\">Intro</h2><p>Hello <b>bold</b> world, this is the text.</p><ul><li>one</li></ul>",
			title:  "Intro",
			lang:   "en",
			format: "html",
			para:   "Hello bold world, this is the text.",
		},
		{
			name:   "plain text with a title line",
			key:    "notes.TXT",
			data:   "Meeting notes\n\nLa reunión fue breve y los equipos de la empresa acordaron los pasos para el próximo mes.\n",
			title:  "Meeting notes",
			lang:   "es",
			format: "text",
			para:   "La reunión fue breve y los equipos de la empresa acordaron los pasos para el próximo mes.",
		},
		{
			name:   "plain text without a title line",
			key:    "a.text",
			data:   "This is the first sentence of a document with no title at all. And a second one.\n",
			title:  "This is the first sentence of a document with no title at all.",
			lang:   "en",
			format: "text",
			para:   "This is the first sentence of a document with no title at all. And a second one.",
		},
		{
			name:   "Japanese guessed from script",
			key:    "a.md",
			data:   "# 見出し\n\nこれは日本語の文章です。プラットフォームについて説明します。\n",
			title:  "見出し",
			lang:   "ja",
			format: "markdown",
			para:   "これは日本語の文章です。プラットフォームについて説明します。",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := File(tc.key, []byte(tc.data), 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tc.title || doc.Lang != tc.lang || doc.Format != tc.format {
				t.Errorf("got title %q lang %q format %q, want %q %q %q", doc.Title, doc.Lang, doc.Format, tc.title, tc.lang, tc.format)
			}
			if got := doc.Sections[0].Paragraphs; len(got) == 0 || got[0] != tc.para {
				t.Errorf("first paragraph %q, want %q", got, tc.para)
			}
		})
	}
}

func TestParseFrontMatterFields(t *testing.T) {
	src := "---\ntitle: T\ncanonical_url: https://example.com/t\ncampaign: c1\nstage: Consideration\npersona: cto\nregions: emea, apac\nlang: de\ntags: [Cloud Native, Ops]\ncta: Book a demo\nunknown: ignored\n---\nText body here.\n"
	doc, err := File("t.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Meta
	if m.Title != "T" || m.CanonicalURL != "https://example.com/t" || m.Campaign != "c1" || m.Stage != "consideration" ||
		m.Persona != "cto" || strings.Join(m.Regions, ",") != "emea,apac" || m.Lang != "de" ||
		strings.Join(m.Tags, ",") != "Cloud Native,Ops" || m.CTA != "Book a demo" || doc.Lang != "de" {
		t.Errorf("front matter read as %+v (lang %s)", m, doc.Lang)
	}
}

func TestParseFullHTMLPage(t *testing.T) {
	page := `<!doctype html><html lang="fr"><head><title>Le titre | Site</title>
<link rel="canonical" href="https://example.com/fr/article"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/blog">Blog</a></li></ul></nav>
<article><h1>Le titre</h1>` + strings.Repeat(`<p>Les équipes qui livrent chaque semaine travaillent par petits lots et automatisent le déploiement de bout en bout, ce qui rend chaque mise en production banale et sûre.</p>`, 4) + `
<h2 id="resultats">Résultats</h2><p>Les équipes ont réduit le taux d'échec des changements de moitié en un an, selon nos mesures internes.</p></article>
<footer><p>© 2025 Exemple. Tous droits réservés.</p></footer></body></html>`
	doc, err := File("page.html", []byte(page), 0)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "fr" || doc.Meta.CanonicalURL != "https://example.com/fr/article" {
		t.Errorf("lang %q canonical %q", doc.Lang, doc.Meta.CanonicalURL)
	}
	var all []string
	for _, s := range doc.Sections {
		all = append(all, s.Heading+": "+strings.Join(s.Paragraphs, " | "))
		for _, l := range s.Lists {
			all = append(all, l...)
		}
	}
	text := strings.Join(all, "\n")
	if strings.Contains(text, "Accueil") || strings.Contains(text, "droits réservés") {
		t.Errorf("navigation or footer kept:\n%s", text)
	}
	if !strings.Contains(text, "Résultats: Les équipes ont réduit") {
		t.Errorf("article content lost:\n%s", text)
	}
}

func TestParseSamples(t *testing.T) {
	for _, tc := range []struct{ file, title, lang string }{
		{"whitepaper.en.md", "Quiet Pagers: Cutting Alert Fatigue in Platform On-Call", "en"},
		{"whitepaper.es.md", "Inventario sin sorpresas: previsión de demanda para tiendas de barrio", "es"},
		{"whitepaper.ja.md", "会議を半分に：分散チームのための非同期コミュニケーション", "ja"},
		{"landing-page.html", "Five Habits of Teams That Ship Weekly", "en"},
		{"notes.txt", "Notes from the customer advisory board", "en"},
	} {
		doc := parseSample(t, tc.file)
		if doc.Title != tc.title || doc.Lang != tc.lang {
			t.Errorf("%s: title %q lang %q", tc.file, doc.Title, doc.Lang)
		}
	}
}

func TestRelativeLinksResolveAgainstTheCanonicalURL(t *testing.T) {
	md := "---\ncanonical_url: https://example.com/papers/queues/\n---\n# Queues\n\nSee [the appendix](appendix.html), [pricing](/pricing), [below](#how) and [GitHub](https://github.com/x).\n\n![chart](img/chart.png)\n"
	doc, err := File("q.md", []byte(md), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://example.com/papers/queues/appendix.html", "https://example.com/pricing", "#how", "https://github.com/x"}
	if len(doc.Links) != len(want) {
		t.Fatalf("links = %+v", doc.Links)
	}
	for i, l := range doc.Links {
		if l.URL != want[i] {
			t.Errorf("link %d = %q, want %q", i, l.URL, want[i])
		}
	}
	if len(doc.Images) != 1 || doc.Images[0].URL != "https://example.com/papers/queues/img/chart.png" {
		t.Errorf("images = %+v", doc.Images)
	}
}

func TestScriptAndStyleContentIsNotProse(t *testing.T) {
	md := "# Queues\n\nWorkers drain queues <script>window.__pwned=1</script> before the backlog grows <style>p{color:red}</style> each night.\n\n<script>\nblock()\n</script>\n"
	doc, err := File("q.md", []byte(md), 0)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(doc.Sections[len(doc.Sections)-1].Paragraphs, "\n")
	if strings.Contains(got, "pwned") || strings.Contains(got, "color") || strings.Contains(got, "block()") {
		t.Errorf("script or style content became text: %q", got)
	}
	if !strings.Contains(got, "Workers drain queues") || !strings.Contains(got, "each night.") {
		t.Errorf("the prose around the tags was lost: %q", got)
	}
}

// TestCaptionsAreNotProse: a figure's or table's caption describes what the posts do not
// carry, and a footnote notes the text above it, in Markdown ("*Figure 2. …*") and in HTML (<figcaption>); the prose around it
// stays, and a quote's caption still names its speaker.
func TestCaptionsAreNotProse(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"c.md", "# Pipelines\n\nLong pipelines hurt every team we surveyed.\n\n" +
			"*Figure 2. Median pipeline duration against change failure rate. Failures climb steeply above 30 minutes.*\n\n" +
			"Table 3: Lead time by team size, 2026.\n\nShort pipelines ship more often.\n\n" +
			"¹ Replacement cost estimated as half of the annual salary, and failures climb steeply.\n\n" +
			"*Fuente: datos de campo, temporadas 2020/21 a 2022/23, and failures climb steeply.*\n"},
		{"n.html", `<html><body><article><h1>Pipelines</h1><p>Long pipelines hurt every team we surveyed.</p>
<p>* Rates exclude weekends, and failures climb steeply.</p><p>Short pipelines ship more often.</p>
<figure><blockquote>Every minute of pipeline is a minute of nobody shipping.</blockquote><figcaption>Ana Ruiz, platform lead</figcaption></figure>
</article></body></html>`},
		{"c.html", `<html><body><article><h1>Pipelines</h1><p>Long pipelines hurt every team we surveyed.</p>
<figure><img src="a.png" alt="chart"><figcaption>Median pipeline duration against change failure rate, 2022–2025. Failures climb steeply above 30 minutes.</figcaption></figure>
<p>Short pipelines ship more often.</p>
<figure><blockquote>Every minute of pipeline is a minute of nobody shipping.</blockquote><figcaption>Ana Ruiz, platform lead</figcaption></figure>
</article></body></html>`},
	} {
		doc, err := File(tc.name, []byte(tc.src), 0)
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		var quotes []Quote
		for _, s := range doc.Sections {
			text = append(text, s.Paragraphs...)
			quotes = append(quotes, s.Quotes...)
		}
		got := strings.Join(text, "\n")
		if strings.Contains(got, "climb steeply") || strings.Contains(got, "Lead time by team size") {
			t.Errorf("%s: a caption became prose: %q", tc.name, got)
		}
		if !strings.Contains(got, "Long pipelines hurt") || !strings.Contains(got, "Short pipelines ship") {
			t.Errorf("%s: the prose around the captions was lost: %q", tc.name, got)
		}
		if strings.HasSuffix(tc.name, ".html") && (len(quotes) != 1 || !strings.HasPrefix(quotes[0].Attribution, "Ana Ruiz")) {
			t.Errorf("%s: the quote lost its speaker: %+v", tc.name, quotes)
		}
	}
}

// TestPlainTextHeadingsOpenSections: a later short line without a final stop is a
// heading, not the start of the next paragraph; a quoted line or a question stays text.
func TestPlainTextHeadingsOpenSections(t *testing.T) {
	src := "Notes on pricing\n\nWe moved to usage-based billing two years ago.\n\nWhat happened to revenue\n\n" +
		"The first six months were rough.\n\n\"We process about 3,000 invoices a month\"\n\nWas it worth it?\n"
	doc, err := File("notes.txt", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, s := range doc.Sections {
		headings = append(headings, s.Heading)
	}
	if len(doc.Sections) != 2 || doc.Sections[1].Heading != "What happened to revenue" {
		t.Fatalf("sections %q", headings)
	}
	if got := strings.Join(doc.Sections[1].Paragraphs, "|"); got != "The first six months were rough.|\"We process about 3,000 invoices a month\"|Was it worth it?" {
		t.Errorf("paragraphs under the heading: %q", got)
	}
}

// TestPlainTextTitleKeepsItsBylineOut: a title with its byline and date under it is the
// title, and so is one that ends with a full stop when a byline follows it; a blog's
// filing line ("Filed under: …") is neither title nor prose.
func TestPlainTextTitleKeepsItsBylineOut(t *testing.T) {
	for src, title := range map[string]string{
		"Dropping the Degree Requirement Was the Easy Part\nBy Caroline Ashdown-Reyes, Principal Talent Strategist\nMarch 12, 2024\n\n" +
			"Filed under: Recruiting, Workforce Strategy | 11 minute read\n\nMany employers no longer require a degree.\n": "Dropping the Degree Requirement Was the Easy Part",
		"It Isn't a Pipeline Problem. It's a Promise Problem.\n\nBy Caroline Ashdown-Reyes, COO, Corvane\n\nMany employers no longer require a degree.\n": "It Isn't a Pipeline Problem. It's a Promise Problem.",
	} {
		doc, err := File("essay.txt", []byte(src), 0)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != title {
			t.Errorf("title %q, want %q", doc.Title, title)
		}
		for _, s := range doc.Sections {
			for _, p := range append([]string{s.Heading}, s.Paragraphs...) {
				if strings.Contains(p, "Filed under") || strings.Contains(p, "Caroline") {
					t.Errorf("filing or byline kept: %q", p)
				}
			}
		}
	}
}

// TestPlainTextTitleUnderRulesAndALabel: rules ("=====") are no text, and a label in
// capitals above the title ("WEBINAR TRANSCRIPT") is not the title.
func TestPlainTextTitleUnderRulesAndALabel(t *testing.T) {
	src := "=====\nWEBINAR TRANSCRIPT\n\"Beyond the 2% Sample\"\nHosted by Clarivox | 14 March 2024\n=====\n\nMost contact centres score a sample of calls.\n\n-----\n\nThe rest are never heard.\n"
	doc, err := File("webinar.txt", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Beyond the 2% Sample" {
		t.Errorf("title %q", doc.Title)
	}
	for _, s := range doc.Sections {
		for _, p := range append([]string{s.Heading}, s.Paragraphs...) {
			if strings.Contains(p, "---") || strings.Contains(p, "===") {
				t.Errorf("a rule became text: %q", p)
			}
		}
	}
}

// TestPlainTextHeadingsBetweenRules: a numbered line in capitals between two rules is a
// section's heading, not a list of one item, and a checklist's "[ ]" lines are a list.
func TestPlainTextHeadingsBetweenRules(t *testing.T) {
	src := "Leitfaden E-Rechnung\n\n------\n1. WORUM ES GEHT\n------\n\nSeit 2025 gilt die Pflicht.\n\n" +
		"------\n4. CHECKLISTE\n------\n\n[ ] Projektleitung benannt\n[x] Steuerberatung eingebunden\n\n" +
		"7. ÜBER BELEGWERK\n======\n\nDie Belegwerk GmbH entwickelt Software.\n"
	doc, err := File("leitfaden.txt", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, s := range doc.Sections {
		headings = append(headings, s.Heading)
	}
	if want := []string{"1. WORUM ES GEHT", "4. CHECKLISTE", "7. ÜBER BELEGWERK"}; doc.Title != "Leitfaden E-Rechnung" || !reflect.DeepEqual(headings, want) {
		t.Fatalf("title %q, headings %q, want %q", doc.Title, headings, want)
	}
	if l := doc.Sections[1].Lists; len(l) != 1 || !reflect.DeepEqual(l[0], []string{"Projektleitung benannt", "Steuerberatung eingebunden"}) {
		t.Errorf("checklist %q, paragraphs %q", l, doc.Sections[1].Paragraphs)
	}
}

// TestPlainTextNumberedHeadingsAlone: a numbered line alone between blank lines, worded as
// a title, heads what follows ("3. EINGANGSKANÄLE BÜNDELN"); the contents list that names
// the same lines stays a list, and so do items a blank line parts.
func TestPlainTextNumberedHeadingsAlone(t *testing.T) {
	src := "LEITFADEN: RECHNUNGEN DIGITAL\n=============================\n\nINHALT\n\n1. Warum jetzt\n2. Kanäle bündeln\n\n" +
		"1. WARUM JETZT\n\nAb 2025 müssen Unternehmen E-Rechnungen empfangen können.\n\n" +
		"2. KANÄLE BÜNDELN\n\nRechnungen kommen an zu vielen Stellen an.\n\n" +
		"Drei Schritte:\n\n1. Postfach einrichten\n\n2. Lieferanten informieren\n\n3. Scannen an einer Stelle\n"
	doc, err := File("leitfaden.de.txt", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, s := range doc.Sections {
		headings = append(headings, s.Heading)
	}
	// The title and a contents list with nothing else under it are no sections.
	if want := []string{"1. WARUM JETZT", "2. KANÄLE BÜNDELN"}; doc.Title != "Leitfaden: Rechnungen Digital" || !reflect.DeepEqual(headings, want) {
		t.Fatalf("title %q, headings %q, want %q", doc.Title, headings, want)
	}
	if p := doc.Sections[0].Paragraphs; len(p) != 1 || !strings.HasPrefix(p[0], "Ab 2025") {
		t.Errorf("under %q: %q", headings[0], p)
	}
	var items []string
	for _, l := range doc.Sections[1].Lists {
		items = append(items, l...)
	}
	if want := []string{"Postfach einrichten", "Lieferanten informieren", "Scannen an einer Stelle"}; !reflect.DeepEqual(items, want) {
		t.Errorf("items %q, want %q", items, want)
	}
}

// TestPlainTextLabelledLinesTablesAndSubsections: lines that each open on a label
// ("误区1：", "建议：") are paragraphs of their own; a table's rows, set apart by runs of
// spaces, are no prose and no heading; "4.1 企业背景" is a part of "四、案例"; a short
// line over indented ones labels them ("2026年1月起：…").
func TestPlainTextLabelledLinesTablesAndSubsections(t *testing.T) {
	src := "设备维护指南\n\n四、案例：某冲压车间实践\n\n4.1 企业背景\n\n该企业为整车厂提供车身结构件。\n\n" +
		"  指标        实施前      实施后\n  ------------------------------\n  停机小时    610         350\n\n" +
		"六、常见误区\n\n误区1：一开始就追求全厂覆盖。\n建议：从一条瓶颈产线开始，三到六个月内拿出可量化的结果。\n\n" +
		"2026年1月起\n  所有企业必须能够接收电子发票。\n"
	doc, err := File("guide.zh.txt", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	type heading struct {
		text  string
		level int
	}
	var headings []heading
	var paragraphs []string
	for _, s := range doc.Sections {
		headings = append(headings, heading{s.Heading, s.Level})
		paragraphs = append(paragraphs, s.Paragraphs...)
	}
	want := []heading{{"四、案例：某冲压车间实践", 2}, {"4.1 企业背景", 3}, {"六、常见误区", 2}}
	if !reflect.DeepEqual(headings, want) {
		t.Errorf("headings %v, want %v", headings, want)
	}
	wantParas := []string{"该企业为整车厂提供车身结构件。", "误区1：一开始就追求全厂覆盖。", "建议：从一条瓶颈产线开始，三到六个月内拿出可量化的结果。",
		"2026年1月起：所有企业必须能够接收电子发票。"}
	if !reflect.DeepEqual(paragraphs, wantParas) {
		t.Errorf("paragraphs %q, want %q", paragraphs, wantParas)
	}
}

// TestANoteOnTheDocumentIsNoSummary: "Hinweis: …" before the text is a disclaimer, not
// what the document is about.
func TestANoteOnTheDocumentIsNoSummary(t *testing.T) {
	src := "# E-Rechnung\n\nHinweis: Dieser Leitfaden ersetzt keine steuerliche Beratung. Bitte stimmen Sie Details mit Ihrer Steuerberatung ab.\n\n" +
		"Seit dem 1. Januar 2025 muss jedes Unternehmen in Deutschland E-Rechnungen empfangen und verarbeiten können.\n"
	doc, err := File("r.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.Summary, "Seit dem") {
		t.Errorf("summary %q", doc.Summary)
	}
}

// TestTildesOfARangeStay: "5~49인", "3～5日" are ranges; a Markdown reader that takes a
// tilde for strikethrough drops them and prints "549인".
func TestTildesOfARangeStay(t *testing.T) {
	doc, err := File("ko.md", []byte("# 조사\n\n100~299인 기업의 도입률은 61.2%였지만, 5~49인 기업은 31.9%에 그쳤습니다.\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Sections[0].Paragraphs; len(p) != 1 || !strings.Contains(p[0], "100~299인") || !strings.Contains(p[0], "5~49인") {
		t.Errorf("paragraphs %q", p)
	}
}

// TestTablesAreKeptApartFromProse: a table's cells are no paragraph, but its rows are
// kept with the section they are in, header first, in Markdown and in HTML.
func TestTablesAreKeptApartFromProse(t *testing.T) {
	want := Table{{"Indicator", "2023", "2024"}, {"Empty kilometres", "27.0%", "20.8%"}}
	for _, tc := range []struct{ name, src string }{
		{"r.md", "# Case\n\n## Results\n\nThe results after nine months.\n\n| Indicator | 2023 | 2024 |\n|---|---|---|\n| Empty **kilometres** | 27.0% | 20.8% |\n"},
		{"r.html", `<html><body><article><h1>Case</h1><h2>Results</h2><p>The results after nine months.</p>
<table><caption>Table 1</caption><thead><tr><th>Indicator</th><th>2023</th><th>2024</th></tr></thead>
<tbody><tr><td>Empty <b>kilometres</b></td><td>27.0%</td><td>20.8%</td></tr></tbody></table></article></body></html>`},
	} {
		doc, err := File(tc.name, []byte(tc.src), 0)
		if err != nil {
			t.Fatal(err)
		}
		s := doc.Sections[len(doc.Sections)-1]
		if s.Heading != "Results" || !reflect.DeepEqual(s.Tables, []Table{want}) {
			t.Errorf("%s: section %q has tables %q, want %q", tc.name, s.Heading, s.Tables, want)
		}
		if strings.Contains(strings.Join(s.Paragraphs, " "), "27.0%") {
			t.Errorf("%s: a table's cells became prose: %q", tc.name, s.Paragraphs)
		}
	}
}

// TestABoldLineOverItsParagraphIsNoPartOfIt: "**③ 지오펜스 기반 위험구역 알림**" alone on
// its line labels the lines under it; run into them it makes one garbled sentence. Bold
// words within a line, and a label with a colon, stay.
func TestABoldLineOverItsParagraphIsNoPartOfIt(t *testing.T) {
	for src, want := range map[string]string{
		"# 사례\n\n**③ 지오펜스 기반 위험구역 알림**\nBIM 도면을 바탕으로 현장별 위험구역을 설정했습니다.\n":          "BIM 도면을 바탕으로 현장별 위험구역을 설정했습니다.",
		"# Case\n\n**Remote monitoring** cut callouts by 32% in the first year.\n": "Remote monitoring cut callouts by 32% in the first year.",
		"# Case\n\n**Result:**\nCallouts fell by 32% in the first year.\n":         "Result: Callouts fell by 32% in the first year.",
	} {
		doc, err := File("b.md", []byte(src), 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(doc.Sections[0].Paragraphs, " "); got != want {
			t.Errorf("%q: paragraph %q, want %q", src, got, want)
		}
	}
}
