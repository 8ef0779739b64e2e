// Package translations is regional teams' translations of approved derivatives: the
// record of each source version's translations in S3, its Redis index, the queue of what
// awaits translating, the snippets ready in each locale, and machine translation through
// a provider of package translate. It serves no HTTP: callers pass who acts as plain
// values, and errors are errs.Error kinds.
package translations

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/derive/refit"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/translate"
)

// A translation is a
// draft until a regional reviewer (or marketing) approves it; only approved translations
// are offered. The record is one object per source version, like approvals, so a new
// version starts with no translations; Redis indexes each (derivative, locale) pair.

// Translation is one derivative's translation into one locale.
type Translation struct {
	// Text is the rendering with the canonical backlink; Template has the link slot.
	Text     string `json:"text"`
	Template string `json:"template"`
	// Parts are a thread's posts, each refitted on its own.
	Parts  []derive.Part       `json:"parts,omitempty"`
	Status record.ReviewStatus `json:"status"`
	// Machine says a provider wrote it, named by Provider.
	Machine  bool   `json:"machine"`
	Provider string `json:"provider,omitempty"`
	// By and At are who wrote this text and when.
	By string    `json:"by"`
	At time.Time `json:"at"`
	// Length is the channel's count of the text, as a derivative's.
	Length channel.Length `json:"length"`
	// Cut says the text was shortened to fit the channel's limit.
	Cut bool `json:"cut,omitempty"`
	// ReviewedBy and ReviewedAt are the last approval or rejection.
	ReviewedBy string    `json:"reviewed_by,omitempty"`
	ReviewedAt time.Time `json:"reviewed_at,omitzero"`
	// Media are the translation's own cards (and carousel), rendered from its words with
	// alt text in its language, and the source's link preview image; set by the worker
	// after the text is saved (SetMedia), none until then.
	Media []record.Media `json:"media,omitempty"`
}

// Record is the translations of one source version: derivative ID -> locale ->
// translation.
type Record struct {
	Derivatives map[string]map[string]Translation `json:"derivatives"`
}

// View is a translation as the index and the API show it.
type View struct {
	Translation
	DerivativeID string `json:"derivative_id"`
	SourceID     string `json:"source_id"`
	Locale       string `json:"locale"`
}

// PostTemplates are the templates a derivative goes out from: its translation tr's when
// there is one (nil in the derivative's own locale), else its own. The planner hashes and
// the publisher renders them, so both see the same words.
func PostTemplates(d *record.Derivative, tr *View) []string {
	if tr != nil {
		return templates(tr.Template, tr.Parts)
	}
	return templates(d.Template, d.Parts)
}

// templates are a thread's parts' templates, or the single post's template.
func templates(template string, parts []derive.Part) []string {
	if len(parts) == 0 {
		return []string{template}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.Template
	}
	return out
}

// Service keeps the translations of a record's sources.
type Service struct {
	rec *record.Store
	cfg *config.Config
	rdb redis.UniversalClient
	loc config.Location // the toolkit bucket: translations/{source}/{version}.json
	now func() time.Time
	// provider is the machine translation provider; nil means people translate.
	provider translate.Provider
}

// New returns the translations of rec's sources; now is the clock.
func New(rec *record.Store, cfg *config.Config, rdb redis.UniversalClient, now func() time.Time) *Service {
	return &Service{rec: rec, cfg: cfg, rdb: rdb, loc: cfg.Infra.Toolkit, now: now}
}

// SetProvider sets the machine translation provider; nil leaves translation to people.
// Call it before serving.
func (s *Service) SetProvider(p translate.Provider) { s.provider = p }

// Machine says a provider is set, so machines may translate.
func (s *Service) Machine() bool { return s.provider != nil }

func (s *Service) recordKey(id, version string) string {
	return s.loc.Prefix + "translations/" + id + "/" + version + ".json"
}

