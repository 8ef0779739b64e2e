package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/transforms"
	"github.com/repurpose/repurpose/worker"
)

// deriveOutput is what `repurpose derive` prints: the API's source shape.
type deriveOutput struct {
	Source      *toolkit.Source      `json:"source"`
	Derivatives []toolkit.Derivative `json:"derivatives"`
}

func runDerive(_ context.Context, fs *flag.FlagSet, args []string) error {
	key := fs.String("key", "", "inbox key to derive as (default: the file's name), which sets the source ID")
	campaign := fs.String("campaign", "", "campaign to use when the document names none")
	asText := fs.Bool("text", false, "print the document as read, as Markdown (what the derivatives are made from), instead of deriving")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("name one file")
	}
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if *key == "" {
		*key = cfg.Infra.Inbox.Prefix + filepath.Base(path)
	}
	if *asText {
		doc, err := transforms.Parse(*key, data, cfg.File.Limits.MaxObjectBytes)
		if err != nil {
			return err
		}
		_, err = io.WriteString(os.Stdout, doc.Markdown())
		return err
	}
	out, err := derive(cfg, *key, *campaign, data)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// derive runs the worker's parse-and-derive path on bytes, without storing anything.
func derive(cfg *config.Config, key, campaign string, data []byte) (*deriveOutput, error) {
	doc, err := transforms.Parse(key, data, cfg.File.Limits.MaxObjectBytes)
	if err != nil {
		return nil, err
	}
	if doc.Meta.Campaign == "" {
		doc.Meta.Campaign = campaign
	}
	sum := sha256.Sum256(data)
	bucket := cfg.Infra.Inbox.Bucket
	in := tasks.Ingest{Bucket: bucket, Key: key, Size: int64(len(data))}
	src, b, err := worker.Build(in, tasks.SourceID(bucket, key), hex.EncodeToString(sum[:]), doc, cfg)
	if err != nil {
		return nil, err
	}
	src.Status = toolkit.StatusReady
	return &deriveOutput{Source: src, Derivatives: toolkit.Preview(src, b)}, nil
}

func runCount(_ context.Context, fs *flag.FlagSet, args []string) error {
	ch := fs.String("channel", "x", "channel whose counting rules apply")
	jsonl := fs.Bool("jsonl", false, "read one JSON string per line and print one result per line")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	return count(&cfg.File, os.Stdin, os.Stdout, *ch, *jsonl)
}

func count(f *config.File, in io.Reader, out io.Writer, ch string, jsonl bool) error {
	enc := json.NewEncoder(out)
	one := func(text string) error {
		res, err := toolkit.Count(f, channel.Name(ch), text)
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
