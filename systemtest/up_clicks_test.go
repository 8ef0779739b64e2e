package systemtest

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/internal/app"
)

// TestUpKeepsRecentClicksAcrossRestart: clicks on a tracked link, seconds before `up`
// stops (well inside the 5-minute roll-up), are still counted after it starts again.
func TestUpKeepsRecentClicksAcrossRestart(t *testing.T) {
	data := t.TempDir()
	cfgFile := filepath.Join(t.TempDir(), "repurpose.yaml")
	writeTestFile(t, cfgFile, "tracking:\n  short_url: https://go.example\n")
	t.Setenv("REPURPOSE_ADMIN_TOKEN", testAdminToken)
	t.Setenv("REPURPOSE_CONFIG", cfgFile)
	st, s3, stop := startUp(t, data)
	doc := filepath.Join(t.TempDir(), "tracked.md")
	writeTestFile(t, doc, "---\ncanonical_url: https://example.com/tracked\n---\n# Tracked\n\n## Why\n\nQueues absorb bursts so that 90% of requests finish within a second even when traffic triples.\n\nRetries need backoff, or a small outage becomes a large one for every customer at once.\n")
	if out, err := upCLI(t, s3, app.UpSecretKey, "s3", "cp", "--only-show-errors", doc, "s3://inbox/tracked.md"); err != nil {
		stop()
		t.Fatalf("aws s3 cp: %v\n%s", err, out)
	}
	a := st.waitSource("tracked.md", 30*time.Second)
	if code := st.api("POST", "/api/v1/sources/"+a.Source.ID+"/approve", testAdminToken, nil); code != 200 {
		stop()
		t.Fatalf("approve: HTTP %d", code)
	}
	var code string
	for _, d := range st.waitSource("tracked.md", 30*time.Second).Derivatives {
		if c, ok := strings.CutPrefix(d.Backlink, "https://go.example/r/"); ok {
			code = c
			break
		}
	}
	if code == "" {
		stop()
		t.Fatal("no tracked link")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for range 3 {
		req, _ := http.NewRequest("GET", st.url+"/r/"+code, nil)
		req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36")
		res, err := client.Do(req)
		if err != nil {
			stop()
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode/100 != 3 {
			stop()
			t.Fatalf("click: HTTP %d", res.StatusCode)
		}
	}
	stop()

	st, _, stop = startUp(t, data)
	defer stop()
	var got struct {
		Totals struct {
			Clicks int `json:"clicks"`
		} `json:"totals"`
	}
	if c := st.api("GET", "/api/v1/analytics?by=code", testAdminToken, &got); c != 200 || got.Totals.Clicks != 3 {
		t.Errorf("after a restart: HTTP %d, %d clicks, want 3", c, got.Totals.Clicks)
	}
}
