package record

import (
	"fmt"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/derive/posted"
	"github.com/repurpose/repurpose/derive/slug"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/tasks"
)

// Build derives a parsed document for its campaign and shapes the source record and
// bundle the toolkit stores; `repurpose derive` prints the same shapes without storing
// them. others are what the toolkit's other sources already posted, for the posts to
// say none of it again (nil: nothing). A campaign that is not configured is an *parse.InputError under
// campaigns_strict, else a warning on the source: the default campaign's settings apply,
// and the document's own name stays in utm_campaign.
func Build(in tasks.Ingest, id, version string, doc *parse.Document, cfg *config.Config, others []posted.Source) (*Source, *Bundle, error) {
	campaign, camp := cfg.File.Campaign(doc.Meta.Campaign)
	var warnings []string
	if unknown := cfg.File.UnknownCampaign(doc.Meta.Campaign); unknown != "" {
		if cfg.File.CampaignsStrict {
			return nil, nil, &parse.InputError{Reason: "the document names " + unknown}
		}
		warnings = append(warnings, fmt.Sprintf("the document names %s: it runs with the settings of %q; fix the name or add the campaign", unknown, campaign))
		if name := doc.Meta.Campaign; config.ValidCampaignName(name) {
			campaign = name // kept for utm_campaign, so its clicks are told apart
		}
	}
	pageSlug := slug.Title(doc.Title)
	if pageSlug == "" {
		pageSlug = "source"
	}
	pageSlug += "-" + id[:6]
	res := derive.From(doc, derive.Options{
		Version: version, SourceID: id, CampaignName: campaign, Campaign: camp,
		PublicPageURL: cfg.Infra.PublicURL + "/p/" + pageSlug,
		Brand:         cfg.File.BrandFor(camp), MastodonLimit: cfg.File.Channels.MastodonLimit,
		Others: others,
	})
	src := &Source{
		ID: id, Bucket: in.Bucket, Key: in.Key, Title: doc.Title, Version: version,
		ETag: tasks.NormalizeETag(in.ETag), Size: in.Size, Format: doc.Format, Outline: doc.Outline(), Lang: doc.Lang,
		Campaign: campaign, Stage: res.Stage, Tags: doc.Meta.Tags, Regions: doc.Meta.Regions, Summary: doc.Summary,
		LinkTarget: res.LinkTarget, Slug: pageSlug, Counts: Counts(res.Derivatives, len(res.Skipped)),
		Skipped: res.Skipped, Warnings: append(warnings, res.Warnings...),
	}
	b := &Bundle{SourceID: id, Version: version, Document: doc, Derivatives: res.Derivatives,
		Skipped: res.Skipped, LinkTarget: res.LinkTarget, Stage: res.Stage, Campaign: campaign, AutoApprove: camp.AutoApprove}
	return src, b, nil
}
