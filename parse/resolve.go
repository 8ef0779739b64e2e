package parse

import "net/url"

// resolveLinks makes the body's relative links and images absolute against the document's
// canonical URL, so a link copied into a post still leads somewhere. Without a canonical
// URL there is nothing to resolve against, and links stay as written.
func resolveLinks(doc *Document) {
	base, err := url.Parse(doc.Meta.CanonicalURL)
	if err != nil || !base.IsAbs() {
		return
	}
	abs := func(ref string) string {
		u, err := url.Parse(ref)
		if err != nil || u.IsAbs() || ref == "" || ref[0] == '#' {
			return ref // absolute already, unparsable, or an in-page anchor
		}
		return base.ResolveReference(u).String()
	}
	for i := range doc.Links {
		doc.Links[i].URL = abs(doc.Links[i].URL)
	}
	for i := range doc.Images {
		doc.Images[i].URL = abs(doc.Images[i].URL)
	}
}
