package web

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/feed"
	"github.com/repurpose/repurpose/record"
)

// Freshness is when a topic was approved: ?fresh=7d lists what was approved in the last
// week, on the API and on the topics page.
func TestFreshTopicsWereApprovedRecently(t *testing.T) {
	tk, srv := uiServer(t)
	ctx := t.Context()
	day0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := day0
	tk.now = func() time.Time { return clock }
	old := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	recent := save(t, tk, "es.md", esDoc, time.Unix(2000, 0))
	if _, err := tk.reviews.ApproveSource(ctx, old.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	clock = day0.Add(10 * 24 * time.Hour)
	if _, err := tk.reviews.ApproveSource(ctx, recent.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	clock = day0.Add(12 * 24 * time.Hour)

	sources := func(q url.Values) map[string]int {
		t.Helper()
		f, err := tk.acc.TopicFilter(q)
		if err != nil {
			t.Fatal(err)
		}
		p, err := tk.rec.Topics(ctx, f, 1000, "")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, d := range p.Items {
			out[d.SourceID]++
		}
		return out
	}
	week := sources(url.Values{"fresh": {"7d"}})
	if week[recent.ID] == 0 || week[old.ID] != 0 {
		t.Errorf("fresh=7d lists %v, want only the source approved 2 days ago (%s)", week, recent.ID)
	}
	if month := sources(url.Values{"fresh": {"720h"}}); month[recent.ID] == 0 || month[old.ID] == 0 {
		t.Errorf("fresh=720h lists %v, want both sources", month)
	}
	for _, bad := range []string{"soon", "0d", "-3h"} {
		if _, err := tk.acc.TopicFilter(url.Values{"fresh": {bad}}); err == nil || !strings.Contains(err.Error(), "7d") {
			t.Errorf("fresh=%q: %v, want an error that shows the form", bad, err)
		}
	}

	c := browser(t)
	signIn(t, c, srv, "contributor", testPassword, "")
	res, body := do(t, c, "GET", srv.URL+"/ui/topics?fresh=7d", nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `<option value="7d" selected>`) ||
		!strings.Contains(body, "approved 11 Mar 2026") || strings.Contains(body, "approved 1 Mar 2026") {
		t.Errorf("topics page with fresh=7d: HTTP %d, the choice kept and only March 11 approvals shown?\n%s", res.StatusCode, body)
	}
	if res, body := do(t, c, "GET", srv.URL+"/ui/topics?fresh=soon", nil); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "7d or 36h") {
		t.Errorf("topics page with fresh=soon: HTTP %d\n%s", res.StatusCode, body)
	}
}

// A contributor's own version is saved only while they hold the claim, only with the
// disclosure, never with a banned phrase, never past the channel's limit; names are
// spelled as the brand spells them; and the saved text is what the editor, the share
// intent and the calendar reminder carry.
func TestContributorsSaveTheirOwnVersion(t *testing.T) {
	tk, srv := uiServer(t)
	tk.cfg.File.Brand = config.Brand{Disclosure: "#employee", BannedPhrases: []string{"guaranteed"}, Spellings: []string{"GitHub"}}
	tweet := firstOf(t, approvedDoc(t, tk), "tweet", "x")
	c := browser(t)
	signIn(t, c, srv, "contributor", testPassword, "")
	api := func(text string) (int, string) {
		t.Helper()
		res, body := doJSON(t, c, "PUT", srv.URL+"/api/v1/topics/"+tweet.ID+"/rewrite", `{"text":`+strconv.Quote(text)+`}`)
		return res.StatusCode, body
	}
	if code, body := api("Queues help. #employee"); code != http.StatusConflict || !strings.Contains(body, "claim this topic") {
		t.Errorf("saving without the claim: HTTP %d %s", code, body)
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/topics/"+tweet.ID+"/claim", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("claim: %d", res.StatusCode)
	}
	for _, tc := range []struct{ text, code, says string }{
		{"Queues absorb bursts.", "disclosure_missing", `add the disclosure \"#employee\"`},
		{"Results guaranteed with queues. #employee", "banned_phrase", `\"guaranteed\"`},
		{strings.Repeat("Queues absorb bursts. ", 14) + "#employee", "over_limit", "of 280"},
		{"   ", "empty", "empty"},
	} {
		code, body := api(tc.text)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, `"code":"`+tc.code+`"`) || !strings.Contains(body, tc.says) {
			t.Errorf("saving %q: HTTP %d %s, want 422 %s saying %s", tc.text, code, body, tc.code, tc.says)
		}
	}
	mine := "We moved our github alerts to queues and sleep better: " + tweet.Backlink + " #employee"
	code, body := api(mine)
	want := strings.Replace(mine, "github", "GitHub", 1)
	if code != http.StatusOK || !strings.Contains(body, strconv.Quote(want)[1:len(strconv.Quote(want))-1]) {
		t.Fatalf("saving a good version: HTTP %d %s, want it stored as %q", code, body, want)
	}

	_, page := do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID, nil)
	page = html.UnescapeString(page)
	if !strings.Contains(page, ">"+want+"</textarea>") {
		t.Errorf("the topic page does not start from the saved version:\n%s", page)
	}
	// Sharing on X opens X's intent with the saved version, the contributor's own link
	// where the topic's was.
	res, _ := do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID+"/share?channel=x", nil)
	intent, _ := url.Parse(res.Header.Get("Location"))
	if sent := intent.Query().Get("text"); res.StatusCode != http.StatusSeeOther || intent.Host != "twitter.com" ||
		!strings.HasPrefix(sent, "We moved our GitHub alerts to queues and sleep better: ") || !strings.HasSuffix(sent, " #employee") ||
		!strings.Contains(sent, "utm_term=contributor") {
		t.Errorf("sharing the saved version on X: HTTP %d to %s, want X's intent with it and the contributor's link", res.StatusCode, intent)
	}
	res, ics := do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID+"/reminder.ics?at=2026-06-02T09:00&tz=Europe/Madrid", nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(strings.ReplaceAll(ics, "\r\n ", ""), "We moved our GitHub alerts") {
		t.Errorf("the reminder does not hold the saved version: HTTP %d\n%s", res.StatusCode, ics)
	}

	// The form: a refused save keeps what was typed, says why, and answers 422.
	long := strings.Repeat("Queues absorb bursts. ", 14) + "#employee"
	res, page = do(t, c, "POST", srv.URL+"/ui/topics/"+tweet.ID+"/rewrite", url.Values{"text": {long}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Not saved: your version is too long for x") ||
		!strings.Contains(page, ">"+long+"</textarea>") || !strings.Contains(page, `class="counter over"`) {
		t.Errorf("an over-long save from the form: HTTP %d, the reason, the text kept and the counter over?\n%s", res.StatusCode, page)
	}
	if res, _ := do(t, c, "POST", srv.URL+"/ui/topics/"+tweet.ID+"/rewrite", url.Values{"text": {"Short and true. #employee"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a good save from the form: HTTP %d, want 303 back to the topic", res.StatusCode)
	}

	// Someone else's claim: nobody else saves over it.
	other := browser(t)
	signIn(t, other, srv, "marketing", testPassword, "")
	res, page = do(t, other, "POST", srv.URL+"/ui/topics/"+tweet.ID+"/rewrite", url.Values{"text": {"Mine now. #employee"}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(page, "claimed by contributor") {
		t.Errorf("saving over another's claim: HTTP %d", res.StatusCode)
	}
}

// A topic page shows the topic's approved variants on the other channels, the section's
// talking points and the passage of the paper it came from; drafts stay off it.
func TestTopicPageShowsVariantsPointsAndTheSection(t *testing.T) {
	tk, srv := uiServer(t)
	// One claim more in the first tweet's section: the posts on every channel and LinkedIn
	// say several of its sentences, and a talking point is one none of them says.
	const crash = "Consumers that fail simply take the message again, so no work is lost to a crash.\n"
	if !strings.Contains(doc, crash) {
		t.Fatal("the test document has changed: find another place for the claim")
	}
	ds := approvedText(t, tk, strings.Replace(doc, crash, crash+
		"\nQueues that hold writes for a few seconds halve the load on the database during peaks, rather than letting it fall over.\n", 1))
	tweet := firstOf(t, ds, "tweet", "x")
	var variants, points []record.Derivative
	for _, d := range ds {
		if d.Section == nil || d.Section.Anchor != tweet.Section.Anchor || d.ID == tweet.ID {
			continue
		}
		if d.Kind == "snippet" {
			points = append(points, d)
		} else {
			variants = append(variants, d)
		}
	}
	if len(variants) < 3 || len(points) == 0 {
		t.Fatalf("the fixture gives %d variants and %d points in section %q", len(variants), len(points), tweet.Section.Anchor)
	}
	// One variant goes back to draft: it must not be offered.
	if _, err := tk.reviews.EditDerivative(t.Context(), variants[0].ID, "Queues absorb bursts, edited.", "maria"); err != nil {
		t.Fatal(err)
	}
	c := browser(t)
	signIn(t, c, srv, "contributor", testPassword, "")
	res, page := do(t, c, "GET", srv.URL+"/ui/topics/"+tweet.ID, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("topic page: HTTP %d", res.StatusCode)
	}
	if strings.Contains(page, `href="/ui/topics/`+variants[0].ID+`"`) {
		t.Errorf("the draft variant on %s is offered", variants[0].Channel)
	}
	for _, v := range variants[1:] {
		if !strings.Contains(page, `href="/ui/topics/`+v.ID+`"`) {
			t.Errorf("the %s variant %s is not offered", v.Channel, v.ID)
		}
	}
	if !strings.Contains(page, "Talking points") || !strings.Contains(html.UnescapeString(page), feed.Text(points[0], "")) {
		t.Errorf("the talking point %q is missing", points[0].Text)
	}
	if !strings.Contains(page, `<blockquote class="passage"`) || !strings.Contains(page, "Queues absorb bursts so that 90% of requests") {
		t.Errorf("the section's passage is missing")
	}
	if !strings.Contains(page, "from the whole paper") {
		t.Errorf("the whole-paper posts (LinkedIn, thread, blog) are not offered beside the section's")
	}
}
