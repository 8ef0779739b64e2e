package derive

import (
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/brandrules"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/derive/moments"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// threadDoc states enough findings, one section each, for the tweets and a thread, and
// ends on a recommendation after a few plain sections.
const threadDoc = `---
title: Quiet Releases
---
# Quiet Releases

We followed twelve release teams at one company for a year and recorded every change they shipped to production.

## Results

Teams that release weekly had a change failure rate of 8% against 19% for quarterly teams.

## Batches

Small changes fail less often because a reviewer can read every line of the change before the release.

## Deploys

Manual deploys cost each team two evenings a month, so the weekly teams automated them end to end.

## Ownership

Weekly teams whose developers carry the pager for their own changes fix alerts faster than teams with a separate operations team.

## Flags

Feature flags let teams ship unfinished work without exposing it, so a release no longer waits for the slowest change.

## Rollbacks

Teams that could roll back in one click recovered from a failed change in 20 minutes instead of four hours.

## Outages

Most outages in the study started with a configuration change rather than a code change.

## Freezes

A release freeze before the holidays doubled the size of the first release after it, and with it the risk of a failed change.

## Reviews

A weekly team rarely merges a change that takes longer than a day to review, unless the change is behind a flag.

## Method

The study read the incident reports of each group at the end of every quarter.

## Teams

The groups owned between four and eleven services each.

## Tools

Every team used the same build server and the same deployment scripts during the study.

## Offices

The participants worked from offices in Lisbon, Toronto and Singapore, with some people fully remote.

## Interviews

Each engineer answered a short survey about workload and sleep at the start and at the end.

## Languages

Most services were written in Go or Java, and a few older ones in Python.


## What to do

Teams should start with one repository and measure the failure rate for a month before changing the rest.
`

// TestThreadNeedsStrongPoints: once the tweets have said the best findings, a source
// with one finding left gets no thread padded with plain statements, and says why.
func TestThreadNeedsStrongPoints(t *testing.T) {
	res := deriveText(t, "quiet.md", findingsDoc)
	if th := only(t, res, channel.KindThread); th != nil {
		t.Errorf("a thread from too few findings:\n%s", th.Template)
	}
	found := false
	for _, s := range res.Skipped {
		// Either no figure is left to open it, or too few findings to follow the hook.
		found = found || s.Kind == channel.KindThread &&
			(strings.Contains(s.Reason, "a thread needs 3") || strings.Contains(s.Reason, "no figure the account has not posted yet opens a thread"))
	}
	if !found {
		t.Errorf("no reason for the missing thread: %+v", res.Skipped)
	}
}

// TestThreadPointsAreCentral: a striking aside far from the document's subject (a
// fine in the car park of a study about releases) is no point of its thread.
func TestThreadPointsAreCentral(t *testing.T) {
	const aside = "Visitors who park in the north garage rather than on the street risk a costly fine, because its gate closes early."
	text := strings.Replace(threadDoc, "## Flags\n", "## Visits\n\n"+aside+"\n\n## Flags\n", 1)
	a, by := analyzed(t, "quiet.md", text)
	if c := by[aside]; c == nil || !c.Finding() || !claim.Weighty(c, "en") {
		t.Fatalf("the aside is no weighty finding: the test's premise")
	}
	index := func(s string) int {
		for i, c := range a.Candidates {
			if c.Text == s {
				return i
			}
		}
		t.Fatalf("%q is no candidate", s)
		return -1
	}
	d := &deriver{a: a}
	hook := index("Most outages in the study started with a configuration change rather than a code change.")
	payoff := index("Teams should start with one repository and measure the failure rate for a month before changing the rest.")
	points := d.threadPoints(hook, payoff, map[int]bool{}, func(*extract.Candidate) bool { return true })
	if len(points) < minThreadPoints {
		t.Fatalf("%d points", len(points))
	}
	for _, i := range points {
		if a.Candidates[i].Text == aside {
			t.Errorf("the aside is a point of the thread")
		}
	}
}

// analyzed is the analysis of a made-up document and its candidates by text.
func analyzed(t *testing.T, name, text string) (*extract.Analysis, map[string]*extract.Candidate) {
	t.Helper()
	doc, err := parse.File(name, []byte(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	a := extract.Analyze(doc)
	by := map[string]*extract.Candidate{}
	for i := range a.Candidates {
		by[a.Candidates[i].Text] = &a.Candidates[i]
	}
	return a, by
}

// TestLinkedInLeadsWithTheStrongestFinding: LinkedIn is an account of its own; it opens
// with the document's strongest finding even when a tweet did, its context line is about
// the same subject, and no takeaway is a definition or a question.
func TestLinkedInLeadsWithTheStrongestFinding(t *testing.T) {
	text := strings.Replace(threadDoc, "We followed twelve release teams at one company for a year and recorded every change they shipped to production.",
		"A company is an organisation of people with a common purpose. The failure rate of a team is the share of its changes that fail in production.", 1)
	text = strings.Replace(text, "## Tools\n\nEvery team used the same build server and the same deployment scripts during the study.",
		"## Tools\n\nA build server is a machine that compiles code for a team.\n\n## Questions\n\nWhat makes a release calm for the people who ship it?", 1)
	res := deriveText(t, "quiet.md", text)
	li := only(t, res, channel.KindLinkedIn)
	if li == nil {
		t.Fatalf("no LinkedIn post: %+v", res.Skipped)
	}
	var first string
	for _, d := range res.Derivatives {
		if d.Kind == channel.KindTweet && d.Ordinal == 1 {
			first, _, _ = strings.Cut(d.Template, "\n")
		}
	}
	paras := strings.Split(li.Template, "\n\n")
	if paras[0] != first {
		t.Errorf("first line %q, want the strongest finding %q", paras[0], first)
	}
	if paras[1] != "The failure rate of a team is the share of its changes that fail in production." {
		t.Errorf("context %q, want the summary's sentence about the hook's subject", paras[1])
	}
	for _, l := range strings.Split(li.Template, "\n") {
		if strings.HasPrefix(l, "• ") && (strings.Contains(l, " is a machine") || strings.HasSuffix(l, "?")) {
			t.Errorf("takeaway %q is a definition or a question", l)
		}
	}
}

// TestKeyPointsSayDifferentThings: of the key points a source offers, none is a
// definition, at most a few are plain (a hope or a bare requirement counts as plain),
// and of two sentences that say the same only the stronger is one.
func TestKeyPointsSayDifferentThings(t *testing.T) {
	text := `---
title: Small Batches
---
# Small Batches

## Reviews

Small changes fail less often because a reviewer can read every line before it ships. Reviews of large changes took the reviewers of every team twice as long.

## Batches

Because a reviewer can read every line before it ships, small changes fail less often in production. The teams split their work into changes of a few dozen lines.

## Terms

A release train is a schedule that ships whatever is ready on a fixed day. The platform group runs the release train for the company.

## Teams

The teams kept their own release notes and shared them with the support desk every quarter. Support engineers read the notes before they answered customers.

## Hopes

Ideally every team will release weekly to increase the likelihood of a calm release. The teams agreed on that goal at the start of the year.

## Scaling

A release service should be able to automatically increase and decrease the number of its workers. The service runs in the same cluster as the teams' applications.
`
	doc, err := parse.File("batches.md", []byte(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Version: "0123456789abcdef", PublicPageURL: "https://example.com/p/x"}
	d := &deriver{a: extract.Analyze(doc), opt: opt, links: newLinker(doc, opt, "awareness"), brand: brandrules.New(opt.Brand),
		counts: map[countKey]channel.Length{}, said: memory{}, moments: moments.New(doc.Moments)}
	d.snippetLink = d.longestSnippetLink()
	points := d.keyPointSnippets(map[int]bool{}, false)
	if len(points) == 0 {
		t.Fatal("no key points")
	}
	plain := 0
	for _, p := range points {
		for _, c := range d.a.Candidates {
			if c.Text == p.text && !claim.Weighty(&c, "en") {
				plain++
			}
		}
	}
	if plain > plainKeyPoints {
		t.Errorf("%d key points are plain, hopes or bare requirements; at most %d may be", plain, plainKeyPoints)
	}
	for i, p := range points {
		if strings.Contains(p.text, "is a schedule") {
			t.Errorf("a definition as a key point: %q", p.text)
		}
		for _, q := range points[i+1:] {
			if claim.Same(p.text, q.text, "en") {
				t.Errorf("two key points say the same:\n%s\n%s", p.text, q.text)
			}
		}
	}
}

// TestKeyPointsAreClaims: beside a source's findings, a plain description ("The platform
// group runs the release train…") is no key point.
func TestKeyPointsAreClaims(t *testing.T) {
	const text = `---
title: Release Habits
---
# Release Habits

## Queues

Shops that moved checkout writes to a queue lost 35% fewer orders during peak traffic.

## Trains

The platform group runs the release train for the company every Thursday afternoon. Each team sends one engineer to the train's planning call on Wednesday.

## Fridays

Teams that deploy on Fridays lose 40% more weekends to incidents than teams that deploy on Tuesdays.

## Reviews

Unreviewed changes caused 2.1 times as many rollbacks as reviewed ones in the first quarter.
`
	for _, d := range deriveText(t, "habits.md", text).Derivatives {
		if d.Kind == channel.KindSnippet && strings.Contains(d.Template, "release train") {
			t.Errorf("a plain description as a key point: %s", d.Template)
		}
	}
}

// TestASourceOfDescriptionsOffersItsBestForReview: notes that make no post and state no
// claim still offer their best statement as a key point, rather than failing as empty.
func TestASourceOfDescriptionsOffersItsBestForReview(t *testing.T) {
	const text = `Notes from the board

Two customers said they would pay more for scheduled exports.

The board meets again in the spring at the same office.
`
	res := deriveText(t, "notes.txt", text)
	if len(res.Derivatives) != 1 || res.Derivatives[0].Kind != channel.KindSnippet ||
		!strings.HasPrefix(res.Derivatives[0].Template, "Two customers said they would pay more") {
		t.Fatalf("want the one key point, got %+v (skipped %+v)", res.Derivatives, res.Skipped)
	}
}

// controllersDoc has a long section whose best passage opens on sentences that recall
// the reader's way through the document.
const controllersDoc = `---
title: Quiet Releases
---
# Quiet Releases

We followed twelve release teams at one company for a year and recorded every change they shipped to production.

## Results

Teams that release weekly had a change failure rate of 8% against 19% for quarterly teams. The gap held in every quarter of the study.

## Batches

Small changes fail less often because a reviewer can read every line before it ships. Reviewers of large changes skim, and skimming misses the line that breaks production.

## Deploys

Manual deploys cost each team two evenings a month, so the weekly teams automated them end to end. An automated deploy runs the same steps every time, in the same order.

## Controllers

Along with their pipelines, most weekly teams run at least one release controller. These controllers are small services that watch the main branch and promote a change when its checks pass. This is the same way that the deploy tooling itself is built. You may have seen release bots mentioned in your journey so far. However, as was demonstrated with the pipelines, controllers can promote changes without anyone staying late. By putting promotion into code, every release follows the same path and leaves the same record. Keeping people out of the loop on routine promotions also means that no step is skipped when the team is busy. Teams that adopted a controller reported fewer late-night releases within a quarter. The controller also made it easy to pause every release at once when an incident was open. A paused release resumes by itself when the incident is closed, so nobody has to remember to restart it. Over the year the controllers promoted more than four thousand changes between them. None of those promotions needed a person to press a button or to watch a dashboard late at night.

## Ownership

Developers who carry the pager for their own code fix alerts faster than a separate operations team. They also write better alerts, because they are the ones woken up by the bad ones.

## What to do

Teams should start with one repository and measure the failure rate for a month before changing the rest. The numbers from that month make the case for the next repository.
`

// TestTeaserPassageNeedsNoEarlierPages: "Why it matters" holds no sentence that leans
// on pages the teaser's reader never saw ("as was demonstrated", "your journey so far").
func TestTeaserPassageNeedsNoEarlierPages(t *testing.T) {
	b := only(t, deriveText(t, "controllers.md", controllersDoc), channel.KindBlog)
	if b == nil {
		t.Fatal("no blog teaser")
	}
	_, why, found := strings.Cut(b.Blog.Markdown, "## Why it matters")
	if !found {
		t.Fatalf("no passage:\n%s", b.Blog.Markdown)
	}
	for _, s := range []string{"journey", "as was demonstrated", "You may have seen"} {
		if strings.Contains(why, s) {
			t.Errorf("the passage recalls the document (%q):%s", s, why)
		}
	}
}

// italianBody is six sections of Italian text under the given title.
func italianBody(title string) string {
	return `---
title: ` + title + `
lang: it
---
# ` + title + `

La sicurezza delle applicazioni deve essere curata lungo tutto il ciclo di vita del software.

## Attacchi

Gli attaccanti sfruttano le configurazioni errate più spesso delle vulnerabilità del codice.

## Segreti

Un gestore di segreti esterno riduce il rischio di esporre le chiavi nei repository.

## Privilegi

Le organizzazioni devono applicare il principio del privilegio minimo a ogni livello della loro architettura.

## Monitoraggio

Senza un monitoraggio regolare, i carichi di lavoro diventano una superficie di attacco incontrollata.

## Immagini

Le immagini firmate impediscono a un attaccante di sostituire un container durante il rilascio.
`
}

// TestTitleInAnotherLanguageNeedsReview: a title in another language than the text is
// one warning naming both languages, and every derivative — not only the teaser that
// opens with the title — waits for a person's review with that reason. A title in the
// text's language changes nothing.
func TestTitleInAnotherLanguageNeedsReview(t *testing.T) {
	res := deriveText(t, "sicurezza.md", italianBody("Cloud Native Security Whitepaper"))
	if only(t, res, channel.KindBlog) == nil {
		t.Fatalf("no blog teaser: a title in the same script still heads one (skipped: %+v)", res.Skipped)
	}
	var warnings []string
	for _, w := range res.Warnings {
		if strings.Contains(w, "«Cloud Native Security Whitepaper»") {
			warnings = append(warnings, w)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "English") || !strings.Contains(warnings[0], "Italian") {
		t.Fatalf("warnings %q, want one naming the title, English and Italian", res.Warnings)
	}
	kinds := map[channel.Kind]bool{}
	for _, d := range res.Derivatives {
		kinds[d.Kind] = true
		if !strings.Contains(d.NeedsReview, warnings[0]) {
			t.Errorf("%s %d needs_review %q, want the title's warning", d.Kind, d.Ordinal, d.NeedsReview)
		}
	}
	if !kinds[channel.KindTweet] || !kinds[channel.KindMastodon] {
		t.Errorf("kinds made %v: want tweets and Mastodon posts to check the rule on", kinds)
	}

	same := deriveText(t, "sicurezza.md", italianBody("La sicurezza delle applicazioni cloud native"))
	for _, d := range same.Derivatives {
		if d.NeedsReview != "" {
			t.Errorf("Italian title: %s needs review: %q", d.Kind, d.NeedsReview)
		}
	}
	if len(same.Warnings) != 0 {
		t.Errorf("Italian title: warnings %q", same.Warnings)
	}
}

// TestTitleInAnotherScript: a Korean title over English text (a translation's page
// whose body was never translated) leaves the teaser out and sends every other
// derivative to review, in a marketer's words.
func TestTitleInAnotherScript(t *testing.T) {
	text := `# 클라우드 네이티브 보안 백서

## Attacks

Attackers exploit misconfigured clusters far more often than flaws in application code.

## Secrets

An external secrets manager cut the number of leaked keys in repositories from 41 to 3 in one year.

## Privileges

Teams that apply least privilege at every layer contain a breach in hours rather than weeks.

## Monitoring

Without regular monitoring, workloads become an attack surface that nobody controls.
`
	res := deriveText(t, "security.md", text)
	want := "the title «클라우드 네이티브 보안 백서» is in Korean but the text in English: is this the translation you meant? Posts are in English"
	if !slices.Contains(res.Warnings, want) {
		t.Errorf("warnings %q, want %q", res.Warnings, want)
	}
	if only(t, res, channel.KindBlog) != nil || !slices.ContainsFunc(res.Skipped, func(s Skipped) bool { return s.Channel == channel.Blog }) {
		t.Errorf("a teaser under a Korean title over English text, or no reason given: %+v", res.Skipped)
	}
	if len(res.Derivatives) == 0 {
		t.Fatalf("no derivatives: %+v", res.Skipped)
	}
	for _, d := range res.Derivatives {
		if !strings.Contains(d.NeedsReview, want) {
			t.Errorf("%s %d needs_review %q, want the title's warning", d.Kind, d.Ordinal, d.NeedsReview)
		}
	}
}

// TestRecallingsForEveryLabelLanguage: every language with built-in texts has the words
// that tell a teaser's passage leans on earlier pages.
func TestRecallingsForEveryLabelLanguage(t *testing.T) {
	for lang := range labelsByLang {
		if len(claim.Recallings[lang]) == 0 {
			t.Errorf("no recalling words for %s", lang)
		}
	}
}

// TestAThreadOpensWithAFigure: a document of risks and contrasts without a figure the
// tweets left makes no thread (it reads as a list of claims), and says why.
func TestAThreadOpensWithAFigure(t *testing.T) {
	doc := "---\ntitle: Quiet Releases\n---\n# Quiet Releases\n"
	for _, s := range []string{
		"Teams that deploy on Fridays lose weekends to incidents nobody planned for.",
		"Platform teams that rely on top-down mandates meet resistance from the teams they serve.",
		"Weekly teams whose developers carry the pager fix alerts faster than teams with a separate operations team.",
		"Unreviewed configuration changes expose production clusters to attackers who scan for open dashboards.",
		"Most outages in the study started with a configuration change rather than a code change.",
		"Shared credentials leak through chat logs, so one compromised laptop opens every environment.",
		"Teams that skip the post-incident review repeat the same outage within the quarter.",
	} {
		doc += "\n## " + strings.Fields(s)[1] + "\n\n" + s + "\n"
	}
	res := deriveText(t, "quiet.md", doc)
	if th := only(t, res, channel.KindThread); th != nil {
		t.Errorf("a thread without a figure:\n%s", th.Template)
	}
	if !slices.ContainsFunc(res.Skipped, func(s Skipped) bool {
		return s.Kind == channel.KindThread && strings.Contains(s.Reason, "no figure")
	}) {
		t.Errorf("no reason for the missing thread: %+v", res.Skipped)
	}
}