// Input is a translation to save: a person's Text (or a thread's Parts), or
// Machine to ask the configured provider.
type Input struct {
	Text    string   `json:"text"`
	Parts   []string `json:"parts"`
	Machine bool     `json:"machine"`
}

// Translate saves a draft translation of an approved derivative into locale, refitted to
// the derivative's channel. A new text replaces any earlier one, approved or not, and
// needs approving again.
func (s *Service) Translate(ctx context.Context, derivID, locale string, in Input, by string) (*View, error) {
	v, err := s.translate(ctx, derivID, locale, in, by)
	if err == nil {
		s.changed(ctx, v.SourceID, "translation "+locale, true)
	}
	return v, err
}

// changed re-plans a source whose translations changed and, with images, renders its
// cards again in the new words.
func (s *Service) changed(ctx context.Context, sourceID, why string, images bool) {
	s.rec.Replan(ctx, sourceID, why)
	if images {
		s.queueImages(ctx, sourceID, why)
	}
}

// translate is Translate without its consequences (re-planning, rendering), which a
// batch has once for all its texts.
func (s *Service) translate(ctx context.Context, derivID, locale string, in Input, by string) (*View, error) {
	d, err := s.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if d.Status != record.Approved {
		return nil, errs.E("translations.Translate", errs.Conflict, fmt.Sprintf("derivative %s is %s: only approved derivatives are translated", derivID, d.Status))
	}
	if strings.EqualFold(d.Locale, locale) {
		return nil, errs.E("translations.Translate", errs.Conflict, fmt.Sprintf("derivative %s is already in %s", derivID, d.Locale))
	}
	var templates []string // one per post: the template, or a thread's parts
	tr := Translation{Status: record.Draft, By: by, At: s.now()}
	switch {
	case in.Machine:
		if s.provider == nil {
			return nil, &errs.Error{Op: "translations.Translate", Kind: errs.Conflict,
				Msg: "no translation provider is configured: translation is human-only", Err: translate.ErrHumanOnly}
		}
		if templates, err = s.machineTranslate(ctx, d, locale); err != nil {
			return nil, err
		}
		tr.Machine, tr.Provider = true, s.provider.Name()
	case d.Kind == channel.KindThread:
		if templates, err = threadParts(d, in); err != nil {
			return nil, err
		}
	default:
		if strings.TrimSpace(in.Text) == "" {
			return nil, errs.E("translations.Translate", errs.Invalid, `send {"text": "..."} with the translation, or {"machine": true}`)
		}
		templates = []string{review.WithSlot(in.Text, d.Template)}
	}
	if err := s.fit(d, templates, &tr); err != nil {
		return nil, err
	}
	v, err := s.put(ctx, d, locale, func(old *Translation) (*Translation, error) { return &tr, nil })
	if err == nil {
		s.clearFailure(ctx, d.SourceID, Key(d.ID, locale))
	}
	return v, err
}

// queueImages asks for the source's images to be rendered again, its translations'
// among them.
func (s *Service) queueImages(ctx context.Context, sourceID, why string) {
	if src, err := s.rec.Source(ctx, sourceID); err == nil && src.Version != "" && !src.Withdrawn() {
		s.rec.Files().Queue(ctx, src, why)
	}
}

// Decide approves or rejects a derivative's translation into locale.
func (s *Service) Decide(ctx context.Context, derivID, locale string, status record.ReviewStatus, by string) (*View, error) {
	d, err := s.rec.Derivative(ctx, derivID)
	if err != nil {
		return nil, err
	}
	if status == record.Approved && d.Status != record.Approved {
		return nil, errs.E("translations.Decide", errs.Conflict, fmt.Sprintf("derivative %s is %s: only translations of approved derivatives are approved", derivID, d.Status))
	}
	render := false
	v, err := s.put(ctx, d, locale, func(old *Translation) (*Translation, error) {
		if old == nil {
			return nil, errs.E("translations.Decide", errs.NotFound, fmt.Sprintf("derivative %s has no translation into %s yet", derivID, locale))
		}
		old.Status, old.ReviewedBy, old.ReviewedAt = status, by, s.now()
		render = status == record.Approved && len(old.Media) == 0 // not rendered yet (or nothing to render)
		return old, nil
	})
	if err == nil {
		s.changed(ctx, d.SourceID, "translation "+locale+" "+string(status), render)
	}
	return v, err
}

