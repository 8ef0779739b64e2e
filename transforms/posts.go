package transforms

import "fmt"

// postChannels are the channels that get single key-sentence posts beside X's tweets
// (which come first, before the thread), with the kind of derivative each gets. The
// counting rules, hashtag cap and link slot of each come from its channel name (count,
// hashtagsFor, reservedLink).
var postChannels = []struct{ kind, channel string }{
	{KindMastodon, ChannelMastodon},
	{KindBluesky, ChannelBluesky},
	{KindThreads, ChannelThreads},
}

// tweets are the single posts on X.
func (d *deriver) tweets() { d.posts(KindTweet, ChannelX) }

// channelPosts makes the single posts of every channel in postChannels.
func (d *deriver) channelPosts() {
	for _, c := range postChannels {
		d.posts(c.kind, c.channel)
	}
}

// maxTweets is how many single posts each channel is offered, each from a different section.
const maxTweets = 3

// posts are single posts on channel, one per strong key sentence from different
// sections: the sentence, the CTA when it fits, the link slot, and
// the channel's hashtags as far as they fit, all within the channel's count with room
// for the brand's disclosure.
func (d *deriver) posts(kind, channel string) {
	picks := d.a.keyPoints(maxTweets, 1, nil)
	if len(picks) == 0 {
		d.skip(kind, channel, "the source has no sentence to build a post on")
		return
	}
	tags := d.hashtagsFor(channel)
	picked := map[int]bool{}
	for _, i := range picks {
		picked[i] = true
	}
	for n, i := range picks {
		c := d.a.cands[i]
		x, tpl, ok := d.post(kind, channel, n+1, c.section, c.text, tags)
		if !ok {
			d.skip(kind, channel, fmt.Sprintf("post %d: no part of its key sentence fits in the channel's limit of %d beside the link",
				n+1, d.count(channel, "").Limit))
			continue
		}
		if kind != KindTweet {
			d.emit(x, tpl)
			continue
		}
		// A second hook on the same section, tried against the first (an A/B test).
		if j, found := d.a.secondHook(i, picked); found {
			if y, ytpl, ok := d.post(kind, channel, maxTweets+n+1, c.section, d.a.cands[j].text, tags); ok {
				picked[j] = true
				x.Variant, x.Pair, y.Variant, y.Pair = "a", y.ID, "b", x.ID
				d.emit(x, tpl)
				d.emit(y, ytpl)
				continue
			}
		}
		d.emit(x, tpl)
	}
}

// post drafts one single post on channel from a sentence: the template and its hashtags.
func (d *deriver) post(kind, channel string, ordinal, section int, sentence string, tags []string) (Derivative, string, bool) {
	x := d.draft(kind, channel, ordinal, section)
	valid := d.leavingRoom(d.validOn(channel, x.Backlink))
	tpl, ok := d.tweetTemplate(sentence, valid)
	if !ok {
		return x, "", false
	}
	tpl, x.Hashtags = withHashtags(tpl, tags, "\n", valid)
	return x, tpl, true
}

// tweetTemplate prefers the whole sentence with the CTA, then the whole sentence
// without it, then the sentence cut to make room for the CTA.
func (d *deriver) tweetTemplate(sentence string, valid func(string) bool) (string, bool) {
	withCTA := "\n\n" + d.ctaLink()
	bare := " " + LinkSlot
	for _, tail := range []string{withCTA, bare} {
		if t := sentence + tail; valid(t) {
			return t, true
		}
	}
	return fitPost(sentence, withCTA, valid)
}
