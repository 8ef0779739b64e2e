package whole

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/internal/script"
)

// WithoutLabel is a sentence without the label that opens it ("Operator configuration:
// Ideally a project…" → "Ideally a project…", "建议：从一条瓶颈产线开始…" → "从一条…"): a
// few words and a colon before a sentence of its own. A label that names the study
// ("调研样本：") or a date ("Ab 01.01.2028:") is part of what the line says, and stays.
func WithoutLabel(text string) string {
	i := strings.Index(text, ": ")
	if k := strings.Index(text, "："); k > 0 && (i < 0 || k < i) && k <= 24 && IsLabel(text[:k]) && !methodLabel(text[:k]) && !dateLabel.MatchString(text[:k]) {
		if rest := text[k+len("："):]; utf8.RuneCountInString(rest) >= 15 {
			return rest
		}
		return text
	}
	if i <= 0 || i > 60 || !IsLabel(text[:i]) || dateLabel.MatchString(text[:i]) {
		return text
	}
	rest := text[i+2:]
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) || utf8.RuneCountInString(rest) < 40 {
		return text // "Next step: the team…" or a short definition is one sentence
	}
	return rest
}

// IsLabel reports a short heading-like phrase: up to four words (eight characters in
// scripts without spaces) and no comma.
func IsLabel(s string) bool {
	s = strings.TrimRight(s, ".:。：")
	if strings.ContainsAny(s, ",，、") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); script.CJK(r) {
		return utf8.RuneCountInString(s) <= 8
	}
	return len(strings.Fields(s)) <= 4
}

// Myth reports a line labelled as a misconception the text goes on to correct
// ("误区3：把项目完全交给IT部门。", "Myth: …"): without its label, a post would advise it.
func Myth(text string) bool { return mythLabel.MatchString(text) }

var mythLabel = regexp.MustCompile(`^(?:\*\*)?(?:(?i:myth|mito|mythe|irrtum|mythos|fabel)\s*\d*\s*[:：]|(?:误区|迷思|誤解|오해|통념)\s*\d*\s*[:：])`)

// dateLabel holds a date or a year.
var dateLabel = regexp.MustCompile(`\b(?:19|20)\d\d\b|\d{1,2}\.\d{1,2}\.\d{2,4}`)

// methodLabels name a line about the study ("调研对象：27 家连锁药店…").
var methodLabels = []string{"调研", "调查", "样本", "对象", "来源", "注", "方法", "調査", "出典", "対象", "注記", "조사", "출처", "대상", "방법"}

func methodLabel(s string) bool {
	for _, m := range methodLabels {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
