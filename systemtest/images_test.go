package systemtest

import (
	"bytes"
	"html"
	"image/png"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/tasks"
)

type mediaAnswer struct {
	Kind, Key, URL, Alt, SHA256 string
	Width, Height, Pages        int
}

type imagesAnswer struct {
	Source struct {
		ID, Status, Images string
		ImagesReason       string `json:"images_reason"`
	} `json:"source"`
	Derivatives []struct {
		ID, Kind, Channel, Type string
		Media                   []mediaAnswer
	} `json:"derivatives"`
}

// waitImages polls the API until the source's images are no longer pending.
func (st *stack) waitImages(id string, timeout time.Duration) imagesAnswer {
	st.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var a imagesAnswer
		st.api("GET", "/api/v1/sources/"+id, testAdminToken, &a)
		if a.Source.Images == "ready" || a.Source.Images == "failed" {
			return a
		}
		if time.Now().After(deadline) {
			st.t.Fatalf("images of %s still %q after %s", id, a.Source.Images, timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A source is ready before its images are rendered; then its images are ready, every
// file its derivatives list is in the toolkit bucket and decodes at its channel's size,
// and reindex renders a file that went missing again.
func TestImagesFollowReadyAndReindexRestoresThem(t *testing.T) {
	st := newStack(t, true, withCards)
	insp := asynq.NewInspector(st.app.RedisOpt)
	defer insp.Close()
	// Images wait while their queue is paused: ready must not wait for them.
	if err := insp.PauseQueue(tasks.QueueImages); err != nil {
		t.Fatal(err)
	}
	st.awsCp("../samples/whitepaper.en.md", "paper.md")
	ready := st.waitSource("paper.md", 30*time.Second)
	var first imagesAnswer
	st.api("GET", "/api/v1/sources/"+ready.Source.ID, testAdminToken, &first)
	if ready.Source.Status != "ready" || first.Source.Images != "pending" {
		t.Fatalf("source %q with images %q, want ready with images pending", ready.Source.Status, first.Source.Images)
	}
	if err := insp.UnpauseQueue(tasks.QueueImages); err != nil {
		t.Fatal(err)
	}
	a := st.waitImages(ready.Source.ID, 60*time.Second)
	if a.Source.Images != "ready" {
		t.Fatalf("images %s: %s", a.Source.Images, a.Source.ImagesReason)
	}
	keys := map[string]mediaAnswer{}
	cards, carousels := 0, 0
	for _, d := range a.Derivatives {
		for _, m := range d.Media {
			if m.Key == "" || m.Alt == "" || !strings.HasSuffix(m.URL, "/"+m.Key) || !strings.Contains(m.Key, m.SHA256) {
				t.Errorf("%s: media %+v", d.ID, m)
			}
			keys[m.Key] = m
			switch m.Kind {
			case "card":
				cards++
			case "carousel":
				carousels++
			}
		}
	}
	if cards < 5 || carousels == 0 {
		t.Fatalf("%d cards and %d carousels for the sample whitepaper", cards, carousels)
	}
	for key, m := range keys {
		obj, err := st.app.S3.Get(t.Context(), "toolkit", key, 0)
		if err != nil {
			t.Fatalf("%s is not in the toolkit bucket: %v", key, err)
		}
		if m.Kind == "carousel" {
			if !bytes.HasPrefix(obj.Body, []byte("%PDF")) {
				t.Errorf("%s is not a PDF", key)
			}
			continue
		}
		img, err := png.Decode(bytes.NewReader(obj.Body))
		if err != nil || img.Bounds().Dx() != m.Width || img.Bounds().Dy() != m.Height {
			t.Errorf("%s does not decode at %d×%d: %v", key, m.Width, m.Height, err)
		}
	}

	// The source page shows each post's card with its alt text and a download link.
	req, _ := http.NewRequest("GET", st.url+"/ui/sources/"+ready.Source.ID, nil)
	req.Header.Set("Authorization", "Bearer "+testAdminToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, d := range a.Derivatives {
		for _, m := range d.Media {
			if m.Kind != "card" {
				continue
			}
			alt := html.EscapeString(m.Alt) // as html/template writes it
			if !strings.Contains(string(page), `<img src="/`+m.Key+`"`) || !strings.Contains(string(page), `<a href="/`+m.Key+`" download>`) ||
				!strings.Contains(string(page), alt) {
				t.Errorf("the source page (HTTP %d) does not show %s's card %s with its alt text %q and a download link", resp.StatusCode, d.ID, m.Key, m.Alt)
			}
		}
	}

	var gone string
	for key := range keys {
		gone = key
		break
	}
	if err := st.app.S3.Delete(t.Context(), "toolkit", gone); err != nil {
		t.Fatal(err)
	}
	if err := st.app.Reindex(t.Context(), os.Stderr); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := st.app.S3.Get(t.Context(), "toolkit", gone, 0); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("reindex did not render %s again", gone)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if a := st.waitImages(ready.Source.ID, 30*time.Second); a.Source.Images != "ready" {
		t.Errorf("after reindex: images %s: %s", a.Source.Images, a.Source.ImagesReason)
	}
}

// The public page of an approved source carries its link preview: Open Graph and
// Twitter card tags with the title card as the image (which serve answers), a
// description of at most 160 characters, and the canonical link — the document's own
// URL when it names one.
func TestPublicPageCarriesTheLinkPreview(t *testing.T) {
	st := newStack(t, true, withCards)
	dir := t.TempDir()
	plain := dir + "/plain.md"
	os.WriteFile(plain, []byte("# Plain Facts About Queues\n\n## Why it matters\n\nQueues absorb bursts of work so that 90% of requests finish within a second even when traffic triples.\n\nA second paragraph explains that retries need backoff, or they turn a small outage into a large one.\n\n## What to do\n\nMeasure queue depth, alert on age rather than size, and scale workers before the backlog grows.\n"), 0o644)
	owned := dir + "/owned.md"
	os.WriteFile(owned, []byte("---\ncanonical_url: https://example.com/blog/queues\n---\n# Queues, Owned\n\nQueues absorb bursts of work so that 90% of requests finish within a second even when traffic triples.\n\nRetries need backoff, or they turn a small outage into a large one for every customer.\n"), 0o644)
	for name, path := range map[string]string{"plain.md": plain, "owned.md": owned} {
		st.awsCp(path, name)
	}
	meta := func(html, attr, name string) string {
		i := strings.Index(html, attr+`="`+name+`" content="`)
		if i < 0 {
			return ""
		}
		rest := html[i+len(attr+`="`+name+`" content="`):]
		return rest[:strings.Index(rest, `"`)]
	}
	for name, canonical := range map[string]string{"plain.md": "", "owned.md": "https://example.com/blog/queues"} {
		a := st.waitSource(name, 30*time.Second)
		if im := st.waitImages(a.Source.ID, 60*time.Second); im.Source.Images != "ready" {
			t.Fatalf("%s: images %s: %s", name, im.Source.Images, im.Source.ImagesReason)
		}
		var src struct{ Source struct{ Slug string } }
		st.api("GET", "/api/v1/sources/"+a.Source.ID, testAdminToken, &src)
		st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, nil)
		page := st.url + "/p/" + src.Source.Slug
		if canonical == "" {
			canonical = page
		}
		html := st.body(page)
		if !strings.Contains(html, `<link rel="canonical" href="`+canonical+`">`) {
			t.Errorf("%s: no canonical link to %s:\n%s", name, canonical, html)
		}
		desc := meta(html, "property", "og:description")
		if meta(html, "property", "og:title") != a.Source.Title || desc == "" || len([]rune(desc)) > 160 ||
			meta(html, "name", "twitter:card") != "summary_large_image" || meta(html, "property", "og:image:alt") == "" ||
			meta(html, "property", "og:image:width") != "1200" || meta(html, "property", "og:image:height") != "630" {
			t.Errorf("%s: link preview tags missing or wrong:\n%s", name, html)
		}
		img := meta(html, "property", "og:image")
		resp, err := http.Get(img)
		if err != nil {
			t.Fatal(err)
		}
		decoded, err := png.Decode(resp.Body)
		resp.Body.Close()
		if err != nil || decoded.Bounds().Dx() != 1200 || decoded.Bounds().Dy() != 630 {
			t.Errorf("%s: og:image %s does not serve a 1200×630 PNG: %v", name, img, err)
		}
	}
}

// body is the answer to GET url, which must be 200.
func (st *stack) body(url string) string {
	st.t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		st.t.Fatalf("GET %s: HTTP %d: %s", url, resp.StatusCode, b)
	}
	return string(b)
}
