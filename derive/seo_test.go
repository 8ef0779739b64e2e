package derive

import (
	"fmt"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/parse"
)

// TestMetaDescriptionStatesTheClaim: a document whose summary opens with a definition
// and a sentence about another paper is described in search results by its own finding,
// in every language with built-in texts.
func TestMetaDescriptionStatesTheClaim(t *testing.T) {
	for _, tc := range []struct {
		lang, title, definition, other, finding string
		body                                    []string
	}{
		{"en", "Release trains",
			"A release train is a schedule that ships whatever is ready at a fixed hour.",
			"The foundation's first Delivery White Paper describes what release trains are and what they promise to teams.",
			"Teams that skip the weekly train wait twice as long for fixes and lose customers to outages.",
			[]string{"Most teams ship on Tuesdays, when the fewest customers are online.",
				"Every change gets a reviewer within a working day, so nothing waits for the train.",
				"Rollbacks fall by half once every service follows the same weekly schedule.",
				"Release managers rotate each month to spread the knowledge of the process."}},
		{"es", "Trenes de entrega",
			"Un tren de entrega es un calendario que publica lo que está listo a una hora fija.",
			"El primer informe de la fundación describe qué son los trenes de entrega y lo que prometen a los equipos.",
			"Los equipos que se saltan el tren semanal esperan el doble por las correcciones y pierden clientes por las caídas.",
			[]string{"La mayoría de los equipos publica los martes, cuando hay menos clientes conectados.",
				"Cada cambio recibe un revisor en un día laborable, así que nada espera al tren.",
				"Las reversiones caen a la mitad cuando cada servicio sigue el mismo calendario semanal.",
				"Los responsables de entregas rotan cada mes para repartir el conocimiento del proceso."}},
	} {
		var b strings.Builder
		b.WriteString("---\ntitle: " + tc.title + "\nlang: " + tc.lang + "\n---\n# " + tc.title + "\n\n" +
			tc.definition + " " + tc.other + "\n\n## Uno\n\n" + tc.finding + "\n")
		for k, s := range tc.body {
			b.WriteString("\n## " + strings.Repeat("I", k+2) + "\n\n" + s + "\n")
		}
		doc, err := parse.File("r.md", []byte(b.String()), 0)
		if err != nil {
			t.Fatal(err)
		}
		made := false
		for _, d := range From(doc, testOptions(nil)).Derivatives {
			if d.Kind != channel.KindBlog {
				continue
			}
			made = true
			if got := d.Blog.MetaDescription; got != tc.finding {
				t.Errorf("%s: meta description %q, want the finding %q", tc.lang, got, tc.finding)
			}
		}
		if !made {
			t.Errorf("%s: no blog teaser", tc.lang)
		}
	}
}

// TestWhyItMattersEndsWithItsParagraph: a "Why it matters" passage that reaches its
// length inside a paragraph ends where its author ended that paragraph, not at whichever
// sentence came at the count, and starts no new one.
func TestWhyItMattersEndsWithItsParagraph(t *testing.T) {
	why, first := whyItMatters(t, 20, "", 6)
	if !strings.Contains(why, first[len(first)-1]) || strings.Contains(why, "Another team") {
		t.Errorf("the passage does not end with its paragraph:\n%s", why)
	}
}

// TestWhyItMattersEndsOnAnAnswer: a section that ends on a question (the next section
// takes it up) gives a passage that stops before it.
func TestWhyItMattersEndsOnAnAnswer(t *testing.T) {
	why, first := whyItMatters(t, 14, "Why did the stores in Bergen report fewer outages than the rest?", 0)
	if strings.Contains(why, "fewer outages than the rest") || !strings.Contains(why, first[len(first)-1]) {
		t.Errorf("the passage does not end on its last answer:\n%s", why)
	}
}

