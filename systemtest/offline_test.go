package systemtest

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/app"
)

// TestUploadPutsDocumentsWithTheirCampaign uploads a folder with `repurpose upload
// --campaign`, skipping what is not a document, and the campaign reaches the source.
func TestUploadPutsDocumentsWithTheirCampaign(t *testing.T) {
	st := newStack(t, true, func(c *config.Config) { c.File.Campaigns["spring"] = c.File.Campaigns["default"] })
	dir := t.TempDir()
	os.MkdirAll(dir+"/sub", 0o755)
	notes, _ := os.ReadFile("../samples/notes.txt")
	os.WriteFile(dir+"/sub/notes.txt", notes, 0o644)
	os.WriteFile(dir+"/image.png", []byte{0x89, 'P', 'N', 'G'}, 0o644)
	os.WriteFile(dir+"/.hidden.md", []byte("# secret"), 0o644)
	for _, kv := range st.s3.Env() { // the credentials `repurpose upload` takes from the environment
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	var progress bytes.Buffer
	if err := app.Upload(t.Context(), st.app.Config, []string{dir}, "spring", &progress); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "uploaded 1 of 1 documents") {
		t.Errorf("progress output:\n%s", progress.String())
	}
	st.waitSource("sub/notes.txt", 30*time.Second)
	var src struct{ Source struct{ Campaign string } }
	st.api("GET", "/api/v1/sources/"+sourceID("sub/notes.txt"), testAdminToken, &src)
	if src.Source.Campaign != "spring" {
		t.Errorf("campaign = %q, want spring", src.Source.Campaign)
	}
}
