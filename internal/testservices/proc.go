package testservices

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	// startTimeout bounds how long a service may take to answer after it was started.
	startTimeout = 30 * time.Second
	// stopGrace is how long a service gets to exit after SIGTERM before its process
	// group is killed.
	stopGrace = 5 * time.Second
	// tailSize is how much of a service's combined stdout/stderr is kept for failure messages.
	tailSize = 16 << 10
	// portAttempts is how often a start is retried on a new port when the port picked turned
	// out to be taken by someone else in the meantime.
	portAttempts = 4
)

// tailBuffer keeps the last tailSize bytes written to it. It is safe for concurrent use.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - tailSize; over > 0 {
		b.buf = append(b.buf[:0], b.buf[over:]...)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// process is one running service: its own process group, its output captured in out.
type process struct {
	name string
	cmd  *exec.Cmd
	out  *tailBuffer
	done chan struct{} // closed when the process has exited; err is valid then
	err  error
}

// startProcess starts bin with args in a new process group (killed as a whole on stop, and
// on Linux also when the test binary dies), its stdout and stderr going to out.
func startProcess(name, bin string, args []string, dir string, out *tailBuffer) (*process, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.SysProcAttr = sysProcAttr()
	cmd.WaitDelay = stopGrace
	if err := startCmd(cmd); err != nil {
		return nil, fmt.Errorf("start %s (%s): %w", name, bin, err)
	}
	p := &process{name: name, cmd: cmd, out: out, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// exited reports whether the process has exited.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop ends the whole process group: SIGTERM first, SIGKILL after stopGrace. It returns
// once the process has been reaped. Calling it again is a no-op.
func (p *process) stop() {
	if p == nil || p.exited() {
		return
	}
	signalGroup(p.cmd, false)
	select {
	case <-p.done:
	case <-time.After(stopGrace):
	}
	// Kill the group even after a clean exit of the leader: nothing it started may outlive it.
	signalGroup(p.cmd, true)
	<-p.done
}

// waitReady polls probe until it succeeds, the process exits, or startTimeout passes.
func (p *process) waitReady(probe func(ctx context.Context) error) error {
	deadline := time.Now().Add(startTimeout)
	delay := 10 * time.Millisecond
	var last error
	for {
		if p.exited() {
			return fmt.Errorf("%s exited before it was ready (%v)%s", p.name, p.err, p.tail())
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		last = probe(ctx)
		cancel()
		if last == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer within %v: %v%s", p.name, startTimeout, last, p.tail())
		}
		time.Sleep(delay)
		if delay < 200*time.Millisecond {
			delay *= 2
		}
	}
}

// tail is the end of the process's output, formatted for an error message.
func (p *process) tail() string {
	return formatTail(p.name, p.out.String())
}

func formatTail(name, out string) string {
	out = strings.TrimSpace(out)
	if out == "" {
		return fmt.Sprintf("\n--- %s printed nothing ---", name)
	}
	const max = 4000
	if len(out) > max {
		out = "..." + out[len(out)-max:]
	}
	return fmt.Sprintf("\n--- %s output (tail) ---\n%s\n--- end of %s output ---", name, out, name)
}

// freePort finds a free loopback port below the kernel's ephemeral range. The kernel hands
// ports in that range to every outgoing connection and every listener on port 0, so a port
// chosen there and released may be taken again before the service binds it; below it, only
// another test choosing the same port at random could. Callers still retry with a new port
// when the output says so (addrInUse).
func freePort() (int, error) {
	low := ephemeralLow()
	var err error
	for range 100 {
		port := 10000 + rand.IntN(low-10000)
		var l net.Listener
		if l, err = net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err != nil {
			continue
		}
		if err = l.Close(); err == nil {
			return port, nil
		}
	}
	return 0, fmt.Errorf("find a free port: %w", err)
}

// ephemeralLow is the lowest port the kernel picks by itself (Linux's default 32768 where
// it cannot be read).
func ephemeralLow() int {
	low := 32768
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range"); err == nil {
		if f := strings.Fields(string(b)); len(f) == 2 {
			if n, err := strconv.Atoi(f[0]); err == nil && n > 11000 {
				low = n
			}
		}
	}
	return low
}

// errAddrInUse marks a start that failed because the port was taken meanwhile.
var errAddrInUse = errors.New("address already in use")

func addrInUse(output string) bool {
	return strings.Contains(strings.ToLower(output), "address already in use")
}

// FreeAddr is a free loopback host:port for a server the test starts itself.
func FreeAddr(t testing.TB) string {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("127.0.0.1:%d", port)
}
