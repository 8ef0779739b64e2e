package public

import (
	"html/template"
	"net/http"

	"github.com/repurpose/repurpose/web/httpx"
)

// unsubscribeTemplate asks before it acts: a GET only shows the button, so a mail
// scanner that follows every link unsubscribes nobody; the POST (the button, or a mail
// client's RFC 8058 one-click) does it.
var unsubscribeTemplate = template.Must(template.New("unsubscribe").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Digest</title>
<style>body{font:18px/1.6 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style>
</head><body><main>
{{if .Done}}<h1>You are unsubscribed</h1><p>{{.Name}}, no more digests will be sent to you. Ask marketing to turn them on again.</p>
{{else}}<h1>Stop the digests?</h1><p>{{.Name}}, you get a digest of newly approved topics to share.</p>
<form method="post"><button type="submit">Unsubscribe</button></form>{{end}}
</main></body></html>
`))

// Unsubscribe is the digests' unsubscribe link, /digest/unsubscribe?token=T: the signed
// token is the credential (a forged one answers 403); GET asks, POST unsubscribes.
func (pb *Public) Unsubscribe(w http.ResponseWriter, r *http.Request) {
	if pb.digests == nil {
		httpx.WriteError(w, http.StatusNotFound, "not_found", "digests are not sent from here")
		return
	}
	token := r.URL.Query().Get("token")
	name, err := pb.digests.Verify(r.Context(), token)
	done := false
	if err == nil && r.Method == http.MethodPost {
		name, err = pb.digests.Unsubscribe(r.Context(), token)
		done = true
	}
	if pb.Failed(w, r, err) {
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	unsubscribeTemplate.Execute(w, struct {
		Name string
		Done bool
	}{name, done})
}
