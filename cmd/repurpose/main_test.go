package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
)

// testRun runs the binary's command line in-process, its output in one buffer.
func testRun(args ...string) (int, string) {
	var out bytes.Buffer
	code := run(context.Background(), args, streams{log: slog.New(slog.NewTextHandler(io.Discard, nil)), stdout: &out, stderr: &out})
	return code, out.String()
}

func TestHelpExplainsEveryCommand(t *testing.T) {
	for _, c := range commands {
		code, out := testRun(c.name, "--help")
		if code != 0 {
			t.Errorf("%s --help exited %d", c.name, code)
		}
		if !strings.Contains(out, "Usage: repurpose "+c.name) {
			t.Errorf("%s --help:\n%s", c.name, out)
		}
	}
	if code, out := testRun("frobnicate"); code != 2 || !strings.Contains(out, "unknown command") {
		t.Errorf("unknown command: exit %d\n%s", code, out)
	}
}

// TestUploadRefusesAnUnknownCampaignFlag: a typo in --campaign stops the upload at
// once, with the message the worker gives a document naming an unknown campaign.
func TestUploadRefusesAnUnknownCampaignFlag(t *testing.T) {
	t.Setenv("REPURPOSE_CONFIG", "")
	code, out := testRun("upload", "--campaign", "sprng", "../../samples/notes.txt")
	if code == 0 || !strings.Contains(out, `--campaign names campaign "sprng", which is not configured (known: default)`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}
