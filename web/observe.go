package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	httpRequests = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "repurpose_http_requests_total", Help: "HTTP requests served, by route and status code.",
	}, []string{"route", "code"})
	httpDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name: "repurpose_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
	}, []string{"route"})
)

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

// observe logs each request (with any token in the query redacted) and counts it by route.
// (Tracked-link redirects pass outside it: they keep their own histogram.)
func observe(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		httpRequests.WithLabelValues(route, strconv.Itoa(rec.code)).Inc()
		httpDuration.WithLabelValues(route).Observe(time.Since(start).Seconds())
		level := slog.LevelInfo
		if route == "GET /c/{file}" {
			level = slog.LevelDebug // clicks are counted, not logged one by one
		}
		if !log.Enabled(r.Context(), level) {
			return
		}
		log.LogAttrs(r.Context(), level, "http",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("query", redactQuery(r.URL.RawQuery)), slog.Int("status", rec.code),
			slog.Duration("took", time.Since(start)))
	})
}

// redactQuery hides the value of a token parameter, which webhook senders put in URLs,
// and the authorization code and state an OAuth provider sends back to /oauth/callback.
func redactQuery(raw string) string {
	if raw == "" {
		return ""
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "(unparsable)"
	}
	for k, vs := range q {
		switch k {
		case "token", "access_token", "code", "state":
			q[k] = []string{"REDACTED"}
		case "next": // a sign-in's way back carries the page's own query, secrets and all
			for i, v := range vs {
				if u, err := url.Parse(v); err == nil && u.RawQuery != "" {
					u.RawQuery = redactQuery(u.RawQuery)
					vs[i] = u.String()
				}
			}
		}
	}
	return q.Encode()
}
