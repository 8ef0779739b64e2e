package derive

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// findingsDoc states findings, recommendations and a quotation with its speaker, one
// section each, as a report does.
const findingsDoc = `---
title: Quiet Releases
---
# Quiet Releases

The study followed twelve release teams at one company for a year and recorded every change they shipped to production.

## Results

Teams that release weekly had a change failure rate of 8% against 19% for quarterly teams.

## Batches

Small changes fail less often because a reviewer can read every line before it ships.

## Deploys

Manual deploys cost each team two evenings a month, so the weekly teams automated them end to end.

## Ownership

Developers who carry the pager for their own code fix alerts faster than a separate operations team.

## Voices

“The best compliment our release process got was that nobody noticed it anymore,” said Dana Whitfield, release manager.

## More voices

“Once the deploys were automatic, nobody wanted to go back to release nights,” said Sam Okafor, staff engineer.

## Reviews

A weekly team rarely merges a change that takes longer than a day to review, unless the change is behind a flag.

## What to do

Teams should start with one repository and measure the failure rate for a month before changing the rest.
`

// descriptionsDoc describes and defines, and states no finding.
const descriptionsDoc = `---
title: The Release Pipeline
---
# The Release Pipeline

A release pipeline is a sequence of stages that turns a commit into a release.

## Stages

The pipeline has a build stage, a test stage and a deploy stage for each service.

## Artifacts

An artifact is the output of the build stage that later stages use.

## Environments

The pipeline deploys to a staging environment and a production environment in turn.

## Approvals

The deploy stage waits for an approval from the owner of the service in the portal.
`

