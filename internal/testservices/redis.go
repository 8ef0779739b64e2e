package testservices

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"
)

// RedisServer is a redis-server started for one test, without persistence (unless
// NewRedisAOF), on a free loopback port. Its port and folder stay the same across Stop and Start.
type RedisServer struct {
	URL  string // "redis://127.0.0.1:P/0", for config and asynq.ParseRedisURI
	Addr string // "127.0.0.1:P"
	Port int
	Dir  string // its working folder (a t.TempDir)

	t   testing.TB
	bin string

	mu   sync.Mutex // guards proc
	proc *process
	out  tailBuffer // output of every run, in order
	aof  bool       // append-only file on: a restart keeps the data
}

// Redis starts a redis-server for t and returns its URL ("redis://127.0.0.1:P/0"). It is
// stopped when the test ends. Without redis-server (>= 6.2) the test is skipped (failed
// under CI); a redis-server that is there but does not start fails the test.
func Redis(t testing.TB) string {
	t.Helper()
	return NewRedis(t).URL
}

// NewRedis starts a redis-server for t (see Redis) and returns it, for tests that flush,
// stop or restart it.
func NewRedis(t testing.TB) *RedisServer {
	t.Helper()
	r, err := startRedis(t, false)
	requireStarted(t, "redis", err)
	return r
}

// NewRedisAOF starts a redis-server with its append-only file on (fsync every second), as
// production runs it: data written before a Stop is there after Start.
func NewRedisAOF(t testing.TB) *RedisServer {
	t.Helper()
	r, err := startRedis(t, true)
	requireStarted(t, "redis", err)
	return r
}

func startRedis(t testing.TB, aof bool) (*RedisServer, error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, fmt.Errorf("redis-server: %w (not found in $PATH: %v)", errNotInstalled, err)
	}
	if err := checkRedisVersion(bin); err != nil {
		return nil, err
	}
	r := &RedisServer{t: t, bin: bin, Dir: t.TempDir(), aof: aof}
	t.Cleanup(r.Stop)
	for attempt := 1; ; attempt++ {
		if r.Port, err = freePort(); err != nil {
			return nil, err
		}
		r.Addr = "127.0.0.1:" + strconv.Itoa(r.Port)
		r.URL = "redis://" + r.Addr + "/0"
		err = r.start()
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, errAddrInUse) || attempt == portAttempts {
			return nil, err
		}
	}
}

var redisVersionRE = regexp.MustCompile(`v=(\d+)\.(\d+)`)

// checkRedisVersion insists on Redis >= 6.2, which asynq needs (ZRANGE ... BYSCORE).
func checkRedisVersion(bin string) error {
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s --version: %v: %s", bin, err, out)
	}
	m := redisVersionRE.FindSubmatch(out)
	if m == nil {
		return nil // an unusual build; let it try
	}
	major, _ := strconv.Atoi(string(m[1]))
	minor, _ := strconv.Atoi(string(m[2]))
	if major < 6 || (major == 6 && minor < 2) {
		return fmt.Errorf("%w: %s is Redis %d.%d; asynq needs Redis >= 6.2", errNotInstalled, bin, major, minor)
	}
	return nil
}

// start runs redis-server on r.Port and waits until it answers PING.
func (r *RedisServer) start() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.proc != nil && !r.proc.exited() {
		return nil
	}
	appendOnly := "no"
	if r.aof {
		appendOnly = "yes"
	}
	args := []string{
		"--bind", "127.0.0.1",
		"--port", strconv.Itoa(r.Port),
		"--save", "",
		"--appendonly", appendOnly,
		"--appendfsync", "everysec",
		"--dir", r.Dir,
		"--daemonize", "no",
		"--logfile", "",
		"--loglevel", "warning",
	}
	mark := len(r.out.String())
	p, err := startProcess("redis-server", r.bin, args, r.Dir, &r.out)
	if err != nil {
		return err
	}
	err = p.waitReady(func(ctx context.Context) error { return ping(ctx, r.Addr) })
	if err != nil {
		p.stop()
		if out := r.out.String(); len(out) >= mark && addrInUse(out[mark:]) {
			return fmt.Errorf("%w: %v", errAddrInUse, err)
		}
		return err
	}
	r.proc = p
	return nil
}

// ping sends one inline PING and expects +PONG. (A go-redis client would log every refused
// dial while the server is still starting.)
func ping(ctx context.Context, addr string) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	if _, err := conn.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}
	if line != "+PONG\r\n" {
		return fmt.Errorf("PING answered %q", strings.TrimSpace(line))
	}
	return nil
}

// Start starts the server again after Stop, on the same port and folder (with no data,
// unless its append-only file is on). It fails the test if the server does not come up.
func (r *RedisServer) Start() {
	r.t.Helper()
	if err := r.start(); err != nil {
		r.t.Fatalf("restart redis-server: %v", err)
	}
}

// Stop stops the server (SIGTERM, then SIGKILL of its process group). Clients see
// connection errors until Start. Stopping a stopped server does nothing.
func (r *RedisServer) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.proc.stop()
}

// Restart is Stop then Start.
func (r *RedisServer) Restart() {
	r.t.Helper()
	r.Stop()
	r.Start()
}

// FlushAll deletes every key in every database.
func (r *RedisServer) FlushAll() {
	r.t.Helper()
	c := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer c.Close()
	if err := c.FlushAll(context.Background()).Err(); err != nil {
		r.t.Fatalf("redis FLUSHALL: %v", err)
	}
}

// Client returns a go-redis client for database 0, closed when the test ends.
func (r *RedisServer) Client() *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: r.Addr})
	r.t.Cleanup(func() { _ = c.Close() })
	return c
}

// Output is the tail of what the server printed, for failure messages.
func (r *RedisServer) Output() string { return r.out.String() }
