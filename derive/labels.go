package derive

import (
	"fmt"

	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/parse"
)

// labels are the few words a derivative adds of its own, per language.
type labels struct {
	// CTA by document type, "" for a document of unknown type: "Read the full report"
	// under a report, never "paper" under a blog post.
	CTA       map[string]string
	Takeaways string
	// TakeawaysOf introduces a LinkedIn post's takeaways with the document's title
	// ("Key takeaways from “The 2025 Workforce Pulse”"): a stranger learns what they are of.
	TakeawaysOf  string
	WhyItMatters string // heads the blog teaser's paragraph of context
	Colon        string // ends a label that introduces a list
}

var labelsByLang = map[string]labels{
	"en": {CTA: ctas("Read more", "Read the full whitepaper", "Read the full report", "Read the full guide", "Read the full article", "Watch the full talk", "Read the full transcript"),
		Takeaways: "Key takeaways", TakeawaysOf: "Key takeaways from “%s”", WhyItMatters: "Why it matters", Colon: ":"},
	"es": {CTA: ctas("Leer más", "Lee el documento completo", "Lee el informe completo", "Lee la guía completa", "Lee el artículo completo", "Mira la charla completa", "Lee la transcripción completa"),
		Takeaways: "Puntos clave", TakeawaysOf: "Puntos clave de «%s»", WhyItMatters: "Por qué importa", Colon: ":"},
	"pt": {CTA: ctas("Leia mais", "Leia o documento completo", "Leia o relatório completo", "Leia o guia completo", "Leia o artigo completo", "Assista à palestra completa", "Leia a transcrição completa"),
		Takeaways: "Principais pontos", TakeawaysOf: "Principais pontos de “%s”", WhyItMatters: "Por que isso importa", Colon: ":"},
	"fr": {CTA: ctas("En savoir plus", "Lire le livre blanc complet", "Lire le rapport complet", "Lire le guide complet", "Lire l'article complet", "Voir la conférence complète", "Lire la transcription complète"),
		Takeaways: "À retenir", TakeawaysOf: "À retenir de « %s »", WhyItMatters: "Pourquoi c'est important", Colon: " :"},
	"de": {CTA: ctas("Mehr erfahren", "Das ganze Whitepaper lesen", "Den ganzen Bericht lesen", "Den ganzen Leitfaden lesen", "Den ganzen Artikel lesen", "Den ganzen Vortrag ansehen", "Das ganze Transkript lesen"),
		Takeaways: "Das Wichtigste", TakeawaysOf: "Das Wichtigste aus „%s“", WhyItMatters: "Warum es wichtig ist", Colon: ":"},
	"it": {CTA: ctas("Scopri di più", "Leggi il documento completo", "Leggi il rapporto completo", "Leggi la guida completa", "Leggi l'articolo completo", "Guarda l'intervento completo", "Leggi la trascrizione completa"),
		Takeaways: "Punti chiave", TakeawaysOf: "Punti chiave di «%s»", WhyItMatters: "Perché è importante", Colon: ":"},
	"nl": {CTA: ctas("Lees meer", "Lees het volledige document", "Lees het volledige rapport", "Lees de volledige gids", "Lees het volledige artikel", "Bekijk de volledige talk", "Lees het volledige transcript"),
		Takeaways: "De belangrijkste punten", TakeawaysOf: "De belangrijkste punten uit “%s”", WhyItMatters: "Waarom het ertoe doet", Colon: ":"},
	"ja": {CTA: ctas("続きを読む", "ホワイトペーパー全文を読む", "レポート全文を読む", "ガイド全文を読む", "記事全文を読む", "講演の全編を見る", "書き起こし全文を読む"),
		Takeaways: "要点", TakeawaysOf: "「%s」の要点", WhyItMatters: "なぜ重要か", Colon: "："},
	"zh": {CTA: ctas("阅读更多", "阅读白皮书全文", "阅读完整报告", "阅读完整指南", "阅读全文", "观看完整演讲", "阅读完整文字稿"),
		Takeaways: "要点", TakeawaysOf: "《%s》要点", WhyItMatters: "为什么重要", Colon: "："},
	"ko": {CTA: ctas("더 읽기", "백서 전문 읽기", "보고서 전문 읽기", "가이드 전문 읽기", "기사 전문 읽기", "발표 전체 보기", "녹취록 전문 읽기"),
		Takeaways: "핵심 요약", TakeawaysOf: "“%s” 핵심 요약", WhyItMatters: "왜 중요한가", Colon: ":"},
}

func ctas(unknown, whitepaper, report, guide, article, talk, transcript string) map[string]string {
	return map[string]string{"": unknown, parse.DocWhitepaper: whitepaper, parse.DocReport: report, parse.DocGuide: guide,
		parse.DocArticle: article, parse.DocTalk: talk, transcriptCTA: transcript}
}

// transcriptCTA keys the call to action of a talk given as text, not as a video's
// subtitles: its reader reads the rest, they do not watch it.
const transcriptCTA = "transcript"

// ctaKind is the key of a document's call to action in labels.CTA.
func ctaKind(doc *parse.Document) string {
	if doc.Type == parse.DocTalk && doc.Format != "vtt" && doc.Format != "srt" {
		return transcriptCTA
	}
	return doc.Type
}

// labelsFor is the labels of a language, and false when it has none built in: its
// derivatives then carry no words of ours (no English mixed in) and need a person's review.
func labelsFor(lang string) (labels, bool) {
	l, ok := labelsByLang[langid.Base(lang)]
	return l, ok
}

// noLabelsReason is why a derivative in a language without built-in texts needs review.
func noLabelsReason(lang string) string {
	if lang == "" {
		return "the document's language could not be identified: check the call to action and wording before approving"
	}
	return fmt.Sprintf("the document is in %s, which has no built-in labels or call to action: check the wording before approving", langid.Name(lang))
}
