// Package derive turns a parsed document and its analysis (extract) into ready
// derivatives: tweets, threads, single posts, LinkedIn posts, blog teasers and snippets,
// each with its link, call to action, hashtags and the brand's rules, counted and fitted
// by its channel's rules. It is pure: no I/O, so it is fast, deterministic and testable
// without services.
package derive

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive/brandrules"
	"github.com/repurpose/repurpose/derive/claim"
	"github.com/repurpose/repurpose/derive/moments"
	"github.com/repurpose/repurpose/derive/posted"
	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/langid"
	"github.com/repurpose/repurpose/parse"
)

// Options are what From needs besides the document.
type Options struct {
	Version      string          // SHA-256 hex of the source bytes; feeds DerivativeID
	SourceID     string          // for UTM {source}
	CampaignName string          // for UTM {campaign}
	Campaign     config.Campaign // CTA per stage, UTM template, LandingPage
	// PublicPageURL is the toolkit page for the source, linked when the document names no
	// canonical URL and the campaign no landing page.
	PublicPageURL string
	// Brand is the campaign's brand rules (config.File.BrandFor): banned phrases,
	// canonical spellings, hashtag caps per channel, a disclosure every post leaves room for.
	Brand config.Brand
	// MastodonLimit is the Mastodon instance's post limit (config.File.Channels);
	// 0 means LimitMastodon.
	MastodonLimit int
	// Others are what the toolkit's other sources already have on the accounts: no
	// sentence they posted on a channel is posted there again (see repeats.go).
	Others []posted.Source
}

// Result is every derivative made from one document, and what could not be made.
type Result struct {
	Derivatives []Derivative `json:"derivatives"`
	Skipped     []Skipped    `json:"skipped,omitempty"`
	LinkTarget  string       `json:"link_target"` // canonical | landing_page | public_page
	Stage       string       `json:"stage"`
	// Warnings are what a marketer should know of the document as a whole (a language
	// declaration its text contradicts, say); the derivatives are made regardless.
	Warnings []string `json:"warnings,omitempty"`
}

// deriver holds what the generators share while deriving one document.
type deriver struct {
	a      *extract.Analysis
	opt    Options
	locale string
	cta    string
	labels labels
	review string // why every derivative needs a person's review ("" when none does)
	// titleScript: the title is written in another script than the text (see titleRule).
	titleScript bool
	links       linker
	hashtags    []string // every hashtag a post may carry, best first; see hashtagsFor
	brand       brandrules.Rules
	res         Result
	counts      map[countKey]channel.Length // see count
	said        memory                      // what each channel's account has said
	// postedLines are the lines other sources posted on each channel, with those sources
	// (indexes into Options.Others), and ownLines the document's; see elsewhere.
	postedLines posted.Index
	ownLines    map[posted.Line]bool
	// snippetLink stands in for a snippet's link while snippets are chosen (fitsAny).
	snippetLink string
	// linkedInQuoted is the quotation the LinkedIn post carries: no snippet repeats it.
	linkedInQuoted string
	moments        *moments.Index // where a talk says each sentence
	contextNeeded  []bool         // see needsContext
	weightyOf      []int8         // see weighty
	claimMemo      *claim.Memo    // sentences compared, each read once; see memo
	results        []string       // see resultLines
}

// generators run in this order, which is the order of Result.Derivatives.
var generators = []func(*deriver){
	(*deriver).tweets,
	(*deriver).thread,
	(*deriver).channelPosts,
	(*deriver).linkedIn,
	(*deriver).blog,
	(*deriver).snippets,
}

// From makes the ready-to-publish derivatives of a document. It is deterministic: the
// same document and options give byte-identical results and the same IDs. Every
// derivative is valid for its channel; what cannot be made valid is listed in Skipped.
func From(doc *parse.Document, opt Options) Result {
	stage := cmp.Or(doc.Meta.Stage, opt.Campaign.DefaultStage, config.Stages[0])
	brand := brandrules.New(opt.Brand)
	doc = brand.Document(doc) // every generator sees only text the brand allows
	a := extract.Analyze(doc)
	d := newDeriver(a, opt, stage, brand)
	repeats, touched := d.elsewhere(opt.Others)
	for ch, said := range repeats {
		d.said.say(ch, keys(said)...)
	}
	d.run()
	if touched {
		// What the same document makes when nothing is said already tells what the other
		// sources took from it, and which of them.
		free := newDeriver(a, opt, stage, brand)
		free.run()
		d.explain(free.res)
	}
	return d.res
}

