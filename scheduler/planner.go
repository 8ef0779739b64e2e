package scheduler

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/translations"
)

// Planner turns a source's approved derivatives into plan entries on every region's
// calendars, sharing each account's capacity with everything already booked. It does no
// I/O: the caller loads the books, and stores what it returns.
type Planner struct {
	file     *config.File
	cals     map[string]*Calendar // by region/channel
	books    map[string]*Book     // by account
	slotters map[*Calendar]*slotter
	fitsOn   map[string]bool // a snippet's fit on a channel, by derivative/locale/channel
}

// NewPlanner builds every region's calendars; an unknown zone or holiday country is an
// error naming the region.
func NewPlanner(f *config.File) (*Planner, error) {
	p := &Planner{file: f, cals: map[string]*Calendar{}, books: map[string]*Book{}, slotters: map[*Calendar]*slotter{}, fitsOn: map[string]bool{}}
	for _, r := range f.Regions {
		for ch := range r.Channels {
			c, err := NewCalendar(r, ch)
			if err != nil {
				return nil, err
			}
			p.cals[r.ID+"/"+ch] = c
		}
	}
	return p, nil
}

// Accounts lists the accounts the regions publish on.
func (p *Planner) Accounts() []string {
	var out []string
	for _, c := range p.cals {
		if !slices.Contains(out, c.Account) {
			out = append(out, c.Account)
		}
	}
	slices.Sort(out)
	return out
}

// Book is an account's book, made empty on first use.
func (p *Planner) Book(account string) *Book {
	b, ok := p.books[account]
	if !ok {
		b = NewBook()
		p.books[account] = b
	}
	return b
}

// Input is what planning one source needs.
type Input struct {
	Source      *record.Source
	Derivatives []record.Derivative // the current version's; only approved ones are planned
	// Translations are the approved ones, by translations.Key.
	Translations map[string]*translations.View
	// Old is the previous plan (nil: none); Attempted the entries publishing has touched:
	// those are history and stay as they are.
	Old       *planstore.Plan
	Attempted map[string]bool
	// Paused regions ("emea") and region channels ("emea/x") plan nothing new.
	Paused map[string]bool
	// Performance scores derivatives by what their links brought (conversions, then
	// clicks): the evergreen recycler picks proven performers first.
	Performance map[string]int64
	Now         time.Time
}

// candidate is a post wanting a slot.
type candidate struct {
	entry  planstore.PlanEntry
	want   time.Time // the earliest it may go out
	text   *localized
	order  int // tie-break: the plan's order
	recyle *config.Evergreen
	// prev is the slot the entry had in the last plan, kept when it is still good: the
	// same inputs give the same plan.
	prev time.Time
}

