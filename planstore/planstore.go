// Package planstore keeps publishing plans: each source's plan and each post's outcome
// in S3, and in Redis the calendar per region, every account's booked instants and the
// entries by ID, rebuilt from S3 by ReindexPlans. It serves no HTTP; the planning itself
// is package scheduler's.
package planstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
)

// A source's plan (every region, every channel)
// is one object in S3, plans/{source}.json; each post's publishing outcome is its own
// object, posts/{entry}.json, written by the publisher without touching the plan. Redis
// holds the calendar per region, every account's booked instants (the capacity all
// sources share), and the entries by ID, all rebuilt from S3 by Reindex.

// Plan entry statuses.
const (
	Planned   = "planned"
	Cancelled = "cancelled"
	// Unplanned entries found no slot (no window within the horizon, or the evergreen
	// cooldown); Reason says why.
	Unplanned = "unplanned"
)

// PostState is the publishing outcome of a plan entry. Its "failed" is a post the
// channel refused, not a source that failed (record.StatusFailed).
type PostState string

// Post states.
const (
	// Publishing: the intent is recorded and the channel is being called. Found after a
	// crash, the outcome is unknown.
	Publishing PostState = "publishing"
	Published  PostState = "published"
	// FailedPost: the channel refused the post; Error has its message.
	FailedPost PostState = "failed"
	// Unknown: the post may or may not be out; a person must look and resolve it.
	Unknown PostState = "unknown"
	// Waiting: the channel asked us to come back later (nothing was posted), or will
	// recognise a repeat; the task is retried.
	Waiting PostState = "waiting"
)

// Plan is one source's publishing plan across every region.
type Plan struct {
	SourceID  string      `json:"source_id"`
	Version   string      `json:"version"`
	Entries   []PlanEntry `json:"entries"`
	PlannedAt time.Time   `json:"planned_at"`
	// Notes say why a region gets nothing of the source, for its calendar.
	Notes []Note `json:"notes,omitempty"`
}

// Note is why a region's calendar has nothing of a source.
type Note struct {
	Region   string `json:"region"`
	SourceID string `json:"source_id"`
	Title    string `json:"title,omitempty"`
	Reason   string `json:"reason"`
}

// PlanEntry is one post planned on one account.
type PlanEntry struct {
	ID           string `json:"id"`
	SourceID     string `json:"source_id"`
	DerivativeID string `json:"derivative_id"`
	Kind         string `json:"kind"`
	Channel      string `json:"channel"`
	Locale       string `json:"locale"`
	Region       string `json:"region"`
	Account      string `json:"account"`
	// Occurrence is 0 for the drip and n for the nth evergreen recycle.
	Occurrence int       `json:"occurrence"`
	At         time.Time `json:"at"`
	Status     string    `json:"status"`
	Reason     string    `json:"reason,omitempty"`
	// Manual is a time a person chose: re-planning keeps it.
	Manual bool `json:"manual,omitempty"`
	// Lead is the words a recycle starts with, so it is not the identical text again.
	Lead string `json:"lead,omitempty"`
	// TextHash identifies the text as it goes out (the evergreen cooldown compares it).
	TextHash string `json:"text_hash,omitempty"`
	// Link is the link the post carries: its tracked link (Code, leading to Target) when
	// tracking is on, else the document's own.
	Link   string `json:"link,omitempty"`
	Code   string `json:"code,omitempty"`
	Target string `json:"target,omitempty"`
}

// EntryID is the stable ID of a post: the same derivative, locale, region, channel and
// occurrence is the same entry in every re-plan.
func EntryID(sourceID, derivID, locale, region, channel string, occurrence int) string {
	h := sha256.Sum256([]byte(strings.Join([]string{sourceID, derivID, locale, region, channel, strconv.Itoa(occurrence)}, "\x00")))
	return hex.EncodeToString(h[:10])
}

