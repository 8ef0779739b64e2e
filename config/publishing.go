package config

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/repurpose/repurpose/channel"
)

// Plan is a drip campaign: which derivative kinds go out on which day after the source
// is ready, and the evergreen policy that recycles the best snippets.
type Plan struct {
	Drip      []DripStep `yaml:"drip"`
	Evergreen Evergreen  `yaml:"evergreen"`
}

// DripStep sends derivatives of Kinds out on Days (one day, "3", or a range, "7-28",
// over which they are spread), counted from the day the source became ready.
type DripStep struct {
	Days  DayRange `yaml:"days"`
	Kinds []string `yaml:"kinds"`
}

// Evergreen recycles a source's best snippets: every EveryDays days after the drip,
// up to Times times, never the identical text on the same account within CooldownDays.
type Evergreen struct {
	// Kinds recycled. Default [snippet]; empty with Times 0 turns recycling off.
	Kinds []string `yaml:"kinds"`
	// Best is how many of a source's snippets are recycled (the highest ranked). Default 3.
	Best int `yaml:"best"`
	// EveryDays between recycles; at least 30. Default 30.
	EveryDays int `yaml:"every_days"`
	// Times each is recycled. Default 2; 0 turns recycling off.
	Times *int `yaml:"times"`
	// CooldownDays: the identical text never goes out twice on one account within it
	// (X refuses duplicates). Default 30.
	CooldownDays int `yaml:"cooldown_days"`
}

// Recycles is how many times a snippet is recycled (0: evergreen is off).
func (e Evergreen) Recycles() int {
	if e.Times == nil {
		return 0
	}
	return *e.Times
}

// DayRange is a day or range of days counted from the source becoming ready.
type DayRange struct{ From, To int }

// UnmarshalText reads "3" or "7-28".
func (d *DayRange) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	from, to, isRange := strings.Cut(s, "-")
	f, err1 := strconv.Atoi(strings.TrimSpace(from))
	t, err2 := f, error(nil)
	if isRange {
		t, err2 = strconv.Atoi(strings.TrimSpace(to))
	}
	if err1 != nil || err2 != nil || f < 0 || t < f || t > 3650 {
		return fmt.Errorf("%q is not a day (3) or a range of days (7-28) after the source is ready", s)
	}
	*d = DayRange{f, t}
	return nil
}

func (d DayRange) String() string {
	if d.From == d.To {
		return strconv.Itoa(d.From)
	}
	return fmt.Sprintf("%d-%d", d.From, d.To)
}

// Window is a weekly posting window: days of the week and a local time range.
type Window struct {
	Days       [7]bool // by time.Weekday
	Start, End time.Duration
	text       string
}

var (
	weekdays  = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	windowRe  = regexp.MustCompile(`^\s*(\S+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$`)
	dayOfYear = regexp.MustCompile(`^(?:(\d{4})-)?(\d{2})-(\d{2})$`)
)

// UnmarshalText reads "mon-fri 09:00-17:00", "sat,sun 10:00-12:30" or "daily 08:00-24:00".
func (w *Window) UnmarshalText(b []byte) error {
	s := string(b)
	m := windowRe.FindStringSubmatch(s)
	bad := fmt.Errorf("%q is not a window such as \"mon-fri 09:00-17:00\" or \"daily 08:00-20:00\"", s)
	if m == nil {
		return bad
	}
	var days [7]bool
	if m[1] == "daily" {
		days = [7]bool{true, true, true, true, true, true, true}
	} else {
		for _, part := range strings.Split(strings.ToLower(m[1]), ",") {
			a, z, isRange := strings.Cut(part, "-")
			from, to := slices.Index(weekdays, a), slices.Index(weekdays, a)
			if isRange {
				to = slices.Index(weekdays, z)
			}
			if from < 0 || to < 0 {
				return bad
			}
			for d := from; ; d = (d + 1) % 7 {
				days[d] = true
				if d == to {
					break
				}
			}
		}
	}
	hm := func(h, mm string) (time.Duration, bool) {
		hh, _ := strconv.Atoi(h)
		mi, _ := strconv.Atoi(mm)
		return time.Duration(hh)*time.Hour + time.Duration(mi)*time.Minute, mi < 60 && (hh < 24 || hh == 24 && mi == 0)
	}
	start, ok1 := hm(m[2], m[3])
	end, ok2 := hm(m[4], m[5])
	if !ok1 || !ok2 || end <= start {
		return fmt.Errorf("%q: the window must end after it starts, within 00:00-24:00", s)
	}
	*w = Window{Days: days, Start: start, End: end, text: strings.TrimSpace(s)}
	return nil
}

func (w Window) String() string { return w.text }

