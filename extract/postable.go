package extract

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/repurpose/repurpose/extract/lean"
	"github.com/repurpose/repurpose/parse/cite"

	"github.com/coregx/ahocorasick"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/extract/whole"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// A post is read by a stranger scrolling a feed, who has not read the document. postable
// keeps only the sentences that make sense to them alone: none that leans on the sentence
// before it, talks about the document instead of its subject, points at a figure or
// table, is cut short, or carries a contributor's e-mail address or a version line.
func Postable(text, lang string) bool {
	var v sentenceView
	return postable(text, lang, &v)
}

// postable is Postable; when the checks came as far as reading the sentence's words, v
// holds its view (v.text is then text), for a caller's further checks. v's slice of
// words is reused.
func postable(text, lang string, v *sentenceView) bool {
	if text == "" {
		return false
	}
	// The checks that read the text once come first: a sentence they turn away (one in five
	// in the corpus) is never lower-cased and cut into words for the others.
	first, _ := utf8.DecodeRuneInString(text)
	if unicode.IsLower(first) || strings.ContainsRune(",;:)]}»”", first) {
		return false // the tail of a sentence split elsewhere
	}
	if !whole.Ends(text) || whole.Slight(text) {
		return false // introduces a list, trails off, is a fragment or a slogan
	}
	if lean.QuestionOrAnswer(text) || whole.LeadIn(text) || lean.Caption(text) {
		return false // a line of an FAQ, a question that leads into its answer ("Why the gap?"), a table's caption
	}
	if whole.AboutBlurb(text) {
		return false // a company's "About" run into its blurb
	}
	if whole.OnlyAQuote(text) {
		return false // someone's words without their name (attributed ones become quote snippets)
	}
	if strings.IndexByte(text, '[') >= 0 && cite.Marker.MatchString(text) {
		return false // "See [3]…": built on a reference the post does not have
	}
	if !whole.Balanced(text) {
		return false
	}
	if whole.Address(text) || lang == "en" && personIntro.MatchString(text) {
		return false // an address, a version line, a link competing with the post's own, a table row
	}
	if strings.Count(text, "/") >= 2 && shorthand.MatchString(text) {
		return false // "trust delegated to processes/users/services": a specification's notation
	}
	if (strings.IndexByte(text, ':') >= 0 || strings.Contains(text, "：")) && whole.Labelled(text) || whole.BreakdownItem(text) {
		return false // "DevX Resources (catalogue): each item…": a glossary entry, not a sentence
	}
	v.set(text)
	if v.holds(lang, spacedDashList) && glossaryDash(text) || opensWithReference(text, lang) || leansAfterOpening(v, lang) ||
		aboutTheDocumentView(v, lang) || notTheBrandsVoiceView(v, lang) {
		return false
	}
	return !pointsBackView(v, lang) && !alsoInFirstClause(v, lang) && !bareVerb(v, lang) && !(lang != "en" && isLatin(lang) && whole.GluedHeading(text, stopwords[lang])) &&
		!announcesMore(v, lang) && !lean.HalfOfAPair(v.lower, lang) && !lean.SetsUpACase(v.lower, lang) &&
		!lean.TheCompanyAsSubject(text, lang) && !lean.AsksAboutSomeoneNamedBefore(text, lang) && !lean.ChangeWithoutSubject(text, lang) &&
		!(lang == "en" && lean.QuartileAlone(v.lower))
}

var (
	leaningAdverbs      = parse.WordSets(marks.LeaningAdverbs)
	openingPrepositions = parse.WordSets(marks.OpeningPrepositions)
	openingPronouns     = parse.WordSets(marks.OpeningPronouns)
)