// PostRecord is what happened when an entry was published.
type PostRecord struct {
	EntryID  string    `json:"entry_id"`
	SourceID string    `json:"source_id"`
	State    PostState `json:"state"`
	Attempts int       `json:"attempts"`
	RemoteID string    `json:"remote_id,omitempty"`
	URL      string    `json:"url,omitempty"`
	IDs      []string  `json:"ids,omitempty"`
	// Uploaded maps the SHA-256 of each file an attempt uploaded to the channel's ID for
	// it, so the next attempt attaches it instead of uploading it again.
	Uploaded map[string]string `json:"uploaded,omitempty"`
	// Error is the channel's message for a refused post, or why the outcome is unknown.
	Error string `json:"error,omitempty"`
	// WaitingFor names the account a Waiting post waits to be connected: connecting it
	// plans the post again.
	WaitingFor string    `json:"waiting_for,omitempty"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at,omitzero"`
	// ResolvedBy names who settled an unknown outcome, and how (published or not).
	ResolvedBy string `json:"resolved_by,omitempty"`
}

// Store keeps the plans and post records of a record's sources.
type Store struct {
	rec *record.Store
	cfg *config.Config
	rdb redis.UniversalClient
	enq *tasks.Client // nil where nothing asks for work
	loc config.Location
	now func() time.Time
	log *slog.Logger
}

// New returns the plan store beside rec; enq may be nil; now is the clock.
func New(rec *record.Store, cfg *config.Config, rdb redis.UniversalClient, enq *tasks.Client, now func() time.Time, log *slog.Logger) *Store {
	return &Store{rec: rec, cfg: cfg, rdb: rdb, enq: enq, loc: cfg.Infra.Toolkit, now: now, log: log}
}

// Redis keys of the publishing index.
const (
	keyEntry = "repurpose:entry" // hash: entry id -> PlanEntry JSON
	keyPost  = "repurpose:post"  // hash: entry id -> PostRecord JSON
)

func keyCalendar(region string) string { return "repurpose:cal:" + region }      // zset: entry id by unix time
func keySlots(account string) string   { return "repurpose:slots:" + account }   // hash: entry id -> "unix|texthash|source"
func keyNotes(region string) string    { return "repurpose:calnotes:" + region } // hash: source id -> Note

func (st *Store) planKey(sourceID string) string {
	return st.loc.Prefix + "plans/" + sourceID + ".json"
}
func (st *Store) postKey(entryID string) string { return st.loc.Prefix + "posts/" + entryID + ".json" }
func (st *Store) pausesKey() string             { return st.loc.Prefix + "pauses.json" }

// SourcePlan reads a source's plan; nil when it has none.
func (st *Store) SourcePlan(ctx context.Context, sourceID string) (*Plan, error) {
	var p Plan
	err := st.rec.GetJSON(ctx, st.planKey(sourceID), &p)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// SavePlan stores a source's new plan and re-indexes its entries, replacing old's.
func (st *Store) SavePlan(ctx context.Context, p, old *Plan) error {
	if err := st.rec.PutJSON(ctx, st.planKey(p.SourceID), p); err != nil {
		return err
	}
	return st.indexPlan(ctx, p, old)
}

// books reports whether an entry takes a slot: planned, or already out.
func books(e PlanEntry) bool { return e.Status == Planned }

func (st *Store) indexPlan(ctx context.Context, p, old *Plan) error {
	_, err := st.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		if old != nil {
			for _, e := range old.Entries {
				pipe.HDel(ctx, keyEntry, e.ID)
				pipe.ZRem(ctx, keyCalendar(e.Region), e.ID)
				pipe.HDel(ctx, keySlots(e.Account), e.ID)
			}
			for _, n := range old.Notes {
				pipe.HDel(ctx, keyNotes(n.Region), old.SourceID)
			}
		}
		for _, n := range p.Notes {
			b, err := json.Marshal(n)
			if err != nil {
				return err
			}
			pipe.HSet(ctx, keyNotes(n.Region), p.SourceID, b)
		}
		for _, e := range p.Entries {
			b, err := json.Marshal(e)
			if err != nil {
				return err
			}
			pipe.HSet(ctx, keyEntry, e.ID, b)
			if e.Code != "" {
				if err := links.Register(ctx, pipe, []links.Link{{Code: e.Code, Target: e.Target, DerivativeID: e.DerivativeID, SourceID: e.SourceID,
					Kind: e.Kind, Channel: e.Channel, Region: e.Region, Locale: e.Locale}}); err != nil {
					return err
				}
			}
			if books(e) {
				pipe.ZAdd(ctx, keyCalendar(e.Region), redis.Z{Score: float64(e.At.Unix()), Member: e.ID})
				pipe.HSet(ctx, keySlots(e.Account), e.ID, fmt.Sprintf("%d|%s|%s", e.At.Unix(), e.TextHash, e.SourceID))
			}
		}
		return nil
	})
	return err
}

