package app

import (
	"context"
	"errors"
	"log/slog"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/worker"
)

// maxQueuedWrites bounds the inbox writes waiting to be queued; past it, a write is left
// to the inbox scan.
const maxQueuedWrites = 4096

type objectRef struct{ bucket, key string }

// writeQueue is the Component that queues the documents written to up's embedded S3
// inbox for ingestion, so they need not wait for the inbox scan. The endpoint tells it of
// each write (notify) from its request goroutines; Run queues them one by one.
type writeQueue struct {
	inbox  config.Location
	log    *slog.Logger
	app    *App // set before Run
	writes chan objectRef
}

func newWriteQueue(inbox config.Location, log *slog.Logger) *writeQueue {
	return &writeQueue{inbox: inbox, log: log, writes: make(chan objectRef, maxQueuedWrites)}
}

// notify is the embedded endpoint's write hook. It never blocks the endpoint's request.
func (q *writeQueue) notify(bucket, key string) {
	if !q.inbox.HoldsDocument(bucket, key) {
		return
	}
	select {
	case q.writes <- objectRef{bucket, key}:
	default:
		q.log.Warn("too many uploads at once; the inbox scan will queue this one", "key", key)
	}
}

// Run queues each write until ctx ends; what is left then is found by the next scan.
func (q *writeQueue) Run(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case w := <-q.writes:
			_, err := worker.QueueObject(ctx, q.app.S3, q.app.Toolkit.Record().Intake(), w.bucket, w.key)
			if err != nil && !errors.Is(err, s3store.ErrNotFound) && ctx.Err() == nil {
				q.log.Warn("could not queue upload; the inbox scan will", "key", w.key, "err", err)
			}
		}
	}
}
