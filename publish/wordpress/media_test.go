package wordpress_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
)

// WordPress: the card goes to the media library with its alt text and becomes the
// post's featured_media. After a crash (nothing recorded), the image's slug look-up
// finds the earlier upload instead of uploading it again.
func TestWordPressSetsTheFeaturedImage(t *testing.T) {
	card := publishtest.Card(t, 3)
	var mu sync.Mutex
	var uploaded []string // slugs
	var posts []map[string]any
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"GET /wp-json/wp/v2/posts": func(w http.ResponseWriter, r *http.Request) { publishtest.WriteJSON(w, http.StatusOK, []any{}) },
		"GET /wp-json/wp/v2/media": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			defer mu.Unlock()
			for _, s := range uploaded {
				if s == r.URL.Query().Get("slug") {
					publishtest.WriteJSON(w, http.StatusOK, []any{map[string]any{"id": 88, "slug": s}})
					return
				}
			}
			publishtest.WriteJSON(w, http.StatusOK, []any{})
		},
		"POST /wp-json/wp/v2/media": func(w http.ResponseWriter, r *http.Request) {
			if u, p, ok := r.BasicAuth(); !ok || u != wpTestUser || p != wpTestPass {
				t.Errorf("upload without the application password")
			}
			f := publishtest.ReadForm(t, r)
			if f.Fields["alt_text"] != card.Alt || f.FileField != "file" || !bytes.Equal(f.File, card.Bytes) || !strings.HasSuffix(f.Name, ".png") {
				t.Errorf("upload: fields %v, file %q %q (%d bytes)", f.Fields, f.FileField, f.Name, len(f.File))
			}
			mu.Lock()
			uploaded = append(uploaded, f.Fields["slug"])
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusCreated, map[string]any{"id": 88, "slug": f.Fields["slug"]})
		},
		"POST /wp-json/wp/v2/posts": func(w http.ResponseWriter, r *http.Request) {
			body := publishtest.DecodeJSON(t, r)
			mu.Lock()
			posts = append(posts, body)
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusCreated, map[string]any{"id": 501, "link": "https://blog.example/p"})
		},
	})
	pub := newWordPressTest(t, map[string]string{"site": api.URL})
	for range 2 { // the second as after a crash: Uploaded was never recorded
		p := wpTestPost(time.Now().Add(time.Hour))
		p.Media = []publish.Media{card}
		if _, err := pub.Publish(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	if len(uploaded) != 1 {
		t.Errorf("uploads = %d, want 1", len(uploaded))
	}
	for _, p := range posts {
		if p["featured_media"] != float64(88) {
			t.Errorf("featured_media = %v, want 88", p["featured_media"])
		}
	}
}
