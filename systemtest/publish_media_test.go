package systemtest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/tasks"
)

// fakeSocial is LinkedIn's Documents, Images and Posts APIs and the Threads API, as far
// as a post with media uses them; it keeps what was sent.
type fakeSocial struct {
	mu        sync.Mutex
	uploads   map[string][]byte // LinkedIn upload ID → bytes
	liPosts   []map[string]any
	threads   []map[string]string
	published int
}

func (f *fakeSocial) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	reply := func(v any) { w.Header().Set("Content-Type", "application/json"); json.NewEncoder(w).Encode(v) }
	switch {
	case r.Method == "POST" && (r.URL.Path == "/rest/documents" || r.URL.Path == "/rest/images"):
		kind := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/rest/"), "s")
		id := kind + "-" + string(rune('A'+len(f.uploads)))
		f.uploads[id] = nil
		reply(map[string]any{"value": map[string]any{"uploadUrlExpiresAt": 1, "uploadUrl": "http://" + r.Host + "/upload/" + id, kind: "urn:li:" + kind + ":" + id}})
	case r.Method == "PUT" && strings.HasPrefix(r.URL.Path, "/upload/"):
		b, _ := io.ReadAll(r.Body)
		f.uploads[strings.TrimPrefix(r.URL.Path, "/upload/")] = b
		w.WriteHeader(http.StatusCreated)
	case r.Method == "POST" && r.URL.Path == "/rest/posts":
		var body map[string]any
		json.NewDecoder(r.Body).Decode(&body)
		f.liPosts = append(f.liPosts, body)
		w.Header().Set("x-restli-id", "urn:li:share:7")
		w.WriteHeader(http.StatusCreated)
	case r.Method == "POST" && r.URL.Path == "/v1.0/me/threads":
		r.ParseForm()
		form := map[string]string{}
		for k := range r.PostForm {
			form[k] = r.PostForm.Get(k)
		}
		f.threads = append(f.threads, form)
		reply(map[string]string{"id": "c1"})
	case r.Method == "GET" && r.URL.Path == "/v1.0/c1":
		reply(map[string]string{"id": "c1", "status": "FINISHED"})
	case r.Method == "POST" && r.URL.Path == "/v1.0/me/threads_publish":
		f.published++
		reply(map[string]string{"id": "p9"})
	case r.Method == "GET" && r.URL.Path == "/v1.0/p9":
		reply(map[string]string{"id": "p9", "permalink": "https://www.threads.net/@acme/post/C9"})
	default:
		http.NotFound(w, r)
	}
}