func deriveText(t *testing.T, name, text string) Result {
	t.Helper()
	doc, err := parse.File(name, []byte(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	return From(doc, Options{Version: "0123456789abcdef", PublicPageURL: "https://example.com/p/x"})
}

func only(t *testing.T, res Result, kind channel.Kind) *Derivative {
	t.Helper()
	var found *Derivative
	for i := range res.Derivatives {
		if res.Derivatives[i].Kind == kind {
			if found != nil {
				t.Fatalf("two %s derivatives", kind)
			}
			found = &res.Derivatives[i]
		}
	}
	return found
}

// TestLinkedInHasTheEditorsShape: the first line is the strongest finding (the figure
// with its comparison), then one sentence of context, 3-5 short takeaways, a quotation
// with its speaker (the other is left to the snippets, which never repeat it), and the
// call to action.
func TestLinkedInHasTheEditorsShape(t *testing.T) {
	res := deriveText(t, "quiet.md", findingsDoc)
	li := only(t, res, channel.KindLinkedIn)
	if li == nil {
		t.Fatal("no LinkedIn post")
	}
	paras := strings.Split(li.Template, "\n\n")
	if !strings.Contains(paras[0], "8% against 19%") {
		t.Errorf("first line %q, want the figure with its comparison", paras[0])
	}
	if paras[1] != "The study followed twelve release teams at one company for a year and recorded every change they shipped to production." {
		t.Errorf("context %q, want the summary's sentence", paras[1])
	}
	var points []string
	for _, l := range strings.Split(li.Template, "\n") {
		if rest, ok := strings.CutPrefix(l, "• "); ok {
			points = append(points, rest)
			if n := utf8.RuneCountInString(rest); n > linkedInPointChars {
				t.Errorf("takeaway of %d characters: %q", n, rest)
			}
		}
	}
	if len(points) < minTakeaways || len(points) > maxTakeaways {
		t.Errorf("%d takeaways, want 3-5: %q", len(points), points)
	}
	if !strings.Contains(li.Template, "” — Dana Whitfield, release manager") {
		t.Errorf("no quotation with its speaker:\n%s", li.Template)
	}
	for _, d := range res.Derivatives {
		if d.Kind == channel.KindSnippet && strings.Contains(d.Text, "Dana Whitfield") {
			t.Errorf("the snippets repeat the post's quotation: %q", d.Text)
		}
	}
	if !strings.Contains(li.Template, li.CTA+"\n"+channel.LinkSlot) {
		t.Errorf("no call to action before the link:\n%s", li.Template)
	}
}

// TestNoFlatPosts: a document of descriptions gets no LinkedIn post and no thread, each
// with its reason, rather than posts led by a definition.
func TestNoFlatPosts(t *testing.T) {
	res := deriveText(t, "pipeline.md", descriptionsDoc)
	for _, kind := range []channel.Kind{channel.KindLinkedIn, channel.KindThread, channel.KindTweet, channel.KindMastodon, channel.KindBluesky, channel.KindThreads} {
		if d := only(t, res, kind); d != nil {
			t.Errorf("a %s post from descriptions:\n%s", kind, d.Template)
		}
		if !skippedKind(res, kind) {
			t.Errorf("no reason for the missing %s post: %+v", kind, res.Skipped)
		}
	}
}

// TestThreadReadsAsOne: hook (a figure) → at least three points from other sections,
// each a finding of its own → the payoff (what to do) → the call to action with the link.
func TestThreadReadsAsOne(t *testing.T) {
	// More figures than the tweets say: a thread opens with one.
	text := strings.Replace(threadDoc, "## Method", "## Pages\n\n"+
		"Developers on weekly teams were paged 41% less often at night than developers on quarterly teams.\n\n## Merges\n\n"+
		"Weekly teams merged 3 times as many changes per developer as quarterly teams did in the same year.\n\n## Meetings\n\n"+
		"Weekly teams spent 30% less time in release meetings than quarterly teams over the same year.\n\n## Method", 1)
	th := only(t, deriveText(t, "quiet.md", text), channel.KindThread)
	if th == nil {
		t.Fatal("no thread")
	}
	n := len(th.Parts)
	if n < minThreadPoints+3 || n > maxThread {
		t.Fatalf("%d parts", n)
	}
	doc, _ := parse.File("quiet.md", []byte(text), 0)
	a := extract.Analyze(doc)
	hook := strings.TrimSuffix(th.Parts[0].Template, fmt.Sprintf(" (1/%d)", n))
	for _, c := range a.Candidates {
		if c.Text == hook && !c.Stat {
			t.Errorf("the hook %q is not a figure", hook)
		}
	}
	// The points between hook and payoff follow the document, so the thread moves as it
	// does: each opens with a sentence that comes after the one opening the part before it.
	place := map[string]int{}
	finding := map[string]bool{}
	for i, c := range a.Candidates {
		place[c.Text] = i
		finding[c.Text] = c.Finding()
	}
	prev := -1
	for k, p := range th.Parts[1 : n-2] {
		first := parse.Sentences(strings.TrimSuffix(p.Template, fmt.Sprintf(" (%d/%d)", k+2, n)))[0]
		if !finding[first] {
			t.Errorf("part %d (%q) is no finding: a plain statement in a thread's middle", k+2, first)
		}
		at, ok := place[first]
		if !ok || at < prev {
			t.Errorf("part %d (%q) comes before the part before it in the document", k+2, first)
		}
		prev = at
	}
	if payoff := th.Parts[n-2].Template; !strings.HasPrefix(payoff, "Teams should start with one repository") {
		t.Errorf("part %d is %q, want the recommendation as the payoff", n-1, payoff)
	}
	if last := th.Parts[n-1].Template; !strings.Contains(last, channel.LinkSlot) {
		t.Errorf("the last part %q has no link", last)
	}
}

// TestBlogKeywordsInChineseAndJapanese: the teaser's keywords come from the text in
// languages without spaces too (they were empty), whole words without particles.
func TestBlogKeywordsInChineseAndJapanese(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"zh.md", "---\ntitle: 发布习惯\nlang: zh\n---\n# 发布习惯\n\n每周发布的团队故障率更低，因为每个变更都很小。\n\n## 变更\n\n小批量变更更容易审查，审查人员可以读完每一行代码。\n\n## 部署\n\n自动化部署为每个团队节省了时间，团队不再需要在晚上部署。\n\n## 审查\n\n团队应该在一天之内完成变更审查，小批量变更让审查更快。\n\n## 告警\n\n负责自己代码的开发人员处理告警的速度比单独的运维团队更快。\n\n## 回滚\n\n每周发布的团队回滚次数减少了一半，因为每次回滚只涉及一个小变更。\n\n## 成本\n\n夜间部署导致值班成本增加，因为工程师需要第二天补休。\n\n## 开始\n\n先在一个代码仓库中试行变更审查规则，一个月后再推广到其他团队。\n", "代码"},
		{"ja.md", "---\ntitle: リリースの習慣\nlang: ja\n---\n# リリースの習慣\n\n毎週リリースするチームは障害率が低く、変更管理が簡単です。\n\n## 変更\n\n小さな変更はレビューしやすく、変更管理の負担が減ります。\n\n## デプロイ\n\n自動デプロイにより、チームは夜間の作業をなくしました。\n\n## レビュー\n\nチームは変更管理のルールを一日で決めるべきです。\n\n## アラート\n\n自分のコードを担当する開発者は、別の運用チームよりも早くアラートに対応します。\n\n## ロールバック\n\n毎週リリースするチームはロールバックが半分に減りました。変更が小さいためです。\n\n## コスト\n\n夜間のデプロイは、翌日の休暇が必要になるため、当番のコストを増やします。\n\n## 始め方\n\nまず一つのリポジトリで変更管理のルールを試し、一か月後に他のチームへ広げてください。\n", "変更管理"},
	} {
		b := only(t, deriveText(t, tc.name, tc.text), channel.KindBlog)
		if b == nil {
			t.Errorf("%s: no blog teaser", tc.name)
			continue
		}
		found := false
		for _, k := range b.Blog.Keywords {
			found = found || k == tc.want
		}
		if !found {
			t.Errorf("%s: keywords %q lack %q", tc.name, b.Blog.Keywords, tc.want)
		}
	}
}

