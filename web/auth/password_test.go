package auth

import (
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/repurpose/repurpose/config"
)

func TestPasswordHashes(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Errorf("hash = %s", h)
	}
	if !VerifyPassword(h, "correct horse battery") || VerifyPassword(h, "correct horse batterY") {
		t.Error("argon2id verification is wrong")
	}
	// The config file accepts what HashPassword makes, and bcrypt hashes.
	bc, _ := bcrypt.GenerateFromPassword([]byte("another long secret"), bcrypt.MinCost)
	for _, hash := range []string{h, string(bc)} {
		f := config.Defaults()
		f.Users = []config.User{{Name: "ana", Role: config.RoleMarketing, PasswordHash: hash}}
		if err := f.Validate(); err != nil {
			t.Errorf("config rejects %s: %v", hash, err)
		}
	}
	if !VerifyPassword(string(bc), "another long secret") || VerifyPassword(string(bc), "wrong") {
		t.Error("bcrypt verification is wrong")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("a short password was hashed")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=99999999,t=3,p=2$c2FsdA$aGFzaA", "$argon2i$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", "plain"} {
		if VerifyPassword(bad, "x") {
			t.Errorf("VerifyPassword(%q) accepted a password", bad)
		}
	}
}