// put changes one translation of the source's current version: record first,
// then index, under the source's lock. Callers re-plan the source (changed).
func (s *Service) put(ctx context.Context, d *record.Derivative, locale string, change func(*Translation) (*Translation, error)) (*View, error) {
	var out *View
	err := s.rec.Locks().WithLock(ctx, "source:"+d.SourceID, func() error {
		src, err := s.rec.Source(ctx, d.SourceID)
		if err != nil {
			return err
		}
		current, err := s.rec.IsCurrent(ctx, src.ID, d.ID)
		if err != nil {
			return err
		}
		if !current || src.Version == "" {
			return errs.E("translations.put", errs.Conflict, fmt.Sprintf("derivative %s belongs to an earlier version of its source", d.ID))
		}
		trs, err := s.record(ctx, src.ID, src.Version)
		if err != nil {
			return err
		}
		var old *Translation
		if tr, ok := trs.Derivatives[d.ID][locale]; ok {
			old = &tr
		}
		tr, err := change(old)
		if err != nil {
			return err
		}
		if trs.Derivatives[d.ID] == nil {
			trs.Derivatives[d.ID] = map[string]Translation{}
		}
		trs.Derivatives[d.ID][locale] = *tr
		if err := s.rec.PutJSON(ctx, s.recordKey(src.ID, src.Version), trs); err != nil {
			return err
		}
		out = &View{Translation: *tr, DerivativeID: d.ID, SourceID: src.ID, Locale: locale}
		return s.indexTranslation(ctx, out)
	})
	return out, err
}

// fit refits templates to the derivative's channel and fills tr's text,
// template, parts and length.
func (s *Service) fit(d *record.Derivative, templates []string, tr *Translation) error {
	_, campaign := s.cfg.File.Campaign(d.Campaign)
	opt := refit.Options{MastodonLimit: s.cfg.File.Channels.MastodonLimit, Disclosure: s.cfg.File.BrandFor(campaign).Disclosure}
	ch := d.Channel
	fitted, length, ok := refit.Parts(ch, templates, d.Backlink, opt)
	if !ok {
		limit := length.Limit
		return &errs.Error{Op: "translations.fit", Kind: errs.Rejected, Code: "does_not_fit", Msg: fmt.Sprintf("the translation does not fit on %s: its link, call to action and hashtags leave no room for even one word within the limit of %d (counted by %s's rules, the link as it will be posted)", ch, limit, ch)}
	}
	tr.Cut = !slices.Equal(fitted, templates)
	tr.Length = length
	if d.Kind == channel.KindThread || len(fitted) > 1 {
		texts := make([]string, len(fitted))
		for i, p := range fitted {
			txt := channel.Render(ch, p, d.Backlink).Text
			_, l, _ := refit.Post(ch, p, d.Backlink, opt)
			tr.Parts = append(tr.Parts, derive.Part{Text: txt, Template: p, Length: l})
			texts[i] = txt
		}
		tr.Template = strings.Join(fitted, "\n\n")
		tr.Text = strings.Join(texts, "\n\n")
		return nil
	}
	tr.Template = fitted[0]
	tr.Text = channel.Render(ch, fitted[0], d.Backlink).Text
	return nil
}

