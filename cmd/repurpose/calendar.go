package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/toolkit"
)

// calendar prints a region's plan in the terminal, in the region's own time.
func runCalendar(ctx context.Context, fs *flag.FlagSet, args []string) error {
	region := fs.String("region", "", "the region's id (default: the first configured)")
	days := fs.Int("days", 14, "how many days ahead to show")
	past := fs.Int("past", 1, "how many days back to show (posts already out, with their outcome)")
	d, err := start(ctx, fs, args)
	if err != nil {
		return err
	}
	defer d.Close()
	return printCalendar(ctx, os.Stdout, d.tk, d.cfg, *region, *days, *past)
}

func printCalendar(ctx context.Context, w io.Writer, tk *toolkit.Toolkit, cfg *config.Config, region string, days, past int) error {
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
	v, err := tk.RegionCalendar(ctx, reg, now.AddDate(0, 0, -past), now.AddDate(0, 0, days))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s (%s), %s to %s", reg.ID, reg.TimeZone, v.From.In(loc).Format("Mon 2 Jan"), v.To.In(loc).Format("Mon 2 Jan 2006"))
	if len(v.Paused) > 0 {
		fmt.Fprintf(w, " — paused: %s", strings.Join(v.Paused, ", "))
	}
	fmt.Fprintln(w)
	if len(v.Items) == 0 {
		fmt.Fprintln(w, "nothing planned")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tCHANNEL\tACCOUNT\tKIND\tLANG\tSTATE\tENTRY")
	for _, it := range v.Items {
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

// publishers lists the publisher types an account may have, with their settings: the
// registry's own specs, so the list is never out of date.
func runPublishers(_ context.Context, fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	for _, s := range publish.Specs() {
		fmt.Fprintf(tw, "%s\t%s\n", s.Type, s.Summary)
		for _, f := range s.Fields {
			name := f.Name
			if f.Secret {
				name += "_env or " + f.Name + "_file"
			}
			if f.Required {
				name += " (required)"
			}
			fmt.Fprintf(tw, "  %s\t%s\n", name, f.Doc)
		}
		fmt.Fprintln(tw, "\t")
	}
	return tw.Flush()
}
