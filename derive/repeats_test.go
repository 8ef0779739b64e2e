package derive

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/posted"
	"github.com/repurpose/repurpose/parse"
)

// postsOf is what a source's derivatives have on the accounts, as the pipeline passes it.
func postsOf(res Result) map[channel.Name][]string {
	out := map[channel.Name][]string{}
	for _, d := range res.Derivatives {
		out[d.Channel] = append(out[d.Channel], d.Template)
	}
	return out
}

// docSentences are the document's sentences of five words or more (quotations too), by
// their words.
func docSentences(doc *parse.Document) []string {
	var out []string
	add := func(text string) {
		for _, s := range parse.Sentences(text) {
			if k := posted.Words(s); strings.Count(k, " ") >= 4 {
				out = append(out, k)
			}
		}
	}
	for _, s := range doc.Sections {
		for _, p := range s.Paragraphs {
			add(p)
		}
		for _, l := range s.Lists {
			for _, item := range l {
				add(item)
			}
		}
		for _, q := range s.Quotes {
			add(q.Text)
		}
	}
	return out
}

// says reports whether a post says a sentence of the document (all by their words), and
// not only as a part of a longer one.
func says(post, sentence string, sentences []string) bool {
	in := func(s string) bool { return strings.Contains(" "+posted.Words(post)+" ", " "+s+" ") }
	return in(sentence) && !slices.ContainsFunc(sentences, func(longer string) bool {
		return longer != sentence && strings.Contains(longer, sentence) && in(longer)
	})
}

// onSameAccount reports whether a derivative on ch may reach the followers of one on
// other: the same channel, or a snippet (offered on every social channel) beside a
// social post.
func onSameAccount(ch, other channel.Name) bool {
	social := func(c channel.Name) bool { return c == channel.Any || slices.Contains(channel.Social(), c) }
	return ch == other || (ch == channel.Any || other == channel.Any) && social(ch) && social(other)
}

// TestTheSameTextTwiceRepeatsNoLine: a second source holding another's text (a
// re-upload) posts no sentence the other already posted on the same account, says in
// skipped which posts it could not make and why, naming the other source, and warns
// that it is most likely the wrong file.
func TestTheSameTextTwiceRepeatsNoLine(t *testing.T) {
	doc := parseSample(t, "whitepaper.en.md")
	first := From(doc, Options{Version: strings.Repeat("a", 64)})
	other := posted.Source{Title: "Quiet Pagers", Key: "papers/quiet-pagers.md", Posts: postsOf(first)}
	opt := Options{Version: strings.Repeat("b", 64), Others: []posted.Source{other}}
	second := From(parseSample(t, "whitepaper.en.md"), opt)

	sentences := docSentences(doc)
	repeats := 0
	for _, d := range second.Derivatives {
		for _, o := range first.Derivatives {
			if !onSameAccount(d.Channel, o.Channel) {
				continue
			}
			for _, s := range sentences {
				if says(o.Template, s, sentences) && says(d.Template, s, sentences) {
					repeats++
					t.Errorf("%s %d on %s says again what the first source's %s %d said: %q", d.Kind, d.Ordinal, d.Channel, o.Kind, o.Ordinal, s)
				}
			}
		}
	}
	count := func(r Result) map[kindOn]int {
		n := map[kindOn]int{}
		for _, d := range r.Derivatives {
			n[kindOn{d.Kind, d.Channel}]++
		}
		return n
	}
	had, has := count(first), count(second)
	fewer := 0
	for k, n := range had {
		if has[k] >= n {
			continue
		}
		fewer++
		if !slices.ContainsFunc(second.Skipped, func(s Skipped) bool {
			return s.Kind == k.kind && s.Channel == k.ch && strings.Contains(s.Reason, "«Quiet Pagers»")
		}) {
			t.Errorf("%s on %s: %d made, %d before, and no reason naming the other source in %+v", k.kind, k.ch, has[k], n, second.Skipped)
		}
	}
	if fewer == 0 {
		t.Errorf("the same text made as many posts of every kind (%v) without repeating a line: the test shows nothing", has)
	}
	want := "most of this text is already in «Quiet Pagers» (papers/quiet-pagers.md): posts repeat little; is this the file you meant?"
	if !slices.Contains(second.Warnings, want) {
		t.Errorf("warnings %q, want %q", second.Warnings, want)
	}
	again, _ := json.Marshal(From(parseSample(t, "whitepaper.en.md"), opt))
	if got, _ := json.Marshal(second); string(got) != string(again) {
		t.Error("deriving twice with the same other source gave different JSON")
	}
	t.Logf("first %v; second %v; %d kinds fewer", had, has, fewer)
}

