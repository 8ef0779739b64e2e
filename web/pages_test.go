package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/web/auth"
	"github.com/repurpose/repurpose/web/pages"
)

const testPassword = "correct horse battery staple"

// uiServer serves the toolkit with one password user per role, named after the role.
func uiServer(t *testing.T) (*testKit, *httptest.Server) {
	t.Helper()
	tk, _ := newQueueingToolkit(t)
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []config.Role{config.RoleAdmin, config.RoleMarketing, config.RoleRegional, config.RoleContributor} {
		tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: string(r), Role: r, PasswordHash: hash, Regions: []string{"emea"}})
	}
	srv := httptest.NewServer(tk.Handler())
	t.Cleanup(srv.Close)
	return tk, srv
}

// browser is a client with a cookie jar that does not follow redirects.
func browser(t *testing.T) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// do sends a request as a browser does from the site's own pages (Sec-Fetch-Site: same-origin).
func do(t *testing.T, c *http.Client, method, u string, form url.Values) (*http.Response, string) {
	t.Helper()
	if form == nil {
		return sendBody(t, c, method, u, "", nil)
	}
	return sendBody(t, c, method, u, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// sendBody sends a request of contentType ("" for none) from the site's own pages.
func sendBody(t *testing.T, c *http.Client, method, u, contentType string, body io.Reader) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return send(t, c, req)
}

// doJSON sends a JSON body as the site's own scripts do.
func doJSON(t *testing.T, c *http.Client, method, u, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return send(t, c, req)
}

// send sends req from the site's own pages and reads the answer.
func send(t *testing.T, c *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func signIn(t *testing.T, c *http.Client, srv *httptest.Server, user, password, next string) (*http.Response, string) {
	t.Helper()
	return do(t, c, "POST", srv.URL+"/signin", url.Values{"username": {user}, "password": {password}, "next": {next}})
}

func TestSignInSessionAndSignOut(t *testing.T) {
	_, srv := uiServer(t)
	c := browser(t)
	res, body := do(t, c, "GET", srv.URL+"/signin", nil)
	if res.StatusCode != 200 || !strings.Contains(body, `<label for="username">`) || !strings.Contains(body, `<label for="password">`) {
		t.Fatalf("sign-in page: %d\n%s", res.StatusCode, body)
	}
	res, _ = signIn(t, c, srv, "contributor", testPassword, "/ui/topics")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ui/topics" {
		t.Fatalf("sign-in: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == "repurpose_session" {
			cookie = ck
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Path != "/" || len(cookie.Value) < 43 {
		t.Fatalf("session cookie = %+v", cookie)
	}
	res, body = do(t, c, "GET", srv.URL+"/api/v1/me", nil)
	if res.StatusCode != 200 || !strings.Contains(body, `"name":"contributor"`) {
		t.Fatalf("/api/v1/me through the session: %d %s", res.StatusCode, body)
	}
	if res, _ := do(t, c, "POST", srv.URL+"/signout", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", res.StatusCode)
	}
	// The old cookie is dead on the server, not just dropped by the browser.
	req, _ := http.NewRequest("GET", srv.URL+"/api/v1/me", nil)
	req.AddCookie(cookie)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("after sign-out: %v %v", res.StatusCode, err)
	}
}

// A password change ends the sessions opened with the old password: a thief's copy of the
// cookie stops working when the owner changes it (in the configuration, as serve restarts).
func TestPasswordChangeEndsSessions(t *testing.T) {
	tk, srv := uiServer(t)
	thief := browser(t)
	if res, _ := signIn(t, thief, srv, "marketing", testPassword, ""); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.StatusCode)
	}
	if res, _ := do(t, thief, "GET", srv.URL+"/api/v1/me", nil); res.StatusCode != 200 {
		t.Fatalf("the session before the change: %d", res.StatusCode)
	}
	const changed = "a new and different passphrase"
	hash, err := auth.HashPassword(changed)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tk.cfg.File.Users {
		if tk.cfg.File.Users[i].Name == "marketing" {
			tk.cfg.File.Users[i].PasswordHash = hash
		}
	}
	if res, _ := do(t, thief, "GET", srv.URL+"/api/v1/me", nil); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("the old session after the password changed: %d, want 401", res.StatusCode)
	}
	owner := browser(t)
	signIn(t, owner, srv, "marketing", changed, "")
	if res, _ := do(t, owner, "GET", srv.URL+"/api/v1/me", nil); res.StatusCode != 200 {
		t.Errorf("a session with the new password: %d", res.StatusCode)
	}
}

