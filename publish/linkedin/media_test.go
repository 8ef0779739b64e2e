package linkedin_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// linkedInMediaAPI is LinkedIn's Images, Documents and Posts APIs: initializeUpload
// answers an upload URL on the same server and the asset's URN; the PUT must carry the
// bytes with the token.
func linkedInMediaAPI(t *testing.T, posts *publishtest.FailOnce) *publishtest.FakeAPI {
	var mu sync.Mutex
	n := 0
	var api *publishtest.FakeAPI
	initialize := func(kind string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			body := publishtest.DecodeJSON(t, r)
			if r.URL.Query().Get("action") != "initializeUpload" || r.Header.Get("LinkedIn-Version") == "" ||
				publishtest.JSONOf(body) != `{"initializeUploadRequest":{"owner":"urn:li:organization:5515715"}}` {
				t.Errorf("initializeUpload %s: query %q, body %s", kind, r.URL.RawQuery, publishtest.JSONOf(body))
			}
			mu.Lock()
			n++
			id := fmt.Sprintf("C4E%d", n)
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"value": map[string]any{
				"uploadUrlExpiresAt": 1, "uploadUrl": api.URL + "/upload/" + id, kind: "urn:li:" + kind + ":" + id}})
		}
	}
	api = publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /rest/images":    initialize("image"),
		"POST /rest/documents": initialize("document"),
		"PUT /upload/*": func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			if r.Header.Get("Authorization") != "Bearer li-token" || len(b) == 0 {
				t.Errorf("upload: %d bytes, Authorization %q", len(b), r.Header.Get("Authorization"))
			}
			w.WriteHeader(http.StatusCreated)
		},
		"POST /rest/posts": func(w http.ResponseWriter, r *http.Request) {
			if posts.Take(linkedInReadPost(t, r, "li-token", "202607")) {
				publishtest.WriteJSON(w, http.StatusTooManyRequests, map[string]any{"message": "throttled"})
				return
			}
			linkedInCreated(w, "urn:li:share:7")
		},
	})
	return api
}

// LinkedIn: the carousel goes through the Documents API and the post references the
// document URN with its title; a card through the Images API with alt text; a link
// preview image as the article's thumbnail. Initialise, upload, then post.
func TestLinkedInAttachesDocumentsImagesAndThumbnails(t *testing.T) {
	card, og := publishtest.Card(t, 5), publish.Media{Kind: publish.MediaPreview, ContentType: "image/png",
		Bytes: publishtest.PNG(t, 120, 63, 6), Alt: "The title card", Title: "Cold starts", Description: "Halved."}
	for _, c := range []struct {
		name    string
		media   []publish.Media
		calls   []string
		content string
	}{
		{"carousel", []publish.Media{card, publishtest.Carousel()},
			[]string{"POST /rest/documents", "PUT /upload/C4E1", "POST /rest/posts"},
			`{"media":{"id":"urn:li:document:C4E1","title":"Five findings on cold starts"}}`},
		{"card", []publish.Media{card},
			[]string{"POST /rest/images", "PUT /upload/C4E1", "POST /rest/posts"},
			`{"media":{"altText":` + publishtest.JSONOf(card.Alt) + `,"id":"urn:li:image:C4E1"}}`},
		{"link preview", []publish.Media{og},
			[]string{"POST /rest/images", "PUT /upload/C4E1", "POST /rest/posts"},
			`{"article":{"description":"Halved.","source":"https://example.com/p","thumbnail":"urn:li:image:C4E1","thumbnailAltText":"The title card","title":"Cold starts"}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			posts := &publishtest.FailOnce{}
			api := linkedInMediaAPI(t, posts)
			_, err := newLinkedInTest(t, api.URL, nil).Publish(context.Background(),
				&publish.Post{ID: "e-li", Text: "Read https://example.com/p", Link: "https://example.com/p", Media: c.media})
			if err != nil {
				t.Fatal(err)
			}
			if calls := api.Calls(); !reflect.DeepEqual(calls, c.calls) {
				t.Errorf("calls = %v, want %v", calls, c.calls)
			}
			if got := publishtest.JSONOf(posts.Bodies[0]["content"]); got != c.content {
				t.Errorf("content = %s\nwant %s", got, c.content)
			}
		})
	}
}

// LinkedIn cannot recognise a repeated post, but a post that was turned away (429)
// is retried; the image it had uploaded is referenced again, not uploaded twice.
func TestLinkedInRetryReusesTheUploadedImage(t *testing.T) {
	posts := &publishtest.FailOnce{Fail: true}
	api := linkedInMediaAPI(t, posts)
	pub := newLinkedInTest(t, api.URL, nil)
	post := &publish.Post{ID: "e-li", Text: "Hello", Media: []publish.Media{publishtest.Card(t, 8)}}
	res, err := pub.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Later {
		t.Fatalf("first attempt: %v, want later", err)
	}
	post.Uploaded = res.Uploaded
	if _, err := pub.Publish(context.Background(), post); err != nil {
		t.Fatal(err)
	}
	if n := api.Count("POST /rest/images"); n != 1 {
		t.Errorf("initializeUpload calls = %d, want 1", n)
	}
	if a, b := publishtest.JSONOf(posts.Bodies[0]["content"]), publishtest.JSONOf(posts.Bodies[1]["content"]); a != b {
		t.Errorf("the retry references %s, the first attempt %s", b, a)
	}
}

// The token goes with the bytes: an upload URL neither on LinkedIn over https nor on
// the API's own host is not followed.
func TestLinkedInRefusesAForeignUploadURL(t *testing.T) {
	foreign := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{})
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /rest/images": func(w http.ResponseWriter, r *http.Request) {
			publishtest.WriteJSON(w, http.StatusOK, map[string]any{"value": map[string]any{"uploadUrl": foreign.URL + "/steal", "image": "urn:li:image:1"}})
		},
	})
	_, err := newLinkedInTest(t, api.URL, nil).Publish(context.Background(),
		&publish.Post{ID: "e", Text: "Hello", Media: []publish.Media{publishtest.Card(t, 1)}})
	if err == nil || len(foreign.Calls()) > 0 || api.Count("POST /rest/posts") > 0 {
		t.Errorf("err = %v, foreign calls %v: want an error and nothing sent elsewhere", err, foreign.Calls())
	}
}
