package claim

import (
	"strings"
	"testing"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/internal/testdocs"
	"github.com/repurpose/repurpose/parse"
)

// candidates are a made-up document's candidates by text.
func candidates(t *testing.T, text string) map[string]*extract.Candidate {
	t.Helper()
	doc, err := parse.File("r.md", []byte(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	a := extract.Analyze(doc)
	by := map[string]*extract.Candidate{}
	for i := range a.Candidates {
		by[a.Candidates[i].Text] = &a.Candidates[i]
	}
	return by
}

// TestThreadHookIsAFinding: a hope ("Ideally…") or a bare requirement ("should be able
// to increase…") is strong by a word but opens no thread, in any language; a
// recommendation with its risk does.
func TestThreadHookIsAFinding(t *testing.T) {
	for _, tc := range []struct {
		lang, weak, requirement, risky string
	}{
		{"en", "Ideally every team will release weekly to increase the likelihood of a calm release.",
			"A release service should be able to automatically increase and decrease the number of its workers.",
			"Deploy keys should be rotated every month to prevent a takeover of the repository by an attacker."},
		{"es", "Idealmente, cada equipo publicará cada semana para aumentar la probabilidad de una entrega tranquila.",
			"Un servicio de entregas debe poder aumentar y reducir automáticamente el número de sus trabajadores.",
			"Las claves de despliegue deben rotarse cada mes para evitar un ataque al repositorio."},
	} {
		text := "---\ntitle: Releases\nlang: " + tc.lang + "\n---\n# Releases\n\n## A\n\n" + tc.weak + "\n\n## B\n\n" +
			tc.requirement + "\n\n## C\n\n" + tc.risky + "\n"
		by := candidates(t, text)
		for _, s := range []string{tc.weak, tc.requirement} {
			c := by[s]
			if c == nil {
				t.Fatalf("%s: %q is no candidate", tc.lang, s)
			}
			if Hook(c, tc.lang) || Weighty(c, tc.lang) {
				t.Errorf("%s: %q may open a thread or fill it", tc.lang, s)
			}
		}
		if c := by[tc.risky]; c == nil || !Weighty(c, tc.lang) {
			t.Errorf("%s: %q, a recommendation with its risk, is not weighty", tc.lang, tc.risky)
		}
	}
}

// TestSameClaim: two sentences that say the same are told apart from two on one topic
// that say different things, with and without spaces between words.
func TestSameClaim(t *testing.T) {
	for _, tc := range []struct {
		lang, a, b string
		same       bool
	}{
		{"en", "Small changes fail less often because reviewers can read every line.",
			"Because reviewers can read every line, small changes fail less often in production.", true},
		{"en", "Small changes fail less often because reviewers can read every line.",
			"Manual deploys cost each team two evenings a month.", false},
		{"ja", "小さな変更はレビューしやすく、失敗が少なくなります。", "小さな変更は失敗が少なく、レビューしやすくなります。", true},
		{"ja", "小さな変更はレビューしやすく、失敗が少なくなります。", "手動のデプロイは毎月二晩の作業になります。", false},
	} {
		if got := Same(tc.a, tc.b, tc.lang); got != tc.same {
			t.Errorf("Same(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

// TestRecallsTheReading: sentences that lean on the document's earlier pages or the
// reader's way through it are told, in every language with labels; a sentence about
// the subject is not.
func TestRecallsTheReading(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "However, as was demonstrated with configuration, operators can extend orchestrators.", true},
		{"en", "You may have seen the controller manager mentioned in your journey so far.", true},
		{"en", "Operators can extend orchestrators with backups and restores.", false},
		{"it", "Come abbiamo visto, gli operatori estendono l'orchestratore.", true},
		{"it", "Gli operatori estendono l'orchestratore con backup e ripristini.", false},
		{"ja", "前述のとおり、オペレーターはオーケストレーターを拡張します。", true},
		{"zh", "如前所述，运维器可以扩展编排器。", true},
		{"ko", "앞서 살펴본 것처럼 오퍼레이터는 오케스트레이터를 확장합니다.", true},
	} {
		if got := RecallsTheReading(tc.text, tc.lang); got != tc.want {
			t.Errorf("%s %q: %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// markable lower-cases into a buffer its caller keeps on the stack; the text it makes
// must be the sentence's strings.ToLower padded with a space at each end, whether the
// buffer is large enough or grown.
func TestMarkableIsThePaddedLowerCase(t *testing.T) {
	var small [8]byte
	for _, s := range testdocs.Lines(t, "", "İSTANBUL", "bad \xff utf-8") {
		want := " " + strings.ToLower(s) + " "
		var buf [320]byte
		if got := markable(buf[:0], s, "en").lower; got != want {
			t.Fatalf("markable(%q) = %q, want %q", s, got, want)
		}
		if got := markable(small[:0], s, "es").lower; got != want {
			t.Fatalf("markable(%q) in a short buffer = %q, want %q", s, got, want)
		}
	}
}
