package publish_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/publish"
)

// mediaTestPNG is a real PNG of w×h pixels; seed makes distinct images.
func mediaTestPNG(t *testing.T, w, h int, seed uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x) ^ seed, uint8(y), seed, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func mediaTestSum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// mediaTestCard is a 16:9 card with its alt text.
func mediaTestCard(t *testing.T, seed uint8) publish.Media {
	b := mediaTestPNG(t, 160, 90, seed)
	return publish.Media{Kind: publish.MediaCard, ContentType: "image/png", Bytes: b,
		Alt: fmt.Sprintf("A stat card: 73%% of teams ship weekly (%d).", seed)}
}

// mediaTestCarousel is a (tiny) PDF document with its title.
func mediaTestCarousel() publish.Media {
	return publish.Media{Kind: publish.MediaCarousel, ContentType: "application/pdf", Title: "Five findings on cold starts",
		Bytes: []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")}
}

// fakeAPI is a service whose handlers the test writes, keeping every call in order.
type fakeAPI struct {
	t        *testing.T
	mu       sync.Mutex
	calls    []string
	handlers map[string]http.HandlerFunc // "METHOD /path"
	srv      *httptest.Server
}

func newFakeAPI(t *testing.T, handlers map[string]http.HandlerFunc) *fakeAPI {
	f := &fakeAPI{t: t, handlers: handlers}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + r.URL.Path
		f.mu.Lock()
		f.calls = append(f.calls, key)
		f.mu.Unlock()
		h := f.handlers[key]
		if h == nil {
			for k, v := range f.handlers { // "GET /api/v1/media/*"
				if p, ok := strings.CutSuffix(k, "*"); ok && strings.HasPrefix(key, p) {
					h = v
				}
			}
		}
		if h == nil {
			t.Errorf("unexpected call %s", key)
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		h(w, r)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) callList() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeAPI) count(key string) int {
	n := 0
	for _, c := range f.callList() {
		if c == key {
			n++
		}
	}
	return n
}

// mediaTestForm reads a multipart/form-data request: its fields, and its one file
// with the file part's Content-Type and name.
type mediaTestForm struct {
	fields                    map[string]string
	file                      []byte
	fileField, name, fileType string
}

func readForm(t *testing.T, r *http.Request) mediaTestForm {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type = %q, want multipart/form-data", r.Header.Get("Content-Type"))
	}
	f := mediaTestForm{fields: map[string]string{}}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return f
		}
		if err != nil {
			t.Fatalf("multipart: %v", err)
		}
		b, _ := io.ReadAll(p)
		if p.FileName() != "" {
			if f.file != nil {
				t.Errorf("more than one file part")
			}
			f.file, f.fileField, f.name, f.fileType = b, p.FormName(), p.FileName(), p.Header.Get("Content-Type")
			continue
		}
		f.fields[p.FormName()] = string(b)
	}
}

func decodeJSON(t *testing.T, r *http.Request) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		t.Fatalf("%s %s: body is not JSON: %v", r.Method, r.URL.Path, err)
	}
	return v
}

// failOnce keeps the JSON bodies of a post endpoint and says to turn the first away
// (when fail is set), as a rate limit or an outage would.
type failOnce struct {
	mu     sync.Mutex
	fail   bool
	bodies []map[string]any
}

