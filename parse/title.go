package parse

import (
	"regexp"
	"strings"
)

// A title is often the file's label rather than a headline: "CLOUD NATIVE SECURITY
// WHITEPAPER | Version 2 - Italian Issue", "CNCF Operator White Paper - Final Version",
// "… (for PDF)", "Traducción del Documento de …". Posts, pages and cards show it as a
// headline, so the label's parts go: a version, edition, status or format after a
// separator or in brackets at the end, and a "translation of" before it.
var (
	// labelWords name a version, release, edition, status, language issue or format.
	labelWords = `(?:final|draft|versions?|versión|versão|versione|fassung|v\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*|editions?|edición|edição|edizione|` +
		`issue|release|revision|rev\.?|update[d]?|borrador|rascunho|bozza|entwurf|finale?|pdf|print|for pdf|para pdf|per pdf|` +
		`english|italian|spanish|portuguese|french|german|japanese|chinese|korean|translation|traducción|tradução|traduzione|` +
		`italiano|español|português|français|deutsch|最終版|最终版|최종본|改訂版|修订版)`
	// titleTail: " | Version 2 - Italian Issue", " - Final Version", " — v1.2 (draft)".
	titleTail = regexp.MustCompile(`(?i)\s+[|–—-]\s+(?:[\w.]+\s+){0,3}` + labelWords + `(?:\s+[\w.]+){0,4}(?:\s+[|–—-]\s+[\w\s.]{1,40})?$`)
	// titleParen: "(for PDF)", "[Final]", "(v1.0, draft)".
	titleParen = regexp.MustCompile(`(?i)\s*[(\[]\s*(?:[\w.]+\s+){0,2}` + labelWords + `(?:[\s,]+[\w.]+){0,3}\s*[)\]]$`)
	// titleTranslation: "Traducción del Documento de …", "Translation of …".
	titleTranslation = regexp.MustCompile(`(?i)^(?:translation of(?: the)?|traducción del?|tradução d[aoe]|traduzione del?l?[oa']?|traduction d[eu]|übersetzung de[rs])\s+`)
)

// CleanTitle is a title without the label parts of a file name: what the document is
// called, not which copy of it this is. A title that would be left empty stays as it is.
func CleanTitle(title string) string {
	t := title
	for range 3 { // "… | Version 2 - Italian Issue (PDF)": a few layers at most
		before := t
		t = titleParen.ReplaceAllString(t, "")
		t = titleTail.ReplaceAllString(t, "")
		if t == before {
			break
		}
	}
	t = titleTranslation.ReplaceAllString(t, "")
	if t = strings.TrimSpace(t); t == "" {
		return title
	}
	if r := []rune(t); len(r) > 0 {
		t = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return t
}
