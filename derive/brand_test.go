package derive

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/parse"
)

const brandDoc = `---
title: Shipping with github actions
persona: cto
tags: [github]
---
# Shipping with github actions

Our teams moved every pipeline to github actions and cut release time by 40% in one quarter. The move was a game changer for the whole company.

## Pipelines

Every repository on https://github.com/acme-corp now builds with the same workflow file. Kubernetes deploys follow once the github checks pass on the main branch.

## Reviews

Reviews happen in pull requests, and a game changer like this needs everyone to review twice. Review time dropped from two days to four hours across 30 repositories.

## Next

The next quarter brings the same workflow to the mobile apps and their release trains.
`

func brandResult(t *testing.T, brand config.Brand, campaign config.Campaign) Result {
	t.Helper()
	doc, err := parse.File("brand.md", []byte(brandDoc), 0)
	if err != nil {
		t.Fatal(err)
	}
	opt := testOptions([]byte(brandDoc))
	opt.Brand = brand
	if campaign.CTA != nil {
		opt.Campaign = campaign
	}
	return From(doc, opt)
}

// texts are every piece of text a derivative carries.
func texts(d Derivative) []string {
	out := []string{d.Text, d.CTA, strings.Join(d.Hashtags, " ")}
	for _, p := range d.Parts {
		out = append(out, p.Text)
	}
	if d.Blog != nil {
		out = append(out, d.Blog.Title, d.Blog.MetaDescription, d.Blog.HTML, strings.Join(d.Blog.Keywords, " "))
	}
	return out
}

func TestBrandBannedPhrases(t *testing.T) {
	res := brandResult(t, config.Brand{BannedPhrases: []string{"Game Changer"}}, config.Campaign{})
	if len(res.Derivatives) == 0 {
		t.Fatal("nothing derived")
	}
	for _, d := range res.Derivatives {
		for _, s := range texts(d) {
			if strings.Contains(strings.ToLower(s), "game changer") {
				t.Errorf("%s #%d uses a banned phrase: %q", d.Kind, d.Ordinal, s)
			}
		}
	}
}

func TestBrandSpellings(t *testing.T) {
	res := brandResult(t, config.Brand{Spellings: []string{"GitHub", "GitHub Actions", "Kubernetes"}}, config.Campaign{})
	wrong := regexp.MustCompile(`(?i)\bgithub\b`)
	for _, d := range res.Derivatives {
		for _, s := range texts(d) {
			urls := channel.FindURLs(s)
			for _, m := range wrong.FindAllStringIndex(s, -1) {
				if w := s[m[0]:m[1]]; w != "GitHub" && !slices.ContainsFunc(urls, func(u [2]int) bool { return u[0] <= m[0] && m[0] < u[1] }) {
					t.Errorf("%s #%d spells %q: %q", d.Kind, d.Ordinal, w, s)
				}
			}
		}
	}
}

func TestBrandDisclosureLeavesRoom(t *testing.T) {
	disclosure := "#employee Views are my own and do not reflect those of my employer."
	res := brandResult(t, config.Brand{Disclosure: disclosure}, config.Campaign{})
	for _, d := range res.Derivatives {
		if d.Disclosure != disclosure {
			t.Errorf("%s #%d: disclosure %q", d.Kind, d.Ordinal, d.Disclosure)
		}
		tail := " " + disclosure
		switch d.Kind {
		case channel.KindThread:
			for i, p := range d.Parts {
				if !channel.CountX(p.Text + tail).Valid {
					t.Errorf("thread post %d leaves no room for the disclosure", i+1)
				}
			}
		case channel.KindSnippet:
			if !channel.CountX(d.Text + tail).Valid {
				t.Errorf("snippet %d leaves no room for the disclosure", d.Ordinal)
			}
		case channel.KindLinkedIn:
			if !channel.CountLinkedIn(d.Text + tail).Valid {
				t.Error("linkedin post leaves no room for the disclosure")
			}
		}
	}
}

func TestCampaignCTA(t *testing.T) {
	campaign := config.Campaign{
		CTA: map[string]string{"awareness": "Read the paper"},
		CTAOverrides: []config.CTAOverride{
			{Locale: "en", Text: "Read it in English"},
			{Persona: "cto", Text: "See what it means for your org"},
		},
	}
	for _, d := range brandResult(t, config.Brand{}, campaign).Derivatives {
		if d.CTA != "See what it means for your org" {
			t.Fatalf("%s CTA %q: the persona override should win", d.Kind, d.CTA)
		}
	}
	c := config.Campaign{CTA: map[string]string{"awareness": "Read"}, CTAOverrides: []config.CTAOverride{{Locale: "es", Text: "Lee"}}}
	if got := c.CTAFor("awareness", "", "es-MX"); got != "Lee" {
		t.Errorf("es-MX CTA %q, want the es override", got)
	}
}
