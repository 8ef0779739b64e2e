package tasks

import "testing"

func TestIdentityRules(t *testing.T) {
	// versitygw quotes ETags, AWS does not: the same drop must give the same TaskID.
	if IngestTaskID("inbox", "a.md", `"abc"`) != IngestTaskID("inbox", "a.md", "abc") {
		t.Error("quoted and bare ETags give different TaskIDs")
	}
	if IngestTaskID("inbox", "a.md", "abc") == IngestTaskID("inbox", "a.md", "abd") {
		t.Error("new bytes (a new ETag) reuse the TaskID")
	}
	if SourceID("inbox", "a.md") == SourceID("inbox", "b.md") || SourceID("inbox", "a.md") == SourceID("drop", "a.md") {
		t.Error("different inbox objects share a source ID")
	}
	if SourceID("inbox", "a.md") != SourceID("inbox", "a.md") || len(SourceID("inbox", "a.md")) != 16 {
		t.Error("a source ID is not a stable 16-hex hash")
	}
}

func TestDecodeIngest(t *testing.T) {
	if _, err := DecodeIngest([]byte(`{"bucket":"inbox"}`)); err == nil {
		t.Error("a payload without a key decoded")
	}
	in, err := DecodeIngest([]byte(`{"bucket":"inbox","key":"k","etag":"e","size":3}`))
	if err != nil || in != (Ingest{Bucket: "inbox", Key: "k", ETag: "e", Size: 3}) {
		t.Errorf("DecodeIngest = %+v, %v", in, err)
	}
}
