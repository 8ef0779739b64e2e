// Package sections tells the sections of a document that no post comes from: those
// about the document rather than its subject (contributors, references, methodology, a
// company's "About"), by their headings in every language with built-in texts, and the
// descriptions of one level of a maturity model.
package sections

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// boilerplateHeadings name the parts of a document that are about the document, not its
// subject — who wrote and reviewed it, its contents, sources, terms and history — in each
// language with built-in texts, lower case. A heading is boilerplate when it is one of
// them (or its plural), or several joined by "and", "&", "/" or a comma: "References and
// further reading" is, "Reference architecture" is not.
var boilerplateHeadings = parse.WordList(`
	contributor|contributing|acknowledgement|acknowledgment|author|about the author|reviewer|editor|maintainer|
	table of contents|contents|toc|reference|bibliography|further reading|source|citation|footnote|note|
	glossary|terminology|acronym|abbreviation|definition|changelog|change log|revision history|version history|
	document history|license|licence|copyright|disclaimer|about this document|about this paper|comment|
	forward-looking statements|forward looking statements|safe harbor|legal notice|aviso legal|mentions légales|impressum|note legali|
	methodology|method|methods|metodología|metodologia|méthodologie|methodik|methodologie|note metodologiche|nota metodológica|
	limitation|caveat|limitations and caveats|study limitation|limitaciones|limitações|limites de l'étude|limites de l’étude|
	limites méthodologiques|einschränkungen|grenzen der studie|limiti|limiti dello studio|beperkingen|
	调研局限|研究局限|局限性|局限与说明|調査の限界|本調査の限界|留意点|한계|연구의 한계|조사의 한계|
	nota|notas|anmerkung|anmerkungen|fußnoten|opmerkingen|注|注释|注記|脚注|주석|각주|fuente|fonte|bron|出典|出处|来源|출처|
	저자 소개|필자 소개|작성자 소개|집필진|연구진 소개|회사 소개|기업 소개|著者紹介|執筆者紹介|筆者紹介|会社概要|会社紹介|企業概要|当社について|
	作者简介|作者介绍|公司简介|公司介绍|企业简介|关于我们|
	leave a comment|related post|related article|share this|thanks|thank you|special thanks|credits|contact|contact us|
	contacto|contato|kontakt|contatti|contacten|문의|문의처|연락처|お問い合わせ|联系我们|联系方式|
	gracias|obrigado|merci|danke|grazie|bedankt|感谢|谢辞|ありがとう|감사|
	colaborador|contribuidor|agradecimiento|agradecimento|autor|revisor|índice|indice|tabla de contenido|sumário|
	referencia|referência|bibliografía|bibliografia|glosario|glossário|acrónimo|acrônimo|sigla|
	historial de versiones|histórico de versões|licencia|licença|comentario|comentário|
	contributeur|remerciement|auteur|relecteur|table des matières|sommaire|référence|glossaire|acronyme|commentaire|
	mitwirkende|danksagung|autoren|inhaltsverzeichnis|inhalt|referenzen|literatur|quellen|glossar|abkürzungen|kommentare|
	collaboratore|contributore|contributori|ringraziamenti|autori|revisori|sommario|riferimenti|glossario|acronimi|commenti|
	bijdragers|dankwoord|auteurs|inhoudsopgave|referenties|bronnen|woordenlijst|afkortingen|over de auteur|over de auteurs|
	sobre el autor|sobre la autora|sobre los autores|sull'autore|sull'autrice|sugli autori|l'autore|l'autrice|gli autori|
	貢献者|コントリビューター|謝辞|著者|執筆者|レビュアー|目次|参考文献|参考資料|参照|用語集|略語|変更履歴|
	贡献者|致谢|作者|审阅者|目录|参考文献|参考资料|术语表|缩略语|修订历史|
	기여자|감사의 글|감사의 말|저자|검토자|목차|참고 문헌|참고문헌|참고 자료|용어집|약어|변경 이력`)

// boilerplatePrefixes open a boilerplate heading whatever follows: "Appendix A: …",
// "Metodología y perfil de la muestra", "调研方法说明", and who answered a survey
// ("Respondent profile", "응답 병원 특성").
var boilerplatePrefixes = parse.WordList(`appendix|appendices|annex|apéndice|apêndice|anexo|annexe|anhang|appendice|allegato|bijlage|付録|附录|부록|
	methodology|metodología|metodologia|méthodologie|methodik|methodologie|nota metodológica|nota metodologica|note méthodologique|
	调研方法|研究方法|调查方法|方法论|조사 방법|조사 개요|연구 방법|방법론|調査概要|調査方法|調査の概要|研究方法|
	respondent|sample profile|who responded|perfil de la muestra|perfil de los encuestados|perfil da amostra|perfil dos respondentes|
	profil des répondants|stichprobe|profilo del campione|응답|回答者|受访者|样本`)

