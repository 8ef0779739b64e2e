package transforms

import "fmt"

// labels are the few words a derivative adds of its own, per language.
type labels struct {
	CTA          string // when neither the document nor the campaign gives one
	Takeaways    string
	WhyItMatters string // heads the blog teaser's paragraph of context
	Inside       string // heads the list of the paper's main sections
	Colon        string // ends a label that introduces a list
}

var labelsByLang = map[string]labels{
	"en": {CTA: "Read the full paper", Takeaways: "Key takeaways", WhyItMatters: "Why it matters", Inside: "Inside the paper", Colon: ":"},
	"es": {CTA: "Lee el documento completo", Takeaways: "Puntos clave", WhyItMatters: "Por qué importa", Inside: "Qué encontrarás en el documento", Colon: ":"},
	"pt": {CTA: "Leia o documento completo", Takeaways: "Principais pontos", WhyItMatters: "Por que isso importa", Inside: "O que há no documento", Colon: ":"},
	"fr": {CTA: "Lire le livre blanc complet", Takeaways: "À retenir", WhyItMatters: "Pourquoi c'est important", Inside: "Dans le livre blanc", Colon: " :"},
	"de": {CTA: "Das ganze Whitepaper lesen", Takeaways: "Das Wichtigste", WhyItMatters: "Warum es wichtig ist", Inside: "Im Whitepaper", Colon: ":"},
	"it": {CTA: "Leggi il documento completo", Takeaways: "Punti chiave", WhyItMatters: "Perché è importante", Inside: "Cosa trovi nel documento", Colon: ":"},
	"nl": {CTA: "Lees het volledige document", Takeaways: "De belangrijkste punten", WhyItMatters: "Waarom het ertoe doet", Inside: "In het document", Colon: ":"},
	"ja": {CTA: "ホワイトペーパー全文を読む", Takeaways: "要点", WhyItMatters: "なぜ重要か", Inside: "本書の内容", Colon: "："},
	"zh": {CTA: "阅读白皮书全文", Takeaways: "要点", WhyItMatters: "为什么重要", Inside: "白皮书内容", Colon: "："},
	"ko": {CTA: "백서 전문 읽기", Takeaways: "핵심 요약", WhyItMatters: "왜 중요한가", Inside: "백서 구성", Colon: ":"},
}

// labelsFor is the labels of a language, and false when it has none built in: its
// derivatives then carry no words of ours (no English mixed in) and need a person's review.
func labelsFor(lang string) (labels, bool) {
	l, ok := labelsByLang[baseLang(lang)]
	return l, ok
}

// noLabelsReason is why a derivative in a language without built-in texts needs review.
func noLabelsReason(lang string) string {
	if lang == "" {
		return "the document's language could not be identified: check the call to action and wording before approving"
	}
	return fmt.Sprintf("the document is in %s, which has no built-in labels or call to action: check the wording before approving", langName(lang))
}
