// Package tasks names the background work, shapes its payloads, derives TaskIDs and
// enqueues it. Anyone who asks for work (serve, scheduler, toolkit) goes through here.
package tasks

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/config"
)

// Task types.
const (
	// TypeIngest fetches an inbox object, parses and derives it, and stores the bundle.
	TypeIngest = "doc:ingest"
	// TypePlan plans a source's approved derivatives in every region.
	TypePlan = "plan:source"
	// TypePublish publishes one planned post at its instant.
	TypePublish = "post:publish"
	// TypeImages renders a ready source version's cards and carousels.
	TypeImages = "images:render"
)

// Queues, by priority.
const (
	QueueIngest  = "ingest"
	QueuePlan    = "plan"
	QueuePublish = "publish"
	QueueImages  = "images"
)

// Queues maps queue names to asynq priorities: a post due now goes first, then plans
// (people wait for them in the calendar), then documents, then their images (a source
// is ready without them).
var Queues = map[string]int{QueuePublish: 8, QueuePlan: 7, QueueIngest: 6, QueueImages: 5, "default": 3}

// Ingest is the payload of TypeIngest: one version of one inbox object.
type Ingest struct {
	Bucket string `json:"bucket"`
	Key    string `json:"key"`
	// ETag de-duplicates enqueues only; identity is the SHA-256 of the bytes.
	ETag string `json:"etag"`
	Size int64  `json:"size,omitempty"`
	// Force re-processes the object even when its ETag was handled already (a re-run
	// marketing asked for).
	Force bool `json:"force,omitempty"`
}

// SourceID is the stable identity of an inbox key: a hash of bucket/key.
func SourceID(bucket, key string) string {
	h := sha256.Sum256([]byte(bucket + "/" + key))
	return hex.EncodeToString(h[:8])
}

// NormalizeETag strips the quotes some servers keep (versitygw, MinIO) and AWS drops.
func NormalizeETag(etag string) string {
	return strings.Trim(strings.TrimSpace(etag), `"`)
}

// IngestTaskID is the TaskID of (bucket, key, ETag): the same drop enqueues once.
func IngestTaskID(bucket, key, etag string) string {
	h := sha256.Sum256([]byte(bucket + "/" + key + "@" + NormalizeETag(etag)))
	return "ingest-" + hex.EncodeToString(h[:16])
}

// Client enqueues tasks.
type Client struct {
	c         *asynq.Client
	retention time.Duration
}

// NewClient returns a client on the given Redis connection. Retention keeps finished
// tasks, and so their TaskIDs, for that long.
func NewClient(redis asynq.RedisConnOpt, retention time.Duration) *Client {
	return &Client{c: asynq.NewClient(redis), retention: retention}
}

// Close releases the connection.
func (c *Client) Close() error { return c.c.Close() }

// EnqueueIngest queues an ingest. It reports false, with no error, when the same
// (bucket, key, ETag) is already queued, running or recently done.
func (c *Client) EnqueueIngest(ctx context.Context, in Ingest) (bool, error) {
	in.ETag = NormalizeETag(in.ETag)
	return c.enqueueIngest(ctx, in, IngestTaskID(in.Bucket, in.Key, in.ETag))
}

// RerunTaskID is the TaskID of one re-run of (bucket, key, ETag): n (a counter or a
// timestamp) makes each re-run distinct from the original ingest and from earlier re-runs.
func RerunTaskID(bucket, key, etag string, n int64) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%s@%s#%d", bucket, key, NormalizeETag(etag), n)))
	return "rerun-" + hex.EncodeToString(h[:16])
}

// EnqueueRerun queues an ingest of an object that may have been processed already, with
// Force set so the worker does it again. n tells re-runs apart (RerunTaskID); it reports
// false when that very re-run is already queued.
func (c *Client) EnqueueRerun(ctx context.Context, in Ingest, n int64) (bool, error) {
	in.ETag = NormalizeETag(in.ETag)
	in.Force = true
	return c.enqueueIngest(ctx, in, RerunTaskID(in.Bucket, in.Key, in.ETag, n))
}

func (c *Client) enqueueIngest(ctx context.Context, in Ingest, taskID string) (bool, error) {
	payload, err := json.Marshal(in)
	if err != nil {
		return false, err
	}
	_, err = c.c.EnqueueContext(ctx, asynq.NewTask(TypeIngest, payload),
		asynq.TaskID(taskID),
		asynq.Queue(QueueIngest),
		asynq.MaxRetry(10),
		asynq.Timeout(5*time.Minute),
		asynq.Retention(c.retention))
	if errors.Is(err, asynq.ErrTaskIDConflict) || errors.Is(err, asynq.ErrDuplicateTask) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("enqueue %s %s/%s: %w", TypeIngest, in.Bucket, in.Key, err)
	}
	return true, nil
}

// DecodeIngest reads a TypeIngest payload.
func DecodeIngest(payload []byte) (Ingest, error) {
	var in Ingest
	if err := json.Unmarshal(payload, &in); err != nil {
		return in, fmt.Errorf("ingest payload: %w", err)
	}
	if in.Bucket == "" || in.Key == "" {
		return in, errors.New("ingest payload: bucket and key are required")
	}
	return in, nil
}

// Plan is the payload of TypePlan.
type Plan struct {
	SourceID string `json:"source_id"`
	// Why says what asked for it (approval, translation, withdraw, config), for the log.
	Why string `json:"why,omitempty"`
}