// machineTranslate asks the provider for the derivative's templates in locale, keeping
// the brand's spellings, the link slot, hashtag lines and a thread's numbering as they
// are.
func (s *Service) machineTranslate(ctx context.Context, d *record.Derivative, locale string) ([]string, error) {
	templates := []string{d.Template}
	if len(d.Parts) > 0 {
		templates = templates[:0]
		for _, p := range d.Parts {
			templates = append(templates, p.Template)
		}
	}
	var texts []string
	rebuild := make([]func([]string) string, len(templates))
	for i, tpl := range templates {
		start := len(texts)
		var pieces []string
		pieces, rebuild[i] = mtSplit(tpl)
		texts = append(texts, pieces...)
		r := rebuild[i]
		n := len(pieces)
		rebuild[i] = func(all []string) string { return r(all[start : start+n]) }
	}
	_, campaign := s.cfg.File.Campaign(d.Campaign)
	res, err := translate.Run(ctx, s.provider, translate.Request{Texts: texts, Source: d.Locale, Target: locale,
		Keep: s.cfg.File.BrandFor(campaign).Spellings})
	if err == nil && len(res.Texts) != len(texts) {
		err = &translate.Error{Op: "translate", Provider: s.provider.Name(), Kind: translate.KindPermanent,
			Msg: fmt.Sprintf("asked for %d translations, got %d", len(texts), len(res.Texts))}
	}
	if err != nil {
		return nil, providerFault(err)
	}
	out := make([]string, len(templates))
	for i := range templates {
		out[i] = rebuild[i](res.Texts)
	}
	return out, nil
}

// mtNumbering is a thread post's " (i/n)", which no engine should touch.
var mtNumbering = regexp.MustCompile(`\s*\(\d+/\d+\)\s*$`)

// mtSplit splits a template into the texts a provider translates — each line's words
// around the link slot — and returns how to put the translations back. Hashtag-only
// lines, the slot, a thread's numbering and surrounding white space stay as they are.
func mtSplit(template string) ([]string, func([]string) string) {
	type piece struct {
		lit  string
		hole int // index into texts, or -1 for a literal
	}
	var pieces []piece
	var texts []string
	lit := func(s string) { pieces = append(pieces, piece{lit: s, hole: -1}) }
	segment := func(s string) {
		core := strings.TrimFunc(s, unicode.IsSpace)
		if !strings.ContainsFunc(core, unicode.IsLetter) {
			lit(s)
			return
		}
		i := strings.Index(s, core)
		lit(s[:i])
		pieces = append(pieces, piece{hole: len(texts)})
		texts = append(texts, core)
		lit(s[i+len(core):])
	}
	for n, line := range strings.Split(template, "\n") {
		if n > 0 {
			lit("\n")
		}
		end := ""
		if m := mtNumbering.FindStringIndex(line); m != nil {
			line, end = line[:m[0]], line[m[0]:]
		}
		if review.IsHashtags(line) {
			lit(line + end)
			continue
		}
		for k, seg := range strings.Split(line, channel.LinkSlot) {
			if k > 0 {
				lit(channel.LinkSlot)
			}
			segment(seg)
		}
		lit(end)
	}
	return texts, func(translated []string) string {
		var b strings.Builder
		for _, p := range pieces {
			if p.hole >= 0 {
				b.WriteString(translated[p.hole])
			} else {
				b.WriteString(p.lit)
			}
		}
		return b.String()
	}
}

// threadNumbered ends a post with its " (i/n)".
var threadNumbered = regexp.MustCompile(`\(\d+/\d+\)[ \t]*(\n|$)`)

// threadParts are a person's translation of a thread: Parts, or Text split after each
// post's "(i/n)". The link slot goes in the last post when left out.
func threadParts(d *record.Derivative, in Input) ([]string, error) {
	parts := in.Parts
	if len(parts) == 0 && strings.TrimSpace(in.Text) != "" {
		rest := strings.TrimSpace(in.Text)
		for rest != "" {
			m := threadNumbered.FindStringIndex(rest)
			if m == nil {
				parts = append(parts, rest)
				break
			}
			parts = append(parts, strings.TrimSpace(rest[:m[1]]))
			rest = strings.TrimSpace(rest[m[1]:])
		}
		if len(parts) < 2 {
			parts = nil
		}
	}
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return nil, errs.E("translations.threadParts", errs.Invalid, "a thread's parts must not be empty")
		}
	}
	if len(parts) == 0 {
		return nil, errs.E("translations.threadParts", errs.Invalid, `a thread is translated post by post: send {"parts": ["...", ...]}, or text that keeps each post's (i/n)`)
	}
	last := ""
	if len(d.Parts) > 0 {
		last = d.Parts[len(d.Parts)-1].Template
	}
	hasSlot := slices.ContainsFunc(parts, func(p string) bool { return strings.Contains(p, channel.LinkSlot) })
	if !hasSlot {
		parts[len(parts)-1] = review.WithSlot(parts[len(parts)-1], last)
	}
	return parts, nil
}

