package derive

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/parse"
)

func TestQuoteSnippetsFromProse(t *testing.T) {
	src := "# Pages\n\n## Results\n\nThe team measured every page for a quarter and compared the numbers week by week. “We cut our pages in half within six weeks,” said Maria Lopez, SRE lead at Acme. Nobody expected that.\n\n## Next\n\nThe next step is to roll the same practice out to every other team in the company.\n"
	doc, err := parse.File("p.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Type == SnippetQuote {
			if d.Attribution != "Maria Lopez, SRE lead at Acme" || d.Section == nil || d.Section.Anchor != "results" {
				t.Errorf("quote %q by %q in %+v", d.Text, d.Attribution, d.Section)
			}
			return
		}
	}
	t.Error("no quote snippet from a quoted sentence")
}

// A quote needs a speaker, a person or a named body, and none comes from a glossary:
// a term's definition in quotation marks is not someone's words.
func TestNoQuoteSnippetsFromGlossariesOrUnnamedSpeakers(t *testing.T) {
	src := "# Platforms\n\n## Results\n\nThe team measured every page for a quarter and compared the numbers week by week. " +
		"The definition says: “A thin platform is a careful balance between keeping it small and helping teams ship.”\n\n" +
		"> Every team should own its golden path from the first commit to production.\n>\n> — the glossary\n\n" +
		"## Glossary\n\nThinnest viable platform was defined in a book. “A TVP is a careful balance between keeping the platform small and accelerating delivery,” said Matthew Skelton, co-author.\n\n" +
		"> Platforms are products with users, roadmaps and a team that owns them.\n>\n> — Manuel Pais\n"
	doc, err := parse.File("p.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Type == SnippetQuote {
			t.Errorf("quote %q by %q", d.Text, d.Attribution)
		}
	}
}