// signInFrom signs in as a browser behind a trusted proxy that names the client address.
func signInFrom(t *testing.T, srv *httptest.Server, addr, user, password string) (*http.Response, string) {
	t.Helper()
	form := url.Values{"username": {user}, "password": {password}}
	req, _ := http.NewRequest("POST", srv.URL+"/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("X-Forwarded-For", addr)
	res, err := browser(t).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestSignInFailuresAreGenericAndLimited(t *testing.T) {
	tk, srv := uiServer(t)
	tk.cfg.Infra.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	now := time.Unix(1_800_000_000, 0)
	tk.now = func() time.Time { return now }
	_, wrong := signInFrom(t, srv, "198.51.100.1", "marketing", "not the password at all")
	_, unknown := signInFrom(t, srv, "198.51.100.2", "nobody", "not the password at all")
	msg := regexp.MustCompile(`<p class="error" role="alert">[^<]*</p>`)
	if m1, m2 := msg.FindString(wrong), msg.FindString(unknown); m1 == "" || m1 != m2 {
		t.Errorf("wrong password says %q, unknown user says %q", m1, m2)
	}

	const attacker = "203.0.113.66"
	for range 5 { // spaced out, so only the limit of the name from this address applies
		now = now.Add(auth.SigninBackoffMax)
		signInFrom(t, srv, attacker, "marketing", "still not the password")
	}
	res, body := signInFrom(t, srv, attacker, "marketing", testPassword)
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Too many failed sign-ins") || res.Header.Get("Retry-After") == "" {
		t.Fatalf("6th attempt with the right password from the guessing address: %d %s", res.StatusCode, msg.FindString(body))
	}
	// Another user from that address is not refused ...
	if res, _ := signInFrom(t, srv, attacker, "admin", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Errorf("another user from the guessing address: %d, want 303", res.StatusCode)
	}
	// ... and the guessed name, from its owner's address, waits a moment, not 15 minutes.
	const owner = "192.0.2.10"
	res, body = signInFrom(t, srv, owner, "marketing", testPassword)
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "seconds") {
		t.Errorf("the guessed name right after the guesses: %d %s, want 429 for seconds", res.StatusCode, msg.FindString(body))
	}
	now = now.Add(auth.SigninBackoffMax)
	if res, _ := signInFrom(t, srv, owner, "marketing", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the owner once the backoff passed: %d, want 303", res.StatusCode)
	}
	// The guessing address stays refused for the name for the whole window.
	if res, _ := signInFrom(t, srv, attacker, "marketing", testPassword); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the guessing address after the owner signed in: %d, want 429", res.StatusCode)
	}
}

func TestNextCannotRedirectOffSite(t *testing.T) {
	_, srv := uiServer(t)
	for _, next := range []string{"//evil.example", "https://evil.example", `/\evil`, "javascript:alert(1)", ""} {
		res, _ := signIn(t, browser(t), srv, "admin", testPassword, next)
		if loc := res.Header.Get("Location"); loc != "/ui/" {
			t.Errorf("next=%q redirects to %q", next, loc)
		}
	}
	res, _ := do(t, browser(t), "GET", srv.URL+"/ui/topics?q=x", nil)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/signin?next="+url.QueryEscape("/ui/topics?q=x") {
		t.Errorf("signed out: %d to %q", res.StatusCode, loc)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	tk, srv := uiServer(t)
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	c := browser(t)
	signIn(t, c, srv, "marketing", testPassword, "")
	for _, h := range []map[string]string{{"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"}} {
		req, _ := http.NewRequest("POST", srv.URL+"/ui/sources/"+s.ID+"/approve", nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-origin POST with %v: %d, want 403", h, res.StatusCode)
		}
	}
	if got, _ := tk.rec.Source(t.Context(), s.ID); got.Approved {
		t.Error("a cross-origin POST approved the source")
	}
	// A script with a token sends neither header and passes.
	tk.cfg.File.Users = append(tk.cfg.File.Users, config.User{Name: "bot", Role: config.RoleMarketing, TokenSHA256: auth.HashToken("bot-token")})
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/sources/"+s.ID+"/approve", nil)
	req.Header.Set("Authorization", "Bearer bot-token")
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 200 {
		t.Errorf("token POST: %v %v", res.StatusCode, err)
	}
}

// hostile has script and a javascript: link in its text; plain text keeps them verbatim.
const hostile = `Queues in practice

Queues absorb bursts <script>alert(1)</script> so that 90% of requests finish within a second even when traffic triples.

Retries need backoff, see javascript:alert(1) for details, or a small outage becomes a large one for every customer at once.

Measure queue depth, alert on the age of the oldest task, and add workers before the backlog grows.
`