// providerFault gives a translation provider's error its kind: a rate limit is to be
// tried again later, a permanent refusal (an unsupported pair, a lost brand name) is
// the text's, and anything else from the provider is the service being unavailable.
func providerFault(err error) error {
	const op = "translations.machineTranslate"
	var terr *translate.Error
	switch _, limited := translate.RetryAfter(err); {
	case limited:
		after, _ := translate.RetryAfter(err)
		return &errs.Error{Op: op, Kind: errs.RateLimited, Msg: fmt.Sprintf("the translation service is busy; try again in %s", after.Round(time.Second)), Err: err}
	case translate.IsPermanent(err):
		msg := err.Error()
		if errors.As(err, &terr) && terr.Msg != "" {
			msg = terr.Msg
		}
		return &errs.Error{Op: op, Kind: errs.Permanent, Code: "translation_failed", Msg: "the translation service refused the text: " + msg, Err: err}
	case errors.As(err, &terr):
		// The cause ("dial tcp …", "HTTP 502") is for the logs; a person is told what to do.
		what := "could not be reached"
		if terr.Status != 0 {
			what = "did not answer properly"
		}
		return &errs.Error{Op: op, Kind: errs.Unavailable, Code: "translation_unavailable",
			Msg: "the translation service " + what + ", so nothing was translated; try again in a few minutes, and if it keeps failing ask an administrator to check the translation service", Err: err}
	}
	return err
}

// record reads a source version's translations from the record.
func (s *Service) record(ctx context.Context, id, version string) (*Record, error) {
	trs := &Record{}
	err := s.rec.GetJSON(ctx, s.recordKey(id, version), trs)
	if err != nil && !errors.Is(err, s3store.ErrNotFound) {
		return nil, err
	}
	if trs.Derivatives == nil {
		trs.Derivatives = map[string]map[string]Translation{}
	}
	return trs, nil
}

// Redis index of translations.
const keyTranslation = "repurpose:translation" // hash: derivID/locale -> View JSON

func keySourceTranslations(id string) string { return "repurpose:srctrans:" + id }

// publicMedia makes an approved translation's media public, and no other's.
func (s *Service) publicMedia(ctx context.Context, key string, tr *Translation) error {
	var keys []string
	if tr != nil && tr.Status == record.Approved {
		for _, m := range tr.Media {
			if m.Key != "" && !slices.Contains(keys, m.Key) {
				keys = append(keys, m.Key)
			}
		}
	}
	return s.rec.Files().SetPublic(ctx, record.TranslationMediaOwner(key), keys)
}

// indexTranslation stores one translation in the index.
func (s *Service) indexTranslation(ctx context.Context, v *View) error {
	if err := s.publicMedia(ctx, Key(v.DerivativeID, v.Locale), &v.Translation); err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	f := Key(v.DerivativeID, v.Locale)
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, keyTranslation, f, b)
		p.SAdd(ctx, keySourceTranslations(v.SourceID), f)
		return nil
	})
	return err
}