// leansAfterOpening reports a sentence whose subject, after a short opening phrase, stands
// for what came before: "For the first year or so, it was a clear improvement." leans on
// the sentence that named "it" as surely as "It was a clear improvement." does. An "it"
// that only holds the place of what follows ("In most teams, it takes a week to…") names
// nothing before.
func leansAfterOpening(v *sentenceView, lang string) bool {
	text := v.text
	if lang == "de" {
		// "Das betrifft Cookies…": "das" before a verb is a pronoun for what came before;
		// before a noun ("Das Gesetz") or an adjective ("Das neue Gesetz") an article.
		w, rest, _ := strings.Cut(text, " ")
		next, _, _ := strings.Cut(rest, " ")
		if r, _ := utf8.DecodeRuneInString(next); w == "Das" && unicode.IsLower(r) && strings.HasSuffix(next, "t") {
			return true
		}
	}
	var first6 [6]string
	words := lean.FirstFields(text, &first6)
	if len(words) > 1 && itIs[lang] == textcase.Lower(words[0]) && (lean.Determiners[textcase.Lower(words[1])] || here[textcase.Lower(words[1])]) {
		return true // "È una differenza che…", "Es aquí donde…": it is what came before; "Es mejor…" is not
	}
	if lang == "de" && (strings.Contains(v.lower, " demnach ") || strings.Contains(v.lower, " folglich ") || strings.Contains(v.lower, " somit ")) {
		return true // "Ein PDF … ist demnach keine E-Rechnung": according to what the sentence before defined
	}
	if adverbs := leaningAdverbs[lang]; adverbs != nil {
		for k := min(1, len(words)); k < min(len(words), 5); k++ {
			w := strings.TrimRight(textcase.Lower(words[k]), ",.;:")
			if adverbs[w] && !(w == "ainsi" && k+1 < len(words) && textcase.Lower(words[k+1]) == "que") { // "ainsi que": "as well as"
				return true
			}
		}
	}
	if lang == "en" && len(words) > 1 && responseVerbs[strings.TrimRight(words[1], ",")] {
		return true // "Dana agreed, but added a caveat…": a reply to what the sentence before said
	}
	if lean.ShareWithoutItsWhole(words, lang) || lean.PossessiveWithoutOwner(words, lang) ||
		v.holds(lang, sufficesList) && lean.SufficesForNothing(v.lower, lang) ||
		lean.MidConnective(text, words, lang) || lean.PronounOpening(words, lang) || lean.OrdinalOfAList(words, lang) || lean.ShellNounSubject(words, lang) ||
		lean.NegatedOpening(words, lang) || lean.DistalDemonstrative(v.words, lang) ||
		lang == "en" && lean.EndsOnWhatCameBefore(v.lower) || lang == "fr" && lean.ObjectCliticBefore(v.lower) ||
		lean.NominalHeading(words, lang) || lean.KindReference(v.lower, lang) || lean.SalesQuestion(v.lower, lang) ||
		lang == "en" && (lean.EndsOnAProForm(v.lower) || lean.AlikeWithoutWhat(v.words)) ||
		lean.CliticImperative(words, lang) || lang == "en" && (lean.PronounAfterShortOpening(text, words, openingPronouns["en"]) ||
		lean.ThemWithoutPlural(v.lower, v.words) || lean.SubjectlessStep(words) || lean.AskedOfWhatCameBefore(text, words) ||
		lean.QuantifierPronoun(words) || lean.PastVerbIt(v.lower) || lean.DefiniteShare(words) || lean.Scene(v.lower) ||
		lean.DemonstrativeObject(words) || lean.AnotherFigure(v.lower)) || lean.EncliticObject(text, lang) {
		return true
	}
	if lean.SubjectAfterLongOpening(text, lang) {
		return true
	}
	pronouns := openingPronouns[lang]
	if pronouns == nil {
		return false
	}
	head, rest, ok := strings.Cut(text, ", ")
	if !ok || len(head) > 60 {
		return false
	}
	first, _, _ := strings.Cut(head, " ")
	if strings.Count(head, " ") > 7 || !openingPrepositions[lang][textcase.Lower(first)] {
		return false
	}
	subject, after, _ := strings.Cut(rest, " ")
	subject = textcase.Lower(subject)
	if lang == "fr" && subject == "il" {
		return false // "il faut", "il existe": impersonal, as often as not
	}
	if subject == "it" {
		verb, _, _ := strings.Cut(after, " ")
		if placeholderVerbs[verb] && (strings.Contains(after, " to ") || strings.Contains(after, " that ")) {
			return false // "it takes a week to…", "it is clear that…"
		}
	}
	// What follows the phrase leans back as an opening would ("…, si tratta di una
	// cifra…", "…, however, …", "…, many schedule…").
	return pronouns[subject] || opensWithReference(rest, lang) || lang == "en" && lean.QuantifierPronoun(strings.Fields(rest))
}

// responseVerbs say that someone answered what was said before.
var responseVerbs = parse.WordSet(`agreed disagreed added replied responded countered conceded admitted objected echoed`)

// itIs is "it is" in the languages that drop the pronoun; here the words that make it
// point at a place in the text.
var (
	itIs = map[string]string{"es": "es", "it": "è", "pt": "é"}
	here = parse.WordSet(`aquí ahí allí qui lì così aqui aí ali assim`)
)

// placeholderVerbs follow an "it" that holds the place of a clause after them.
var placeholderVerbs = parse.WordSet(`is was becomes became gets got seems seemed takes took pays remains`)

