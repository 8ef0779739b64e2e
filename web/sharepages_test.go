package web

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
)

// A contributor's sharing in the web UI: the topic page offers X only for a text that fits
// X with their link and LinkedIn with the note that its dialog takes only the link; each
// share opens the channel's composer with the channel's own UTM and the link that credits
// them; an edited version without the link gets it back, one without the disclosure is
// refused with the text kept; a click on their link shows on My shares and the
// leaderboard, which they can leave and rejoin.
func TestSharePages(t *testing.T) {
	tk, srv := uiServer(t)
	tk.cfg.File.Tracking.ShortURL, tk.cfg.File.Tracking.ClickParam = "https://go.example.com", "rp_click"
	tk.cfg.File.Brand = config.Brand{Disclosure: "#employee"}
	ds := approvedDoc(t, tk)
	tweet, long := firstOf(t, ds, "tweet", "x"), firstOf(t, ds, "linkedin", "linkedin")
	c := browser(t)
	signIn(t, c, srv, "contributor", testPassword, "")

	// The tweet's page: both offers, neither hidden; the nav leads to My shares and the leaderboard.
	_, page := do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID, nil)
	for _, want := range []string{`href="/ui/shares"`, `href="/ui/leaderboard"`,
		`href="/ui/topics/` + tweet.ID + `/share?channel=x" target="_blank" rel="noopener" data-share="x"`,
		`data-share="linkedin"`, "share dialog takes only the link"} {
		if !strings.Contains(page, want) {
			t.Errorf("the tweet's page has no %s", want)
		}
	}
	if regexp.MustCompile(`data-share="x"[^>]*hidden`).MatchString(page) {
		t.Error("Share on X is hidden for a tweet that fits")
	}
	// The LinkedIn post's page: too long for X, so no X button to press, and it says so.
	_, page = do(t, c, "GET", srv.URL+"/ui/topics/"+long.ID, nil)
	if !regexp.MustCompile(`data-share="x"[^>]*hidden`).MatchString(page) || !strings.Contains(page, "Too long for x with your link") {
		t.Errorf("the LinkedIn post's page offers it on X, or does not say why not")
	}
	// Shared on its own channel, it opens LinkedIn's dialog.
	if res, _ := do(t, c, "GET", srv.URL+"/ui/topics/"+long.ID+"/share", nil); !strings.HasPrefix(res.Header.Get("Location"), "https://www.linkedin.com/sharing/share-offsite/?url=") {
		t.Errorf("sharing the LinkedIn post on its own channel: HTTP %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, page := do(t, c, "GET", srv.URL+"/ui/topics/"+long.ID+"/share?channel=x", nil)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Not shared: with your link it is ") {
		t.Errorf("sharing the LinkedIn post on X: HTTP %d, want 422 saying it does not fit", res.StatusCode)
	}

	// X: the intent carries the whole text with the contributor's link, which leads to the
	// page tagged utm_source=x and utm_term=contributor.
	res, _ = do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID+"/share?channel=x", nil)
	intent, _ := url.Parse(res.Header.Get("Location"))
	sent := intent.Query().Get("text")
	xLink := regexp.MustCompile(`https://go\.example\.com/r/\w+`).FindString(sent)
	if res.StatusCode != http.StatusSeeOther || intent.Host != "twitter.com" || xLink == "" || strings.Contains(sent, tweet.Backlink) {
		t.Fatalf("share on X: HTTP %d to %s, want X's intent with the contributor's own link", res.StatusCode, intent)
	}
	if to := follow(t, tk, xLink); to.Get("utm_source") != "x" || to.Get("utm_term") != "contributor" {
		t.Errorf("the X share's link leads to %v, want utm_source=x, utm_term=contributor", to)
	}

	// LinkedIn, from an edited version without the link: the dialog gets the contributor's
	// LinkedIn link, and the text (what the page copies) gets the link back.
	edited := "Queues let us sleep through the launch. #employee"
	res, _ = do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID+"/share?channel=linkedin&text="+url.QueryEscape(edited), nil)
	dialog, _ := url.Parse(res.Header.Get("Location"))
	liLink := dialog.Query().Get("url")
	if res.StatusCode != http.StatusSeeOther || dialog.Host != "www.linkedin.com" || !strings.HasPrefix(liLink, "https://go.example.com/r/") || liLink == xLink {
		t.Fatalf("share on LinkedIn: HTTP %d to %s, want LinkedIn's dialog with a LinkedIn link of the contributor's", res.StatusCode, dialog)
	}
	if to := follow(t, tk, liLink); to.Get("utm_source") != "linkedin" || to.Get("utm_term") != "contributor" {
		t.Errorf("the LinkedIn share's link leads to %v, want utm_source=linkedin, utm_term=contributor", to)
	}
	var pre struct{ Text string }
	res, body := doJSON(t, c, "POST", srv.URL+"/api/v1/topics/"+tweet.ID+"/share/preview", `{"channel":"linkedin","text":"`+edited+`"}`)
	if err := json.Unmarshal([]byte(body), &pre); res.StatusCode != http.StatusOK || err != nil {
		t.Fatalf("the preview: HTTP %d %s", res.StatusCode, body)
	}
	if pre.Text != edited+" "+liLink {
		t.Errorf("the edited version as it goes out: %q, want %q", pre.Text, edited+" "+liLink)
	}

	// Without the disclosure: refused, the text kept.
	res, page = do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID+"/share?channel=x&text="+url.QueryEscape("No disclosure here"), nil)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(page), `Not shared: add the disclosure "#employee"`) ||
		!strings.Contains(page, ">No disclosure here</textarea>") {
		t.Errorf("sharing without the disclosure: HTTP %d, want 422 saying so with the text kept", res.StatusCode)
	}

	// Another site cannot make a share in the contributor's name: its link shows the topic.
	req, _ := http.NewRequest("GET", srv.URL+"/ui/topics/"+tweet.ID+"/share?channel=bluesky", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if res, err := c.Do(req); err != nil || res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ui/topics/"+tweet.ID {
		t.Errorf("a share link followed from another site: %v %v, want 303 to the topic page", res, err)
	}

	// My shares: both, the X one with its click.
	_, page = do(t, c, "GET", srv.URL+"/ui/shares", nil)
	xRow := regexp.MustCompile(`(?s)<tr data-topic="` + tweet.ID + `" data-channel="x">.*?</tr>`).FindString(page)
	if !strings.Contains(xRow, xLink) || !strings.Contains(xRow, `<td class="num" data-label="Clicks">1</td>`) ||
		!strings.Contains(page, `data-topic="`+tweet.ID+`" data-channel="linkedin"`) {
		t.Errorf("My shares does not list the X share with its click and the LinkedIn share:\n%s", page)
	}
	if strings.Contains(page, `data-topic="`+long.ID+`" data-channel="x"`) || strings.Contains(page, `data-channel="bluesky"`) || !strings.Contains(page, `data-topic="`+long.ID+`" data-channel="linkedin"`) {
		t.Error("a share that was refused is listed, or one made is not")
	}

	// The leaderboard, seen by marketing: the contributor, until they opt out.
	mia := browser(t)
	signIn(t, mia, srv, "marketing", testPassword, "")
	onBoard := func() bool {
		_, page := do(t, mia, "GET", srv.URL+"/ui/leaderboard?days=7&group=emea", nil)
		return strings.Contains(page, `data-person="contributor"`)
	}
	if !onBoard() {
		t.Error("the contributor is not on the emea leaderboard of the last 7 days")
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/me/sharing", url.Values{"leaderboard": {"off"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("opting out: HTTP %d", res.StatusCode)
	}
	if onBoard() {
		t.Error("the contributor is on the leaderboard after opting out")
	}
	if _, page := do(t, c, "GET", srv.URL+"/ui/leaderboard", nil); !strings.Contains(page, "Show me on the leaderboard") {
		t.Error("the leaderboard does not offer the contributor to rejoin")
	}
	do(t, c, "POST", srv.URL+"/ui/me/sharing", url.Values{"leaderboard": {"on"}})
	if !onBoard() {
		t.Error("the contributor is not back on the leaderboard after opting in")
	}
	if res, _ := do(t, mia, "GET", srv.URL+"/ui/leaderboard?days=week", nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("days=week: HTTP %d, want 400", res.StatusCode)
	}
}

// follow clicks a tracked link as a reader does and answers the query of the page it
// leads to, with the click counted.
func follow(t *testing.T, tk *testKit, link string) url.Values {
	t.Helper()
	w := hit(tk.Handler(), "GET", strings.TrimPrefix(link, "https://go.example.com"), "Mozilla/5.0 (X11)", "203.0.113.8")
	if w.Code != http.StatusFound {
		t.Fatalf("GET %s: HTTP %d", link, w.Code)
	}
	tk.links.Flush()
	to, _ := url.Parse(w.Header().Get("Location"))
	return to.Query()
}

// approvedDoc saves the test document and approves it all, answering its derivatives.
func approvedDoc(t *testing.T, tk *testKit) []record.Derivative {
	t.Helper()
	return approvedText(t, tk, doc)
}

// approvedText saves text as a document and approves it all, answering its derivatives.
func approvedText(t *testing.T, tk *testKit, text string) []record.Derivative {
	t.Helper()
	s := save(t, tk, "q.md", text, time.Unix(1000, 0))
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}
