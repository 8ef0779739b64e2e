package mastodon_test

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// Media Mastodon cannot take are refused with a message saying so, and nothing is sent.
func TestMastodonRefusesMediaItCannotTakeBeforeSending(t *testing.T) {
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{})
	noAlt := publishtest.Card(t, 2)
	noAlt.Alt = " "
	publishtest.RefusesMedia(t, api, newMastodonTest(t, api.URL, nil), []publishtest.Refusal{
		{Name: "a carousel to Mastodon", Media: publishtest.Carousel(), Want: "Mastodon cannot take a carousel (PDF document)"},
		{Name: "a card without alt text", Media: noAlt, Want: "a card needs alt text"},
	})
}

// Mastodon: POST /api/v2/media with the alt text as description; a 202 means the
// instance is still processing, so the publisher waits until GET /api/v1/media/:id
// answers 200 before posting the status with media_ids[]. A retry reuses the upload.
func TestMastodonAttachesImagesAfterProcessing(t *testing.T) {
	card := publishtest.Card(t, 7)
	var mu sync.Mutex
	polls := 0
	statuses := &publishtest.FailOnce{Fail: true}
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /api/v2/media": func(w http.ResponseWriter, r *http.Request) {
			f := publishtest.ReadForm(t, r)
			if f.Fields["description"] != card.Alt || f.FileField != "file" || !bytes.Equal(f.File, card.Bytes) || f.FileType != "image/png" {
				t.Errorf("upload: description %q, file part %q (%s, %d bytes)", f.Fields["description"], f.FileField, f.FileType, len(f.File))
			}
			publishtest.WriteJSON(w, http.StatusAccepted, map[string]any{"id": "m1", "type": "image", "url": nil})
		},
		"GET /api/v1/media/m1": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			polls++
			done := polls > 1
			mu.Unlock()
			if !done {
				publishtest.WriteJSON(w, http.StatusPartialContent, map[string]any{"id": "m1", "url": nil})
				return
			}
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"id": "m1", "url": "https://files.example/m1.png"})
		},
		"POST /api/v1/statuses": func(w http.ResponseWriter, r *http.Request) {
			if statuses.Take(publishtest.DecodeJSON(t, r)) {
				publishtest.WriteJSON(w, http.StatusServiceUnavailable, map[string]any{"error": "down"})
				return
			}
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"id": "s1", "url": "https://masto.example/@a/s1"})
		},
	})
	pub := newMastodonTest(t, api.URL, nil)
	post := &publish.Post{ID: "e-m", Text: "Hello", Media: []publish.Media{card}}
	res, err := pub.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Later || res.Uploaded[publishtest.Sum(card.Bytes)] != "m1" {
		t.Fatalf("first attempt: %+v, %v; want later with the upload remembered", res, err)
	}
	post.Uploaded = res.Uploaded
	if res, err = pub.Publish(context.Background(), post); err != nil || res.RemoteID != "s1" {
		t.Fatalf("retry: %+v, %v", res, err)
	}
	want := []string{"POST /api/v2/media", "GET /api/v1/media/m1", "GET /api/v1/media/m1", "POST /api/v1/statuses", "POST /api/v1/statuses"}
	if calls := api.Calls(); !reflect.DeepEqual(calls, want) {
		t.Errorf("calls = %v, want %v (one upload, the status only once it is processed)", calls, want)
	}
	for _, s := range statuses.Bodies {
		if got := publishtest.JSONOf(s["media_ids"]); got != `["m1"]` {
			t.Errorf("status media_ids = %s, want [\"m1\"]", got)
		}
	}
}

// An upload is not a post: one that got a 5xx posted nothing, so it is tried again, not
// left unknown.
func TestMastodonUploadWithoutAnAnswerIsTriedAgain(t *testing.T) {
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /api/v2/media": func(w http.ResponseWriter, r *http.Request) {
			publishtest.WriteJSON(w, http.StatusInternalServerError, map[string]string{"error": "boom"})
		},
	})
	_, err := newMastodonTest(t, api.URL, nil).Publish(context.Background(), &publish.Post{ID: "e", Text: "Hello", Media: []publish.Media{publishtest.Card(t, 1)}})
	if publish.KindOf(err) != publish.Later {
		t.Errorf("%v, want later", err)
	}
	if n := api.Count("POST /api/v1/statuses"); n != 0 {
		t.Errorf("a post went out without its image: %v", api.Calls())
	}
}
