package derive

import "github.com/repurpose/repurpose/derive/hashtag"

// allHashtags are every tag a post of the document may carry, best first (hashtag.Tags).
func (d *deriver) allHashtags() []string {
	return hashtag.Tags(d.a, d.opt.Brand.HashtagAliases, d.opt.Campaign.Hashtags)
}
