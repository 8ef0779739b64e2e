package translations

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/record"
)

// A regional team translates a whole source into its locale at once: the queue is
// grouped by source with each locale's progress, and one action asks the provider for
// every text of a source still missing in a locale. Each text that fails keeps its
// reason in Redis until it is translated, so the queue shows it beside the text.

// Failed is the queue status of a text whose machine translation failed and that has no
// translation yet.
const Failed = "failed"

// Progress is how far a source's translation into one locale has come.
type Progress struct {
	Locale   string `json:"locale"`
	Total    int    `json:"total"`
	Approved int    `json:"approved"`
	Draft    int    `json:"draft"`
	Rejected int    `json:"rejected"`
	Missing  int    `json:"missing"` // failed ones included
	Failed   int    `json:"failed"`
}

// SourceQueue is one source's texts awaiting or holding translations.
type SourceQueue struct {
	SourceID string      `json:"source_id"`
	Title    string      `json:"title"`
	Key      string      `json:"key"`
	Progress []Progress  `json:"progress"` // one per locale of the scope, in order
	Items    []QueueItem `json:"items"`    // in the listed locale and status
}

// ProgressOf is the progress into locale, or nil when the source has nothing for it.
func (q *SourceQueue) ProgressOf(locale string) *Progress {
	for i := range q.Progress {
		if q.Progress[i].Locale == locale {
			return &q.Progress[i]
		}
	}
	return nil
}

// BySource lists the queue grouped by source, newest sources' texts as Queue orders
// them: every group carries its progress in each locale of scope, and its items in
// locale with status ("" for any). Sources with nothing to translate in scope are left
// out.
func (s *Service) BySource(ctx context.Context, scope Scope, locale, status string) ([]SourceQueue, error) {
	all, err := s.Queue(ctx, scope, "")
	if err != nil {
		return nil, err
	}
	var out []SourceQueue
	at := map[string]int{}
	for _, it := range all {
		i, ok := at[it.Derivative.SourceID]
		if !ok {
			i = len(out)
			at[it.Derivative.SourceID] = i
			g := SourceQueue{SourceID: it.Derivative.SourceID}
			for _, l := range scope.Locales() {
				g.Progress = append(g.Progress, Progress{Locale: l})
			}
			out = append(out, g)
		}
		g := &out[i]
		if p := g.ProgressOf(it.Locale); p != nil {
			p.Total++
			switch it.Status {
			case string(record.Approved):
				p.Approved++
			case string(record.Draft):
				p.Draft++
			case string(record.Rejected):
				p.Rejected++
			case Failed:
				p.Failed++
				p.Missing++
			default:
				p.Missing++
			}
		}
		if it.Locale == locale && (status == "" || it.Status == status || status == Missing && it.Status == Failed) {
			g.Items = append(g.Items, it)
		}
	}
	for i := range out {
		g := &out[i]
		g.Progress = slices.DeleteFunc(g.Progress, func(p Progress) bool { return p.Total == 0 })
		if src, err := s.rec.Source(ctx, g.SourceID); err == nil {
			g.Title, g.Key = src.Title, src.Key
		}
	}
	return out, nil
}

// BatchLimit bounds one batch: the texts asked for, and how long it may take.
const (
	BatchLimit   = 100
	batchTimeout = 45 * time.Second
	// batchWorkers texts are with the provider at once.
	batchWorkers = 4
)

// ItemError is one text a batch could not translate, and why in words.
type ItemError struct {
	DerivativeID string `json:"derivative_id"`
	Label        string `json:"label"` // what the text is: "tweet on x"
	Error        string `json:"error"`
}

// BatchResult is what one batch did.
type BatchResult struct {
	SourceID   string      `json:"source_id"`
	Locale     string      `json:"locale"`
	Translated int         `json:"translated"`
	Failed     []ItemError `json:"failed"`
	// Remaining texts are still missing and were not tried (beyond the batch's bound or
	// time), failed ones of earlier batches of this run not counted.
	Remaining int `json:"remaining"`
}

// BatchOptions shape a batch.
type BatchOptions struct {
	// Max texts to ask for (at most BatchLimit; 0 means BatchLimit).
	Max int
	// Retry asks again for texts that failed before; without it they are skipped, so a
	// run of several batches tries each text once.
	Retry bool
	// Log gets each failure's cause, which people are shown in words only.
	Log *slog.Logger
}

