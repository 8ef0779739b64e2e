package digest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
)

// An unsubscribe token is the person's name and an HMAC-SHA256 of it under a key derived
// from the link key: nobody can make one for someone else, and it never expires, so an
// old digest's link still works.
func (s *Service) token(ctx context.Context, user string) (string, error) {
	sig, err := s.signature(ctx, user)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString([]byte(user)) + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}

func (s *Service) signature(ctx context.Context, user string) ([]byte, error) {
	key, err := s.opt.Key(ctx)
	if err != nil {
		return nil, err
	}
	derived := hmac.New(sha256.New, key)
	derived.Write([]byte("repurpose digest unsubscribe"))
	m := hmac.New(sha256.New, derived.Sum(nil))
	m.Write([]byte(user))
	return m.Sum(nil), nil
}

// UnsubscribeURL is the link in user's digests that stops them.
func (s *Service) UnsubscribeURL(ctx context.Context, user string) (string, error) {
	tok, err := s.token(ctx, user)
	if err != nil {
		return "", err
	}
	return s.opt.PublicURL + "/digest/unsubscribe?token=" + url.QueryEscape(tok), nil
}

var errBadToken = errs.E("digest.Unsubscribe", errs.Forbidden, "this unsubscribe link is not valid; use the one in your latest digest")

// Verify reads an unsubscribe token and returns whose it is; a forged or altered token,
// or one of a person who no longer has a digest, is errs.Forbidden.
func (s *Service) Verify(ctx context.Context, token string) (string, error) {
	name, sig, ok := strings.Cut(token, ".")
	if !ok || len(token) > 512 {
		return "", errBadToken
	}
	user, err1 := base64.RawURLEncoding.DecodeString(name)
	got, err2 := base64.RawURLEncoding.DecodeString(sig)
	if err1 != nil || err2 != nil {
		return "", errBadToken
	}
	want, err := s.signature(ctx, string(user))
	if err != nil {
		return "", err
	}
	if !hmac.Equal(got, want) {
		return "", errBadToken
	}
	if _, ok := s.users[string(user)]; !ok {
		return "", errBadToken
	}
	return string(user), nil
}

// Unsubscribe stops the digests of the person whose token it is (the public unsubscribe
// route calls it) and returns their name. Doing it twice is harmless.
func (s *Service) Unsubscribe(ctx context.Context, token string) (string, error) {
	user, err := s.Verify(ctx, token)
	if err != nil {
		return "", err
	}
	return user, s.opt.Redis.HSetNX(ctx, keyUnsubscribed, user, s.opt.Now().UTC().Format(time.RFC3339)).Err()
}

// Resubscribe starts a person's digests again (for a signed-in person's own settings).
func (s *Service) Resubscribe(ctx context.Context, user string) error {
	return s.opt.Redis.HDel(ctx, keyUnsubscribed, user).Err()
}

// Unsubscribed is when user unsubscribed; zero while they receive digests.
func (s *Service) Unsubscribed(ctx context.Context, user string) (time.Time, error) {
	v, err := s.opt.Redis.HGet(ctx, keyUnsubscribed, user).Result()
	if errors.Is(err, redis.Nil) {
		return time.Time{}, nil
	} else if err != nil {
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339, v)
}
