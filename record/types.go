package record

import (
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/parse"
)

// SourceStatus is where a source is on its way from the inbox: queued, processing,
// ready, failed or withdrawn.
type SourceStatus string

// Source statuses.
const (
	StatusQueued     SourceStatus = "queued"
	StatusProcessing SourceStatus = "processing"
	StatusReady      SourceStatus = "ready"
	// StatusFailed: the document could not be used (Source.Error says why). A post
	// that failed is another matter, with its own type.
	StatusFailed SourceStatus = "failed"
	// StatusWithdrawn: marketing took the source back; its derivatives reach no one.
	StatusWithdrawn SourceStatus = "withdrawn"
)

// ReviewStatus is a person's verdict on a derivative or a translation.
type ReviewStatus string

// Review statuses.
const (
	Draft    ReviewStatus = "draft"
	Approved ReviewStatus = "approved"
	Rejected ReviewStatus = "rejected"
)

// Source is one inbox key: its current version and what became of it. Its S3 copy is
// the record; Redis holds the same JSON for listing.
type Source struct {
	ID     string       `json:"id"`
	Bucket string       `json:"bucket"`
	Key    string       `json:"key"`
	Title  string       `json:"title,omitempty"`
	Status SourceStatus `json:"status"`
	// Error is why the last attempt failed, in words a marketer can act on.
	Error string `json:"error,omitempty"`
	// Version is the SHA-256 of the bytes the derivatives were made from.
	Version string `json:"version,omitempty"`
	ETag    string `json:"etag,omitempty"`
	Size    int64  `json:"size,omitempty"`
	Format  string `json:"format,omitempty"`
	// Outline is the document's section headings in order (with the page for PDF and
	// PowerPoint).
	Outline  []parse.OutlineEntry `json:"outline,omitempty"`
	Lang     string               `json:"lang,omitempty"`
	Campaign string               `json:"campaign,omitempty"`
	Stage    string               `json:"stage,omitempty"`
	Tags     []string             `json:"tags,omitempty"`
	// Regions the document is meant for (front matter); none means every region.
	Regions    []string       `json:"regions,omitempty"`
	Summary    string         `json:"summary,omitempty"`
	LinkTarget string         `json:"link_target,omitempty"`
	Slug       string         `json:"slug,omitempty"`
	Counts     map[string]int `json:"counts,omitempty"`
	// Drafts is how many of the current version's derivatives still wait for review;
	// the index sets it whenever it indexes them.
	Drafts int `json:"drafts,omitempty"`
	// Skipped says which derivatives could not be made valid, and why.
	Skipped []derive.Skipped `json:"skipped,omitempty"`
	// Warnings are what a marketer should know of the document as a whole.
	Warnings []string `json:"warnings,omitempty"`
	// Approved is set once marketing approved the source or any of its derivatives.
	Approved bool `json:"approved"`
	// Superseded lists earlier versions, newest first.
	Superseded []string  `json:"superseded,omitempty"`
	CreatedAt  time.Time `json:"created_at,omitzero"`
	// ReadyAt is when the current version became ready: day 0 of its drip plan.
	ReadyAt   time.Time `json:"ready_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// ObjectTime is the inbox object's LastModified for Version; an older upload never
	// overwrites a newer one.
	ObjectTime time.Time `json:"object_time,omitzero"`
	// WithdrawnBy and WithdrawnAt are set while the source is withdrawn; a new version
	// (or a re-run) clears them.
	WithdrawnBy string    `json:"withdrawn_by,omitempty"`
	WithdrawnAt time.Time `json:"withdrawn_at,omitzero"`
	// Images says whether the current version's cards are rendered (pending, ready or
	// failed); ImagesReason says why they failed, or which cards could not be made.
	Images       ImagesStatus `json:"images,omitempty"`
	ImagesReason string       `json:"images_reason,omitempty"`
}

// Withdrawn reports whether marketing withdrew the source.
func (s *Source) Withdrawn() bool { return s.Status == StatusWithdrawn || !s.WithdrawnAt.IsZero() }

// Derivative is a derivative as the toolkit shows it: what derive made, its review
// status, and where it came from.
type Derivative struct {
	derive.Derivative
	Status   ReviewStatus `json:"status"`
	SourceID string       `json:"source_id,omitempty"`
	Campaign string       `json:"campaign,omitempty"`
	Tags     []string     `json:"tags,omitempty"`
	Regions  []string     `json:"regions,omitempty"`
	// ClaimedBy is the contributor holding the topic, while the claim lasts.
	ClaimedBy string `json:"claimed_by,omitempty"`
	// Canonical is the document's own link when Backlink is a tracked one.
	Canonical string `json:"canonical,omitempty"`
	// ApprovedAt is when the derivative was approved: how fresh the topic is.
	ApprovedAt time.Time `json:"approved_at,omitzero"`
	// Clicks and Conversions are what its links brought lately, in listings sorted by
	// performance.
	Clicks      int64 `json:"clicks,omitempty"`
	Conversions int64 `json:"conversions,omitempty"`
	// EditedBy and EditedAt say who rewrote Text and Template by hand, and when.
	EditedBy string    `json:"edited_by,omitempty"`
	EditedAt time.Time `json:"edited_at,omitzero"`
	// Media are the images and documents the post carries (its card, a LinkedIn
	// carousel, the link preview's image), once rendered.
	Media []Media `json:"media,omitempty"`
}

// Bundle is everything made from one source version: one object per version, so a
// source costs one round trip to read.
type Bundle struct {
	SourceID    string              `json:"source_id"`
	Version     string              `json:"version"`
	Document    *parse.Document     `json:"document"`
	Derivatives []derive.Derivative `json:"derivatives"`
	Skipped     []derive.Skipped    `json:"skipped,omitempty"`
	LinkTarget  string              `json:"link_target"`
	Stage       string              `json:"stage"`
	Campaign    string              `json:"campaign"`
	AutoApprove bool                `json:"auto_approve"`
	// Media are each derivative's rendered cards and carousel, by derivative ID, and
	// Preview the source's title card in the link preview size: derived data, set once
	// the images are rendered (SetImages).
	Media   map[string][]Media `json:"media,omitempty"`
	Preview *Media             `json:"preview,omitempty"`
}

// Decision is a review of one derivative.
type Decision struct {
	Status ReviewStatus `json:"status"`
	By     string       `json:"by"`
	At     time.Time    `json:"at"`
}

// Approvals are the reviews of one source version, and marketing's edits of its
// derivatives (kept together so Reindex rebuilds both from one object).
type Approvals struct {
	Decisions map[string]Decision `json:"decisions"`
	Edits     map[string]Edit     `json:"edits,omitempty"`
}

// Edit is a person's rewrite of one derivative's post.
type Edit struct {
	Template string          `json:"template"`
	Text     string          `json:"text"`
	Length   channel.Length  `json:"length"`
	Facets   []channel.Facet `json:"facets,omitempty"`
	By       string          `json:"by"`
	At       time.Time       `json:"at"`
}

// Marker says an inbox object version (by ETag) was handled, so re-delivery after the
// task's retention is still a no-op.
type Marker struct {
	Version string       `json:"version,omitempty"`
	Outcome SourceStatus `json:"outcome"` // ready | failed
	At      time.Time    `json:"at"`
}
