package systemtest

import (
	"bytes"
	"image/png"
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
	st := newStack(t, true, nil)
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