// Plan computes a source's plan. Entries publishing has touched and times a person set
// are kept; everything else is planned afresh into the next free slots.
func (p *Planner) Plan(in Input) *planstore.Plan {
	s := in.Source
	out := &planstore.Plan{SourceID: s.ID, Version: s.Version, PlannedAt: in.Now}
	kept := map[string]bool{}
	var manual []planstore.PlanEntry
	if in.Old != nil {
		for _, e := range in.Old.Entries {
			switch {
			case in.Attempted[e.ID], e.Manual && e.Status == planstore.Cancelled: // history, or a person's call
				out.Entries = append(out.Entries, e)
				kept[e.ID] = true
				if e.Status == planstore.Planned {
					p.Book(e.Account).Add(e.At, e.TextHash)
				}
			case e.Manual && e.Status == planstore.Planned:
				manual = append(manual, e)
			}
		}
	}
	var wanted []candidate
	if !s.Withdrawn() && s.Status == record.StatusReady {
		wanted, out.Notes = p.candidates(in)
	}
	byID := map[string]bool{}
	for _, c := range wanted {
		byID[c.entry.ID] = true
	}
	// A time a person chose stands while the post is still wanted.
	for _, e := range manual {
		if byID[e.ID] && !kept[e.ID] {
			out.Entries = append(out.Entries, e)
			kept[e.ID] = true
			p.Book(e.Account).Add(e.At, e.TextHash)
		}
	}
	if in.Old != nil {
		prev := map[string]time.Time{}
		for _, e := range in.Old.Entries {
			if e.Status == planstore.Planned {
				prev[e.ID] = e.At
			}
		}
		for i := range wanted {
			wanted[i].prev = prev[wanted[i].entry.ID]
		}
	}
	slices.SortStableFunc(wanted, func(a, b candidate) int {
		return cmp.Or(a.want.Compare(b.want), cmp.Compare(a.order, b.order), strings.Compare(a.entry.ID, b.entry.ID))
	})
	for _, c := range wanted {
		if kept[c.entry.ID] {
			continue
		}
		kept[c.entry.ID] = true
		out.Entries = append(out.Entries, p.place(c))
	}
	// What the old plan had and this one does not is cancelled, with why.
	if in.Old != nil {
		why := "no longer approved"
		switch {
		case s.Withdrawn():
			why = "the source was withdrawn"
		case in.Old.Version != s.Version:
			why = "a new version replaced it"
		}
		approved := map[string]bool{}
		for _, d := range in.Derivatives {
			approved[d.ID] = d.Status == record.Approved
		}
		for _, e := range in.Old.Entries {
			if kept[e.ID] || e.Status != planstore.Planned {
				continue
			}
			switch {
			case in.Paused[e.Region] || in.Paused[e.Region+"/"+e.Channel]:
				e.Reason = "paused"
			case e.Occurrence > 0 && why == "no longer approved" && approved[e.DerivativeID]:
				e.Reason = "not recycled: other snippets perform better now"
			default:
				e.Reason = why
			}
			e.Status = planstore.Cancelled
			out.Entries = append(out.Entries, e)
		}
	}
	slices.SortStableFunc(out.Entries, func(a, b planstore.PlanEntry) int {
		return cmp.Or(a.At.Compare(b.At), strings.Compare(a.ID, b.ID))
	})
	return out
}

// place books the first free slot for c; a recycle whose text went out on the account
// within the cooldown gets a lead-in, or is left unplanned.
func (p *Planner) place(c candidate) planstore.PlanEntry {
	e := c.entry
	cal := p.cals[e.Region+"/"+e.Channel]
	book := p.Book(e.Account)
	sl, ok := p.slotters[cal]
	if !ok {
		sl = newSlotter(cal, book)
		p.slotters[cal] = sl
	}
	at, found := c.prev, !c.prev.IsZero() && !c.prev.Before(c.want) && sl.free(c.prev)
	if !found {
		at, found = sl.Next(c.want)
	}
	if !found {
		e.Status, e.Reason = planstore.Unplanned, fmt.Sprintf("no free slot on %s within %d days: widen the windows or raise max_per_day", e.Account, horizon)
		return e
	}
	e.TextHash = c.text.hash(e.Channel, e.Link, "")
	if c.recyle != nil {
		cooldown := time.Duration(c.recyle.CooldownDays) * 24 * time.Hour
		if book.repeats(e.TextHash, at, cooldown) {
			lead := leadFor(e.Locale, e.Occurrence)
			if lead == "" || !p.fits(e.Channel, c.text.render(e.Channel, e.Link, lead).Text) || book.repeats(c.text.hash(e.Channel, e.Link, lead), at, cooldown) {
				e.Status, e.Reason = planstore.Unplanned, fmt.Sprintf("the same text goes out on %s within %d days", e.Account, c.recyle.CooldownDays)
				return e
			}
			e.Lead, e.TextHash = lead, c.text.hash(e.Channel, e.Link, lead)
		}
	}
	e.At, e.Status = at, planstore.Planned
	book.Add(at, e.TextHash)
	return e
}

