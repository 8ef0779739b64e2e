// Package public is what the toolkit serves to anyone, without signing in: tracked links
// (/r/{code}), conversions and their pixel, partner feeds, public pages of approved
// documents and their media. Each handler shows approved content only.
package public

import (
	"log/slog"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/digest"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/web/httpx"
)

// Public serves the open routes over a toolkit.
type Public struct {
	tk   *toolkit.Toolkit
	cfg  *config.Config
	auth *auth.Auth // the client's address, for counting
	// digests answers the digests' unsubscribe links; nil where none are sent.
	digests *digest.Service
	log     *slog.Logger
	httpx.Errors
}

// New returns the open routes over tk; d may be nil.
func New(tk *toolkit.Toolkit, a *auth.Auth, d *digest.Service, e httpx.Errors) *Public {
	return &Public{tk: tk, cfg: tk.Config(), auth: a, digests: d, log: e.Log, Errors: e}
}