var vagueQuantifiers = parse.WordSets(marks.VagueQuantifiers)

// announcesMore reports a sentence that ends on what it does not say: a vague quantity
// among its last three words ("…comparten varias características principales.",
// "…there are several ways to do it." is not: its end names the ways' purpose).
func announcesMore(v *sentenceView, lang string) bool {
	q := vagueQuantifiers[lang]
	if q == nil || len(v.words) < 4 || !strings.HasSuffix(v.text, ".") {
		return false
	}
	return slices.ContainsFunc(v.words[len(v.words)-3:], func(w string) bool { return q[w] }) || lean.AnnouncesAList(v.words, lang)
}

// bareVerb reports a sentence that opens with a verb and no subject: a finite one
// ("Proporcionan mayor transparencia…": they provide, their subject in the sentence
// before; marks.BareVerbs), or an infinitive without a finite verb to make it the
// subject (an instruction out of its list: "Mantener la interoperabilidad…";
// marks.Infinitives).
func bareVerb(v *sentenceView, lang string) bool {
	if lang == "ja" {
		// A Japanese subject or topic is marked by は or が; a sentence with neither
		// ("情報を共有するため…あるいは…開かれます") leaves it to the sentence or heading
		// before. "あるいは", "または", "もしくは" are "or".
		return !strings.ContainsAny(jaOr.Replace(v.text), "はが")
	}
	bv, finite := bareVerbs[lang]
	inf, infinitives := bareVerbs["inf-"+lang]
	words := v.words
	if !finite && !infinitives || len(words) < 2 || bv.not[words[0]] {
		return false
	}
	_, rest, _ := strings.Cut(v.text, " ")
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
		return false // a name: "Container Runtime Interface define…", "Open Policy Agent…"
	}
	if infinitives && len(words[0]) > 4 && hasEnding(words[0], inf.endings) {
		return !slices.ContainsFunc(words, func(w string) bool { return inf.verbs[w] })
	}
	return finite && (bv.verbs[words[0]] || len(words[0]) > 4 && hasEnding(words[0], bv.endings))
}

var jaOr = strings.NewReplacer("あるいは", "", "または", "", "もしくは", "")

// verbMarks are marks.BareVerbs or marks.Infinitives (under "inf-" and the language)
// as sets.
type verbMarks struct {
	verbs, not map[string]bool
	endings    []string
}

var bareVerbs = func() map[string]verbMarks {
	out := map[string]verbMarks{}
	for lang, bv := range marks.BareVerbs {
		out[lang] = verbMarks{parse.WordSet(bv.Verbs), parse.WordSet(bv.Not), strings.Fields(bv.Endings)}
	}
	for lang, inf := range marks.Infinitives {
		out["inf-"+lang] = verbMarks{verbs: parse.WordSet(inf.Finite), endings: strings.Fields(inf.Endings)}
	}
	return out
}()

func hasEnding(w string, endings []string) bool {
	return slices.ContainsFunc(endings, func(e string) bool { return strings.HasSuffix(w, e) })
}

// glossaryDash reports a glossary entry set off by a dash: a term of at most four words,
// a dash, and its definition in lower case ("Malicious insider – an actor with…"). A
// dash that closes again is an aside ("Speed – not headcount – wins").
func glossaryDash(text string) bool {
	for _, dash := range glossaryDashes {
		i := strings.Index(text, dash)
		if i <= 0 || len(strings.Fields(text[:i])) > 4 {
			continue
		}
		rest := text[i+len(dash):]
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsLower(r) && !strings.Contains(rest, dash)
	}
	return false
}

var (
	glossaryDashes  = []string{" - ", " – ", " — "}
	spacedDashIndex = indexSubstrings(glossaryDashes) // the sentences glossaryDash reads
)

// personIntro introduces a speaker or an author by their job ("Dana Ruiz runs customer
// operations at Northfield Home Insurance"): a bio, not a point.
var personIntro = regexp.MustCompile(`^[A-Z][\p{L}'’-]+ (?:[A-Z]\. )?[A-Z][\p{L}'’-]+,? (?:runs|leads|heads|manages|oversees|directs|joined|is head of|is the head of|is (?:a |the )?(?:vice president|vp|director|chief|head|founder|co-founder|ceo|cto|coo|cfo))\b[^.]*\bat [A-Z]`)

