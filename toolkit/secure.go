package toolkit

import "net/http"

// secure sets the headers every toolkit answer carries: document text is untrusted, so
// nothing may run scripts from elsewhere, frame the pages, or sniff a JSON answer into HTML.
// Pages that need more (the public page's inline style) set their own policy.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		next.ServeHTTP(w, r)
	})
}