// TestPostsAfterTheFirstAreFindings: the first single post is the strongest hook, and
// every later one on the account is a finding with a figure, a risk or a contrast, not
// a requirement that is strong only by a word ("should be able to increase…"), a trend
// anyone could state, a promise ("can improve") or a checklist's question, on every
// channel.
func TestPostsAfterTheFirstAreFindings(t *testing.T) {
	const doc = `---
title: Release Habits
---
# Release Habits

## Fridays

Teams that deploy on Fridays lose weekends to incidents nobody planned for.

## Scaling

A release controller should be able to automatically increase and decrease every worker pool it manages.

## Queues

Shops that moved checkout writes to a queue lost 35% fewer orders during peak traffic.

## Reviews

Release reviews are held every Tuesday by the platform team and the service owners.

## Growth

As the number of services adds up, the complexity of managing them also increases.

## Feedback

By reacting to feedback from users, release teams can improve developer satisfaction.

## Failover

What steps are necessary in case of outages, and who restores the service?
`
	res := deriveText(t, "habits.md", doc)
	for _, kind := range []channel.Kind{channel.KindTweet, channel.KindMastodon, channel.KindBluesky, channel.KindThreads} {
		var lines []string
		for _, d := range res.Derivatives {
			if d.Kind == kind {
				lines = append(lines, d.Template)
			}
		}
		if len(lines) < 2 {
			t.Fatalf("%s: %d posts, want the two findings: %+v", kind, len(lines), res.Skipped)
		}
		for _, l := range lines {
			if strings.Contains(l, "worker pool") || strings.Contains(l, "every Tuesday") || strings.Contains(l, "adds up") ||
				strings.Contains(l, "can improve") || strings.Contains(l, "outages") {
				t.Errorf("%s: a requirement, a description, a trend, a promise or a question posted after the findings:\n%s", kind, l)
			}
		}
	}
}

