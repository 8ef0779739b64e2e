package systemtest

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/web/auth"
)

// The widths every page is checked at: a phone held upright and a laptop.
const (
	phoneWidth, phoneHeight = 390, 844
	deskWidth, deskHeight   = 1280, 900
)

// pageLayout is what the phone check reads from a page (layoutJS).
type pageLayout struct {
	ScrollWidth int      `json:"scrollWidth"` // document.documentElement.scrollWidth
	ClientWidth int      `json:"clientWidth"` // ...and the width it has to fit (less a scrollbar)
	Width       int      `json:"width"`       // the viewport's (window.innerWidth)
	Rows        int      `json:"rows"`        // table body rows in main
	TableRows   []string `json:"tableRows"`   // rows still laid out as table rows
	Unlabelled  []string `json:"unlabelled"`  // cells shown without their column's name
	Unfolded    []string `json:"unfolded"`    // filter forms shown in full on arrival
	Unopenable  []string `json:"unopenable"`  // filter forms with no visible summary to open them
	Small       []string `json:"small"`       // visible controls under 44 px tall
	Outside     []string `json:"outside"`     // visible elements reaching past the right edge
	NavLinks    int      `json:"navLinks"`    // links in the main navigation
	NavShown    int      `json:"navShown"`    // ...of which visible
	HasNav      bool     `json:"hasNav"`
	Menu        string   `json:"menu"`      // "" when there is no visible menu button, else its aria-expanded
	MenuFocus   bool     `json:"menuFocus"` // the menu button has the focus
}

// layoutJS measures the page as a user would look at it. Filter forms are the GET forms
// that show this same page filtered; controls are what can be tapped; the menu button is
// the visible header button that controls the element holding the main navigation.
const layoutJS = `(() => {
	const W = document.documentElement.clientWidth;
	const shown = e => e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}) &&
		e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > 0;
	const name = e => (e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' +
		(e.innerText || e.value || e.getAttribute('aria-label') || e.name || '').trim().replace(/\s+/g, ' ').slice(0, 40) + '"');
	const out = {scrollWidth: document.documentElement.scrollWidth, clientWidth: W, width: window.innerWidth, rows: 0, tableRows: [], unlabelled: [],
		unfolded: [], unopenable: [], small: [], outside: [], navLinks: 0, navShown: 0, hasNav: false, menu: '', menuFocus: false};
	for (const table of document.querySelectorAll('main table')) {
		const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
		for (const tr of table.querySelectorAll('tbody tr')) {
			out.rows++;
			if (getComputedStyle(tr).display === 'table-row') out.tableRows.push(name(tr));
			[...tr.cells].forEach((td, i) => {
				if (td.colSpan > 1 || !heads[i]) return;
				const label = getComputedStyle(td, '::before');
				if (label.display === 'none' || label.content !== JSON.stringify(heads[i])) out.unlabelled.push(heads[i] + ' of ' + name(tr));
			});
		}
	}
	for (const f of document.querySelectorAll('main form')) {
		if (f.method !== 'get' || new URL(f.action).pathname !== location.pathname) continue;
		if (shown(f)) { out.unfolded.push(f.getAttribute('aria-label') || f.action); continue; }
		const d = f.closest('details'), s = d && d.querySelector(':scope > summary');
		if (!s || !shown(s)) out.unopenable.push(f.getAttribute('aria-label') || f.action);
	}
	for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
		if (!shown(e)) continue;
		let h = e.getBoundingClientRect().height;
		if (e.type === 'checkbox' || e.type === 'radio') for (const l of e.labels) h = Math.max(h, l.getBoundingClientRect().height);
		if (h < 44) out.small.push(name(e) + ' ' + Math.round(h) + ' px');
	}
	for (const e of document.querySelectorAll('body *')) {
		if (shown(e) && e.getBoundingClientRect().right > W + 0.5) out.outside.push(name(e));
	}
	const nav = document.querySelector('header nav');
	if (nav) {
		out.hasNav = true;
		const links = [...nav.querySelectorAll('a[href]')];
		out.navLinks = links.length;
		out.navShown = links.filter(shown).length;
		for (const b of document.querySelectorAll('header button[aria-expanded][aria-controls]')) {
			const panel = document.getElementById(b.getAttribute('aria-controls'));
			if (shown(b) && panel && panel.contains(nav)) {
				out.menu = b.getAttribute('aria-expanded');
				out.menuFocus = document.activeElement === b;
			}
		}
	}
	return out;
})()`

// menuButton is the selector the test clicks; layoutJS decides whether it is the menu.
const menuButton = `header button[aria-expanded][aria-controls]`

