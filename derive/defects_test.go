package derive

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/derive/hashtag"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

// The objective defects an editor marks F (../shared/quality-rubric.md), checked on every
// corpus document with rules of the test's own, so a change to the filters cannot hide
// one: wrong language, an opening that needs context, a sentence about the document, an
// e-mail address, a fragment hashtag, a sentence repeated on one account, a sentence cut
// with an ellipsis, a year or a version offered as a stat. The target is zero.
func TestCorpusHasNoObjectiveDefects(t *testing.T) {
	docs := corpusDocs(t)
	for _, name := range sortedKeys(docs) {
		t.Run(name, func(t *testing.T) { checkNoObjectiveDefects(t, name, docs[name]) })
	}
}

// TestEditorialDocumentsHaveNoObjectiveDefects runs the same checks on the documents
// unlike the corpus that editors graded (testdata/editorial: a survey report, a press
// release, a case study, essays as HTML and text, guides in six languages).
func TestEditorialDocumentsHaveNoObjectiveDefects(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "editorial", "*.*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no documents in testdata/editorial (%v)", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) { checkNoObjectiveDefects(t, filepath.Base(f), data) })
	}
}

// checkNoObjectiveDefects derives one document and reports every objective defect.
func checkNoObjectiveDefects(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := parse.File(name, data, 10<<20)
	if err != nil {
		t.Fatal(err)
	}
	res := From(doc, testOptions(data))
	lang := langid.Base(doc.Lang)
	tags := map[string]bool{}
	for _, tag := range doc.Meta.Tags {
		tags[hashtag.Fold(tag)] = true
	}
	accounts := map[channel.Name]map[string]string{} // channel → sentence → the post that said it
	say := func(ch channel.Name, where, text string) {
		if accounts[ch] == nil {
			accounts[ch] = map[string]string{}
		}
		for _, s := range parse.Sentences(text) {
			if utf8Len(s) < 20 || strings.HasPrefix(s, "— ") {
				continue // a label, a CTA, a quote's speaker
			}
			if prev, ok := accounts[ch][s]; ok && prev != where {
				t.Errorf("repeat on %s: %s and %s both say %q", ch, prev, where, s)
			}
			accounts[ch][s] = where
		}
	}
	said := string(data) // what the document says: a PDF's bytes are not its text
	if doc.Format == "pdf" {
		said = doc.Markdown()
	}
	for _, d := range res.Derivatives {
		where := string(d.Kind) + "-" + strconv.Itoa(d.Ordinal)
		if langid.Base(d.Locale) != lang {
			t.Errorf("%s: locale %s on a %s document", where, d.Locale, lang)
		}
		if l, ok := labelsFor(lang); ok && lang != "en" && d.CTA != l.CTA[doc.Type] {
			t.Errorf("%s: CTA %q is not in %s", where, d.CTA, lang)
		}
		for _, h := range d.Hashtags {
			if !tags[hashtag.Fold(h)] && !namesTopic(said, h) {
				t.Errorf("%s: hashtag %s is neither one of the document's tags nor a topic it names", where, h)
			}
		}
		var bodies []string
		switch {
		case d.Blog != nil:
			bodies = []string{d.Blog.MetaDescription}
			bodies = append(bodies, d.Blog.Takeaways...)
		case len(d.Parts) > 0:
			for _, p := range d.Parts {
				bodies = append(bodies, postBody(p.Template, d.CTA))
			}
		default:
			bodies = []string{postBody(d.Template, d.CTA)}
		}
		for i, body := range bodies {
			if body == "" {
				continue
			}
			if (i == 0 || d.Kind == channel.KindSnippet) && needsContext(body, lang) {
				t.Errorf("%s opens with words that need context: %q", where, cut(body))
			}
			if aboutDocument(body) {
				t.Errorf("%s talks about the document: %q", where, cut(body))
			}
			if emailRe.MatchString(body) {
				t.Errorf("%s carries an e-mail address: %q", where, cut(body))
			}
			for _, s := range parse.Sentences(body) {
				if strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...") || strings.HasPrefix(s, "…") {
					t.Errorf("%s cuts a sentence: %q", where, cut(s))
				}
			}
		}
		if d.Type == SnippetStat && yearOrVersionOnly.MatchString(d.Template) && !multiplierOrShare.MatchString(d.Template) {
			t.Errorf("%s: a year or a version as a stat: %q", where, d.Template)
		}
		ch := d.Channel
		if d.Kind == channel.KindSnippet {
			ch = "" // offered for every account: checked against each below
		}
		if ch != channel.Blog {
			for _, b := range bodies {
				say(ch, where, b)
			}
		}
	}
	for ch, said := range accounts {
		if ch == "" {
			continue
		}
		for s, where := range accounts[""] {
			if prev, ok := said[s]; ok {
				t.Errorf("repeat on %s: %s and %s both say %q", ch, prev, where, s)
			}
		}
	}
}

