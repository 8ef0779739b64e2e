package derive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/inputs/pdf"
	"github.com/repurpose/repurpose/internal/testdocs"
	"github.com/repurpose/repurpose/parse"
)

// corpusDocs are the shared corpus's documents (../../shared/corpus), read at test time:
// the Markdown papers and the PDFs published beside them, whose derivatives are held to
// the same checks.
func corpusDocs(t testing.TB) map[string][]byte {
	t.Helper()
	dir := testdocs.Shared(t, "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	if pdf.Available() || os.Getenv("CI") == "true" { // scripts/test.sh installs poppler-utils
		pdfs, _ := filepath.Glob(filepath.Join(dir, "pdf", "*.pdf"))
		files = append(files, pdfs...)
	} else {
		t.Log("the corpus PDFs are left out: poppler-utils is not installed")
	}
	docs := map[string][]byte{}
	for _, f := range files {
		if strings.EqualFold(filepath.Base(f), "README.md") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = data
	}
	if len(docs) == 0 {
		t.Skipf("no documents in %s", dir)
	}
	return docs
}

// corpusLang is the language a corpus document is written in: the one its name gives
// (cncf-….es.md), except for a page its site left untranslated — the Korean site's operator
// whitepaper is a Korean title over the English text, and its posts must be English. The
// script count keeps that exception honest: a translated page no longer meets it.
func corpusLang(name string, data []byte) string {
	named := strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(name, filepath.Ext(name))), ".")
	script := map[string]*unicode.RangeTable{"ko": unicode.Hangul, "ja": unicode.Hiragana, "zh": unicode.Han}[named]
	if script == nil {
		return named
	}
	letters, inScript := 0, 0
	for _, r := range string(data) {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(script, r) {
				inScript++
			}
		}
	}
	if inScript*100 < letters {
		return "en"
	}
	return named
}

// testOptions are the options the property and golden tests derive with.
func testOptions(data []byte) Options {
	sum := sha256.Sum256(data)
	return Options{
		Version:       hex.EncodeToString(sum[:]),
		SourceID:      "src-test",
		CampaignName:  "launch",
		PublicPageURL: "https://toolkit.example.com/p/test",
		Campaign: config.Campaign{
			CTA: map[string]string{"awareness": "Read the full whitepaper", "decision": "Talk to our team"},
			UTM: config.UTM{Source: "{channel}", Medium: "social", Campaign: "{campaign}", Content: "{kind}-{ordinal}-{stage}"},
		},
	}
}

// TestDeriveCorpus checks the properties every real document must have, and the quality
// bar of each derivative: a 3-7 post thread, a LinkedIn post of 600-2000 characters, a
// blog teaser of 250-600 words, at least 5 snippets with a stat where the source states
// figures, and a valid post on every channel the package derives for.
func TestDeriveCorpus(t *testing.T) {
	docs := corpusDocs(t)
	channels := map[channel.Name]bool{} // every channel any document gets a post on
	results := map[string]Result{}
	for _, name := range sortedKeys(docs) {
		data := docs[name]
		t.Run(name, func(t *testing.T) {
			doc, err := parse.File(name, data, 10<<20)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if want := corpusLang(name, data); doc.Lang != want {
				t.Errorf("lang %q, want %q", doc.Lang, want)
			}
			opt := testOptions(data)
			res := From(doc, opt)
			results[name] = res
			for _, d := range res.Derivatives {
				if d.Locale != doc.Lang {
					t.Fatalf("derivative locale %q, document %q", d.Locale, doc.Lang)
				}
				if d.Length != nil && d.Length.Valid {
					channels[d.Channel] = true
				}
			}
			checkResult(t, res, 5)
			checkQuality(t, doc, res)
			first, _ := json.Marshal(res)
			doc2, _ := parse.File(name, data, 10<<20)
			again, _ := json.Marshal(From(doc2, opt))
			if !bytes.Equal(first, again) {
				t.Error("deriving twice gave different JSON")
			}
		})
	}
	// A channel one document gets a post on, every document must get one on.
	for _, name := range sortedKeys(docs) {
		got := map[channel.Name]bool{}
		for _, d := range results[name].Derivatives {
			got[d.Channel] = got[d.Channel] || d.Length != nil && d.Length.Valid
		}
		// A page whose title is in another language than its text (corpusLang's
		// exception) gets no blog teaser: it would open in another language.
		named := strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(name, filepath.Ext(name))), ".")
		if named != corpusLang(name, docs[name]) {
			got[channel.Blog] = slices.ContainsFunc(results[name].Skipped, func(s Skipped) bool {
				return s.Channel == channel.Blog && strings.Contains(s.Reason, "title is not in")
			})
		}
		doc, _ := parse.File(name, docs[name], 10<<20)
		for _, d := range results[name].Skipped {
			if flatSourceSkipped(doc, results[name], d.Kind) {
				got[d.Channel] = true
			}
		}
		for _, ch := range slices.Sorted(maps.Keys(channels)) {
			if !got[ch] {
				t.Errorf("%s: no valid post for channel %s (skipped: %+v)", name, ch, results[name].Skipped)
			}
		}
	}
}

