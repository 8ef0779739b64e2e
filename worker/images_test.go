package worker

import (
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/cardset"
	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/parse"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/toolkit"
	"github.com/repurpose/repurpose/translations"
)

// whitepaper is the English sample whitepaper's bytes and the document they parse to.
func whitepaper(t *testing.T) ([]byte, *parse.Document) {
	t.Helper()
	body, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.File("w.md", body, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return body, doc
}

// imagesFixture stores the whitepaper (ready, images not rendered) and returns the
// toolkit, its source and a run of the images task for it.
func imagesFixture(t *testing.T) (*toolkit.Toolkit, *record.Source, func(), *recordtest.Services) {
	t.Helper()
	svc := recordtest.Start(t)
	tk := toolkit.New(svc.Config, svc.S3, svc.Redis, nil, slog.New(slog.DiscardHandler))
	_, doc := whitepaper(t)
	version := strings.Repeat("b", 64)
	id := tasks.SourceID("inbox", "w.md")
	res := derive.From(doc, derive.Options{Version: version, SourceID: id})
	s := &record.Source{ID: id, Bucket: "inbox", Key: "w.md", Title: doc.Title, Lang: doc.Lang, Version: version, ObjectTime: time.Now()}
	if err := tk.Record().Intake().Save(t.Context(), tasks.Ingest{Bucket: "inbox", Key: "w.md", ETag: "e"}, s, &record.Bundle{SourceID: id, Version: version, Document: doc, Derivatives: res.Derivatives}); err != nil {
		t.Fatal(err)
	}
	h := &imager{rec: tk.Record(), trs: tk.Translations(), renderers: cardset.NewRenderers(svc.Config), log: slog.New(slog.DiscardHandler)}
	payload, _ := json.Marshal(tasks.Images{SourceID: id, Version: version})
	run := func() {
		t.Helper()
		if err := h.ProcessTask(t.Context(), asynq.NewTask(tasks.TypeImages, payload)); err != nil {
			t.Fatal(err)
		}
	}
	return tk, s, run, svc
}

// statCard is a stat snippet's derivative as the index shows it, and its card.
func statCard(t *testing.T, tk *toolkit.Toolkit, id string) (record.Derivative, record.Media) {
	t.Helper()
	ds, err := tk.Record().SourceDerivatives(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Kind != channel.KindSnippet || d.Type != derive.SnippetStat {
			continue
		}
		for _, m := range d.Media {
			if m.Kind == record.MediaCard {
				return d, m
			}
		}
	}
	t.Fatal("no stat snippet with a card")
	return record.Derivative{}, record.Media{}
}

func public(t *testing.T, tk *toolkit.Toolkit, key string) bool {
	t.Helper()
	ok, err := tk.Record().Files().Public(t.Context(), key)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// An edit's new words get a new card: rendered again by the images task, stored under
// its own hash, listed on the derivative with alt text that says the new words; the old
// file stays in the bucket. A render of the words before the edit that lands late
// changes nothing. A draft's card is not public; approving it makes it so, reindex
// remembers it, and withdrawing the source takes it back.
func TestEditedDerivativeGetsCardsOfItsNewWords(t *testing.T) {
	tk, s, render, svc := imagesFixture(t)
	ctx := t.Context()
	render()
	d, before := statCard(t, tk, s.ID)
	if public(t, tk, before.Key) {
		t.Errorf("the card of a draft (%s) is public", before.Key)
	}
	if _, err := tk.Review().ApproveSource(ctx, s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	if !public(t, tk, before.Key) {
		t.Errorf("the card of an approved derivative (%s) is not public", before.Key)
	}
	staleMedia, err := tk.Record().Bundle(ctx, s)
	if err != nil {
		t.Fatal(err)
	}

	const words = "Teams that cap retries ship 42% fewer incidents."
	if _, err := tk.Review().EditDerivative(ctx, d.ID, words, "mia"); err != nil {
		t.Fatal(err)
	}
	render()
	edited, after := statCard(t, tk, s.ID)
	if edited.ID != d.ID {
		t.Fatalf("stat snippet %s became %s", d.ID, edited.ID)
	}
	if after.Key == before.Key || !strings.Contains(after.Alt, "42% ") || !strings.Contains(after.Alt, "fewer incidents") {
		t.Errorf("after the edit the card is %s with alt %q, want a new file saying the new words", after.Key, after.Alt)
	}
	for _, key := range []string{after.Key, before.Key} {
		if ok, err := tk.Record().Files().Has(ctx, key); err != nil || !ok {
			t.Errorf("%s in the bucket: %v %v, want both the new card and the old one (left for the sweep, past its grace period)", key, ok, err)
		}
	}
	if public(t, tk, after.Key) || public(t, tk, before.Key) {
		t.Errorf("an edited derivative is a draft again: neither card may be public (new %v, old %v)", public(t, tk, after.Key), public(t, tk, before.Key))
	}

	// The render queued before the edit finishes late: its cards are of the old words.
	late := record.Images{Version: s.Version, Status: record.ImagesReady, Media: staleMedia.Media, Preview: staleMedia.Preview}
	if err := tk.Record().Files().SetImages(ctx, s.ID, late); err != nil {
		t.Fatal(err)
	}
	if _, now := statCard(t, tk, s.ID); now.Key != after.Key {
		t.Errorf("a late render of the old words replaced the card: %s, want %s", now.Key, after.Key)
	}

	if _, err := tk.Review().Decide(ctx, d.ID, record.Approved, "mia"); err != nil {
		t.Fatal(err)
	}
	if !public(t, tk, after.Key) {
		t.Errorf("the approved edit's card %s is not public", after.Key)
	}

	// Redis lost: reindex rebuilds which files are public; withdrawn, none is.
	if err := svc.Redis.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.Record().Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if !public(t, tk, after.Key) {
		t.Errorf("after reindex the approved card %s is not public", after.Key)
	}
	if _, err := tk.Record().Withdraw(ctx, s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	if public(t, tk, after.Key) {
		t.Errorf("the card %s of a withdrawn source is public", after.Key)
	}
}

// A translation gets its own cards, from its words with alt text in its language; they
// are public once the translation is approved, and new words get new cards.
func TestTranslationGetsCardsInItsLanguage(t *testing.T) {
	tk, s, render, svc := imagesFixture(t)
	ctx := t.Context()
	render()
	if _, err := tk.Review().ApproveSource(ctx, s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	d, original := statCard(t, tk, s.ID)
	translation := func() *translations.View {
		t.Helper()
		got, err := tk.Translations().Indexed(ctx, []string{translations.Key(d.ID, "es")})
		if err != nil || got[translations.Key(d.ID, "es")] == nil {
			t.Fatalf("translation: %v %v", got, err)
		}
		return got[translations.Key(d.ID, "es")]
	}
	card := func(v *translations.View) record.Media {
		t.Helper()
		for _, m := range v.Media {
			if m.Kind == record.MediaCard {
				return m
			}
		}
		t.Fatalf("the translation carries no card: %+v", v.Media)
		return record.Media{}
	}

	if _, err := tk.Translations().Translate(ctx, d.ID, "es", translations.Input{Text: "El 42% de los equipos publica cada semana."}, "ana"); err != nil {
		t.Fatal(err)
	}
	if v := translation(); len(v.Media) != 0 {
		t.Errorf("a translation just saved lists media %+v before they are rendered", v.Media)
	}
	render()
	es := card(translation())
	if es.Key == original.Key || !strings.Contains(es.Alt, "42% ") || !strings.Contains(es.Alt, "equipos") || !strings.Contains(es.Alt, "Fuente") {
		t.Errorf("the Spanish card is %s with alt %q, want its own file saying the Spanish words with a Spanish source line", es.Key, es.Alt)
	}
	if !strings.HasSuffix(es.URL, "/"+es.Key) {
		t.Errorf("the card's URL is %q, want the public address of %s", es.URL, es.Key)
	}
	if ok, err := tk.Record().Files().Has(ctx, es.Key); err != nil || !ok {
		t.Errorf("%s is not in the bucket: %v", es.Key, err)
	}
	if _, again := statCard(t, tk, s.ID); again.Key != original.Key {
		t.Errorf("translating changed the original's card: %s, want %s", again.Key, original.Key)
	}
	if public(t, tk, es.Key) {
		t.Errorf("a draft translation's card %s is public", es.Key)
	}
	if _, err := tk.Translations().Decide(ctx, d.ID, "es", record.Approved, "ana"); err != nil {
		t.Fatal(err)
	}
	if !public(t, tk, es.Key) {
		t.Errorf("the approved translation's card %s is not public", es.Key)
	}
	if err := svc.Redis.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.Record().Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if !public(t, tk, es.Key) {
		t.Errorf("after reindex the approved translation's card %s is not public", es.Key)
	}

	if _, err := tk.Translations().Translate(ctx, d.ID, "es", translations.Input{Text: "El 57% de los equipos publica cada semana."}, "ana"); err != nil {
		t.Fatal(err)
	}
	if public(t, tk, es.Key) {
		t.Errorf("the card of words replaced by a new draft (%s) is still public", es.Key)
	}
	render()
	next := card(translation())
	if next.Key == es.Key || !strings.Contains(next.Alt, "57% ") {
		t.Errorf("after new words the card is %s with alt %q, want a new one saying 57%%", next.Key, next.Alt)
	}

	// A sweep with no grace at all removes the card of the replaced words, and keeps what
	// the translation and the original list.
	if _, err := tk.Record().Files().Sweep(ctx, time.Nanosecond); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]bool{es.Key: false, next.Key: true, original.Key: true} {
		if ok, err := tk.Record().Files().Has(ctx, key); err != nil || ok != want {
			t.Errorf("after a sweep %s is in the bucket: %v (%v), want %v", key, ok, err, want)
		}
	}
}
