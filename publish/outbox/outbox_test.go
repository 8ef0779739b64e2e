package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/derive"
	"github.com/repurpose/repurpose/publish"
)

type memObjects struct {
	files map[string]string
	fail  bool
}

func (m *memObjects) Put(_ context.Context, bucket, key string, body []byte, _ string) (string, error) {
	if m.fail {
		return "", errors.New("connection refused")
	}
	m.files[bucket+"/"+key] = string(body)
	return `"etag"`, nil
}

// The outbox writes a post where a CMS finds it by region, channel and date; the same
// post again is the same file; a blog teaser also comes as Markdown with front matter.
func TestOutboxWritesFilesPerRegionChannelAndDate(t *testing.T) {
	objs := &memObjects{files: map[string]string{}}
	pub, err := publish.New("emea-outbox", config.Account{Type: "outbox", Settings: map[string]string{"bucket": "cms", "prefix": "drop"}}, publish.Env{Objects: objs})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := pub.(publish.Idempotent); !ok {
		t.Error("the outbox should be idempotent: its keys are the post's own")
	}
	at := time.Date(2026, 6, 1, 8, 30, 0, 0, time.UTC)
	post := &publish.Post{ID: "e1", Region: "emea", Channel: "blog", Kind: "blog", Locale: "en", Text: "Teaser", Link: "https://go.example.com/r/abc", Page: "https://example.com/p", At: at,
		Blog: &derive.BlogTeaser{Title: `Quiet "Pagers"`, Slug: "quiet-pagers", MetaDescription: "Less noise.", Keywords: []string{"on-call"}, Markdown: "# Quiet Pagers\n\nBody."}}
	res, err := pub.Publish(t.Context(), post)
	if err != nil {
		t.Fatal(err)
	}
	base := "cms/drop/emea/blog/2026-06-01/0830-e1"
	if res.URL != "s3://"+base+".json" || len(objs.files) != 2 {
		t.Fatalf("result %+v, files %v", res, objs.files)
	}
	var got publish.Post
	if err := json.Unmarshal([]byte(objs.files[base+".json"]), &got); err != nil || got.Text != "Teaser" || got.Blog == nil || !got.At.Equal(at) {
		t.Errorf("the JSON file reads %+v (%v)", got, err)
	}
	md := objs.files[base+".md"]
	for _, want := range []string{"---\ntitle: \"Quiet \\\"Pagers\\\"\"\n", "slug: \"quiet-pagers\"", "date: 2026-06-01T08:30:00Z", "keywords: [\"on-call\"]", "canonical: \"https://example.com/p\"\n", "---\n\n# Quiet Pagers\n\nBody.\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	if _, err := pub.Publish(t.Context(), post); err != nil || len(objs.files) != 2 {
		t.Errorf("publishing again: %v, %d files", err, len(objs.files))
	}
	objs.fail = true
	if _, err := pub.Publish(t.Context(), &publish.Post{ID: "e2", Region: "emea", Channel: "x", At: at}); publish.KindOf(err) != publish.Later {
		t.Errorf("S3 down: %v, want later", err)
	}
	if _, err := publish.New("o", config.Account{Type: "outbox", Settings: map[string]string{"bucket": "cms"}}, publish.Env{}); err == nil {
		t.Error("an outbox without the S3 store was accepted")
	}
}

// The files a post carries are written beside its JSON, which lists them with their
// keys, alt text and hash — and never holds the bytes themselves.
func TestOutboxWritesMediaBesideTheJSON(t *testing.T) {
	objs := &memObjects{files: map[string]string{}}
	pub, err := publish.New("o", config.Account{Type: "outbox", Settings: map[string]string{"bucket": "cms"}}, publish.Env{Objects: objs})
	if err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.4\n%%EOF\n")
	post := &publish.Post{ID: "e3", Region: "amer", Channel: "linkedin", At: time.Date(2026, 6, 2, 14, 5, 0, 0, time.UTC), Text: "Five findings",
		Media: []publish.Media{{Kind: publish.MediaCarousel, ContentType: "application/pdf", Title: "Five findings", Bytes: pdf}}}
	if _, err := pub.Publish(t.Context(), post); err != nil {
		t.Fatal(err)
	}
	base := "cms/outbox/amer/linkedin/2026-06-02/1405-e3"
	var got struct {
		Media []struct {
			Kind, File, SHA256, Title string
		}
	}
	if err := json.Unmarshal([]byte(objs.files[base+".json"]), &got); err != nil || len(got.Media) != 1 {
		t.Fatalf("the JSON file: %v, %s", err, objs.files[base+".json"])
	}
	m := got.Media[0]
	if m.Kind != publish.MediaCarousel || m.Title != "Five findings" || objs.files["cms/"+m.File] != string(pdf) || !strings.HasSuffix(m.File, m.SHA256+".pdf") {
		t.Errorf("media entry %+v; files %v", m, objs.files)
	}
	if strings.Contains(objs.files[base+".json"], "bytes") {
		t.Errorf("the JSON holds the file's bytes: %s", objs.files[base+".json"])
	}
}
