package testservices

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// installHints says, per service, how a developer gets it onto a machine.
var installHints = map[string]string{
	"redis": "install it with `apt-get install -y redis-server` (Redis >= 6.2), or run scripts/test.sh, which installs everything the tests need",
	"versitygw": "build it with `GOBIN=$HOME/.cache/repurpose/bin go install github.com/versity/versitygw/cmd/versitygw@v1.8.0` " +
		"(or point $REPURPOSE_VERSITYGW at a binary), or run scripts/test.sh, which installs everything the tests need",
	"chromium": "install it with `apt-get install -y chromium` (or point $REPURPOSE_CHROMIUM at a Chromium or Chrome binary), " +
		"or run scripts/test.sh, which installs everything the tests need",
	"aws":   "install it with `apt-get install -y awscli`, or run scripts/test.sh, which installs everything the tests need",
	"fonts": "install them with `apt-get install -y fonts-noto-core fonts-noto-cjk`, or run scripts/test.sh, which installs everything the tests need",
}

// Require stops the test when a service it needs could not be started (err != nil): with
// CI=true the test fails, loudly, saying how to install the service; anywhere else it is
// skipped with the same message, so `go test ./...` on a bare laptop still runs everything
// that does not need the service. A nil err does nothing.
func Require(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	hint := installHints[strings.ToLower(what)]
	if hint == "" {
		hint = "install it, or run scripts/test.sh, which installs everything the tests need"
	}
	if InCI() {
		t.Fatalf("\n*** %s is required in CI and could not be started ***\n%v\nTo fix: %s", what, err, hint)
	}
	t.Skipf("skipping: %s is not available: %v\n(to run this test: %s; with CI=true this is a failure)", what, err, hint)
}

// errNotInstalled marks a service that is not on this machine (as opposed to one that is
// there but would not start: that fails the test everywhere).
var errNotInstalled = errors.New("not installed")

// requireStarted is Require for a start attempt: a missing service skips (or fails in CI),
// a service that is installed but does not start fails the test with its output.
func requireStarted(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if errors.Is(err, errNotInstalled) {
		Require(t, what, err)
		return
	}
	t.Fatalf("start %s: %v", what, err)
}

// InCI reports whether the tests run under CI (CI=true or CI=1), where a missing service is
// a failure rather than a reason to skip.
func InCI() bool {
	v := strings.ToLower(strings.TrimSpace(os.Getenv("CI")))
	return v == "true" || v == "1" || v == "yes"
}