// A planned LinkedIn post goes out with the source's carousel as a document, and a
// Threads post with its card's public URL, which serve answers with the PNG.
func TestPlannedPostsCarryTheirCarouselAndCard(t *testing.T) {
	social := &fakeSocial{uploads: map[string][]byte{}}
	srv := httptest.NewServer(social)
	t.Cleanup(srv.Close)
	t.Setenv("REPURPOSE_TEST_LI_TOKEN", "li-token")
	t.Setenv("REPURPOSE_TEST_TH_TOKEN", "th-token")
	const public = "https://toolkit.example.com" // Threads fetches images over https only
	st := newStack(t, true, func(c *config.Config) {
		c.Infra.PublicURL = public
		withCards(c)
		f := &c.File
		f.Accounts = map[string]config.Account{
			"li": {Type: "linkedin", Settings: map[string]string{"api": srv.URL, "author": "urn:li:organization:5515715", "access_token_env": "REPURPOSE_TEST_LI_TOKEN"}},
			"th": {Type: "threads", Settings: map[string]string{"api": srv.URL, "access_token_env": "REPURPOSE_TEST_TH_TOKEN"}},
		}
		window := config.Window{}
		if err := window.UnmarshalText([]byte("daily 00:00-24:00")); err != nil {
			t.Fatal(err)
		}
		ch := func(acct string) config.RegionChannel {
			return config.RegionChannel{Account: acct, Windows: []config.Window{window}, Spacing: config.Duration(time.Second), MaxPerDay: 100}
		}
		f.Regions = []config.Region{{ID: "emea", Name: "EMEA", Locales: []string{"en"}, TimeZone: "Europe/Berlin",
			Channels: map[string]config.RegionChannel{"linkedin": ch("li"), "threads": ch("th")}}}
		none := 0
		f.Plans = map[string]config.Plan{"now": {Drip: []config.DripStep{{Days: config.DayRange{}, Kinds: []string{"linkedin", "threads"}}},
			Evergreen: config.Evergreen{Times: &none, Best: 1, EveryDays: 30, CooldownDays: 30}}}
		def := f.Campaigns["default"]
		def.AutoApprove, def.Plan = true, "now"
		f.Campaigns["default"] = def
	})
	// Posts planned for now wait until the images are rendered (in production the drip
	// starts hours later).
	insp := asynq.NewInspector(st.app.RedisOpt)
	defer insp.Close()
	if err := insp.PauseQueue(tasks.QueuePublish); err != nil {
		t.Fatal(err)
	}
	st.awsCp("../samples/whitepaper.en.md", "paper.md")
	ready := st.waitSource("paper.md", 30*time.Second)
	a := st.waitImages(ready.Source.ID, 60*time.Second)
	if a.Source.Images != "ready" {
		t.Fatalf("images %s: %s", a.Source.Images, a.Source.ImagesReason)
	}
	var carousel, threadsCard mediaAnswer
	threadsPosts := 0
	for _, d := range a.Derivatives {
		for _, m := range d.Media {
			if d.Kind == "linkedin" && m.Kind == "carousel" && carousel.Key == "" {
				carousel = m
			}
			if d.Kind == "threads" && m.Kind == "card" && threadsCard.Key == "" {
				threadsCard = m
			}
		}
		if d.Kind == "threads" {
			threadsPosts++
		}
	}
	if carousel.Key == "" || threadsCard.Key == "" {
		t.Fatalf("no LinkedIn carousel or Threads card to publish: %+v", a.Derivatives)
	}
	if err := insp.UnpauseQueue(tasks.QueuePublish); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		social.mu.Lock()
		li, th := len(social.liPosts), social.published
		social.mu.Unlock()
		if li >= 1 && th == threadsPosts {
			break
		}
		if time.Now().After(deadline) {
			var cal calendarAnswer
			st.api("GET", "/api/v1/calendar?region=emea&from="+time.Now().Add(-time.Hour).UTC().Format(time.RFC3339), testAdminToken, &cal)
			for _, it := range cal.Items {
				t.Logf("%s %s: %s %s %+v", it.Account, it.Kind, it.Status, it.Reason, it.Post)
			}
			t.Fatalf("after 60 s: %d LinkedIn posts, %d of %d Threads posts", li, th, threadsPosts)
		}
		time.Sleep(100 * time.Millisecond)
	}

	social.mu.Lock()
	defer social.mu.Unlock()
	content, _ := social.liPosts[0]["content"].(map[string]any)
	media, _ := content["media"].(map[string]any)
	doc, _ := media["id"].(string)
	upload := social.uploads[strings.TrimPrefix(doc, "urn:li:document:")]
	sum := sha256.Sum256(upload)
	if !strings.HasPrefix(doc, "urn:li:document:") || media["title"] == "" || hex.EncodeToString(sum[:]) != carousel.SHA256 {
		t.Errorf("LinkedIn post content %v: want the carousel (sha256 %s) as a document with a title", content, carousel.SHA256)
	}
	var sawCard bool
	for _, form := range social.threads {
		url := form["image_url"]
		if form["media_type"] == "TEXT" {
			continue // a post whose hook is longer than a card takes goes as text
		}
		if form["media_type"] != "IMAGE" || !strings.HasPrefix(url, public+"/media/") || form["alt_text"] == "" {
			t.Errorf("Threads container %v: want an image with its public URL and alt text", form)
			continue
		}
		sawCard = sawCard || url == threadsCard.URL
		resp, err := http.Get(st.url + strings.TrimPrefix(url, public))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if _, err := png.Decode(bytes.NewReader(body)); err != nil || resp.StatusCode != 200 ||
			resp.Header.Get("Content-Type") != "image/png" || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("GET %s: HTTP %d %s %q: %v", url, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"), err)
		}
	}
	if !sawCard {
		t.Errorf("no Threads post carried %s", threadsCard.URL)
	}
	resp, err := http.Get(st.url + "/media/" + strings.Repeat("0", 64) + ".png")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("a key that does not exist: HTTP %d, want 404", resp.StatusCode)
	}
}
