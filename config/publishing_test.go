package config

import (
	"strings"
	"testing"
	"time"
)

const publishingYAML = `
accounts:
  emea-hook: {type: webhook, url: "https://hooks.example.com/x", secret_env: HOOK_SECRET}
plans:
  quick:
    drip:
      - {days: 0, kinds: [tweet, linkedin]}
      - {days: 7-28, kinds: [snippet]}
    evergreen: {every_days: 45, times: 3, cooldown_days: 60}
campaigns:
  default: {plan: quick}
regions:
  - id: emea
    locales: [en, de]
    timezone: Europe/Berlin
    holidays: [DE]
    blackouts:
      - {from: 12-24, to: 01-01, reason: holidays}
      - {from: 2026-08-03}
    channels:
      x:
        account: emea-hook
        windows: ["mon-fri 09:00-12:00", "sat,sun 10:30-11:00"]
        spacing: 90m
        max_per_day: 4
      linkedin: {account: emea-hook}
`

func TestPublishingSettings(t *testing.T) {
	f, err := ParseFile(strings.NewReader(publishingYAML))
	if err != nil {
		t.Fatal(err)
	}
	if f.Accounts["emea-hook"].Type != "webhook" || f.Accounts["emea-hook"].Settings["secret_env"] != "HOOK_SECRET" {
		t.Errorf("account %+v", f.Accounts["emea-hook"])
	}
	p := f.Plans["quick"]
	if len(p.Drip) != 2 || p.Drip[1].Days != (DayRange{7, 28}) || p.Evergreen.Recycles() != 3 || p.Evergreen.Best != 3 {
		t.Errorf("plan %+v", p)
	}
	if _, ok := f.Plans["launch"]; !ok {
		t.Error("the built-in launch plan is gone")
	}
	r := f.Regions[0]
	x := r.Channels["x"]
	if len(x.Windows) != 2 || !x.Windows[1].Days[time.Sunday] || x.Windows[1].Days[time.Monday] ||
		x.Windows[1].Start != 10*time.Hour+30*time.Minute || x.Spacing.Std() != 90*time.Minute || x.MaxPerDay != 4 {
		t.Errorf("x channel %+v", x)
	}
	li := r.Channels["linkedin"]
	if li.MaxPerDay != 3 || li.Spacing.Std() != 2*time.Hour || li.Windows[0].String() != "mon-fri 09:00-17:00" || li.Windows[0].Days[time.Saturday] {
		t.Errorf("linkedin defaults %+v", li)
	}
	xmas := r.Blackouts[0]
	for _, d := range []struct {
		m    time.Month
		d    int
		want bool
	}{{12, 24, true}, {12, 31, true}, {1, 1, true}, {1, 2, false}, {12, 23, false}} {
		if got := xmas.Covers(2026, d.m, d.d); got != d.want {
			t.Errorf("12-24..01-01 covers %d-%d: %v", d.m, d.d, got)
		}
	}
	if one := r.Blackouts[1]; !one.Covers(2026, 8, 3) || one.Covers(2027, 8, 3) {
		t.Errorf("2026-08-03 blackout: %+v", one)
	}
}

func TestPublishingSettingsNameTheBadField(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"regions: [{id: a, locales: [en], timezone: Mars/Base}]", `regions[0].timezone: "Mars/Base" is not an IANA time zone`},
		{"regions: [{id: a, locales: [en], channels: {x: {account: nope}}}]", `regions[0].channels.x.account: "nope" is not one of the accounts`},
		{"regions: [{id: a, locales: [en], channels: {tiktok: {account: h}}}]\naccounts: {h: {type: webhook}}", "regions[0].channels.tiktok: not a channel"},
		{"regions: [{id: a, locales: [en], channels: {x: {account: h, windows: [weekdays 9-5]}}}]\naccounts: {h: {type: webhook}}", `"weekdays 9-5" is not a window`},
		{"regions: [{id: a, locales: [en], channels: {x: {account: h, windows: [mon 17:00-09:00]}}}]\naccounts: {h: {type: webhook}}", "must end after it starts"},
		{"regions: [{id: a, locales: [en], blackouts: [{from: 2026-02-30}]}]", `"2026-02-30" is not a day of the calendar`},
		{"regions: [{id: a, locales: [en], blackouts: [{from: 2026-12-24, to: 12-31}]}]", "both be dates or both days of every year"},
		{"plans: {p: {drip: [{days: 3-1, kinds: [tweet]}]}}", `"3-1" is not a day`},
		{"plans: {p: {drip: [{days: 0, kinds: [reel]}]}}", `plans.p.drip[0].kinds: "reel" is not a kind`},
		{"plans: {p: {evergreen: {every_days: 7}}}", "plans.p.evergreen.every_days: 7 is under 30"},
		{"campaigns: {default: {plan: nope}}", `campaigns.default.plan: "nope" is not one of the plans`},
		{"accounts: {h: {url: x}}", "accounts.h.type: required"},
	} {
		_, err := ParseFile(strings.NewReader(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s\n  error %v\n  want %q", tc.yaml, err, tc.want)
		}
	}
}