// TestLinkedInTakeawaysKeepTheirShortLines: when too few claims fit LinkedIn's short
// lines, the takeaways are tried again at a teaser's length, and the short claims found
// on the first try are still among them.
func TestLinkedInTakeawaysKeepTheirShortLines(t *testing.T) {
	const doc = `---
title: Release Habits
---
# Release Habits

## Fridays

Teams that deploy on Fridays lose 40% more weekends to incidents than teams that deploy on Tuesdays.

## Reviews

Unreviewed changes cause most of the outages that reach customers.

## Rollbacks

Rollbacks without a rehearsal fail often and cost a whole night of work.

## Queues

Moving checkout writes behind a durable queue reduces the orders lost during traffic peaks and keeps the storefront responsive when the payment provider slows down.
`
	li := only(t, deriveText(t, "habits.md", doc), channel.KindLinkedIn)
	if li == nil {
		t.Fatal("no LinkedIn post")
	}
	for _, want := range []string{"Unreviewed changes", "Rollbacks without a rehearsal", "Moving checkout writes"} {
		if !strings.Contains(li.Template, want) {
			t.Errorf("the takeaways lost %q:\n%s", want, li.Template)
		}
	}
}

// TestLinkedInIsNotPaddedWithDescriptions: one finding over a document of descriptions
// makes no LinkedIn post: its takeaways would be the table of contents, and a post of
// the finding alone is no LinkedIn post an editor would publish.
func TestLinkedInIsNotPaddedWithDescriptions(t *testing.T) {
	const doc = `---
title: The Release Pipeline
---
# The Release Pipeline

## Fridays

Teams that deploy on Fridays lose 40% more weekends to incidents than teams that deploy on Tuesdays.

## Stages

The pipeline has a build stage, a test stage and a deploy stage for each service.

## Artifacts

The build stage writes every artifact to a registry that later stages read from.

## Environments

Each service runs in a staging environment and a production environment in two regions.

## Owners

Release managers rotate each month among the senior engineers of the platform group.
`
	res := deriveText(t, "pipeline.md", doc)
	if li := only(t, res, channel.KindLinkedIn); li != nil {
		t.Errorf("a LinkedIn post padded with descriptions:\n%s", li.Template)
	}
	if !skippedKind(res, channel.KindLinkedIn) {
		t.Errorf("no reason for the missing LinkedIn post: %+v", res.Skipped)
	}
}

// TestLinkedInTakeawaysAreFindings: the takeaways under the first line are findings with
// their stake; a requirement strong only by its verb ("should be able to…") is left out,
// even when the list is shorter for it.
func TestLinkedInTakeawaysAreFindings(t *testing.T) {
	const doc = `---
title: Release Habits
---
# Release Habits

## Fridays

Teams that deploy on Fridays lose 40% more weekends to incidents than teams that deploy on Tuesdays.

## Queues

Shops that moved checkout writes to a queue lost 35% fewer orders during peak traffic.

## Reviews

Unreviewed changes caused 2.1 times as many rollbacks as reviewed ones in the first quarter.

## Scaling

A release controller should be able to automatically increase and decrease every worker pool it manages.

## Versions

An operator should be able to upgrade the version of the application it manages.

## Owners

Every service should have an owner who approves its releases.
`
	li := only(t, deriveText(t, "habits.md", doc), channel.KindLinkedIn)
	if li == nil {
		t.Fatal("no LinkedIn post")
	}
	for _, want := range []string{"35% fewer orders", "2.1 times as many rollbacks"} {
		if !strings.Contains(li.Template, want) {
			t.Errorf("the takeaways lost the finding %q:\n%s", want, li.Template)
		}
	}
	for _, requirement := range []string{"worker pool", "upgrade the version", "approves its releases"} {
		if strings.Contains(li.Template, requirement) {
			t.Errorf("a requirement among the takeaways (%q):\n%s", requirement, li.Template)
		}
	}
}

// TestSinglePostsNameWhatTheySpeakOf: a sentence that names as known what only its
// heading introduced ("The framework…" under "Juju") is no single post and no key point:
// a stranger does not know which framework.
func TestSinglePostsNameWhatTheySpeakOf(t *testing.T) {
	const doc = `---
title: Operators in Practice
---
# Operators in Practice

## Fridays

Teams that deploy on Fridays lose 40% more weekends to incidents than teams that deploy on Tuesdays.

## Juju

Juju is a framework for writing operators in Python.
The framework has a steep learning curve, which makes it more suitable for large enterprises than for small projects.

## Queues

Shops that moved checkout writes to a queue lost 35% fewer orders during peak traffic.
`
	res := deriveText(t, "operators.md", doc)
	posts := 0
	for _, d := range res.Derivatives {
		if d.Kind == channel.KindTweet || d.Kind == channel.KindMastodon || d.Kind == channel.KindBluesky || d.Kind == channel.KindThreads {
			posts++
		}
		if d.Kind != channel.KindBlog && strings.Contains(d.Template, "The framework") {
			t.Errorf("%s leans on its heading:\n%s", d.Kind, d.Template)
		}
	}
	if posts == 0 {
		t.Fatalf("no single posts: %+v", res.Skipped)
	}
}

