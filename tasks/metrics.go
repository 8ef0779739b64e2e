package tasks

import (
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

// QueueCollector reports each queue's depth by state, and the age of its oldest pending
// task, read from Redis at every scrape (asynq keeps the counts; nothing is duplicated).
type QueueCollector struct {
	i       *asynq.Inspector
	depth   *prometheus.Desc
	latency *prometheus.Desc
	up      *prometheus.Desc
}

// NewQueueCollector returns a collector on the given Redis connection.
func NewQueueCollector(redis asynq.RedisConnOpt) *QueueCollector {
	return &QueueCollector{
		i:       asynq.NewInspector(redis),
		depth:   prometheus.NewDesc("repurpose_queue_tasks", "Tasks in each queue by state.", []string{"queue", "state"}, nil),
		latency: prometheus.NewDesc("repurpose_queue_latency_seconds", "Age of the oldest pending task in each queue.", []string{"queue"}, nil),
		up:      prometheus.NewDesc("repurpose_queue_up", "Whether the queues could be read from Redis.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *QueueCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.depth
	ch <- c.latency
	ch <- c.up
}

// Collect implements prometheus.Collector.
func (c *QueueCollector) Collect(ch chan<- prometheus.Metric) {
	up := 1.0
	known, err := c.i.Queues() // only queues something was ever queued in exist
	if err != nil {
		up = 0
	}
	for _, q := range known {
		info, err := c.i.GetQueueInfo(q)
		if err != nil {
			up = 0
			continue
		}
		for state, n := range map[string]int{"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled,
			"retry": info.Retry, "archived": info.Archived, "completed": info.Completed} {
			ch <- prometheus.MustNewConstMetric(c.depth, prometheus.GaugeValue, float64(n), q, state)
		}
		ch <- prometheus.MustNewConstMetric(c.latency, prometheus.GaugeValue, info.Latency.Seconds(), q)
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, up)
}

// Close releases the connection.
func (c *QueueCollector) Close() error { return c.i.Close() }
