package accounts

import (
	"crypto/rand"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
)

func newTestService(t *testing.T) *Service {
	t.Helper()
	svc := recordtest.Start(t)
	svc.Config.Infra.TokenKey = make([]byte, 32)
	rand.Read(svc.Config.Infra.TokenKey)
	svc.Config.File.Accounts = map[string]config.Account{"main": {Type: "x", Settings: map[string]string{"client_id": "c"}}}
	now := func() time.Time { return time.Now().UTC() }
	return New(record.New(svc.Config, svc.S3, svc.Redis, nil, now, slog.Default()), svc.Config, svc.Redis, now)
}

// A token is stored sealed: it reads back under its key, never in the clear, and not
// under another key or as another account's; an account never connected says so in the
// publishers' words.
func TestTokensAreSealed(t *testing.T) {
	s := newTestService(t)
	ctx := t.Context()
	if _, err := s.AccessToken(ctx, "main"); !errors.Is(err, publish.ErrNotConnected) || !strings.Contains(err.Error(), "accounts.main") {
		t.Errorf("never connected: %v", err)
	}
	at := time.Now().UTC().Truncate(time.Second)
	if err := s.saveToken(ctx, "main", &oauthToken{AccessToken: "s3cret-access", ConnectedBy: "ada", ConnectedAt: at}); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.AccessToken(ctx, "main"); err != nil || tok != "s3cret-access" {
		t.Errorf("AccessToken = %q, %v", tok, err)
	}
	var sealed sealedToken
	if err := s.rec.GetJSON(ctx, s.oauthKey("main"), &sealed); err != nil || len(sealed.Sealed) == 0 || strings.Contains(string(sealed.Sealed), "s3cret") {
		t.Errorf("stored in the clear or not at all: %+v %v", sealed, err)
	}
	if c, err := s.Connection(ctx, "main"); err != nil || c.By != "ada" || !c.At.Equal(at) || c.Refreshable {
		t.Errorf("Connection = %+v, %v", c, err)
	}
	if err := s.rec.PutJSON(ctx, s.oauthKey("other"), sealed); err != nil { // one account's token passed off as another's
		t.Fatal(err)
	}
	var unreadable *UnreadableError
	if _, err := s.Connection(ctx, "other"); !errors.As(err, &unreadable) {
		t.Errorf("another account's sealed token: %v", err)
	}
	rand.Read(s.cfg.Infra.TokenKey) // the key changed
	if _, err := s.AccessToken(ctx, "main"); !errors.As(err, &unreadable) || !strings.Contains(err.Error(), "REPURPOSE_TOKEN_KEY") {
		t.Errorf("under another key: %v", err)
	}
	s.cfg.Infra.TokenKey = nil
	if _, err := s.Start(ctx, "main", "ada"); !errors.Is(err, ErrNoTokenKey) {
		t.Errorf("connecting without a key: %v", err)
	}
}
