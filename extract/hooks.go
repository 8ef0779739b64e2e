package extract

import (
	"cmp"
	"slices"
	"strings"
)

// hookStrength weighs what stops a stranger's scroll beyond a sentence's centrality: a
// figure (most of all with a comparison), a contrast, a question to the reader. The first
// post on each channel is the strongest hook, not the most typical sentence.
func hookStrength(c *Candidate, lang string) float64 {
	f := 1.0
	lower := strings.ToLower(c.Text)
	if c.Stat {
		f *= 1.8
		if containsAny(lower, comparisonWords[lang]) || containsAny(lower, comparisonWords["en"]) {
			f *= 1.2
		}
	} else if containsAny(lower, contrastWords[lang]) {
		f *= 1.15 // a contrast in words
	}
	if strings.HasSuffix(c.Text, "?") || strings.HasSuffix(c.Text, "？") {
		f *= 1.1
	}
	if containsAny(lower, definitionMarks[lang]) || lang != "en" && containsAny(lower, definitionMarks["en"]) {
		f *= 0.6 // a definition tells a stranger what, not why it matters
	} else if containsAny(lower, stakesWords[lang]) {
		f *= 1.15 // a consequence: what is gained, lost or risked
	}
	return f
}

// definitionMarks make a sentence a definition or a description of parts: true, on
// topic, and bland as a hook ("An operator is a controller that…").
var definitionMarks = map[string][]string{
	"en": {" is a ", " is an ", " are a ", " refers to ", " is defined as ", " are defined as ", " consists of ", " is composed of ",
		" is made up of ", " can be sorted into ", " can be divided into ", " defines how ", " describes how ", " is the process of ", " is a set of "},
	"es": {" es un ", " es una ", " se refiere a ", " se define como ", " consiste en ", " se compone de ", " se divide en "},
	"pt": {" é um ", " é uma ", " refere-se a ", " se refere a ", " é definido como ", " consiste em ", " é composto ", " divide-se em "},
	"fr": {" est un ", " est une ", " désigne ", " se définit comme ", " consiste en ", " se compose de "},
	"de": {" ist ein ", " ist eine ", " bezeichnet ", " besteht aus ", " wird definiert als "},
	"it": {" è un ", " è una ", " si riferisce a ", " è definito come ", " consiste in ", " è composto da ", " si compone di "},
	"nl": {" is een ", " verwijst naar ", " bestaat uit ", " wordt gedefinieerd als "},
	"ja": {"とは", "のことです", "のことである", "と呼ばれる", "で構成され"},
	"zh": {"是指", "指的是", "是一种", "是一个", "是一组", "由以下", "包括以下", "分为"},
	"ko": {"이란 ", "란 ", "라는 것은", "으로 구성", "로 구성", "를 의미", "을 의미"},
}

// stakesWords name what a reader gains, loses or risks.
var stakesWords = map[string][]string{
	"en": {" reduce", " cut ", " save", " increase", " improve", " prevent", " avoid", " risk", " cost", " faster", " slower",
		" lose", " attack", " outage", " breach"},
	"es": {" reduc", " ahorr", " aument", " mejor", " evita", " riesgo", " fall", " cost", " ataque", " sin "},
	"pt": {" reduz", " economiz", " aument", " melhor", " evita", " risco", " falh", " cust", " ataque", " sem "},
	"fr": {" rédui", " économis", " augment", " amélior", " évite", " risque", " échou", " coût", " attaque", " sans "},
	"de": {" reduz", " spar", " erhöh", " verbesser", " verhinder", " risiko", " scheiter", " kost", " angriff", " ohne "},
	"it": {" riduc", " risparmi", " aument", " miglior", " evita", " rischio", " fallis", " cost", " attacc", " senza "},
	"nl": {" verminder", " bespaar", " verhoog", " verbeter", " voorkom", " risico", " faal", " kost", " aanval", " zonder "},
	"ja": {"削減", "短縮", "向上", "防", "リスク", "失敗", "コスト", "攻撃"},
	"zh": {"减少", "降低", "节省", "提高", "提升", "防止", "避免", "风险", "失败", "成本", "攻击"},
	"ko": {"줄이", "절감", "향상", "높이", "방지", "위험", "실패", "비용", "공격"},
}

