package links

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/s3store"
)

// The link key signs click IDs (and calendar tokens). Every serve process must use the
// same one, and it must outlive restarts and a flushed Redis, or the clicks of the last
// 30 days could no longer convert: it is made once, kept in the toolkit bucket
// (secrets/link-key), and Redis (SET NX) decides between processes that make it at the
// same moment.
const keyLinkKey = "repurpose:secret:link-key"

func (s *Service) keyObject() string { return s.loc.Prefix + "secrets/link-key" }

// Key is the link key, from memory after its first use: the secret behind the signatures
// this server hands out.
func (s *Service) Key(ctx context.Context) ([]byte, error) { return s.key(ctx) }

func (s *Service) key(ctx context.Context) ([]byte, error) {
	if k := s.secret.Load(); k != nil {
		return *k, nil
	}
	key, err := s.rdb.Get(ctx, keyLinkKey).Bytes()
	if errors.Is(err, redis.Nil) {
		key, err = s.restoreKey(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("link key: %w", err)
	}
	if len(key) < 32 {
		return nil, fmt.Errorf("link key: %s holds %d bytes, want 32; delete it and s3://%s/%s to make a new one (clicks made before then stop converting)", keyLinkKey, len(key), s.loc.Bucket, s.keyObject())
	}
	s.secret.Store(&key)
	return key, nil
}

// restoreKey puts the kept key (or, the first time, a new one) into Redis, and keeps
// whichever won there in S3.
func (s *Service) restoreKey(ctx context.Context) ([]byte, error) {
	obj, err := s.s3.Get(ctx, s.loc.Bucket, s.keyObject(), 1024)
	var candidate []byte
	switch {
	case err == nil:
		candidate = obj.Body
	case errors.Is(err, s3store.ErrNotFound):
		candidate = make([]byte, 32)
		rand.Read(candidate)
	default:
		return nil, err
	}
	if err := s.rdb.SetNX(ctx, keyLinkKey, candidate, 0).Err(); err != nil {
		return nil, err
	}
	key, err := s.rdb.Get(ctx, keyLinkKey).Bytes()
	if err != nil {
		return nil, err
	}
	if obj == nil || string(obj.Body) != string(key) {
		if _, err := s.s3.Put(ctx, s.loc.Bucket, s.keyObject(), key, "application/octet-stream"); err != nil {
			return nil, err
		}
	}
	return key, nil
}

// A click ID carries its code and day, so a click costs no write of its own: the
// landing page sends it back with a conversion, which is attributed to the code within
// clickIDTTL of the click. The random part tells clicks apart; the signature (an HMAC
// under the link key) proves the server made it, so conversions cannot be invented for
// clicks that never happened.
func newClickID(key []byte, code string, at time.Time) string {
	// Not a secret: it only tells clicks apart, so the fast generator will do.
	r := strconv.FormatUint(mrand.Uint64()|1<<60, 36)
	id := code + "." + strconv.FormatInt(at.Unix()/86400, 36) + "." + r[len(r)-10:]
	return id + "." + clickSignature(key, id)
}

func clickSignature(key []byte, id string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:12])
}

// parseClickID is the code and day of a click ID the server signed.
func parseClickID(key []byte, id string) (code string, at time.Time, ok bool) {
	parts := strings.Split(id, ".")
	if len(parts) != 4 || len(parts[0]) != 10 || len(parts[2]) != 10 {
		return "", time.Time{}, false
	}
	signed := strings.Join(parts[:3], ".")
	if !hmac.Equal([]byte(parts[3]), []byte(clickSignature(key, signed))) {
		return "", time.Time{}, false
	}
	day, err := strconv.ParseInt(parts[1], 36, 64)
	if err != nil {
		return "", time.Time{}, false
	}
	return parts[0], time.Unix(day*86400, 0).UTC(), true
}