// MarshalText writes the window as it was read.
func (w Window) MarshalText() ([]byte, error) { return []byte(w.text), nil }

// Blackout is a day or range of days nothing is published on.
type Blackout struct {
	From   Day    `yaml:"from"`
	To     Day    `yaml:"to"` // default: From
	Reason string `yaml:"reason"`
}

// Day is a calendar date (2026-12-24), or a day of every year (12-24) when Year is 0.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// UnmarshalText reads 2026-12-24 or 12-24.
func (d *Day) UnmarshalText(b []byte) error {
	m := dayOfYear.FindStringSubmatch(strings.TrimSpace(string(b)))
	if m == nil {
		return fmt.Errorf("%q is not a date (2026-12-24) or a day of every year (12-24)", string(b))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	dd, _ := strconv.Atoi(m[3])
	probe := y
	if probe == 0 {
		probe = 2024 // a leap year, so 02-29 is a day of some years
	}
	if t := time.Date(probe, time.Month(mo), dd, 0, 0, 0, 0, time.UTC); t.Month() != time.Month(mo) || t.Day() != dd {
		return fmt.Errorf("%q is not a day of the calendar", string(b))
	}
	*d = Day{y, time.Month(mo), dd}
	return nil
}

func (d Day) String() string {
	if d.Year == 0 {
		return fmt.Sprintf("%02d-%02d", d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Covers reports whether the blackout includes the date y-m-d.
func (b Blackout) Covers(y int, m time.Month, d int) bool {
	key := func(x Day, year int) int { return year*10000 + int(x.Month)*100 + x.Day }
	if b.From.Year != 0 {
		k := y*10000 + int(m)*100 + d
		return k >= key(b.From, b.From.Year) && k <= key(b.To, b.To.Year)
	}
	md := int(m)*100 + d
	from, to := key(b.From, 0), key(b.To, 0)
	if from <= to {
		return md >= from && md <= to
	}
	return md >= from || md <= to // wraps the new year: 12-24 .. 01-02
}

// planKinds are the derivative kinds a plan may name.
var planKinds = names(channel.Kinds())

// publishChannels are the channels a region may publish on.
var publishChannels = names(channel.Publishing())

// names spells a vocabulary as config files do.
func names[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// DefaultPlan is the built-in "launch" plan.
func DefaultPlan() Plan {
	times := 2
	return Plan{
		Drip: []DripStep{
			{Days: DayRange{0, 0}, Kinds: names([]channel.Kind{channel.KindTweet, channel.KindLinkedIn, channel.KindMastodon, channel.KindBluesky, channel.KindThreads})},
			{Days: DayRange{1, 1}, Kinds: names([]channel.Kind{channel.KindThread})},
			{Days: DayRange{3, 3}, Kinds: names([]channel.Kind{channel.KindBlog})},
			{Days: DayRange{7, 28}, Kinds: names([]channel.Kind{channel.KindSnippet})},
		},
		Evergreen: Evergreen{Kinds: names([]channel.Kind{channel.KindSnippet}), Best: 3, EveryDays: 30, Times: &times, CooldownDays: 30},
	}
}

func (f *File) applyPublishingDefaults() {
	f.Tracking.ShortURL = strings.TrimRight(f.Tracking.ShortURL, "/")
	if f.Tracking.ClickParam == "" {
		f.Tracking.ClickParam = "rp_click"
	}
	if f.Plans == nil {
		f.Plans = map[string]Plan{}
	}
	if _, ok := f.Plans["launch"]; !ok {
		f.Plans["launch"] = DefaultPlan()
	}
	for name, p := range f.Plans {
		e := &p.Evergreen
		if e.Times == nil {
			two := 2
			e.Times = &two
		}
		if len(e.Kinds) == 0 && *e.Times > 0 {
			e.Kinds = names([]channel.Kind{channel.KindSnippet})
		}
		if e.Best == 0 {
			e.Best = 3
		}
		if e.EveryDays == 0 {
			e.EveryDays = 30
		}
		if e.CooldownDays == 0 {
			e.CooldownDays = 30
		}
		f.Plans[name] = p
	}
	for name, c := range f.Campaigns {
		if c.Plan == "" {
			c.Plan = "launch"
			f.Campaigns[name] = c
		}
	}
	for i := range f.Regions {
		r := &f.Regions[i]
		if r.TimeZone == "" {
			r.TimeZone = "UTC"
		}
		for i, b := range r.Blackouts {
			if b.To == (Day{}) {
				r.Blackouts[i].To = b.From
			}
		}
		for ch, rc := range r.Channels {
			if len(rc.Windows) == 0 {
				var w Window
				_ = w.UnmarshalText([]byte("mon-fri 09:00-17:00"))
				rc.Windows = []Window{w}
			}
			if rc.Spacing == 0 {
				rc.Spacing = Duration(2 * time.Hour)
			}
			if rc.MaxPerDay == 0 {
				rc.MaxPerDay = 3
			}
			r.Channels[ch] = rc
		}
	}
}

func (f *File) validatePublishing(bad func(path, format string, args ...any)) {
	if u := f.Tracking.ShortURL; u != "" {
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" || pu.RawQuery != "" {
			bad("tracking.short_url", "%q must be an http(s) base URL such as https://go.example.com", u)
		}
	}
	if !regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`).MatchString(f.Tracking.ClickParam) {
		bad("tracking.click_param", "%q: use lower-case letters, digits and _", f.Tracking.ClickParam)
	}
	for name, a := range f.Accounts {
		p := "accounts." + name
		if !campaignName.MatchString(name) {
			bad(p, "account names use lower-case letters, digits, - and _")
		}
		if a.Type == "" {
			bad(p+".type", "required: the publisher (webhook, outbox, x, mastodon, bluesky, linkedin, wordpress)")
		}
	}
	for _, name := range sortedKeys(f.Plans) {
		p := f.Plans[name]
		path := "plans." + name
		for i, st := range p.Drip {
			sp := fmt.Sprintf("%s.drip[%d]", path, i)
			if len(st.Kinds) == 0 {
				bad(sp+".kinds", "name at least one kind (%s)", strings.Join(planKinds, ", "))
			}
			for _, k := range st.Kinds {
				if !slices.Contains(planKinds, k) {
					bad(sp+".kinds", "%q is not a kind (%s)", k, strings.Join(planKinds, ", "))
				}
			}
		}
		e := p.Evergreen
		for _, k := range e.Kinds {
			if !slices.Contains(planKinds, k) {
				bad(path+".evergreen.kinds", "%q is not a kind (%s)", k, strings.Join(planKinds, ", "))
			}
		}
		if e.EveryDays < 30 {
			bad(path+".evergreen.every_days", "%d is under 30: recycling more often reads as spam", e.EveryDays)
		}
		if e.Recycles() < 0 || e.Recycles() > 24 {
			bad(path+".evergreen.times", "%d is outside 0 .. 24", e.Recycles())
		}
		if e.Best < 1 || e.Best > 50 {
			bad(path+".evergreen.best", "%d is outside 1 .. 50", e.Best)
		}
		if e.CooldownDays < 1 {
			bad(path+".evergreen.cooldown_days", "must be at least 1")
		}
	}
	for _, name := range sortedKeys(f.Campaigns) {
		if c := f.Campaigns[name]; !hasKey(f.Plans, c.Plan) {
			bad("campaigns."+name+".plan", "%q is not one of the plans (%s)", c.Plan, strings.Join(sortedKeys(f.Plans), ", "))
		}
	}
	for i, r := range f.Regions {
		p := fmt.Sprintf("regions[%d]", i)
		if _, err := time.LoadLocation(r.TimeZone); err != nil || r.TimeZone == "Local" {
			bad(p+".timezone", "%q is not an IANA time zone such as Europe/Berlin", r.TimeZone)
		}
		for j, b := range r.Blackouts {
			bp := fmt.Sprintf("%s.blackouts[%d]", p, j)
			if b.From == (Day{}) {
				bad(bp+".from", "required: a date (2026-12-24) or a day of every year (12-24)")
			} else if (b.From.Year == 0) != (b.To.Year == 0) {
				bad(bp, "from and to must both be dates or both days of every year")
			} else if b.From.Year != 0 && b.To.String() < b.From.String() {
				bad(bp+".to", "%s is before from %s", b.To, b.From)
			}
		}
		for _, ch := range sortedKeys(r.Channels) {
			rc := r.Channels[ch]
			cp := p + ".channels." + ch
			if !slices.Contains(publishChannels, ch) {
				bad(cp, "not a channel (%s)", strings.Join(publishChannels, ", "))
			}
			if rc.Account == "" {
				bad(cp+".account", "required: the name of one of the accounts")
			} else if _, ok := f.Accounts[rc.Account]; !ok {
				bad(cp+".account", "%q is not one of the accounts", rc.Account)
			}
			if rc.Spacing.Std() < time.Second {
				bad(cp+".spacing", "must be at least 1s")
			}
			if rc.MaxPerDay < 1 || rc.MaxPerDay > 100 {
				bad(cp+".max_per_day", "%d is outside 1 .. 100", rc.MaxPerDay)
			}
		}
	}
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Publishes reports whether any region publishes on any channel: without one there is
// nothing to plan.
func (f *File) Publishes() bool {
	for _, r := range f.Regions {
		if len(r.Channels) > 0 {
			return true
		}
	}
	return false
}