// TestTheFirstPostIsAFigureThenARisk: with no figure to lead, a risk the reader's team
// runs opens each account ahead of a more central but abstract claim.
func TestTheFirstPostIsAFigureThenARisk(t *testing.T) {
	const doc = `---
title: Platforms for Product Teams
---
# Platforms for Product Teams

## Why platforms

Platforms matter for product teams because platforms separate shared capabilities from product logic more than earlier platforms did.

Platform teams build the platforms that product teams use, and product teams shape the platforms they use.

## Adoption

Platform teams that rely on top-down mandates for adoption meet resistance from the teams they serve.

## Interfaces

A platform offers its capabilities through consistent interfaces that product teams can use on their own.
`
	res := deriveText(t, "platforms.md", doc)
	for _, kind := range []channel.Kind{channel.KindTweet, channel.KindMastodon, channel.KindBluesky, channel.KindThreads} {
		var first *Derivative
		for i := range res.Derivatives {
			if d := &res.Derivatives[i]; d.Kind == kind {
				first = d
				break
			}
		}
		if first == nil {
			t.Fatalf("no %s post: %+v", kind, res.Skipped)
		}
		if !strings.HasPrefix(first.Template, "Platform teams that rely on top-down mandates") {
			t.Errorf("%s opens with %q, want the risk", kind, strings.SplitN(first.Template, "\n", 2)[0])
		}
	}
}

// TestLinkedInOpensWithARiskOverARule: with no figure, LinkedIn's first line is what goes
// wrong, as on the other accounts, not the more central rule to follow.
func TestLinkedInOpensWithARiskOverARule(t *testing.T) {
	const doc = `---
title: Platforms for Product Teams
---
# Platforms for Product Teams

## Products

Platform teams must treat the platform as a product and build it with the product teams, because product teams choose the platform they use.

## Adoption

Platform teams that rely on top-down mandates for adoption meet resistance from the product teams they serve.

## Pagers

Product teams that own their pager fix alerts faster than product teams with a separate operations team.

## Reviews

Small platform changes are reviewed within a day, because each one touches a single service of the platform.
`
	li := only(t, deriveText(t, "platforms.md", doc), channel.KindLinkedIn)
	if li == nil {
		t.Fatal("no LinkedIn post")
	}
	if !strings.HasPrefix(li.Template, "Platform teams that rely on top-down mandates") {
		t.Errorf("LinkedIn opens with %q, want the risk", strings.SplitN(li.Template, "\n", 2)[0])
	}
}

