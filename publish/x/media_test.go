package x_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// Media X cannot take are refused with a message saying so, and nothing is sent.
func TestXRefusesMediaItCannotTakeBeforeSending(t *testing.T) {
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{})
	notPNG := publishtest.Card(t, 3)
	notPNG.Bytes = []byte("<html>not an image</html>")
	publishtest.RefusesMedia(t, api, newXTest(t, api.URL, nil), []publishtest.Refusal{
		{Name: "a carousel to X", Media: publishtest.Carousel(), Want: "X cannot take a carousel"},
		{Name: "HTML sent as a PNG", Media: notPNG, Want: "images are PNG or JPEG"},
	})
}

// X: each image goes to /2/media/upload as multipart (media_category tweet_image), its
// alt text to /2/media/metadata, then the post names the media IDs; a retry after the
// post failed attaches the IDs again and uploads nothing.
func TestXAttachesImagesWithAltText(t *testing.T) {
	cards := []publish.Media{publishtest.Card(t, 1), publishtest.Card(t, 2)}
	var mu sync.Mutex
	ids := map[string]string{} // sha256 → media ID
	alts := map[string]string{}
	tweets := &publishtest.FailOnce{Fail: true}
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /2/media/upload": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer user-token" {
				t.Errorf("upload without the user token")
			}
			f := publishtest.ReadForm(t, r)
			if f.Fields["media_category"] != "tweet_image" || f.FileField != "media" || f.FileType != "image/png" {
				t.Errorf("upload fields = %v, file part %q (%s), want media_category tweet_image and a media part of image/png", f.Fields, f.FileField, f.FileType)
			}
			mu.Lock()
			id := fmt.Sprint(1000 + len(ids))
			ids[publishtest.Sum(f.File)] = id
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"id": id, "media_key": "3_" + id}})
		},
		"POST /2/media/metadata": func(w http.ResponseWriter, r *http.Request) {
			var body struct {
				ID       string `json:"id"`
				Metadata struct {
					AltText struct {
						Text string `json:"text"`
					} `json:"alt_text"`
				} `json:"metadata"`
			}
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				t.Error(err)
			}
			mu.Lock()
			alts[body.ID] = body.Metadata.AltText.Text
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"id": body.ID, "associated_metadata": true}})
		},
		"POST /2/tweets": func(w http.ResponseWriter, r *http.Request) {
			if tweets.Take(publishtest.DecodeJSON(t, r)) {
				w.Header().Set("Retry-After", "1")
				publishtest.WriteJSON(w, http.StatusTooManyRequests, map[string]any{"title": "Too Many Requests"})
				return
			}
			publishtest.WriteJSON(w, http.StatusCreated, map[string]any{"data": map[string]any{"id": "1799", "text": "x"}})
		},
	})
	pub := newXTest(t, api.URL, nil)
	post := &publish.Post{ID: "e-x", Text: "73% of teams ship weekly", Media: cards}
	res, err := pub.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Later {
		t.Fatalf("first attempt: err = %v, want later (429)", err)
	}
	if len(res.Uploaded) != 2 {
		t.Fatalf("a failed attempt returns what it uploaded; got %v", res.Uploaded)
	}
	// The worker records Uploaded and gives it to the next attempt.
	post.Uploaded = res.Uploaded
	res, err = pub.Publish(context.Background(), post)
	if err != nil || res.RemoteID != "1799" {
		t.Fatalf("retry: %+v, %v", res, err)
	}
	if n := api.Count("POST /2/media/upload"); n != 2 {
		t.Errorf("uploads = %d, want 2 (each image once, across both attempts)", n)
	}
	calls := api.Calls()
	if calls[0] != "POST /2/media/upload" || calls[1] != "POST /2/media/metadata" || calls[len(calls)-1] != "POST /2/tweets" {
		t.Errorf("calls = %v, want each upload followed by its alt text, the post last", calls)
	}
	for _, c := range cards {
		id := ids[publishtest.Sum(c.Bytes)]
		if alts[id] != c.Alt {
			t.Errorf("alt text of %s = %q, want %q", id, alts[id], c.Alt)
		}
	}
	want := []any{ids[publishtest.Sum(cards[0].Bytes)], ids[publishtest.Sum(cards[1].Bytes)]}
	for i, tw := range tweets.Bodies {
		media, _ := tw["media"].(map[string]any)
		if !reflect.DeepEqual(media["media_ids"], want) {
			t.Errorf("post %d media = %v, want media_ids %v in order", i, tw["media"], want)
		}
	}
}

// An upload is not a post: one that got no answer posted nothing, so it is tried again even on X (which cannot recognise a repeated post), not
// left unknown.
func TestXUploadWithoutAnAnswerIsTriedAgain(t *testing.T) {
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /2/media/upload": func(w http.ResponseWriter, r *http.Request) { publishtest.HijackClose(t, w, r) },
	})
	_, err := newXTest(t, api.URL, nil).Publish(context.Background(), &publish.Post{ID: "e", Text: "Hello", Media: []publish.Media{publishtest.Card(t, 1)}})
	if publish.KindOf(err) != publish.Later {
		t.Errorf("%v, want later", err)
	}
	if n := api.Count("POST /2/tweets"); n != 0 {
		t.Errorf("a post went out without its image: %v", api.Calls())
	}
}
