package transforms

// labels are the few words a derivative adds of its own, per language; English is the
// fallback.
type labels struct {
	CTA       string // when neither the document nor the campaign gives one
	Takeaways string
	Colon     string // ends a label that introduces a list
}

var labelsByLang = map[string]labels{
	"en": {CTA: "Read the full paper", Takeaways: "Key takeaways", Colon: ":"},
	"es": {CTA: "Lee el documento completo", Takeaways: "Puntos clave", Colon: ":"},
	"de": {CTA: "Das ganze Whitepaper lesen", Takeaways: "Das Wichtigste", Colon: ":"},
	"fr": {CTA: "Lire le livre blanc complet", Takeaways: "À retenir", Colon: " :"},
	"ja": {CTA: "ホワイトペーパー全文を読む", Takeaways: "要点", Colon: "："},
}

func labelsFor(lang string) labels {
	if l, ok := labelsByLang[lang]; ok {
		return l
	}
	return labelsByLang["en"]
}