// TestTeaserTakeawaysLeadWithFindings: a blog teaser opens with the best figure and lists
// the findings with their stake first, then plain claims, and never a bare requirement,
// a definition or a question;
// a source of descriptions alone makes no teaser, with the reason.
func TestTeaserTakeawaysLeadWithFindings(t *testing.T) {
	const doc = `---
title: Release Habits
---
# Release Habits

Teams that ship every week recover from failed releases faster than teams that ship every quarter.

## Fridays

Teams that deploy on Fridays lose 40% more weekends to incidents than teams that deploy on Tuesdays.

## Queues

Shops that moved checkout writes to a queue lost 35% fewer orders during peak traffic.

## Pipelines

Payment teams run their release pipelines from a single repository of services.

## Definitions

A release train is a fixed schedule on which every ready change ships together.

## Versions

An operator should be able to upgrade the version of the application it manages.

## Checklists

What steps are necessary in case of failovers or outages, and who restores the service?
`
	b := only(t, deriveText(t, "habits.md", doc), channel.KindBlog)
	if b == nil {
		t.Fatal("no blog teaser")
	}
	// The teaser opens with the best figure, as the posts do.
	if title, _, _ := strings.Cut(b.Blog.Markdown, "## "); !strings.Contains(title, "40% more weekends") {
		t.Errorf("the teaser opens %q, want the figure", title)
	}
	got := b.Blog.Takeaways
	if len(got) < 3 || slices.IndexFunc(got, func(s string) bool { return strings.Contains(s, "Payment teams") }) < len(got)-1 {
		t.Errorf("takeaways %q: want the findings first, a plain claim only after them", got)
	}
	for _, not := range []string{"upgrade the version", "fixed schedule", "What steps"} {
		if slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, not) }) {
			t.Errorf("takeaways %q hold %q", got, not)
		}
	}

	const flat = `---
title: Release Trains
---
# Release Trains

A release train is a fixed schedule on which every ready change ships together.

## Cars

Each car of the train holds the changes of one team.

## Stations

Payment teams run their release pipelines from a single repository of services.

## Tickets

Every change is listed on the release page with its owner.
`
	res := deriveText(t, "trains.md", flat)
	if only(t, res, channel.KindBlog) != nil {
		t.Error("a teaser of descriptions")
	}
	if !slices.ContainsFunc(res.Skipped, func(s Skipped) bool {
		return s.Kind == channel.KindBlog && strings.Contains(s.Reason, "no finding")
	}) {
		t.Errorf("no reason for the missing teaser: %+v", res.Skipped)
	}
}

// TestLinkedInTakeawaysDoNotRepeatTheFirstLinesFigure: "Median CSAT was 89%" under a
// first line that gave the 89% is the same point twice.
func TestLinkedInTakeawaysDoNotRepeatTheFirstLinesFigure(t *testing.T) {
	doc := `---
title: Support Benchmarks
---
# Support Benchmarks

## Satisfaction

Median CSAT held steady at 89%, although automated replies doubled, which means speed did not cost satisfaction.

## Details

Median CSAT across all teams was 89%, identical to last year, although response rates fell.
` + supportFindings
	li := only(t, deriveText(t, "support.md", doc), channel.KindLinkedIn)
	if li == nil {
		t.Fatal("no LinkedIn post")
	}
	if strings.Count(li.Template, "89%") != 1 {
		t.Errorf("the 89%% figure twice:\n%s", li.Template)
	}
}

// TestOneFindingIsOneTakeawayThoughASectionAddsAFigure: a summary's "just 48% … within
// 30 days" and a section's "Only 48% … within 30 days; 22% …" are one finding, listed
// once whichever is picked first.
func TestOneFindingIsOneTakeawayThoughASectionAddsAFigure(t *testing.T) {
	doc := `---
title: Recall Benchmarks
---
# Recall Benchmarks

## Summary

Across the sample, just 48% of patients due for a hygiene recall booked within 30 days of their due date.

## Recall

Only 48% of patients due for a six-month hygiene recall had booked within 30 days of their due date; 22% were still unscheduled after 90 days.

## Staff

34% of practices lost at least one front-desk team member in the past 12 months.

## New patients

New patients missed 18.3% of first appointments, more than double the 8.4% rate among established patients.
` + supportFindings
	res := deriveText(t, "recall.md", doc)
	for _, kind := range []channel.Kind{channel.KindLinkedIn, channel.KindBlog} {
		text := listed(t, res, kind)
		if n := strings.Count(text, "48%"); n != 1 {
			t.Errorf("%s: the 48%% finding %d times:\n%s", kind, n, text)
		}
	}
}

// listed is the LinkedIn post of kind, or the blog teaser from its first list on: where
// the takeaways are.
func listed(t *testing.T, res Result, kind channel.Kind) string {
	t.Helper()
	d := only(t, res, kind)
	if d == nil {
		t.Fatalf("no %s post: %+v", kind, res.Skipped)
	}
	if d.Blog == nil {
		return d.Template
	}
	_, list, _ := strings.Cut(d.Blog.Markdown, "\n## ")
	return list
}

