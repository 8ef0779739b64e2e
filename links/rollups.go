package links

import (
	"context"
	"crypto/rand"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/s3store"
)

// Link counts live in Redis for weeks; their rollups live in S3 for good (principle 1):
// stats/hours/{YYYYMMDDHH}.json and stats/days/{YYYYMMDD}.json, rewritten while the hour or
// day is still counting, so losing Redis loses minutes at most, and reindex restores them.

// Rollup is one period's counts: fields "c:{code}" (clicks), "p:" (previews), "v:"
// (conversions), "vn:"/"vr:" (from new or returning people), and a day's unique visitors
// per code.
type Rollup struct {
	Period string `json:"period"`
	// Epoch names the life of Redis the counts were kept in: a restore adds a rollup only
	// from an earlier life, and only once.
	Epoch   string           `json:"epoch"`
	Counts  map[string]int64 `json:"counts"`
	Uniques map[string]int64 `json:"uniques,omitempty"`
	At      time.Time        `json:"rolled_up_at"`
}

func keyDayUniqueCounts(day string) string { return "repurpose:uvc:" + day } // hash: code -> count from a rollup

// keyEpoch holds a random name for this life of Redis: gone with everything else when
// Redis is lost, and made anew.
const keyEpoch = "repurpose:epoch"

func (s *Service) epoch(ctx context.Context) (string, error) {
	if err := s.rdb.SetNX(ctx, keyEpoch, rand.Text(), 0).Err(); err != nil {
		return "", err
	}
	return s.rdb.Get(ctx, keyEpoch).Result()
}

func (s *Service) rollupKey(kind, period string) string {
	return s.loc.Prefix + "stats/" + kind + "/" + period + ".json"
}

