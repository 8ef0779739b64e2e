package app

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/tasks"
)

// DeriveOutput is what `repurpose derive` prints: the API's source shape.
type DeriveOutput struct {
	Source      *record.Source      `json:"source"`
	Derivatives []record.Derivative `json:"derivatives"`
}

// Derive runs the worker's parse-and-derive path on bytes, without storing anything.
func Derive(cfg *config.Config, key, campaign string, data []byte) (*DeriveOutput, error) {
	doc, err := parse.File(key, data, cfg.File.Limits.MaxObjectBytes)
	if err != nil {
		return nil, err
	}
	if doc.Meta.Campaign == "" {
		doc.Meta.Campaign = campaign
	}
	sum := sha256.Sum256(data)
	bucket := cfg.Infra.Inbox.Bucket
	in := tasks.Ingest{Bucket: bucket, Key: key, Size: int64(len(data))}
	src, b, err := record.Build(in, tasks.SourceID(bucket, key), hex.EncodeToString(sum[:]), doc, cfg)
	if err != nil {
		return nil, err
	}
	src.Status = record.StatusReady
	return &DeriveOutput{Source: src, Derivatives: record.Preview(src, b)}, nil
}

// Text is the document as parse reads it, as Markdown: what Derive makes derivatives from.
func Text(cfg *config.Config, key string, data []byte) (string, error) {
	doc, err := parse.File(key, data, cfg.File.Limits.MaxObjectBytes)
	if err != nil {
		return "", err
	}
	return doc.Markdown(), nil
}

// Count prints a channel's verdict on the text read from in: on all of it, or with jsonl
// on each line holding one JSON string.
func Count(f *config.File, in io.Reader, out io.Writer, ch string, jsonl bool) error {
	enc := json.NewEncoder(out)
	one := func(text string) error {
		res, err := review.Count(f, channel.Name(ch), text)
		if err != nil {
			return err
		}
		return enc.Encode(res)
	}
	if !jsonl {
		b, err := io.ReadAll(in)
		if err != nil {
			return err
		}
		return one(string(b))
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var text string
		if err := json.Unmarshal(sc.Bytes(), &text); err != nil {
			return fmt.Errorf("line %d is not a JSON string: %w", n, err)
		}
		if err := one(text); err != nil {
			return err
		}
	}
	return sc.Err()
}
