package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"testing"
	"time"

	"github.com/repurpose/repurpose/publish"
	"github.com/repurpose/repurpose/publish/publishtest"
	"github.com/repurpose/repurpose/publish/webhook"
)

// A webhook with files is multipart: the JSON delivery as "post", then each file, all
// signed together.
func TestWebhookDeliversFilesBesideTheJSON(t *testing.T) {
	card, doc := publishtest.Card(t, 2), publishtest.Carousel()
	var got struct {
		delivery map[string]any
		files    map[string][]byte
		types    map[string]string
	}
	api := publishtest.NewFakeAPI(t, map[string]http.HandlerFunc{
		"POST /hook": func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			if err := webhook.Verify(webhookTestSecret, r.Header, body, time.Now(), 0); err != nil {
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
	if _, err := newWebhookTest(t, api.URL+"/hook").Publish(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	media, _ := got.delivery["media"].([]any)
	if len(media) != 2 {
		t.Fatalf("delivery media = %v, want 2", got.delivery["media"])
	}
	for i, m := range []publish.Media{card, doc} {
		d, _ := media[i].(map[string]any)
		name, _ := d["name"].(string)
		if !bytes.Equal(got.files[name], m.Bytes) || got.types[name] != m.ContentType || d["sha256"] != publishtest.Sum(m.Bytes) {
			t.Errorf("file %d: delivery says %v; file part %q has %d bytes of %s", i, d, name, len(got.files[name]), got.types[name])
		}
	}
	if d, _ := media[0].(map[string]any); d["alt"] != card.Alt || d["width"] != float64(160) {
		t.Errorf("card in the delivery = %v, want its alt text and size", d)
	}
}
