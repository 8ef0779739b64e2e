// Package twin holds a read document against the Markdown it was published from, for the
// readers' corpus tests: how many of the Markdown's headings the outline finds, how many of
// its outline entries are extra, and how many of its body sentences the text keeps.
package twin

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/inputs/doc"
)

// Corpus is the folder of real documents, or "" after skipping the test (failing it
// under CI, where the corpus must be present).
func Corpus(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the corpus %s is missing: %v", dir, err)
		}
		t.Skipf("the corpus %s is missing (it sits beside the repository): %v", dir, err)
		return ""
	}
	return dir
}

var (
	hugoTab     = regexp.MustCompile(`\{\{<\s*tab\s+tabName="([^"]+)"`)
	headingLine = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	numbering   = regexp.MustCompile(`^(\d+(\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+`)
	link        = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	refLink     = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	footRef     = regexp.MustCompile(`\[\^[^\]]*\]`)
	shortcode   = regexp.MustCompile(`\{\{[<%][^}]*[>%]\}\}`)
	frontTitle  = regexp.MustCompile(`(?m)^title:\s*["']?(.*?)["']?\s*$`)
	linkDef     = regexp.MustCompile(`^\[[^\]]+\]:\s`)
	tag         = regexp.MustCompile(`<[^>]+>`)
	sentenceEnd = regexp.MustCompile(`([.!?。！？])\s+`)
)

// Headings are the Markdown's headings of levels 1 to maxLevel, normalised; with maxLevel
// 6, its front matter's title too (a document's title is a heading where it is shown).
func Headings(md string, maxLevel int) []string {
	var out []string
	if maxLevel >= 6 && strings.HasPrefix(md, "---") {
		if end := strings.Index(md[3:], "\n---"); end > 0 {
			if m := frontTitle.FindStringSubmatch(md[:end+3]); m != nil {
				out = append(out, NormHeading(m[1]))
			}
		}
	}
	for _, l := range body(md, true) {
		if m := hugoTab.FindStringSubmatch(l); m != nil && maxLevel >= 6 {
			// A Hugo tab is a section the published page titles.
			out = append(out, NormHeading(m[1]))
		}
		if m := headingLine.FindStringSubmatch(l); m != nil && len(m[1]) <= maxLevel {
			if h := NormHeading(m[2]); h != "" {
				out = append(out, h)
			}
		}
	}
	return out
}

// NormHeading lower-cases a heading and drops its numbering and punctuation.
func NormHeading(s string) string {
	s = link.ReplaceAllString(s, "$1")
	s = strings.ToLower(strings.TrimSpace(tag.ReplaceAllString(s, "")))
	s = numbering.ReplaceAllString(s, "")
	return Norm(s)
}

