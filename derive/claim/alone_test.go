package claim

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/internal/testdocs"
	"github.com/repurpose/repurpose/parse"
)

// TestAboutADocument: a sentence led by a paper, a report or a study, this one or
// another, is about that document; a claim that mentions documentation or reporting is
// not.
func TestAboutADocument(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "The foundation's first Release White Paper describes what release trains are and what they promise.", true},
		{"en", "A 2022 report by an analyst firm found that half of all teams release weekly.", true},
		{"en", "Teams without documentation spend twice as long on every release.", false},
		{"en", "Reporting incidents within a day halves the time to recover.", false},
		{"es", "El informe anual de la fundación describe los trenes de entrega.", true},
		{"es", "Los equipos sin documentación tardan el doble en cada entrega.", false},
		{"de", "Das erste Whitepaper der Stiftung beschreibt, was Release-Züge sind.", true},
		{"fr", "Le premier livre blanc de la fondation décrit les trains de livraison.", true},
		{"ja", "財団の最初の白書は、リリーストレインとは何かを説明しています。", true},
		{"ja", "週に一度リリースするチームは、障害からの復旧が二倍速くなります。", false},
		{"zh", "基金会的第一份白皮书介绍了发布列车是什么。", true},
		{"ko", "재단의 첫 백서는 릴리스 트레인이 무엇인지 설명합니다.", true},
	} {
		if got := AboutADocument(tc.text, tc.lang); got != tc.want {
			t.Errorf("%s: AboutADocument(%q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestLabelled: a list entry's label and colon make a fragment of a key point; a link or
// a time does not, nor a colon after a whole clause of many words.
func TestLabelled(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Disponibilidad de servicios, herramientas y contenido: la distribución aporta redundancia.", true},
		{"Release cadence: weekly trains cut the failure rate in half.", true},
		{"リリース頻度：毎週のリリースで障害が半分になります。", true},
		{"アクティブユーザーと月ごとの定着率：提供する能力の数と利用者数の増減。", true},
		{"毎週リリースし、すべての変更を一日以内にレビューするチームが見つけたこと：ロールバックの減少。", false},
		{"Teams that release weekly recover twice as fast, according to https://example.com/study.", false},
		{"The release train leaves at 10:30 every Tuesday, whether a change is ready or not.", false},
		{"Teams that release every week and review every change within a day found one thing: fewer rollbacks.", false},
	} {
		if got := Labelled(tc.text); got != tc.want {
			t.Errorf("Labelled(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestPresumes: a sentence that names, as known, what only the sentence before it or its
// heading introduced needs them; one that names the document's subject, or opens a
// general claim with the article a Romance language gives every noun, does not.
func TestPresumes(t *testing.T) {
	for _, tc := range []struct {
		lang, heading, before, text string
		want                        bool
	}{
		{"en", "Setup", "A release service is used to install the pipeline on every cluster.",
			"After the installation, the pipeline should run without human interaction.", true},
		{"en", "Understanding the stages", "Every team starts somewhere.",
			"The labels for each stage are meant to show the impact of release trains.", true},
		{"en", "Setup", "A release service is used to install the pipeline on every cluster.",
			"The release trains of most teams leave weekly, which halves their rollbacks.", false},
		{"es", "Instalación", "Un servicio de entregas se usa para instalar el flujo en cada clúster.",
			"Después de la instalación, el flujo debe funcionar sin intervención humana.", true},
		{"es", "Funciones", "Las funciones se ejecutan en cada clúster.",
			"Las funciones sin servidor son vulnerables a varios ataques y deben protegerse.", false},
		{"it", "Installazione", "Un servizio di rilascio serve a installare la pipeline su ogni cluster.",
			"Dopo l'installazione, la pipeline deve funzionare senza intervento umano.", true},
	} {
		text := "---\ntitle: Release trains\nlang: " + tc.lang + "\n---\n# Release trains\n\n## Other\n\nWeekly trains halve the rollbacks of most teams.\n\n## " +
			tc.heading + "\n\n" + tc.before + " " + tc.text + "\n"
		doc, err := parse.File("r.md", []byte(text), 0)
		if err != nil {
			t.Fatal(err)
		}
		a := extract.Analyze(doc)
		found := false
		for i, c := range a.Candidates {
			if c.Text == tc.text {
				found = true
				if got := Presumes(a, i); got != tc.want {
					t.Errorf("%s: Presumes(%q) = %v, want %v", tc.lang, tc.text, got, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: %q is no candidate", tc.lang, tc.text)
		}
	}
}

// colon stands for strings.IndexAny(s, ":："): on the corpus's lines and on random
// strings of colons, their halves and broken UTF-8, it must find the same index.
func TestColonAgreesWithStringsIndexAny(t *testing.T) {
	lines := testdocs.Lines(t, "Label: text", "標籤：文字", "10:30：", "")
	pieces := []string{"a", " ", ":", "：", "\xef\xbc", "\x9a", "\xef", "\xff", "日"}
	lines = append(lines, testdocs.Random(rand.New(rand.NewPCG(11, 12)), pieces, 8)...)
	for _, s := range lines {
		if got, want := colon(s), strings.IndexAny(s, ":："); got != want {
			t.Fatalf("colon(%q) = %d, strings.IndexAny says %d", s, got, want)
		}
	}
}

func TestLeadingFieldsAreTheFirstFields(t *testing.T) {
	for _, s := range []string{"", " ", "one", "  one  two\tthree\u00a0four\u3000five six seven eight nine ten ", "a b c d e f g h", "a b c d e f g h i", "\xff bad \xfe x y z w v u t s"} {
		for n := 1; n <= 10; n++ {
			all := strings.Fields(s)
			if got, want := strings.Fields(leadingFields(s, n)), all[:min(n, len(all))]; !slices.Equal(got, want) {
				t.Errorf("Fields(leadingFields(%q, %d)) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// stemOf cuts the first five letters out of a word without converting it to runes and
// back; holdsStem looks for stems in the sentence before without building their set.
// Both must agree with their definitions on the corpus's words and on random strings of
// letters, spaces, punctuation and broken UTF-8.
func TestStemsAgreeWithTheirDefinitions(t *testing.T) {
	pieces := []string{"a", "é", "日", " ", "\u00a0", "\u3000", ".", "'", "’", "\xff", "\xe6\x97", "\ufffd", "ab", "these", "Install", "installation", "level"}
	lines := append(testdocs.Lines(t, "", " ", "abcde", "abcd", "\xffabcde"), testdocs.Random(rand.New(rand.NewPCG(13, 14)), pieces, 12)...)
	byDefinition := func(w string) string {
		r := []rune(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if len(r) < 5 {
			return ""
		}
		return string(r[:5])
	}
	var previous map[string]bool
	for k, s := range lines {
		for _, w := range append(strings.Fields(s), s) {
			if got, want := stemOf(w), byDefinition(w); got != want {
				t.Fatalf("stemOf(%q) = %q, want %q", w, got, want)
			}
		}
		lang := []string{"en", "es", "it", "de"}[k%4]
		wanted := slices.Collect(maps.Keys(previous))
		slices.Sort(wanted)
		for n := 0; n <= len(wanted); n++ {
			set := stems(s, lang)
			want := false
			for _, w := range wanted[:n] {
				want = want || set[w]
			}
			if got := holdsStem(s, lang, wanted[:n]); got != want {
				t.Fatalf("holdsStem(%q, %q) = %v, the stems' set says %v", s, wanted[:n], got, want)
			}
		}
		// The next line looks for this line's stems and a few of its own.
		previous = stems(s, lang)
		for w := range stems(lines[(k*7+3)%len(lines)], lang) {
			previous[w] = len(previous) < 12
		}
	}
}

// AboutADocument lower-cases and splits only the words that lead the sentence; it must
// answer as reading the whole sentence's words does.
func TestAboutADocumentReadsOnlyItsLead(t *testing.T) {
	byAllWords := func(text, lang string) bool {
		words := strings.Fields(strings.ToLower(text))
		for k, w := range words[:min(leadWords, len(words))] {
			words[k] = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		}
		lead := " " + strings.Join(words[:min(leadWords, len(words))], " ") + " "
		return containsAnyOf(strings.ToLower(lead), marks.Documents[lang]) || lang != "ko" && containsAnyOf(lead, marks.Documents["en"])
	}
	pieces := []string{" ", "\u00a0", "\t", "The", "A", "2023", "İ", "\xff", ","}
	for _, l := range marks.Documents {
		for _, m := range l {
			pieces = append(pieces, m, strings.ToUpper(m))
		}
	}
	lines := append(testdocs.Lines(t, ""), testdocs.Random(rand.New(rand.NewPCG(19, 20)), pieces, 10)...)
	for _, s := range lines {
		for _, lang := range []string{"en", "es", "de", "it", "ko"} {
			if got, want := AboutADocument(s, lang), byAllWords(s, lang); got != want {
				t.Fatalf("%s: AboutADocument(%q) = %v, reading all its words %v", lang, s, got, want)
			}
		}
	}
}
