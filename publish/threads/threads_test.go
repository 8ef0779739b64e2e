package threads_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
	_ "github.com/repurpose/repurpose/publish/threads"
)

func newThreadsTest(t *testing.T, api string) publish.Publisher {
	t.Helper()
	p, err := publish.New("th", config.Account{Type: "threads", Settings: map[string]string{"api": api, "access_token_env": "TH_TOKEN"}},
		publishtest.Env(map[string]string{"TH_TOKEN": "th-token"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// threadsAPI is the Threads API: a container (checked as a form with the token in a
// header), its status (IN_PROGRESS once, then FINISHED), threads_publish naming the
// container, and the post's permalink. publishStatus, when set, answers the publish.
func threadsAPI(t *testing.T, forms *[]map[string]string, publishStatus int) *publishtest.FakeAPI {
	var mu sync.Mutex
	polls := 0
	form := func(r *http.Request) map[string]string {
		if r.Header.Get("Authorization") != "Bearer th-token" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			t.Errorf("%s: Authorization %q, Content-Type %q", r.URL.Path, r.Header.Get("Authorization"), r.Header.Get("Content-Type"))
		}
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		f := map[string]string{}
		for k := range r.PostForm {
			f[k] = r.PostForm.Get(k)
		}
		mu.Lock()
		*forms = append(*forms, f)
		mu.Unlock()
		return f
	}
	return publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /v1.0/me/threads": func(w http.ResponseWriter, r *http.Request) {
			form(r)
			publishtest.WriteJSON(w, http.StatusOK, map[string]string{"id": "c1"})
		},
		"GET /v1.0/c1": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			polls++
			status := map[bool]string{true: "IN_PROGRESS", false: "FINISHED"}[polls == 1]
			mu.Unlock()
			publishtest.WriteJSON(w, http.StatusOK, map[string]string{"status": status, "id": "c1"})
		},
		"POST /v1.0/me/threads_publish": func(w http.ResponseWriter, r *http.Request) {
			form(r)
			if publishStatus != 0 {
				publishtest.WriteJSON(w, publishStatus, map[string]any{"error": map[string]any{"message": "Service temporarily unavailable", "code": 2}})
				return
			}
			publishtest.WriteJSON(w, http.StatusOK, map[string]string{"id": "p9"})
		},
		"GET /v1.0/p9": func(w http.ResponseWriter, r *http.Request) {
			publishtest.WriteJSON(w, http.StatusOK, map[string]string{"id": "p9", "permalink": "https://www.threads.net/@acme/post/C9"})
		},
	})
}

// A text post is a TEXT container, published.
func TestThreadsTextPost(t *testing.T) {
	var forms []map[string]string
	api := threadsAPI(t, &forms, 0)
	res, err := newThreadsTest(t, api.URL).Publish(context.Background(), &publish.Post{ID: "e", Text: "Cold starts, halved https://example.com/p"})
	if err != nil || res.RemoteID != "p9" || res.URL != "https://www.threads.net/@acme/post/C9" {
		t.Fatalf("%+v, %v", res, err)
	}
	want := []map[string]string{{"media_type": "TEXT", "text": "Cold starts, halved https://example.com/p"}, {"creation_id": "c1"}}
	if !reflect.DeepEqual(forms, want) {
		t.Errorf("forms = %v, want %v", forms, want)
	}
}

// An image post is an IMAGE container with the card's public URL and alt text;
// Threads fetches the image itself, and the post is published once the container is
// FINISHED.
func TestThreadsImagePostWaitsForTheContainer(t *testing.T) {
	var forms []map[string]string
	api := threadsAPI(t, &forms, 0)
	card := publishtest.Card(t, 1)
	card.URL = "https://toolkit.example.com/media/" + publishtest.Sum(card.Bytes) + ".png"
	if _, err := newThreadsTest(t, api.URL).Publish(context.Background(), &publish.Post{ID: "e", Text: "73%", Media: []publish.Media{card}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"media_type": "IMAGE", "text": "73%", "image_url": card.URL, "alt_text": card.Alt}
	if !reflect.DeepEqual(forms[0], want) {
		t.Errorf("container = %v, want %v", forms[0], want)
	}
	wantCalls := []string{"POST /v1.0/me/threads", "GET /v1.0/c1", "GET /v1.0/c1", "POST /v1.0/me/threads_publish", "GET /v1.0/p9"}
	if calls := api.Calls(); !reflect.DeepEqual(calls, wantCalls) {
		t.Errorf("calls = %v, want %v", calls, wantCalls)
	}
}

// A card without a public URL cannot go to Threads: refused, nothing sent. A 5xx from
// threads_publish may come after the post was made: unknown, for a person.
func TestThreadsFailures(t *testing.T) {
	var forms []map[string]string
	api := threadsAPI(t, &forms, http.StatusInternalServerError)
	pub := newThreadsTest(t, api.URL)
	_, err := pub.Publish(context.Background(), &publish.Post{ID: "e", Text: "73%", Media: []publish.Media{publishtest.Card(t, 2)}})
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "public https URL") || len(api.Calls()) != 0 {
		t.Errorf("a card without a URL: %v, calls %v", err, api.Calls())
	}
	_, err = pub.Publish(context.Background(), &publish.Post{ID: "e", Text: "Hello"})
	if publish.KindOf(err) != publish.Unknown || !strings.Contains(err.Error(), "Service temporarily unavailable") {
		t.Errorf("a 5xx from threads_publish: %v, want unknown with Threads' words", err)
	}
	if _, ok := pub.(publish.Idempotent); ok {
		t.Error("Threads takes no idempotency key; it must not claim to be idempotent")
	}
	if _, err := publish.New("th", config.Account{Type: "threads", Settings: map[string]string{}}, publish.Env{}); err == nil || !strings.Contains(err.Error(), "access_token_env: required") {
		t.Errorf("an account without a token: %v", err)
	}
}
