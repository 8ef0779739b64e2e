package scheduler

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/record"
)

// benchYAML: 5 regions in 5 zones, each publishing on 4 channels with its own accounts.
func benchYAML() string {
	var b strings.Builder
	b.WriteString("accounts:\n")
	zones := []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo"}
	for r := range zones {
		for _, ch := range []string{"x", "linkedin", "mastodon", "bluesky"} {
			fmt.Fprintf(&b, "  r%d-%s: {type: webhook, url: \"https://hooks.example.com/%d/%s\", secret_env: S}\n", r, ch, r, ch)
		}
	}
	b.WriteString("regions:\n")
	for r, z := range zones {
		fmt.Fprintf(&b, "  - id: r%d\n    locales: [en]\n    timezone: %s\n    holidays: [DE]\n    channels:\n", r, z)
		for _, ch := range []string{"x", "linkedin", "mastodon", "bluesky"} {
			fmt.Fprintf(&b, "      %s: {account: r%d-%s, windows: [\"mon-fri 08:00-18:00\", \"sat 10:00-12:00\"], spacing: 20m, max_per_day: 12}\n", ch, r, ch)
		}
	}
	return b.String()
}

// benchSources are n copies of the sample whitepaper's approved derivatives, each its own
// source with its own IDs, ready an hour apart.
func benchSources(b *testing.B, n int) (*config.File, []Input) {
	b.Helper()
	t := &testing.T{}
	ready := utc("2026-06-01T06:00:00Z")
	f, s, ds := fixture(t, benchYAML(), ready)
	if t.Failed() {
		b.Fatal("fixture failed")
	}
	ins := make([]Input, n)
	for i := range ins {
		src := *s
		src.ID = fmt.Sprintf("src%04d", i)
		src.ReadyAt = ready.Add(time.Duration(i) * time.Hour)
		src.Regions = nil // meant for every region
		cp := make([]record.Derivative, len(ds))
		for j, d := range ds {
			d.ID = fmt.Sprintf("%s-%04d", d.ID, i)
			d.SourceID, d.Regions = src.ID, nil
			d.Backlink = fmt.Sprintf("https://example.com/papers/%04d#%s", i, d.ID) // each paper its own words
			cp[j] = d
		}
		ins[i] = Input{Source: &src, Derivatives: cp, Now: ready}
	}
	return f, ins
}

// BenchmarkPlan1000Sources plans 1,000 sources × 5 regions × 4 channels into shared
// capacity, from empty books: the figure docs/benchmarks.md reports (target < 2 s).
func BenchmarkPlan1000Sources(b *testing.B) {
	f, ins := benchSources(b, 1000)
	var entries, planned int
	for b.Loop() {
		p, _ := NewPlanner(f)
		entries, planned = 0, 0
		for _, in := range ins {
			plan := p.Plan(in)
			entries += len(plan.Entries)
			for _, e := range plan.Entries {
				if e.Status == planstore.Planned {
					planned++
				}
			}
		}
	}
	b.ReportMetric(float64(entries), "entries")
	b.ReportMetric(float64(planned), "planned")
}

// BenchmarkReplanOneSource re-plans one source among 1,000 already booked: the books are
// loaded as the planner loads them (every other source's slots), and only that source's
// entries are computed.
func BenchmarkReplanOneSource(b *testing.B) {
	f, ins := benchSources(b, 1000)
	p, _ := NewPlanner(f)
	plans := make([]*planstore.Plan, len(ins))
	for i, in := range ins {
		plans[i] = p.Plan(in)
	}
	target := 500
	booked := map[string][]planstore.Slot{} // every other source's slots, as Redis holds them
	for i, pl := range plans {
		for _, e := range pl.Entries {
			if i != target && e.Status == planstore.Planned {
				booked[e.Account] = append(booked[e.Account], planstore.Slot{At: e.At, TextHash: e.TextHash, SourceID: e.SourceID})
			}
		}
	}
	var changed int
	for b.Loop() {
		fresh, _ := NewPlanner(f)
		for acct, slots := range booked {
			fresh.Book(acct).Load(slots)
		}
		in := ins[target]
		in.Old = plans[target]
		again := fresh.Plan(in)
		before := map[string]planstore.PlanEntry{}
		for _, e := range plans[target].Entries {
			before[e.ID] = e
		}
		changed = 0
		for _, e := range again.Entries {
			if b := before[e.ID]; !e.At.Equal(b.At) || e.Status != b.Status {
				changed++
			}
		}
	}
	b.ReportMetric(float64(changed), "entries-moved")
}
