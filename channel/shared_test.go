package channel

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedPath is a file or folder of the shared test data (../../shared from this
// package: the conformance suites). Tests skip when it is absent; the README says how to
// get equivalent data.
func sharedPath(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared test data %s is absent (%v): skipping", p, err)
	}
	return p
}
