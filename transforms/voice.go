package transforms

import "github.com/repurpose/repurpose/config"

// campaignCTA is the campaign's call to action for the stage, the document's persona and
// its locale. A regional locale ("es-MX") falls back to its language ("es") when no
// override names the region itself.
func campaignCTA(c config.Campaign, stage, persona, locale string) string {
	cta := c.CTAFor(stage, persona, locale)
	if base := baseLang(locale); base != locale && cta == c.CTA[stage] {
		cta = c.CTAFor(stage, persona, base)
	}
	return cta
}