// aboutHeadings open the parts of a press release or a case study that present the
// company and whom to call ("About Northwind Data", "Sobre Ondara", "Contacto de
// prensa"): the same in every release, and no post. Matched with the space after them.
var aboutHeadings = []string{"about ", "acerca de ", "sobre ", "à propos ", "über ", "informazioni su ", "chi siamo", "quem somos",
	"quiénes somos", "over ons", "media contact", "press contact", "contacto de prensa", "contacto para medios",
	"contato para imprensa", "contato de imprensa", "contact presse", "contact média", "pressekontakt", "contatti stampa",
	"contatto stampa", "ufficio stampa", "perscontact",
	// A closing offer to talk ("Parlons de votre patrimoine"): the sales call, not a finding.
	"let's talk", "talk to us", "get in touch", "parlons ", "discutons ", "hablemos", "vamos conversar", "sprechen wir",
	"parliamone", "parliamo ", "laten we praten", "neem contact"}

// whoIs opens a heading that presents the company by its name ("Chi è Sanitek").
var whoIs = []string{"who is ", "chi è ", "quién es ", "quem é ", "qui est ", "wer ist ", "wie is "}

// aboutEndings close a CJK heading that presents a company: "… 소개", "…简介", "…の紹介".
var aboutEndings = []string{"소개", "简介", "介绍", "紹介", "企業情報", "会社情報"}

// Boilerplate marks the sections whose heading, or a heading above them, names
// boilerplate: nothing in them becomes a post.
func Boilerplate(doc *parse.Document) []bool { return nested(doc, BoilerplateHeading) }

// Under marks the sections marked, and those below them: a heading says what its
// subsections are part of.
func Under(doc *parse.Document, marked []bool) []bool {
	return under(doc, func(i int) bool { return marked[i] })
}

// nested marks the sections whose heading passes test, and the sections below them.
func nested(doc *parse.Document, test func(heading string) bool) []bool {
	return under(doc, func(i int) bool { return test(doc.Sections[i].Heading) })
}

func under(doc *parse.Document, marked func(i int) bool) []bool {
	out := make([]bool, len(doc.Sections))
	skipBelow := 0 // while > 0, sections deeper than this level are inside a skipped one
	for i, s := range doc.Sections {
		if skipBelow > 0 && s.Level > skipBelow {
			out[i] = true
			continue
		}
		skipBelow = 0
		if marked(i) {
			out[i] = true
			skipBelow = max(s.Level, 1)
		}
	}
	return out
}

// levelHeading names one level of a maturity model: "Level 2, Operationalized",
// "Nivel 3", "レベル 1", "第2级".
var levelHeading = regexp.MustCompile(`(?i)^\W*(?:level|nivel|nível|livello|niveau|stufe|niveau|レベル|级别|等级|레벨)\s*\d|^\W*第\s*\d+\s*[级級]`)

// LevelDescriptions marks the sections under a heading that names a level of a model,
// and those beside it up to a heading above it: what they say ("discovery of
// capabilities is inconsistent") holds at that level only, and a post would not say
// which. A level's parts are often its siblings ("Level 1", "Characteristics", "Example
// scenarios", "Level 2" as headings of one rank, as a PDF's font sizes give them).
func LevelDescriptions(doc *parse.Document) []bool {
	out := make([]bool, len(doc.Sections))
	inside := 0 // while > 0, sections of this level or deeper belong to a level's description
	for i, s := range doc.Sections {
		if inside > 0 && s.Level >= inside {
			out[i] = true
			continue
		}
		inside = 0
		if levelHeading.MatchString(s.Heading) {
			out[i] = true
			inside = max(s.Level, 1)
		}
	}
	return out
}