// sentenceView is a sentence lower-cased and cut into words once, for the checks that
// read it.
type sentenceView struct {
	text, lower string
	words       []string
	lowerBytes  []byte // lower for the phrase automata, once converted
	buf         []byte // lower's bytes: a view's lower case and words last until it is set again
	// lists are the phrase lists (phraseLists) found in lower for listsLang, once asked.
	lists     phraseListSet
	listsLang string
	listsRead bool
}

func viewOf(text string) sentenceView {
	var v sentenceView
	v.set(text)
	return v
}

// set makes v the view of text, reusing v's slice of words and its buffer for the lower
// case: what v held before is overwritten.
func (v *sentenceView) set(text string) {
	buf := textcase.AppendLower(v.buf[:0], text)
	lower := unsafe.String(unsafe.SliceData(buf), len(buf))
	*v = sentenceView{text: text, lower: lower, words: wordRunes.AppendFields(v.words[:0], lower), buf: buf}
}

// bytes is v.lower as the phrase automata read it.
func (v *sentenceView) bytes() []byte {
	if v.lowerBytes == nil {
		// The automata only read it: v.lower's own bytes, not a copy.
		v.lowerBytes = unsafe.Slice(unsafe.StringData(v.lower), len(v.lower))
	}
	return v.lowerBytes
}

// wordsOf cuts s into words: runs of letters and apostrophes.
func wordsOf(s string) []string { return wordRunes.Fields(s) }

