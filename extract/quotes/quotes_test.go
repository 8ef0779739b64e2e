package quotes

import "testing"

func TestInSentence(t *testing.T) {
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
		q, ok := InSentence(tc.s)
		if ok != (tc.who != "") || ok && (q.Text != tc.text || q.Attribution != tc.who) {
			t.Errorf("InSentence(%q) = %+v %v, want %q by %q", tc.s, q, ok, tc.text, tc.who)
		}
	}
}

func TestADefinitionInQuotesIsNotAQuote(t *testing.T) {
	for _, s := range []string{
		`The definition says: "A TVP is a careful balance between keeping the platform small and helping teams."`,
		`The glossary says: "A platform is a foundation of self-service capabilities for many teams."`,
		`La definición dice: "Una plataforma es una base de capacidades de autoservicio para los equipos."`,
	} {
		if q, ok := InSentence(s); ok {
			t.Errorf("InSentence(%q) = %+v: a definition is not a quote", s, q)
		}
	}
	for _, tc := range []struct {
		who  string
		want bool
	}{
		{"Jane Doe, head of platform at Acme", true},
		{"The Linux Foundation", true},
		{"Ursula von der Leyen", true},
		{"田中 美咲、サクラ・システムズ", true},
		{"The definition", false},
		{"the glossary", false},
		{"This term", false},
		// A pronoun stands for a speaker named elsewhere, or for nobody.
		{"They", false},
		{"She", false},
		{"Ellos", false},
		{"", false},
	} {
		if got := Speaker(tc.who); got != tc.want {
			t.Errorf("Speaker(%q) = %v, want %v", tc.who, got, tc.want)
		}
	}
}

// TestAQuoteNamesItsSpeakerNotTheOccasion: where or how the words were said reads as a
// footnote under a post; the name and role stay.
func TestAQuoteNamesItsSpeakerNotTheOccasion(t *testing.T) {
	for attribution, want := range map[string]string{
		"Daniel Ferreira, cyber claims counsel, quoted with permission from a panel at our 2024 client forum": "Daniel Ferreira, cyber claims counsel",
		"Danielle Reyes, our VP of Carrier Relations, in our 2024 kickoff meeting":                            "Danielle Reyes, our VP of Carrier Relations",
		"Tom Okafor, Head of Operations at Brennard Logistics":                                                "Tom Okafor, Head of Operations at Brennard Logistics",
		"Marta Gil, directora de operaciones, en la jornada de clientes de 2024":                              "Marta Gil, directora de operaciones",
	} {
		if got := SpeakerLine(attribution); got != want {
			t.Errorf("SpeakerLine(%q) = %q, want %q", attribution, got, want)
		}
	}
}
