package derive

import (
	"fmt"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/figures"
)

// postChannels are the channels that get single key-sentence posts beside X's tweets
// (which come first, before the thread), with the kind of derivative each gets. The
// counting rules, hashtag cap and link slot of each come from its channel name (count,
// hashtagsFor, refit.ReservedLink).
var postChannels = []struct {
	kind channel.Kind
	ch   channel.Name
}{
	{channel.KindMastodon, channel.Mastodon},
	{channel.KindBluesky, channel.Bluesky},
	{channel.KindThreads, channel.Threads},
}

// tweets are the single posts on X.
func (d *deriver) tweets() { d.posts(channel.KindTweet, channel.X) }

// channelPosts makes the single posts of every channel in postChannels.
func (d *deriver) channelPosts() {
	for _, c := range postChannels {
		d.posts(c.kind, c.ch)
	}
}

// maxTweets is how many single posts each channel is offered, each from a different section.
const maxTweets = 3

// posts are single posts on channel, each a sentence from a different section that stands
// alone and fits whole — the strongest hook first, then the next strongest findings: the
// sentence, the CTA when it fits, the link slot, and the channel's hashtags as far as they
// fit, all within the channel's count with room for the brand's disclosure. Nothing the
// account said already is said again.
func (d *deriver) posts(kind channel.Kind, ch channel.Name) {
	tags := d.hashtagsFor(ch)
	said := d.said.on(ch)
	// A list item's entry ("Retention: including the number of users") is a fragment
	// once its list is gone, and "The framework has a learning curve" names as known what
	// only its heading or the sentence before introduced (needsContext, by candidate:
	// a candidate's Pos is its index).
	needsContext := d.needsContext()
	fits := func(c *extract.Candidate) bool {
		if claim.Labelled(c.Text) || needsContext[c.Pos] {
			return false
		}
		_, _, ok := d.post(kind, ch, 0, c.Section, c.Text, tags)
		return ok
	}
	var picks []int
	usedSection := map[int]bool{}
	pick := func(i int) {
		picks = append(picks, i)
		usedSection[d.a.Candidates[i].Section] = true
		said[i] = true
	}
	// The first post gives a stranger a reason to stop, and says it firmly (claim.Firm):
	// a plain description on every channel is a flat post four times over, not more
	// reach, and "can help reduce…" is a promise. In a language whose marks are not built
	// in (its posts need review anyway), the best ranked sentences stand in.
	// Of those, a figure first, then what goes wrong, as editors ranked them: a number
	// with its comparison, then a risk the reader's team runs ("teams that ship without
	// feedback meet resistance"), ahead of a more central but abstract claim ("platforms
	// matter more than previous paradigms").
	judged := d.a.Judged()
	// A title that states the document's result ("How Northmoor cut blade inspection time
	// by 71% across 142 turbines") is the post a reader shares it with: it opens, and a
	// sentence follows it only as a second post.
	headline := d.headline(kind, ch, tags)
	if h := d.opening(said, func(c *extract.Candidate) bool { return (claim.Firm(c, d.a.Lang) || !judged) && fits(c) }); h >= 0 && headline == "" {
		pick(h)
	}
	// After the first, a post must earn its place as a thread's hook does (claim.Hook): a
	// finding with a figure, a risk or a contrast, strongest first. A requirement strong
	// only by a word ("should be able to increase…"), a hope or a trend ("as X grows, its
	// complexity increases") is a weaker post on the same account, not more reach:
	// editors graded half of such second and third posts bland.
	room := maxTweets // for sentences, after the headline
	if headline != "" {
		room--
	}
	for _, i := range d.a.ByHook() {
		if len(picks) == 0 && headline == "" || len(picks) >= room {
			break // no first post, or every post picked
		}
		c := &d.a.Candidates[i]
		// Nor one finding twice in other words ("受访企业…386万元…" after "企业…386万元…；但…").
		if said[i] || usedSection[c.Section] || slices.ContainsFunc(picks, func(j int) bool { return d.samePoint(c.Text, d.a.Candidates[j].Text) }) {
			continue
		}
		if earns := claim.Hook(c, d.a.Lang) || !judged; earns && fits(c) {
			pick(i)
		}
	}
	if len(picks) == 0 && headline == "" {
		d.skip(kind, ch, fmt.Sprintf("no sentence of the source states a finding, a measured recommendation or a question "+
			"that stands alone and fits in the channel's limit of %d beside the link; a description is a flat post, not more reach",
			d.count(ch, "").Limit))
		return
	}
	first := 1
	if headline != "" {
		x, tpl, _ := d.post(kind, ch, 1, -1, headline, tags)
		d.emit(x, tpl)
		first = 2
	}
	for n, i := range picks {
		c := d.a.Candidates[i]
		x, tpl, _ := d.post(kind, ch, n+first, c.Section, c.Text, tags)
		// A second hook on the same section, tried against the first (an A/B test).
		if kind == channel.KindTweet {
			if j, found := d.a.SecondHook(i, said); found {
				if y, ytpl, ok := d.post(kind, ch, maxTweets+n+first, c.Section, d.a.Candidates[j].Text, tags); ok {
					said[j] = true
					x.Variant, x.Pair, y.Variant, y.Pair = "a", y.ID, "b", x.ID
					d.emit(x, tpl)
					d.emit(y, ytpl)
					continue
				}
			}
		}
		d.emit(x, tpl)
	}
	d.said.say(ch, keys(said)...)
}

