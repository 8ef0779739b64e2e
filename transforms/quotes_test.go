package transforms

import "testing"

func TestQuotedSentence(t *testing.T) {
	for _, tc := range []struct {
		s         string
		text, who string // who "" when no quote should be found
	}{
		{"“Platforms are products, not projects,” said Jane Doe, head of platform at Acme.", "Platforms are products, not projects", "Jane Doe, head of platform at Acme"},
		{`"We cut our pages in half within six weeks," Maria Lopez says.`, "We cut our pages in half within six weeks", "Maria Lopez"},
		{"Jane Doe said: “Every team should own its golden path end to end.”", "Every team should own its golden path end to end.", "Jane Doe"},
		{"According to Ana Ruiz, “the cheapest incident is the one you never page anyone for.”", "the cheapest incident is the one you never page anyone for.", "Ana Ruiz"},
		{"«La seguridad empieza en el diseño de cada servicio», afirma Luis Gómez.", "La seguridad empieza en el diseño de cada servicio", "Luis Gómez"},
		{"„Plattformen sind Produkte für interne Kunden“, sagt Eva Braun.", "Plattformen sind Produkte für interne Kunden", "Eva Braun"},
		// Scare quotes and short quotes are not quotations.
		{"Teams follow the so-called “golden path” to production.", "", ""},
		{"“Done,” he said.", "", ""},
		{"The word “platform” means many things to many people.", "", ""},
		{"Nobody quoted anything here at all, said the log.", "", ""},
	} {
		q, ok := quotedSentence(tc.s)
		if ok != (tc.who != "") || ok && (q.Text != tc.text || q.Attribution != tc.who) {
			t.Errorf("quotedSentence(%q) = %+v %v, want %q by %q", tc.s, q, ok, tc.text, tc.who)
		}
	}
}

func TestQuoteSnippetsFromProse(t *testing.T) {
	src := "# Pages\n\n## Results\n\nThe team measured every page for a quarter and compared the numbers week by week. “We cut our pages in half within six weeks,” said Maria Lopez, SRE lead at Acme. Nobody expected that.\n\n## Next\n\nThe next step is to roll the same practice out to every other team in the company.\n"
	doc, err := Parse("p.md", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Derive(doc, testOptions(nil)).Derivatives {
		if d.Type == SnippetQuote {
			if d.Attribution != "Maria Lopez, SRE lead at Acme" || d.Section == nil || d.Section.Anchor != "results" {
				t.Errorf("quote %q by %q in %+v", d.Text, d.Attribution, d.Section)
			}
			return
		}
	}
	t.Error("no quote snippet from a quoted sentence")
}