func TestPagesEscapeDocumentText(t *testing.T) {
	tk, srv := uiServer(t)
	s := save(t, tk, "hostile.txt", hostile, time.Unix(1000, 0))
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	c := browser(t)
	signIn(t, c, srv, "admin", testPassword, "")
	href := regexp.MustCompile(`href="([^"]*)"`)
	escaped := false
	pages := []string{"/ui/sources", "/ui/sources/" + s.ID, "/ui/topics"}
	for _, d := range ds {
		pages = append(pages, "/ui/topics/"+d.ID)
	}
	for _, p := range pages {
		res, body := do(t, c, "GET", srv.URL+p, nil)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("%s holds a raw <script>", p)
		}
		for _, m := range href.FindAllStringSubmatch(body, -1) {
			if strings.Contains(strings.ToLower(m[1]), "javascript:") {
				t.Errorf("%s links to %s", p, m[1])
			}
		}
		escaped = escaped || strings.Contains(body, "&lt;script&gt;")
		if csp := res.Header.Get("Content-Security-Policy"); csp != uiCSP {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
	if !escaped {
		t.Error("no page showed the escaped script: the test document did not reach them")
	}
}

func TestPagesByRole(t *testing.T) {
	tk, srv := uiServer(t)
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	homes := map[string]string{"admin": "/ui/sources", "marketing": "/ui/sources", "regional": "/ui/topics", "contributor": "/ui/topics"}
	for role, home := range homes {
		c := browser(t)
		signIn(t, c, srv, role, testPassword, "")
		if res, _ := do(t, c, "GET", srv.URL+"/ui/", nil); res.Header.Get("Location") != home {
			t.Errorf("%s's home: %q", role, res.Header.Get("Location"))
		}
		res, body := do(t, c, "GET", srv.URL+"/ui/sources/"+s.ID, nil)
		reviewer := home == "/ui/sources"
		if reviewer && (res.StatusCode != 200 || !strings.Contains(body, "Approve all")) {
			t.Errorf("%s on the source page: %d", role, res.StatusCode)
		}
		if !reviewer && (res.StatusCode != http.StatusForbidden || !strings.Contains(body, "cannot open this page")) {
			t.Errorf("%s on the source page: %d, want the 403 page", role, res.StatusCode)
		}
		// A draft is not a topic for contributors and regional users yet.
		res, _ = do(t, c, "GET", srv.URL+"/ui/topics/"+ds[0].ID, nil)
		if want := map[bool]int{true: 200, false: 404}[reviewer]; res.StatusCode != want {
			t.Errorf("%s on a draft topic: %d, want %d", role, res.StatusCode, want)
		}
	}
}

func TestReviewClaimAndShare(t *testing.T) {
	tk, srv := uiServer(t)
	tk.cfg.File.Brand.Disclosure = "#employee"
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	marketing, contributor := browser(t), browser(t)
	signIn(t, marketing, srv, "marketing", testPassword, "")
	signIn(t, contributor, srv, "contributor", testPassword, "")
	if res, _ := do(t, marketing, "POST", srv.URL+"/ui/sources/"+s.ID+"/approve", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve all: %d", res.StatusCode)
	}
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	var tweet *record.Derivative
	for i := range ds {
		if ds[i].Kind == "tweet" {
			tweet = &ds[i]
		}
	}
	if res, _ := do(t, marketing, "POST", srv.URL+"/ui/derivatives/"+ds[0].ID+"/reject", url.Values{}); res.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(res.Header.Get("Location"), "/ui/sources/"+s.ID) {
		t.Errorf("reject: %d to %s", res.StatusCode, res.Header.Get("Location"))
	}
	_, list := do(t, contributor, "GET", srv.URL+"/ui/topics?channel=x", nil)
	if !strings.Contains(list, "/ui/topics/"+tweet.ID) || strings.Contains(list, "/ui/topics/"+ds[0].ID+`"`) {
		t.Errorf("the topic list misses the approved tweet or shows the rejected one")
	}
	page := "/ui/topics/" + tweet.ID
	if res, _ := do(t, contributor, "POST", srv.URL+page+"/claim", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("claim: %d", res.StatusCode)
	}
	_, body := do(t, contributor, "GET", srv.URL+page, nil)
	for _, want := range []string{"by contributor", "Release it", `id="editor"`, "#employee", `aria-live="polite"`,
		`href="` + page + `/share?channel=x"`, `href="` + page + `/share?channel=linkedin"`} {
		if !strings.Contains(body, want) {
			t.Errorf("topic page lacks %q", want)
		}
	}
	if res, body := do(t, marketing, "POST", srv.URL+page+"/claim", url.Values{}); res.StatusCode != http.StatusConflict || !strings.Contains(body, "claimed by contributor") {
		t.Errorf("a second claim: %d", res.StatusCode)
	}
	if res, _ := do(t, contributor, "POST", srv.URL+page+"/release", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("release: %d", res.StatusCode)
	}
}

func TestReminderICS(t *testing.T) {
	tk, srv := uiServer(t)
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	tk.reviews.ApproveSource(t.Context(), s.ID, "setup")
	_, ds, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	c := browser(t)
	signIn(t, c, srv, "contributor", testPassword, "")
	u := srv.URL + "/ui/topics/" + ds[0].ID + "/reminder.ics?at=2025-03-30T09:30&tz=Europe/Berlin"
	res, body := do(t, c, "GET", u, nil)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("reminder: %d %s", res.StatusCode, body)
	}
	if !strings.HasSuffix(body, "\r\n") {
		t.Error("the calendar does not end with CRLF")
	}
	var unfolded []string
	for _, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if strings.HasPrefix(line, " ") {
			unfolded[len(unfolded)-1] += line[1:]
			continue
		}
		unfolded = append(unfolded, line)
	}
	props := map[string]string{}
	for _, l := range unfolded {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Errorf("not a content line: %q", l)
		}
		if _, seen := props[name]; !seen {
			props[name] = value
		}
	}
	if unfolded[0] != "BEGIN:VCALENDAR" || unfolded[len(unfolded)-1] != "END:VCALENDAR" || props["BEGIN"] != "VCALENDAR" {
		t.Errorf("not a calendar: %q ... %q", unfolded[0], unfolded[len(unfolded)-1])
	}
	// 09:30 in Berlin on the day clocks went forward (CEST, UTC+2) is 07:30 UTC.
	if props["DTSTART"] != "20250330T073000Z" {
		t.Errorf("DTSTART = %q", props["DTSTART"])
	}
	desc := props["DESCRIPTION"]
	// Its share link goes through the toolkit, so the share is recorded and credited.
	if !strings.Contains(desc, `\n\nShare: `+tk.cfg.Infra.PublicURL+"/ui/topics/"+ds[0].ID+"/share?channel=") || strings.Contains(desc, "\n") {
		t.Errorf("DESCRIPTION = %q", desc)
	}
	if props["UID"] == "" || props["SUMMARY"] == "" || props["DTSTAMP"] == "" {
		t.Errorf("missing UID, SUMMARY or DTSTAMP: %v", props)
	}
	_, again := do(t, c, "GET", u, nil)
	if uid := regexp.MustCompile(`UID:[^\r]+`); uid.FindString(again) != uid.FindString(body) {
		t.Error("the UID changed between downloads")
	}
	if res, _ := do(t, c, "GET", srv.URL+"/ui/topics/"+ds[0].ID+"/reminder.ics?at=2025-03-30T09:30&tz=Mars/Olympus", nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("an unknown zone: %d", res.StatusCode)
	}
}