var wordRunes = parse.NewRuneSet(func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' })

// phraseIndex is a list of phrases a sentence is looked for in: a phrase in a spaced
// script counts only where its first word is one of the sentence's words ("this paper"
// not in "synthis paper"), as a phrase search by words would. Phrases in scripts written
// without spaces count anywhere. phraseLists finds every list of a language in one pass.
type phraseIndex struct {
	phrases []string
	first   []string // per phrase, its first word; "" for a phrase without spaces
}

func indexPhrases(lists ...[]string) *phraseIndex {
	ix := &phraseIndex{}
	for _, list := range lists {
		for _, p := range list {
			first := wordsOf(p)
			if r, _ := utf8.DecodeRuneInString(p); len(first) == 0 || script.CJK(r) || unicode.Is(unicode.Hangul, r) {
				first = []string{""}
			}
			ix.phrases = append(ix.phrases, p)
			ix.first = append(ix.first, first[0])
		}
	}
	return ix
}

// The phrase lists a sentence's view finds in one pass (holds).
type phraseListSet uint16

const (
	documentList      phraseListSet = 1 << iota // documentPhraseIndex
	counterViewList                             // counterViewIndex
	anotherOneList                              // anotherOneIndex
	caveatList                                  // caveatIndex
	backReferenceList                           // backReferenceIndex
	voiceList                                   // voiceIndex
	sufficesList                                // sufficesIndex
	figureStemList                              // figureStemIndex
	spacedDashList                              // spacedDashIndex
)

// phraseLists finds in one pass over a sentence (Aho-Corasick) which of a language's
// phrase lists it holds, instead of a pass per list.
type phraseLists struct {
	ac *ahocorasick.Automaton
	// Per phrase: its first word, the lists it counts in only where that word is one
	// of the sentence's words, and the lists it counts in anywhere.
	first               []string
	wordLists, anyLists []phraseListSet
}

// phraseListsByIndexes holds a phraseLists per set of indexes a language reads (a few).
var phraseListsByIndexes sync.Map

// phraseListsFor is the phraseLists of lang's indexes, built on first use.
func phraseListsFor(lang string) *phraseLists {
	key := [9]*phraseIndex{phrasesFor(documentPhraseIndex, lang), phrasesFor(counterViewIndex, lang), anotherOneFor(lang),
		phrasesFor(caveatIndex, lang), backReferenceIndex[lang], voiceIndex[lang], sufficesIndex[lang], figureStemIndex, spacedDashIndex}
	if pl, ok := phraseListsByIndexes.Load(key); ok {
		return pl.(*phraseLists)
	}
	pl := &phraseLists{}
	at := map[string]int{}
	for i, ix := range key {
		if ix == nil {
			continue
		}
		for j, p := range ix.phrases {
			k, ok := at[p]
			if !ok {
				k = len(at)
				at[p] = k
				pl.first = append(pl.first, "")
				pl.wordLists = append(pl.wordLists, 0)
				pl.anyLists = append(pl.anyLists, 0)
			}
			if ix.first[j] == "" {
				pl.anyLists[k] |= 1 << i
			} else {
				pl.first[k] = ix.first[j] // a phrase's first word is the same in every list
				pl.wordLists[k] |= 1 << i
			}
		}
	}
	phrases := make([]string, len(at))
	for p, k := range at {
		phrases[k] = p
	}
	ac, err := ahocorasick.NewBuilder().AddStrings(phrases).Build()
	if err != nil {
		panic("extract: phrase lists: " + err.Error())
	}
	pl.ac = ac
	stored, _ := phraseListsByIndexes.LoadOrStore(key, pl)
	return stored.(*phraseLists)
}

// holds reports whether the sentence holds a phrase of list in lang's phrase lists: every
// list is found in one pass the first time one is asked for.
func (v *sentenceView) holds(lang string, list phraseListSet) bool {
	if !v.listsRead || v.listsLang != lang {
		v.lists, v.listsLang, v.listsRead = phraseListsFor(lang).in(v), lang, true
	}
	return v.lists&list != 0
}

func (pl *phraseLists) in(v *sentenceView) (found phraseListSet) {
	// FindAllOverlapping is one DFA pass; IsMatch's start-byte prefilter searches again
	// for each of the phrases' first bytes whenever the DFA returns to its start.
	for _, m := range pl.ac.FindAllOverlapping(v.bytes()) {
		found |= pl.anyLists[m.PatternID]
		if l := pl.wordLists[m.PatternID]; found&l != l && slices.Contains(v.words, pl.first[m.PatternID]) {
			found |= l
		}
	}
	return found
}

// Languages are the languages with built-in word lists and texts: every other language
// is read with English's lists, and its derivatives carry no words of ours.
var Languages = []string{"en", "es", "pt", "fr", "de", "it", "nl", "ja", "zh", "ko"}

// perLang builds one index per language with built-in texts, of its phrases and English
// ones (technical text in any language borrows English).
func perLang(phrases map[string][]string) map[string]*phraseIndex {
	out := map[string]*phraseIndex{}
	for _, lang := range Languages {
		out[lang] = indexPhrases(phrases[lang], phrases["en"])
	}
	out[""] = indexPhrases(phrases["en"])
	return out
}

func phrasesFor(ix map[string]*phraseIndex, lang string) *phraseIndex {
	if p, ok := ix[lang]; ok {
		return p
	}
	return ix[""]
}

// shorthand: three or more words joined by slashes ("processes/users/services"), the
// notation of a specification, which a post reads as a garbled sentence.
var shorthand = regexp.MustCompile(`\pL+/\pL+/\pL+`)

// referenceOpeners are marks.ReferenceOpeners as word sets.
var referenceOpeners = parse.WordSets(marks.ReferenceOpeners)

// referencePhraseIndex holds, per language, its marks.ReferencePhrases and English's by their
// first byte: a sentence is compared with the few that start as it does.
var referencePhraseIndex = func() map[string]*[256][]string {
	out := map[string]*[256][]string{}
	for _, lang := range append(slices.Collect(maps.Keys(marks.ReferencePhrases)), "") {
		var ix [256][]string
		for _, l := range []string{lang, "en"} {
			for _, p := range marks.ReferencePhrases[l] {
				ix[p[0]] = append(ix[p[0]], p)
			}
		}
		out[lang] = &ix
	}
	return out
}()

func referencePhrasesFor(lang string) *[256][]string {
	if ix, ok := referencePhraseIndex[lang]; ok {
		return ix
	}
	return referencePhraseIndex[""]
}

func opensWithReference(text, lang string) bool {
	if prefixes, ok := marks.ReferenceOpenersCJK[lang]; ok {
		for _, p := range prefixes {
			if strings.HasPrefix(text, p) {
				return true
			}
		}
		if lang != "ko" {
			return false
		}
	}
	text = strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	// Both lower-cased pieces go to a buffer on the stack: string(b) in a comparison or
	// a map index allocates nothing.
	var buf [64]byte
	if lower := textcase.AppendLower(buf[:0], text[:min(len(text), 40)]); len(lower) > 0 {
		for _, p := range referencePhrasesFor(lang)[lower[0]] {
			if len(lower) >= len(p) && string(lower[:len(p)]) == p {
				return true
			}
		}
	}
	end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		end = len(text)
	}
	if strings.HasPrefix(text[end:], "-") {
		return false // "First-time buyers…", "Next-generation…": a compound, not a connective
	}
	w := textcase.AppendLower(buf[:0], text[:end])
	if bytes.ContainsRune(w, '’') {
		w = bytes.ReplaceAll(w, []byte("’"), []byte("'"))
	}
	if base, _, ok := bytes.Cut(w, []byte("'")); ok && len(base) > 1 {
		w = base // "They're", "It's", "That’s" lean back as "they", "it", "that" do
	}
	if next, _, _ := strings.Cut(strings.TrimLeft(text[end:], " "), " "); string(w) == "one" && strings.HasSuffix(next, "ed") && next != "hundred" {
		return true // "One estimated…": one of those named before; "One team…" names its own
	}
	return referenceOpeners[lang][string(w)] || referenceOpeners["en"][string(w)]
}