// TestBrowserEveryPageOnAPhoneAndADesk signs in as each role, walks every page the role can
// reach from its navigation (and the lists' first entries), and looks at each at 390 px and
// at 1280 px wide, with screenshots. On the phone: no horizontal scrolling, the navigation
// folded behind a menu button that opens it by click and by keyboard and closes with
// Escape, table rows shown as cards with each cell labelled by its column, filters folded
// away behind a summary, forms and editors inside the screen, and every control at least
// 44 px tall. At the desk: the navigation in full and no menu button, tables as tables,
// filters open.
func TestBrowserEveryPageOnAPhoneAndADesk(t *testing.T) {
	users := []struct {
		name string
		role config.Role
		must []string // page shapes the walk has to reach
	}{
		{"ada", config.RoleAdmin, []string{"/ui/sources", "/ui/sources/*", "/ui/campaigns", "/ui/topics", "/ui/topics/*", "/ui/shares", "/ui/leaderboard",
			"/ui/translations", "/ui/translations/*/*", "/ui/snippets", "/ui/calendar", "/ui/analytics", "/ui/accounts"}},
		{"mia", config.RoleMarketing, []string{"/ui/sources", "/ui/sources/*", "/ui/campaigns", "/ui/topics", "/ui/topics/*", "/ui/shares", "/ui/leaderboard",
			"/ui/translations", "/ui/translations/*/*", "/ui/snippets", "/ui/calendar", "/ui/analytics"}},
		{"rosa", config.RoleRegional, []string{"/ui/topics", "/ui/topics/*", "/ui/shares", "/ui/leaderboard", "/ui/translations", "/ui/translations/*/*",
			"/ui/snippets", "/ui/calendar", "/ui/analytics"}},
		{"carl", config.RoleContributor, []string{"/ui/topics", "/ui/topics/*", "/ui/shares", "/ui/leaderboard"}},
	}
	password := func(name string) string { return name + "-password-1" }
	t.Setenv("REPURPOSE_TEST_HOOK_SECRET", "hook-secret-for-tests")
	ctx := newBrowser(t)
	st := newStack(t, true, func(c *config.Config) {
		for _, u := range users {
			hash, err := auth.HashPassword(password(u.name))
			if err != nil {
				t.Fatal(err)
			}
			user := config.User{Name: u.name, Role: u.role, PasswordHash: hash}
			if u.role == config.RoleRegional {
				user.Regions = []string{"emea"}
			}
			c.File.Users = append(c.File.Users, user)
		}
		c.File.Accounts = map[string]config.Account{
			"x-main": {Type: "x", Settings: map[string]string{"client_id": "cid"}},
			"hook":   {Type: "webhook", Settings: map[string]string{"url": "http://127.0.0.1:9/none", "secret_env": "REPURPOSE_TEST_HOOK_SECRET"}},
		}
		var window config.Window
		if err := window.UnmarshalText([]byte("daily 09:00-17:00")); err != nil {
			t.Fatal(err)
		}
		ch := config.RegionChannel{Account: "hook", Windows: []config.Window{window}, Spacing: config.Duration(time.Hour), MaxPerDay: 5}
		// EMEA (the paper's region) publishes in English and German: the translation
		// queue offers German first.
		c.File.Regions = append(c.File.Regions, config.Region{ID: "emea", Name: "EMEA", Locales: []string{"en", "de"},
			TimeZone: "Europe/Berlin", Channels: map[string]config.RegionChannel{"x": ch, "linkedin": ch}})
	})
	whitepaper := "../samples/whitepaper.en.md"
	st.awsCp(whitepaper, "whitepaper.en.md")
	if a := st.waitSource("whitepaper.en.md", 60*time.Second); a.Source.Status != "ready" {
		t.Fatalf("whitepaper: %s %s", a.Source.Status, a.Source.Error)
	}
	if code := st.api("POST", "/api/v1/sources/"+sourceID("whitepaper.en.md")+"/approve", testAdminToken, nil); code != 200 {
		t.Fatalf("approve the whitepaper: HTTP %d", code)
	}

	b := &browser{t: t, ctx: ctx, base: st.url}
	started := time.Now()
	for _, u := range users {
		b.resize(phoneWidth, phoneHeight)
		b.signIn(u.name, password(u.name), "/ui/", "main h1")
		pages := b.walk()
		for _, shape := range u.must {
			if _, ok := pages[shape]; !ok {
				t.Errorf("%s: the walk did not reach %s (reached %v)", u.name, shape, keys(pages))
			}
		}
		b.checkMenuKeyboard(u.name)
		for _, shape := range sortedKeys(pages) {
			b.open(pages[shape])
			b.checkPhone(u.name + "-" + slug(shape) + "-390")
		}
		if u.role == config.RoleMarketing {
			// The withdraw confirmation is the answer to a POST.
			b.open(pages["/ui/sources/*"])
			b.run("ask to withdraw", 15*time.Second,
				chromedp.Click(chromedp.CSS(`form[action$="/withdraw"] button`)),
				chromedp.WaitReady(chromedp.CSS(`input[name=confirm]`)))
			b.checkPhone(u.name + "-withdraw-390")
		}
		if u.role == config.RoleContributor {
			b.open(st.url + "/ui/sources") // a 403 page
			b.checkPhone(u.name + "-forbidden-390")
		}
		b.resize(deskWidth, deskHeight)
		for _, shape := range sortedKeys(pages) {
			b.open(pages[shape])
			b.checkDesk(u.name + "-" + slug(shape) + "-1280")
		}
		b.signOut()
		t.Logf("%s: %s: %d pages at both widths", time.Since(started).Round(time.Millisecond), u.name, len(pages))
	}
	b.resize(phoneWidth, phoneHeight)
	b.open(st.url + "/signin")
	b.checkPhone("signin-390")
}