// cachingDoc is a short paper of findings, one section each.
const cachingDoc = `# Faster Builds

Remote caching cut our median CI build from 14 minutes to 5 minutes across 40 repositories.

## Cost

Compute spend on CI fell by 38% in the first quarter, while the number of builds grew by half.

## Reliability

Flaky builds dropped from 9% to 2% of all runs once every runner read from the same cache.

## Adoption

Teams that turned on the cache in week one shipped twice as many releases as teams that waited.
`

// TestALineAnotherSourcePostedIsNotPostedThere: one sentence another source posted on X
// (spelled with other case, spaces and punctuation) is not posted on X again, still goes
// out on another account, and a snippet's line is kept off every social account. One
// shared line is no reason to warn.
func TestALineAnotherSourcePostedIsNotPostedThere(t *testing.T) {
	doc, err := parse.File("builds.md", []byte(cachingDoc), 0)
	if err != nil {
		t.Fatal(err)
	}
	free := From(doc, Options{Version: "0123456789abcdef"})
	x := slices.IndexFunc(free.Derivatives, func(d Derivative) bool { return d.Channel == channel.X })
	if x < 0 {
		t.Fatalf("no post on X: %+v", free.Skipped)
	}
	hook, _, _ := strings.Cut(free.Derivatives[x].Template, "\n")
	postedOn := func(r Result) map[channel.Name]bool {
		on := map[channel.Name]bool{}
		for _, d := range r.Derivatives {
			if strings.Contains(d.Template, hook) {
				on[d.Channel] = true
			}
		}
		return on
	}
	if on := postedOn(free); !on[channel.X] || !on[channel.Mastodon] {
		t.Fatalf("%q is not posted on X and Mastodon (%v): the test shows nothing", hook, slices.Collect(maps.Keys(on)))
	}
	first, rest, _ := strings.Cut(strings.TrimSuffix(hook, "."), " ")
	respelled := strings.ToUpper(first) + "  " + strings.ReplaceAll(rest, " ", " \t") + "!\n\nSee how {link}\n#CI"
	derived := func(ch channel.Name) Result {
		doc, _ := parse.File("builds.md", []byte(cachingDoc), 0)
		return From(doc, Options{Version: "0123456789abcdef",
			Others: []posted.Source{{Title: "Build Notes", Key: "notes.md", Posts: map[channel.Name][]string{ch: {respelled}}}}})
	}
	onX := derived(channel.X)
	if on := postedOn(onX); on[channel.X] || !on[channel.Mastodon] {
		t.Errorf("posted on X (want not): %v; on Mastodon (want yes): %v", on[channel.X], on[channel.Mastodon])
	}
	for _, w := range onX.Warnings {
		if strings.Contains(w, "already in") {
			t.Errorf("one shared line warned of: %q", w)
		}
	}
	if on := postedOn(derived(channel.Any)); len(on) > 0 && !(len(on) == 1 && on[channel.Blog]) {
		t.Errorf("a line another source offers as a snippet is posted on %v", slices.Collect(maps.Keys(on)))
	}
}

// TestAQuotationAnotherSourcePostedIsNotOfferedAgain: a quotation another source already
// offers as a snippet is not offered again, and skipped names that source, also when no
// other sentence of the document was posted.
func TestAQuotationAnotherSourcePostedIsNotOfferedAgain(t *testing.T) {
	text := cachingDoc + `
## Voices

> The cache paid for itself in the first week, and nobody on the team wants to go back.
>
> — Priya Raman, Platform Lead at Northwind
`
	derived := func(others []posted.Source) Result {
		doc, err := parse.File("builds.md", []byte(text), 0)
		if err != nil {
			t.Fatal(err)
		}
		return From(doc, Options{Version: "0123456789abcdef", Others: others})
	}
	quote := func(r Result) *Derivative {
		for i, d := range r.Derivatives {
			if d.Type == SnippetQuote {
				return &r.Derivatives[i]
			}
		}
		return nil
	}
	free := quote(derived(nil))
	if free == nil {
		t.Fatal("no quote snippet: the test shows nothing")
	}
	res := derived([]posted.Source{{Title: "Customer Voices", Key: "voices.md", Posts: map[channel.Name][]string{channel.Any: {free.Template}}}})
	if q := quote(res); q != nil {
		t.Errorf("the quotation is offered again: %q", q.Text)
	}
	if !slices.ContainsFunc(res.Skipped, func(s Skipped) bool {
		return s.Kind == channel.KindSnippet && strings.Contains(s.Reason, "«Customer Voices»")
	}) {
		t.Errorf("no reason names the other source: %+v", res.Skipped)
	}
}
