package worker

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/s3store"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/web/httpx"
)

// Queuer asks for an inbox object to be ingested (record.Intake.Queue).
type Queuer interface {
	Queue(ctx context.Context, in tasks.Ingest) (bool, error)
}

// Header describes an object as S3 has it now (s3store.Store.Head).
type Header interface {
	Head(ctx context.Context, bucket, key string) (*s3store.Info, error)
}

// maxEventBody bounds a notification body; S3 batches are far smaller.
const maxEventBody = 1 << 20

// maxEventObjects bounds the objects one notification may name: S3 sends one record per
// notification, and each object named costs a look-up in S3.
const maxEventObjects = 100

// QueueObject queues an inbox object as S3 has it now: its ETag and size come from S3,
// never from whoever announced it, so an announcement of an object that is not there
// (s3store.ErrNotFound) or of a made-up version changes nothing.
func QueueObject(ctx context.Context, objects Header, q Queuer, bucket, key string) (bool, error) {
	info, err := objects.Head(ctx, bucket, key)
	if err != nil {
		return false, err
	}
	return q.Queue(ctx, tasks.Ingest{Bucket: bucket, Key: key, ETag: info.ETag, Size: info.Size})
}

// EventsHandler serves POST /events/s3. It authenticates the sender by the events token
// (a bearer header, or a token query parameter for webhook senders that can only be
// given a URL; empty only when the operator opened the endpoint), answers test events
// at once even while Redis is unreachable, and answers 503 for events it cannot queue
// yet, so the sender may try again. An event is only a hint: each object named once is
// looked up in the inbox and queued as it is there.
func EventsHandler(q Queuer, objects Header, inbox config.Location, token string, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			httpx.WriteError(w, http.StatusMethodNotAllowed, "method_not_allowed", "send events with POST")
			return
		}
		if token != "" && !validToken(r, token) {
			httpx.WriteError(w, http.StatusUnauthorized, "unauthorized", "send the events token as Authorization: Bearer <token> or ?token=<token>")
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxEventBody+1))
		if err != nil || len(body) > maxEventBody {
			httpx.WriteError(w, http.StatusRequestEntityTooLarge, "too_large", "an event notification must be under 1 MiB")
			return
		}
		events, notice, err := DecodeEvents(body)
		if err != nil {
			httpx.WriteError(w, http.StatusBadRequest, "bad_event", err.Error())
			return
		}
		if len(events) > maxEventObjects {
			httpx.WriteError(w, http.StatusRequestEntityTooLarge, "too_many_events",
				fmt.Sprintf("a notification may name at most %d objects; this one names %d", maxEventObjects, len(events)))
			return
		}
		if notice.SubscribeURL != "" {
			// Confirming means fetching a URL from the request; an operator does that.
			log.Warn("SNS subscription needs confirming: open its SubscribeURL once", "subscribe_url", notice.SubscribeURL)
		}
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		queued, ignored := 0, 0
		seen := map[string]bool{}
		for _, e := range events {
			if seen[e.Bucket+"/"+e.Key] {
				continue // a duplicate
			}
			seen[e.Bucket+"/"+e.Key] = true
			// A key with control characters is no document (versitygw cannot even look one
			// up): answering 503 for it would have the sender retry forever.
			if !inbox.HoldsDocument(e.Bucket, e.Key) || strings.ContainsFunc(e.Key, unicode.IsControl) {
				ignored++
				continue
			}
			added, err := QueueObject(ctx, objects, q, e.Bucket, e.Key)
			if errors.Is(err, s3store.ErrNotFound) || errors.Is(err, s3store.ErrRejected) {
				ignored++ // not in the inbox (any more): nothing to do
				continue
			}
			if err != nil {
				log.Error("cannot queue event", "bucket", e.Bucket, "key", e.Key, "err", err)
				httpx.WriteError(w, http.StatusServiceUnavailable, "unavailable", "cannot queue work right now; send the event again")
				return
			}
			if added {
				queued++
			}
		}
		eventsReceived.WithLabelValues("queued").Add(float64(queued))
		eventsReceived.WithLabelValues("duplicate").Add(float64(len(events) - queued - ignored))
		eventsReceived.WithLabelValues("ignored").Add(float64(ignored))
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]int{"received": len(events), "queued": queued, "ignored": ignored})
	})
}

func validToken(r *http.Request, token string) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		got = r.URL.Query().Get("token")
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(token)) == 1
}