// EnqueuePlan asks for a source to be (re-)planned. Planning is idempotent, so every ask
// is a task of its own; n tells them apart.
func (c *Client) EnqueuePlan(ctx context.Context, p Plan, n int64) error {
	payload, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = c.c.EnqueueContext(ctx, asynq.NewTask(TypePlan, payload),
		asynq.TaskID(fmt.Sprintf("plan-%s-%d", p.SourceID, n)),
		asynq.Queue(QueuePlan), asynq.MaxRetry(20), asynq.Timeout(2*time.Minute), asynq.Retention(time.Hour))
	if errors.Is(err, asynq.ErrTaskIDConflict) || errors.Is(err, asynq.ErrDuplicateTask) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("enqueue %s %s: %w", TypePlan, p.SourceID, err)
	}
	return nil
}

// Images is the payload of TypeImages: one version of one source.
type Images struct {
	SourceID string `json:"source_id"`
	Version  string `json:"version"`
}

// ImagesTimeout bounds the rendering of one source's images.
const ImagesTimeout = 2 * time.Minute

// EnqueueImages asks for a source version's images to be rendered; n tells a re-render
// (by reindex) apart from the first.
func (c *Client) EnqueueImages(ctx context.Context, im Images, n int64) error {
	payload, err := json.Marshal(im)
	if err != nil {
		return err
	}
	_, err = c.c.EnqueueContext(ctx, asynq.NewTask(TypeImages, payload),
		asynq.TaskID(fmt.Sprintf("images-%s-%s-%d", im.SourceID, im.Version, n)),
		asynq.Queue(QueueImages), asynq.MaxRetry(5), asynq.Timeout(ImagesTimeout), asynq.Retention(time.Hour))
	if errors.Is(err, asynq.ErrTaskIDConflict) || errors.Is(err, asynq.ErrDuplicateTask) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("enqueue %s %s: %w", TypeImages, im.SourceID, err)
	}
	return nil
}

// DecodeImages reads a TypeImages payload.
func DecodeImages(payload []byte) (Images, error) {
	var im Images
	if err := json.Unmarshal(payload, &im); err != nil || im.SourceID == "" || im.Version == "" {
		return im, fmt.Errorf("images payload %q: a source_id and a version are required", payload)
	}
	return im, nil
}

// DecodePlan reads a TypePlan payload.
func DecodePlan(payload []byte) (Plan, error) {
	var p Plan
	if err := json.Unmarshal(payload, &p); err != nil || p.SourceID == "" {
		return p, fmt.Errorf("plan payload %q: a source_id is required", payload)
	}
	return p, nil
}

// Publish is the payload of TypePublish: one plan entry at its planned instant.
type Publish struct {
	EntryID  string    `json:"entry_id"`
	SourceID string    `json:"source_id"`
	At       time.Time `json:"at"`
}

// PublishTaskID is the TaskID of a plan entry at an instant: the same entry planned at
// the same time is queued once (reindex re-enqueues under it); a new time is a new task.
func PublishTaskID(entryID string, at time.Time) string {
	return fmt.Sprintf("post-%s-%d", entryID, at.Unix())
}

// EnqueuePublish queues a post for its instant (at once when that is past). It reports
// false when that task is already queued or done.
func (c *Client) EnqueuePublish(ctx context.Context, p Publish) (bool, error) {
	payload, err := json.Marshal(p)
	if err != nil {
		return false, err
	}
	_, err = c.c.EnqueueContext(ctx, asynq.NewTask(TypePublish, payload),
		asynq.TaskID(PublishTaskID(p.EntryID, p.At)), asynq.ProcessAt(p.At),
		asynq.Queue(QueuePublish), asynq.MaxRetry(25), asynq.Timeout(2*time.Minute),
		asynq.Retention(c.retention))
	if errors.Is(err, asynq.ErrTaskIDConflict) || errors.Is(err, asynq.ErrDuplicateTask) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("enqueue %s %s: %w", TypePublish, p.EntryID, err)
	}
	return true, nil
}

// DecodePublish reads a TypePublish payload.
func DecodePublish(payload []byte) (Publish, error) {
	var p Publish
	if err := json.Unmarshal(payload, &p); err != nil || p.EntryID == "" || p.SourceID == "" {
		return p, fmt.Errorf("publish payload %q: entry_id and source_id are required", payload)
	}
	return p, nil
}

// Canceller removes scheduled posts from the queue.
type Canceller struct{ i *asynq.Inspector }

// NewCanceller returns a canceller on the given Redis connection.
func NewCanceller(redis asynq.RedisConnOpt) *Canceller {
	return &Canceller{i: asynq.NewInspector(redis)}
}

// Close releases the connection.
func (c *Canceller) Close() error { return c.i.Close() }

// CancelPublish deletes the task of an entry at an instant, if it is still waiting. A
// task already running is not stopped: the publisher checks the plan before posting.
func (c *Canceller) CancelPublish(entryID string, at time.Time) error {
	err := c.i.DeleteTask(QueuePublish, PublishTaskID(entryID, at))
	if err == nil || errors.Is(err, asynq.ErrTaskNotFound) || errors.Is(err, asynq.ErrQueueNotFound) {
		return nil
	}
	return fmt.Errorf("cancel %s: %w", PublishTaskID(entryID, at), err)
}

// RedisOpt parses redis://host:port/db into asynq's connection options. Its error names
// the URL without its password, as the start-up error is printed and logged.
func RedisOpt(raw string) (asynq.RedisConnOpt, error) {
	opt, err := asynq.ParseRedisURI(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // a url.Error quotes the whole URL, password and all
		}
		return nil, fmt.Errorf("redis url %s: %v (the form is redis://[:password@]host:port/db)", config.RedactURL(raw), err)
	}
	return opt, nil
}