// TestLinkedInTakeawaysNameTheDocument: a stranger learns what the takeaways are of from
// the line above them, in the document's language; a title in another script than the
// text is left out.
func TestLinkedInTakeawaysNameTheDocument(t *testing.T) {
	body := `
## Satisfaction

Median CSAT held steady at 89%, although automated replies doubled, which means speed did not cost satisfaction.
` + supportFindings
	for _, tc := range []struct{ title, want string }{
		{"Support Benchmarks 2025", "\nKey takeaways from “Support Benchmarks 2025”:\n"},
		{"サポート指標", "\nKey takeaways:\n"},
	} {
		li := only(t, deriveText(t, "support.md", "---\ntitle: "+tc.title+"\n---\n"+body), channel.KindLinkedIn)
		if li == nil {
			t.Fatal("no LinkedIn post")
		}
		if !strings.Contains(li.Template, tc.want) {
			t.Errorf("title %q: no line %q above the takeaways:\n%s", tc.title, tc.want, li.Template)
		}
	}
}

// supportFindings are three sections of findings with figures, for a LinkedIn post's
// takeaways.
const supportFindings = `
## Queues

Teams that moved chat to a shared queue answered 35% faster than teams that kept personal inboxes.

## Reviews

Teams with a named owner for help content resolved 2.1 times as many tickets without escalation as teams without one.

## Staffing

Teams that passed the AI summary to the agent scored 7 points higher on handoff CSAT than teams that did not.
`

// TestATitleWithItsResultOpensThePosts: "How Northmoor cut inspection time by 71%…" is
// the line a reader shares a case study with; a title without a figure, or with a count
// that is no result ("Chapter 4", "13 weeks"), is no post.
func TestATitleWithItsResultOpensThePosts(t *testing.T) {
	for title, opens := range map[string]bool{
		"How Northmoor cut blade inspection time by 71% across 142 turbines": true,
		"Support Benchmarks": false,
		"Chapter 4 — 13 weeks of cash, seen before the squeeze": false,
	} {
		res := deriveText(t, "support.md", "---\ntitle: "+title+"\n---\n"+supportFindings)
		for _, ch := range []channel.Name{channel.X, channel.Mastodon} {
			var first *Derivative
			for i, d := range res.Derivatives {
				if d.Channel == ch && d.Kind != channel.KindThread && d.Ordinal == 1 {
					first = &res.Derivatives[i]
				}
			}
			if first == nil {
				t.Fatalf("%q: no first post on %s", title, ch)
			}
			if got := strings.HasPrefix(first.Template, title); got != opens {
				t.Errorf("%q: the first post on %s opens with the title: %v, want %v\n%s", title, ch, got, opens, first.Template)
			}
		}
	}
}

// TestLinkedInContextIsASentenceNotAByline: with no sentence of the hook's subject at
// hand, the post's line of context is the summary's first sentence only when it says
// what the document is about; "Livre blanc Helionde, édition 2025." says who made it.
func TestLinkedInContextIsASentenceNotAByline(t *testing.T) {
	src := "---\ntitle: L'énergie des bureaux\nlang: fr\n---\n# L'énergie des bureaux\n\n*Livre blanc Helionde, édition 2025. Méthode en cinq étapes pour les gestionnaires de patrimoine et les directeurs immobiliers.*\n\n" +
		"## Comptage\n\nLes organisations qui relèvent leurs compteurs chaque mois réduisent leur consommation de 17 %, contre 6 % pour celles qui les relèvent une fois par an.\n\n" +
		"## Budgets\n\nSeuls 23 % des gestionnaires de patrimoine disposent d'un budget dédié au sous-comptage cette année.\n\n" +
		"## Équipes\n\nLes sites dotés d'un référent énergie atteignent leur objectif 2030 deux fois plus souvent que les autres.\n\n" +
		"## Chauffage\n\nAbaisser la consigne de chauffage d'un degré réduit la facture de 7 % en moyenne sur un hiver.\n\n" +
		"## Éclairage\n\nLe passage aux LED a réduit de 58 % la consommation d'éclairage des sites étudiés en deux ans.\n"
	res := deriveText(t, "energie.md", src)
	made := false
	for _, d := range res.Derivatives {
		if d.Kind == channel.KindLinkedIn {
			made = true
			if strings.Contains(d.Template, "Livre blanc Helionde") {
				t.Errorf("a byline is the post's context:\n%s", d.Template)
			}
		}
	}
	if !made {
		t.Errorf("no LinkedIn post: %v", res.Skipped)
	}
}

