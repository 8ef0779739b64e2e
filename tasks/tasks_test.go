package tasks

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/repurpose/repurpose/internal/testservices"
)

func TestIdentityRules(t *testing.T) {
	// versitygw quotes ETags, AWS does not: the same drop must give the same TaskID.
	if IngestTaskID("inbox", "a.md", `"abc"`) != IngestTaskID("inbox", "a.md", "abc") {
		t.Error("quoted and bare ETags give different TaskIDs")
	}
	if IngestTaskID("inbox", "a.md", "abc") == IngestTaskID("inbox", "a.md", "abd") {
		t.Error("new bytes (a new ETag) reuse the TaskID")
	}
	if SourceID("inbox", "a.md") == SourceID("inbox", "b.md") || SourceID("inbox", "a.md") == SourceID("drop", "a.md") {
		t.Error("different inbox objects share a source ID")
	}
	if SourceID("inbox", "a.md") != SourceID("inbox", "a.md") || len(SourceID("inbox", "a.md")) != 16 {
		t.Error("a source ID is not a stable 16-hex hash")
	}
}

func TestDecodeIngest(t *testing.T) {
	if _, err := DecodeIngest([]byte(`{"bucket":"inbox"}`)); err == nil {
		t.Error("a payload without a key decoded")
	}
	in, err := DecodeIngest([]byte(`{"bucket":"inbox","key":"k","etag":"e","size":3}`))
	if err != nil || in != (Ingest{Bucket: "inbox", Key: "k", ETag: "e", Size: 3}) {
		t.Errorf("DecodeIngest = %+v, %v", in, err)
	}
}

// The queue collector reports each queue's tasks by state from a real redis-server (asynq
// reads memory usage, which miniredis lacks).
func TestQueueCollectorReportsDepthByState(t *testing.T) {
	opt, err := RedisOpt(testservices.NewRedis(t).URL)
	if err != nil {
		t.Fatal(err)
	}
	c := NewClient(opt, time.Hour)
	defer c.Close()
	if _, err = c.EnqueueIngest(t.Context(), Ingest{Bucket: "inbox", Key: "a.md", ETag: "1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.EnqueuePublish(t.Context(), Publish{EntryID: "e1", SourceID: "s", At: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	qc := NewQueueCollector(opt)
	defer qc.Close()
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(qc)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			key := mf.GetName()
			for _, l := range m.GetLabel() {
				key += "," + l.GetName() + "=" + l.GetValue()
			}
			got[key] = m.GetGauge().GetValue()
		}
	}
	for key, want := range map[string]float64{
		"repurpose_queue_tasks,queue=ingest,state=pending":    1,
		"repurpose_queue_tasks,queue=publish,state=scheduled": 1,
		"repurpose_queue_tasks,queue=publish,state=pending":   0,
		"repurpose_queue_up": 1,
	} {
		if v, ok := got[key]; !ok || v != want {
			t.Errorf("%s = %v (present %v), want %v", key, v, ok, want)
		}
	}
}
