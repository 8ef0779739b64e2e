package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/app"
)

// parse parses a command's flags and loads the configuration.
func parse(fs *flag.FlagSet, args []string) (*config.Config, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return app.LoadConfig()
}

// parseFlags parses flags before, between and after the positional arguments
// (`derive FILE --key K`), which fs.Args() then holds in order; after "--" everything is
// positional.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}

func runUp(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
	dataDir := fs.String("data", "data", "folder that keeps between runs the embedded S3 objects, the admin's password hash, sessions and the digests' memory")
	addr := fs.String("addr", "127.0.0.1:8080", "address of the toolkit API and public pages (port 0: any free port, printed in the banner)")
	s3Addr := fs.String("s3-addr", "127.0.0.1:9000", "address of the embedded S3 endpoint (port 0: any free port, printed in the banner)")
	once := fs.Bool("once", false, "exit once the named files are processed, after printing what came out")
	cfg, err := parse(fs, args)
	if err != nil {
		return err
	}
	return app.Up(ctx, cfg, out.log, app.UpOptions{DataDir: *dataDir, Addr: *addr, S3Addr: *s3Addr,
		Files: fs.Args(), Once: *once, Stdout: out.stdout, Stderr: out.stderr})
}

// role is a long-running command without flags of its own: app runs it until a signal.
func role(run func(context.Context, *config.Config, *slog.Logger) error) func(context.Context, streams, *flag.FlagSet, []string) error {
	return func(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
		cfg, err := parse(fs, args)
		if err != nil {
			return err
		}
		return run(ctx, cfg, out.log)
	}
}

func runReindex(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
	cfg, err := parse(fs, args)
	if err != nil {
		return err
	}
	return app.Reindex(ctx, cfg, out.log, out.stdout)
}

func runDerive(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
	key := fs.String("key", "", "inbox key to derive as (default: the file's name), which sets the source ID")
	cardsDir := fs.String("cards", "", "render the cards (PNG) and LinkedIn carousels (PDF) into this folder, for people to look at, and list them as each derivative's media")
	campaign := fs.String("campaign", "", "campaign to use when the document names none")
	asText := fs.Bool("text", false, "print the document as read, as Markdown (what the derivatives are made from), instead of deriving")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("name one file")
	}
	cfg, err := app.LoadConfig()
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
		text, err := app.Text(cfg, *key, data)
		if err != nil {
			return err
		}
		_, err = io.WriteString(out.stdout, text)
		return err
	}
	derived, err := app.Derive(ctx, cfg, *key, *campaign, data, *cardsDir)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(out.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(derived)
}

func runUpload(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
	campaign := fs.String("campaign", "", "campaign for documents whose front matter names none")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("name at least one file or folder")
	}
	cfg, err := app.LoadConfig()
	if err != nil {
		return err
	}
	return app.Upload(ctx, cfg, fs.Args(), *campaign, out.stderr)
}

func runCount(_ context.Context, out streams, fs *flag.FlagSet, args []string) error {
	ch := fs.String("channel", "x", "channel whose counting rules apply: "+strings.Join(channel.Counted(), ", "))
	jsonl := fs.Bool("jsonl", false, "read one JSON string per line and print one result per line")
	cfg, err := parse(fs, args)
	if err != nil {
		return err
	}
	return app.Count(&cfg.File, os.Stdin, out.stdout, *ch, *jsonl)
}

func runCalendar(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
	region := fs.String("region", "", "the region's id (default: the first configured)")
	days := fs.Int("days", 14, "how many days ahead to show")
	past := fs.Int("past", 1, "how many days back to show (posts already out, with their outcome)")
	cfg, err := parse(fs, args)
	if err != nil {
		return err
	}
	return app.Calendar(ctx, cfg, out.log, out.stdout, *region, *days, *past)
}

func runPublishers(_ context.Context, out streams, fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return app.PrintPublishers(out.stdout)
}

func runDigest(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error {
	user := fs.String("user", "", "the person (a name from the config file's users) whose digest to send")
	dryRun := fs.Bool("dry-run", false, "print the digest that would be sent, and send nothing")
	cfg, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *user == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("name one person with --user")
	}
	return app.Digest(ctx, cfg, out.log, out.stdout, *user, *dryRun)
}
