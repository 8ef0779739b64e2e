package systemtest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/web/auth"
)

// TestBrowserContributorSharesAndIsCredited walks a contributor's sharing in headless
// Chromium on the real stack, once at 1280 px and once on a 390 px phone: they open a
// ready topic with its card, take the link out of their version (the live count is the
// server's count of the text as it goes out, the link put back), share on X (the intent
// carries that text with their own link) and on LinkedIn (the page copies the text and
// opens the dialog with their LinkedIn link, and says so); a reader's click on each link
// lands on the page tagged with the channel and their name, is credited to them on My
// shares and on the leaderboard; opting out takes them off it.
func TestBrowserContributorSharesAndIsCredited(t *testing.T) {
	t.Parallel() // runs beside the fault tests, which mostly wait
	const pass = "contributor-password-2"
	hash, err := auth.HashPassword(pass)
	if err != nil {
		t.Fatal(err)
	}
	people := []struct {
		name, token string
		width       int64
		height      int64
	}{{"carl", "carl-token-1", 1280, 900}, {"dana", "dana-token-1", 390, 844}}
	ctx := newBrowser(t)
	st := newStack(t, true, func(c *config.Config) {
		withCards(c)
		c.File.Tracking.ShortURL, c.File.Tracking.ClickParam = c.Infra.PublicURL, "rp_click"
		c.File.Brand.Disclosure = "#employee"
		for _, p := range people {
			c.File.Users = append(c.File.Users, config.User{Name: p.name, Role: config.RoleContributor, Team: "growth",
				PasswordHash: hash, TokenSHA256: auth.HashToken(p.token)})
		}
	})
	st.awsCp("../samples/whitepaper.en.md", "whitepaper.en.md")
	ready := st.waitSource("whitepaper.en.md", 60*time.Second)
	if code := st.api("POST", "/api/v1/sources/"+ready.Source.ID+"/approve", testAdminToken, nil); code != http.StatusOK {
		t.Fatalf("approve the whitepaper: HTTP %d", code)
	}
	images := st.waitImages(ready.Source.ID, 90*time.Second)
	// A tweet with a card of its own, if the paper gives one; any tweet otherwise.
	var topic, backlink string
	var card bool
	for _, d := range images.Derivatives {
		if d.Kind != "tweet" || d.Channel != "x" || card {
			continue
		}
		topic = d.ID
		for _, m := range d.Media {
			card = card || m.Kind == "card"
		}
	}
	for _, d := range ready.Derivatives {
		if d.ID == topic {
			backlink = d.Backlink
		}
	}
	if topic == "" || !strings.HasPrefix(backlink, st.url+"/r/") {
		t.Fatalf("no tweet on X with a tracked link in the whitepaper (%q, %q)", topic, backlink)
	}
	b := &browser{t: t, ctx: ctx, base: st.url}
	reader := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	// redirect GETs u with the headers h and answers where it redirects, with want.
	redirect := func(u string, h http.Header, want int) *url.URL {
		t.Helper()
		req, _ := http.NewRequest("GET", u, nil)
		req.Header = h
		res, err := reader.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		loc, err := url.Parse(res.Header.Get("Location"))
		if res.StatusCode != want || err != nil {
			t.Fatalf("GET %s: HTTP %d, want %d with a Location", u, res.StatusCode, want)
		}
		return loc
	}
	// as follows a share link as the person (303 to the channel's composer); click, a
	// share's link as a reader does (302 to the page).
	as := func(token, u string) *url.URL {
		return redirect(u, http.Header{"Authorization": {"Bearer " + token}}, http.StatusSeeOther)
	}
	click := func(link string) url.Values {
		return redirect(link, http.Header{"User-Agent": {"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)"}}, http.StatusFound).Query()
	}
	text := func(sel string) string {
		return get(b, "read "+sel, 5*time.Second, chromedp.Text(chromedp.CSS(sel)))
	}

	for i, p := range people {
		b.run(fmt.Sprintf("a %d px window", p.width), 10*time.Second, chromedp.EmulateViewport(p.width, p.height))
		b.signIn(p.name, pass, "/ui/topics/"+topic, `a[data-share="linkedin"]`)
		size := strconv.FormatInt(p.width, 10)
		b.shot(p.name + "-topic-" + size)
		if !eval[bool](b, `!document.querySelector('a[data-share="x"]').hidden`) {
			t.Fatalf("%s: the tweet's page does not offer Share on X", p.name)
		}
		if card {
			if !eval[bool](b, `!!document.querySelector('.share-cards img[alt]:not([alt=""])') && !!document.querySelector('.share-cards a[download]')`) {
				t.Errorf("%s: the tweet's card is not offered with its alt text and a download", p.name)
			}
		} else {
			t.Log("the whitepaper's tweets have no card of their own; the card offer is not checked")
		}

		// Their own version without the link: counted as it goes out, the link put back.
		eval[bool](b, `(e => (e.value = e.value.split(`+strconv.Quote(backlink)+`).join('').replace(/ +/g, ' ').trim(),
			e.dispatchEvent(new Event('input')), true))(document.querySelector('#editor'))`)
		get(b, "wait for the share links to carry the edit", 15*time.Second,
			chromedp.Poll[bool](`document.querySelector('a[data-share="x"]').href.includes('text=')`))
		sent := eval[string](b, `document.querySelector('a[data-share="x"]').dataset.text`)
		mine := regexp.MustCompile(regexp.QuoteMeta(st.url) + `/r/\w+`).FindString(sent)
		if mine == "" || mine == backlink || !strings.HasSuffix(sent, " "+mine) || !strings.Contains(sent, "#employee") {
			t.Fatalf("%s: the version without the link goes out as %q, want the disclosure and their own link back at the end", p.name, sent)
		}
		n, _ := channel.Count(channel.X, sent)
		get(b, "wait for the counter", 10*time.Second,
			chromedp.Poll[bool](`document.querySelector('#counter').textContent.startsWith('`+strconv.Itoa(n.Weighted)+` of 280')`))
		b.shot(p.name + "-edited-" + size)

		// X: pressing Share on X records the share (in a new tab, on its way to X)...
		b.run("share on X", 10*time.Second, chromedp.Click(chromedp.CSS(`a[data-share="x"]`)),
			// The new tab comes to the front; the page carries on in this one.
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, page.BringToFront, cdp.Empty{})
				return err
			}))
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			var mine struct {
				Shares []struct{ Channel, URL string }
			}
			st.api("GET", "/api/v1/me/shares", p.token, &mine)
			if len(mine.Shares) == 1 && mine.Shares[0].Channel == "x" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: pressing Share on X recorded %+v, want the X share", p.name, mine.Shares)
			}
		}
		// ...and the share link opens X's intent with exactly that text.
		href := eval[string](b, `document.querySelector('a[data-share="x"]').href`)
		intent := as(p.token, href)
		if intent.Host != "twitter.com" || intent.Path != "/intent/tweet" || intent.Query().Get("text") != sent {
			t.Errorf("%s: Share on X opens %s, want X's intent with %q", p.name, intent, sent)
		}
		if to := click(mine); to.Get("utm_source") != "x" || to.Get("utm_term") != p.name {
			t.Errorf("%s: their X link leads to %v, want utm_source=x and utm_term=%s", p.name, to, p.name)
		}

		// LinkedIn: the page copies the post and opens the dialog, and says so. The
		// clipboard and the new tab are the browser's; the page's calls to them are caught.
		eval[bool](b, `(window.__copied = null, window.__opened = null,
			Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: t => (window.__copied = t, Promise.resolve())}}),
			window.open = u => (window.__opened = u, null), true)`)
		b.run("share on LinkedIn", 10*time.Second, chromedp.Click(chromedp.CSS(`a[data-share="linkedin"]`)))
		get(b, "wait for the page to say it copied", 10*time.Second,
			chromedp.Poll[bool](`document.querySelector('#share-status').textContent.includes('copied')`))
		copied, opened := eval[string](b, `window.__copied`), eval[string](b, `window.__opened`)
		says := text(`#share-status`)
		b.shot(p.name + "-linkedin-copied-" + size)
		dialog := as(p.token, opened)
		liLink := dialog.Query().Get("url")
		if dialog.Host != "www.linkedin.com" || !strings.HasPrefix(liLink, st.url+"/r/") || liLink == mine {
			t.Fatalf("%s: Share on LinkedIn opens %s, want LinkedIn's dialog with their LinkedIn link", p.name, dialog)
		}
		if copied != strings.ReplaceAll(sent, mine, liLink) || !strings.Contains(says, "Paste it into LinkedIn") {
			t.Errorf("%s: LinkedIn copied %q and says %q; want their post with their LinkedIn link, and to paste it", p.name, copied, says)
		}
		if to := click(liLink); to.Get("utm_source") != "linkedin" || to.Get("utm_term") != p.name {
			t.Errorf("%s: their LinkedIn link leads to %v, want utm_source=linkedin and utm_term=%s", p.name, to, p.name)
		}

		// My shares: both, each with the click it brought (clicks reach Redis within seconds).
		rowsJS := `[...document.querySelectorAll('#my-shares tbody tr')].map(r => r.dataset.channel + ' ' + r.cells[3].textContent.trim()).sort().join(', ')`
		var rows string
		for deadline := time.Now().Add(20 * time.Second); ; {
			b.run("open My shares", 15*time.Second, chromedp.Navigate(st.url+"/ui/shares"), chromedp.WaitReady(chromedp.CSS(`main`)))
			if rows = eval[string](b, `document.querySelector('#my-shares') ? `+rowsJS+` : ''`); rows == "linkedin 1, x 1" || time.Now().After(deadline) {
				break
			}
			b.run("wait", 5*time.Second, chromedp.Sleep(500*time.Millisecond))
		}
		if rows != "linkedin 1, x 1" {
			t.Errorf("%s: My shares lists %q, want the LinkedIn and X shares with a click each", p.name, rows)
		}
		b.shot(p.name + "-my-shares-" + size)

		// The leaderboard: there with both clicks; the one who opted out before is not.
		b.run("open the leaderboard", 15*time.Second, chromedp.Navigate(st.url+"/ui/leaderboard?days=7&group=growth"),
			chromedp.WaitVisible(chromedp.CSS(`#sharing button`)))
		board := eval[string](b, `[...document.querySelectorAll('#leaderboard tbody tr')].map(r => r.dataset.person + ' ' + r.cells[3].textContent.trim()).join(', ')`)
		if !strings.Contains(board, p.name+" 2") || (i > 0 && strings.Contains(board, people[0].name)) {
			t.Errorf("%s: the leaderboard lists %q, want them with 2 clicks%s", p.name, board, map[bool]string{true: " and not " + people[0].name}[i > 0])
		}
		b.shot(p.name + "-leaderboard-" + size)
		if i == 0 {
			b.run("opt out", 15*time.Second,
				chromedp.Click(chromedp.CSS(`#sharing button`)),
				chromedp.WaitReady(chromedp.CSS(`#sharing input[value="on"]`)))
			if eval[bool](b, `!!document.querySelector('#leaderboard tr[data-person="`+p.name+`"]')`) {
				t.Errorf("%s is on the leaderboard after opting out", p.name)
			}
			b.shot(p.name + "-opted-out-" + size)
		}
		b.signOut()
	}
}
