package app

import (
	"context"
	"net"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/repurpose/repurpose/tasks"
)

// queueMetrics is the Component that adds the queues' depth to /metrics while it runs.
// The registry is the process's, so when two run in one process the first one counts.
type queueMetrics struct{ app *App }

func (q queueMetrics) Run(ctx context.Context) error {
	c := tasks.NewQueueCollector(q.app.RedisOpt)
	defer c.Close()
	if err := prometheus.Register(c); err == nil {
		defer prometheus.Unregister(c)
	}
	<-ctx.Done()
	return nil
}

// metricsServer serves /metrics on REPURPOSE_METRICS_ADDR for worker and scheduler, which
// have no other HTTP server. It is nil, with a warning, when the address is unset or
// taken: metrics are not worth stopping a worker for.
func (a *App) metricsServer() Component {
	addr := a.Config.Infra.MetricsAddr
	if addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		a.Log.Warn("metrics: cannot listen", "addr", addr, "err", err)
		return nil
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.Handler())
	return NewHTTPServer(ln, mux, a.Log, DefaultLimits)
}