func (f *failOnce) take(t *testing.T, r *http.Request, body map[string]any) (fail bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.bodies = append(f.bodies, body)
	fail, f.fail = f.fail, false
	return fail
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Media a channel cannot take are refused with a message saying so, and nothing is
// sent: a carousel to Mastodon, an image over Bluesky's 1,000,000 bytes, a card without
// alt text, a file that is not what its content type says.
func TestMediaAChannelCannotTakeIsRefusedBeforeSending(t *testing.T) {
	api := newFakeAPI(t, map[string]http.HandlerFunc{})
	big := publish.Media{Kind: publish.MediaCard, ContentType: "image/png", Alt: "big",
		Bytes: append(mediaTestPNG(t, 16, 9, 1), make([]byte, 1_000_001)...)}
	noAlt := mediaTestCard(t, 2)
	noAlt.Alt = " "
	notPNG := mediaTestCard(t, 3)
	notPNG.Bytes = []byte("<html>not an image</html>")
	for _, c := range []struct {
		name string
		pub  publish.Publisher
		m    publish.Media
		want string
	}{
		{"a carousel to Mastodon", newMastodonTest(t, api.srv.URL, nil), mediaTestCarousel(), "Mastodon cannot take a carousel (PDF document)"},
		{"a carousel to X", newXTest(t, api.srv.URL, nil), mediaTestCarousel(), "X cannot take a carousel"},
		{"a carousel to Bluesky", newBlueskyTest(t, api.srv.URL), mediaTestCarousel(), "Bluesky cannot take a carousel"},
		{"over a megabyte to Bluesky", newBlueskyTest(t, api.srv.URL), big, "Bluesky takes at most 1000000"},
		{"a card without alt text", newMastodonTest(t, api.srv.URL, nil), noAlt, "a card needs alt text"},
		{"HTML sent as a PNG", newXTest(t, api.srv.URL, nil), notPNG, "images are PNG or JPEG"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.pub.Publish(context.Background(), &publish.Post{ID: "e1", Text: "Hello", Media: []publish.Media{c.m}})
			if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want refused saying %q", err, c.want)
			}
		})
	}
	if calls := api.callList(); len(calls) > 0 {
		t.Errorf("calls = %v, want none", calls)
	}
}

// X: each image goes to /2/media/upload as multipart (media_category tweet_image), its
// alt text to /2/media/metadata, then the post names the media IDs; a retry after the
// post failed attaches the IDs again and uploads nothing.
func TestXAttachesImagesWithAltText(t *testing.T) {
	cards := []publish.Media{mediaTestCard(t, 1), mediaTestCard(t, 2)}
	var mu sync.Mutex
	ids := map[string]string{} // sha256 → media ID
	alts := map[string]string{}
	tweets := &failOnce{fail: true}
	api := newFakeAPI(t, map[string]http.HandlerFunc{
		"POST /2/media/upload": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer user-token" {
				t.Errorf("upload without the user token")
			}
			f := readForm(t, r)
			if f.fields["media_category"] != "tweet_image" || f.fileField != "media" || f.fileType != "image/png" {
				t.Errorf("upload fields = %v, file part %q (%s), want media_category tweet_image and a media part of image/png", f.fields, f.fileField, f.fileType)
			}
			mu.Lock()
			id := fmt.Sprint(1000 + len(ids))
			ids[mediaTestSum(f.file)] = id
			mu.Unlock()
			writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"id": id, "media_key": "3_" + id}})
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
			writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"id": body.ID, "associated_metadata": true}})
		},
		"POST /2/tweets": func(w http.ResponseWriter, r *http.Request) {
			if tweets.take(t, r, decodeJSON(t, r)) {
				w.Header().Set("Retry-After", "1")
				writeJSON(w, http.StatusTooManyRequests, map[string]any{"title": "Too Many Requests"})
				return
			}
			writeJSON(w, http.StatusCreated, map[string]any{"data": map[string]any{"id": "1799", "text": "x"}})
		},
	})
	pub := newXTest(t, api.srv.URL, nil)
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
	if n := api.count("POST /2/media/upload"); n != 2 {
		t.Errorf("uploads = %d, want 2 (each image once, across both attempts)", n)
	}
	calls := api.callList()
	if calls[0] != "POST /2/media/upload" || calls[1] != "POST /2/media/metadata" || calls[len(calls)-1] != "POST /2/tweets" {
		t.Errorf("calls = %v, want each upload followed by its alt text, the post last", calls)
	}
	for _, c := range cards {
		id := ids[mediaTestSum(c.Bytes)]
		if alts[id] != c.Alt {
			t.Errorf("alt text of %s = %q, want %q", id, alts[id], c.Alt)
		}
	}
	want := []any{ids[mediaTestSum(cards[0].Bytes)], ids[mediaTestSum(cards[1].Bytes)]}
	for i, tw := range tweets.bodies {
		media, _ := tw["media"].(map[string]any)
		if !reflect.DeepEqual(media["media_ids"], want) {
			t.Errorf("post %d media = %v, want media_ids %v in order", i, tw["media"], want)
		}
	}
}

