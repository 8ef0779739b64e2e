package toolkit

import (
	"encoding/csv"
	"net/http"
	"strings"
)

// writeCSV answers a CSV download named name.csv. Every cell passes csvSafe.
func writeCSV(w http.ResponseWriter, name string, header []string, rows [][]string) {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	h.Set("X-Content-Type-Options", "nosniff")
	cw := csv.NewWriter(w)
	_ = cw.Write(header)
	for _, r := range rows {
		for i := range r {
			r[i] = csvSafe(r[i])
		}
		_ = cw.Write(r)
	}
	cw.Flush()
}

// csvSafe keeps a spreadsheet from running a cell as a formula: a text starting with
// =, +, - or @ gets a leading apostrophe (OWASP's CSV injection advice).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
