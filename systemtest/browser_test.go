package systemtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/web/auth"
)

// screenshotDir is where the browser tests leave a full-page PNG of every page they visit
// (git-ignored: /artefacts/ at the repository root).
const screenshotDir = "../artefacts/screenshots"

// newBrowser starts a headless Chromium (/usr/bin/chromium, or $REPURPOSE_CHROMIUM) with a
// fresh profile and returns a context to drive it with chromedp. A missing Chromium skips
// the test, or fails it under CI=true.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("REPURPOSE_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		testservices.Require(t, "chromium", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	// The first run starts the browser, which lives as long as its context: no timeout here;
	// each step below has its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return ctx
}

// browser drives one tab through the stack and screenshots each step.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	step int
}

// run runs actions, each bounded by limit, failing the test with what was being done.
func (b *browser) run(what string, limit time.Duration, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, limit)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that returns a value, bounded by limit.
func get[T any](b *browser, what string, limit time.Duration, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, limit)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	return get(b, "evaluate "+js, 5*time.Second, chromedp.Evaluate[T](js))
}

// shot saves a full-page PNG of the current page as NN-name.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	b.step++
	if w := eval[[]int](b, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
		b.t.Logf("%s: the page is %d px wide in a %d px window (horizontal scrolling)", name, w[0], w[1])
	}
	png := get(b, "screenshot "+name, 10*time.Second, chromedp.FullScreenshot(100))
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	file := filepath.Join(screenshotDir, fmt.Sprintf("%02d-%s.png", b.step, name))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// signIn opens path, is sent to the sign-in form, fills it by its labels' fields and lands
// back on path, waiting for sel there.
func (b *browser) signIn(user, password, path, sel string) {
	b.t.Helper()
	b.run("open "+path, 15*time.Second,
		chromedp.Navigate(b.base+path),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
	)
	loc := get(b, "read location", 5*time.Second, chromedp.Location())
	if !strings.Contains(loc, "/signin") {
		b.t.Fatalf("signed out, %s went to %s, not the sign-in page", path, loc)
	}
	b.shot("signin-" + user)
	b.run("sign in as "+user, 15*time.Second,
		chromedp.SendKeys(chromedp.CSS(`#username`), user),
		chromedp.SendKeys(chromedp.CSS(`#password`), password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(sel)),
	)
	who := get(b, "read who", 5*time.Second, chromedp.Text(chromedp.CSS(`.who`)))
	if !strings.HasPrefix(who, user+" ") {
		b.t.Fatalf("signed in as %q, header says %q", user, who)
	}
}

func (b *browser) signOut() {
	b.t.Helper()
	b.run("sign out", 15*time.Second,
		chromedp.Click(chromedp.CSS(`form.signout button`)),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
	)
}

