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
	} else if containsAny(lower, comparisonWords[lang]) {
		f *= 1.15 // a contrast or comparison in words
	}
	if strings.HasSuffix(c.Text, "?") || strings.HasSuffix(c.Text, "？") {
		f *= 1.1
	}
	return f
}

// comparisonWords mark a comparison or a contrast inside a sentence.
var comparisonWords = map[string][]string{
	"en": {" than ", " compared ", " versus ", " vs ", " instead of ", " rather than ", " while ", " whereas ", " from ", " faster", " fewer ", " less ", " more "},
	"es": {" que ", " frente a ", " en comparación ", " en lugar de ", " mientras ", " más ", " menos "},
	"pt": {" do que ", " em comparação ", " em vez de ", " enquanto ", " mais ", " menos "},
	"fr": {" que ", " par rapport ", " au lieu de ", " tandis que ", " plus ", " moins "},
	"de": {" als ", " im vergleich ", " statt ", " während ", " mehr ", " weniger "},
	"it": {" rispetto ", " invece di ", " mentre ", " più ", " meno "},
	"nl": {" dan ", " vergeleken ", " in plaats van ", " terwijl ", " meer ", " minder "},
	"ja": {"より", "比べ", "一方", "倍"},
	"zh": {"比", "相比", "而不是", "倍", "更"},
	"ko": {"보다", "비해", "대신", "배"},
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
	weight := make([]float64, len(a.Candidates))
	for i := range a.Candidates {
		c := &a.Candidates[i]
		if c.Score > 0 {
			a.hooks = append(a.hooks, i)
			weight[i] = c.Score * hookStrength(c, a.Lang)
		}
	}
	slices.SortStableFunc(a.hooks, func(i, j int) int { return cmp.Compare(weight[j], weight[i]) })
}

// BestHook is the strongest hook not in exclude that fits, or -1.
func (a *Analysis) BestHook(exclude map[int]bool, fits func(c *Candidate) bool) int {
	for _, i := range a.hooks {
		if !exclude[i] && fits(&a.Candidates[i]) {
			return i
		}
	}
	return -1
}
