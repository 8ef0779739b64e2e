package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/inputs/pdf"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
)

func TestCountPrintsTheChannelsVerdict(t *testing.T) {
	var out bytes.Buffer
	if err := Count(config.Defaults(), strings.NewReader("Read it: https://example.com/a/very/long/path/that/is/long 👩‍👩‍👧‍👦"), &out, "x", false); err != nil {
		t.Fatal(err)
	}
	var r review.CountResult
	json.Unmarshal(out.Bytes(), &r)
	// "Read it: " is 9, the URL counts 23, the space 1, the family emoji 2.
	if r != (review.CountResult{Channel: "x", WeightedLength: 35, Limit: 280, Valid: true}) {
		t.Errorf("count = %+v", r)
	}
	out.Reset()
	in := `"hello"` + "\n" + `"` + strings.Repeat("a", 281) + `"` + "\n"
	if err := Count(config.Defaults(), strings.NewReader(in), &out, "x", true); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"valid":true`) || !strings.Contains(lines[1], `"weighted_length":281`) || !strings.Contains(lines[1], `"valid":false`) {
		t.Errorf("jsonl output:\n%s", out.String())
	}
	if err := Count(config.Defaults(), strings.NewReader("not json\n"), &out, "x", true); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad jsonl line: %v", err)
	}
	if err := Count(config.Defaults(), strings.NewReader("x"), &out, "myspace", false); err == nil {
		t.Error("an unknown channel gave no error")
	}
}

func TestDeriveIsDeterministicAndMatchesTheAPIShape(t *testing.T) {
	cfg := &config.Config{File: *config.Defaults()}
	cfg.Infra, _ = config.FromEnv(func(string) string { return "" })
	data, err := os.ReadFile("../../samples/whitepaper.es.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Derive(t.Context(), cfg, "whitepaper.es.md", "", data, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Derive(t.Context(), cfg, "whitepaper.es.md", "", data, "")
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("two derivations of the same bytes differ")
	}
	if a.Source.Lang != "es" || len(a.Derivatives) == 0 || a.Derivatives[0].Status != "draft" || a.Derivatives[0].Locale != "es" {
		t.Errorf("source %+v, first derivative %+v", a.Source, a.Derivatives[0])
	}
	// An unconfigured campaign is a warning on the source (a typo is shown, not fatal),
	// and an error under campaigns_strict.
	if out, err := Derive(t.Context(), cfg, "x.md", "nosuch", data, ""); err != nil || len(out.Source.Warnings) == 0 || !strings.Contains(out.Source.Warnings[0], `"nosuch"`) {
		t.Errorf("an unconfigured campaign: %v; want the derivatives with a warning naming it", err)
	}
	cfg.File.CampaignsStrict = true
	if _, err := Derive(t.Context(), cfg, "x.md", "nosuch", data, ""); err == nil {
		t.Error("an unconfigured campaign under campaigns_strict gave no error")
	}
}

// `repurpose derive --cards DIR` writes every card and carousel into DIR and lists each
// on its derivative: a stat and a quote snippet each have a card, a PNG of its channel's
// size; the LinkedIn post has its carousel; every post with a link has the title card.
func TestDeriveWithCardsWritesTheImagesEachDerivativeLists(t *testing.T) {
	cfg := &config.Config{File: *config.Defaults()}
	cfg.Infra, _ = config.FromEnv(func(string) string { return "" })
	for _, sample := range []string{"whitepaper.en.md", "whitepaper.ja.md"} {
		data, err := os.ReadFile("../../samples/" + sample)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		out, err := Derive(t.Context(), cfg, sample, "", data, dir)
		if err != nil {
			t.Fatal(err)
		}
		if out.Source.Images != record.ImagesReady {
			t.Errorf("%s: images %q (%s)", sample, out.Source.Images, out.Source.ImagesReason)
		}
		seen := map[string]int{}
		for _, d := range out.Derivatives {
			kinds := map[string]int{}
			for _, m := range d.Media {
				kinds[m.Kind]++
				if m.Alt == "" || m.SHA256 == "" || !strings.HasPrefix(m.File, dir+"/") || m.Key != "" {
					t.Errorf("%s %s: media %+v", sample, d.ID, m)
				}
				body, err := os.ReadFile(m.File)
				if err != nil {
					t.Fatal(err)
				}
				if m.Kind == record.MediaCarousel {
					if !bytes.HasPrefix(body, []byte("%PDF")) || m.Pages < 5 {
						t.Errorf("%s %s: carousel of %d pages is not a PDF", sample, d.ID, m.Pages)
					}
					continue
				}
				img, err := png.Decode(bytes.NewReader(body))
				if err != nil || img.Bounds().Dx() != m.Width || img.Bounds().Dy() != m.Height {
					t.Errorf("%s %s: %s does not decode at %d×%d: %v", sample, d.ID, m.File, m.Width, m.Height, err)
				}
			}
			if d.Backlink != "" && kinds[record.MediaPreview] != 1 {
				t.Errorf("%s %s: no link preview image", sample, d.ID)
			}
			if d.Kind == channel.KindSnippet && (d.Type == "stat" || d.Type == "quote") {
				seen[d.Type]++
				if kinds[record.MediaCard] != 1 {
					t.Errorf("%s: %s snippet %s has no card: %q", sample, d.Type, d.ID, d.Text)
				}
			}
			if d.Kind == channel.KindSnippet && (d.Type == "stat" || d.Type == "key_point") && kinds[record.MediaCard] == 1 {
				seen["finding"]++
			}
			if d.Kind == channel.KindLinkedIn {
				seen["linkedin"]++
				seen["carousel"] += kinds[record.MediaCarousel]
			}
			if d.Kind == channel.KindLinkedIn || d.Kind == channel.KindSnippet && d.Type == "stat" {
				if w := d.Media[0].Width; d.Kind == channel.KindLinkedIn && w != 1080 || d.Kind == channel.KindSnippet && w != 1600 {
					t.Errorf("%s %s: card is %d wide", sample, d.ID, w)
				}
			}
		}
		// A carousel needs four findings (stats and key points) besides the title.
		if want := seen["linkedin"] * min(1, seen["finding"]/4); seen["carousel"] != want {
			t.Errorf("%s: %d carousels, want %d: %v", sample, seen["carousel"], want, seen)
		}
		if sample == "whitepaper.en.md" && (seen["stat"] == 0 || seen["quote"] == 0 || seen["carousel"] == 0) {
			t.Errorf("%s: the sample has no stat, quote or carousel to check: %v", sample, seen)
		}
	}
}

// A talk's transcript derives like a paper: source.format names it, its quotes keep their
// speakers, and --text shows what the derivatives were made from.
func TestDeriveATranscript(t *testing.T) {
	cfg := &config.Config{File: *config.Defaults()}
	cfg.Infra, _ = config.FromEnv(func(string) string { return "" })
	vtt := "WEBVTT\n\nNOTE\ntitle: Platforms that teams love\n\n"
	lines := []string{
		"<v Ana Ruiz>Um, platform teams serve product teams, and they measure adoption every single week of the year.",
		"<v Ana Ruiz>Golden paths are products with users and a roadmap of their own, and they save teams weeks of toil.",
		"<v Ben Ode>So the platform is a product, and developers are its customers who vote with their feet every day.",
		"<v Ben Ode>Teams that adopted the golden path shipped their first service in two days instead of three weeks.",
	}
	for i, l := range lines {
		vtt += fmt.Sprintf("00:00:%02d.000 --> 00:00:%02d.000\n%s\n\n", i*5, i*5+5, l)
	}
	out, err := Derive(t.Context(), cfg, "keynote.vtt", "", []byte(vtt), "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Source.Format != "vtt" || out.Source.Title != "Platforms that teams love" || len(out.Derivatives) == 0 {
		t.Fatalf("format %q title %q, %d derivatives", out.Source.Format, out.Source.Title, len(out.Derivatives))
	}
	attributed := false
	for _, d := range out.Derivatives {
		attributed = attributed || d.Attribution == "Ana Ruiz" || d.Attribution == "Ben Ode"
		if strings.Contains(strings.ToLower(d.Text), "um,") {
			t.Errorf("a filler in %s: %q", d.Kind, d.Text)
		}
	}
	if !attributed {
		t.Error("no derivative carries a speaker as its attribution")
	}
}

// The corpus PDFs derive with their outline and pages; --text prints the document read.
func TestDeriveAPDF(t *testing.T) {
	path := "../../../shared/corpus/pdf/cncf-platforms-whitepaper.en.pdf"
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("the corpus is not beside the repository: %v", err)
	}
	if !pdf.Available() {
		if os.Getenv("CI") == "true" {
			t.Fatal(pdf.ErrNoEngine)
		}
		t.Skip(pdf.ErrNoEngine)
	}
	cfg := &config.Config{File: *config.Defaults()}
	cfg.Infra, _ = config.FromEnv(func(string) string { return "" })
	out, err := Derive(t.Context(), cfg, "platforms.pdf", "", data, "")
	if err != nil {
		t.Fatal(err)
	}
	o := out.Source.Outline
	if out.Source.Format != "pdf" || len(o) < 10 || o[0].Heading != "Introduction" || o[0].Page != 2 || o[0].Anchor != "introduction" {
		t.Fatalf("format %q outline %+v", out.Source.Format, o)
	}
	// A paper read from its pages gets single posts and a blog teaser (X's count takes a
	// localhost link letter by letter, so X is left out here).
	kinds := map[string]int{}
	for _, d := range out.Derivatives {
		kinds[string(d.Kind)]++
	}
	for _, kind := range []string{"mastodon", "bluesky", "threads", "blog"} {
		if kinds[kind] == 0 {
			t.Errorf("no %s among the PDF's derivatives: %v", kind, kinds)
		}
	}
}

// A talk with its recording's address: every post made from what was said links to the
// moment the sentence it opens with was said, a sentence carried over two cues to the
// cue it began in.
func TestDeriveATranscriptLinksEachPostToItsMoment(t *testing.T) {
	cfg := &config.Config{File: *config.Defaults()}
	cfg.Infra, _ = config.FromEnv(func(string) string { return "" })
	said := []string{
		"<v Ana Ruiz>Teams that adopted the golden path shipped their first service in 2 days instead of 3 weeks.",
		"<v Ana Ruiz>Platform teams serve product teams, and they measure adoption every single week of the year.",
		"<v Ana Ruiz>Incidents fell by 43% after the platform team took over on-call for the shared clusters.",
		"<v Ben Ode>But a platform nobody chooses is a cost centre, not a product that developers love to use.",
		"<v Ben Ode>Developers are the customers, and they vote with their feet every single day of the week.",
		"<v Ben Ode>Onboarding a new engineer now takes 4 hours, where it took 2 weeks before the portal existed.",
		"<v Ben Ode>Deploys per team rose from 3 to 11 a week in the first quarter after the paved road opened.",
		"<v Cleo Park>Start with one paved road for the most common service, and measure how many teams take it.",
		"<v Cleo Park>Because a roadmap without users is a wish list, the platform team interviews five teams a month",
		"<v Cleo Park>and publishes what it learned on the internal portal for everyone to read and to challenge.",
		"<v Cleo Park>So treat the platform as a product, and your developers will treat it as theirs.",
	}
	vtt := "WEBVTT\n\nNOTE\ntitle: Platforms that teams love\nvideo_url: https://video.example.com/talk\n\n"
	starts := map[string]int{} // a sentence's words -> when it began, in seconds
	for i, l := range said {
		at := 7 + i*11
		vtt += fmt.Sprintf("00:%02d:%02d.000 --> 00:%02d:%02d.000\n%s\n\n", at/60, at%60, (at+10)/60, (at+10)%60, l)
		text := l[strings.Index(l, ">")+1:]
		if i > 0 && !strings.HasSuffix(said[i-1], ".") {
			continue // the sentence began in the cue before
		}
		starts[words(text)] = at
	}
	out, err := Derive(t.Context(), cfg, "keynote.vtt", "", []byte(vtt), "")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, d := range out.Derivatives {
		if d.Kind == channel.KindBlog {
			continue
		}
		opening := d.Text
		if len(d.Parts) > 0 {
			opening = d.Parts[0].Text
		}
		opening = strings.Trim(strings.SplitN(opening, "\n", 2)[0], "“”\" ")
		if strings.Count(d.Text, opening) > 1 {
			t.Errorf("%s %s says its first line twice (a speaker's quote of it?):\n%s", d.Kind, d.Type, d.Text)
		}
		at, found := -1, ""
		for s, sec := range starts {
			if w := words(opening); strings.HasPrefix(w, s) || strings.HasPrefix(s, w[:min(len(w), 40)]) {
				at, found = sec, s
			}
		}
		if at < 0 {
			t.Errorf("%s %s opens with %q, not a sentence of the talk", d.Kind, d.Type, opening)
			continue
		}
		if want := fmt.Sprintf("#t=%d", at); !strings.HasPrefix(d.Backlink, "https://video.example.com/talk") || !strings.HasSuffix(d.Backlink, want) {
			t.Errorf("%s %s from %q links to %q, want the video at %s", d.Kind, d.Type, found, d.Backlink, want)
		}
		kinds[string(d.Kind)+" "+d.Type] = true
	}
	// The speakers' figures reach the toolkit: in a post, a quote with its speaker, a
	// stat or a key point. ("Incidents fell by 43%…" is answered by the next speaker's
	// "But…": half of a contrast, it is never posted alone.)
	for _, figure := range []string{"2 days instead of 3 weeks", "takes 4 hours", "from 3 to 11"} {
		if !slices.ContainsFunc(out.Derivatives, func(d record.Derivative) bool { return strings.Contains(d.Text, figure) }) {
			t.Errorf("the talk's figure %q is in no derivative (made: %v)", figure, kinds)
		}
	}
	for _, k := range []string{"tweet ", "linkedin ", "snippet quote"} {
		if !kinds[k] {
			t.Errorf("no %s derived from the talk (made: %v)", k, kinds)
		}
	}
}

// words is s's words, lower-cased, without punctuation.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}), " ")
}