// comparisonWords mark a comparison or a contrast inside a sentence.
var comparisonWords = map[string][]string{
	"en": {" than ", " compared ", " versus ", " vs ", " instead of ", " rather than ", " while ", " whereas ", " from ", " faster", " fewer ", " less ", " more ", ", not ", " not just ", " not only "},
	"es": {" que ", " frente a ", " en comparación ", " en lugar de ", " mientras ", " más ", " menos ", ", no ", " no solo "},
	"pt": {" do que ", " em comparação ", " em vez de ", " enquanto ", " mais ", " menos ", ", não ", " não só ", " não apenas "},
	"fr": {" que ", " par rapport ", " au lieu de ", " tandis que ", " plus ", " moins ", ", pas ", " non pas ", " pas seulement "},
	"de": {" als ", " im vergleich ", " statt ", " während ", " mehr ", " weniger ", ", nicht ", " nicht nur "},
	"it": {" rispetto ", " invece di ", " mentre ", " più ", " meno ", ", non ", " non solo "},
	"nl": {" dan ", " vergeleken ", " in plaats van ", " terwijl ", " meer ", " minder ", ", niet ", " niet alleen "},
	"ja": {"より", "比べ", "一方", "倍"},
	"zh": {"比", "相比", "而不是", "倍", "更"},
	"ko": {"보다", "비해", "대신", "배"},
}

// contrastWords set two things against each other in a sentence without a figure
// (comparisonWords' "more" or "from" say little there).
var contrastWords = map[string][]string{
	"en": {" than ", " instead of ", " rather than ", " whereas ", ", while ", " versus ", " vs ", ", not ", " not just ", " not only ", ", but "},
	"es": {" que ", " en lugar de ", " en vez de ", " mientras que ", " frente a ", ", no ", " no solo ", ", pero "},
	"pt": {" do que ", " em vez de ", " enquanto ", ", não ", " não só ", " não apenas ", ", mas "},
	"fr": {" plutôt que ", " au lieu de ", " tandis que ", ", pas ", " non pas ", " pas seulement ", ", mais "},
	"de": {" als ", " statt ", " anstatt ", " während ", ", nicht ", " nicht nur ", ", aber ", ", sondern "},
	"it": {" rispetto ", " invece di ", " anziché ", " mentre ", ", non ", " non solo ", ", ma "},
	"nl": {" dan ", " in plaats van ", " terwijl ", ", niet ", " niet alleen ", ", maar "},
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
			c.hook = hookStrength(c, a.Lang)
		}
	}
	slices.SortStableFunc(a.hooks, func(i, j int) int { return cmp.Compare(a.Candidates[j].Weight(), a.Candidates[i].Weight()) })
}

// Weight is how strong an opening the candidate makes: its centrality times its hook
// strength.
func (c *Candidate) Weight() float64 { return c.Score * c.hook }

// Strong reports a sentence that gives a stranger a reason to stop: a figure, a
// contrast, a stake or a question, and not a definition.
func (c *Candidate) Strong() bool { return c.hook > 1 }

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

// BestHook is the strongest hook not in exclude that fits, or -1: a strong one (a
// figure, a contrast, a stake, a question) when there is one, however central a plain
// statement is.
func (a *Analysis) BestHook(exclude map[int]bool, fits func(c *Candidate) bool) int {
	for _, strong := range []bool{true, false} {
		for _, i := range a.hooks {
			if c := &a.Candidates[i]; !exclude[i] && c.Strong() == strong && fits(c) {
				return i
			}
		}
	}
	return -1
}
