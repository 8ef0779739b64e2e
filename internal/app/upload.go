package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/inputs"
	"github.com/repurpose/repurpose/s3store"
)

// Upload runs `repurpose upload`: it puts files (and the documents in folders) into the
// inbox of the configured S3, showing progress on out. A campaign that is not configured
// is refused before anything is sent.
func Upload(ctx context.Context, cfg *config.Config, paths []string, campaign string, out io.Writer) error {
	if unknown := cfg.File.UnknownCampaign(campaign); unknown != "" {
		return errors.New("--campaign names " + unknown) // a typo is shown now, not as a warning on each source
	}
	store, err := s3store.New(ctx, cfg.Infra)
	if err != nil {
		return err
	}
	return upload(ctx, store, cfg, paths, campaign, out)
}

// upload puts files (and the documents in folders) into the inbox, showing progress.
// A file that cannot be sent is reported and the rest still go.
func upload(ctx context.Context, store *s3store.Store, cfg *config.Config, paths []string, campaign string, out io.Writer) error {
	files, total, err := collect(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errors.New("no documents found (looked for " + strings.Join(inputs.Extensions, ", ") + ")")
	}
	bar := progressbar.NewOptions64(total, progressbar.OptionSetWriter(out), progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription(fmt.Sprintf("uploading %d documents", len(files))), progressbar.OptionShowCount())
	var failed []string
	var meta map[string]string
	if campaign != "" {
		meta = map[string]string{"campaign": campaign}
	}
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err == nil && int64(len(data)) > cfg.File.Limits.MaxObjectBytes {
			err = fmt.Errorf("%d bytes is over the %d-byte limit", len(data), cfg.File.Limits.MaxObjectBytes)
		}
		if err == nil {
			key := cfg.Infra.Inbox.Prefix + f.name
			_, err = store.PutMeta(ctx, cfg.Infra.Inbox.Bucket, key, data, inputs.ContentType(f.name), meta)
		}
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", f.path, err))
		}
		_ = bar.Add64(f.size)
	}
	_ = bar.Finish()
	fmt.Fprintf(out, "\nuploaded %d of %d documents to %s\n", len(files)-len(failed), len(files), cfg.Infra.Inbox)
	if len(failed) > 0 {
		return errors.New("not uploaded:\n  " + strings.Join(failed, "\n  "))
	}
	return nil
}

type localFile struct {
	path, name string // name is the key below the inbox prefix
	size       int64
}

// collect expands folders into the documents they hold, keeping relative paths as keys.
func collect(paths []string) ([]localFile, int64, error) {
	var files []localFile
	var total int64
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, 0, err
		}
		if !info.IsDir() {
			files = append(files, localFile{path: p, name: filepath.Base(p), size: info.Size()})
			total += info.Size()
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isDocument(path) {
				return nil
			}
			i, err := d.Info()
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(p, path)
			files = append(files, localFile{path: path, name: filepath.ToSlash(rel), size: i.Size()})
			total += i.Size()
			return nil
		})
		if err != nil {
			return nil, 0, err
		}
	}
	return files, total, nil
}

func isDocument(path string) bool {
	return inputs.ByName(path) != ""
}
