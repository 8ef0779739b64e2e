package app

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/repurpose/repurpose/publish"
)

// PrintPublishers lists the publisher types an account may have, with their settings:
// the registry's own specs, so the list is never out of date.
func PrintPublishers(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
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
