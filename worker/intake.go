package worker

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// Queuer asks for an inbox object to be ingested (toolkit.Toolkit.Queue).
type Queuer interface {
	Queue(ctx context.Context, in tasks.Ingest) (bool, error)
}

// maxEventBody bounds a notification body; S3 batches are far smaller.
const maxEventBody = 1 << 20

// EventsHandler serves POST /events/s3. It authenticates the sender by the events token
// (a bearer header, or a token query parameter for webhook senders that can only be
// given a URL), answers test events at once even while Redis is unreachable, and
// answers 503 for events it cannot queue yet, so the sender may try again.
func EventsHandler(q Queuer, inbox config.Location, token string, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			toolkit.WriteError(w, http.StatusMethodNotAllowed, "method_not_allowed", "send events with POST")
			return
		}
		if token != "" && !validToken(r, token) {
			toolkit.WriteError(w, http.StatusUnauthorized, "unauthorized", "send the events token as Authorization: Bearer <token> or ?token=<token>")
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxEventBody+1))
		if err != nil || len(body) > maxEventBody {
			toolkit.WriteError(w, http.StatusRequestEntityTooLarge, "too_large", "an event notification must be under 1 MiB")
			return
		}
		events, notice, err := DecodeEvents(body)
		if err != nil {
			toolkit.WriteError(w, http.StatusBadRequest, "bad_event", err.Error())
			return
		}
		if notice.SubscribeURL != "" {
			// Confirming means fetching a URL from the request; an operator does that.
			log.Warn("SNS subscription needs confirming: open its SubscribeURL once", "subscribe_url", notice.SubscribeURL)
		}
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		queued, ignored := 0, 0
		for _, e := range events {
			if e.Bucket != inbox.Bucket || !strings.HasPrefix(e.Key, inbox.Prefix) || strings.HasSuffix(e.Key, "/") {
				ignored++
				continue
			}
			added, err := q.Queue(ctx, tasks.Ingest{Bucket: e.Bucket, Key: e.Key, ETag: e.ETag, Size: e.Size})
			if err != nil {
				log.Error("cannot queue event", "bucket", e.Bucket, "key", e.Key, "err", err)
				toolkit.WriteError(w, http.StatusServiceUnavailable, "unavailable", "cannot queue work right now; send the event again")
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
