package systemtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// binDir holds the binary buildBinary compiles, for the package's whole run.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "repurpose-systemtest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var binary struct {
	once sync.Once
	path string
	err  error
}

// buildBinary compiles cmd/repurpose once, for the tests that run it as a user does: a
// process of its own, with its environment, killed or signalled from outside.
func buildBinary(t testing.TB) string {
	t.Helper()
	binary.once.Do(func() {
		path := filepath.Join(binDir, "repurpose")
		out, err := exec.Command("go", "build", "-o", path, "github.com/repurpose/repurpose/cmd/repurpose").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		binary.path = path
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}
