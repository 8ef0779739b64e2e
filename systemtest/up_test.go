package systemtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3/backend/s3afero"

	"github.com/repurpose/repurpose/internal/app"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/tasks"
)

// startUp runs `repurpose up` in-process, with the configuration the environment names,
// on ports the kernel picks, until stop is called, once it serves; it returns the toolkit
// and the S3 endpoint's host:port.
func startUp(t *testing.T, data string) (st *stack, s3 string, stop func()) {
	t.Helper()
	return startUpTelling(t, data, io.Discard)
}

// startUpTelling is startUp with up's banner and progress written to stderr.
func startUpTelling(t *testing.T, data string, stderr io.Writer) (st *stack, s3 string, stop func()) {
	t.Helper()
	cfg, err := app.LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	type endpoints struct{ api, s3 string }
	started := make(chan endpoints, 1)
	go func() {
		done <- app.Up(ctx, cfg, slog.New(slog.DiscardHandler), app.UpOptions{DataDir: data, Addr: "127.0.0.1:0", S3Addr: "127.0.0.1:0",
			Stdout: io.Discard, Stderr: stderr, Started: func(api, s3 string) { started <- endpoints{api, s3} }})
	}()
	var at endpoints
	select {
	case at = <-started:
	case err := <-done:
		cancel()
		t.Fatalf("up did not start: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("up did not start listening within 30 s")
	}
	st = &stack{t: t, url: at.api}
	deadline := time.Now().Add(20 * time.Second)
	for st.get("/healthz") != 200 {
		if time.Now().After(deadline) {
			t.Fatal("up did not start serving")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return st, strings.TrimPrefix(at.s3, "http://"), func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("up: %v", err)
		}
	}
}

// upWithConfig runs up on a fresh data folder with the given config file until the test
// ends; it returns the toolkit, the data folder and the S3 endpoint's address.
func upWithConfig(t *testing.T, yaml string) (st *stack, data, s3 string) {
	t.Helper()
	data = t.TempDir()
	cfgFile := filepath.Join(t.TempDir(), "repurpose.yaml")
	writeTestFile(t, cfgFile, yaml)
	t.Setenv("REPURPOSE_ADMIN_TOKEN", testAdminToken)
	t.Setenv("REPURPOSE_CONFIG", cfgFile)
	st, s3, stop := startUp(t, data)
	t.Cleanup(stop)
	return st, data, s3
}

// TestUpKeepsScanningTheInbox runs up with a 1s scan interval and stores documents
// straight into its data folder, past the endpoint that would announce them: only the
// inbox scan finds them, and each is processed, so the scan's lease in the embedded Redis
// expires as it would in Redis.
func TestUpKeepsScanningTheInbox(t *testing.T) {
	st, data, _ := upWithConfig(t, "limits:\n  scan_interval: 1s\n")
	sample, err := os.ReadFile("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := s3afero.FsPath(filepath.Join(data, "s3"), 0)
	if err != nil {
		t.Fatal(err)
	}
	folder, err := s3afero.MultiBucket(fs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		key := fmt.Sprintf("scanned-%d.md", i)
		body := fmt.Appendf(append([]byte{}, sample...), "\n\nEdition %d.\n", i)
		if _, err := folder.PutObject("inbox", key, map[string]string{}, bytes.NewReader(body), int64(len(body)), nil); err != nil {
			t.Fatal(err)
		}
		if a := st.waitSource(key, 15*time.Second); a.Source.Status != "ready" {
			t.Fatalf("%s: %q %s", key, a.Source.Status, a.Source.Error)
		}
	}
}

// TestUpProcessesAnAWSCLIDropAndSurvivesRestart runs the one-command embedded default,
// copies a whitepaper in with the AWS CLI, and expects it ready within seconds; after a
// restart on the same data folder, the source is still there.
func TestUpProcessesAnAWSCLIDropAndSurvivesRestart(t *testing.T) {
	data := t.TempDir()
	t.Setenv("REPURPOSE_ADMIN_TOKEN", testAdminToken)
	t.Setenv("REPURPOSE_CONFIG", "")
	st, s3, stop := startUp(t, data)
	if out, err := upCLI(t, s3, app.UpSecretKey, "s3", "cp", "--only-show-errors", "../samples/whitepaper.en.md", "s3://inbox/whitepaper.en.md"); err != nil {
		t.Fatalf("aws s3 cp: %v\n%s", err, out)
	}
	dropped := time.Now()
	a := st.waitSource("whitepaper.en.md", 10*time.Second)
	t.Logf("embedded drop to ready: %s", time.Since(dropped).Round(time.Millisecond))
	if a.Source.Status != "ready" || len(a.Derivatives) == 0 {
		t.Fatalf("status %q, %d derivatives", a.Source.Status, len(a.Derivatives))
	}
	if _, err := os.Stat(filepath.Join(data, "s3", "buckets", "inbox", "whitepaper.en.md")); err != nil {
		t.Errorf("the embedded S3 does not keep objects as files under --data: %v", err)
	}
	stop()

	st, _, stop = startUp(t, data)
	defer stop()
	again := st.waitSource("whitepaper.en.md", 10*time.Second)
	if again.Source.Version != a.Source.Version || len(again.Derivatives) != len(a.Derivatives) {
		t.Errorf("after restart: version %s with %d derivatives, want %s with %d",
			again.Source.Version, len(again.Derivatives), a.Source.Version, len(a.Derivatives))
	}
	if again.Source.ID != tasks.SourceID("inbox", "whitepaper.en.md") {
		t.Errorf("source id changed: %s", again.Source.ID)
	}
}

// upCLI runs the AWS CLI against up's embedded S3 at addr, signing with secret.
func upCLI(t *testing.T, addr, secret string, args ...string) (string, error) {
	cmd := exec.Command(testservices.AWSCLI(t), append([]string{"--endpoint-url", "http://" + addr}, args...)...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+app.UpAccessKey, "AWS_SECRET_ACCESS_KEY="+secret,
		"AWS_DEFAULT_REGION=us-east-1", "AWS_CA_BUNDLE=", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestUpSkipsFolderPlaceholders creates a folder in up's inbox the way S3 consoles do (a
// zero-byte key ending in "/") before dropping a document: the document becomes a
// source, the folder does not (it used to show as a failed source).
func TestUpSkipsFolderPlaceholders(t *testing.T) {
	st, _, s3 := upWithConfig(t, "")
	if out, err := upCLI(t, s3, app.UpSecretKey, "s3api", "put-object", "--bucket", "inbox", "--key", "reports/"); err != nil {
		t.Fatalf("aws s3api put-object reports/: %v\n%s", err, out)
	}
	if out, err := upCLI(t, s3, app.UpSecretKey, "s3", "cp", "--only-show-errors", "../samples/whitepaper.en.md", "s3://inbox/paper.md"); err != nil {
		t.Fatalf("aws s3 cp: %v\n%s", err, out)
	}
	if a := st.waitSource("paper.md", 15*time.Second); a.Source.Status != "ready" {
		t.Fatalf("paper.md: %q %s", a.Source.Status, a.Source.Error)
	}
	var list struct {
		Sources []struct{ Key, Status string }
	}
	st.api("GET", "/api/v1/sources?limit=100", testAdminToken, &list)
	if len(list.Sources) != 1 || list.Sources[0].Key != "paper.md" {
		t.Errorf("sources = %+v, want only paper.md", list.Sources)
	}
	if code := st.api("GET", "/api/v1/sources/"+sourceID("reports/"), testAdminToken, nil); code != http.StatusNotFound {
		t.Errorf("the folder placeholder is a source: HTTP %d", code)
	}
}

func (st *stack) get(path string) int {
	resp, err := http.Get(st.url + path)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestUpS3AcceptsOnlyThePrintedCredentials replays the attack on up's embedded S3:
// unsigned requests, and requests signed with another secret, are refused (403), so an
// anonymous upload naming an auto-approve campaign never reaches the feed, and the
// stored records cannot be read. The AWS CLI (single and multipart uploads, listing) and
// the AWS SDK with the printed credentials work.
func TestUpS3AcceptsOnlyThePrintedCredentials(t *testing.T) {
	st, _, s3 := upWithConfig(t, "campaigns:\n  open:\n    auto_approve: true\n")
	endpoint := "http://" + s3

	cli := func(secret string, args ...string) (string, error) { return upCLI(t, s3, secret, args...) }
	if out, err := cli(app.UpSecretKey, "s3", "cp", "--only-show-errors", "../samples/whitepaper.en.md", "s3://inbox/paper.md"); err != nil {
		t.Fatalf("aws s3 cp with the printed credentials: %v\n%s", err, out)
	}
	if a := st.waitSource("paper.md", 15*time.Second); a.Source.Status != "ready" {
		t.Fatalf("paper.md: %q", a.Source.Status)
	}
	big := filepath.Join(t.TempDir(), "big.bin")
	writeTestFile(t, big, strings.Repeat("multipart ", 1<<20)) // 10 MB: the CLI uploads it in parts
	if out, err := cli(app.UpSecretKey, "s3", "cp", "--only-show-errors", big, "s3://toolkit/scratch/big.bin"); err != nil {
		t.Fatalf("multipart upload with the printed credentials: %v\n%s", err, out)
	}
	if out, err := cli(app.UpSecretKey, "s3", "ls", "s3://inbox/"); err != nil || !strings.Contains(out, "paper.md") {
		t.Fatalf("aws s3 ls with the printed credentials: %v\n%s", err, out)
	}
	if out, err := cli("not-the-secret", "s3", "ls", "s3://toolkit/"); err == nil || !strings.Contains(out, "AccessDenied") {
		t.Errorf("aws s3 ls with another secret: %v\n%s", err, out)
	}

	doc := "---\ncampaign: open\n---\n\n# Anonymous\n\n" + strings.Repeat("An unsigned upload that should never be published. ", 20)
	for _, req := range []*http.Request{
		newRequest(t, "PUT", endpoint+"/inbox/anonymous.md", doc),
		newRequest(t, "GET", endpoint+"/toolkit/?list-type=2", ""),
		newRequest(t, "GET", endpoint+"/inbox/paper.md", ""),
	} {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("unsigned %s %s: HTTP %d, want 403\n%.300s", req.Method, req.URL.Path, resp.StatusCode, body)
		}
	}
	if out, err := cli("not-the-secret", "s3", "cp", "--only-show-errors", "../samples/whitepaper.en.md", "s3://inbox/forged.md"); err == nil {
		t.Errorf("aws s3 cp with another secret succeeded\n%s", out)
	}
	if out, err := cli(app.UpSecretKey, "s3", "ls", "s3://inbox/"); err != nil || strings.Contains(out, "anonymous.md") || strings.Contains(out, "forged.md") {
		t.Errorf("the refused uploads are in the inbox: %v\n%s", err, out)
	}
	var feed struct{ Topics []struct{ ID string } }
	st.api("GET", "/api/v1/topics?limit=1000&campaign=open", testAdminToken, &feed)
	if len(feed.Topics) != 0 {
		t.Errorf("%d topics of the auto-approve campaign, want none", len(feed.Topics))
	}
}

func newRequest(t *testing.T, method, url, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return req
}
