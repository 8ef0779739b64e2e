// Command qualitysheet prints the derivatives of `repurpose derive` outputs as a sheet an
// editor grades by docs/quality.md's rubric: one numbered line per post, in the order
// the toolkit shows them, with what the editor needs and nothing else.
//
//	go run ./scripts/qualitysheet OUT/json/*.json > OUT/sheet.md
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// tracking is a link's query string: the same UTM tags on every post, noise to an editor.
var tracking = regexp.MustCompile(`\?utm_[^\s#)]*`)

type output struct {
	Source struct {
		Title    string   `json:"title"`
		Lang     string   `json:"lang"`
		Warnings []string `json:"warnings"`
		Skipped  []struct {
			Kind, Channel, Reason string
		} `json:"skipped"`
	} `json:"source"`
	Derivatives []struct {
		ID          string                  `json:"id"`
		Kind        string                  `json:"kind"`
		Channel     string                  `json:"channel"`
		Locale      string                  `json:"locale"`
		Type        string                  `json:"type"`
		Variant     string                  `json:"variant"`
		Text        string                  `json:"text"`
		CTA         string                  `json:"cta"`
		Attribution string                  `json:"attribution"`
		NeedsReview string                  `json:"needs_review"`
		Parts       []struct{ Text string } `json:"parts"`
		Blog        *struct {
			Title           string   `json:"title"`
			MetaDescription string   `json:"meta_description"`
			Keywords        []string `json:"keywords"`
			Markdown        string   `json:"markdown"`
		} `json:"blog"`
	} `json:"derivatives"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: qualitysheet FILE.json ...")
		os.Exit(2)
	}
	for _, path := range os.Args[1:] {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var out output
		if err := json.Unmarshal(data, &out); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			os.Exit(1)
		}
		doc := strings.TrimSuffix(filepath.Base(path), ".json")
		fmt.Printf("==== document %s ====\ntitle: %s · language: %s · %d derivatives\n", doc, out.Source.Title, out.Source.Lang, len(out.Derivatives))
		for _, w := range out.Source.Warnings {
			fmt.Printf("warning: %s\n", w)
		}
		for _, s := range out.Source.Skipped {
			fmt.Printf("not made: %s on %s: %s\n", s.Kind, s.Channel, s.Reason)
		}
		for i, d := range out.Derivatives {
			d.Text = tracking.ReplaceAllString(d.Text, "")
			for j := range d.Parts {
				d.Parts[j].Text = tracking.ReplaceAllString(d.Parts[j].Text, "")
			}
			head := d.Kind + " · " + d.Channel + " · " + d.Locale
			for _, extra := range []string{d.Type, d.Variant, d.Attribution} {
				if extra != "" {
					head += " · " + extra
				}
			}
			fmt.Printf("\n## %s-%d (%s)\n", doc, i+1, head)
			if d.NeedsReview != "" {
				fmt.Printf("needs review: %s\n", d.NeedsReview)
			}
			switch {
			case d.Blog != nil:
				fmt.Printf("meta description: %s\nkeywords: %s\n\n%s\n", d.Blog.MetaDescription, strings.Join(d.Blog.Keywords, ", "), d.Blog.Markdown)
			case len(d.Parts) > 0:
				for j, p := range d.Parts {
					fmt.Printf("\n[part %d]\n%s\n", j+1, p.Text)
				}
			default:
				fmt.Printf("%s\n", d.Text)
			}
		}
		fmt.Println()
	}
}