// Norm keeps letters and digits, one space between words and none between CJK characters
// (a line break in CJK Markdown is not a space in the text).
func Norm(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(words[i-1])
			next, _ := utf8.DecodeRuneInString(w)
			if !(cjk(prev) && cjk(next)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// tokens are the words of normalised text, each CJK character a word of its own.
func tokens(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		start := 0
		for i, r := range w {
			if cjk(r) {
				if i > start {
					out = append(out, w[start:i])
				}
				out = append(out, string(r))
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

func cjk(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) }

// ForPandoc is md without its images and Hugo shortcodes, which pandoc would try to fetch
// or print, and without layout <div> wrappers, in which pandoc starts no slides: they are
// not text.
func ForPandoc(md string) string {
	md = regexp.MustCompile(`(?m)^\s*</?div[^>]*>\s*$`).ReplaceAllString(md, "")
	md = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`).ReplaceAllString(md, "")
	return shortcode.ReplaceAllString(md, "")
}

// Same reports whether two normalised headings name the same section.
func Same(a, b string) bool {
	if a == b {
		return true
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= 8 && strings.Contains(long, short) && len(short)*10 >= len(long)*7
}

// Recall is the share of want found in got, and the share of got that matches nothing in
// all (every heading of the twin, any level).
func Recall(want, got, all []string) (recall, extra float64, missing, extras []string) {
	found := 0
	for _, w := range want {
		ok := false
		for _, g := range got {
			if Same(w, g) {
				ok = true
				break
			}
		}
		if ok {
			found++
		} else {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		ok := false
		for _, w := range all {
			if Same(w, g) {
				ok = true
				break
			}
		}
		if !ok {
			extras = append(extras, g)
		}
	}
	if len(want) > 0 {
		recall = float64(found) / float64(len(want))
	}
	if len(got) > 0 {
		extra = float64(len(extras)) / float64(len(got))
	}
	return recall, extra, missing, extras
}

// Sentences are the Markdown's body sentences of at least minWords words, normalised:
// prose paragraphs and list items, not headings, code, tables or HTML.
func Sentences(md string, minWords int) []string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range body(md, false) {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || headingLine.MatchString(t) || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "<") || strings.HasPrefix(t, "[^") || linkDef.MatchString(t):
			flush()
			continue
		case regexp.MustCompile(`^([-*+]|\d+[.)])\s+`).MatchString(t):
			flush()
			t = regexp.MustCompile(`^([-*+]|\d+[.)])\s+`).ReplaceAllString(t, "")
		}
		cur = append(cur, strings.TrimLeft(t, "> "))
	}
	flush()
	var out []string
	for _, p := range paras {
		p = shortcode.ReplaceAllString(p, "")
		p = link.ReplaceAllString(p, "$1")
		p = refLink.ReplaceAllString(p, "$1")
		p = footRef.ReplaceAllString(p, "")
		p = tag.ReplaceAllString(p, "")
		for _, s := range sentenceEnd.Split(p, -1) {
			if n := Norm(s); len(strings.Fields(n)) >= minWords {
				out = append(out, n)
			}
		}
	}
	return out
}

// SentenceRecall is the share of sentences found in text, and those missing. A sentence
// counts as found when at least 85% of its three-word runs are in the text: the published
// Markdown is at times a later edit of the PDF ("behaviour" became "behavior"), and a
// sentence read whole but for such an edit has been read.
func SentenceRecall(sentences []string, text string) (float64, []string) {
	words := tokens(Norm(text))
	grams := map[string]bool{}
	for i := 0; i+3 <= len(words); i++ {
		grams[strings.Join(words[i:i+3], " ")] = true
	}
	hay := " " + Norm(text) + " "
	var missing []string
	for _, s := range sentences {
		if strings.Contains(hay, " "+s+" ") {
			continue
		}
		w := tokens(s)
		found, total := 0, 0
		for i := 0; i+3 <= len(w); i++ {
			total++
			if grams[strings.Join(w[i:i+3], " ")] {
				found++
			}
		}
		if total == 0 || found*100 < total*85 {
			missing = append(missing, s)
		}
	}
	if len(sentences) == 0 {
		return 0, nil
	}
	return 1 - float64(len(missing))/float64(len(sentences)), missing
}

// body is the Markdown's lines without front matter and code blocks.
func body(md string, keepHeadings bool) []string {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	var out []string
	fence := false
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") || strings.HasPrefix(strings.TrimSpace(l), "~~~") {
			fence = !fence
			continue
		}
		if fence || strings.HasPrefix(l, "    ") && !strings.HasPrefix(strings.TrimSpace(l), "-") && !strings.HasPrefix(strings.TrimSpace(l), "*") {
			continue
		}
		out = append(out, l)
	}
	_ = keepHeadings
	return out
}

// SectionInTwin reports whether a section's prose is in the twin at all: at least a third
// of its three-word runs are in the twin's sentences.
func SectionInTwin(twinSentences []string, text string) bool {
	grams := map[string]bool{}
	for _, s := range twinSentences {
		w := tokens(s)
		for i := 0; i+3 <= len(w); i++ {
			grams[strings.Join(w[i:i+3], " ")] = true
		}
	}
	w := tokens(Norm(text))
	found, total := 0, 0
	for i := 0; i+3 <= len(w); i++ {
		total++
		if grams[strings.Join(w[i:i+3], " ")] {
			found++
		}
	}
	return total < 6 || found*3 >= total
}

// Pandoc is the path of pandoc, or skips the test without it (failing under CI, where
// scripts/test.sh installs it).
func Pandoc(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("pandoc")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pandoc is not installed (Debian package pandoc)")
		}
		t.Skip("pandoc is not installed (Debian package pandoc)")
	}
	return p
}

// Check holds a document read from a file made of md against md: at least minHeadings of
// its headings (levels 1-3) in the outline, at most 10% extra entries, and at least
// minSentences of its body sentences in the Markdown text.
func Check(t *testing.T, d *doc.Document, md string, minHeadings, minSentences float64) {
	t.Helper()
	var got []string
	for _, e := range d.Outline() {
		got = append(got, NormHeading(e.Heading))
	}
	recall, extra, missing, extras := Recall(Headings(md, 3), got, Headings(md, 6))
	t.Logf("headings: recall %.0f%%, extra %.0f%% (%d entries)", 100*recall, 100*extra, len(got))
	if recall < minHeadings {
		t.Errorf("outline found %.0f%% of the headings, want >= %.0f%%; missing: %q", 100*recall, 100*minHeadings, missing)
	}
	if extra > 0.10 {
		t.Errorf("outline has %.0f%% extra entries, want <= 10%%: %q", 100*extra, extras)
	}
	sr, smissing := SentenceRecall(Sentences(md, 4), d.Markdown())
	t.Logf("body sentences: %.1f%%", 100*sr)
	if sr < minSentences {
		t.Errorf("text keeps %.1f%% of the body sentences, want >= %.0f%%; missing e.g. %q", 100*sr, 100*minSentences, smissing[:min(len(smissing), 8)])
	}
}

// CheckOfficeCorpus writes every corpus Markdown file to an Office file with pandoc (ext
// .docx or .pptx, with extra pandoc arguments), reads it back with read and holds the
// document against the Markdown: at least 95% of its headings and of its body sentences.
func CheckOfficeCorpus(t *testing.T, ext string, pandocArgs []string, read func([]byte, doc.Limits) (*doc.Document, error)) {
	corpus := Corpus(t)
	pandoc := Pandoc(t)
	mds, _ := filepath.Glob(filepath.Join(corpus, "*.md"))
	for _, md := range mds {
		name := strings.TrimSuffix(filepath.Base(md), ".md")
		if name == "README" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(md)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), name+ext)
			cmd := exec.Command(pandoc, append(append([]string{"-f", "markdown"}, pandocArgs...), "-o", out)...)
			cmd.Stdin = strings.NewReader(ForPandoc(string(src)))
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pandoc: %v\n%s", err, b)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			d, err := read(data, doc.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			Check(t, d, string(src), 0.95, 0.95)
		})
	}
}