// TestACaseStudysResultsTableLeadsItsTakeaways: the before-and-after table holds a case
// study's results, which its prose only tells around; the LinkedIn post and the teaser
// list its rows first, and the LinkedIn post opens with the title that states the result.
func TestACaseStudysResultsTableLeadsItsTakeaways(t *testing.T) {
	doc := `---
title: How Miravalle cut empty kilometres by 23%
---
# How Miravalle cut empty kilometres by 23%

## Results

After nine months, the figures speak for themselves.

| Indicator | 2023 | Jan–Sep 2024 | Change |
|---|---|---|---|
| Empty kilometres (% of total) | 27.0% | 20.8% | −23% |
| On-time deliveries | 88.1% | 96.4% | +8.3 pts |

## Method

| Indicator | 2023 | 2024 | Change |
|---|---|---|---|
| Drivers interviewed | 12 | 30 | +18 |
` + supportFindings
	res := deriveText(t, "case.md", doc)
	want := []string{"Empty kilometres (% of total): 27.0% (2023) → 20.8% (Jan–Sep 2024) (−23%)",
		"On-time deliveries: 88.1% (2023) → 96.4% (Jan–Sep 2024) (+8.3 pts)"}
	for _, kind := range []channel.Kind{channel.KindLinkedIn, channel.KindBlog} {
		text := listed(t, res, kind)
		at := -1
		for _, w := range want {
			i := strings.Index(text, w)
			if i < 0 || i < at {
				t.Errorf("%s: %q is not listed, or not after the row before it:\n%s", kind, w, text)
			}
			at = i
		}
		if strings.Contains(text, "Drivers interviewed") {
			t.Errorf("%s: a method's table is listed as a result:\n%s", kind, text)
		}
	}
	// The title states the result: the LinkedIn post opens with it, as X does.
	if li := only(t, res, channel.KindLinkedIn); !strings.HasPrefix(li.Template, "How Miravalle cut empty kilometres by 23%\n") {
		t.Errorf("the LinkedIn post does not open with the title's result:\n%s", li.Template)
	}
}

// TestACaseOpensWithItsResultNotItsStartingPoint: "9.4% of appointments were missed"
// under "The challenge" is how things stood before; posted first, a success story reads
// as a failure. The results open the posts; without a results section the figure is a
// finding like any other.
func TestACaseOpensWithItsResultNotItsStartingPoint(t *testing.T) {
	body := `
## The challenge

Before the change, 9.4% of appointments were missed without notice, and front-desk staff spent 11 hours a week on reminder calls.

## The solution

Vetoplan's booking pages went live in all twelve clinics in March, with reminders by text two days and two hours before each visit.

## HEADING

Unannounced no-shows fell to 3.1% of appointments within six months, a drop of two thirds across the network.
`
	first := func(heading string) string {
		res := deriveText(t, "case.md", "---\ntitle: Vetoplan at Clinique du Parc\n---\n# Vetoplan at Clinique du Parc\n"+strings.Replace(body, "HEADING", heading, 1))
		for _, d := range res.Derivatives {
			if d.Channel == channel.X && d.Kind == channel.KindTweet {
				return d.Template
			}
		}
		t.Fatalf("no post on X: %+v", res.Skipped)
		return ""
	}
	if got := first("Results"); !strings.HasPrefix(got, "Unannounced no-shows fell to 3.1%") {
		t.Errorf("the first post is not the case's result:\n%s", got)
	}
	if got := first("Next steps"); !strings.HasPrefix(got, "Before the change, 9.4%") && !strings.HasPrefix(got, "Unannounced") {
		t.Errorf("without a results section, the first post is neither figure:\n%s", got)
	}
}
