package systemtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/web/httpx"
)

// countText posts text to POST /api/v1/count as a contributor (any role may count) and
// returns the status and the answer.
func (st *stack) countText(client *http.Client, channel, text string) (int, review.CountResult, string) {
	st.t.Helper()
	body, _ := json.Marshal(map[string]string{"channel": channel, "text": text})
	return st.postCount(client, string(body))
}

func (st *stack) postCount(client *http.Client, body string) (int, review.CountResult, string) {
	st.t.Helper()
	req, _ := http.NewRequest("POST", st.url+"/api/v1/count", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testContribA)
	resp, err := client.Do(req)
	if err != nil {
		st.t.Fatalf("POST /api/v1/count with %d bytes: %v", len(body), err)
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	json.NewDecoder(resp.Body).Decode(&raw)
	var res review.CountResult
	json.Unmarshal(raw, &res)
	return resp.StatusCode, res, string(raw)
}

// TestCountEndpointAnswersDottedFloodsAndRefusesPastTheLimit replays the attack on the
// counter: "a.a.a…" made every dot a URL start that re-read the rest, so 16 KB held the
// request for seconds and 240 KB a core for minutes. Now both answer with their count
// (the client's timeout is a hang guard, far above the milliseconds they take), and a text
// past the documented limit, or a body past what such a text can take, gets 413.
func TestCountEndpointAnswersDottedFloodsAndRefusesPastTheLimit(t *testing.T) {
	st := newStack(t, false, nil)
	client := &http.Client{Timeout: time.Minute}
	for _, n := range []int{16 << 10, 240 << 10} {
		text := strings.Repeat("a.", n/2)
		for _, channel := range []string{"x", "mastodon", "threads"} {
			code, res, raw := st.countText(client, channel, text)
			if code != 200 || res.WeightedLength != n || res.Valid {
				t.Errorf("%d bytes of a.a.a… on %s: HTTP %d %s, want %d characters, not valid", n, channel, code, raw, n)
			}
		}
	}
	code, _, raw := st.countText(client, "x", strings.Repeat("a.", httpx.MaxTextBytes/2)+"a")
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(raw, "at most 262144 bytes") {
		t.Errorf("a text one byte past the limit: HTTP %d %s, want 413 naming the limit", code, raw)
	}
	code, _, raw = st.postCount(client, `{"channel": "x", "text": "a"`+strings.Repeat(" ", 8*httpx.MaxTextBytes)+`}`)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(raw, "too_large") {
		t.Errorf("a 2 MiB body with a short text: HTTP %d %s, want 413", code, raw)
	}
}

// TestDerivativeLengthIsTheChannelsCountOfItsText replays the false "valid": under `up`
// a source with no canonical URL links to http://localhost:8080/p/…, which X does not
// take for a URL and counts in full, so posts marked 275/280 were 405 by repurpose count.
// Every derivative on a channel with a limit, for a localhost link and an https one, must
// carry as its length what POST /api/v1/count answers for its text, and be valid.
func TestDerivativeLengthIsTheChannelsCountOfItsText(t *testing.T) {
	st := newStack(t, true, func(c *config.Config) { c.Infra.PublicURL = "http://localhost:8080" })
	paper, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	local := filepath.Join(t.TempDir(), "local.md")
	noCanonical := regexp.MustCompile(`(?m)^canonical_url:.*\n`).ReplaceAll(paper, nil)
	if err := os.WriteFile(local, noCanonical, 0o644); err != nil {
		t.Fatal(err)
	}
	st.awsCp("../samples/whitepaper.en.md", "https.md")
	st.awsCp(local, "local.md")
	client := &http.Client{Timeout: time.Minute}
	for key, prefix := range map[string]string{"https.md": "https://example.com/", "local.md": "http://localhost:8080/p/"} {
		a := st.waitSource(key, time.Minute)
		if a.Source.Status != "ready" {
			t.Fatalf("%s: %s %s", key, a.Source.Status, a.Source.Error)
		}
		channels := map[string]int{}
		for _, d := range a.Derivatives {
			if d.Length == nil || d.Length.Limit == 0 {
				continue // the blog teaser has no limit
			}
			if !strings.HasPrefix(d.Backlink, prefix) {
				t.Errorf("%s %s: backlink %q, want one under %s", key, d.ID, d.Backlink, prefix)
			}
			type post struct {
				text            string
				weighted, limit int
				valid           bool
			}
			posts := []post{{d.Text, d.Length.Weighted, d.Length.Limit, d.Length.Valid}}
			if len(d.Parts) > 0 {
				posts = posts[:0]
				for _, p := range d.Parts {
					posts = append(posts, post{p.Text, p.Length.Weighted, p.Length.Limit, p.Length.Valid})
				}
			}
			for i, p := range posts {
				code, got, raw := st.countText(client, d.Channel, p.text)
				where := fmt.Sprintf("%s %s %s post %d", key, d.Kind, d.Channel, i+1)
				if code != 200 {
					t.Fatalf("%s: count HTTP %d %s", where, code, raw)
				}
				if !p.valid || !got.Valid || got.WeightedLength != p.weighted || got.Limit != p.limit {
					t.Errorf("%s: marked %d/%d valid=%v, counted %d/%d valid=%v\n%s", where, p.weighted, p.limit, p.valid, got.WeightedLength, got.Limit, got.Valid, p.text)
				}
			}
			channels[d.Channel]++
		}
		t.Logf("%s: derivatives checked per channel %v", key, channels)
		for _, c := range []string{"x", "mastodon", "bluesky", "threads", "linkedin"} {
			if channels[c] == 0 {
				t.Errorf("%s: no %s derivative to check", key, c)
			}
		}
	}
}
