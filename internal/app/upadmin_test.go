package app

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// signInRE reads the password from the banner's sign-in line.
var signInRE = regexp.MustCompile(`sign in: +(\S+)/ui/ +as admin, password (\S+)`)

// A newcomer signs in to `repurpose up` with what its banner prints: the admin's password
// is shown at the first start only and kept hashed. After a restart the sign-in session
// still holds, and the digests' memory (who unsubscribed, what was sent) is still there.
func TestUpPrintsHowToSignInAndKeepsSessionsAcrossRestarts(t *testing.T) {
	opt := upConfig(t)
	var banner syncBuffer
	opt.Stderr = &banner
	cfg, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	toolkitURL, cancel, done := startUp(t, cfg, opt)
	m := signInRE.FindStringSubmatch(banner.String())
	if m == nil || m[1] != toolkitURL {
		cancel()
		<-done
		t.Fatalf("the banner does not say how to sign in:\n%s", banner.String())
	}
	password := m[2]
	hashFile := filepath.Join(opt.DataDir, "admin-password-hash")
	if b, err := os.ReadFile(hashFile); err != nil || !strings.HasPrefix(string(b), "$argon2id$") || strings.Contains(string(b), password) {
		t.Errorf("%s holds %q (%v), want the password's argon2id hash only", hashFile, b, err)
	}
	if fi, err := os.Stat(hashFile); err == nil && fi.Mode().Perm() != 0o600 {
		t.Errorf("%s: mode %v", hashFile, fi.Mode())
	}

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	defer c.CloseIdleConnections()
	res, err := c.PostForm(toolkitURL+"/signin", url.Values{"username": {"admin"}, "password": {password}, "next": {"/ui/"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ui/" {
		t.Fatalf("sign in with the printed password: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	signedIn := func(base string) bool {
		t.Helper()
		req, _ := http.NewRequest("GET", base+"/ui/", nil)
		u, _ := url.Parse(toolkitURL) // the cookie was set for the first address
		for _, ck := range jar.Cookies(u) {
			req.AddCookie(ck)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		// The home page sends each role on to its work; a stranger goes to sign in.
		return res.StatusCode == http.StatusOK || res.StatusCode == http.StatusSeeOther && !strings.Contains(res.Header.Get("Location"), "/signin")
	}
	if !signedIn(toolkitURL) {
		t.Fatal("not signed in after signing in")
	}
	rdb := redis.NewClient(&redis.Options{Addr: strings.TrimSuffix(strings.TrimPrefix(cfg.Infra.RedisURL, "redis://"), "/0")})
	rdb.HSet(t.Context(), "repurpose:digest:unsubscribed", "ben", time.Now().UTC().Format(time.RFC3339))
	rdb.ZAdd(t.Context(), "repurpose:digest:sent:ana", redis.Z{Score: 1, Member: "topic-1"})
	rdb.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	// The next start: no new password, the old one still works, and nothing was lost.
	banner = syncBuffer{}
	opt.Stderr = &banner
	cfg2, err := LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	toolkitURL2, cancel2, done2 := startUp(t, cfg2, opt)
	defer func() { cancel2(); <-done2 }()
	if strings.Contains(banner.String(), password) || !strings.Contains(banner.String(), "as admin, with the password shown at the first start") {
		t.Errorf("the second banner:\n%s", banner.String())
	}
	if !signedIn(toolkitURL2) {
		t.Error("the sign-in session was lost across the restart")
	}
	rdb = redis.NewClient(&redis.Options{Addr: strings.TrimSuffix(strings.TrimPrefix(cfg2.Infra.RedisURL, "redis://"), "/0")})
	defer rdb.Close()
	if rdb.HGet(t.Context(), "repurpose:digest:unsubscribed", "ben").Val() == "" || rdb.ZScore(t.Context(), "repurpose:digest:sent:ana", "topic-1").Val() != 1 {
		t.Error("the digests' memory was lost across the restart")
	}
}
