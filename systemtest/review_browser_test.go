package systemtest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/web/auth"
)

// reviewDoc is a paper of twelve sections, each with figures, a quote and sentences that
// stand alone: about thirty derivatives to review, a third of them quotes.
func reviewDoc() string {
	// Each section says its own things: a paper whose sections repeat one template would
	// give one point, said once.
	sections := []struct{ topic, finding, risk, advice, speaker, quote string }{
		{"Queues", "Checkout writes behind a queue lost 35% fewer orders during the spring sale than direct writes did.",
			"Without a queue, a slow payment provider holds every shopper's browser open until it times out.",
			"Put every write that can wait behind a queue, and alert on the age of its oldest message within five minutes.", "Dana Ortiz",
			"A queue is a promise that the work will be done, just not right now"},
		{"Retries", "Jittered retries cut the load spike after an outage from 9x to 1.4x the normal traffic.",
			"Retries without backoff turn a two-minute blip into an hour of cascading failures.",
			"Cap retries at three attempts and double the wait after each one.", "Lee Park",
			"Every retry is a bet that the next second will be kinder than this one"},
		{"Backpressure", "Services that shed load at 80% capacity kept 99.9% of requests under 300 ms during the launch.",
			"A service that accepts every request it cannot serve fails all of them at once.",
			"Return a 429 with a retry hint as soon as the queue passes its limit.", "Ana Silva",
			"Saying no early is the kindest thing a busy service can do"},
		{"Caching", "A read-through cache took the catalogue database from 12,000 to 900 queries per second.",
			"An expired cache that every node refills at once can knock the database over in seconds.",
			"Refresh hot keys early and let only one request rebuild each of them.", "Tom Berg",
			"The fastest query is the one the database never sees"},
		{"Observability", "Teams with tracing found the cause of an incident in 18 minutes, against 74 without it.",
			"Logs without request IDs leave on-call engineers guessing which service broke first.",
			"Attach a trace ID to every request at the edge and carry it through every call.", "Ravi Nair",
			"You cannot fix in an hour what you cannot see in a minute"},
		{"Capacity", "Forecasting from last year's peaks saved 22% of the compute budget with no missed target.",
			"Buying capacity after the alert fires means paying on-demand prices for the whole peak.",
			"Review the forecast every month against the sales calendar, not once a year.", "Mia Chen",
			"Capacity bought in a panic is always bought at the worst price"},
		{"Incidents", "Blameless reviews doubled the number of near misses that engineers reported in a year.",
			"When reviews hunt for a culprit, people stop reporting the mistakes that warn of the next outage.",
			"Hold the review within two working days and end it with one change to the system.", "Sam Cole",
			"People report what they are not punished for"},
		{"Budgets", "Error budgets let product teams ship 3 times as many releases in the quarters they stayed green.",
			"A reliability target nobody can miss without consequence is a number on a slide.",
			"Freeze risky launches for the rest of the month once the budget is spent.", "Eva Roth",
			"A budget you never spend is a target you set too low"},
		{"Rollouts", "Canary releases caught 41 of 45 bad builds before they reached a tenth of the users.",
			"A release that goes to every region at once turns one bad build into a global outage.",
			"Ship to 1% of traffic first and widen only while the error rate holds for an hour.", "Ken Ito",
			"The first percent of traffic is the cheapest place to find a bug"},
		{"Ownership", "Services with a named owning team were fixed 5 times faster than orphaned ones.",
			"An alert that pages a shared channel at night is an alert nobody answers.",
			"Give every service one owning team in the catalogue before it reaches production.", "Zoe Hart",
			"If everyone owns a service, nobody gets up at three in the morning for it"},
		{"Testing", "Contract tests between services removed two thirds of the failures seen in staging.",
			"A staging environment that differs from production hides the failures customers find first.",
			"Run the contract tests on every pull request of both the caller and the callee.", "Ali Khan",
			"Staging only helps when it lies to you less than production does"},
		{"Runbooks", "On-call engineers with a runbook resolved pages in half the time of those without one.",
			"A runbook last touched two years ago sends engineers down paths that no longer exist.",
			"Update the runbook in the same pull request that changes the system it describes.", "Ida Moss",
			"A runbook is only as good as the last time someone followed it"},
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Reliability at scale\ntags: [Reliability]\n---\n# Reliability at scale\n\n")
	for _, s := range sections {
		fmt.Fprintf(&b, "## %s in practice\n\n%s\n%s\n%s\n\n", s.topic, s.finding, s.risk, s.advice)
		fmt.Fprintf(&b, "\"%s,\" says %s, head of platform at Example Corp.\n\n", s.quote, s.speaker)
	}
	return b.String()
}

// TestBrowserReviewAtScale: marketing reviews a source of about thirty derivatives in
// headless Chromium, at 1280 px and at 390 px: the Sources list says how many wait for
// review; filters narrow the page by kind, channel and status; one action approves all
// quotes and another rejects all Mastodon posts; the keys move, approve and edit; an edit
// over the limit is refused on its card with the text kept and the counter agreeing; each
// post previews as its channel shows it, with its image.
func TestBrowserReviewAtScale(t *testing.T) {
	t.Parallel() // runs beside the fault tests, which mostly wait
	const pass = "marketing-password-1"
	hash, err := auth.HashPassword(pass)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	st := newStack(t, true, func(c *config.Config) {
		withCards(c)
		c.File.Users = append(c.File.Users, config.User{Name: "mia", Role: config.RoleMarketing, PasswordHash: hash})
	})
	paper := filepath.Join(t.TempDir(), "paper.md")
	if err := os.WriteFile(paper, []byte(reviewDoc()), 0o644); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, base: st.url}
	previous := ""
	for i, width := range []int{1280, 390} {
		key := fmt.Sprintf("scale-%d.md", width)
		// The same paper again posts no line the accounts already have from the first
		// copy: withdrawn, the first leaves the second all of them to review.
		if previous != "" {
			if code := st.api("POST", "/api/v1/sources/"+previous+"/withdraw", testAdminToken, nil); code != 200 {
				t.Fatalf("withdraw %s: HTTP %d", previous, code)
			}
		}
		st.awsCp(paper, key)
		a := st.waitSource(key, 60*time.Second)
		if a.Source.Status != "ready" || len(a.Derivatives) < 28 {
			t.Fatalf("%s: %s with %d derivatives, want ready with about thirty", key, a.Source.Status, len(a.Derivatives))
		}
		if im := st.waitImages(a.Source.ID, 90*time.Second); im.Source.Images != "ready" {
			t.Fatalf("%s: images %s: %s", key, im.Source.Images, im.Source.ImagesReason)
		}
		b.run(fmt.Sprintf("%d px", width), 5*time.Second, chromedp.EmulateViewport(int64(width), 900))
		if i == 0 {
			b.signIn("mia", pass, "/ui/sources", "#sources")
		}
		reviewAtScale(t, b, a.Source.ID, len(a.Derivatives), width)
		previous = a.Source.ID
	}
}

