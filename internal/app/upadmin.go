package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/web/auth"
)

// UpAdmin is the user `repurpose up` adds so a newcomer can sign in to the web UI.
const UpAdmin = "admin"

// upAdminHash is the file, under the data folder, that keeps the admin's password hash.
const upAdminHash = "admin-password-hash"

// upAdmin adds the admin user, unless the config file names one: its password is made at
// the first start, shown that once, and kept only as an argon2id hash in the data folder.
// It returns how to sign in, for the banner.
func upAdmin(cfg *config.Config, dataDir string) (string, error) {
	if slices.ContainsFunc(cfg.File.Users, func(u config.User) bool { return u.Name == UpAdmin }) {
		return fmt.Sprintf("as %s, with the password the config file's password_hash was made from", UpAdmin), nil
	}
	path := filepath.Join(dataDir, upAdminHash)
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	hash := strings.TrimSpace(string(b))
	how := fmt.Sprintf("as %s, with the password shown at the first start (forgotten? delete %s and start again for a new one)", UpAdmin, path)
	if hash == "" {
		password, err := randomToken()
		if err != nil {
			return "", err
		}
		if hash, err = auth.HashPassword(password); err != nil {
			return "", err
		}
		if err := os.WriteFile(path, []byte(hash+"\n"), 0o600); err != nil {
			return "", err
		}
		how = fmt.Sprintf("as %s, password %s   (shown this once: only its hash is kept, in %s)", UpAdmin, password, path)
	}
	cfg.File.Users = append(cfg.File.Users, config.User{Name: UpAdmin, Role: config.RoleAdmin, PasswordHash: hash})
	return how, nil
}