// IndexVersion replaces a source's translations in the index with those of its
// current version's record (a record.Extensions hook).
func (s *Service) IndexVersion(ctx context.Context, src *record.Source) error {
	trs := &Record{}
	if src.Version != "" {
		var err error
		if trs, err = s.record(ctx, src.ID, src.Version); err != nil {
			return err
		}
	}
	old, err := s.rdb.SMembers(ctx, keySourceTranslations(src.ID)).Result()
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := s.publicMedia(ctx, f, nil); err != nil {
			return err
		}
	}
	for did, byLocale := range trs.Derivatives {
		for locale, tr := range byLocale {
			if err := s.publicMedia(ctx, Key(did, locale), &tr); err != nil {
				return err
			}
		}
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if len(old) > 0 {
			p.HDel(ctx, keyTranslation, old...)
		}
		p.Del(ctx, keySourceTranslations(src.ID))
		for did, byLocale := range trs.Derivatives {
			for locale, tr := range byLocale {
				b, err := json.Marshal(View{Translation: tr, DerivativeID: did, SourceID: src.ID, Locale: locale})
				if err != nil {
					return err
				}
				f := Key(did, locale)
				p.HSet(ctx, keyTranslation, f, b)
				p.SAdd(ctx, keySourceTranslations(src.ID), f)
			}
		}
		return nil
	})
	return err
}

// Indexed reads the translations of (derivative, locale) pairs from the
// index; missing ones are absent from the map.
func (s *Service) Indexed(ctx context.Context, fields []string) (map[string]*View, error) {
	return record.IndexedValues[View](ctx, s.rdb, keyTranslation, fields)
}

// Scope is the locales a listing covers, each with the regions it is read in; no
// regions means any region.
type Scope map[string][]string

// approvedFor lists the approved derivatives meant for any of regions (all when none).
func (s *Service) approvedFor(ctx context.Context, regions []string) ([]record.Derivative, error) {
	page, err := s.rec.Topics(ctx, record.TopicFilter{Status: record.Approved}, 1<<30, "")
	if err != nil {
		return nil, err
	}
	if len(regions) == 0 {
		return page.Items, nil
	}
	out := page.Items[:0]
	for _, d := range page.Items {
		if slices.ContainsFunc(regions, func(r string) bool { return (record.TopicFilter{Region: r}).Match(&d) }) {
			out = append(out, d)
		}
	}
	return out, nil
}

// QueueItem is one approved derivative awaiting, or holding, a translation into Locale.
type QueueItem struct {
	Derivative  record.Derivative `json:"derivative"`
	Locale      string            `json:"locale"`
	Status      string            `json:"status"` // missing | failed | draft | approved | rejected
	Translation *Translation      `json:"translation,omitempty"`
	// Error is why its machine translation failed (status failed).
	Error string `json:"error,omitempty"`
}

// approvedWithTranslations reads the approved derivatives meant for locale's regions in
// scope, and their translations into locale, keyed by translationField.
func (s *Service) approvedWithTranslations(ctx context.Context, scope Scope, locale string) ([]record.Derivative, map[string]*View, error) {
	ds, err := s.approvedFor(ctx, scope[locale])
	if err != nil {
		return nil, nil, err
	}
	fields := make([]string, 0, len(ds))
	for _, d := range ds {
		fields = append(fields, Key(d.ID, locale))
	}
	trs, err := s.Indexed(ctx, fields)
	return ds, trs, err
}

// Missing is the queue status of a derivative not yet translated into a locale.
const Missing = "missing"

// QueueStatuses are the statuses a queue is listed by ("" for all).
var QueueStatuses = []string{"", Missing, Failed, string(record.Draft), string(record.Approved), string(record.Rejected)}

