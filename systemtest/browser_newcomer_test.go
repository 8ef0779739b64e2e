package systemtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/web/auth"
)

// emulateWidth makes the tab a window width px wide, as a desk (1280) or a phone (390).
func emulateWidth(b *browser, width int64) {
	b.t.Helper()
	b.run("resize the window", 5*time.Second, chromedp.EmulateViewport(width, 844))
}

// lockedBuffer is a buffer up writes its banner into while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestBrowserNewcomerSignsInToUp: a newcomer runs `repurpose up` with no configuration,
// reads the banner, opens the address it names and signs in as admin with the password it
// printed, at 1280 px; after a restart, the banner prints no password and the same one
// still signs in, on a phone (390 px).
func TestBrowserNewcomerSignsInToUp(t *testing.T) {
	t.Setenv("REPURPOSE_CONFIG", "")
	t.Setenv("REPURPOSE_ADMIN_TOKEN", "")
	data := t.TempDir()
	var banner lockedBuffer
	st, _, stop := startUpTelling(t, data, &banner)
	m := regexp.MustCompile(`sign in: +(\S+) +as admin, password (\S+)`).FindStringSubmatch(banner.String())
	if m == nil {
		stop()
		t.Fatalf("the banner does not say how to sign in:\n%s", banner.String())
	}
	addr, password := m[1], m[2]
	if !strings.HasPrefix(addr, st.url+"/") {
		t.Errorf("the banner names %s, up listens at %s", addr, st.url)
	}

	ctx := newBrowser(t)
	b := &browser{t: t, ctx: ctx, base: st.url}
	emulateWidth(b, 1280)
	b.signIn("admin", password, strings.TrimPrefix(addr, st.url), "form.signout button")
	b.shot("newcomer-signed-in-1280")
	stop()

	var again lockedBuffer
	st, _, stop = startUpTelling(t, data, &again)
	defer stop()
	if strings.Contains(again.String(), password) || !strings.Contains(again.String(), "as admin, with the password shown at the first start") {
		t.Errorf("the banner after a restart:\n%s", again.String())
	}
	phone := &browser{t: t, ctx: newBrowser(t), base: st.url, step: b.step}
	emulateWidth(phone, 390)
	phone.signIn("admin", password, "/ui/", "form.signout button")
	phone.shot("newcomer-signed-in-390")
	// The first browser's session outlived the restart (cookies do not name a port).
	b.run("open the toolkit again after the restart", 15*time.Second,
		chromedp.Navigate(st.url+"/ui/"),
		chromedp.WaitVisible(chromedp.CSS(`body`)),
	)
	if who := eval[string](b, `(document.querySelector('.who') || {textContent: ''}).textContent`); !strings.HasPrefix(who, "admin ") {
		t.Errorf("signed out by the restart: the page is %s", get(b, "read location", 5*time.Second, chromedp.Location()))
	}
	b.shot("newcomer-after-restart-1280")
}