// figureReference: "Figure 3", "see Table 2", "图 1", "表2", "그림 3"; and the document's
// own numbered stages and steps ("The jump from Stage 1 to Stage 2…", "ステップ1", "3단계"),
// which a reader of the post never saw.
var figureReference = regexp.MustCompile(`(?i)\b(figure|fig\.|table|section|sección|seção|secção|abschnitt|sezione|sectie|figura|tabla|tabela|tableau|abbildung|tabelle|figuur|tabel|appendix|apéndice|anexo|annexe|anhang|appendice|bijlage|stage|phase|step|etapa|étape|stufe|schritt|stap)\s*\d|[图表図]\s*\d|(그림|표)\s*\d|ステップ\s*\d|第\s*\d+\s*(?:阶段|步)|\d+\s*단계`)

// figureStems are parts of figureReference's words that any spelling it matches keeps in
// lower case (none holds an s or a k, which (?i) also matches as ſ and the Kelvin sign,
// but where the word has one: "tage" for "stage"): a sentence without one is spared the
// pattern.
var figureStems = []string{"fig", "tab", "abbildung", "append", "apéndice", "anex", "annex", "anhang", "bijlage", "图", "表", "図", "그림", "표",
	"tage", "pha", "tep", "etapa", "étape", "tufe", "chritt", "tap", "ection", "ección", "eção", "ecção", "chnitt", "ezione", "ectie",
	"ステップ", "阶段", "步", "단계"}

var figureStemIndex = indexSubstrings(figureStems)

// readFirst: "Please read the CNCF Platforms White Paper first": a reading instruction.
var readFirst = regexp.MustCompile(`\bread (?:the|our|this|that) [^.!?]{1,80}\bfirst\b`)

// AboutTheDocument reports a sentence about the document rather than its subject.
func AboutTheDocument(text, lang string) bool {
	v := viewOf(text)
	return aboutTheDocumentView(&v, lang)
}

var documentPhraseIndex = perLang(marks.DocumentPhrases)

func aboutTheDocumentView(v *sentenceView, lang string) bool {
	if strings.ContainsAny(v.text, "0123456789") && v.holds(lang, figureStemList) && figureReference.MatchString(v.text) {
		return true
	}
	if strings.Contains(v.lower, "read") && readFirst.MatchString(v.lower) {
		return true
	}
	return v.holds(lang, documentList)
}

// Followable reports whether a sentence may follow the one before it in a post: it may
// lean on it, but not introduce a list the post leaves out ("…share several characteristics."),
// trail off, talk about the
// document or speak as its authors (voice).
func Followable(text, lang string) bool {
	last, _ := utf8.DecodeLastRuneInString(text)
	v := viewOf(text)
	return last != ':' && last != '：' && last != '…' && !aboutTheDocumentView(&v, lang) && !anothersVoice(&v, lang) && whole.Balanced(text) &&
		!announcesMore(&v, lang) && !lean.QuestionOrAnswer(text) && !lean.Caption(text)
}

// voice holds marks.Voice as word sets. A sentence in one person's voice, or the
// authors' ("we are seeing", "our recommendation"), is not posted at all, not merely
// kept from leading: every derivative goes out under another name (the brand's account,
// a contributor sharing in their own voice, a partner's feed), and "we" would claim the
// authors' work, observation or promise for it. Nothing tells who "we" are, so the
// sentence cannot be rewritten to name them.
var voice = parse.WordSets(marks.Voice)

var counterViewIndex = perLang(marks.CounterView)

// notTheBrandsVoiceView reports a sentence in one person's or the authors' voice, or
// one stating a view the document sets up to refute.
func notTheBrandsVoiceView(v *sentenceView, lang string) bool {
	return v.holds(lang, counterViewList) || anothersVoice(v, lang)
}

// anothersVoice reports a sentence in one person's or the authors' voice (voice).
func anothersVoice(v *sentenceView, lang string) bool {
	if v.holds(lang, voiceList) {
		return true
	}
	if lang == "en" && lean.HasLowerWord(v.text, "us") {
		return true // "What finally moved us…"; the list reads lower case, where "US" is the country
	}
	set := voice[lang]
	for _, w := range v.words {
		if set[w] || lang == "it" && len(w) > 4 && strings.HasSuffix(w, "iamo") { // "stiamo", "abbiamo"
			return true
		}
	}
	return false
}

