package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
)

// `derive FILE --key K` reads the flag after the file, as `derive --key K FILE` does.
func TestFlagsAfterTheFile(t *testing.T) {
	t.Setenv("REPURPOSE_CONFIG", "")
	for _, args := range [][]string{
		{"derive", "../../samples/notes.txt", "--key", "papers/n.txt"},
		{"derive", "--key", "papers/n.txt", "../../samples/notes.txt"},
	} {
		code, out := testRun(args...)
		var got struct {
			Source struct{ Key string } `json:"source"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Source.Key != "papers/n.txt" {
			t.Errorf("%v: exit %d, key %q\n%.300s", args, code, got.Source.Key, out)
		}
	}
	// After "--" everything is a file, even what looks like a flag.
	if code, out := testRun("derive", "--", "--key"); code == 0 || !strings.Contains(out, "--key: no such file") {
		t.Errorf("derive -- --key: exit %d\n%s", code, out)
	}
}

// Every command reads its flags after a positional argument too: --help after one still
// asks for help.
func TestEveryCommandTakesFlagsAfterArguments(t *testing.T) {
	for _, c := range commands {
		code, out := testRun(c.name, "x", "--help")
		if code != 0 || !strings.Contains(out, "Usage: repurpose "+c.name) {
			t.Errorf("%s x --help: exit %d\n%s", c.name, code, out)
		}
	}
}

// A command's usage line names every flag it has.
func TestUsageLineNamesEveryFlag(t *testing.T) {
	flagLine := regexp.MustCompile(`(?m)^  -([a-z-]+)`)
	for _, c := range commands {
		_, out := testRun(c.name, "--help")
		usage, _, _ := strings.Cut(out, "\n")
		for _, m := range flagLine.FindAllStringSubmatch(out, -1) {
			if !strings.Contains(usage, "--"+m[1]) {
				t.Errorf("%s: the usage line %q does not name --%s", c.name, usage, m[1])
			}
		}
	}
}

// `count --help` names every channel count knows.
func TestCountHelpListsEveryChannel(t *testing.T) {
	_, out := testRun("count", "--help")
	for _, ch := range channel.Counted() {
		if !strings.Contains(out, ch) {
			t.Errorf("count --help does not name %s:\n%s", ch, out)
		}
	}
	if len(channel.Counted()) < 7 {
		t.Errorf("channels %v", channel.Counted())
	}
}
