package pages

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/repurpose/repurpose/accounts"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/web/httpx"
)

// The Accounts page and the OAuth provider's callback; the connections themselves are
// package accounts'.

type accountsView struct {
	Notice   string
	Accounts []accountRow
}

// accountRow is one configured account on the Accounts page.
type accountRow struct {
	Name, Type string
	Provider   string // "X", "LinkedIn"; "" for accounts that are not connected here
	// Fixed: the account sets its own access_token, which publishers use instead.
	Fixed       bool
	Connected   bool
	ConnectedBy string
	ConnectedAt time.Time
	Expiry      time.Time
	Expired     bool
	NoRefresh   bool
	Problem     string // why its token cannot be read
}

// Page lists the configured accounts and their connections.
func (pg *Accounts) Page(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	notice := ""
	if name := r.URL.Query().Get("connected"); name != "" {
		if _, ok := pg.cfg.File.Accounts[name]; ok {
			notice = "Connected " + name + ". Its posts now go out with this connection."
		}
	}
	errMsg := ""
	if len(pg.cfg.Infra.TokenKey) == 0 {
		errMsg = accounts.ErrNoTokenKey.Msg
	}
	pg.renderAccounts(w, r, p, http.StatusOK, errMsg, notice)
}

func (pg *Accounts) renderAccounts(w http.ResponseWriter, r *http.Request, p *httpx.Principal, status int, errMsg, notice string) {
	v := accountsView{Notice: notice}
	names := make([]string, 0, len(pg.cfg.File.Accounts))
	for name := range pg.cfg.File.Accounts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		a := pg.cfg.File.Accounts[name]
		row := accountRow{Name: name, Type: a.Type}
		if prov := accounts.ProviderName(a.Type); prov != "" {
			row.Provider = prov
			row.Fixed = a.Settings["access_token_env"] != "" || a.Settings["access_token_file"] != ""
			c, err := pg.tk.Accounts().Connection(r.Context(), name)
			var unreadable *accounts.UnreadableError
			switch {
			case errors.Is(err, accounts.ErrNoTokenKey): // said once, above the list
			case errors.As(err, &unreadable):
				row.Problem = unreadable.Error()
			case err != nil:
				pg.Error(w, r, p, err)
				return
			case c != nil:
				row.Connected, row.ConnectedBy, row.ConnectedAt, row.Expiry = true, c.By, c.At, c.Expiry
				row.Expired = !c.Expiry.IsZero() && !c.Expiry.After(pg.tk.Now())
				row.NoRefresh = !c.Refreshable
			}
		}
		v.Accounts = append(v.Accounts, row)
	}
	pg.render(w, r, status, "accounts", view{Title: "Accounts", User: p, Error: errMsg, Data: v})
}

// accountsFailed shows err on the Accounts page with the status its kind deserves.
func (pg *Accounts) accountsFailed(w http.ResponseWriter, r *http.Request, p *httpx.Principal, err error) {
	status, _, msg := pg.Classify(r, err)
	pg.renderAccounts(w, r, p, status, msg, "")
}

// Connect starts the authorization code flow: a random state and PKCE verifier are
// kept for ten minutes, and the admin is sent to the provider to approve.
func (pg *Accounts) Connect(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	to, err := pg.tk.Accounts().Start(r.Context(), r.PathValue("name"), p.Name)
	if err != nil && errs.KindOf(err) == errs.Other { // Redis: not the account's fault
		pg.Error(w, r, p, err)
		return
	}
	if err != nil {
		pg.accountsFailed(w, r, p, err)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// Callback finishes the flow: the state is taken (so it works once), the code is
// exchanged with the verifier, and the token is sealed and stored.
func (pg *Accounts) Callback(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	ctx := r.Context()
	q := r.URL.Query()
	pending, err := pg.tk.Accounts().Take(ctx, q.Get("state"))
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	provider := "The provider"
	if pending != nil {
		provider = accounts.ProviderName(pending.Type)
	}
	// Anyone can send an admin a link to this page, so the provider's words are shown
	// only for a connection this admin started, and only as OAuth allows them: short
	// printable ASCII (RFC 6749, 4.1.2.1).
	if e := q.Get("error"); e != "" && pending != nil && pending.By == p.Name {
		msg := provider + " refused the connection"
		if oauthErrorText(e, 64) {
			msg += ": " + e
		}
		if d := q.Get("error_description"); oauthErrorText(d, 200) {
			msg += " (" + d + ")"
		}
		if e == "access_denied" {
			msg = "The connection was cancelled on " + provider + ": no access was granted, and the account stays as it was."
		}
		pg.renderAccounts(w, r, p, http.StatusBadRequest, msg, "")
		return
	}
	if pending == nil {
		pg.renderAccounts(w, r, p, http.StatusBadRequest,
			"This connection has expired or was already used (each lasts 10 minutes and works once): press Connect again.", "")
		return
	}
	if pending.By != p.Name {
		pg.renderAccounts(w, r, p, http.StatusForbidden, "This connection was started by another user; start your own with Connect.", "")
		return
	}
	if err := pg.tk.Accounts().Check(pending); err != nil {
		pg.accountsFailed(w, r, p, err)
		return
	}
	code := q.Get("code")
	if code == "" {
		pg.renderAccounts(w, r, p, http.StatusBadRequest, accounts.ProviderName(pending.Type)+" sent no authorization code: press Connect again.", "")
		return
	}
	if err := pg.tk.Accounts().Connect(ctx, pending, code); err != nil {
		pg.accountsFailed(w, r, p, err)
		return
	}
	// Posts that came due while the account was not connected wait for it: planning
	// again gives them the next free slots.
	if _, err := pg.tk.Plans().ReplanAll(ctx, "connected "+pending.Account); err != nil {
		pg.log.WarnContext(ctx, "oauth: the posts waiting for the account were not planned again; the next plan does it", "account", pending.Account, "err", err)
	}
	http.Redirect(w, r, "/ui/accounts?connected="+url.QueryEscape(pending.Account), http.StatusSeeOther)
}

// oauthErrorText reports whether s is a provider's error text fit to show: 1 to max
// characters of printable ASCII other than " and \.
func oauthErrorText(s string, max int) bool {
	return s != "" && len(s) <= max && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e || r == '"' || r == '\\' })
}