// fakeLibreTranslate answers LibreTranslate's /translate as a local machine translation
// service: each text comes back tagged with the target language, kept names untouched.
func fakeLibreTranslate(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Q      []string `json:"q"`
			Target string   `json:"target"`
		}
		if r.URL.Path != "/translate" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, `{"error": "bad request"}`, http.StatusBadRequest)
			return
		}
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			out[i] = "[" + req.Target + "] " + q
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestBrowserRegionalMachineTranslatesAWholeSource: a regional user opens the queue, sees
// the whitepaper with its progress in each of their languages, and machine-translates all
// of it into Spanish in one action at 1280 px, then into French on a phone at 390 px; each
// time every text becomes a draft to check and the progress says so.
func TestBrowserRegionalMachineTranslatesAWholeSource(t *testing.T) {
	t.Parallel() // runs beside the fault tests, which mostly wait
	const regionalPass = "regional-password-1"
	hash, err := auth.HashPassword(regionalPass)
	if err != nil {
		t.Fatal(err)
	}
	lt := fakeLibreTranslate(t)
	ctx := newBrowser(t)
	st := newStack(t, true, func(c *config.Config) {
		c.File.Users = append(c.File.Users, config.User{Name: "rosa", Role: config.RoleRegional, PasswordHash: hash, Regions: []string{"emea"}})
		c.File.Regions = append(c.File.Regions, config.Region{ID: "emea", Name: "EMEA", Locales: []string{"es", "fr"}})
		c.File.Translation = config.Translation{Provider: "libretranslate", URL: lt.URL}
	})
	whitepaper, err := filepath.Abs("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	st.awsCp(whitepaper, "whitepaper.en.md")
	if a := st.waitSource("whitepaper.en.md", 60*time.Second); a.Source.Status != "ready" {
		t.Fatalf("whitepaper: %s %s", a.Source.Status, a.Source.Error)
	}
	id := sourceID("whitepaper.en.md")
	if code := st.api("POST", "/api/v1/sources/"+id+"/approve", testAdminToken, nil); code != 200 {
		t.Fatalf("approve: HTTP %d", code)
	}

	b := &browser{t: t, ctx: ctx, base: st.url}
	section := `#src-` + id
	for _, run := range []struct {
		width  int64
		locale string
	}{{1280, "es"}, {390, "fr"}} {
		emulateWidth(b, run.width)
		w := strconv.Itoa(int(run.width))
		if run.locale == "es" {
			b.signIn("rosa", regionalPass, "/ui/translations?locale=es", section)
		} else {
			b.run("open the French queue", 15*time.Second,
				chromedp.Navigate(st.url+"/ui/translations?locale="+run.locale),
				chromedp.WaitVisible(chromedp.CSS(section)),
			)
		}
		b.shot("tr-queue-" + run.locale + "-" + w)
		total := eval[int](b, `document.querySelectorAll('`+section+` tbody .badge').length`)
		missing := eval[int](b, `document.querySelectorAll('`+section+` tbody .badge.missing').length`)
		if total == 0 || missing != total {
			t.Fatalf("%s: %d texts, %d missing before translating", run.locale, total, missing)
		}
		label := eval[string](b, `document.querySelector('`+section+` form.tr-batch button').textContent`)
		if want := "Machine translate " + strconv.Itoa(missing) + " missing into " + run.locale; label != want {
			t.Errorf("the action reads %q, want %q", label, want)
		}
		b.run("machine translate the whole source into "+run.locale, 90*time.Second,
			chromedp.Click(chromedp.CSS(section+` form.tr-batch button`)),
			chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
			chromedp.WaitVisible(chromedp.CSS(section)),
		)
		b.shot("tr-translated-" + run.locale + "-" + w)
		notice := eval[string](b, `document.querySelector('p.notice').textContent`)
		if want := strconv.Itoa(total) + " texts machine-translated into " + run.locale + " as drafts"; !strings.Contains(notice, want) {
			t.Errorf("the page says %q, want %q", notice, want)
		}
		if n := eval[int](b, `document.querySelectorAll('`+section+` tbody .badge.draft').length`); n != total {
			t.Errorf("%d of %d texts are drafts in %s", n, total, run.locale)
		}
		progress := eval[string](b, `document.querySelector('`+section+` .tr-progress li.current').textContent`)
		if want := "0 of " + strconv.Itoa(total) + " approved · " + strconv.Itoa(total) + " to check"; !strings.Contains(strings.Join(strings.Fields(progress), " "), want) {
			t.Errorf("progress in %s reads %q, want %q", run.locale, progress, want)
		}
		if eval[int](b, `document.querySelectorAll('`+section+` form.tr-batch').length`) != 0 {
			t.Errorf("the action is still offered in %s with nothing missing", run.locale)
		}
		// One draft, opened: the machine's words, ready to check.
		href := eval[string](b, `document.querySelector('`+section+` tbody a').getAttribute('href')`)
		b.run("open a machine draft", 15*time.Second,
			chromedp.Navigate(st.url+href),
			chromedp.WaitVisible(chromedp.CSS(`#editor`)),
		)
		if text := eval[string](b, `document.querySelector('#editor').value`); !strings.Contains(text, "["+run.locale+"] ") {
			t.Errorf("the draft does not hold the machine's %s: %q", run.locale, text)
		}
		b.shot("tr-draft-" + run.locale + "-" + w)
	}
}