// checkQuality asserts the length and content bars of a long document's derivatives and
// logs the figures.
func checkQuality(t *testing.T, doc *parse.Document, res Result) {
	t.Helper()
	a := extract.Analyze(doc)
	sourceStats := 0
	for _, c := range a.Candidates {
		// Figures in boilerplate (a reference's title) or in sentences no post may use
		// are not findings to post.
		if c.Stat && c.Score > 0 {
			sourceStats++
		}
	}
	linkedIn, blogWords, snippets, stats, quotes := 0, 0, 0, 0, 0
	for _, d := range res.Derivatives {
		switch d.Kind {
		case channel.KindLinkedIn:
			linkedIn = utf8.RuneCountInString(d.Text)
		case channel.KindBlog:
			blogWords = parse.ReadingWords(withoutLine(d.Blog.Markdown, d.Backlink))
		case channel.KindSnippet:
			snippets++
			switch d.Type {
			case SnippetStat:
				stats++
			case SnippetQuote:
				quotes++
			case SnippetKeyPoint:
				// The preamble has no heading to link to; every other key point deep-links.
				if u, err := url.Parse(d.Backlink); d.Section != nil && (err != nil || u.Fragment != d.Section.Anchor) {
					t.Errorf("key point %d is not anchored to its section %q: %q", d.Ordinal, d.Section.Anchor, d.Backlink)
				}
			}
		}
	}
	t.Logf("linkedin %d chars, blog %d words, %d snippets (%d stats of %d stat sentences, %d quotes)",
		linkedIn, blogWords, snippets, stats, sourceStats, quotes)
	switch {
	case linkedIn == 0 && !skippedKind(res, channel.KindLinkedIn):
		t.Errorf("no LinkedIn post and no reason")
	case linkedIn > linkedInMaxChars:
		t.Errorf("linkedin post has %d characters, want at most %d", linkedIn, linkedInMaxChars)
	}
	titleElsewhere := !langid.WrittenIn(doc.Title, doc.Lang) // no teaser: see TestDeriveCorpus
	flat := blogWords == 0 && flatSourceSkipped(doc, res, channel.KindBlog)
	if !titleElsewhere && !flat && (blogWords < blogMinWords || blogWords > blogMaxWords) {
		t.Errorf("blog teaser has %d words, want %d-%d", blogWords, blogMinWords, blogMaxWords)
	}
	// The best figures open posts; a figure no post carries is a stat snippet. Either
	// way, a source that states figures has them said.
	if sourceStats > 0 && stats == 0 && !statPosted(a, res) {
		t.Errorf("the source states %d figures, but no post or stat snippet carries one", sourceStats)
	}
}

// flatSourceSkipped reports a LinkedIn post, a blog teaser or a channel's single posts
// left out, with the reason, of a source that states no finding to open them with (see TestNoFlatPosts),
// or, for LinkedIn, too few claims to list under it; or key points left out of a source
// whose every claim a post says already: the test's own reading of the source, not the
// deriver's word for it.
func flatSourceSkipped(doc *parse.Document, res Result, kind channel.Kind) bool {
	if kind == channel.KindSnippet {
		return skippedKind(res, kind) && everyClaimPosted(doc, res)
	}
	opens := kind == channel.KindLinkedIn || kind == channel.KindTweet || kind == channel.KindMastodon ||
		kind == channel.KindBluesky || kind == channel.KindThreads || kind == channel.KindBlog
	if !opens || !skippedKind(res, kind) {
		return false
	}
	a := extract.Analyze(doc)
	for _, c := range a.Candidates {
		if c.Score > 0 && c.Finding() {
			return kind == channel.KindLinkedIn && fewClaims(a)
		}
	}
	return true
}

// everyClaimPosted reports a source none of whose weighty claims (a finding with its
// stake, not hedged, no question) that read alone and say something (as long as a
// takeaway at least) is left for a key point: each is in a post already, or there is none.
func everyClaimPosted(doc *parse.Document, res Result) bool {
	a := extract.Analyze(doc)
	for i := range a.Candidates {
		c := &a.Candidates[i]
		if c.Score <= 0 || !claim.Weighty(c, a.Lang) || claim.Labelled(c.Text) || claim.Presumes(a, i) ||
			utf8.RuneCountInString(c.Text) < minUsefulChars || strings.HasSuffix(c.Text, "?") || strings.HasSuffix(c.Text, "？") {
			continue
		}
		if !slices.ContainsFunc(res.Derivatives, func(d Derivative) bool { return strings.Contains(d.Template, c.Text) }) {
			return false
		}
	}
	return true
}