// candidates lists every post the source's approved derivatives want, per region,
// locale and channel, with the earliest instant the drip allows; and why a region that
// is meant to get the source gets nothing.
func (p *Planner) candidates(in Input) ([]candidate, []planstore.Note) {
	s := in.Source
	_, camp := p.file.Campaign(s.Campaign)
	plan, ok := p.file.Plans[camp.Plan]
	if !ok {
		return nil, nil
	}
	var notes []planstore.Note
	ready := s.ReadyAt
	if ready.IsZero() {
		ready = s.CreatedAt
	}
	var out []candidate
	order := 0
	for _, r := range p.file.Regions {
		if len(r.Channels) == 0 || in.Paused[r.ID] {
			continue
		}
		if note := p.untranslated(in, r); note != "" {
			notes = append(notes, planstore.Note{Region: r.ID, SourceID: s.ID, Title: s.Title, Reason: note})
			continue
		}
		for _, locale := range r.Locales {
			texts := p.texts(in, r, locale)
			for _, step := range plan.Drip {
				for _, kind := range step.Kinds {
					var ds []*localized
					for i := range texts {
						if string(texts[i].d.Kind) == kind {
							ds = append(ds, &texts[i])
						}
					}
					recycle := proven(ds, in.Performance, plan.Evergreen.Best)
					for i, lt := range ds {
						// Spread evenly over the step's days, best ranked first.
						offset := step.Days.From + i*(step.Days.To-step.Days.From+1)/len(ds)
						channels := p.channelsFor(r, lt, i, in.Paused)
						for _, ch := range channels {
							order++
							c := p.candidate(s, r, lt, ch, 0, ready, offset, in.Now, order)
							out = append(out, c)
							if ev := plan.Evergreen; slices.Contains(ev.Kinds, kind) && recycle[lt.d.ID] {
								for k := 1; k <= ev.Recycles(); k++ {
									order++
									rc := p.candidate(s, r, lt, ch, k, ready, offset+k*ev.EveryDays, in.Now, order)
									rc.recyle = &ev
									out = append(out, rc)
								}
							}
						}
					}
				}
			}
		}
	}
	return out, notes
}

// untranslated says why region r gets nothing of the source when approved derivatives
// are meant for it but none reads in its locales: "" when some do, or none is meant.
func (p *Planner) untranslated(in Input, r config.Region) string {
	meant := false
	for _, d := range in.Derivatives {
		if d.Status == record.Approved && (len(d.Regions) == 0 || slices.ContainsFunc(d.Regions, func(x string) bool { return strings.EqualFold(x, r.ID) })) {
			meant = true
			break
		}
	}
	if !meant {
		return ""
	}
	for _, locale := range r.Locales {
		if len(p.texts(in, r, locale)) > 0 {
			return ""
		}
	}
	return "not planned: no approved translation into " + strings.Join(r.Locales, ", ")
}

func (p *Planner) candidate(s *record.Source, r config.Region, lt *localized, ch string, occurrence int, ready time.Time, offset int, now time.Time, order int) candidate {
	cal := p.cals[r.ID+"/"+ch]
	want := ready
	if offset > 0 { // day n starts at local midnight n days after the day the source was ready
		want = cal.at(dayOf(ready, cal.loc)+day(offset), 0)
	}
	if want.Before(now) {
		want = now
	}
	d := lt.d
	link, code, target := p.linkFor(&d, ch, r.ID)
	return candidate{
		entry: planstore.PlanEntry{ID: planstore.EntryID(s.ID, d.ID, lt.locale, r.ID, ch, occurrence), SourceID: s.ID,
			DerivativeID: d.ID, Kind: string(d.Kind), Channel: ch, Locale: lt.locale, Region: r.ID, Account: cal.Account,
			Occurrence: occurrence, Link: link, Code: code, Target: target},
		want: want.UTC().Truncate(time.Second), text: lt, order: order,
	}
}

// proven are the best of ds to recycle: those that performed best, then the best ranked
// (ds is in rank order).
func proven(ds []*localized, score map[string]int64, best int) map[string]bool {
	order := slices.Clone(ds)
	slices.SortStableFunc(order, func(a, b *localized) int { return cmp.Compare(score[b.d.ID], score[a.d.ID]) })
	out := map[string]bool{}
	for _, lt := range order[:min(best, len(order))] {
		out[lt.d.ID] = true
	}
	return out
}

// localized is a derivative in one of a region's locales: the original, or its approved
// translation.
type localized struct {
	d      record.Derivative
	tr     *translations.View // nil: the original
	locale string
}

// texts are the approved derivatives meant for region r, readable in locale, in bundle
// order (best ranked first within a kind).
func (p *Planner) texts(in Input, r config.Region, locale string) []localized {
	var out []localized
	for _, d := range in.Derivatives {
		if d.Status != record.Approved || (len(d.Regions) > 0 && !slices.ContainsFunc(d.Regions, func(x string) bool { return strings.EqualFold(x, r.ID) })) {
			continue
		}
		if strings.EqualFold(d.Locale, locale) {
			out = append(out, localized{d: d, locale: locale})
		} else if tr := in.Translations[translations.Key(d.ID, locale)]; tr != nil {
			out = append(out, localized{d: d, tr: tr, locale: locale})
		}
	}
	slices.SortStableFunc(out, func(a, b localized) int { return cmp.Compare(a.d.Ordinal, b.d.Ordinal) })
	return out
}