func BoilerplateHeading(heading string) bool {
	h := textcase.Lower(strings.TrimFunc(heading, func(r rune) bool {
		return !unicode.IsLetter(r) // numbering, colons, emoji
	}))
	h = cjkNumbering.ReplaceAllString(h, "")
	if h == "" {
		return false
	}
	if rest, ok := strings.CutPrefix(h, "关于"); ok && utf8.RuneCountInString(rest) <= 12 && !strings.Contains(rest, "的") {
		// "关于作者", "关于屏联数据研究院": "About" a name; "关于数据安全的三个误区" is a subject.
		return true
	}
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(h, p) {
			return true
		}
	}
	for _, p := range aboutHeadings {
		if strings.HasPrefix(h, p) {
			return true
		}
	}
	for _, p := range whoIs {
		// "Chi è Sanitek": a name of up to three words; "Who is liable under NIS2?" asks.
		if rest, ok := strings.CutPrefix(h, p); ok && !strings.ContainsAny(heading, "?？") && len(strings.Fields(rest)) <= 3 {
			return true
		}
	}
	// "그린루트 애그테크 소개", "链回数据简介", "三和精工の紹介": a short heading that ends
	// on "introducing" presents the company.
	for _, end := range aboutEndings {
		if strings.HasSuffix(h, end) && utf8.RuneCountInString(h) <= 20 {
			return true
		}
	}
	parts := strings.FieldsFunc(h, func(r rune) bool { return r == '&' || r == '/' || r == ',' || r == '、' || r == '・' })
	var words []string
	for _, part := range parts {
		for _, w := range strings.Split(part, " and ") {
			for _, w := range strings.Split(w, " y ") { // es; "e", "et", "und", "en" are rare in such headings
				words = append(words, strings.TrimSpace(w))
			}
		}
	}
	for _, w := range words {
		if !isBoilerplateTerm(w) {
			return false
		}
	}
	return len(words) > 0
}

// cjkNumbering numbers a heading in Chinese numerals: "八、术语表", "第三章 ".
var cjkNumbering = regexp.MustCompile(`^(?:第?[一二三四五六七八九十百]+[、．.章节]\s*)`)

func isBoilerplateTerm(w string) bool { return boilerplateTerms[w] }

// boilerplateTerms are boilerplateHeadings and their plurals.
var boilerplateTerms = func() map[string]bool {
	set := make(map[string]bool, 3*len(boilerplateHeadings))
	for _, b := range boilerplateHeadings {
		set[b], set[b+"s"], set[b+"es"] = true, true, true
	}
	return set
}()

// imaginedMarks name a section that tells a made-up story, lower case: a scenario's
// figures and events did not happen ("On a Tuesday morning, a news outlet reports a
// fire…"), and a post from it would present them as fact. So does an author's account
// of what they no longer believe, or of a view it disagrees with ("The argument I disagree
// with", "The textbook view"): concessions in it read as the brand's claim alone.
var imaginedMarks = []string{
	"hypothetical", "imagined", "imaginary", "fictional", "fictitious", "scenario", "illustrative", "thought experiment",
	"what i believed", "what i used to", "what we believed", "what we used to", "i disagree",
	"argument i disagree", "textbook view", "conventional view", "conventional wisdom", "the usual view",
	"hipotétic", "imaginari", "ficticio", "ficticia", "escenario", "ilustrativ",
	"imaginári", "fictíci", "cenário",
	"hypothétique", "imaginaire", "fictif", "fictive", "scénario", "illustratif",
	"hypothetisch", "fiktiv", "szenario", "gedankenexperiment",
	"ipotetic", "immaginari", "fittizi", "illustrativ",
	"fictief",
	"仮想", "架空", "シナリオ", "想定",
	"假设", "虚构", "案例场景", "模拟场景", "场景模拟", "情景模拟",
	"가상", "시나리오",
}

// Imagined marks the sections under a heading that names a made-up scenario
// (imaginedMarks), and those below them.
func Imagined(doc *parse.Document) []bool { return nested(doc, imaginedHeading) }

func imaginedHeading(heading string) bool {
	h := textcase.Lower(heading)
	for _, m := range imaginedMarks {
		if strings.Contains(h, m) {
			return true
		}
	}
	return false
}

// faqHeadings name a list of questions and answers: each answer leans on its question,
// which a post leaves out ("Vale acompanhar a evolução para R5, mas não há motivo para
// esperar."). Lower case, matched anywhere in the heading.
var faqHeadings = []string{"faq", "frequently asked", "common questions", "questions and answers", "q&a",
	"preguntas frecuentes", "perguntas frequentes", "questions fréquentes", "foire aux questions", "häufig gestellte fragen",
	"häufige fragen", "domande frequenti", "veelgestelde vragen", "veel gestelde vragen",
	"よくある質問", "よくあるご質問", "常见问题", "常見問題", "问答", "자주 묻는 질문", "자주 하는 질문"}

