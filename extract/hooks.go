package extract

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
)

// hookStrength weighs what stops a stranger's scroll beyond a sentence's centrality: a
// figure (most of all with a comparison), a contrast, a consequence (because, so that,
// leads to), a stake, a recommendation, a question to the reader. Definitions, truisms
// ("X is essential"), inventories of parts and hedged claims weigh less. The first post
// on each channel is the strongest hook, not the most typical sentence.
func hookStrength(c *Candidate, lang string) (f float64, finding bool) {
	f = 1.0
	found := hookMarksFor(lang).in(strings.ToLower(c.Text))
	has := func(set hookSet) bool { return found&(1<<set) != 0 }
	if c.Stat {
		f *= 1.8
		if has(comparison) {
			f *= 1.2
		}
		finding = true
	} else if has(contrast) {
		f *= 1.15 // a contrast in words
		finding = true
	}
	if strings.HasSuffix(c.Text, "?") || strings.HasSuffix(c.Text, "？") {
		f *= 1.1
	}
	if has(consequence) {
		f *= 1.15 // a claim with its consequence or reason
		finding = true
	}
	switch {
	case has(definition):
		f *= 0.6 // a definition tells a stranger what, not why it matters
	case has(truism):
		f *= 0.6 // "security is essential": true everywhere, news nowhere
	case has(risk):
		f *= 1.3 // what goes wrong: an attacker, an outage, resistance, waste
		finding = true
	case has(stakes):
		f *= 1.2 // a consequence: what is gained, lost or risked
		finding = true
	}
	if has(advice) {
		c.advice = true
		// "Teams should review every change within a day" says what to do; "policies
		// should follow best practices" is a truism in the imperative.
		if measured(c.Text, lang) {
			f *= 1.1
		}
	}
	if has(hedge) {
		f *= 0.85 // "might help", "can be used": a possibility, not a finding
	}
	if has(fluff) {
		f *= 0.8 // "a comprehensive, holistic approach": adjectives instead of a claim
	}
	if !c.Stat && inventory(c.Text) {
		f *= 0.8 // a list of parts ("including A, B, C and D") describes, it does not claim
	}
	if long(c.Text, lang) {
		f *= 0.9 // a stranger reads a feed's first line, not a paragraph in one sentence
	}
	return f, finding && f > 1
}

