package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/review"
)

// `repurpose digest --user ana --dry-run` prints the digest and sends nothing; without
// --dry-run it sends it to her Slack webhook now, and a second time finds nothing new.
func TestDigestCommand(t *testing.T) {
	var mu sync.Mutex
	var posts []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		posts = append(posts, string(b))
		mu.Unlock()
	}))
	defer hook.Close()
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(posts) }

	svc := recordtest.Start(t)
	rs := testservices.NewRedis(t)
	now := func() time.Time { return time.Now().UTC() }
	rec := record.New(svc.Config, svc.S3, rs.Client(), nil, now, slog.New(slog.DiscardHandler))
	src := recordtest.Save(t, rec, svc.Config, "queues.md", recordtest.Doc, time.Now())
	if _, err := review.New(rec, svc.Config, now).ApproveSource(t.Context(), src.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(conf, []byte("users:\n  - name: ana\n    role: contributor\n    token_sha256: "+strings.Repeat("a", 64)+
		"\n    digest:\n      slack_webhook_env: ANA_SLACK\n      channels: [linkedin]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"REPURPOSE_CONFIG": conf, "REPURPOSE_REDIS_URL": rs.URL, "REPURPOSE_S3_ENDPOINT": svc.S3Endpoint,
		"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s", "ANA_SLACK": hook.URL, "REPURPOSE_PUBLIC_URL": "https://toolkit.example.com"} {
		t.Setenv(k, v)
	}

	code, out := testRun("digest", "--user", "ana", "--dry-run")
	if code != 0 || !strings.Contains(out, "To: Slack\nSubject: ") || !strings.Contains(out, "LinkedIn post — Queues in practice") ||
		!strings.Contains(out, "https://toolkit.example.com/digest/unsubscribe?token=") || count() != 0 {
		t.Fatalf("dry run: exit %d, %d posts\n%s", code, count(), out)
	}
	if code, out := testRun("digest", "--dry-run", "--user", "bob"); code == 0 || !strings.Contains(out, `user "bob" has no digest`) {
		t.Errorf("unknown user: exit %d\n%s", code, out)
	}
	if code, out := testRun("digest", "--user", "ana"); code != 0 || !strings.HasPrefix(out, "sent ") || !strings.Contains(out, "to ana (Slack)") || count() != 1 {
		t.Errorf("send: exit %d, %d posts\n%s", code, count(), out)
	}
	if code, out := testRun("digest", "--user", "ana"); code != 0 || out != "nothing new for ana: nothing sent\n" || count() != 1 {
		t.Errorf("second send: exit %d, %d posts\n%s", code, count(), out)
	}
}