// Mastodon: POST /api/v2/media with the alt text as description; a 202 means the
// instance is still processing, so the publisher waits until GET /api/v1/media/:id
// answers 200 before posting the status with media_ids[]. A retry reuses the upload.
func TestMastodonAttachesImagesAfterProcessing(t *testing.T) {
	card := mediaTestCard(t, 7)
	var mu sync.Mutex
	polls := 0
	statuses := &failOnce{fail: true}
	api := newFakeAPI(t, map[string]http.HandlerFunc{
		"POST /api/v2/media": func(w http.ResponseWriter, r *http.Request) {
			f := readForm(t, r)
			if f.fields["description"] != card.Alt || f.fileField != "file" || !bytes.Equal(f.file, card.Bytes) || f.fileType != "image/png" {
				t.Errorf("upload: description %q, file part %q (%s, %d bytes)", f.fields["description"], f.fileField, f.fileType, len(f.file))
			}
			writeJSON(w, http.StatusAccepted, map[string]any{"id": "m1", "type": "image", "url": nil})
		},
		"GET /api/v1/media/m1": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			polls++
			done := polls > 1
			mu.Unlock()
			if !done {
				writeJSON(w, http.StatusPartialContent, map[string]any{"id": "m1", "url": nil})
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"id": "m1", "url": "https://files.example/m1.png"})
		},
		"POST /api/v1/statuses": func(w http.ResponseWriter, r *http.Request) {
			if statuses.take(t, r, decodeJSON(t, r)) {
				writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": "down"})
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"id": "s1", "url": "https://masto.example/@a/s1"})
		},
	})
	pub := newMastodonTest(t, api.srv.URL, nil)
	post := &publish.Post{ID: "e-m", Text: "Hello", Media: []publish.Media{card}}
	res, err := pub.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Later || res.Uploaded[mediaTestSum(card.Bytes)] != "m1" {
		t.Fatalf("first attempt: %+v, %v; want later with the upload remembered", res, err)
	}
	post.Uploaded = res.Uploaded
	if res, err = pub.Publish(context.Background(), post); err != nil || res.RemoteID != "s1" {
		t.Fatalf("retry: %+v, %v", res, err)
	}
	want := []string{"POST /api/v2/media", "GET /api/v1/media/m1", "GET /api/v1/media/m1", "POST /api/v1/statuses", "POST /api/v1/statuses"}
	if calls := api.callList(); !reflect.DeepEqual(calls, want) {
		t.Errorf("calls = %v, want %v (one upload, the status only once it is processed)", calls, want)
	}
	for _, s := range statuses.bodies {
		if got := jsonOf(s["media_ids"]); got != `["m1"]` {
			t.Errorf("status media_ids = %s, want [\"m1\"]", got)
		}
	}
}

// blueskyMediaPDS answers sign-in, blob uploads (checking the raw bytes and their type)
// and record creation, keeping the records.
func blueskyMediaPDS(t *testing.T, records *[]map[string]any) *fakeAPI {
	var mu sync.Mutex
	return newFakeAPI(t, map[string]http.HandlerFunc{
		"POST /xrpc/com.atproto.server.createSession": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"accessJwt": "jwt", "refreshJwt": "r", "did": "did:plc:abc", "handle": "a"})
		},
		"POST /xrpc/com.atproto.repo.uploadBlob": func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			if ct := r.Header.Get("Content-Type"); ct != "image/png" || len(b) > 1_000_000 || r.Header.Get("Authorization") != "Bearer jwt" {
				t.Errorf("uploadBlob: Content-Type %q, %d bytes", ct, len(b))
			}
			writeJSON(w, http.StatusOK, map[string]any{"blob": map[string]any{"$type": "blob",
				"ref": map[string]string{"$link": "bafk" + mediaTestSum(b)[:16]}, "mimeType": "image/png", "size": len(b)}})
		},
		"POST /xrpc/com.atproto.repo.createRecord": func(w http.ResponseWriter, r *http.Request) {
			body := decodeJSON(t, r)
			mu.Lock()
			*records = append(*records, body["record"].(map[string]any))
			mu.Unlock()
			writeJSON(w, http.StatusOK, map[string]any{"uri": "at://did:plc:abc/app.bsky.feed.post/" + fmt.Sprint(body["rkey"]), "cid": "bafyrec"})
		},
	})
}

