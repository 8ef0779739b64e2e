// Command repurpose turns long-form marketing documents dropped into S3 into ready,
// channel-exact social derivatives. One binary runs every role; see `repurpose help`.
// It parses flags and prints help; internal/app wires and runs what a command names.
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

	"github.com/repurpose/repurpose/internal/app"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, out streams, fs *flag.FlagSet, args []string) error
}

// streams are what every command writes to: the process's one logger (built once, from
// REPURPOSE_LOG_LEVEL) and its output.
type streams struct {
	log            *slog.Logger
	stdout, stderr io.Writer
}

var commands = []command{
	{"up", "[--data DIR] [--addr ADDR] [--s3-addr ADDR] [--once] [FILE...]", "run everything in one process: embedded Redis and S3, serve, worker, scheduler", runUp},
	{"serve", "", "serve the toolkit API, public pages, /events/s3 intake, /healthz, /readyz, /metrics", role(app.Serve)},
	{"worker", "", "process queued tasks (run as many as throughput needs)", role(app.RunWorker)},
	{"scheduler", "", "scan the inbox for documents that events missed; re-plan when publishing settings change; send digests", role(app.RunScheduler)},
	{"derive", "[--text] [--key K] [--campaign C] [--cards DIR] FILE", "parse and derive one document offline and print JSON (no Redis, no S3)", runDerive},
	{"upload", "[--campaign C] FILE|DIR...", "put documents into the inbox, with progress", runUpload},
	{"reindex", "", "rebuild the Redis index from S3 and re-queue unprocessed inbox objects and pending posts", runReindex},
	{"count", "--channel x [--jsonl]", "count text on stdin by a channel's rules", runCount},
	{"calendar", "[--region R] [--days N] [--past N]", "print a region's planned and published posts in its own time", runCalendar},
	{"digest", "--user NAME [--dry-run]", "send a person's digest of newly approved topics now, or print it", runDigest},
	{"publishers", "", "list the publisher types accounts may use, with their settings", runPublishers},
	{"hash-password", "", "read a password on stdin and print the password_hash for the config file", runHashPassword},
	{"version", "", "print the version", runVersion},
}

func main() {
	log := app.NewLogger(os.Stderr, os.Getenv("REPURPOSE_LOG_LEVEL"))
	app.SendLibraryLogsTo(log) // once, before any client exists
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], streams{log: log, stdout: os.Stdout, stderr: os.Stderr}))
}

// run runs the command args name and returns the exit code: 0, 1 when the command
// failed, 2 when no known command was named.
func run(ctx context.Context, args []string, out streams) int {
	stderr := out.stderr
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
		err := c.run(ctx, out, fs, args[1:])
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

func runVersion(_ context.Context, out streams, fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(out.stdout, "repurpose", version)
	return nil
}