// Answers marks the sections of questions and answers (faqHeadings), and those below them.
func Answers(doc *parse.Document) []bool {
	return nested(doc, func(heading string) bool {
		h := textcase.Lower(heading)
		for _, m := range faqHeadings {
			if strings.Contains(h, m) {
				return true
			}
		}
		return false
	})
}

// caseHeadings name a customer's case told inside a report or a guide, lower case,
// matched anywhere in the heading.
var caseHeadings = []string{"case study", "case studies", "customer story", "success story", "in practice:", "from the field",
	"estudio de caso", "caso de estudio", "caso de éxito", "caso práctico", "caso real", "estudo de caso", "caso de sucesso",
	"caso prático", "étude de cas", "cas client", "cas pratique", "retour d'expérience", "fallstudie",
	"fallbeispiel", "praxisbeispiel", "aus der praxis", "kundenbeispiel", "caso di studio", "caso studio", "caso reale",
	"caso cliente", "praktijkvoorbeeld", "praktijkcase", "事例", "ケーススタディ", "案例", "사례", "케이스 스터디"}

// Cases marks the sections of a document that tell a customer's case under a heading
// that says so (caseHeadings), and those below them, unless the heading is the
// document's title (the document is the case study). A case is told over paragraphs:
// it names its customer once ("Northgate, a 410-bed community hospital") and then says
// "the hospital", "the picking team", or gives its results as table rows ("Route count
// fell from 96 to 81"); posted alone, they name as known what the reader never met.
func Cases(doc *parse.Document) []bool {
	title := textcase.Lower(strings.TrimSpace(doc.Title))
	own := ownHeading(doc)
	return under(doc, func(i int) bool {
		h := textcase.Lower(strings.TrimSpace(doc.Sections[i].Heading))
		if h == "" || h == title || i == own {
			return false
		}
		for _, m := range caseHeadings {
			if strings.Contains(h, m) {
				return true
			}
		}
		return false
	})
}

// ownHeading is the index of the heading that names the whole document, the only one at
// its top level and the first of all ("# Caso di studio: Centri Medici Ardea" under a
// front-matter title of its own), or -1.
func ownHeading(doc *parse.Document) int {
	own, top := -1, 0
	for i, s := range doc.Sections {
		switch {
		case strings.TrimSpace(s.Heading) == "":
		case own < 0 && top == 0:
			own, top = i, s.Level
		case s.Level <= top:
			return -1
		}
	}
	return own
}

// baselineHeadings name the starting point of a case (the situation before, its
// challenge), and resultHeadings what came of it; lower case, matched as prefixes.
var (
	baselineHeadings = []string{"the challenge", "challenge", "background", "context", "the situation", "situation", "starting point",
		"the problem", "before", "contexto", "desafío", "el desafío", "el reto", "reto", "situación inicial", "punto de partida",
		"antecedentes", "desafio", "o desafio", "situação inicial", "ponto de partida", "contexte", "enjeux", "le défi", "défi",
		"situation initiale", "point de départ", "ausgangslage", "ausgangssituation", "herausforderung", "hintergrund",
		"contesto", "la sfida", "sfida", "situazione iniziale", "punto di partenza", "uitgangssituatie", "uitdaging", "achtergrond",
		"課題", "背景", "導入前", "导入前", "挑战", "痛点", "现状", "배경", "과제", "도입 배경", "도입 전"}
	resultHeadings = []string{"results", "result", "the results", "outcome", "outcomes", "impact", "resultados", "resultado",
		"résultats", "résultat", "ergebnisse", "ergebnis", "risultati", "resultaten", "成果", "効果", "導入効果", "成效", "效果",
		"성과", "결과", "도입 효과"}
)

// Baselines marks the sections of a case that give its starting point ("The challenge",
// "Contexte", "과제"), and those below them, when another section gives its results:
// a figure there is how things stood before ("9.4% of appointments were missed"), and
// posted as a finding it reads as the opposite of the case's result.
func Baselines(doc *parse.Document) []bool {
	opens := func(i int, names []string) bool {
		h := textcase.Lower(strings.TrimFunc(doc.Sections[i].Heading, func(r rune) bool { return !unicode.IsLetter(r) }))
		return slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(h, n) })
	}
	results := false
	for i := range doc.Sections {
		results = results || opens(i, resultHeadings)
	}
	if !results {
		return make([]bool, len(doc.Sections))
	}
	return under(doc, func(i int) bool { return opens(i, baselineHeadings) })
}