// socialChannels take snippets, in the order they are offered them.
var socialChannels = []string{string(channel.X), string(channel.LinkedIn), string(channel.Mastodon),
	string(channel.Bluesky), string(channel.Threads)}

// channelsFor is where a derivative goes in region r: its own channel, or for a snippet
// (written for any channel) one of the region's social channels, taking turns, that it
// fits on.
func (p *Planner) channelsFor(r config.Region, lt *localized, i int, paused map[string]bool) []string {
	open := func(ch string) bool {
		_, ok := r.Channels[ch]
		return ok && !paused[r.ID+"/"+ch]
	}
	if lt.d.Channel != channel.Any {
		if open(string(lt.d.Channel)) {
			return []string{string(lt.d.Channel)}
		}
		return nil
	}
	var chs []string
	for _, ch := range socialChannels {
		if open(ch) {
			chs = append(chs, ch)
		}
	}
	for k := range chs {
		ch := chs[(i+k)%len(chs)]
		key := lt.d.ID + "/" + lt.locale + "/" + ch
		fits, known := p.fitsOn[key]
		if !known {
			link, _, _ := p.linkFor(&lt.d, ch, r.ID)
			fits = p.fits(ch, lt.render(ch, link, "").Text)
			p.fitsOn[key] = fits
		}
		if fits {
			return []string{ch}
		}
	}
	return nil
}

// linkFor is the link a post carries on channel in region: its tracked link (with the
// code and where it leads) when tracking is on, else the document's own.
func (p *Planner) linkFor(d *record.Derivative, ch, region string) (link, code, target string) {
	canonical := cmp.Or(d.Canonical, d.Backlink)
	if !p.file.Tracking.On() || canonical == "" {
		return canonical, "", ""
	}
	code = record.TrackedCode(d.ID, ch, region)
	return links.TrackedURL(p.file, code), code, links.Target(canonical, ch)
}

func (p *Planner) fits(ch, text string) bool {
	c, err := review.Count(p.file, channel.Name(ch), text)
	return err == nil && c.Valid
}

// hash identifies the text as it goes out on channel with lead: what it renders from
// (the template or parts, the link, the lead-in) rather than the rendering, which is
// cheaper to get and names the same words.
func (lt *localized) hash(ch, link, lead string) string {
	h := sha256.New()
	for _, tpl := range translations.PostTemplates(&lt.d, lt.tr) {
		h.Write([]byte(tpl))
		h.Write([]byte{0})
	}
	h.Write([]byte(ch + "\x00" + lead + "\x00" + link))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// render is the text as it goes out on channel with link and lead: what fits is
// checked on the words the publisher sends.
func (lt *localized) render(ch, link, lead string) channel.Post {
	return channel.RenderParts(channel.Name(ch), translations.PostTemplates(&lt.d, lt.tr), link, lead)
}

// leads start a recycled post, so it is not the identical text again; by language.
var leads = map[string][]string{
	"en": {"ICYMI: ", "Worth another look: ", "From the archive: "},
	"es": {"Por si te lo perdiste: ", "Vale la pena repasarlo: "},
	"de": {"Falls Sie es verpasst haben: ", "Noch einmal lesenswert: "},
	"fr": {"Au cas où vous l'auriez manqué : ", "À relire : "},
	"pt": {"Caso você tenha perdido: ", "Vale a pena rever: "},
	"it": {"Nel caso te lo fossi perso: ", "Da rileggere: "},
	"nl": {"Voor het geval je het gemist hebt: "},
	"ja": {"見逃した方へ："},
}

// leadFor is the lead-in of the nth recycle in locale ("" when we have none).
func leadFor(locale string, n int) string {
	base, _, _ := strings.Cut(strings.ToLower(locale), "-")
	ls := leads[base]
	if len(ls) == 0 {
		return ""
	}
	return ls[(n-1)%len(ls)]
}