// fewClaims reports a source with too few claims to list under a LinkedIn post's first
// line: fewer than five sections hold a weighty claim (a finding with its stake, not
// hedged, no question) short enough for a takeaway that reads alone. Five leave three
// takeaways beside the first line's and its context's sections however they fall.
func fewClaims(a *extract.Analysis) bool {
	sections := map[int]bool{}
	for i := range a.Candidates {
		c := &a.Candidates[i]
		if c.Score > 0 && claim.Weighty(c, a.Lang) && !strings.HasSuffix(c.Text, "?") && !strings.HasSuffix(c.Text, "？") &&
			utf8.RuneCountInString(c.Text) <= takeawayChars && !claim.Labelled(c.Text) && !claim.Presumes(a, i) {
			sections[c.Section] = true
		}
	}
	return len(sections) < 5
}

// statPosted reports whether a post (not a snippet) opens with one of the source's
// figures.
func statPosted(a *extract.Analysis, res Result) bool {
	for _, c := range a.Candidates {
		if !c.Stat || c.Score <= 0 {
			continue
		}
		for _, d := range res.Derivatives {
			if d.Kind != channel.KindSnippet && strings.Contains(d.Template, c.Text) {
				return true
			}
		}
	}
	return false
}

// withoutLine drops the lines of text that hold s (the teaser's link line).
func withoutLine(text, s string) string {
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		if s == "" || !strings.Contains(l, s) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// checkResult asserts what every derived document must give: valid derivatives with their
// links, and each kind at least once (snippets minSnippets times) unless Skipped says why
// not — a short document gives fewer posts rather than repeat itself.
func skippedKind(res Result, kind channel.Kind) bool {
	for _, s := range res.Skipped {
		if s.Kind == kind && s.Reason != "" {
			return true
		}
	}
	return false
}

func checkResult(t *testing.T, res Result, minSnippets int) {
	t.Helper()
	count := map[channel.Kind]int{}
	ids := map[string]bool{}
	for _, d := range res.Derivatives {
		count[d.Kind]++
		if ids[d.ID] {
			t.Errorf("duplicate ID %s", d.ID)
		}
		ids[d.ID] = true
		if !strings.Contains(d.Template, channel.LinkSlot) {
			t.Errorf("%s #%d: template has no link slot", d.Kind, d.Ordinal)
		}
		if text := channel.Render(d.Channel, d.Template, d.Backlink).Text; d.Text != text {
			t.Errorf("%s #%d: text is not the template rendered with the backlink", d.Kind, d.Ordinal)
		}
		if d.Length == nil || !d.Length.Valid {
			t.Errorf("%s #%d: not valid: %+v", d.Kind, d.Ordinal, d.Length)
		}
		// Plain-text channels carry no Markdown or HTML syntax and no undecoded entities.
		if d.Kind != channel.KindBlog {
			body := strings.ReplaceAll(d.Template, channel.LinkSlot, "")
			for _, markup := range []string{"**", "](", "<p>", "</", "&amp;", "&lt;", "&quot;", "```"} {
				if strings.Contains(body, markup) {
					t.Errorf("%s #%d carries markup %q: %q", d.Kind, d.Ordinal, markup, body)
				}
			}
		}
		switch d.Kind {
		case channel.KindTweet, channel.KindSnippet:
			if l := channel.CountX(d.Text); !l.Valid {
				t.Errorf("%s #%d invalid on X (%d): %q", d.Kind, d.Ordinal, l.Weighted, d.Text)
			}
		case channel.KindThread:
			if n := len(d.Parts); n < minThreadPoints+3 || n > maxThread {
				t.Errorf("thread has %d posts", n)
			}
			for i, p := range d.Parts {
				if l := channel.CountX(p.Text); !l.Valid || l != p.Length {
					t.Errorf("thread post %d invalid on X (%d): %q", i+1, l.Weighted, p.Text)
				}
			}
		case channel.KindLinkedIn:
			if n := utf8.RuneCountInString(d.Text); n > channel.LimitLinkedIn {
				t.Errorf("linkedin post has %d characters", n)
			}
		case channel.KindBlog:
			if n := utf8.RuneCountInString(d.Blog.MetaDescription); n > metaDescChars || n == 0 {
				t.Errorf("meta description has %d characters", n)
			}
			if n := len(d.Blog.Takeaways); n < minTakeaways || n > maxTakeaways {
				t.Errorf("blog has %d takeaways", n)
			}
		}
	}
	for kind, min := range map[channel.Kind]int{channel.KindTweet: 1, channel.KindThread: 1, channel.KindLinkedIn: 1, channel.KindBlog: 1, channel.KindSnippet: minSnippets} {
		if count[kind] < min && !skippedKind(res, kind) {
			t.Errorf("%d %s derivatives, want at least %d or a reason (skipped: %+v)", count[kind], kind, min, res.Skipped)
		}
	}
}