// TestBrowserReviewClaimAndEdit drives the web UI in headless Chromium on the real stack:
// marketing signs in, uploads a whitepaper through the file input, waits for it to be
// ready and approves all its drafts; a contributor signs in, claims a topic and overruns
// the channel's limit in the editor, which the live counter says and saving refuses; a
// regional reviewer translates a snippet, approves it and finds it in a partner's feed.
// Then a document carrying
// a script tag and a javascript: link, approved via the API, must not run anything on its
// review page.
func TestBrowserReviewClaimAndEdit(t *testing.T) {
	t.Parallel() // runs beside the fault tests, which mostly wait
	const (
		mktPass      = "marketing-password-1"
		contribPass  = "contributor-password-1"
		regionalPass = "regional-password-1"
	)
	mktHash, err := auth.HashPassword(mktPass)
	if err != nil {
		t.Fatal(err)
	}
	contribHash, err := auth.HashPassword(contribPass)
	if err != nil {
		t.Fatal(err)
	}
	regionalHash, err := auth.HashPassword(regionalPass)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	st := newStack(t, true, func(c *config.Config) {
		c.File.Users = append(c.File.Users,
			config.User{Name: "mia", Role: config.RoleMarketing, PasswordHash: mktHash},
			config.User{Name: "carl", Role: config.RoleContributor, PasswordHash: contribHash},
			config.User{Name: "rosa", Role: config.RoleRegional, PasswordHash: regionalHash, Regions: []string{"emea"}},
		)
		c.File.Regions = append(c.File.Regions, config.Region{ID: "emea", Name: "EMEA", Locales: []string{"es"}})
		// newStack already sets REPURPOSE_PUBLIC_URL to the stack's own URL, so the
		// cookie's Secure flag, redirects and the Origin check match what the browser sees.
	})
	b := &browser{t: t, ctx: ctx, base: st.url}
	started := time.Now()

	// Marketing: sign in, upload through the file input, wait for ready.
	b.signIn("mia", mktPass, "/ui/sources", "#upload")
	b.shot("sources-empty")
	whitepaper, err := filepath.Abs("../samples/whitepaper.en.md")
	if err != nil {
		t.Fatal(err)
	}
	b.run("upload the whitepaper", 20*time.Second,
		chromedp.SetUploadFiles(chromedp.CSS(`#files`), []string{whitepaper}),
		chromedp.Click(chromedp.CSS(`#upload button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#upload-progress li.ok`)),
	)
	b.shot("sources-uploaded")
	readyJS := `(() => { for (const tr of document.querySelectorAll('#sources tbody tr')) {
		if (tr.textContent.includes('whitepaper.en.md') && tr.querySelector('.badge.ready')) return tr.querySelector('a').getAttribute('href'); }
		return ''; })()`
	var href string
	deadline := time.Now().Add(30 * time.Second)
	for {
		href = eval[string](b, readyJS)
		if href != "" {
			break
		}
		if time.Now().After(deadline) {
			body := eval[string](b, `document.querySelector('#sources').innerText`)
			t.Fatalf("the sources page does not show whitepaper.en.md ready after 30 s:\n%s", body)
		}
		b.run("wait", 5*time.Second, chromedp.Sleep(250*time.Millisecond), chromedp.Reload(),
			chromedp.WaitReady(chromedp.CSS(`#sources`)))
	}
	if want := "/ui/sources/" + sourceID("whitepaper.en.md"); href != want {
		t.Errorf("the row links to %q, want %q", href, want)
	}
	t.Logf("%s: the sources page shows the whitepaper ready", time.Since(started).Round(time.Millisecond))
	b.shot("sources-ready")

	// Review: approve all drafts.
	b.run("open the review page", 15*time.Second,
		chromedp.Navigate(st.url+href),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/approve"] button`)),
	)
	label := get(b, "read the approve-all button", 5*time.Second,
		chromedp.Text(chromedp.CSS(`main > form[action^="/ui/sources/"] button`)))
	if !strings.HasPrefix(label, "Approve all") || !strings.HasSuffix(label, "drafts") {
		t.Fatalf("approve-all button says %q", label)
	}
	b.shot("review-drafts")
	b.run("approve all drafts", 20*time.Second,
		chromedp.Click(chromedp.CSS(`main > form[action^="/ui/sources/"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`main > form[action^="/ui/sources/"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.card .badge.approved`)),
	)
	drafts := eval[int](b, `document.querySelectorAll('.card .badge.draft').length`)
	if drafts != 0 {
		t.Errorf("%d drafts left after approving all", drafts)
	}
	b.shot("review-approved")
	b.signOut()

	// Contributor: open a topic on X, claim it, overrun the limit.
	b.signIn("carl", contribPass, "/ui/topics", "ul.topics")
	b.shot("topics")
	b.run("open an X topic", 15*time.Second,
		chromedp.Navigate(st.url+"/ui/topics?channel=x"),
		chromedp.WaitVisible(chromedp.CSS(`ul.topics a`)),
		chromedp.Click(chromedp.CSS(`ul.topics a`)),
		chromedp.WaitVisible(chromedp.CSS(`#editor`)),
	)
	b.shot("topic")
	b.run("claim it", 15*time.Second,
		chromedp.Click(chromedp.CSS(`form[action$="/claim"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/release"] button`)),
	)
	claimed := get(b, "read the claim", 5*time.Second, chromedp.Text(chromedp.CSS(`dl.meta`)))
	if !strings.Contains(claimed, "by carl") {
		t.Errorf("after claiming, the topic says %q", claimed)
	}
	if eval[bool](b, `document.querySelector('#counter').classList.contains('over')`) {
		t.Fatal("the approved topic's counter is over the limit before any edit")
	}
	// Past X's 280: typed for real at the end of the draft, so the input events are the
	// browser's own.
	eval[bool](b, `(e => (e.focus(), e.setSelectionRange(e.value.length, e.value.length), true))(document.querySelector('#editor'))`)
	b.run("type past the limit", 30*time.Second,
		chromedp.SendKeys(chromedp.CSS(`#editor`), " "+strings.Repeat("longer text ", 26)),
		chromedp.WaitVisible(chromedp.CSS(`#counter.over`)),
	)
	counter := get(b, "read the counter", 5*time.Second, chromedp.Text(chromedp.CSS(`#counter`)))
	live := get(b, "read aria-live", 5*time.Second, chromedp.AttributeValue(chromedp.CSS(`#counter`), "aria-live")).Value
	if !strings.Contains(counter, "of 280") || !strings.Contains(counter, "over the limit") || live != "polite" {
		t.Errorf("counter %q (aria-live %q), want \"N of 280 — over the limit…\" announced politely", counter, live)
	}
	t.Logf("%s: the counter says %q", time.Since(started).Round(time.Millisecond), counter)
	b.shot("topic-over-limit")
	typed := eval[string](b, `document.querySelector('#editor').value`)
	b.run("save past the limit", 15*time.Second,
		chromedp.Click(chromedp.CSS(`#rewrite button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.error`)),
	)
	refusal := get(b, "read the refusal", 5*time.Second, chromedp.Text(chromedp.CSS(`p.error`)))
	if !strings.Contains(refusal, "Not saved: your version is too long for x") || !strings.Contains(refusal, "of 280") {
		t.Errorf("saving past the limit says %q", refusal)
	}
	// The page's counter and the refusal count the same text the same way.
	if n := strings.Fields(get(b, "read the counter", 5*time.Second, chromedp.Text(chromedp.CSS(`#counter`))))[0]; !strings.Contains(refusal, ": "+n+" of 280") {
		t.Errorf("the counter says %s, the refusal %q", n, refusal)
	}
	if kept := eval[string](b, `document.querySelector('#editor').value`); kept != strings.ReplaceAll(typed, "\r\n", "\n") {
		t.Errorf("the refused text was not kept in the editor:\n got %q\nwant %q", kept, typed)
	}
	b.shot("topic-save-refused")
	b.signOut()

	// Regional: translate an approved snippet into Spanish by hand, approve it, and find
	// it in a partner's Spanish feed.
	b.signIn("rosa", regionalPass, "/ui/translations?locale=es", "table")
	b.shot("translations")
	snippet := eval[string](b, `(() => { for (const tr of document.querySelectorAll('tbody tr')) {
		if (tr.cells.length > 1 && tr.cells[1].textContent.trim() === 'any') return tr.querySelector('a').getAttribute('href'); }
		return ''; })()`)
	if !strings.HasPrefix(snippet, "/ui/translations/") {
		t.Fatalf("the Spanish translation queue offers no snippet:\n%s", eval[string](b, `document.querySelector('main').innerText`))
	}
	b.run("open a snippet to translate", 15*time.Second,
		chromedp.Navigate(st.url+snippet),
		chromedp.WaitVisible(chromedp.CSS(`#editor`)),
	)
	const spanish = "Las alertas silenciosas protegen a los clientes y al equipo de guardia."
	b.run("write and save the translation", 15*time.Second,
		chromedp.SetValue(chromedp.CSS(`#editor`), spanish),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.badge.draft`)),
	)
	b.shot("translation-draft")
	b.run("approve it", 15*time.Second,
		chromedp.Click(chromedp.CSS(`form[action$="/approve"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`dd .badge.approved`)),
	)
	b.shot("translation-approved")
	b.run("open the partner's Spanish feed", 15*time.Second,
		chromedp.Navigate(st.url+"/feeds/partner.json?locale=es&limit=500"),
		chromedp.WaitReady(chromedp.CSS(`body`)),
	)
	feed := eval[string](b, `document.body.innerText`)
	if !strings.Contains(feed, spanish) || !strings.Contains(feed, "utm_source=partner") {
		t.Errorf("the approved translation is not in the partner's Spanish feed:\n%.2000s", feed)
	}
	t.Logf("%s: the translation is in the partner's feed", time.Since(started).Round(time.Millisecond))
	b.shot("feed-es")
	b.run("back to the toolkit", 15*time.Second,
		chromedp.Navigate(st.url+"/ui/"),
		chromedp.WaitVisible(chromedp.CSS(`form.signout button`)),
	)
	b.signOut()

	// Hostile document: approved via the API, rendered on its review page.
	hostile := filepath.Join(t.TempDir(), "hostile.md")
	os.WriteFile(hostile, []byte("# Hostile launch notes\n\n"+
		"The launch doubles the reach of every campaign planned with partners. <script>window.__pwned=1</script>\n\n"+
		"Read the [click](javascript:window.__pwned=2) guide to see how the landing page carries 3 case studies and a pricing table.\n\n"+
		"<img src=x onerror=\"window.__pwned=3\"> Every team ships faster when the toolkit drafts the posts for them.\n"), 0o644)
	st.awsCp(hostile, "hostile.md")
	if a := st.waitSource("hostile.md", 30*time.Second); a.Source.Status != "ready" {
		t.Fatalf("hostile.md: %s %s", a.Source.Status, a.Source.Error)
	}
	if code := st.api("POST", "/api/v1/sources/"+sourceID("hostile.md")+"/approve", testAdminToken, nil); code != 200 {
		t.Fatalf("approve hostile.md: HTTP %d", code)
	}
	t.Logf("%s: hostile.md ready and approved", time.Since(started).Round(time.Millisecond))
	b.signIn("mia", mktPass, "/ui/sources/"+sourceID("hostile.md"), ".card")
	eval[bool](b, `document.querySelectorAll('details').forEach(d => d.open = true), true`)
	b.shot("review-hostile")
	if !eval[bool](b, `window.__pwned === undefined`) {
		v := eval[any](b, `window.__pwned`)
		t.Errorf("a script from the document ran on the review page: window.__pwned = %v", v)
	}
	bad := eval[[]string](b, `[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => /^\s*javascript:/i.test(h))`)
	if len(bad) > 0 {
		t.Errorf("the review page has javascript: links: %q", bad)
	}
	if eval[int](b, `document.querySelectorAll('.card').length`) == 0 {
		t.Error("the hostile document's review page shows no derivatives")
	}
	t.Logf("browser walk-through took %s; screenshots in %s", time.Since(started).Round(time.Millisecond), screenshotDir)
}