func TestUploadQueuesTheFile(t *testing.T) {
	tk, srv := uiServer(t)
	c := browser(t)
	signIn(t, c, srv, "marketing", testPassword, "")
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("files", "paper.md")
	fw.Write([]byte(doc))
	fw, _ = mw.CreateFormFile("files", "virus.exe")
	fw.Write([]byte("MZ"))
	mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/ui/upload", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct{ Files []pages.UploadResult }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || len(out.Files) != 2 {
		t.Fatalf("upload answer: %v %+v", err, out)
	}
	if !out.Files[0].OK || out.Files[1].OK || !strings.Contains(out.Files[1].Error, "only .md") {
		t.Errorf("per-file results: %+v", out.Files)
	}
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("a partly failed upload: %d", res.StatusCode)
	}
	obj, err := tk.s3.Get(t.Context(), "inbox", "paper.md", 0)
	if err != nil || string(obj.Body) != doc {
		t.Fatalf("inbox object: %v", err)
	}
	s, err := tk.rec.Source(t.Context(), out.Files[0].SourceID)
	if err != nil || s.Status != record.StatusQueued {
		t.Fatalf("source after upload: %+v %v", s, err)
	}
	if _, body := do(t, c, "GET", srv.URL+"/ui/sources", nil); !strings.Contains(body, "paper.md") || !strings.Contains(body, "queued") {
		t.Error("the sources page does not show the upload as queued")
	}
}