// measured reports a sentence that holds a measure: a figure, or a number or unit
// written as a word ("within one working day", "twice a week").
func measured(text, lang string) bool {
	if strings.ContainsAny(text, "0123456789") {
		return true
	}
	words := measureWords[lang]
	if len(words) == 0 {
		return false
	}
	lower := " " + strings.ToLower(text) + " "
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// measureWords are numbers and units written as words, each with the spaces around it.
var measureWords = map[string][]string{
	"en": {" one ", " two ", " three ", " four ", " five ", " six ", " seven ", " eight ", " nine ", " ten ", " twice ", " half ",
		" hour", " day ", " days ", " week", " month", " quarter ", " every release", " every change", " every commit"},
	"es": {" un día ", " dos ", " tres ", " cuatro ", " cinco ", " diez ", " horas ", " días ", " semana", " mes ", " meses "},
	"pt": {" um dia ", " dois ", " duas ", " três ", " quatro ", " cinco ", " dez ", " horas ", " dias ", " semana", " mês ", " meses "},
	"fr": {" un jour ", " deux ", " trois ", " quatre ", " cinq ", " dix ", " heures ", " jours ", " semaine", " mois "},
	"de": {" einen tag ", " zwei ", " drei ", " vier ", " fünf ", " zehn ", " stunden ", " tage", " woche", " monat"},
	"it": {" un giorno ", " due ", " tre ", " quattro ", " cinque ", " dieci ", " ore ", " giorni ", " settiman", " mese ", " mesi "},
	"nl": {" één ", " twee ", " drie ", " vier ", " vijf ", " tien ", " uur ", " dagen ", " week ", " weken ", " maand"},
}

// long reports a sentence too long to read as a feed's opening line: more than 32 words,
// or 90 characters in Chinese and Japanese.
func long(text, lang string) bool {
	if lang == "ja" || lang == "zh" {
		return utf8.RuneCountInString(text) > 90
	}
	return len(strings.Fields(text)) > 32
}

// isLatin reports a language written in the Latin alphabet, where English marks (a
// quoted "rather than") can occur in the text too.
func isLatin(lang string) bool { return lang != "ja" && lang != "zh" && lang != "ko" }

// inventory reports a sentence that is mostly an enumeration: four or more list
// separators.
func inventory(text string) bool {
	return strings.Count(text, ", ")+strings.Count(text, "、")+strings.Count(text, "，") >= 4
}

// definitionMarks make a sentence a definition or a description of parts: true, on
// topic, and bland as a hook ("An operator is a controller that…").
var definitionMarks = map[string][]string{
	"en": {" is a ", " is an ", " are a ", " refers to ", " is defined as ", " are defined as ", " consists of ", " is composed of ",
		" is made up of ", " can be sorted into ", " can be divided into ", " defines how ", " describes ", " is the process of ", " is a set of ",
		" is part of ", " is one of ", " is part of the ", " forms part of ", " is responsible for ", " relies on ", " work in conjunction", " works in conjunction", " is used to "},
	"es": {" es un ", " es una ", " se refiere a ", " se define como ", " consiste en ", " se compone de ", " se divide en ", " se considera parte ", " forma parte de", " es parte de", " se encarga de", " es responsable de "},
	"pt": {" é um ", " é uma ", " refere-se a ", " se refere a ", " é definido como ", " consiste em ", " é composto ", " divide-se em ", " faz parte d", " é parte d", " é responsável por", " se encarrega d"},
	"fr": {" est un ", " est une ", " désigne ", " se définit comme ", " consiste en ", " se compose de ", " fait partie d", " est responsable d", " se charge d"},
	"de": {" ist ein ", " ist eine ", " bezeichnet ", " besteht aus ", " wird definiert als ", " ist teil ", " gehört zu ", " ist verantwortlich für", " ist zuständig für"},
	"it": {" è un ", " è una ", " si riferisce a ", " è definito come ", " consiste in ", " è composto da ", " si compone di ", " fa parte d", " è parte d", " coinvolge ", " è responsabile d", " si occupa d", " comporta in genere"},
	"nl": {" is een ", " verwijst naar ", " bestaat uit ", " wordt gedefinieerd als ", " maakt deel uit van", " is onderdeel van"},
	"ja": {"とは", "のことです", "のことである", "と呼ばれる", "で構成され", "を担当しています", "を担当する"},
	"zh": {"是指", "指的是", "是一种", "是一个", "是一组", "由以下", "包括以下", "分为", "负责"},
	"ko": {"이란 ", "란 ", "라는 것은", "으로 구성", "로 구성", "를 의미", "을 의미"},
}

// stakesWords name what a reader gains, loses or risks.
var stakesWords = map[string][]string{
	"en": {" reduce", " cut ", " save", " increase", " improve", " prevent", " avoid", " risk", " cost ", " costs", " costly", " cost,", " cost.", " faster", " slower",
		" lose", " attack", " outage", " breach"},
	"es": {" reduc", " ahorr", " aument", " mejor", " evita", " riesgo", " fall", " cost", " ataque", " sin "},
	"pt": {" reduz", " economiz", " aument", " melhor", " evita", " risco", " falh", " cust", " ataque", " sem "},
	"fr": {" rédui", " économis", " augment", " amélior", " évite", " risque", " échou", " coût", " attaque", " sans "},
	"de": {" reduz", " spar", " erhöh", " verbesser", " verhinder", " risiko", " scheiter", " kost", " angriff", " ohne "},
	"it": {" riduc", " risparmi", " aument", " miglior", " evita", " rischio", " fallis", " costi ", " costo ", " attacc", " senza "}, // not " cost": costituisce, costruire
	"nl": {" verminder", " bespaar", " verhoog", " verbeter", " voorkom", " risico", " faal", " kost", " aanval", " zonder "},
	"ja": {"削減", "短縮", "向上", "防", "リスク", "失敗", "コスト", "攻撃"},
	"zh": {"减少", "降低", "节省", "提高", "提升", "防止", "避免", "风险", "失败", "成本", "攻击"},
	"ko": {"줄이", "절감", "향상", "높이", "방지", "위험", "실패", "비용", "공격"},
}

// consequenceWords tie a claim to its reason or its result.
var consequenceWords = map[string][]string{
	"en": {" because ", " so that ", " which means ", " leads to ", " lead to ", " results in ", " result in ", " as a result",
		" otherwise ", " unless ", " only when ", " only if ", " without ", " at the cost of ", " at the expense of "}, // "in order to" is a purpose, not a result
	"es": {" porque ", " para que ", " lo que significa ", " conduce a ", " da lugar a ", " como resultado", " de lo contrario", " a menos que ", " solo cuando ", " sin "},
	"pt": {" porque ", " para que ", " o que significa ", " leva a ", " resulta em ", " como resultado", " caso contrário", " a menos que ", " só quando ", " sem "},
	"fr": {" parce que ", " afin que ", " ce qui signifie ", " conduit à ", " entraîne ", " par conséquent", " sinon ", " à moins que ", " seulement si ", " sans "},
	"de": {" weil ", " damit ", " was bedeutet ", " führt zu ", " dadurch ", " deshalb ", " sonst ", " es sei denn ", " nur wenn ", " ohne "},
	"it": {" perché ", " affinché ", " il che significa ", " porta a ", " comporta ", " di conseguenza", " altrimenti ", " a meno che ", " solo se ", " senza "},
	"nl": {" omdat ", " zodat ", " wat betekent ", " leidt tot ", " daardoor ", " anders ", " tenzij ", " alleen als ", " zonder "},
	"ja": {"ため、", "ので", "によって", "により", "結果", "しないと", "なければ", "場合のみ"},
	"zh": {"因为", "因此", "从而", "导致", "以便", "否则", "除非", "只有", "如果没有"},
	"ko": {"때문에", "따라서", "그 결과", "하지 않으면", "없이는", "경우에만"},
}

// adviceWords make a sentence a recommendation: what the reader should do.
var adviceWords = map[string][]string{
	"en": {" should ", " must ", " need to ", " needs to ", " recommend", " make sure ", " ensure "},
	"es": {" debe ", " deben ", " debería", " se recomienda", " recomendamos", " es necesario ", " asegúre"},
	"pt": {" deve ", " devem ", " deveria", " recomenda", " é necessário ", " garant"},
	"fr": {" doit ", " doivent ", " devrait", " recommand", " il faut ", " assurez"},
	"de": {" sollte", " müssen ", " muss ", " empfehl", " stellen sie sicher"},
	"it": {" deve ", " devono ", " dovrebbe", " dovrebbero", " si raccomanda", " raccomand", " è necessario "},
	"nl": {" moet ", " moeten ", " zou moeten", " aanbevol", " zorg ervoor"},
	"ja": {"べき", "なければなりません", "必要があります", "推奨", "してください"},
	"zh": {"应该", "应当", "必须", "需要", "建议"},
	"ko": {"해야", "필요가 있", "권장", "하십시오", "하세요"},
}

// hedgeWords make a claim a possibility: weaker than a finding.
var hedgeWords = map[string][]string{
	"en": {" might ", " may ", " could ", " can be ", " possibly ", " perhaps "},
	"es": {" podría", " puede ser ", " quizás ", " posiblemente "},
	"pt": {" poderia", " pode ser ", " talvez ", " possivelmente "},
	"fr": {" pourrait", " peut être ", " peut-être ", " éventuellement "},
	"de": {" könnte", " kann sein", " vielleicht ", " möglicherweise "},
	"it": {" potrebbe", " può essere ", " forse ", " eventualmente "},
	"nl": {" zou kunnen", " kan worden ", " misschien ", " mogelijk "},
	"ja": {"かもしれません", "可能性があります", "場合があります"},
	"zh": {"可能", "也许", "或许"},
	"ko": {"수도 있", "가능성이 있"},
}

// riskWords name what goes wrong, the stakes a stranger stops for: an attacker, a
// breach, an outage, resistance, waste.
var riskWords = map[string][]string{
	"en": {" attack", " compromise", " takeover", " breach", " exploit", " malicious", " outage", " downtime", " resistance",
		" lock-in", " toil", " burnout", " bottleneck", " silos", " frustrat", " waste", " unauthori", " leak"},
	"es": {" ataque", " atacante", " comprometid", " brecha", " malicios", " interrupci", " resistencia", " fuga", " desperdici",
		" frustra", " no autorizad"},
	"pt": {" ataque", " atacante", " comprometid", " violaç", " malicios", " interrupç", " resistência", " vazamento", " desperdíc",
		" frustra", " não autorizad"},
	"fr": {" attaque", " attaquant", " compromis", " malveillant", " panne", " résistance", " fuite", " gaspill", " frustra",
		" non autoris"},
	"de": {" angriff", " angreifer", " kompromittier", " sicherheitslücke", " bösartig", " ausfall", " widerstand", " verschwend",
		" frust", " unbefugt"},
	"it": {" attacc", " compromess", " violazion", " malevol", " dannos", " interruzion", " resistenza", " spreco", " frustra",
		" non autorizzat"},
	"nl": {" aanval", " gecompromitteerd", " inbreuk", " kwaadaardig", " storing", " weerstand", " verspill", " frustr", " onbevoegd"},
	"ja": {"攻撃者", "侵害", "悪意", "障害", "抵抗", "漏洩", "無駄", "不正アクセス"},
	"zh": {"攻击者", "入侵", "泄露", "恶意", "中断", "宕机", "阻力", "浪费", "未经授权"},
	"ko": {"공격자", "침해", "악의", "장애", "저항", "유출", "낭비", "무단"},
}

// fluffWords are adjectives and phrases that stand in for a claim: "a comprehensive,
// holistic approach", "best practices".
var fluffWords = map[string][]string{
	"en": {" comprehensive", " holistic", " seamless", " enhanced", " various ", " diverse ", " robust", " cutting-edge",
		" best practices", " leverag", " empower", " unlock", " journey", " realm", " can help ", " can assist ", " we can ensure "},
	"es": {" integral", " holístic", " diversos ", " diversas ", " robust", " mejores prácticas", " aprovech"},
	"pt": {" abrangente", " holístic", " diversos ", " diversas ", " robust", " melhores práticas", " alavanc"},
	"fr": {" complet ", " holistique", " divers ", " diverses ", " robuste", " meilleures pratiques"},
	"de": {" umfassend", " ganzheitlich", " vielfältig", " robust", " best practices", " bewährte verfahren"},
	"it": {" completo ", " olistic", " diversi ", " diverse ", " robust", " migliori pratiche", " best practice"},
	"nl": {" uitgebreid", " holistisch", " diverse ", " robuust", " best practices"},
	"ja": {"ベストプラクティス", "包括的", "多様な", "さまざまな"},
	"zh": {"最佳实践", "全面", "各种", "多样"},
	"ko": {"모범 사례", "포괄적", "다양한"},
}

// truismWords make a sentence true of almost anything: "X is essential", "plays a key
// role", "is crucial for".
var truismWords = map[string][]string{
	"en": {" is essential", " are essential", " is crucial", " are crucial", " is important", " are important", " is vital", " are vital",
		" is critical", " are critical", " is key ", " plays a key role", " plays an important role", " plays a crucial role", " plays a vital role",
		" is a must", " is paramount", " is fundamental", " a critical component", " a key component", " an essential component", " a critical part", " an essential part", " a key part"},
	"es": {" es esencial", " son esenciales", " es crucial", " son cruciales", " es importante", " son importantes", " es fundamental", " son fundamentales", " juega un papel", " componente crítico", " componente esencial", " componente clave", " parte esencial"},
	"pt": {" é essencial", " são essenciais", " é crucial", " é importante", " são importantes", " é fundamental", " desempenha um papel", " componente crítico", " componente essencial", " parte essencial"},
	"fr": {" est essentiel", " sont essentiels", " est crucial", " est important", " sont importants", " est fondamental", " joue un rôle"},
	"de": {" ist wichtig", " sind wichtig", " ist entscheidend", " ist unerlässlich", " spielt eine wichtige rolle", " spielt eine zentrale rolle"},
	"it": {" è essenziale", " sono essenziali", " è cruciale", " è importante", " sono importanti", " è fondamentale", " sono fondamentali", " svolge un ruolo", " gioca un ruolo", " componente critico", " componente fondamentale", " componente essenziale", " parte essenziale"},
	"nl": {" is essentieel", " is cruciaal", " is belangrijk", " zijn belangrijk", " speelt een belangrijke rol"},
	"ja": {"重要です", "不可欠です", "重要な役割", "欠かせません"},
	"zh": {"至关重要", "非常重要", "很重要", "不可或缺", "发挥着重要作用", "起着关键作用"},
	"ko": {"중요합니다", "필수적입니다", "중요한 역할"},
}

// comparisonWords mark a comparison or a contrast inside a sentence.
var comparisonWords = map[string][]string{
	"en": {" than ", " compared ", " versus ", " vs ", " instead of ", " rather than ", " while ", " whereas ", " from ", " faster", " fewer ", " less ", " more ", ", not ", " not just ", " not only "},
	"es": {" más que ", " menos que ", " frente a ", " en comparación ", " en lugar de ", " mientras ", " más ", " menos ", ", no ", " no solo "},
	"pt": {" do que ", " em comparação ", " em vez de ", " enquanto ", " mais ", " menos ", ", não ", " não só ", " não apenas "},
	"fr": {" plus que ", " moins que ", " par rapport ", " au lieu de ", " tandis que ", " plus ", " moins ", ", pas ", " non pas ", " pas seulement "},
	"de": {" mehr als ", " weniger als ", " im vergleich ", " statt ", " während ", " mehr ", " weniger ", ", nicht ", " nicht nur "},
	"it": {" rispetto ", " invece di ", " mentre ", " più ", " meno ", ", non ", " non solo "},
	"nl": {" meer dan ", " minder dan ", " vergeleken ", " in plaats van ", " terwijl ", " meer ", " minder ", ", niet ", " niet alleen "},
	"ja": {"より", "比べ", "一方", "倍"},
	"zh": {"比", "相比", "而不是", "倍", "更"},
	"ko": {"보다", "비해", "대신", "배"},
}

// contrastWords set two things against each other in a sentence without a figure
// (comparisonWords' "more" or "from" say little there).
var contrastWords = map[string][]string{
	"en": {" than ", " instead of ", " rather than ", " whereas ", ", while ", " versus ", " vs ", ", not ", " not just ", " not only ", ", but "},
	"es": {" más que ", " menos que ", " mejor que ", " en lugar de ", " en vez de ", " mientras que ", " frente a ", ", no ", " no solo ", ", pero ", " sino "},
	"pt": {" do que ", " em vez de ", " enquanto ", ", não ", " não só ", " não apenas ", ", mas "},
	"fr": {" plutôt que ", " plus que ", " moins que ", " au lieu de ", " tandis que ", ", pas ", " non pas ", " pas seulement ", ", mais "},
	"de": {" mehr als ", " weniger als ", " besser als ", " statt ", " anstatt ", " während ", ", nicht ", " nicht nur ", ", aber ", ", sondern "},
	"it": {" rispetto ", " invece di ", " anziché ", " mentre ", ", non ", " non solo ", ", ma "},
	"nl": {" meer dan ", " minder dan ", " beter dan ", " in plaats van ", " terwijl ", ", niet ", " niet alleen ", ", maar "},
	"ja": {"より", "ではなく", "一方", "比べ"},
	"zh": {"而不是", "相比", "比起", "不是", "而非"},
	"ko": {"보다", "대신", "아니라", "비해"},
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// rankHooks orders the postable candidates by score times hook strength: a.hooks.
func (a *Analysis) rankHooks() {
	for i := range a.Candidates {
		c := &a.Candidates[i]
		if c.Score > 0 {
			a.hooks = append(a.hooks, i)
			c.hook, c.finding = hookStrength(c, a.Lang)
		}
	}
	slices.SortStableFunc(a.hooks, func(i, j int) int { return cmp.Compare(a.Candidates[j].Weight(), a.Candidates[i].Weight()) })
}

// ByHook are the postable candidates, the strongest hook first (Weight).
func (a *Analysis) ByHook() []int { return a.hooks }

// Weight is how strong an opening the candidate makes: its centrality times its hook
// strength cubed. Centrality varies by a factor of two or three among a document's best
// sentences, and the most central is the most typical, which is rarely the most
// striking: the kind of sentence (a figure, a contrast, a consequence) must outweigh it.
func (c *Candidate) Weight() float64 { return c.Score * c.hook * c.hook * c.hook }

// Strong reports a sentence that gives a stranger a reason to stop: a figure, a
// contrast, a consequence, a stake, a risk, a recommendation with its measure or a
// question, and not a definition, a truism, a hedge or fluff.
func (c *Candidate) Strong() bool { return c.hook > 1 }

// plainClaim reports a sentence that is neither strong nor weak: a claim without a
// figure, contrast or stake, but no definition, truism, hedge or fluff either.
func (c *Candidate) plainClaim() bool { return c.hook >= 1 }

// Finding reports a strong sentence that states something found rather than advised or
// asked: a figure, a contrast, a consequence or a stake. It opens a post that must
// stop the scroll in its first line.
func (c *Candidate) Finding() bool { return c.finding }

// Points are up to n sentences to follow first (a hook) in one post series, each from
// a section of its own and none in exclude: the strongest hooks first, at most plain of
// them plain statements.
func (a *Analysis) Points(n, first int, exclude map[int]bool, plain int, fits func(c *Candidate) bool) []int {
	var out []int
	usedSection := map[int]bool{a.Candidates[first].Section: true}
	for _, i := range a.hooks {
		c := &a.Candidates[i]
		if len(out) == n {
			break
		}
		if exclude[i] || usedSection[c.Section] || !c.Strong() && plain == 0 || !fits(c) {
			continue
		}
		if !c.Strong() {
			plain--
		}
		usedSection[c.Section] = true
		out = append(out, i)
	}
	return out
}

// BestHook is the strongest hook not in exclude that fits, or -1: a finding (a figure,
// a contrast, a consequence, a stake) when there is one, else another strong sentence (a
// measured recommendation, a question), else a plain claim; never a definition, a
// truism, a hedge or fluff, however central: the post is left out rather than led by
// one.
func (a *Analysis) BestHook(exclude map[int]bool, fits func(c *Candidate) bool) int {
	tiers := []func(c *Candidate) bool{(*Candidate).Finding, (*Candidate).Strong, (*Candidate).plainClaim}
	for _, tier := range tiers {
		for _, i := range a.hooks {
			if c := &a.Candidates[i]; !exclude[i] && tier(c) && fits(c) {
				return i
			}
		}
	}
	return -1
}

// Payoff is the sentence to end a post series on, before its call to action, or -1: the
// strongest recommendation (what to do) or strong sentence of the document's closing
// quarter (its conclusion), not in exclude, that fits; else a list item of the closing
// quarter (closing lists are mostly steps to take: "Fix the system, then share what
// you learned.").
func (a *Analysis) Payoff(exclude map[int]bool, fits func(c *Candidate) bool) int {
	closing := len(a.Candidates) * 3 / 4
	for _, strong := range []bool{true, false} {
		for _, i := range a.hooks {
			c := &a.Candidates[i]
			ok := c.advice && c.hook >= 1 || c.Strong() && c.Pos >= closing
			if !strong {
				ok = c.para < 0 && c.Pos >= closing
			}
			if ok && !exclude[i] && fits(c) {
				return i
			}
		}
	}
	return -1
}

// hookSet names a list of marks that hookStrength looks for.
type hookSet uint

const (
	comparison hookSet = iota
	contrast
	consequence
	definition
	truism
	stakes
	advice
	hedge
	risk
	fluff
)

// hookLists are the lists of marks by the set they make up.
var hookLists = [...]map[string][]string{comparison: comparisonWords, contrast: contrastWords, consequence: consequenceWords,
	definition: definitionMarks, truism: truismWords, stakes: stakesWords, advice: adviceWords, hedge: hedgeWords,
	risk: riskWords, fluff: fluffWords}

// hookMarks finds in one pass over a sentence which of the hook lists it holds: each
// list is a few dozen substrings per language (with English's for Latin scripts), and
// searching them one by one was most of hookStrength's time.
type hookMarks struct {
	ac   *ahocorasick.Automaton
	sets []uint16 // per pattern, the hookSets (as bits) it belongs to
}

func (m *hookMarks) in(lower string) (found uint16) {
	for _, match := range m.ac.FindAllOverlapping([]byte(lower)) {
		found |= m.sets[match.PatternID]
	}
	return found
}

// newHookMarks gathers lang's marks: its own lists, and English's where English words
// can stand in its text (definitions in any language but English's own).
func newHookMarks(lang string) *hookMarks {
	m := &hookMarks{}
	id := map[string]int{}
	add := func(p string, set hookSet) {
		i, ok := id[p]
		if !ok {
			i = len(m.sets)
			id[p] = i
			m.sets = append(m.sets, 0)
		}
		m.sets[i] |= 1 << set
	}
	for set, marks := range hookLists {
		for _, p := range marks[lang] {
			add(p, hookSet(set))
		}
		if lang != "en" && (isLatin(lang) || hookSet(set) == definition) {
			for _, p := range marks["en"] {
				add(p, hookSet(set))
			}
		}
	}
	patterns := make([]string, len(m.sets))
	for p, i := range id {
		patterns[i] = p
	}
	ac, err := ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostFirst).AddStrings(patterns).Build()
	if err != nil {
		panic("extract: hook marks: " + err.Error())
	}
	m.ac = ac
	return m
}

// hookMarksByLang holds each built-in language's marks; "" is every other language's.
var hookMarksByLang = sync.OnceValue(func() map[string]*hookMarks {
	out := map[string]*hookMarks{"": newHookMarks("")}
	for _, lang := range Languages {
		out[lang] = newHookMarks(lang)
	}
	return out
})

func hookMarksFor(lang string) *hookMarks {
	if m, ok := hookMarksByLang()[lang]; ok {
		return m
	}
	return hookMarksByLang()[""]
}
