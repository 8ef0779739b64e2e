package transforms

import "strconv"

// maxTweets is how many single posts are offered, each from a different section.
const maxTweets = 3

// tweets are single posts on X: a strong key sentence, the CTA when it fits, the link,
// and up to two hashtags when they fit.
func (d *deriver) tweets() {
	picks := d.a.keyPoints(maxTweets, 1, nil)
	if len(picks) == 0 {
		d.skip(KindTweet, ChannelX, "the source has no sentence to build a post on")
		return
	}
	tags := hashtags(d.a.doc.Meta.Tags, d.keywords, 2)
	for n, i := range picks {
		c := d.a.cands[i]
		x := d.draft(KindTweet, ChannelX, n+1, c.section)
		valid := d.validX(x.Backlink)
		tpl, ok := d.tweetTemplate(c.text, valid)
		if !ok {
			d.skip(KindTweet, ChannelX, "post "+strconv.Itoa(n+1)+": no part of its key sentence fits in 280 weighted characters beside the link")
			continue
		}
		tpl, x.Hashtags = withHashtags(tpl, tags, "\n", valid)
		d.emit(x, tpl)
	}
}

// tweetTemplate prefers the whole sentence with the CTA, then the whole sentence
// without it, then the sentence cut to make room for the CTA.
func (d *deriver) tweetTemplate(sentence string, valid func(string) bool) (string, bool) {
	withCTA := "\n\n" + d.cta + " " + LinkSlot
	bare := " " + LinkSlot
	for _, tail := range []string{withCTA, bare} {
		if t := sentence + tail; valid(t) {
			return t, true
		}
	}
	return fitPost(sentence, withCTA, valid)
}
