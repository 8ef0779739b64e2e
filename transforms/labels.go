package transforms

// labels are the few words a derivative adds of its own, per language; English is the
// fallback.
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
	"de": {CTA: "Das ganze Whitepaper lesen", Takeaways: "Das Wichtigste", WhyItMatters: "Warum es wichtig ist", Inside: "Im Whitepaper", Colon: ":"},
	"fr": {CTA: "Lire le livre blanc complet", Takeaways: "À retenir", WhyItMatters: "Pourquoi c'est important", Inside: "Dans le livre blanc", Colon: " :"},
	"ja": {CTA: "ホワイトペーパー全文を読む", Takeaways: "要点", WhyItMatters: "なぜ重要か", Inside: "本書の内容", Colon: "："},
}

func labelsFor(lang string) labels {
	if l, ok := labelsByLang[lang]; ok {
		return l
	}
	return labelsByLang["en"]
}
