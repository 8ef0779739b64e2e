// Command repurpose turns long-form marketing documents dropped into S3 into ready,
// channel-exact social derivatives. One binary runs every role; see `repurpose help`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/redis/go-redis/v9"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, fs *flag.FlagSet, args []string) error
}

var commands = []command{
	{"up", "[--data DIR] [--addr ADDR] [FILE...]", "run everything in one process: embedded Redis and S3, serve, worker, scheduler", runUp},
	{"serve", "", "serve the toolkit API, public pages, /events/s3 intake, /healthz, /readyz, /metrics", runServe},
	{"worker", "", "process queued tasks (run as many as throughput needs)", runWorker},
	{"scheduler", "", "scan the inbox for documents that events missed; re-plan when publishing settings change", runScheduler},
	{"derive", "FILE", "parse and derive one document offline and print JSON (no Redis, no S3)", runDerive},
	{"upload", "[--campaign C] FILE|DIR...", "put documents into the inbox, with progress", runUpload},
	{"reindex", "", "rebuild the Redis index from S3 and re-queue unprocessed inbox objects and pending posts", runReindex},
	{"count", "--channel x [--jsonl]", "count text on stdin by a channel's rules", runCount},
	{"calendar", "[--region R] [--days N] [--past N]", "print a region's planned and published posts in its own time", runCalendar},
	{"publishers", "", "list the publisher types accounts may use, with their settings", runPublishers},
	{"hash-password", "", "read a password on stdin and print the password_hash for the config file", runHashPassword},
	{"version", "", "print the version", runVersion},
}

func main() {
	redis.SetLogger(redisLogger{newLogger(os.Stderr)}) // once, before any client exists
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr))
}

func run(ctx context.Context, args []string, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet("repurpose "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: repurpose %s %s\n\n%s.\n", c.name, c.args, capitalise(c.summary))
			if help := helpTexts[c.name]; help != "" {
				fmt.Fprintf(stderr, "\n%s\n", strings.TrimSpace(help))
			}
			if hasFlags(fs) {
				fmt.Fprintln(stderr, "\nFlags:")
				fs.PrintDefaults()
			}
		}
		err := c.run(ctx, fs, args[1:])
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if err != nil {
			fmt.Fprintf(stderr, "repurpose %s: %v\n", c.name, err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "repurpose: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, "repurpose turns whitepapers dropped into S3 into ready tweets, threads, LinkedIn posts,\nblog teasers and snippets, each with a tracked backlink and a call to action.\n\nUsage: repurpose COMMAND [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'repurpose COMMAND --help' for a command's flags.\nSettings come from the environment (REPURPOSE_*) and the YAML file named by REPURPOSE_CONFIG; see README.md.\n")
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func newLogger(w io.Writer) *slog.Logger {
	level := slog.LevelInfo
	if os.Getenv("REPURPOSE_LOG_LEVEL") == "debug" {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

func runVersion(_ context.Context, fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Println("repurpose", version)
	return nil
}