// resize sets the viewport, as a window of that size would have. A phone's scrollbars
// overlay the page rather than take its width, so at phone width they are hidden.
func (b *browser) resize(w, h int64) {
	b.t.Helper()
	hide := emulation.SetScrollbarsHiddenParams{Hidden: w <= phoneWidth}
	b.run("resize", 10*time.Second, chromedp.EmulateViewport(w, h), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScrollbarsHidden, hide)
		return err
	}))
}

// open loads a page and waits for its main element.
func (b *browser) open(u string) {
	b.t.Helper()
	b.run("open "+u, 20*time.Second, chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS(`main`)))
}

// walk visits the pages the toolkit's links lead to from where sign-in lands, one page per
// shape (/ui/topics/* stands for every topic), and returns a URL for each shape. Downloads,
// calendar files and new windows are not pages.
func (b *browser) walk() map[string]string {
	b.t.Helper()
	pages := map[string]string{}
	queue := []string{get(b, "read location", 5*time.Second, chromedp.Location())}
	for len(queue) > 0 && len(pages) < 40 {
		u := queue[0]
		queue = queue[1:]
		p, err := url.Parse(u)
		if err != nil {
			b.t.Fatal(err)
		}
		shape := shapeOf(p.Path)
		if _, seen := pages[shape]; seen {
			continue
		}
		pages[shape] = u
		b.open(u)
		links := eval[[]string](b, `[...document.querySelectorAll('a[href]')].filter(a => a.origin === location.origin &&
			a.pathname.startsWith('/ui/') && !a.hasAttribute('download') && a.target !== '_blank' &&
			!/\.(ics|csv)$/.test(a.pathname)).map(a => a.href)`)
		queue = append(queue, links...)
	}
	return pages
}

// shapeOf is a page's path with what follows its section replaced by *.
func shapeOf(p string) string {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	for i := 2; i < len(parts); i++ {
		parts[i] = "*"
	}
	return "/" + strings.Join(parts, "/")
}

func slug(shape string) string {
	s := strings.Trim(strings.ReplaceAll(strings.TrimPrefix(shape, "/ui"), "*", "one"), "/")
	if s == "" {
		return "home"
	}
	return strings.ReplaceAll(s, "/", "-")
}

