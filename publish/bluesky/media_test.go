package bluesky_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// Media Bluesky cannot take are refused with a message saying so, and nothing is sent.
func TestBlueskyRefusesMediaItCannotTakeBeforeSending(t *testing.T) {
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{})
	big := publish.Media{Kind: publish.MediaCard, ContentType: "image/png", Alt: "big",
		Bytes: append(publishtest.PNG(t, 16, 9, 1), make([]byte, 1_000_001)...)}
	publishtest.RefusesMedia(t, api, newBlueskyTest(t, api.URL), []publishtest.Refusal{
		{Name: "a carousel to Bluesky", Media: publishtest.Carousel(), Want: "Bluesky cannot take a carousel"},
		{Name: "over a megabyte to Bluesky", Media: big, Want: "Bluesky takes at most 1000000"},
	})
}

// blueskyMediaPDS answers sign-in, blob uploads (checking the raw bytes and their type)
// and record creation, keeping the records.
func blueskyMediaPDS(t *testing.T, records *[]map[string]any) *publishtest.FakeAPI {
	var mu sync.Mutex
	return publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /xrpc/com.atproto.server.createSession": func(w http.ResponseWriter, r *http.Request) {
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"accessJwt": "jwt", "refreshJwt": "r", "did": "did:plc:abc", "handle": "a"})
		},
		"POST /xrpc/com.atproto.repo.uploadBlob": func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			if ct := r.Header.Get("Content-Type"); ct != "image/png" || len(b) > 1_000_000 || r.Header.Get("Authorization") != "Bearer jwt" {
				t.Errorf("uploadBlob: Content-Type %q, %d bytes", ct, len(b))
			}
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"blob": map[string]any{"$type": "blob",
				"ref": map[string]string{"$link": "bafk" + publishtest.Sum(b)[:16]}, "mimeType": "image/png", "size": len(b)}})
		},
		"POST /xrpc/com.atproto.repo.createRecord": func(w http.ResponseWriter, r *http.Request) {
			body := publishtest.DecodeJSON(t, r)
			mu.Lock()
			*records = append(*records, body["record"].(map[string]any))
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"uri": "at://did:plc:abc/app.bsky.feed.post/" + fmt.Sprint(body["rkey"]), "cid": "bafyrec"})
		},
	})
}

// Bluesky: images are uploaded as blobs and embedded with alt text and aspect ratio.
func TestBlueskyEmbedsImagesWithAltAndAspectRatio(t *testing.T) {
	var records []map[string]any
	pds := blueskyMediaPDS(t, &records)
	card := publishtest.Card(t, 4)
	_, err := newBlueskyTest(t, pds.URL).Publish(context.Background(),
		&publish.Post{ID: "e-b", Text: "Hello", At: time.Unix(1_780_000_000, 0), Media: []publish.Media{card}})
	if err != nil {
		t.Fatal(err)
	}
	want := "POST /xrpc/com.atproto.repo.uploadBlob"
	if calls := pds.Calls(); len(calls) != 3 || calls[1] != want {
		t.Errorf("calls = %v, want sign-in, the upload, then the record", calls)
	}
	embed := publishtest.JSONOf(records[0]["embed"])
	wantEmbed := publishtest.JSONOf(map[string]any{"$type": "app.bsky.embed.images", "images": []any{map[string]any{
		"alt": card.Alt, "aspectRatio": map[string]int{"height": 90, "width": 160},
		"image": map[string]any{"$type": "blob", "mimeType": "image/png", "ref": map[string]string{"$link": "bafk" + publishtest.Sum(card.Bytes)[:16]}, "size": len(card.Bytes)},
	}}})
	if embed != wantEmbed {
		t.Errorf("embed = %s\nwant %s", embed, wantEmbed)
	}
}

// Bluesky shows a bare URL unless the poster supplies the preview: a link post with a
// preview image carries app.bsky.embed.external with the thumbnail.
func TestBlueskyLinkPostCarriesItsPreview(t *testing.T) {
	var records []map[string]any
	pds := blueskyMediaPDS(t, &records)
	og := publish.Media{Kind: publish.MediaPreview, ContentType: "image/png", Bytes: publishtest.PNG(t, 120, 63, 9),
		Alt: "Title card", Title: "How we cut cold starts", Description: "Three changes halved our p99."}
	_, err := newBlueskyTest(t, pds.URL).Publish(context.Background(), &publish.Post{ID: "e-l",
		Text: "New post https://example.com/p", Link: "https://example.com/p", Media: []publish.Media{og}})
	if err != nil {
		t.Fatal(err)
	}
	ext, _ := records[0]["embed"].(map[string]any)
	e, _ := ext["external"].(map[string]any)
	if ext["$type"] != "app.bsky.embed.external" || e["uri"] != "https://example.com/p" || e["title"] != og.Title ||
		e["description"] != og.Description || e["thumb"] == nil {
		t.Errorf("embed = %s, want an external embed of the link with title, description and thumb", publishtest.JSONOf(ext))
	}
}