// newDeriver readies the generators' shared state for one run over an analysed document.
func newDeriver(a *extract.Analysis, opt Options, stage string, brand brandrules.Rules) *deriver {
	doc := a.Doc
	lbl, known := labelsFor(doc.Lang)
	d := &deriver{
		a:      a,
		opt:    opt,
		locale: cmp.Or(doc.Lang, "und"),
		labels: lbl,
		links:  newLinker(doc, opt, stage),
		brand:  brand,
		counts: map[countKey]channel.Length{},
		said:   memory{},
	}
	d.moments = moments.New(doc.Moments)
	if !known {
		d.review = noLabelsReason(doc.Lang)
	}
	d.cta = brand.Spell(cmp.Or(doc.Meta.CTA, opt.Campaign.CTAFor(stage, doc.Meta.Persona, d.locale), d.labels.CTA[ctaKind(doc)]))
	d.res = Result{Derivatives: []Derivative{}, LinkTarget: d.links.target, Stage: stage, Warnings: slices.Clone(doc.Warnings)}
	d.titleRule()
	return d
}

// run makes the derivatives, generator by generator.
func (d *deriver) run() {
	for _, g := range generators {
		g(d)
	}
}

// titleRule: a title in another language than the text (a translation's page whose body
// was never translated, say) is one warning, and every derivative needs review for it;
// the blog teaser, which opens with the title, is left out when the scripts differ.
func (d *deriver) titleRule() {
	found, script := langid.OtherLanguage(d.a.Doc.Title, d.a.Lang)
	if found == "" {
		return
	}
	text := langid.Name(d.a.Lang)
	why := fmt.Sprintf("the title «%s» is in %s but the text in %s: is this the translation you meant? Posts are in %s",
		d.a.Doc.Title, langid.Name(found), text, text)
	d.res.Warnings = append(d.res.Warnings, why)
	d.review = strings.TrimPrefix(d.review+"; "+why, "; ")
	d.titleScript = script
}

// draft starts a derivative: identity, backlink and CTA. The backlink is deep-linked to
// the moment a talk says sentence (the one the derivative opens with; "" for none), else
// to section, or to the whole document when section < 0.
func (d *deriver) draft(kind channel.Kind, ch channel.Name, ordinal, section int, sentence string) Derivative {
	x := Derivative{
		ID:         derivativeID(d.opt.Version, kind, ch, d.locale, ordinal),
		Kind:       kind,
		Channel:    ch,
		Locale:     d.locale,
		Ordinal:    ordinal,
		CTA:        d.cta,
		Disclosure: d.opt.Brand.Disclosure,
	}
	anchor := ""
	if section >= 0 {
		s := d.a.Doc.Sections[section]
		anchor = s.Anchor
		if s.Heading != "" {
			x.Section = &SectionRef{Heading: s.Heading, Anchor: s.Anchor}
		}
	}
	if at := d.moments.Anchor(sentence); at != "" {
		anchor = at
	}
	x.Backlink = d.links.link(kind, ch, ordinal, anchor)
	return x
}

// emit renders a drafted derivative's template, counts it for its channel with the link
// slot at its reserved weight (unless the generator counted it already) and adds it.
func (d *deriver) emit(x Derivative, template string) {
	x.Template = template
	x.NeedsReview = d.review
	post := channel.Render(x.Channel, template, x.Backlink)
	x.Text, x.Facets = post.Text, post.Facets
	if x.Length == nil {
		l := d.countTemplate(x.Channel, template, x.Backlink)
		x.Length = &l
	}
	d.res.Derivatives = append(d.res.Derivatives, x)
}

// ctaLink is the call to action followed by the link slot; the slot alone when there is no
// call to action in the document's language.
func (d *deriver) ctaLink() string {
	if d.cta == "" {
		return channel.LinkSlot
	}
	return d.cta + " " + channel.LinkSlot
}

func (d *deriver) skip(kind channel.Kind, ch channel.Name, reason string) {
	d.res.Skipped = append(d.res.Skipped, Skipped{Kind: kind, Channel: ch, Reason: reason})
}

// validX reports whether a template, its slot holding link, is a valid post on X.
func (d *deriver) validX(link string) func(string) bool { return d.validOn(channel.X, link) }

// withHashtags appends as many of tags (up to all) as keep the template valid.
func withHashtags(template string, tags []string, sep string, valid func(string) bool) (string, []string) {
	for n := len(tags); n > 0; n-- {
		if t := template + sep + strings.Join(tags[:n], " "); valid(t) {
			return t, tags[:n]
		}
	}
	return template, nil
}