// RollUp writes the counts of the last three hours and the last two days to S3. It
// reports how many rollups it wrote (periods with no counts are skipped).
func (s *Service) RollUp(ctx context.Context) (int, error) {
	now := s.now()
	epoch, err := s.epoch(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range 3 {
		h := now.Add(-time.Duration(i) * time.Hour)
		wrote, err := s.rollUp(ctx, epoch, "hours", h.Format("2006010215"), keyHourCounts(h), false)
		if err != nil {
			return n, err
		}
		n += wrote
	}
	for i := range 2 {
		d := now.AddDate(0, 0, -i)
		wrote, err := s.rollUp(ctx, epoch, "days", d.Format("20060102"), keyDayCounts(d), true)
		if err != nil {
			return n, err
		}
		n += wrote
	}
	return n, nil
}

func (s *Service) rollUp(ctx context.Context, epoch, kind, period, key string, uniques bool) (int, error) {
	vals, err := s.rdb.HGetAll(ctx, key).Result()
	if err != nil || len(vals) == 0 {
		return 0, err
	}
	r := Rollup{Period: period, Epoch: epoch, Counts: make(map[string]int64, len(vals)), At: s.now()}
	var codes []string
	for f, v := range vals {
		n, _ := strconv.ParseInt(v, 10, 64)
		r.Counts[f] = n
		if code, ok := strings.CutPrefix(f, KindClick+":"); ok {
			codes = append(codes, code)
		}
	}
	if uniques && len(codes) > 0 {
		if r.Uniques, err = s.uniques(ctx, period, codes, r.Counts); err != nil {
			return 0, err
		}
	}
	return 1, s.rec.PutJSON(ctx, s.rollupKey(kind, period), r)
}

// uniques are a day's unique visitors per code: the HyperLogLog's count, plus the count
// a rollup restored from before Redis was lost, never more than the code's clicks in
// counts (the estimate errs by about 1%, and each visitor clicked at least once).
func (s *Service) uniques(ctx context.Context, day string, codes []string, counts map[string]int64) (map[string]int64, error) {
	out := make(map[string]int64, len(codes))
	cmds := make([]*redis.IntCmd, len(codes))
	restored := s.rdb.HMGet(ctx, keyDayUniqueCounts(day), codes...)
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, c := range codes {
			cmds[i] = p.PFCount(ctx, keyUniques(day, c))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rv, _ := restored.Result()
	for i, c := range codes {
		n := cmds[i].Val()
		if i < len(rv) {
			if s, ok := rv[i].(string); ok {
				m, _ := strconv.ParseInt(s, 10, 64)
				n += m // the salt changed with Redis: no one is in both
			}
		}
		n = min(n, counts[KindClick+":"+c])
		if n > 0 {
			out[c] = n
		}
	}
	return out, nil
}

// DayCounts reads one day's counts: from Redis while it has them, else from the day's
// rollup in S3.
func (s *Service) DayCounts(ctx context.Context, day time.Time) (*Rollup, error) {
	period := day.UTC().Format("20060102")
	vals, err := s.rdb.HGetAll(ctx, keyDayCounts(day)).Result()
	if err != nil {
		return nil, err
	}
	if len(vals) > 0 {
		r := &Rollup{Period: period, Counts: make(map[string]int64, len(vals))}
		var codes []string
		for f, v := range vals {
			r.Counts[f], _ = strconv.ParseInt(v, 10, 64)
			if code, ok := strings.CutPrefix(f, KindClick+":"); ok {
				codes = append(codes, code)
			}
		}
		if len(codes) > 0 {
			r.Uniques, err = s.uniques(ctx, period, codes, r.Counts)
		}
		return r, err
	}
	var r Rollup
	err = s.rec.GetJSON(ctx, s.rollupKey("days", period), &r)
	if errors.Is(err, s3store.ErrNotFound) {
		return &Rollup{Period: period}, nil
	}
	for code, u := range r.Uniques { // a rollup written before uniques were capped
		r.Uniques[code] = min(u, r.Counts[KindClick+":"+code])
	}
	return &r, err
}

// RestoreCounts adds back into Redis the rollups (of the periods Redis keeps counters for)
// written in an earlier life of Redis, each once, so counts that arrived since are kept.
// It reports how many periods it restored.
func (s *Service) RestoreCounts(ctx context.Context) (int, error) {
	now := s.now()
	epoch, err := s.epoch(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	restore := func(kind string, since time.Time, key func(time.Time) string, layout string, ttl time.Duration) error {
		return s.rec.Each(ctx, "stats/"+kind+"/", func(objKey string) error {
			period := strings.TrimSuffix(objKey[strings.LastIndex(objKey, "/")+1:], ".json")
			at, err := time.Parse(layout, period)
			if err != nil || at.Before(since) {
				return nil
			}
			var r Rollup
			if err := s.rec.GetJSON(ctx, objKey, &r); err != nil || r.Epoch == epoch {
				return err // this Redis holds these counts itself
			}
			// Once per rollup of an earlier life; counts that arrived since are kept.
			marker := "repurpose:restored:" + kind + ":" + period + ":" + r.Epoch
			if fresh, err := s.rdb.SetNX(ctx, marker, 1, ttl).Result(); err != nil || !fresh {
				return err
			}
			k := key(at)
			_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
				for f, v := range r.Counts {
					p.HIncrBy(ctx, k, f, v)
				}
				p.Expire(ctx, k, ttl)
				for code, u := range r.Uniques {
					p.HSet(ctx, keyDayUniqueCounts(period), code, u)
				}
				if len(r.Uniques) > 0 {
					p.Expire(ctx, keyDayUniqueCounts(period), ttl)
				}
				return nil
			})
			if err == nil {
				n++
			}
			return err
		})
	}
	if err := restore("days", now.Add(-dayRetention), keyDayCounts, "20060102", dayRetention); err != nil {
		return n, err
	}
	return n, restore("hours", now.Add(-hourRetention), keyHourCounts, "2006010215", hourRetention)
}

// Tally is what a link brought in a span of days.
type Tally struct{ Clicks, Conversions int64 }

// CodeCounts is what each of codes brought on the UTC days from from to to (at most 400):
// from Redis while it keeps the days, else from their rollups. Codes with nothing are
// absent.
func (s *Service) CodeCounts(ctx context.Context, codes []string, from, to time.Time) (map[string]Tally, error) {
	out := map[string]Tally{}
	if len(codes) == 0 {
		return out, nil
	}
	from, to = from.UTC().Truncate(24*time.Hour), to.UTC()
	if to.Sub(from) > 400*24*time.Hour {
		from = to.Add(-400 * 24 * time.Hour).Truncate(24 * time.Hour)
	}
	fields := make([]string, 0, 2*len(codes))
	for _, c := range codes {
		fields = append(fields, KindClick+":"+c, KindConverted+":"+c)
	}
	kept := s.now().Add(-dayRetention)
	var days []time.Time
	var cmds []*redis.SliceCmd
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			days = append(days, d)
			cmds = append(cmds, p.HMGet(ctx, keyDayCounts(d), fields...))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	add := func(field string, n int64) {
		kind, code, _ := strings.Cut(field, ":")
		t := out[code]
		if kind == KindClick {
			t.Clicks += n
		} else {
			t.Conversions += n
		}
		out[code] = t
	}
	for i, d := range days {
		vals := cmds[i].Val()
		found := false
		for j, v := range vals {
			if str, ok := v.(string); ok {
				n, _ := strconv.ParseInt(str, 10, 64)
				add(fields[j], n)
				found = true
			}
		}
		if found || !d.Before(kept) {
			continue
		}
		r, err := s.DayCounts(ctx, d) // a day Redis no longer keeps
		if err != nil {
			return nil, err
		}
		for _, f := range fields {
			if n := r.Counts[f]; n > 0 {
				add(f, n)
			}
		}
	}
	for c, t := range out {
		if t == (Tally{}) {
			delete(out, c)
		}
	}
	return out, nil
}