// A talk's quote snippet links to the moment its recording says the quote.
func TestTalkQuoteSnippetsLinkToTheirMoment(t *testing.T) {
	vtt := "WEBVTT\n\nNOTE\ntitle: Platforms that teams love\nvideo_url: https://video.example.com/talk\n\n" +
		"00:00:01.000 --> 00:00:05.000\n<v Ana Ruiz>Um, platform teams serve product teams, and they measure adoption every week.\n\n" +
		"00:00:05.000 --> 00:00:09.000\n<v Ben Ode>So golden paths are products, with users and a roadmap of their own.\n"
	doc, err := parse.File("keynote.vtt", []byte(vtt), 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range From(doc, Options{Version: "v1", SourceID: "s1", CampaignName: "launch"}).Derivatives {
		if d.Attribution == "Ben Ode" {
			found = true
			if !strings.HasPrefix(d.Backlink, "https://video.example.com/talk") || !strings.HasSuffix(d.Backlink, "#t=5") {
				t.Errorf("Ben Ode's quote links to %q, want the video at #t=5", d.Backlink)
			}
		}
	}
	if !found {
		t.Error("no quote snippet of Ben Ode")
	}
}

// TestSkipReasonsAgreeWithTheirCount: a marketer reads "only 1 sentence … stands alone",
// not "only 1 sentences … stand alone".
func TestSkipReasonsAgreeWithTheirCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1, "1 more key point was"},
		{0, "0 more key points were"},
		{3, "3 more key points were"},
	} {
		if got := plural(tc.n, "more key point was", "more key points were"); got != tc.want {
			t.Errorf("plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestAQuoteIsOfferedWholeOrNotAtAll: a quote that fits a post is a snippet with its
// speaker; one too long for any post, whose sentences lean on each other, is left out
// rather than cut with "…".
func TestAQuoteIsOfferedWholeOrNotAtAll(t *testing.T) {
	long := strings.Repeat("We were using the same word for two different things in every single meeting. ", 8)
	doc := "# Forecasts\n\n## Handoffs\n\nMarketing and sales reported different numbers from the same CRM in every review.\n\n" +
		"> \"" + long + "\"\n>\n> — Marcus Oyelaran, CMO\n\n" +
		"> \"A forecast you cannot explain is a guess with better formatting.\"\n>\n> — Priya Natarajan, VP Sales\n"
	res := deriveText(t, "quotes.md", doc)
	var quotes []string
	for _, d := range res.Derivatives {
		if d.Type == SnippetQuote {
			quotes = append(quotes, d.Template)
		}
	}
	if len(quotes) != 1 || !strings.Contains(quotes[0], "A forecast you cannot explain") || !strings.Contains(quotes[0], "Priya Natarajan") {
		t.Errorf("quote snippets %q, want the short quote whole with its speaker", quotes)
	}
	for _, q := range quotes {
		if strings.Contains(q, "…") {
			t.Errorf("a quote cut short: %q", q)
		}
	}
}

// TestAPostGivesAFigureOnce: a takeaway whose figures the post gave already is no new
// point ("78% reported burnout" as the hook and again as a bullet).
func TestAPostGivesAFigureOnce(t *testing.T) {
	for _, tc := range []struct {
		text, said string
		want       bool
	}{
		{"Among engineers paged weekly, 78% reported burnout.", "78% of on-call engineers reported burnout symptoms.", true},
		{"Teams cut pages from 41 to 9 a week.", "Pages fell from 41 a week.", false},
		{"Reviews took 4 days.", "Reviews took 14 days.", false},
		{"Teams review every change within a day.", "Anything.", false},
	} {
		if got := claim.FiguresSaid(tc.text, tc.said); got != tc.want {
			t.Errorf("claim.FiguresSaid(%q, %q) = %v", tc.text, tc.said, got)
		}
	}
}

// TestALongQuoteGivesASentenceThatStandsAlone: a speaker's long turn is quoted by its
// first sentence that stands alone, whole, without "…".
func TestALongQuoteGivesASentenceThatStandsAlone(t *testing.T) {
	rest := strings.Repeat("They said it again and again in every meeting we held that quarter. ", 6)
	doc := "# Forecasts\n\n## Handoffs\n\nMarketing and sales reported different numbers from the same CRM in every review.\n\n" +
		"> \"A forecast you cannot explain to your board is a guess with better formatting. " + rest + "\"\n>\n> — Marcus Oyelaran, CMO\n"
	res := deriveText(t, "quote.md", doc)
	want := "“A forecast you cannot explain to your board is a guess with better formatting.” — Marcus Oyelaran, CMO"
	found := false
	for _, d := range res.Derivatives {
		if d.Type == SnippetQuote {
			found = found || strings.HasPrefix(d.Template, want)
			if strings.Contains(d.Template, "…") {
				t.Errorf("a quote cut short: %q", d.Template)
			}
		}
	}
	if !found {
		t.Errorf("no quote snippet %q", want)
	}
}

// TestALongQuoteIsNotCutWhereTheSpeakerTurns: "At first we thought the problem was the
// software. In reality, …" cut after its first sentence says the opposite of what the
// speaker said; nor is the turn quoted without what it turns from.
func TestALongQuoteIsNotCutWhereTheSpeakerTurns(t *testing.T) {
	rest := strings.Repeat("They said it again and again in every meeting we held that quarter. ", 6)
	doc := "# Forecasts\n\n## Handoffs\n\nMarketing and sales reported different numbers from the same CRM in every review.\n\n" +
		"> \"At first we thought the problem was the forecasting software. In reality, the numbers lived in the heads of three people. " +
		rest + "\"\n>\n> — Marcus Oyelaran, CMO\n"
	res := deriveText(t, "quote.md", doc)
	for _, d := range res.Derivatives {
		if d.Type == SnippetQuote && (strings.Contains(d.Template, "At first we thought") || strings.Contains(d.Template, "In reality")) {
			t.Errorf("a quote cut where the speaker turns: %q", d.Template)
		}
	}
}

// TestAQuoteIsNotCutAtADenial: "We weren't losing clients because our advice was
// poor." says what was not so; the speaker's next words say what was, and the denial
// alone reads as the opposite of the point. A denial that is the point stays.
func TestAQuoteIsNotCutAtADenial(t *testing.T) {
	for _, tc := range []struct {
		quote  string
		quoted bool
	}{
		{`"We weren't losing clients because our advice was poor," says **Priya Raman, Operations Director**. "We were losing them because we turned up late."`, false},
		{"> We weren't losing clients because our advice was poor. Renewals simply reached clients too late, after a competitor had called.\n>\n> — Priya Raman, Operations Director", true},
		{`"Nobody on the team has missed a renewal date since the pipeline went live," says **Priya Raman, Operations Director**.`, true},
	} {
		doc := "# Renewals\n\n## Retention\n\nLate renewals fell by 78% once every policy entered the pipeline at 120 days.\n\n" + tc.quote + "\n"
		quoted := false
		for _, d := range deriveText(t, "quote.md", doc).Derivatives {
			if d.Type != SnippetQuote {
				continue
			}
			quoted = true
			if strings.Contains(d.Template, "advice was poor") && !strings.Contains(d.Template, "too late") {
				t.Errorf("a quote cut at its denial: %q", d.Template)
			}
		}
		if quoted != tc.quoted {
			t.Errorf("%s: quoted %v, want %v", tc.quote, quoted, tc.quoted)
		}
	}
}

// TestAQuoteBySurnameNamesTheSpeakerInFull: "— Okafor" on a later quote is the "Tom
// Okafor, Head of Operations" of the first, for a reader who never met him.
func TestAQuoteBySurnameNamesTheSpeakerInFull(t *testing.T) {
	got := withFullNames([]snippet{
		{typ: SnippetQuote, text: "We were asking people to walk a half-marathon every shift.", attribution: "Tom Okafor, Head of Operations at Brennard"},
		{typ: SnippetQuote, text: "We're not trying to build a lights-out warehouse.", attribution: "Okafor"},
		{typ: SnippetQuote, text: "My feet stopped hurting.", attribution: "Jade"},
	})
	if got[1].attribution != "Tom Okafor, Head of Operations at Brennard" || got[2].attribution != "Jade" {
		t.Errorf("attributions %q, %q", got[1].attribution, got[2].attribution)
	}
}

// TestOneFindingIsOneStat: a report that states a figure twice in other words (in its
// summary and in its section) gives one post or stat for it, not two.
func TestOneFindingIsOneStat(t *testing.T) {
	src := "# Freight visibility\n\n## Key takeaways\n\n" +
		"61% of shippers name inaccurate ETAs as one of the top three drivers of their detention and demurrage costs.\n\n" +
		"Only 23% of shippers have carrier-verified visibility into more than three quarters of their shipments.\n\n" +
		"## Bad ETAs are expensive\n\n" +
		"61% of respondents rank inaccurate or missing ETAs among the top three causes of their detention and demurrage charges.\n\n" +
		"Shippers that track every load spend 18% less on expedited freight than the rest of the sample.\n\n" +
		"## Carriers\n\nJust 9% of shippers tie data-sharing requirements to carrier scorecards or award decisions.\n"
	doc, err := parse.File("r.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	said := map[string]bool{} // the sentences that give the figure, on posts and snippets alike
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Kind != channel.KindSnippet && d.Kind != channel.KindTweet {
			continue
		}
		for _, line := range strings.Split(d.Template, "\n") {
			if strings.Contains(line, "61%") {
				said[strings.TrimSuffix(line, " {link}")] = true
			}
		}
	}
	if len(said) > 1 {
		t.Errorf("the 61%% finding is said %d ways on one account: %v", len(said), said)
	}
}

// TestAStatSnippetIsAFindingThatStandsAlone: a tip with a duration ("Reserve 30
// minutes every week."), a step with a count or a label with its value is no stat; a
// share with its subject is.
func TestAStatSnippetIsAFindingThatStandsAlone(t *testing.T) {
	for text, want := range map[string]bool{
		"Reserve 30 minutos fixos por semana.":                                                false,
		"Projete por cliente os 10 maiores.":                                                  false,
		"No-show al 13,8%.":                                                                   false,
		"Ten meaningful decisions beat 200 reflexive ones.":                                   false,
		"Pages per week fell from 41 to 16.":                                                  true,
		"Don't try to reach 100% coverage across the whole network at once.":                  false,
		"One logistics client disabled 2,140 stale accounts in a single weekend last spring.": true,
	} {
		if got := claim.StatAlone(text, "en"); got != want {
			t.Errorf("claim.StatAlone(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestOneFindingIsOnePostOnAnAccount: a summary's long sentence and a section's short one
// give the same finding in other words; the account posts it once.
func TestOneFindingIsOnePostOnAnAccount(t *testing.T) {
	src := "# 连锁药店数字化报告\n\n## 摘要\n\n" +
		"- 企业年度数字化投入中位数为386万元，同比增长15.3％；但投入强度仅为0.62％，与零售行业整体水平相比仍然偏低。\n" +
		"- 会员数字化率达到62.0％，但近90天有复购的仅占38.5％。\n\n" +
		"## 发现一：线上销售\n\n2024年上半年，受访企业线上销售额占比平均为17.8％，较2023年同期的14.6％提升3.2个百分点。\n\n" +
		"## 发现二：投入\n\n受访企业年度数字化投入中位数为386万元，同比增长15.3％。\n\n" +
		"## 发现三：门店\n\n头部连锁的单店坪效比中小连锁高出27％，差距主要来自会员复购。\n"
	doc, err := parse.File("r.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range From(doc, testOptions(nil)).Derivatives {
		if d.Kind == channel.KindTweet && d.Channel == channel.X && strings.Contains(d.Template, "386万元") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the 386万元 finding is posted %d times on X", n)
	}
}