// backReferenceIndex holds, per language, its marks.BackReferencesCJK and
// marks.BackReferencePhrases, voiceIndex its marks.VoiceCJK and sufficesIndex its
// marks.Suffices: phrases found anywhere in a sentence's lower case (CJK has none), as
// strings.Contains finds them; no English fallback.
var (
	backReferenceIndex = substringsPerLang(marks.BackReferencesCJK, marks.BackReferencePhrases)
	voiceIndex         = substringsPerLang(marks.VoiceCJK)
	sufficesIndex      = substringsPerLang(marks.Suffices)
)

func substringsPerLang(lists ...map[string][]string) map[string]*phraseIndex {
	out := map[string]*phraseIndex{}
	for _, byLang := range lists {
		for lang := range byLang {
			var phrases []string
			for _, l := range lists {
				phrases = append(phrases, l[lang]...)
			}
			out[lang] = indexSubstrings(phrases)
		}
	}
	return out
}

// indexSubstrings is a phraseIndex whose phrases count anywhere.
func indexSubstrings(phrases []string) *phraseIndex {
	return &phraseIndex{phrases: phrases, first: make([]string, len(phrases))}
}

// backReferences are words that point at something said before the sentence: a
// demonstrative before a noun ("this platform", "these items", "To achieve this"),
// wherever it stands. Time expressions ("this year") are not.
var backReferences = map[string]map[string]bool{
	"en": parse.WordSet(`this these those such latter former aforementioned`),
	"es": parse.WordSet(`este esta estos estas ese esa esos esas dicho dicha dichos dichas eso esto ello aquello`),
	"pt": parse.WordSet(`este esta estes estas esse essa esses essas isso isto dito dita`),
	"fr": parse.WordSet(`cet cette ces ceci cela ça`),
	"de": parse.WordSet(`dieser diese dieses diesen diesem dies`),
	"it": parse.WordSet(`questo questa questi queste quello quella quelli quelle tale tali suddetto suddetta ciò`),
	"nl": parse.WordSet(`deze dit hiervoor daarvoor hiermee daarmee hierdoor hierin daarin hierop daarop hierover daarover`),
}

// timeWords after a demonstrative make it a time, not a reference back.
var timeWords = parse.WordSet(`year years month week day quarter time decade era año mes semana ano mês semaine année jahr monat woche anno mese settimana jaar maand week`)

// pointsBackView reports a sentence that leans on an earlier one somewhere inside it.
func pointsBackView(v *sentenceView, lang string) bool {
	if v.holds(lang, backReferenceList) {
		return true
	}
	if anotherOne(v, lang) {
		return true // "…is another abstraction": one more of a kind the post never named
	}
	if lang == "ko" {
		// "…하루 이상을 이 작업에만 쓴다": "이"/"그" (this, that) before a noun in the first
		// clause point at the sentence before; after a comma they may point within it
		// ("…44.0%로, 그 미만 농가…").
		clause, _, _ := strings.Cut(v.text, ", ")
		if strings.Contains(clause, " 이 ") || strings.Contains(clause, " 그 ") {
			return true
		}
	}
	if lang == "de" {
		// "Im Jahr 2022 waren es noch 54 %.": "es" is the measure the sentence before named.
		for _, p := range []string{" sind es ", " waren es ", " ist es ", " war es "} {
			if i := strings.Index(v.lower, p); i >= 0 && strings.ContainsAny(v.lower[i+len(p):min(len(v.lower), i+len(p)+14)], "0123456789") {
				return true
			}
		}
	}
	refs := backReferences[lang]
	for i, w := range v.words {
		if refs[w] && (i+1 == len(v.words) || !timeWords[v.words[i+1]] && !(w == "ciò" && v.words[i+1] == "che")) {
			return true // not "ciò che" ("what"), a relative, not a reference
		}
		if sameMarks[lang][w] && (i+1 == len(v.words) || !timeWords[v.words[i+1]]) &&
			!slices.ContainsFunc(v.words[i+1:min(len(v.words), i+6)], func(w string) bool { return comparedWith[w] }) {
			return true // "…grew at the same pace": the same as what the sentence before said
		}
	}
	return false
}

// sameMarks say "the same"; without what it is the same as ("the same tool as…", "la
// misma herramienta que…") within a few words, it is the same as something said before.
var sameMarks = map[string]map[string]bool{
	"en": parse.WordSet(`same`), "es": parse.WordSet(`mismo misma mismos mismas`), "pt": parse.WordSet(`mesmo mesma mesmos mesmas`),
	"fr": parse.WordSet(`même mêmes`), "it": parse.WordSet(`stesso stessa stessi stesse`), "de": parse.WordSet(`selbe selben gleiche gleichen`),
	"nl": parse.WordSet(`zelfde dezelfde hetzelfde`),
}