var (
	emailRe = regexp.MustCompile(`[\w.+-]+@[\w-]+\.\w+`)
	// A stat whose only figures are years or versions.
	// "3.2x more likely", "2.5 times", "4.5%", "3.5일": a decimal with its unit is no version.
	multiplierOrShare = regexp.MustCompile(`\d\s?(?:x|×|times)\b|\d\s?%|[$€£¥]\s?\d|\d\.\d+[\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}]`)
	yearOrVersionOnly = regexp.MustCompile(`^[^0-9]*(?:(?:19|20)\d\d|v?\d+\.\d+(?:\.\d+)?)[^0-9]*(?:\{link\})?$`)
)

// namesTopic: tag is a well-known topic and the document's text names it, as a whole
// word (or, in scripts without spaces, anywhere).
func namesTopic(text, tag string) bool {
	text = " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, p := range hashtag.TopicPhrases(tag) {
		p = strings.Join(strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
		if r, _ := utf8.DecodeRuneInString(p); script.CJK(r) || unicode.Is(unicode.Hangul, r) {
			if strings.Contains(text, p) {
				return true
			}
		} else if strings.Contains(text, " "+p+" ") {
			return true
		}
	}
	return false
}

// postBody is a post without its CTA, link, hashtags and thread numbering.
func postBody(template, cta string) string {
	body := strings.ReplaceAll(template, channel.LinkSlot, "")
	if cta != "" {
		body = strings.ReplaceAll(body, cta, "")
	}
	body = regexp.MustCompile(`\(\d+/\d+\)\s*$|#\S+`).ReplaceAllString(body, "")
	return strings.TrimSpace(body)
}

// needsContext: the test's own short list of openings that lean on a previous sentence.
func needsContext(text, lang string) bool {
	openers := map[string][]string{
		"en": {"This ", "These ", "Those ", "It ", "They ", "However", "But ", "Also", "Therefore", "Thus", "Such ", "For example", "Most importantly"},
		"es": {"Esto ", "Estos ", "Estas ", "Sin embargo", "Además", "Por ejemplo", "Por lo tanto", "Pero "},
		"it": {"Ciò ", "Questo ", "Questa ", "Questi ", "Queste ", "Inoltre", "Tuttavia", "Quindi", "Ad esempio", "Però "},
		"ja": {"この", "その", "これ", "それ", "しかし", "また、", "さらに", "そのため"},
		"zh": {"这", "此外", "因此", "但是", "然而", "所以", "该"},
		"ko": {"이러한", "하지만", "그러나", "따라서", "또한", "이 "},
	}
	for _, o := range openers[lang] {
		if strings.HasPrefix(text, o) {
			return true
		}
	}
	return false
}

// aboutDocument: the test's own phrases of a sentence about the document itself.
func aboutDocument(text string) bool {
	lower := strings.ToLower(text)
	for _, p := range []string{"this paper", "this document", "this whitepaper", "this white paper", "this section",
		"este documento", "esta sección", "questo documento", "questa sezione", "本書", "本稿", "本文档", "本白皮书", "本节"} {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

func cut(s string) string {
	if r := []rune(s); len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}

func utf8Len(s string) int { return len([]rune(s)) }

// TestTheStatRuleTellsAVersionFromAMultiplier: the harness's own rule flags a year or a
// version offered as a stat, and not a multiplier or a share written with decimals.
func TestTheStatRuleTellsAVersionFromAMultiplierOrMoney(t *testing.T) {
	isVersion := func(s string) bool { return yearOrVersionOnly.MatchString(s) && !multiplierOrShare.MatchString(s) }
	for _, s := range []string{"Kubernetes 1.29 removed the flag. {link}", "Published in 2024. {link}", "Release v2.3.1 is out. {link}"} {
		if !isVersion(s) {
			t.Errorf("%q is not flagged", s)
		}
	}
	for _, s := range []string{"Teams with a platform are 3.2x more likely to deploy on demand. {link}",
		"Pipelines ran 2.5 times longer. {link}", "Churn fell to 4.5% a year. {link}",
		"Median cost per check issued was $4.35. {link}", "The peak labour premium was £1.9 million. {link}"} {
		if isVersion(s) {
			t.Errorf("%q is flagged as a version", s)
		}
	}
}