// Bluesky: images are uploaded as blobs and embedded with alt text and aspect ratio.
func TestBlueskyEmbedsImagesWithAltAndAspectRatio(t *testing.T) {
	var records []map[string]any
	pds := blueskyMediaPDS(t, &records)
	card := mediaTestCard(t, 4)
	_, err := newBlueskyTest(t, pds.srv.URL).Publish(context.Background(),
		&publish.Post{ID: "e-b", Text: "Hello", At: time.Unix(1_780_000_000, 0), Media: []publish.Media{card}})
	if err != nil {
		t.Fatal(err)
	}
	want := "POST /xrpc/com.atproto.repo.uploadBlob"
	if calls := pds.callList(); len(calls) != 3 || calls[1] != want {
		t.Errorf("calls = %v, want sign-in, the upload, then the record", calls)
	}
	embed := jsonOf(records[0]["embed"])
	wantEmbed := jsonOf(map[string]any{"$type": "app.bsky.embed.images", "images": []any{map[string]any{
		"alt": card.Alt, "aspectRatio": map[string]int{"height": 90, "width": 160},
		"image": map[string]any{"$type": "blob", "mimeType": "image/png", "ref": map[string]string{"$link": "bafk" + mediaTestSum(card.Bytes)[:16]}, "size": len(card.Bytes)},
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
	og := publish.Media{Kind: publish.MediaPreview, ContentType: "image/png", Bytes: mediaTestPNG(t, 120, 63, 9),
		Alt: "Title card", Title: "How we cut cold starts", Description: "Three changes halved our p99."}
	_, err := newBlueskyTest(t, pds.srv.URL).Publish(context.Background(), &publish.Post{ID: "e-l",
		Text: "New post https://example.com/p", Link: "https://example.com/p", Media: []publish.Media{og}})
	if err != nil {
		t.Fatal(err)
	}
	ext, _ := records[0]["embed"].(map[string]any)
	e, _ := ext["external"].(map[string]any)
	if ext["$type"] != "app.bsky.embed.external" || e["uri"] != "https://example.com/p" || e["title"] != og.Title ||
		e["description"] != og.Description || e["thumb"] == nil {
		t.Errorf("embed = %s, want an external embed of the link with title, description and thumb", jsonOf(ext))
	}
}

// linkedInMediaAPI is LinkedIn's Images, Documents and Posts APIs: initializeUpload
// answers an upload URL on the same server and the asset's URN; the PUT must carry the
// bytes with the token.
func linkedInMediaAPI(t *testing.T, posts *failOnce) *fakeAPI {
	var mu sync.Mutex
	n := 0
	var api *fakeAPI
	initialize := func(kind string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			body := decodeJSON(t, r)
			if r.URL.Query().Get("action") != "initializeUpload" || r.Header.Get("LinkedIn-Version") == "" ||
				jsonOf(body) != `{"initializeUploadRequest":{"owner":"urn:li:organization:5515715"}}` {
				t.Errorf("initializeUpload %s: query %q, body %s", kind, r.URL.RawQuery, jsonOf(body))
			}
			mu.Lock()
			n++
			id := fmt.Sprintf("C4E%d", n)
			mu.Unlock()
			writeJSON(w, http.StatusOK, map[string]any{"value": map[string]any{
				"uploadUrlExpiresAt": 1, "uploadUrl": api.srv.URL + "/upload/" + id, kind: "urn:li:" + kind + ":" + id}})
		}
	}
	api = newFakeAPI(t, map[string]http.HandlerFunc{
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
			if posts.take(t, r, linkedInReadPost(t, r, "li-token", "202607")) {
				writeJSON(w, http.StatusTooManyRequests, map[string]any{"message": "throttled"})
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
	card, og := mediaTestCard(t, 5), publish.Media{Kind: publish.MediaPreview, ContentType: "image/png",
		Bytes: mediaTestPNG(t, 120, 63, 6), Alt: "The title card", Title: "Cold starts", Description: "Halved."}
	for _, c := range []struct {
		name    string
		media   []publish.Media
		calls   []string
		content string
	}{
		{"carousel", []publish.Media{card, mediaTestCarousel()},
			[]string{"POST /rest/documents", "PUT /upload/C4E1", "POST /rest/posts"},
			`{"media":{"id":"urn:li:document:C4E1","title":"Five findings on cold starts"}}`},
		{"card", []publish.Media{card},
			[]string{"POST /rest/images", "PUT /upload/C4E1", "POST /rest/posts"},
			`{"media":{"altText":` + jsonOf(card.Alt) + `,"id":"urn:li:image:C4E1"}}`},
		{"link preview", []publish.Media{og},
			[]string{"POST /rest/images", "PUT /upload/C4E1", "POST /rest/posts"},
			`{"article":{"description":"Halved.","source":"https://example.com/p","thumbnail":"urn:li:image:C4E1","thumbnailAltText":"The title card","title":"Cold starts"}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			posts := &failOnce{}
			api := linkedInMediaAPI(t, posts)
			_, err := newLinkedInTest(t, api.srv.URL, nil).Publish(context.Background(),
				&publish.Post{ID: "e-li", Text: "Read https://example.com/p", Link: "https://example.com/p", Media: c.media})
			if err != nil {
				t.Fatal(err)
			}
			if calls := api.callList(); !reflect.DeepEqual(calls, c.calls) {
				t.Errorf("calls = %v, want %v", calls, c.calls)
			}
			if got := jsonOf(posts.bodies[0]["content"]); got != c.content {
				t.Errorf("content = %s\nwant %s", got, c.content)
			}
		})
	}
}

// LinkedIn cannot recognise a repeated post, but a post that was turned away (429)
// is retried; the image it had uploaded is referenced again, not uploaded twice.
func TestLinkedInRetryReusesTheUploadedImage(t *testing.T) {
	posts := &failOnce{fail: true}
	api := linkedInMediaAPI(t, posts)
	pub := newLinkedInTest(t, api.srv.URL, nil)
	post := &publish.Post{ID: "e-li", Text: "Hello", Media: []publish.Media{mediaTestCard(t, 8)}}
	res, err := pub.Publish(context.Background(), post)
	if publish.KindOf(err) != publish.Later {
		t.Fatalf("first attempt: %v, want later", err)
	}
	post.Uploaded = res.Uploaded
	if _, err := pub.Publish(context.Background(), post); err != nil {
		t.Fatal(err)
	}
	if n := api.count("POST /rest/images"); n != 1 {
		t.Errorf("initializeUpload calls = %d, want 1", n)
	}
	if a, b := jsonOf(posts.bodies[0]["content"]), jsonOf(posts.bodies[1]["content"]); a != b {
		t.Errorf("the retry references %s, the first attempt %s", b, a)
	}
}

// The token goes with the bytes: an upload URL neither on LinkedIn over https nor on
// the API's own host is not followed.
func TestLinkedInRefusesAForeignUploadURL(t *testing.T) {
	foreign := newFakeAPI(t, map[string]http.HandlerFunc{})
	api := newFakeAPI(t, map[string]http.HandlerFunc{
		"POST /rest/images": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"value": map[string]any{"uploadUrl": foreign.srv.URL + "/steal", "image": "urn:li:image:1"}})
		},
	})
	_, err := newLinkedInTest(t, api.srv.URL, nil).Publish(context.Background(),
		&publish.Post{ID: "e", Text: "Hello", Media: []publish.Media{mediaTestCard(t, 1)}})
	if err == nil || len(foreign.callList()) > 0 || api.count("POST /rest/posts") > 0 {
		t.Errorf("err = %v, foreign calls %v: want an error and nothing sent elsewhere", err, foreign.callList())
	}
}

// WordPress: the card goes to the media library with its alt text and becomes the
// post's featured_media. After a crash (nothing recorded), the image's slug look-up
// finds the earlier upload instead of uploading it again.
func TestWordPressSetsTheFeaturedImage(t *testing.T) {
	card := mediaTestCard(t, 3)
	var mu sync.Mutex
	var uploaded []string // slugs
	var posts []map[string]any
	api := newFakeAPI(t, map[string]http.HandlerFunc{
		"GET /wp-json/wp/v2/posts": func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, []any{}) },
		"GET /wp-json/wp/v2/media": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			defer mu.Unlock()
			for _, s := range uploaded {
				if s == r.URL.Query().Get("slug") {
					writeJSON(w, http.StatusOK, []any{map[string]any{"id": 88, "slug": s}})
					return
				}
			}
			writeJSON(w, http.StatusOK, []any{})
		},
		"POST /wp-json/wp/v2/media": func(w http.ResponseWriter, r *http.Request) {
			if u, p, ok := r.BasicAuth(); !ok || u != wpTestUser || p != wpTestPass {
				t.Errorf("upload without the application password")
			}
			f := readForm(t, r)
			if f.fields["alt_text"] != card.Alt || f.fileField != "file" || !bytes.Equal(f.file, card.Bytes) || !strings.HasSuffix(f.name, ".png") {
				t.Errorf("upload: fields %v, file %q %q (%d bytes)", f.fields, f.fileField, f.name, len(f.file))
			}
			mu.Lock()
			uploaded = append(uploaded, f.fields["slug"])
			mu.Unlock()
			writeJSON(w, http.StatusCreated, map[string]any{"id": 88, "slug": f.fields["slug"]})
		},
		"POST /wp-json/wp/v2/posts": func(w http.ResponseWriter, r *http.Request) {
			body := decodeJSON(t, r)
			mu.Lock()
			posts = append(posts, body)
			mu.Unlock()
			writeJSON(w, http.StatusCreated, map[string]any{"id": 501, "link": "https://blog.example/p"})
		},
	})
	pub := newWordPressTest(t, map[string]string{"site": api.srv.URL})
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

// A webhook with files is multipart: the JSON delivery as "post", then each file, all
// signed together.
func TestWebhookDeliversFilesBesideTheJSON(t *testing.T) {
	card, doc := mediaTestCard(t, 2), mediaTestCarousel()
	var got struct {
		delivery map[string]any
		files    map[string][]byte
		types    map[string]string
	}
	api := newFakeAPI(t, map[string]http.HandlerFunc{
		"POST /hook": func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			if err := publish.VerifyWebhook(webhookTestSecret, r.Header, body, time.Now(), 0); err != nil {
				t.Errorf("signature: %v", err)
			}
			_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
			got.files, got.types = map[string][]byte{}, map[string]string{}
			for i := 0; ; i++ {
				p, err := mr.NextPart()
				if err != nil {
					break
				}
				b, _ := io.ReadAll(p)
				switch {
				case i == 0 && p.FormName() == "post":
					_ = json.Unmarshal(b, &got.delivery)
				case p.FormName() == "file":
					got.files[p.FileName()], got.types[p.FileName()] = b, p.Header.Get("Content-Type")
				default:
					t.Errorf("part %d is %q", i, p.FormName())
				}
			}
			w.WriteHeader(http.StatusNoContent)
		},
	})
	p := webhookTestPost()
	p.Media = []publish.Media{card, doc}
	if _, err := newWebhookTest(t, api.srv.URL+"/hook").Publish(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	media, _ := got.delivery["media"].([]any)
	if len(media) != 2 {
		t.Fatalf("delivery media = %v, want 2", got.delivery["media"])
	}
	for i, m := range []publish.Media{card, doc} {
		d, _ := media[i].(map[string]any)
		name, _ := d["name"].(string)
		if !bytes.Equal(got.files[name], m.Bytes) || got.types[name] != m.ContentType || d["sha256"] != mediaTestSum(m.Bytes) {
			t.Errorf("file %d: delivery says %v; file part %q has %d bytes of %s", i, d, name, len(got.files[name]), got.types[name])
		}
	}
	if d, _ := media[0].(map[string]any); d["alt"] != card.Alt || d["width"] != float64(160) {
		t.Errorf("card in the delivery = %v, want its alt text and size", d)
	}
}

// An upload is not a post: one that got no answer, or a 5xx, posted nothing, so even
// on X (which cannot recognise a repeated post) it is tried again, not left unknown.
func TestAnUploadWithoutAnAnswerIsTriedAgain(t *testing.T) {
	api := newFakeAPI(t, map[string]http.HandlerFunc{
		"POST /2/media/upload": func(w http.ResponseWriter, r *http.Request) { xHijackClose(t, w, r) },
		"POST /api/v2/media": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "boom"})
		},
	})
	for name, pub := range map[string]publish.Publisher{"X": newXTest(t, api.srv.URL, nil), "Mastodon": newMastodonTest(t, api.srv.URL, nil)} {
		_, err := pub.Publish(context.Background(), &publish.Post{ID: "e", Text: "Hello", Media: []publish.Media{mediaTestCard(t, 1)}})
		if publish.KindOf(err) != publish.Later {
			t.Errorf("%s: %v, want later", name, err)
		}
	}
	if api.count("POST /2/tweets")+api.count("POST /api/v1/statuses") != 0 {
		t.Errorf("a post went out without its image: %v", api.callList())
	}
}