// comparedWith name what is the same, or make "the same time" a time (as timeWords
// right after it do: "in the same year").
var comparedWith = parse.WordSet(`as que di del della come comme wie als time tiempo tempo temps zeit tijd momento moment`)

// anotherOneIndex holds, per language, its marks.AnotherOne and English's (the Latin
// scripts borrow English), under "" English's alone for every other Latin-script
// language: one pass over a sentence instead of a search per predicate.
var anotherOneIndex = func() map[string]*phraseIndex {
	out := map[string]*phraseIndex{"": indexPhrases(marks.AnotherOne["en"])}
	for lang, list := range marks.AnotherOne {
		if lang == "en" {
			out[lang] = indexPhrases(list)
		} else {
			out[lang] = indexPhrases(list, marks.AnotherOne["en"])
		}
	}
	return out
}()

// anotherOne reports a predicate of marks.AnotherOne in the sentence: of its language,
// or of English in another Latin-script language. Every predicate is spaced on both
// sides, so its first word is one of the sentence's words wherever it occurs, as
// phraseIndex asks.
func anotherOne(v *sentenceView, lang string) bool { return v.holds(lang, anotherOneList) }

// anotherOneFor is lang's index of anotherOneIndex; nil for none.
func anotherOneFor(lang string) *phraseIndex {
	ix, ok := anotherOneIndex[lang]
	if !ok {
		if !isLatin(lang) {
			return nil
		}
		ix = anotherOneIndex[""]
	}
	return ix
}

// alsoWords say a sentence adds to one before it; in its first clause ("The mirror also
// prevents…") they make the subject's action the second of two.
var alsoWords = parse.WordSets(map[string]string{"en": "also", "es": "también además", "pt": "também", "it": "anche inoltre",
	"fr": "aussi également", "nl": "ook"})

// zhAlsoModals are "also" (还) before a modal: "还可以", "还需要".
var zhAlsoModals = []string{"还可以", "还能", "还会", "还需要", "还应", "还必须", "还可"}

// jaStepAdverbs name a step or an addition: first, also, further, next, finally, likewise.
var jaStepAdverbs = []string{"まず", "また", "さらに", "次に", "最後に", "同様に", "加えて"}

// namingWords after "also" give another name ("also known as"), not another action.
var namingWords = parse.WordSet(`known called named referred termed conocido conocida llamado llamada denominado conhecido chamado noto nota chiamato chiamata detto appelé appelée connu genoemd`)

var onlyWords = parse.WordSet(`only solo sólo só somente solamente seulement alleen`)

// alsoInFirstClause reports "also" among the first words of a sentence, before any comma:
// "The mirror also prevents downtime." Later ("…, and it also…") it joins the sentence's
// own parts.
func alsoInFirstClause(v *sentenceView, lang string) bool {
	switch lang {
	case "zh":
		clause, _, _ := strings.Cut(v.text, "，")
		if i := strings.Index(clause, "也"); i > 0 && i <= 24 && !strings.HasPrefix(clause[i:], "也许") && !strings.HasPrefix(clause[i:], "也就是") {
			return true
		}
		// "平台团队还可以选择…": "还" before a modal is "also can".
		for _, m := range zhAlsoModals {
			if i := strings.Index(clause, m); i > 0 && i <= 24 {
				return true
			}
		}
		return false
	case "ja":
		// A sentence adverb follows the topic ("チームは、まず、…", "チームは、また…"):
		// the step or addition it names is one of several the text before it set out.
		if i := strings.Index(v.text, "は、"); i > 0 && i <= 45 {
			rest := v.text[i+len("は、"):]
			return slices.ContainsFunc(jaStepAdverbs, func(a string) bool { return strings.HasPrefix(rest, a) })
		}
		return false
	}
	also, ok := alsoWords[lang]
	if !ok {
		return false
	}
	clause, _, _ := strings.Cut(v.lower, ",")
	for i, w := range v.words[:min(len(v.words), 6)] {
		if onlyWords[w] {
			return false // "not only … but also": one sentence's two parts
		}
		if also[w] {
			next := ""
			if i+1 < len(v.words) {
				next = v.words[i+1]
			}
			return i > 0 && strings.Contains(clause, w) && !namingWords[next]
		}
	}
	return false
}
