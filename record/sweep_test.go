package record_test

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
)

// mediaFile is a stored file's key for its content, as the cards are keyed.
func mediaFile(content string) string {
	h := sha256.Sum256([]byte(content))
	return "media/" + hex.EncodeToString(h[:]) + ".png"
}

// Files no derivative lists any more (after a re-render, or once the source is
// withdrawn) are removed; files a derivative lists, and files stored or found by a
// render within the grace period, stay.
func TestSweepRemovesOnlyMediaNothingListsPastTheGracePeriod(t *testing.T) {
	svc := recordtest.Start(t)
	var ahead atomic.Int64 // how far the record's clock runs ahead of the wall clock
	now := func() time.Time { return time.Now().UTC().Add(time.Duration(ahead.Load())) }
	st := record.New(svc.Config, svc.S3, svc.Redis, nil, now, slog.New(slog.DiscardHandler))
	ctx := t.Context()
	files := st.Files()
	s := recordtest.Save(t, st, svc.Config, "q.md", recordtest.Doc, time.Unix(1000, 0))
	_, b, _, err := st.Current(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	card, orphan, found, fresh := mediaFile("card"), mediaFile("orphan"), mediaFile("found"), mediaFile("fresh")
	for _, k := range []string{card, orphan, found} {
		if err := files.Put(ctx, k, "image/png", []byte(k)); err != nil {
			t.Fatal(err)
		}
	}
	list := func(key string) {
		t.Helper()
		im := record.Images{Version: s.Version, Status: record.ImagesReady,
			Media: map[string][]record.Media{b.Derivatives[0].ID: {{Kind: record.MediaCard, Key: key, Width: 1600, Height: 900, Alt: "a card"}}}}
		if err := files.SetImages(ctx, s.ID, im); err != nil {
			t.Fatal(err)
		}
	}
	list(card)

	const grace = 2500 * time.Millisecond
	time.Sleep(4 * time.Second) // S3 keeps times to the second
	// A render finds "found" stored long ago (by the record's clock) and stores it again;
	// another stores "fresh" for the first time. Neither is listed yet.
	ahead.Store(int64(40 * time.Minute))
	if err := files.Put(ctx, found, "image/png", []byte(found)); err != nil {
		t.Fatal(err)
	}
	ahead.Store(0)
	if err := files.Put(ctx, fresh, "image/png", []byte(fresh)); err != nil {
		t.Fatal(err)
	}

	has := func(key string) bool {
		t.Helper()
		ok, err := files.Has(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	res, err := files.Sweep(ctx, grace)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 1 || has(orphan) {
		t.Errorf("the file nothing lists is not removed: %+v", res)
	}
	for name, k := range map[string]string{"listed": card, "stored again by a render": found, "just stored": fresh} {
		if !has(k) {
			t.Errorf("the %s file was removed: %+v", name, res)
		}
	}

	// A re-render lists another card: the one it replaced goes, once past the grace.
	list(fresh)
	time.Sleep(3 * time.Second)
	if _, err := files.Sweep(ctx, grace); err != nil {
		t.Fatal(err)
	}
	if has(card) || has(found) || !has(fresh) {
		t.Errorf("after a re-render: replaced card kept %v, unlisted file kept %v, new card kept %v", has(card), has(found), has(fresh))
	}

	// A withdrawn source lists nothing.
	if _, err := st.Withdraw(ctx, s.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := files.Sweep(ctx, grace); err != nil {
		t.Fatal(err)
	}
	if has(fresh) {
		t.Error("a withdrawn source's card was kept")
	}
}
