package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/redis/go-redis/v9"
)

// NewLogger is the process's one logger, built once by the binary and handed to every
// part: text lines on w, at debug level when level (REPURPOSE_LOG_LEVEL) is "debug".
func NewLogger(w io.Writer, level string) *slog.Logger {
	l := slog.LevelInfo
	if level == "debug" {
		l = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// SendLibraryLogsTo makes the libraries that log on their own (go-redis's dial failures
// while Redis is away) log to log, in the process's format and level. Call it once,
// before any client exists.
func SendLibraryLogsTo(log *slog.Logger) {
	redis.SetLogger(redisLogger{log})
}

type redisLogger struct{ l *slog.Logger }

func (r redisLogger) Printf(ctx context.Context, format string, v ...any) {
	r.l.WarnContext(ctx, "redis: "+fmt.Sprintf(format, v...))
}
