package shares

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
)

// MyShare is one of a person's shares with what its link brought since.
type MyShare struct {
	Topic       string    `json:"topic"`
	Channel     string    `json:"channel"`
	URL         string    `json:"url"`
	At          time.Time `json:"at"`
	Clicks      int64     `json:"clicks"`
	Conversions int64     `json:"conversions"`
}

// Mine is what GET /api/v1/me/shares answers.
type Mine struct {
	Shares []MyShare `json:"shares"`
}

// Mine lists person's shares, newest first, each with the clicks and conversions of its
// link (none are counted with tracking off: the site's own analytics sees utm_term).
func (s *Service) Mine(ctx context.Context, person string) (*Mine, error) {
	recs, err := s.records(ctx, person)
	if err != nil {
		return nil, err
	}
	out := &Mine{Shares: make([]MyShare, 0, len(recs))}
	if len(recs) == 0 {
		return out, nil
	}
	counts, err := s.counts(ctx, recs, recs[len(recs)-1].At)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		t := counts[r.Code]
		out.Shares = append(out.Shares, MyShare{Topic: r.Topic, Channel: r.Channel, URL: r.URL, At: r.At, Clicks: t.Clicks, Conversions: t.Conversions})
	}
	return out, nil
}

// counts are what the tracked links of recs brought from since until now.
func (s *Service) counts(ctx context.Context, recs []shareRecord, since time.Time) (map[string]links.Tally, error) {
	var codes []string
	for _, r := range recs {
		if r.Code != "" {
			codes = append(codes, r.Code)
		}
	}
	return s.links.CodeCounts(ctx, codes, since, s.now())
}

// Person is one row of a leaderboard.
type Person struct {
	Name        string `json:"name"`
	Shares      int    `json:"shares"`
	Clicks      int64  `json:"clicks"`
	Conversions int64  `json:"conversions"`
}

// Leaderboard is what GET /api/v1/leaderboard answers.
type Leaderboard struct {
	Days   int      `json:"days"`
	Group  string   `json:"group,omitempty"`
	People []Person `json:"people"`
}

// Leaderboard ranks the people of group (a team or a region; "" for everyone) over the
// last days (a number from 1 to 365, "" for 30) by the conversions, then the clicks, their
// links brought in that span, then the shares they made in it. People who opted out are
// left out; at most 100 are listed.
func (s *Service) Leaderboard(ctx context.Context, group, days string) (*Leaderboard, error) {
	n := 30
	if days != "" {
		var err error
		if n, err = strconv.Atoi(days); err != nil || n < 1 || n > 365 {
			return nil, errs.E("shares.Leaderboard", errs.Invalid, "days must be a whole number from 1 to 365")
		}
	}
	since := s.now().AddDate(0, 0, -n)
	people, err := s.rdb.SMembers(ctx, keySharers).Result()
	if err != nil {
		return nil, err
	}
	out := &Leaderboard{Days: n, Group: group, People: []Person{}}
	people = slices.DeleteFunc(people, func(p string) bool { return !s.inGroup(p, group) })
	if len(people) == 0 {
		return out, nil
	}
	var hashes []*redis.MapStringStringCmd
	var optOut []*redis.BoolCmd
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, name := range people {
			hashes = append(hashes, p.HGetAll(ctx, keyShares(name)))
			optOut = append(optOut, p.SIsMember(ctx, keyOptOut, name))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, name := range people {
		if optOut[i].Val() {
			continue
		}
		recs := parseRecords(hashes[i].Val(), s.now().Add(-keepFor))
		counts, err := s.counts(ctx, recs, since)
		if err != nil {
			return nil, err
		}
		row := Person{Name: name}
		for _, r := range recs {
			if r.At.After(since) {
				row.Shares++
			}
		}
		for _, t := range counts {
			row.Clicks += t.Clicks
			row.Conversions += t.Conversions
		}
		if row.Shares > 0 || row.Clicks > 0 || row.Conversions > 0 {
			out.People = append(out.People, row)
		}
	}
	slices.SortFunc(out.People, func(a, b Person) int {
		return cmp.Or(cmp.Compare(b.Conversions, a.Conversions), cmp.Compare(b.Clicks, a.Clicks), cmp.Compare(b.Shares, a.Shares), strings.Compare(a.Name, b.Name))
	})
	out.People = out.People[:min(len(out.People), maxPeople)]
	return out, nil
}

// inGroup: person is on team group or in region group (everyone for "").
func (s *Service) inGroup(person, group string) bool {
	if group == "" {
		return true
	}
	for _, u := range s.file.Users {
		if u.Name == person {
			return strings.EqualFold(u.Team, group) || slices.ContainsFunc(u.Regions, func(r string) bool { return strings.EqualFold(r, group) })
		}
	}
	return false
}

// Settings are a person's sharing settings (GET and PUT /api/v1/me/sharing).
type Settings struct {
	// LeaderboardOptOut keeps the person off every leaderboard.
	LeaderboardOptOut bool `json:"leaderboard_opt_out"`
}

// Settings reads person's sharing settings.
func (s *Service) Settings(ctx context.Context, person string) (*Settings, error) {
	out, err := s.rdb.SIsMember(ctx, keyOptOut, person).Result()
	return &Settings{LeaderboardOptOut: out}, err
}

// SetSettings stores person's sharing settings.
func (s *Service) SetSettings(ctx context.Context, person string, v Settings) (*Settings, error) {
	var err error
	if v.LeaderboardOptOut {
		err = s.rdb.SAdd(ctx, keyOptOut, person).Err()
	} else {
		err = s.rdb.SRem(ctx, keyOptOut, person).Err()
	}
	return &v, err
}
