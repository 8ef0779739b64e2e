package app

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// ServerLimits bound what one connection may hold: a client that sends its headers or
// body slowly, or keeps a connection open and idle, is cut off instead of tying up the
// server. The upload page reads its body for longer (pages.UploadReadTimeout).
type ServerLimits struct {
	Header, Read, Write, Idle time.Duration
	MaxHeaderBytes            int
}

// DefaultLimits are the limits of every HTTP server the binary runs.
var DefaultLimits = ServerLimits{Header: 10 * time.Second, Read: 30 * time.Second, Write: 60 * time.Second,
	Idle: 60 * time.Second, MaxHeaderBytes: 64 << 10}

// shutdownGrace is how long requests in flight get to finish once a server stops.
const shutdownGrace = 10 * time.Second

// HTTPServer is a Component serving a handler on a listener that is already open, so a
// role can listen before its dependencies answer.
type HTTPServer struct {
	ln  net.Listener
	srv *http.Server
}

// NewHTTPServer serves h on ln within lim, logging the server's own errors to log.
func NewHTTPServer(ln net.Listener, h http.Handler, log *slog.Logger, lim ServerLimits) *HTTPServer {
	return &HTTPServer{ln: ln, srv: &http.Server{Handler: h, ReadHeaderTimeout: lim.Header, ReadTimeout: lim.Read,
		WriteTimeout: lim.Write, IdleTimeout: lim.Idle, MaxHeaderBytes: lim.MaxHeaderBytes,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}}
}

// Run serves until ctx ends, then lets requests in flight finish for up to 10 s and
// closes the connections still open.
func (s *HTTPServer) Run(ctx context.Context) error {
	served := make(chan error, 1)
	go func() { served <- s.srv.Serve(s.ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	err := s.srv.Shutdown(shut)
	if err != nil {
		s.srv.Close()
	}
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
		return errors.Join(err, serveErr)
	}
	return err
}