func sortedKeys(m map[string]string) []string {
	ks := keys(m)
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func keys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// checkPhone screenshots the page at phone width and checks what a phone user meets:
// on arrival, then with the menu open, then with every fold opened (forms and editors).
func (b *browser) checkPhone(name string) {
	b.t.Helper()
	t := b.t
	b.shot(name)
	l := eval[pageLayout](b, layoutJS)
	b.phoneAlways(name, l)
	if l.Rows > 0 && len(l.TableRows) > 0 {
		t.Errorf("%s: %d of %d table rows are laid out as table rows, not cards: %q", name, len(l.TableRows), l.Rows, l.TableRows)
	}
	if len(l.Unlabelled) > 0 {
		t.Errorf("%s: table cells shown without their column's name: %q", name, l.Unlabelled)
	}
	if len(l.Unfolded) > 0 {
		t.Errorf("%s: filters shown in full rather than folded away: %q", name, l.Unfolded)
	}
	if len(l.Unopenable) > 0 {
		t.Errorf("%s: folded filters with no summary to open them: %q", name, l.Unopenable)
	}
	if l.HasNav {
		switch {
		case l.Menu == "":
			t.Errorf("%s: no menu button for the navigation", name)
		case l.NavShown > 0 || l.Menu != "false":
			t.Errorf("%s: the navigation is not folded on arrival: %d of %d links shown, menu button aria-expanded=%q", name, l.NavShown, l.NavLinks, l.Menu)
		default:
			b.run("open the menu", 5*time.Second, chromedp.Click(chromedp.CSS(menuButton)))
			l = eval[pageLayout](b, layoutJS)
			if l.NavShown != l.NavLinks || l.Menu != "true" {
				t.Errorf("%s: the menu button did not open the navigation: %d of %d links shown, aria-expanded=%q", name, l.NavShown, l.NavLinks, l.Menu)
			}
			b.phoneAlways(name+" (menu open)", l)
			b.run("close the menu", 5*time.Second, chromedp.KeyEvent(kb.Escape))
			if l = eval[pageLayout](b, layoutJS); l.NavShown > 0 || l.Menu != "false" || !l.MenuFocus {
				t.Errorf("%s: Escape did not close the menu back to its button: %d links shown, aria-expanded=%q, focus on the button %v", name, l.NavShown, l.Menu, l.MenuFocus)
			}
		}
	}
	eval[bool](b, `document.querySelectorAll('details').forEach(d => d.open = true), true`)
	b.phoneAlways(name+" (folds open)", eval[pageLayout](b, layoutJS))
}

// phoneAlways is what holds on a phone whatever is open: no horizontal scrolling, nothing
// past the right edge, every control tall enough to tap.
func (b *browser) phoneAlways(name string, l pageLayout) {
	b.t.Helper()
	if l.Width != phoneWidth {
		b.t.Fatalf("%s: the viewport is %d px wide, not %d", name, l.Width, phoneWidth)
	}
	if l.ScrollWidth > l.ClientWidth || l.ClientWidth != l.Width {
		b.t.Errorf("%s: the page scrolls sideways: %d px wide in a %d px screen (%d px of it the page's)", name, l.ScrollWidth, l.Width, l.ClientWidth)
	}
	if len(l.Outside) > 0 {
		b.t.Errorf("%s: %d elements reach past the screen's right edge, first %q", name, len(l.Outside), l.Outside[:min(5, len(l.Outside))])
	}
	if len(l.Small) > 0 {
		b.t.Errorf("%s: %d controls under 44 px tall: %q", name, len(l.Small), l.Small)
	}
}

// checkMenuKeyboard opens and closes the menu from the keyboard alone.
func (b *browser) checkMenuKeyboard(who string) {
	b.t.Helper()
	if eval[pageLayout](b, layoutJS).Menu == "" {
		return // checkPhone says so
	}
	eval[bool](b, `document.querySelector('`+menuButton+`').focus(), true`)
	b.run("press Enter on the menu button", 5*time.Second, chromedp.KeyEvent(kb.Enter))
	l := eval[pageLayout](b, layoutJS)
	if l.Menu != "true" || l.NavShown != l.NavLinks {
		b.t.Errorf("%s: Enter on the menu button did not open the navigation: aria-expanded=%q, %d of %d links shown", who, l.Menu, l.NavShown, l.NavLinks)
	}
	b.shot(who + "-menu-open")
	// Tab moves into the open navigation, to its first link.
	b.run("press Tab", 5*time.Second, chromedp.KeyEvent(kb.Tab))
	if in := eval[bool](b, `!!document.activeElement.closest('header nav')`); !in {
		b.t.Errorf("%s: Tab from the open menu's button went to %s, not into the navigation", who, eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	b.run("press Escape", 5*time.Second, chromedp.KeyEvent(kb.Escape))
	if l = eval[pageLayout](b, layoutJS); l.Menu != "false" || !l.MenuFocus {
		b.t.Errorf("%s: Escape in the open navigation left aria-expanded=%q, focus on the button %v", who, l.Menu, l.MenuFocus)
	}
}

// checkDesk screenshots the page at desk width and checks the desk layout is kept: the
// navigation in full with no menu button, tables as tables, filters open.
func (b *browser) checkDesk(name string) {
	b.t.Helper()
	b.shot(name)
	l := eval[pageLayout](b, layoutJS)
	if l.Width != deskWidth {
		b.t.Fatalf("%s: the viewport is %d px wide, not %d", name, l.Width, deskWidth)
	}
	if l.ScrollWidth > l.ClientWidth {
		b.t.Errorf("%s: the page scrolls sideways: %d px wide in a %d px window", name, l.ScrollWidth, l.ClientWidth)
	}
	if l.HasNav && (l.Menu != "" || l.NavShown != l.NavLinks) {
		b.t.Errorf("%s: the navigation is folded at the desk: menu button aria-expanded=%q, %d of %d links shown", name, l.Menu, l.NavShown, l.NavLinks)
	}
	if len(l.TableRows) != l.Rows {
		b.t.Errorf("%s: %d of %d table rows are not laid out as table rows at the desk", name, l.Rows-len(l.TableRows), l.Rows)
	}
	if n := eval[int](b, `[...document.querySelectorAll('main form')].filter(f => f.method === 'get' &&
		new URL(f.action).pathname === location.pathname && !f.checkVisibility()).length`); n > 0 {
		b.t.Errorf("%s: %d filter forms are folded at the desk", name, n)
	}
}
