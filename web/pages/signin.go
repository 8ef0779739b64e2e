package pages

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/web/httpx"
)

type signinView struct {
	Username, Next string
}

// Home sends each role to where its work is.
func (pg *Session) Home(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	to := "/ui/topics"
	if p.Reviewer() {
		to = "/ui/sources"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// Form is the sign-in page.
func (pg *Session) Form(w http.ResponseWriter, r *http.Request) {
	pg.render(w, r, http.StatusOK, "signin", view{Title: "Sign in", Data: signinView{Next: safeNext(r.URL.Query().Get("next"))}})
}

// SignIn opens a session for a matching name and password and goes back where the user
// was; otherwise the form says why, the same words whether or not the name exists.
func (pg *Session) SignIn(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	name := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	v := view{Title: "Sign in", Data: signinView{Username: name, Next: safeNext(r.PostFormValue("next"))}}
	err := pg.auth.SignIn(w, r, name, password)
	var limit *auth.LimitError
	switch {
	case errors.As(err, &limit):
		wait := limit.Wait
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		if wait < time.Minute {
			v.Error = fmt.Sprintf("Too many failed sign-ins for this name. Try again in %d seconds.", int(wait.Seconds())+1)
		} else {
			v.Error = fmt.Sprintf("Too many failed sign-ins. Sign-in is paused for %d minutes; try again after that, or ask an admin.", int(wait.Minutes())+1)
		}
		pg.render(w, r, http.StatusTooManyRequests, "signin", v)
	case errors.Is(err, auth.ErrBusy):
		w.Header().Set("Retry-After", "2")
		v.Error = "Sign-in is busy right now. Try again in a few seconds."
		pg.render(w, r, http.StatusTooManyRequests, "signin", v)
	case errors.Is(err, auth.ErrMismatch):
		v.Error = auth.ErrMismatch.Error()
		pg.render(w, r, http.StatusUnauthorized, "signin", v)
	case err != nil:
		pg.Error(w, r, nil, err)
	default:
		http.Redirect(w, r, v.Data.(signinView).Next, http.StatusSeeOther)
	}
}

// SignOut ends the session.
func (pg *Session) SignOut(w http.ResponseWriter, r *http.Request) {
	if err := pg.auth.SignOut(w, r); err != nil {
		pg.Error(w, r, nil, err)
		return
	}
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

// safeNext keeps a post-sign-in redirect on this site: a path, never a scheme, a host,
// "//host" or "/\host" (which browsers read as "//host").
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\\x00\r\n\t") || u.Scheme != "" || u.Host != "" {
		return "/ui/"
	}
	return next
}