// headline is the document's title as a post's sentence when it states a result
// ("…by 71% across 142 turbines"; not a count, as "Capítulo 4 — Fluxo de caixa de 13
// semanas" is), is written like the text, fits the channel beside the link, and no
// other source posted it there; else "".
func (d *deriver) headline(kind channel.Kind, ch channel.Name, tags []string) string {
	title := d.titleResult(ch)
	if title == "" {
		return ""
	}
	if _, _, ok := d.post(kind, ch, 0, -1, title, tags); !ok {
		return ""
	}
	return title
}

// titleResult is the document's title when it states a result, is written like the
// text and no other source posted it on ch; else "".
func (d *deriver) titleResult(ch channel.Name) string {
	title := strings.TrimSpace(d.a.Doc.Title)
	if title == "" || d.titleScript || !figures.Stat(title) || !figures.Result(title) || extract.Question(title) || d.postedLines.Says(title, ch) {
		return ""
	}
	return title
}

// bestOf is the strongest hook (extract's BestHook) of the first tier that has one, or -1:
// a series opens with its best figure when there is one, else with the next kind.
func bestOf(a *extract.Analysis, exclude map[int]bool, tiers ...func(c *extract.Candidate) bool) int {
	for _, tier := range tiers {
		if h := a.BestHook(exclude, tier); h >= 0 {
			return h
		}
	}
	return -1
}

// opening is the sentence an account opens with, or -1: of the firm ones, not in
// exclude, a figure first, then what goes wrong, then the strongest hook.
func (d *deriver) opening(exclude map[int]bool, firm func(c *extract.Candidate) bool) int {
	return bestOf(d.a, exclude,
		func(c *extract.Candidate) bool { return c.Stat && firm(c) },
		func(c *extract.Candidate) bool { return claim.Risky(c.Text, d.a.Lang) && firm(c) },
		firm)
}

func keys[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// post drafts one single post on channel from a sentence: the template and its hashtags.
func (d *deriver) post(kind channel.Kind, ch channel.Name, ordinal, section int, sentence string, tags []string) (Derivative, string, bool) {
	x := d.draft(kind, ch, ordinal, section, sentence)
	valid := d.leavingRoom(d.validOn(ch, x.Backlink))
	tpl, ok := d.tweetTemplate(sentence, valid)
	if !ok {
		return x, "", false
	}
	tpl, x.Hashtags = withHashtags(tpl, tags, "\n", valid)
	return x, tpl, true
}

// tweetTemplate prefers the whole sentence with the CTA, then the whole sentence
// without it; a sentence is never cut.
func (d *deriver) tweetTemplate(sentence string, valid func(string) bool) (string, bool) {
	for _, tail := range []string{"\n\n" + d.ctaLink(), " " + channel.LinkSlot} {
		if t := sentence + tail; valid(t) {
			return t, true
		}
	}
	return "", false
}