// Slot is an instant booked on an account.
type Slot struct {
	At       time.Time
	TextHash string
	SourceID string
}

// Booked lists the instants booked on an account by every source but except.
func (st *Store) Booked(ctx context.Context, account, except string) ([]Slot, error) {
	vals, err := st.rdb.HGetAll(ctx, keySlots(account)).Result()
	if err != nil {
		return nil, err
	}
	out := make([]Slot, 0, len(vals))
	for _, v := range vals {
		parts := strings.SplitN(v, "|", 3)
		if len(parts) != 3 || parts[2] == except {
			continue
		}
		sec, err := strconv.ParseInt(parts[0], 10, 64)
		if err != nil {
			continue
		}
		out = append(out, Slot{At: time.Unix(sec, 0).UTC(), TextHash: parts[1], SourceID: parts[2]})
	}
	return out, nil
}

// Entry reads one plan entry from the index.
func (st *Store) Entry(ctx context.Context, id string) (*PlanEntry, error) {
	return record.IndexedValue[PlanEntry](ctx, st.rdb, keyEntry, id)
}

// PostRecord reads an entry's publishing record; nil when it was never attempted.
func (st *Store) PostRecord(ctx context.Context, entryID string) (*PostRecord, error) {
	var r PostRecord
	err := st.rec.GetJSON(ctx, st.postKey(entryID), &r)
	if errors.Is(err, s3store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// PutPostRecord stores an entry's publishing record, then indexes it.
func (st *Store) PutPostRecord(ctx context.Context, r *PostRecord) error {
	if err := st.rec.PutJSON(ctx, st.postKey(r.EntryID), r); err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return st.rdb.HSet(ctx, keyPost, r.EntryID, b).Err()
}

// CalendarItem is a plan entry with its outcome, as calendars show it.
type CalendarItem struct {
	PlanEntry
	Post *PostRecord `json:"post,omitempty"`
}

// Calendar lists a region's booked entries in [from, to), in time order.
func (st *Store) Calendar(ctx context.Context, region string, from, to time.Time) ([]CalendarItem, error) {
	ids, err := st.rdb.ZRangeByScore(ctx, keyCalendar(region), &redis.ZRangeBy{
		Min: strconv.FormatInt(from.Unix(), 10), Max: "(" + strconv.FormatInt(to.Unix(), 10)}).Result()
	if err != nil || len(ids) == 0 {
		return []CalendarItem{}, err
	}
	return st.calendarItems(ctx, ids)
}

// CalendarNotes are why a region's calendar has nothing of some sources, by title.
func (st *Store) CalendarNotes(ctx context.Context, region string) ([]Note, error) {
	vals, err := st.rdb.HVals(ctx, keyNotes(region)).Result()
	if err != nil {
		return nil, err
	}
	out := make([]Note, 0, len(vals))
	for _, v := range vals {
		var n Note
		if err := json.Unmarshal([]byte(v), &n); err != nil {
			return nil, fmt.Errorf("calendar note in %s: %w", region, err)
		}
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b Note) int {
		return cmp.Or(strings.Compare(a.Title, b.Title), strings.Compare(a.SourceID, b.SourceID))
	})
	return out, nil
}

// calendarItems reads entries with their outcomes, in the order of ids.
func (st *Store) calendarItems(ctx context.Context, ids []string) ([]CalendarItem, error) {
	entries, err := st.rdb.HMGet(ctx, keyEntry, ids...).Result()
	if err != nil {
		return nil, err
	}
	posts, err := st.rdb.HMGet(ctx, keyPost, ids...).Result()
	if err != nil {
		return nil, err
	}
	out := make([]CalendarItem, 0, len(ids))
	for i := range ids {
		s, ok := entries[i].(string)
		if !ok {
			continue
		}
		var it CalendarItem
		if err := json.Unmarshal([]byte(s), &it.PlanEntry); err != nil {
			return nil, fmt.Errorf("index entry %s: %w", ids[i], err)
		}
		if ps, ok := posts[i].(string); ok {
			it.Post = &PostRecord{}
			if err := json.Unmarshal([]byte(ps), it.Post); err != nil {
				return nil, fmt.Errorf("index post %s: %w", ids[i], err)
			}
		}
		out = append(out, it)
	}
	return out, nil
}

// PostRecords reads the publishing records of entries from the index, by entry ID;
// entries never attempted are absent.
func (st *Store) PostRecords(ctx context.Context, ids []string) (map[string]*PostRecord, error) {
	return record.IndexedValues[PostRecord](ctx, st.rdb, keyPost, ids)
}

// Pause is a region ("emea") or region channel ("emea/x") that publishes nothing new.
type Pause struct {
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// Pauses are the paused regions and region channels; one small object.
type Pauses map[string]Pause

// Paused reads what is paused.
func (st *Store) Paused(ctx context.Context) (Pauses, error) {
	p := Pauses{}
	err := st.rec.GetJSON(ctx, st.pausesKey(), &p)
	if errors.Is(err, s3store.ErrNotFound) {
		return Pauses{}, nil
	}
	return p, err
}

// SetPaused pauses (or resumes) a region or region channel.
func (st *Store) SetPaused(ctx context.Context, what string, paused bool, by string) error {
	return st.rec.Locks().WithLock(ctx, "pauses", func() error {
		p, err := st.Paused(ctx)
		if err != nil {
			return err
		}
		if paused {
			p[what] = Pause{By: by, At: st.now()}
		} else {
			delete(p, what)
		}
		return st.rec.PutJSON(ctx, st.pausesKey(), p)
	})
}

// Replan asks for a source to be planned again (record.Store.Replan).
func (st *Store) Replan(ctx context.Context, sourceID, why string) { st.rec.Replan(ctx, sourceID, why) }

// keyPlanConfig holds the hash of the publishing settings plans were last made with.
const keyPlanConfig = "repurpose:plan-config"

// ReplanIfConfigChanged re-plans every ready or withdrawn source when the publishing
// settings (regions, plans, accounts) differ from those the plans were made with, so a
// new window, cap, holiday or account applies to what is already planned. It reports how
// many sources it asked to re-plan.
func (st *Store) ReplanIfConfigChanged(ctx context.Context) (int, error) {
	f := st.cfg.File
	campaignPlans := map[string]string{}
	for n, c := range f.Campaigns {
		campaignPlans[n] = c.Plan
	}
	b, err := json.Marshal([]any{f.Regions, f.Plans, f.Accounts, campaignPlans})
	if err != nil {
		return 0, err
	}
	sum := sha256.Sum256(b)
	hash := hex.EncodeToString(sum[:])
	old, err := st.rdb.Get(ctx, keyPlanConfig).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return 0, err
	}
	if old == hash || (old == "" && !f.Publishes()) { // unchanged, or nothing was ever planned
		if old == "" {
			return 0, st.rdb.Set(ctx, keyPlanConfig, hash, 0).Err()
		}
		return 0, nil
	}
	n, err := st.ReplanAll(ctx, "settings changed")
	if err != nil {
		return n, err
	}
	return n, st.rdb.Set(ctx, keyPlanConfig, hash, 0).Err()
}

// ReplanAll asks for every ready or withdrawn source to be planned again.
func (st *Store) ReplanAll(ctx context.Context, why string) (int, error) {
	return st.replan(ctx, why, func(s *record.Source) bool { return s.Status == record.StatusReady || s.Withdrawn() })
}

// ReplanRecycling asks, once a UTC day across every process, for each ready source whose
// plan recycles (evergreen) to be planned again, so its recycles go to the snippets that
// perform best on the latest figures rather than on those known at approval. It reports
// how many sources it asked to re-plan (0 when today's re-plan was asked for already).
func (st *Store) ReplanRecycling(ctx context.Context) (int, error) {
	f := &st.cfg.File
	recycles := func(s *record.Source) bool {
		if s.Status != record.StatusReady || s.Withdrawn() {
			return false
		}
		_, c := f.Campaign(s.Campaign)
		ev := f.Plans[c.Plan].Evergreen
		return ev.Recycles() > 0 && ev.Best > 0 && len(ev.Kinds) > 0
	}
	if st.enq == nil || !f.Publishes() {
		return 0, nil
	}
	day := "repurpose:recycle-replan:" + st.now().UTC().Format("20060102")
	if first, err := st.rdb.SetNX(ctx, day, 1, 48*time.Hour).Result(); err != nil || !first {
		return 0, err
	}
	n, err := st.replan(ctx, "fresh figures for evergreen recycling", recycles)
	if err != nil {
		st.rdb.Del(ctx, day) // asked again at the next tick
	}
	return n, err
}

func (st *Store) replan(ctx context.Context, why string, keep func(*record.Source) bool) (int, error) {
	if st.enq == nil {
		return 0, nil
	}
	page, err := st.rec.Sources(ctx, 1<<30, "", keep)
	if err != nil {
		return 0, err
	}
	for i, s := range page.Items {
		if err := st.enq.EnqueuePlan(ctx, tasks.Plan{SourceID: s.ID, Why: why}, st.now().UnixNano()); err != nil {
			return i, err
		}
	}
	return len(page.Items), nil
}

// ReindexPlans rebuilds the publishing index from the plans and post records in S3 and
// queues again every planned post not yet out, under the TaskID it had (so a post still
// queued is not queued twice). A source with a post whose time passed while nothing ran
// it is re-planned instead: the post goes out at its next free slot, not at a random
// hour.
func (st *Store) ReindexPlans(ctx context.Context) (queued, replanned int, err error) {
	recs := map[string]*PostRecord{}
	if err := st.rec.Each(ctx, "posts/", func(key string) error {
		var r PostRecord
		if err := st.rec.GetJSON(ctx, key, &r); err != nil {
			return err
		}
		recs[r.EntryID] = &r
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return st.rdb.HSet(ctx, keyPost, r.EntryID, b).Err()
	}); err != nil {
		return 0, 0, err
	}
	now := st.now()
	err = st.rec.Each(ctx, "plans/", func(key string) error {
		var p Plan
		if err := st.rec.GetJSON(ctx, key, &p); err != nil {
			return err
		}
		if err := st.indexPlan(ctx, &p, &p); err != nil {
			return err
		}
		var due []PlanEntry
		overdue := false
		for _, e := range p.Entries {
			if r := recs[e.ID]; e.Status != Planned || (r != nil && r.State != Waiting && r.State != Publishing) {
				continue
			}
			if recs[e.ID] == nil && e.At.Before(now.Add(-time.Hour)) {
				overdue = true
			}
			due = append(due, e)
		}
		if overdue && st.enq != nil {
			replanned++
			return st.enq.EnqueuePlan(ctx, tasks.Plan{SourceID: p.SourceID, Why: "overdue after reindex"}, now.UnixNano())
		}
		for _, e := range due {
			added, err := st.Queue(ctx, e)
			if err != nil {
				return err
			}
			if added {
				queued++
			}
		}
		return nil
	})
	return queued, replanned, err
}
