package worker

import (
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/derive/posted"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
)

// ingestFixture is an ingester on the in-process Redis and S3, and a run of it that
// uploads body under key and ingests it.
func ingestFixture(t *testing.T) (*toolkit.Toolkit, func(key string, body []byte) (*record.Source, []record.Derivative)) {
	t.Helper()
	svc := recordtest.Start(t)
	log := slog.New(slog.DiscardHandler)
	tk := toolkit.New(svc.Config, svc.S3, svc.Redis, nil, log)
	g := &ingester{rec: tk.Record().Intake(), posted: tk.Record(), s3: svc.S3, cfg: svc.Config, log: log}
	return tk, func(key string, body []byte) (*record.Source, []record.Derivative) {
		t.Helper()
		etag, err := svc.S3.Put(t.Context(), "inbox", key, body, "text/markdown")
		if err != nil {
			t.Fatal(err)
		}
		in := tasks.Ingest{Bucket: "inbox", Key: key, ETag: etag, Size: int64(len(body)), Force: true}
		if outcome, err := g.ingest(t.Context(), in); err != nil || outcome != "ready" {
			t.Fatalf("ingest %s: %s, %v", key, outcome, err)
		}
		s, ds, err := tk.Record().SourceWithDerivatives(t.Context(), tasks.SourceID("inbox", key))
		if err != nil {
			t.Fatal(err)
		}
		return s, ds
	}
}

// sharedLines are the sentences of a document that a derivative of b says and one of a
// said on the same account (a snippet is offered on every social channel).
func sharedLines(doc *parse.Document, a, b []record.Derivative) []string {
	social := func(c channel.Name) bool { return c == channel.Any || slices.Contains(channel.Social(), c) }
	var out []string
	for _, sec := range doc.Sections {
		for _, p := range sec.Paragraphs {
			for _, s := range parse.Sentences(p) {
				k := " " + posted.Words(s) + " "
				if strings.Count(k, " ") < 6 {
					continue // a short phrase, not a line
				}
				for _, x := range b {
					for _, y := range a {
						same := x.Channel == y.Channel || (x.Channel == channel.Any || y.Channel == channel.Any) && social(x.Channel) && social(y.Channel)
						if same && strings.Contains(" "+posted.Words(x.Text)+" ", k) && strings.Contains(" "+posted.Words(y.Text)+" ", k) {
							out = append(out, string(x.Channel)+": "+s)
						}
					}
				}
			}
		}
	}
	return out
}

// TestASecondFileWithTheSameTextRepeatsNoLine: the whitepaper uploaded again under
// another name goes through the worker as a marketer would upload it. Its posts say
// nothing the first upload's posts already say on the same account, the source says
// which posts it could not make because of the first (by its title), and warns that it
// is most likely the wrong file. A re-run of the first reads nothing of the newer copy;
// once marketing rejects the first's posts, a re-run of the copy posts those lines again.
func TestASecondFileWithTheSameTextRepeatsNoLine(t *testing.T) {
	body, doc := whitepaper(t)
	tk, ingest := ingestFixture(t)
	first, firstPosts := ingest("papers/quiet-pagers.md", body)
	second, secondPosts := ingest("papers/quiet-pagers-copy.md", body)
	if shared := sharedLines(doc, firstPosts, secondPosts); len(shared) > 0 {
		t.Errorf("the second upload says again on the same account %d lines the first said: %q", len(shared), shared)
	}
	title := "«" + first.Title + "»"
	if first.Title == "" || !slices.ContainsFunc(second.Skipped, func(s derive.Skipped) bool { return strings.Contains(s.Reason, title) }) {
		t.Errorf("no skipped reason names the first upload %s: %+v", title, second.Skipped)
	}
	want := "most of this text is already in " + title + " (papers/quiet-pagers.md)"
	if !slices.ContainsFunc(second.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
		t.Errorf("warnings %q, want one starting %q", second.Warnings, want)
	}
	if len(secondPosts) >= len(firstPosts) {
		t.Errorf("the second upload has %d posts, the first %d: the same text cannot give as many new lines", len(secondPosts), len(firstPosts))
	}
	// A re-run of the first upload reads nothing of the newer copy: it keeps its lines.
	if others, err := postedElsewhere(t.Context(), tk.Record(), first.ID); err != nil || len(others) != 0 {
		t.Errorf("the first upload is derived again beside %d other sources (%v), want none: the copy is newer", len(others), err)
	}
	if others, err := postedElsewhere(t.Context(), tk.Record(), second.ID); err != nil || len(others) != 1 || others[0].Key != first.Key {
		t.Errorf("the copy is derived beside %+v (%v), want the first upload", others, err)
	}

	if _, _, err := tk.Review().DecideDrafts(t.Context(), first.ID, record.Rejected, "ana", func(record.Derivative) bool { return true }); err != nil {
		t.Fatal(err)
	}
	again, againPosts := ingest("papers/quiet-pagers-copy.md", body)
	if len(sharedLines(doc, firstPosts, againPosts)) == 0 || len(again.Warnings) > 0 {
		t.Errorf("with the first upload's posts rejected, the copy still avoids them (%d posts, warnings %q)", len(againPosts), again.Warnings)
	}
}