// whyItMatters is the "Why it matters" passage of a teaser whose longest section is one
// paragraph of n sentences (at most twenty), each with words of its own, and last (when
// given), and then a paragraph of others sentences of another team; and the n sentences.
func whyItMatters(t *testing.T, n int, last string, others int) (string, []string) {
	t.Helper()
	var b strings.Builder
	b.WriteString(teaserDoc("Release trains", "Teams that ship on a weekly train recover from failures twice as fast as teams that ship when ready.",
		"Trains in practice", "Rollbacks fall by half once every service follows the same weekly schedule.",
		"Every change gets a reviewer within a working day, so nothing waits for the train.",
		"Release managers rotate each month to spread the knowledge of the process across teams."))
	var first, second []string
	// Sentences that say the same in other words would end a passage at the first a
	// takeaway says.
	groups := strings.Fields("payments billing search checkout mobile identity ledger pricing catalog inventory " +
		"shipping returns loyalty reviews support analytics onboarding invoices refunds messaging")
	fixes := strings.Fields("retries caching logging timeouts alerts migrations indexes quotas tokens schemas " +
		"queues dashboards fonts images sessions cookies headers backups metrics webhooks")
	regions := strings.Fields("Lisbon Oslo Madrid Vienna Dublin Prague Warsaw Athens Zurich Milan " +
		"Berlin Paris Sofia Riga Tallinn Vilnius Porto Seville Krakow Bergen")
	for k := range n {
		first = append(first, fmt.Sprintf("In sprint %s the %s group shipped %s to all of its stores in %s.", strings.Repeat("x", k+1), groups[k], fixes[k], regions[k]))
	}
	for k := range others {
		second = append(second, "Another team on floor "+strings.Repeat("y", k+1)+" kept its own schedule and counted the outages its customers reported.")
	}
	paragraph := strings.Join(first, " ")
	if last != "" {
		paragraph += " " + last
	}
	b.WriteString(paragraph + "\n\n" + strings.Join(second, " ") + "\n")
	doc, err := parse.File("r.md", []byte(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Kind != channel.KindBlog {
			continue
		}
		at := strings.Index(d.Text, "## Why it matters")
		if at < 0 {
			t.Fatalf("no passage:\n%s", d.Text)
		}
		t.Logf("%d words\n%s", parse.ReadingWords(d.Text), d.Text[at:])
		return d.Text[at:], first
	}
	t.Fatal("no blog teaser")
	return "", nil
}

// TestMetaDescriptionIsNoQuestion: a checklist's question describes no page, however
// strong its words ("outages").
func TestMetaDescriptionIsNoQuestion(t *testing.T) {
	const text = `---
title: Release Checklists
---
# Release Checklists

## Questions

What steps are necessary in case of failovers or outages, and who restores the service?

## Queues

Shops that moved checkout writes to a durable queue lost 35% fewer orders during peak traffic, while their nightly batch jobs kept running without a single change to any of them.

## Reviews

Teams that review every change before it merges have fewer rollbacks.

## Owners

Every service should have an owner who approves its releases and answers its pages.

## Pages

On-call engineers who own their services answer pages in half the time of a separate operations team.

## Flags

Teams that ship behind feature flags roll back a failed release in minutes rather than hours.
`
	b := only(t, deriveText(t, "checklists.md", text), channel.KindBlog)
	if b == nil {
		t.Fatal("no blog teaser")
	}
	if strings.HasSuffix(b.Blog.MetaDescription, "?") {
		t.Errorf("meta description %q is a question", b.Blog.MetaDescription)
	}
}

// TestWhyItMattersSaysNoTakeawayAgain: a passage ends before a sentence that says, in
// other words, what a takeaway or the opening says: the teaser would say it twice.
func TestWhyItMattersSaysNoTakeawayAgain(t *testing.T) {
	text := teaserDoc("Checkout queues", "Teams that put checkout writes on a queue recover from failures twice as fast as teams that write directly.",
		"Queues in practice", "Shops that moved checkout writes to a queue lost 35% fewer orders during peak traffic.",
		"Payment retries fell by half once every service used the same idempotency keys.",
		"Unreviewed schema changes caused 2.1 times as many rollbacks as reviewed ones.")
	groups := strings.Fields("payments billing search mobile identity ledger pricing catalog inventory shipping returns loyalty")
	regions := strings.Fields("Lisbon Oslo Madrid Vienna Dublin Prague Warsaw Athens Zurich Milan Berlin Paris")
	var para []string
	for k := range groups {
		para = append(para, fmt.Sprintf("In sprint %s the %s group moved its writes to the queue in all of its stores in %s.",
			strings.Repeat("x", k+1), groups[k], regions[k]))
		if k == 3 {
			para = append(para, "During peak traffic, shops with their checkout writes on a queue lost 35% fewer orders.")
		}
	}
	doc, err := parse.File("q.md", []byte(text+strings.Join(para, " ")+"\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	blog := only(t, From(doc, testOptions(nil)), channel.KindBlog)
	if blog == nil {
		t.Fatal("no blog teaser")
	}
	if strings.Count(blog.Blog.Markdown, "35% fewer orders") > 1 {
		t.Errorf("the teaser says its finding twice:\n%s", blog.Blog.Markdown)
	}
}

// teaserDoc is a document with a summary sentence, a section per point, and the heading
// of a last section whose text the caller appends.
func teaserDoc(title, summary, last string, points ...string) string {
	doc := "---\ntitle: " + title + "\nlang: en\n---\n# " + title + "\n\n" + summary + "\n"
	for k, p := range points {
		doc += "\n## Point " + strings.Repeat("I", k+1) + "\n\n" + p + "\n"
	}
	return doc + "\n## " + last + "\n\n"
}

// TestWhyItMattersStopsAtTheNextPieceOfAdvice: a section of advice whose paragraphs each
// open on a short line of their own ("Plan the rollback.") gives a passage that may open
// on that line but never runs into it from the paragraph before.
func TestWhyItMattersStopsAtTheNextPieceOfAdvice(t *testing.T) {
	src := teaserDoc("Release trains", "Teams that ship on a weekly train recover from failures twice as fast as teams that ship when ready.",
		"Advice", "Rollbacks fall by half once every service follows the same weekly schedule.",
		"Every change gets a reviewer within a working day, so nothing waits for the train.",
		"Release managers rotate each month to spread the knowledge of the process across teams.") +
		"Keep the train on time. A train that waits for one late change teaches every team that the schedule bends, and the next week three teams ask for the same favour. " +
		"The payments group held the line for a quarter and saw its late changes fall from eleven a month to two.\n\n" +
		"Plan the rollback. Every release in the Lisbon office now carries a tested way back, written before the change is merged and rehearsed on staging. " +
		"The checkout group found that a rehearsed rollback took four minutes where an improvised one took forty.\n"
	doc, err := parse.File("r.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Kind != channel.KindBlog {
			continue
		}
		why := d.Text[strings.Index(d.Text, "## Why it matters"):]
		body := strings.TrimSpace(strings.TrimPrefix(why, "## Why it matters"))
		if strings.Contains(body, "Plan the rollback") && !strings.HasPrefix(body, "Plan the rollback") {
			t.Errorf("the passage runs from one piece of advice into the next:\n%s", why)
		}
		return
	}
	t.Fatal("no blog teaser")
}

// TestWhyItMattersEndsBeforeTheAuthorsContactLine: an essay that closes on an e-mail
// address and the author's bio has said its piece before that line; no passage runs into it.
func TestWhyItMattersEndsBeforeTheAuthorsContactLine(t *testing.T) {
	src := teaserDoc("Release trains", "Teams that ship on a weekly train recover from failures twice as fast as teams that ship when ready.",
		"Advice", "Rollbacks fall by half once every service follows the same weekly schedule.",
		"Every change gets a reviewer within a working day, so nothing waits for the train.",
		"Release managers rotate each month to spread the knowledge of the process across teams.") +
		"A train that waits for one late change teaches every team that the schedule bends, and the next week three teams ask for the same favour. " +
		"The payments group held the line for a quarter and saw its late changes fall from eleven a month to two. " +
		"Their on-call engineers stopped spending Friday evenings on hotfixes, because nothing shipped outside the train any more. " +
		"Support tickets about broken checkouts fell by a third in the same quarter, and the finance team noticed before engineering did. " +
		"The schedule did not slow the group down: it shipped more changes in that quarter than in any quarter before. " +
		"The checklist the group used fits on one page and goes to anyone who asks at dana.reyes@example.com today. " +
		"Dana Reyes leads platform engineering at Northwind and has run release trains for eight years.\n"
	doc, err := parse.File("r.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Kind == channel.KindBlog && (strings.Contains(d.Text, "@example.com") || strings.Contains(d.Text, "Dana Reyes leads")) {
			t.Errorf("the teaser runs into the author's contact line:\n%s", d.Text)
		}
	}
}
