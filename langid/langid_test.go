package langid

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/repurpose/repurpose/internal/testdocs"
)

func TestIdentifyLang(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The platform team builds tools for the other teams and it measures what they use.", "en"},
		{"El equipo de plataforma construye herramientas para los demás equipos y mide lo que usan.", "es"},
		{"A equipe de plataforma constrói ferramentas para as outras equipes e mede o que elas usam.", "pt"},
		{"Das Plattformteam baut Werkzeuge für die anderen Teams und misst, was sie nutzen, und wie oft.", "de"},
		{"L'équipe plateforme construit des outils pour les autres équipes et mesure ce qu'elles utilisent.", "fr"},
		{"Il team di piattaforma costruisce strumenti per gli altri team e misura ciò che usano ogni giorno.", "it"},
		{"Het platformteam bouwt gereedschap voor de andere teams en meet wat zij gebruiken.", "nl"},
		{"Команда платформы создаёт инструменты для других команд и измеряет, чем они пользуются.", "ru"},
		{"プラットフォームチームは他のチームのためにツールを作ります。", "ja"},
		// Kanji-heavy Japanese still writes its particles in kana.
		{"本書は組織内部基盤構築運用管理手法を解説する。", "ja"},
		{"平台团队为其他团队构建工具，并衡量他们使用了什么。", "zh"},
		// Technical Chinese and Korean borrow many Latin terms.
		{"平台工程团队使用 Kubernetes、Argo CD 和 Backstage 构建内部开发者平台（IDP）。", "zh"},
		{"플랫폼 팀은 Kubernetes와 Argo CD로 다른 팀을 위한 도구를 만들고 사용량을 측정합니다.", "ko"},
		{"12345 67890", ""},
	} {
		if got := Of(tc.text); got != tc.want {
			t.Errorf("Of(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDocumentLangTrustsDeclarationsTheTextDoesNotContradict(t *testing.T) {
	english := "The platform team builds tools for the other teams and measures what they use every week."
	for _, tc := range []struct {
		name, declared, text, want string
		warns                      bool
	}{
		{"undeclared", "", english, "en", false},
		{"declared and right", "en-GB", english, "en-GB", false},
		// Trigram guesses confuse neighbours that share an alphabet; the author knows.
		{"declared neighbour", "pt", "El equipo de plataforma construye herramientas para los demás equipos.", "pt", false},
		// A Korean title over untranslated English text: the posts are English.
		{"declared Korean, English text", "ko", english, "en", true},
		{"declared English, Japanese text", "en", "プラットフォームチームは他のチームのためにツールを作ります。", "ja", true},
	} {
		got, warning := Decide(tc.declared, tc.text)
		if got != tc.want || (warning != "") != tc.warns {
			t.Errorf("%s: Decide(%q) = %q, %q; want %q, warning %v", tc.name, tc.declared, got, warning, tc.want, tc.warns)
		}
	}
}

func TestWrittenInTellsATitleInAnotherScript(t *testing.T) {
	for _, tc := range []struct {
		text, lang string
		want       bool
	}{
		{"CNCF 오퍼레이터 백서", "en", false},
		{"CNCF 오퍼레이터 백서", "ko", true},
		{"CNCF 平台白皮书", "zh", true},
		{"Platform Engineering Maturity Model", "en", true},
		{"Documento técnico de seguridad", "es", true},
		{"Documento técnico de seguridad", "ja", false},
	} {
		if got := WrittenIn(tc.text, tc.lang); got != tc.want {
			t.Errorf("WrittenIn(%q, %s) = %v, want %v", tc.text, tc.lang, got, tc.want)
		}
	}
}

// OtherLanguage names a title's language only where it plainly differs from the
// text's: by its script, or by a sure guess that short texts do not confuse.
func TestOtherLanguageNamesATitleInAnotherLanguage(t *testing.T) {
	for _, tc := range []struct {
		title, lang, want string
		script            bool
	}{
		{"클라우드 네이티브 보안 백서", "en", "ko", true},
		{"Cloud Native Security Whitepaper", "it", "en", false},
		{"Platform Engineering Maturity Model", "en", "", false},
		{"클라우드 네이티브 보안 백서", "ko", "", false},
		{"", "en", "", false},
		{"Cloud Native Security Whitepaper", "", "", false},
		{"클라우드 네이티브 보안 백서", "und", "", false},
		// A Japanese title may be all kanji; a Chinese text's title in kana is Japanese.
		{"外観検査自動化白書 2024", "ja", "", false},
		{"クラウドネイティブ白書", "zh", "ja", true},
	} {
		found, script := OtherLanguage(tc.title, tc.lang)
		if found != tc.want || script != tc.script {
			t.Errorf("OtherLanguage(%q, %s) = %q, %v; want %q, %v", tc.title, tc.lang, found, script, tc.want, tc.script)
		}
	}
}

// WrittenIn and Decide skip the trigram model when only the script matters; they
// must answer as they do with the language identified in full, for every line of the
// corpus and samples and for long texts whose script changes past the first kilobyte.
func TestScriptOnlyAnswersAsTheFullIdentification(t *testing.T) {
	latin := strings.Repeat("The platform team builds tools for the other teams. ", 25)
	cyrillic := strings.Repeat("Команда платформы создаёт инструменты для других команд. ", 40)
	// Every eighth line of the corpus (the model costs a third of a millisecond a call),
	// and texts made to change script.
	var texts []string
	for i, line := range testdocs.Lines(t) {
		if i%8 == 0 {
			texts = append(texts, line)
		}
	}
	texts = append(texts, "", "2023 | 14 %", latin+cyrillic, cyrillic+latin, latin[:900]+cyrillic, latin+"プラットフォームチーム",
		"Ελληνικά κείμενα για την πλατφόρμα", "CNCF 오퍼레이터 백서", "x", "Platform Engineering: "+cyrillic[:200])
	seen := map[string]bool{}
	for _, text := range texts {
		if seen[text] {
			continue
		}
		seen[text] = true
		found := Of(text)
		for _, lang := range []string{"es-MX", "ru", "ja", "xx"} {
			if got, want := WrittenIn(text, lang), found == "" || sameScript(Base(lang), found); got != want {
				t.Fatalf("WrittenIn(%.60q, %s) = %v, with the language identified (%q) %v", text, lang, got, found, want)
			}
		}
		// whatlanggo breaks ties between languages of one script at random (it ranges over
		// a map), so a language it names is compared by its script.
		for _, declared := range []string{"en", "ru"} {
			keeps := found == "" || sameScript(Base(declared), found)
			lang, warning := Decide(declared, text)
			if keeps && (lang != declared || warning != "") || !keeps && (warning == "" || !sameScript(lang, found)) {
				t.Fatalf("Decide(%q, %.60q) = %q, %q; with the language identified (%q) it keeps the declaration: %v",
					declared, text, lang, warning, found, keeps)
			}
		}
	}
}

// The trigram model reads a first kilobyte, and further only when that leaves it unsure:
// a document that opens with a table of figures is still told by its prose.
func TestIdentifyLangReadsOnWhenTheFirstKilobyteIsUnsure(t *testing.T) {
	figures := strings.Repeat("2023 | 14,5 % | 1.200 | 3,4 | 2024 | 17,9 % | 1.450 | 4,1\n", 20)
	prose := strings.Repeat("El equipo de plataforma construye herramientas para los demás equipos y mide lo que usan. ", 10)
	if len(figures) < trigramFirst || len(figures)+len(prose) > trigramSample {
		t.Fatalf("figures %d bytes, prose %d: the test needs the prose past the first kilobyte and within the sample", len(figures), len(prose))
	}
	if got := Of(figures + prose); got != "es" {
		t.Errorf("Of(figures, then Spanish) = %q, want es", got)
	}
}

// scriptOfRune reads the common Korean, Japanese and Chinese blocks without the Unicode
// tables; every character must still get what the tables say.
func TestScriptOfRuneAgreesWithTheUnicodeTables(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		want := notLetter
		switch {
		case unicode.Is(unicode.Hangul, r):
			want = hangulRune
		case unicode.In(r, unicode.Hiragana, unicode.Katakana) && r != 'ー' && r != '・':
			want = kanaRune
		case unicode.Is(unicode.Han, r):
			want = hanRune
		case unicode.IsLetter(r):
			want = otherLetter
		}
		if got := scriptOfRune(r); got != want {
			t.Fatalf("scriptOfRune(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestIdentifiedLangOnlyWhenSure: a title is named a language only when its words leave
// no doubt; a few English nouns that read as several languages are named none.
func TestIdentifiedLangOnlyWhenSure(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Cloud Native Security Whitepaper", "en"},
		{"Sicurezza delle applicazioni cloud native", "it"},
		{"Traducción del documento de seguridad en la nube", "es"},
		{"Secure Software Factory", ""},
		{"クラウドネイティブのセキュリティ", "ja"},
	} {
		if got := Sure(tc.text); got != tc.want {
			t.Errorf("Sure(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSureAnswersAsTheModelOnItsPrefix: Sure, which reuses the answer Of's model gave
// when it read the same bytes, names what the model names reading the text's first
// trigramSample bytes.
func TestSureAnswersAsTheModelOnItsPrefix(t *testing.T) {
	long := strings.Repeat("Platform teams build golden paths for developers. ", 40)
	for _, text := range []string{"", "Platform Engineering Maturity Model", "Plataformas para ingeniería", "La sicurezza della catena di fornitura",
		"クラウドネイティブ", "플랫폼 엔지니어링", "平台工程白皮书", "Kubernetes", "ROI", long, long + "\xff", "Cloud\xffNative " + long} {
		want := ""
		switch l := Of(text); l {
		case "ko", "ja", "zh":
			want = l
		default:
			if info := whatlanggo.DetectWithOptions(validPrefix(text, trigramSample), langOptions); info.Lang >= 0 && info.Confidence >= 0.9 {
				want = info.Lang.Iso6391()
			}
		}
		if got := Sure(text); got != want {
			t.Errorf("Sure(%.40q) = %q, want %q", text, got, want)
		}
	}
}