func reviewAtScale(t *testing.T, b *browser, id string, total, width int) {
	name := func(s string) string { return fmt.Sprintf("scale-%d-%s", width, s) }
	// The Sources list says what waits for review, and links to it.
	b.run("open the sources", 15*time.Second, chromedp.Navigate(b.base+"/ui/sources"),
		chromedp.WaitVisible(chromedp.CSS(`#sources tr[data-id="`+id+`"] a.to-review`)))
	toReview := eval[string](b, `document.querySelector('#sources tr[data-id="`+id+`"] a.to-review').textContent`)
	if want := strconv.Itoa(total) + " to review"; toReview != want {
		t.Errorf("the sources list says %q, want %q", toReview, want)
	}
	b.shot(name("sources"))
	b.run("open the drafts to review", 15*time.Second,
		chromedp.Click(chromedp.CSS(`#sources tr[data-id="`+id+`"] a.to-review`)),
		chromedp.WaitVisible(chromedp.CSS(`article.review-card`)))
	if n := eval[int](b, `document.querySelectorAll('article.review-card').length`); n != total {
		t.Errorf("the drafts view shows %d posts, want %d", n, total)
	}
	// The review itself fits the width (the site's navigation is the layout's).
	wide := eval[[]int](b, `[Math.max(...[...document.querySelectorAll('main *')].map(e => Math.round(e.getBoundingClientRect().right))), document.documentElement.clientWidth]`)
	if wide[0] > wide[1] {
		over := eval[[]string](b, `[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))`)
		t.Errorf("at %d px the review runs past the window's edge, to %d px: %q", width, wide[0], over)
	}
	// The previews' images are lazy: load them all before looking.
	eval[bool](b, `document.querySelectorAll('figure.preview img').forEach(i => i.loading = 'eager'), true`)
	for deadline := time.Now().Add(20 * time.Second); !eval[bool](b, `[...document.querySelectorAll('figure.preview img')].every(i => i.complete)`); {
		if time.Now().After(deadline) {
			t.Fatal("the previews' images did not load in 20 s")
		}
		b.run("wait for images", 5*time.Second, chromedp.Sleep(200*time.Millisecond))
	}
	// Previews: every post on a channel shows its text as posted and its image, loaded.
	previews := eval[[]string](b, `[...document.querySelectorAll('article.review-card')].filter(c => c.querySelector('figure.preview'))
		.map(c => { const img = c.querySelector('figure.preview img'); return c.querySelector('.card-head strong').textContent + ':' +
			(img ? (img.naturalWidth > 0 ? 'image' : 'broken ' + img.getAttribute('src')) : 'none') + ':' + (c.querySelector('.preview-link') ? 'link' : 'nolink'); })`)
	if len(previews) < 15 {
		t.Errorf("only %d posts have a preview: %q", len(previews), previews)
	}
	for _, p := range previews {
		if !strings.HasSuffix(p, ":image:link") {
			t.Errorf("a preview lacks its image or its link: %s", p)
		}
	}
	labels := eval[[]string](b, `[...new Set([...document.querySelectorAll('article.review-card .card-head strong')].map(e => e.textContent))]`)
	for _, want := range []string{"Tweet · X", "Thread · X", "LinkedIn post", "Quote", "Stat", "Blog teaser"} {
		if !slices.Contains(labels, want) {
			t.Errorf("no card is labelled %q: %q", want, labels)
		}
	}
	if eval[int](b, `[...document.querySelectorAll('article.review-card')].filter(c => c.textContent.includes('over the limit')).length`) != 0 {
		t.Error("a derived post says it is over the limit")
	}
	b.shot(name("review-drafts"))

	// Filter to the quotes, approve them all in one action. On a phone the filters are
	// folded: open them first, as a user taps their summary.
	if eval[bool](b, `!document.querySelector('form.review-filters').checkVisibility()`) {
		b.run("open the filters", 5*time.Second, chromedp.Click(chromedp.CSS(`details:has(> form.review-filters) > summary`)))
	}
	b.run("filter the quotes", 15*time.Second,
		chromedp.SetValue(chromedp.CSS(`#f-kind`), "quote"),
		chromedp.Click(chromedp.CSS(`form.review-filters button[type=submit]`)),
		chromedp.WaitReady(chromedp.CSS(`#f-kind option[value="quote"][selected]`)),
		chromedp.WaitVisible(chromedp.CSS(`form.review-bulk`)))
	quotes := eval[int](b, `document.querySelectorAll('article.review-card').length`)
	if other := eval[int](b, `[...document.querySelectorAll('article.review-card .card-head strong')].filter(e => e.textContent !== 'Quote').length`); quotes == 0 || other != 0 {
		t.Errorf("the quotes filter shows %d quotes and %d others", quotes, other)
	}
	b.shot(name("filter-quotes"))
	b.run("approve all quotes", 15*time.Second,
		chromedp.Click(chromedp.CSS(`form.review-bulk button[value=approved]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)))
	if notice := eval[string](b, `document.querySelector('p.notice').textContent`); notice != strconv.Itoa(quotes)+" drafts approved." {
		t.Errorf("after approving all quotes the page says %q", notice)
	}
	if left := eval[int](b, `document.querySelectorAll('article.review-card .badge.draft').length`); left != 0 {
		t.Errorf("%d quotes are still drafts", left)
	}
	b.shot(name("quotes-approved"))

	// Mastodon drafts, rejected in one action.
	b.run("filter Mastodon drafts", 15*time.Second,
		chromedp.Navigate(b.base+"/ui/sources/"+id+"?status=draft&channel=mastodon"),
		chromedp.WaitVisible(chromedp.CSS(`form.review-bulk`)))
	masto := eval[int](b, `document.querySelectorAll('article.review-card').length`)
	b.run("reject all Mastodon posts", 15*time.Second,
		chromedp.Click(chromedp.CSS(`form.review-bulk button[value=rejected]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)))
	if n := eval[int](b, `document.querySelectorAll('article.review-card').length`); masto == 0 || n != 0 {
		t.Errorf("%d Mastodon drafts before rejecting them all, %d after", masto, n)
	}
	b.shot(name("mastodon-rejected"))

	// Keys: j moves to the first draft (its focus visible), a approves it and the focus
	// moves on to the next draft; e opens a post's editor.
	b.run("open the drafts", 15*time.Second, chromedp.Navigate(b.base+"/ui/sources/"+id+"?status=draft"),
		chromedp.WaitVisible(chromedp.CSS(`article.review-card`)))
	drafts := eval[int](b, `document.querySelectorAll('article.review-card').length`)
	ids := eval[[]string](b, `[...document.querySelectorAll('article.review-card')].slice(0, 2).map(c => c.id)`)
	if len(ids) < 2 {
		t.Fatalf("only %d drafts left", len(ids))
	}
	b.run("press j", 5*time.Second, chromedp.KeyEvent("j"))
	if got := eval[string](b, `document.activeElement.id`); got != ids[0] {
		t.Fatalf("j focused %q, want the first post %q", got, ids[0])
	}
	if style := eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`); style == "none" {
		t.Error("the post in focus shows no outline")
	}
	b.shot(name("keys-focus"))
	b.run("press a", 15*time.Second, chromedp.KeyEvent("a"),
		chromedp.WaitNotPresent(chromedp.CSS(`#`+ids[0])), chromedp.WaitVisible(chromedp.CSS(`#`+ids[1])))
	if got := eval[string](b, `document.activeElement.id`); got != ids[1] {
		t.Errorf("after approving, the focus is on %q, want the next draft %q", got, ids[1])
	}
	drafts--
	// The next editable draft: a tweet.
	tweet := eval[string](b, `[...document.querySelectorAll('article.review-card')].find(c => c.querySelector('details.review-edit') &&
		c.querySelector('.badge.draft') && c.querySelector('.card-head strong').textContent === 'Tweet · X').id`)
	eval[bool](b, `document.getElementById('`+tweet+`').focus(), true`)
	b.run("press e", 5*time.Second, chromedp.KeyEvent("e"))
	editor := "e-" + strings.TrimPrefix(tweet, "d-")
	if got := eval[string](b, `document.activeElement.id`); got != editor {
		t.Fatalf("e focused %q, want the editor %q", got, editor)
	}
	// Over the limit: the counter says so, the save is refused on the card, the text kept.
	eval[bool](b, `(e => (e.setSelectionRange(0, 0), true))(document.activeElement)`)
	b.run("type past the limit", 30*time.Second,
		chromedp.SendKeys(chromedp.CSS(`#`+editor), strings.Repeat("longer text ", 26)),
		chromedp.WaitVisible(chromedp.CSS(`#n-`+strings.TrimPrefix(tweet, "d-")+`.over`)))
	// The counter follows the typing a moment behind (each keystroke asks the server to
	// count): it is read once it has settled on the text typed.
	counterJS := `document.getElementById('n-` + strings.TrimPrefix(tweet, "d-") + `').textContent`
	counter := eval[string](b, counterJS)
	for settle := time.Now().Add(15 * time.Second); time.Now().Before(settle); {
		time.Sleep(500 * time.Millisecond)
		now := eval[string](b, counterJS)
		if now == counter {
			break
		}
		counter = now
	}
	typed := eval[string](b, `document.getElementById('`+editor+`').value`)
	b.shot(name("edit-over"))
	b.run("save past the limit", 15*time.Second,
		chromedp.Click(chromedp.CSS(`#`+tweet+` details.review-edit button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#r-`+strings.TrimPrefix(tweet, "d-"))))
	refusal := eval[string](b, `document.getElementById('r-`+strings.TrimPrefix(tweet, "d-")+`').textContent`)
	n := regexp.MustCompile(`^\d+`).FindString(counter)
	if n == "" || !strings.Contains(refusal, ": "+n+" of 280") {
		t.Errorf("the counter said %q, the refusal %q", counter, refusal)
	}
	if kept := eval[string](b, `document.getElementById('`+editor+`').value`); kept != typed {
		t.Errorf("the refused text was not kept:\n got %q\nwant %q", kept, typed)
	}
	if got := eval[string](b, `document.activeElement.id`); got != editor {
		t.Errorf("after the refusal the focus is on %q, want the editor", got)
	}
	if left := eval[int](b, `document.querySelectorAll('article.review-card').length`); left != drafts {
		t.Errorf("the refusal shows %d drafts, want the %d still to review", left, drafts)
	}
	b.shot(name("edit-refused"))
	b.run("leave the editor", 5*time.Second, chromedp.KeyEvent(kb.Escape))
	if got := eval[string](b, `document.activeElement.id`); got != tweet {
		t.Errorf("Esc left the focus on %q, want the post %q", got, tweet)
	}
}
