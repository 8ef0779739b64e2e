package systemtest

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/tasks"
)

// fetch replays a request for a media file, anonymous ("" token) or signed in, and
// returns its status and Cache-Control.
func (st *stack) fetch(url, token string) (int, string) {
	st.t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, resp.Header.Get("Cache-Control")
}

// postJSON sends body to the API with token and returns the status.
func (st *stack) postJSON(path, token, body string) int {
	st.t.Helper()
	req, _ := http.NewRequest("POST", st.url+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		st.t.Errorf("POST %s: HTTP %d: %s", path, resp.StatusCode, b)
	}
	return resp.StatusCode
}

// A draft's card is not served to anyone outside the toolkit: the URL the API lists
// answers 404 to an anonymous request and the file to a signed-in one. Approved, it is
// public. An edit queues the card's render (the request does not wait for it): the new
// card follows from the images queue, says the new words, and is not public until the
// new words are approved.
func TestDraftCardsAreNotPublicAndEditsRenderNewOnes(t *testing.T) {
	st := newStack(t, true, withCards)
	insp := asynq.NewInspector(st.app.RedisOpt)
	defer insp.Close()
	st.awsCp("../samples/whitepaper.en.md", "paper.md")
	ready := st.waitSource("paper.md", 30*time.Second)
	a := st.waitImages(ready.Source.ID, 3*time.Minute) // a whole source's cards: slow under -race on a busy machine
	var statID string
	var card mediaAnswer
	for _, d := range a.Derivatives {
		for _, m := range d.Media {
			if d.Type == "stat" && m.Kind == "card" && statID == "" {
				statID, card = d.ID, m
			}
		}
	}
	if statID == "" {
		t.Fatal("no stat snippet with a card")
	}
	if code, _ := st.fetch(card.URL, ""); code != http.StatusNotFound {
		t.Errorf("anonymous GET of a draft's card %s: HTTP %d, want 404", card.URL, code)
	}
	if code, cache := st.fetch(card.URL, testAdminToken); code != http.StatusOK || strings.Contains(cache, "public") {
		t.Errorf("signed-in GET of a draft's card: HTTP %d, Cache-Control %q, want 200 and not public", code, cache)
	}
	st.api("POST", "/api/v1/derivatives/"+statID+"/approve", testAdminToken, nil)
	if code, cache := st.fetch(card.URL, ""); code != http.StatusOK || !strings.Contains(cache, "public") {
		t.Errorf("anonymous GET of an approved derivative's card: HTTP %d, Cache-Control %q, want 200 public", code, cache)
	}

	// The edit is answered before its card is rendered: the images queue is paused.
	if err := insp.PauseQueue(tasks.QueueImages); err != nil {
		t.Fatal(err)
	}
	st.postJSON("/api/v1/derivatives/"+statID+"/edit", testAdminToken, `{"text": "Teams that cap retries ship 42% fewer incidents."}`)
	current := func() mediaAnswer {
		var now imagesAnswer
		st.api("GET", "/api/v1/sources/"+ready.Source.ID, testAdminToken, &now)
		for _, d := range now.Derivatives {
			for _, m := range d.Media {
				if d.ID == statID && m.Kind == "card" {
					return m
				}
			}
		}
		t.Fatalf("derivative %s lost its card", statID)
		return mediaAnswer{}
	}
	if m := current(); m.Key != card.Key {
		t.Errorf("the card changed while the images queue was paused: %s", m.Key)
	}
	if code, _ := st.fetch(card.URL, ""); code != http.StatusNotFound {
		t.Errorf("anonymous GET of the card of a derivative edited back to draft: HTTP %d, want 404", code)
	}
	if err := insp.UnpauseQueue(tasks.QueueImages); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Minute)
	edited := current()
	for edited.Key == card.Key && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		edited = current()
	}
	if edited.Key == card.Key || !strings.Contains(edited.Alt, "42% ") || !strings.Contains(edited.Alt, "fewer incidents") {
		t.Fatalf("after the edit the card is %s with alt %q, want a new card saying the new words", edited.Key, edited.Alt)
	}
	if code, _ := st.fetch(edited.URL, ""); code != http.StatusNotFound {
		t.Errorf("anonymous GET of the edited draft's new card: HTTP %d, want 404", code)
	}
	if code, _ := st.fetch(edited.URL, testAdminToken); code != http.StatusOK {
		t.Errorf("signed-in GET of the new card: HTTP %d, want 200", code)
	}
	st.api("POST", "/api/v1/derivatives/"+statID+"/approve", testAdminToken, nil)
	if code, _ := st.fetch(edited.URL, ""); code != http.StatusOK {
		t.Errorf("anonymous GET of the approved edit's card: HTTP %d, want 200", code)
	}
}
