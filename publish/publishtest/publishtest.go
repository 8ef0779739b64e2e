// Package publishtest holds what the publishers' tests share: fake services that keep
// every call, real test images, a token store and an environment. Only tests import it.
package publishtest

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
	"strings"
	"sync"
	"testing"

	"github.com/repurpose/repurpose/publish"
)

// PNG is a real PNG of w×h pixels; seed makes distinct images.
func PNG(t *testing.T, w, h int, seed uint8) []byte {
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

// Sum is the hex SHA-256 of b.
func Sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Card is a 16:9 card with its alt text.
func Card(t *testing.T, seed uint8) publish.Media {
	b := PNG(t, 160, 90, seed)
	return publish.Media{Kind: publish.MediaCard, ContentType: "image/png", Bytes: b,
		Alt: fmt.Sprintf("A stat card: 73%% of teams ship weekly (%d).", seed)}
}

// Carousel is a (tiny) PDF document with its title.
func Carousel() publish.Media {
	return publish.Media{Kind: publish.MediaCarousel, ContentType: "application/pdf", Title: "Five findings on cold starts",
		Bytes: []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")}
}

// FakeAPI is a service whose handlers the test writes, keeping every call in order.
type FakeAPI struct {
	*httptest.Server
	mu       sync.Mutex
	calls    []string
	handlers map[string]http.HandlerFunc // "METHOD /path"
}

// NewFakeAPI serves handlers, keyed "METHOD /path" (a key ending in * matches the
// paths it begins); any other call fails the test.
func NewFakeAPI(t *testing.T, handlers map[string]http.HandlerFunc) *FakeAPI {
	f := &FakeAPI{handlers: handlers}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	t.Cleanup(f.Close)
	return f
}

// Calls are the calls so far, "METHOD /path", in order.
func (f *FakeAPI) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// Count is how many calls were key.
func (f *FakeAPI) Count(key string) int {
	n := 0
	for _, c := range f.Calls() {
		if c == key {
			n++
		}
	}
	return n
}

// Form is a multipart/form-data request read: its fields, and its one file with the
// file part's field name, file name and Content-Type.
type Form struct {
	Fields                    map[string]string
	File                      []byte
	FileField, Name, FileType string
}

// ReadForm reads r as multipart/form-data with at most one file.
func ReadForm(t *testing.T, r *http.Request) Form {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type = %q, want multipart/form-data", r.Header.Get("Content-Type"))
	}
	f := Form{Fields: map[string]string{}}
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
			if f.File != nil {
				t.Errorf("more than one file part")
			}
			f.File, f.FileField, f.Name, f.FileType = b, p.FormName(), p.FileName(), p.Header.Get("Content-Type")
			continue
		}
		f.Fields[p.FormName()] = string(b)
	}
}

// DecodeJSON is r's JSON object body.
func DecodeJSON(t *testing.T, r *http.Request) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		t.Fatalf("%s %s: body is not JSON: %v", r.Method, r.URL.Path, err)
	}
	return v
}

// FailOnce keeps the JSON bodies of a post endpoint and says to turn the first away
// (when Fail is set), as a rate limit or an outage would.
type FailOnce struct {
	mu     sync.Mutex
	Fail   bool
	Bodies []map[string]any
}

// Take keeps body and says whether to fail this call.
func (f *FailOnce) Take(body map[string]any) (fail bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Bodies = append(f.Bodies, body)
	fail, f.Fail = f.Fail, false
	return fail
}

// WriteJSON answers v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// JSONOf is v as JSON.
func JSONOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// HijackClose reads the request and drops the connection without an answer.
func HijackClose(t *testing.T, w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	conn.Close()
}

// Tokens stands in for the Accounts page's token store: it answers Token (or Err) and
// keeps the accounts Asked for.
type Tokens struct {
	Token string
	Err   error
	mu    sync.Mutex
	Asked []string
}

// AccessToken implements publish.TokenSource.
func (s *Tokens) AccessToken(_ context.Context, account string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Asked = append(s.Asked, account)
	return s.Token, s.Err
}

// Env reads variables from vars and tokens from tokens (nil: no store).
func Env(vars map[string]string, tokens publish.TokenSource) publish.Env {
	return publish.Env{Getenv: func(k string) string { return vars[k] }, Tokens: tokens}
}

// Refusal is media a publisher must refuse, with what its message says.
type Refusal struct {
	Name  string
	Media publish.Media
	Want  string
}

// RefusesMedia checks that pub (calling api) refuses a post carrying each case's media
// with a message saying so, and sends nothing.
func RefusesMedia(t *testing.T, api *FakeAPI, pub publish.Publisher, cases []Refusal) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			_, err := pub.Publish(context.Background(), &publish.Post{ID: "e1", Text: "Hello", Media: []publish.Media{c.Media}})
			if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), c.Want) {
				t.Errorf("err = %v, want refused saying %q", err, c.Want)
			}
		})
	}
	if calls := api.Calls(); len(calls) > 0 {
		t.Errorf("calls = %v, want none", calls)
	}
}
