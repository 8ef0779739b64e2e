package all_test

import (
	"context"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	_ "github.com/repurpose/repurpose/publish/all"
)

type nopObjects struct{}

func (nopObjects) Put(context.Context, string, string, []byte, string) (string, error) {
	return "", nil
}

// Every publisher is registered, with a summary for the docs; unknown types and
// settings are refused with the field's path and what would do.
func TestAccountsAreCheckedAgainstTheirSpec(t *testing.T) {
	for _, tc := range []struct {
		acct config.Account
		want string
	}{
		{config.Account{Type: "fax"}, `accounts.a.type: "fax" is not a publisher (bluesky, linkedin, mastodon, outbox, threads, webhook, wordpress, x)`},
		{config.Account{Type: "outbox", Settings: map[string]string{"bucket": "b", "colour": "red"}}, "accounts.a.colour: is not a setting of outbox accounts"},
		{config.Account{Type: "outbox"}, "accounts.a.bucket: required"},
	} {
		_, err := publish.New("a", tc.acct, publish.Env{Objects: nopObjects{}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.acct, err, tc.want)
		}
	}
	var types []string
	for _, s := range publish.Specs() {
		types = append(types, s.Type)
		if s.Summary == "" {
			t.Errorf("%s has no summary for the docs", s.Type)
		}
	}
	if strings.Join(types, ",") != "bluesky,linkedin,mastodon,outbox,threads,webhook,wordpress,x" {
		t.Errorf("registered %v", types)
	}
}