// Queue lists, per locale of scope, the approved derivatives meant for its
// regions in another locale, with their translation status; status filters it ("" for
// all; missing includes failed, which are missing too).
func (s *Service) Queue(ctx context.Context, scope Scope, status string) ([]QueueItem, error) {
	locales := scope.Locales()
	out := []QueueItem{}
	var fails map[string]map[string]failure
	for _, locale := range locales {
		ds, trs, err := s.approvedWithTranslations(ctx, scope, locale)
		if err != nil {
			return nil, err
		}
		if fails == nil {
			if fails, err = s.failures(ctx, sourceIDs(ds)); err != nil {
				return nil, err
			}
		}
		for _, d := range ds {
			if strings.EqualFold(d.Locale, locale) {
				continue // already in the locale: nothing to translate
			}
			it := QueueItem{Derivative: d, Locale: locale, Status: Missing}
			if tv := trs[Key(d.ID, locale)]; tv != nil {
				it.Status, it.Translation = string(tv.Status), &tv.Translation
			} else if f, ok := fails[d.SourceID][Key(d.ID, locale)]; ok {
				it.Status, it.Error = Failed, f.Error
			}
			if status == "" || it.Status == status || status == Missing && it.Status == Failed {
				out = append(out, it)
			}
		}
	}
	return out, nil
}

// sourceIDs are the sources of ds, each once.
func sourceIDs(ds []record.Derivative) []string {
	var ids []string
	for _, d := range ds {
		if !slices.Contains(ids, d.SourceID) {
			ids = append(ids, d.SourceID)
		}
	}
	return ids
}

// Snippet is an approved text ready for a region in a locale: an approved translation,
// or an original already in the locale.
type Snippet struct {
	ID       string          `json:"id"`
	SourceID string          `json:"source_id"`
	Kind     string          `json:"kind"`
	Channel  string          `json:"channel"`
	Type     string          `json:"type,omitempty"`
	Locale   string          `json:"locale"`
	Text     string          `json:"text"`
	Template string          `json:"template"`
	Link     string          `json:"link"`
	Status   string          `json:"status"`
	Length   *channel.Length `json:"length,omitempty"`
	// Translated says Text is a translation (Original is then the derivative's own locale).
	Translated bool   `json:"translated"`
	Original   string `json:"original_locale,omitempty"`
	Machine    bool   `json:"machine,omitempty"`
}

// Snippets lists what regions may publish in each locale of scope: approved translations
// into it and approved originals in it.
func (s *Service) Snippets(ctx context.Context, scope Scope) ([]Snippet, error) {
	out := []Snippet{}
	for _, locale := range scope.Locales() {
		ds, trs, err := s.approvedWithTranslations(ctx, scope, locale)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			sn := Snippet{ID: d.ID, SourceID: d.SourceID, Kind: string(d.Kind), Channel: string(d.Channel), Type: d.Type, Locale: locale,
				Link: d.Backlink, Status: string(record.Approved)}
			if strings.EqualFold(d.Locale, locale) {
				sn.Text, sn.Template, sn.Length = d.Text, d.Template, d.Length
				out = append(out, sn)
				continue
			}
			tv := trs[Key(d.ID, locale)]
			if tv == nil || tv.Status != record.Approved {
				continue
			}
			l := tv.Length
			sn.Text, sn.Template, sn.Length = tv.Text, tv.Template, &l
			sn.Translated, sn.Original, sn.Machine = true, d.Locale, tv.Machine
			out = append(out, sn)
		}
	}
	return out, nil
}

// Locales are the scope's locales, in order.
func (sc Scope) Locales() []string {
	locales := make([]string, 0, len(sc))
	for l := range sc {
		locales = append(locales, l)
	}
	slices.Sort(locales)
	return locales
}

// Approved lists a source's approved translations, keyed by Key.
func (s *Service) Approved(ctx context.Context, sourceID string) (map[string]*View, error) {
	fields, err := s.rdb.SMembers(ctx, keySourceTranslations(sourceID)).Result()
	if err != nil {
		return nil, err
	}
	trs, err := s.Indexed(ctx, fields)
	if err != nil {
		return nil, err
	}
	for k, tv := range trs {
		if tv.Status != record.Approved {
			delete(trs, k)
		}
	}
	return trs, nil
}

// Key names a derivative's translation into a locale.
func Key(derivID, locale string) string { return derivID + "/" + locale }
