package publish

import (
	"context"
	"errors"
	"fmt"
)

// TokenSource gives an account's current OAuth access token, refreshed before it
// expires. ErrNotConnected says no one has connected the account yet.
type TokenSource interface {
	AccessToken(ctx context.Context, account string) (string, error)
}

// ErrNotConnected is an OAuth account no one has connected on the admin page yet.
var ErrNotConnected = errors.New("the account is not connected: an admin connects it on the Accounts page")

// UserToken gives the OAuth 2.0 user access token X and LinkedIn posts are sent
// with: the account's fixed access_token when it has one (set on purpose for this
// account, so it wins), else the token of the account connected on the Accounts page,
// fetched per post because the store refreshes it.
type UserToken struct {
	account string
	static  string
	source  TokenSource
}

// NewUserToken reads the account's access_token setting; without one, the account must
// be connectable (the Env has a token store).
func NewUserToken(a *Account) (UserToken, error) {
	static, err := a.Secret("access_token")
	if err != nil {
		return UserToken{}, err
	}
	if static == "" && a.Tokens() == nil {
		return UserToken{}, fmt.Errorf("accounts.%s: no access token: set access_token_env or access_token_file, or connect the account on the Accounts page (which needs the token store)", a.Name)
	}
	return UserToken{account: a.Name, static: static, source: a.Tokens()}, nil
}

// Get is the token to send now: Refused when no one has connected the account, Later
// when a refresh failed.
func (t UserToken) Get(ctx context.Context) (string, error) {
	if t.static != "" {
		return t.static, nil
	}
	tok, err := t.source.AccessToken(ctx, t.account)
	var e *Error
	switch {
	case errors.Is(err, ErrNotConnected):
		// Nothing can be posted until a person connects the account.
		return "", &Error{Kind: Refused, Msg: ErrNotConnected.Error(), Err: err}
	case errors.As(err, &e):
		return "", err
	case err != nil:
		// Nothing was sent; a failed refresh may work next time.
		return "", &Error{Kind: Later, Msg: "cannot get the access token of " + t.account + ": " + err.Error(), Err: err}
	case tok == "":
		return "", &Error{Kind: Refused, Msg: ErrNotConnected.Error(), Err: ErrNotConnected}
	}
	return tok, nil
}