// MachineSource machine-translates into locale the approved texts of a source in scope
// that have no translation there yet, at most opt.Max of them, several at a time. Each
// becomes a draft to check and approve; each failure is kept with its reason.
func (s *Service) MachineSource(ctx context.Context, scope Scope, sourceID, locale, by string, opt BatchOptions) (*BatchResult, error) {
	if s.provider == nil {
		return nil, errs.E("translations.MachineSource", errs.Conflict, "no translation provider is configured: translation is human-only")
	}
	if _, ok := scope[locale]; !ok {
		return nil, errs.E("translations.MachineSource", errs.Forbidden, "the locale "+locale+" is not one of yours")
	}
	if opt.Max <= 0 || opt.Max > BatchLimit {
		opt.Max = BatchLimit
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	items, err := s.BySource(ctx, Scope{locale: scope[locale]}, locale, "")
	if err != nil {
		return nil, err
	}
	res := &BatchResult{SourceID: sourceID, Locale: locale, Failed: []ItemError{}}
	var todo []QueueItem
	for _, g := range items {
		if g.SourceID != sourceID {
			continue
		}
		for _, it := range g.Items {
			if it.Status == Missing || it.Status == Failed && opt.Retry {
				todo = append(todo, it)
			}
		}
	}
	// Texts that failed before go first, so a run of several batches retries them too.
	slices.SortStableFunc(todo, func(a, b QueueItem) int {
		return strings.Compare(a.Status, b.Status) // "failed" < "missing"
	})
	if len(todo) > opt.Max {
		res.Remaining, todo = len(todo)-opt.Max, todo[:opt.Max]
	}
	ctx, cancel := context.WithTimeout(ctx, batchTimeout)
	defer cancel()
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, batchWorkers)
	for _, it := range todo {
		select {
		case <-ctx.Done():
			mu.Lock()
			res.Remaining++
			mu.Unlock()
			continue
		case sem <- struct{}{}:
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			d := it.Derivative
			_, err := s.translate(ctx, d.ID, locale, Input{Machine: true}, by)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				res.Translated++
				return
			}
			if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
				res.Remaining++ // out of time, not the text's fault
				return
			}
			opt.Log.WarnContext(ctx, "machine translation", "source", sourceID, "derivative", d.ID, "locale", locale, "err", err)
			msg := reason(err)
			res.Failed = append(res.Failed, ItemError{DerivativeID: d.ID, Label: string(d.Kind) + " on " + string(d.Channel), Error: msg})
			s.recordFailure(context.WithoutCancel(ctx), d.SourceID, Key(d.ID, locale), msg)
		}()
	}
	wg.Wait()
	if res.Translated > 0 {
		s.changed(context.WithoutCancel(ctx), sourceID, "translation "+locale, true)
	}
	slices.SortFunc(res.Failed, func(a, b ItemError) int { return strings.Compare(a.DerivativeID, b.DerivativeID) })
	return res, nil
}

// reason is what a person is told about a failed translation: the error's message, with
// a capital letter.
func reason(err error) string {
	msg := errs.Message(err)
	if errs.KindOf(err) == errs.Other {
		msg = "the toolkit cannot reach its storage right now; try again shortly"
	}
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:]
}

// Failures of machine translation, per source: Key -> failure JSON, until the text is
// translated.
func keyFailures(sourceID string) string { return "repurpose:trfail:" + sourceID }

// failureTTL is how long a failure is remembered without a new one.
const failureTTL = 30 * 24 * time.Hour

type failure struct {
	Error string    `json:"error"`
	At    time.Time `json:"at"`
}

func (s *Service) recordFailure(ctx context.Context, sourceID, key, msg string) {
	b, _ := json.Marshal(failure{Error: msg, At: s.now()})
	s.rdb.HSet(ctx, keyFailures(sourceID), key, b)
	s.rdb.Expire(ctx, keyFailures(sourceID), failureTTL)
}

// clearFailure forgets a text's failure once it has a translation.
func (s *Service) clearFailure(ctx context.Context, sourceID, key string) {
	s.rdb.HDel(ctx, keyFailures(sourceID), key)
}

// failures reads the recorded failures of sources, keyed by source then Key.
func (s *Service) failures(ctx context.Context, sourceIDs []string) (map[string]map[string]failure, error) {
	out := map[string]map[string]failure{}
	for _, id := range sourceIDs {
		vals, err := s.rdb.HGetAll(ctx, keyFailures(id)).Result()
		if err != nil {
			return nil, err
		}
		for k, v := range vals {
			var f failure
			if json.Unmarshal([]byte(v), &f) == nil {
				if out[id] == nil {
					out[id] = map[string]failure{}
				}
				out[id][k] = f
			}
		}
	}
	return out, nil
}
