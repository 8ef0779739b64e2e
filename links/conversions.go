package links

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
)

// ClickCode is the code of a click ID this server signed within the last 30 days
// (errs.Invalid for a forged, garbled or expired one).
func (s *Service) ClickCode(ctx context.Context, clickID string) (string, error) {
	key, err := s.key(ctx)
	if err != nil {
		return "", err
	}
	c, at, ok := parseClickID(key, clickID)
	if !ok || s.now().Sub(at) > clickIDTTL+24*time.Hour {
		return "", errs.E("links.ClickCode", errs.Invalid, "unknown or expired click_id: send it exactly as the landing page's URL carried it (a conversion counts within 30 days of its click)")
	}
	return c, nil
}

// Convert counts a conversion for a click (by its ID) or a code: the first from a click is
// a new person (breadth), later ones a returning one (depth). A code alone counts as new
// unless returning says otherwise. It reports the code and whether the person returned.
func (s *Service) Convert(ctx context.Context, clickID, code string, returning bool) (string, bool, error) {
	if clickID != "" {
		c, err := s.ClickCode(ctx, clickID)
		if err != nil {
			return "", false, err
		}
		if _, err := s.Lookup(ctx, c); err != nil {
			if errors.Is(err, errs.NotFound) {
				return "", false, errs.E("links.Convert", errs.Invalid, "the click_id's link is not known")
			}
			return "", false, err
		}
		n, err := s.rdb.Incr(ctx, "repurpose:conv:"+clickID).Result()
		if err != nil {
			return "", false, err
		}
		s.rdb.Expire(ctx, "repurpose:conv:"+clickID, clickIDTTL)
		code, returning = c, n > 1
	} else if _, err := s.Lookup(ctx, code); err != nil {
		if errors.Is(err, errs.NotFound) {
			return "", false, errs.E("links.Convert", errs.Invalid, "unknown code")
		}
		return "", false, err
	}
	kind := KindNew
	if returning {
		kind = KindReturning
	}
	now := s.now()
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range []string{keyHourCounts(now), keyDayCounts(now)} {
			p.HIncrBy(ctx, k, KindConverted+":"+code, 1)
			p.HIncrBy(ctx, k, kind+":"+code, 1)
		}
		p.Expire(ctx, keyHourCounts(now), hourRetention)
		p.Expire(ctx, keyDayCounts(now), dayRetention)
		return nil
	})
	if err == nil {
		eventsCounted.WithLabelValues("conversion").Inc()
	}
	return code, returning, err
}

// ConversionsPerMinute bounds the conversions one address may report (postback and pixel
// together): a person converts a few times, not hundreds.
const ConversionsPerMinute = 30

// ConversionWait counts a conversion report against its address's minute and says how
// long to wait when the minute's allowance is used up (0: go ahead).
func (s *Service) ConversionWait(ctx context.Context, ip string) (time.Duration, error) {
	now := s.now()
	key := "repurpose:convlimit:" + ip + ":" + strconv.FormatInt(now.Unix()/60, 36)
	var n *redis.IntCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		n = p.Incr(ctx, key)
		p.Expire(ctx, key, 2*time.Minute)
		return nil
	})
	if err != nil || n.Val() <= ConversionsPerMinute {
		return 0, err
	}
	return time.Duration(60-now.Unix()%60) * time.Second, nil
}
