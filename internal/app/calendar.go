package app

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/planstore"
	"github.com/repurpose/repurpose/toolkit"
)

// Calendar runs `repurpose calendar`: it prints a region's plan (the first region's
// when region is empty) from past days back to days ahead, in the region's own time.
func Calendar(ctx context.Context, cfg *config.Config, log *slog.Logger, w io.Writer, region string, days, past int) error {
	a, err := Connect(ctx, cfg, log, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	return PrintCalendar(ctx, w, a.Toolkit, cfg, region, days, past)
}

// PrintCalendar prints a region's plan as the toolkit tk holds it.
func PrintCalendar(ctx context.Context, w io.Writer, tk *toolkit.Toolkit, cfg *config.Config, region string, days, past int) error {
	var reg *config.Region
	for i, r := range cfg.File.Regions {
		if r.ID == region || region == "" {
			reg = &cfg.File.Regions[i]
			break
		}
	}
	if reg == nil {
		ids := make([]string, len(cfg.File.Regions))
		for i, r := range cfg.File.Regions {
			ids[i] = r.ID
		}
		if len(ids) == 0 {
			return fmt.Errorf("no region is configured: add regions to the config file (see README.md, Publishing)")
		}
		return fmt.Errorf("no region %q (regions: %s)", region, strings.Join(ids, ", "))
	}
	loc, err := time.LoadLocation(reg.TimeZone)
	if err != nil {
		return err
	}
	now := time.Now()
	v, err := tk.Plans().RegionCalendar(ctx, reg, now.AddDate(0, 0, -past), now.AddDate(0, 0, days))
	if err != nil {
		return err
	}
	notes, err := tk.Plans().CalendarNotes(ctx, reg.ID)
	if err != nil {
		return err
	}
	return printCalendar(w, reg, loc, v, notes)
}

// printCalendar writes a region's calendar view, then why sources it was meant to get
// are not on it.
func printCalendar(w io.Writer, reg *config.Region, loc *time.Location, v *planstore.CalendarView, notes []planstore.Note) error {
	fmt.Fprintf(w, "%s (%s), %s to %s", reg.ID, reg.TimeZone, v.From.In(loc).Format("Mon 2 Jan"), v.To.In(loc).Format("Mon 2 Jan 2006"))
	if len(v.Paused) > 0 {
		fmt.Fprintf(w, " — paused: %s", strings.Join(v.Paused, ", "))
	}
	fmt.Fprintln(w)
	if len(v.Items) == 0 {
		fmt.Fprintln(w, "nothing planned")
	} else if err := printItems(w, loc, v.Items); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(w, "%s: %s\n", cmp.Or(n.Title, n.SourceID), n.Reason)
	}
	return nil
}

func printItems(w io.Writer, loc *time.Location, items []planstore.CalendarItem) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tCHANNEL\tACCOUNT\tKIND\tLANG\tSTATE\tENTRY")
	for _, it := range items {
		state := it.Status
		if it.Post != nil {
			state = string(it.Post.State)
			if it.Post.URL != "" {
				state += " " + it.Post.URL
			} else if it.Post.Error != "" {
				state += ": " + clip(it.Post.Error, 60)
			}
		}
		kind := it.Kind
		if it.Occurrence > 0 {
			kind += fmt.Sprintf(" (recycle %d)", it.Occurrence)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", it.At.In(loc).Format("Mon 02 Jan 15:04"), it.Channel, it.Account, kind, it.Locale, state, it.ID)
	}
	return tw.Flush()
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
