package app

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/repurpose/repurpose/cardset"
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
// With cardsDir set it renders the cards and carousels into that folder, as the worker
// would after the source is ready, and lists them as each derivative's media.
func Derive(ctx context.Context, cfg *config.Config, key, campaign string, data []byte, cardsDir string) (*DeriveOutput, error) {
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
	src, b, err := record.Build(in, tasks.SourceID(bucket, key), hex.EncodeToString(sum[:]), doc, cfg, nil)
	if err != nil {
		return nil, err
	}
	src.Status = record.StatusReady
	if cardsDir != "" {
		if err := writeCards(ctx, cfg, src, b, cardsDir); err != nil {
			return nil, err
		}
	}
	return &DeriveOutput{Source: src, Derivatives: record.Preview(src, b)}, nil
}

// writeCards renders a source's cards into dir, named by their content hash, and lists
// them on the bundle with their file paths.
func writeCards(ctx context.Context, cfg *config.Config, src *record.Source, b *record.Bundle, dir string) error {
	set, err := cardset.NewRenderers(cfg).Render(ctx, src, b)
	if err == nil {
		err = set.Err()
	}
	if err != nil {
		return fmt.Errorf("cards: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]string{}
	for _, f := range set.Files {
		path := filepath.Join(dir, path.Base(f.Key))
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
		files[f.Key] = path
	}
	local := func(m *record.Media) { m.File, m.Key = files[m.Key], "" }
	for _, ms := range set.Media {
		for i := range ms {
			local(&ms[i])
		}
	}
	if set.Preview != nil {
		local(set.Preview)
	}
	b.Media, b.Preview = set.Media, set.Preview
	src.Images, src.ImagesReason = record.ImagesReady, set.Reason()
	return nil
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
