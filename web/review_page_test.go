package web

import (
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/record"
)

// The source review page at scale: filters, bulk decisions per kind, refusals in place,
// the counter a save agrees with, labels, previews and the Sources list's review counts.

var cardID = regexp.MustCompile(`<article class="card review-card" id="d-([^"]+)"`)

// cards are the IDs of the derivatives a source page shows.
func cards(body string) []string {
	var ids []string
	for _, m := range cardID.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// reviewFixture is a source saved and a marketing user signed in.
func reviewFixture(t *testing.T) (*testKit, string, *http.Client, *record.Source, []record.Derivative) {
	tk, srv, c, s, ds := reviewServer(t)
	return tk, srv.URL, c, s, ds
}

func reviewServer(t *testing.T) (*testKit, *httptest.Server, *http.Client, *record.Source, []record.Derivative) {
	tk, srv := uiServer(t)
	s := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := browser(t)
	signIn(t, c, srv, "marketing", testPassword, "")
	return tk, srv, c, s, ds
}

func matching(ds []record.Derivative, keep func(record.Derivative) bool) map[string]bool {
	out := map[string]bool{}
	for _, d := range ds {
		if keep(d) {
			out[d.ID] = true
		}
	}
	return out
}

func sameIDs(t *testing.T, what string, got []string, want map[string]bool) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: the page shows %d derivatives, want %d", what, len(got), len(want))
	}
	for _, id := range got {
		if !want[id] {
			t.Errorf("%s: the page shows %s, which does not match", what, id)
		}
	}
}

func TestSourceReviewFilters(t *testing.T) {
	tk, base, c, s, ds := reviewFixture(t)
	page := base + "/ui/sources/" + s.ID
	_, all := do(t, c, "GET", page, nil)
	sameIDs(t, "no filter", cards(all), matching(ds, func(record.Derivative) bool { return true }))
	if !strings.Contains(all, "Showing "+strconv.Itoa(len(ds))+" of "+strconv.Itoa(len(ds))) {
		t.Errorf("the page does not say it shows all %d", len(ds))
	}

	_, tweets := do(t, c, "GET", page+"?kind=tweet", nil)
	sameIDs(t, "kind=tweet", cards(tweets), matching(ds, func(d record.Derivative) bool { return d.Kind == channel.KindTweet }))
	_, masto := do(t, c, "GET", page+"?channel=mastodon", nil)
	sameIDs(t, "channel=mastodon", cards(masto), matching(ds, func(d record.Derivative) bool { return d.Channel == channel.Mastodon }))
	_, points := do(t, c, "GET", page+"?kind=key_point", nil)
	sameIDs(t, "kind=key_point", cards(points), matching(ds, func(d record.Derivative) bool { return d.Type == "key_point" }))

	// A decision made from a filtered view comes back to it.
	first := cards(tweets)[0]
	res, _ := do(t, c, "POST", base+"/ui/derivatives/"+first+"/approve?kind=tweet", url.Values{})
	if loc := res.Header.Get("Location"); loc != "/ui/sources/"+s.ID+"?kind=tweet#d-"+first {
		t.Errorf("approving from the tweets goes to %q", loc)
	}
	_, approved := do(t, c, "GET", page+"?status=approved", nil)
	sameIDs(t, "status=approved", cards(approved), map[string]bool{first: true})
	_, drafts := do(t, c, "GET", page+"?kind=tweet&status=draft", nil)
	want := matching(ds, func(d record.Derivative) bool { return d.Kind == channel.KindTweet && d.ID != first })
	sameIDs(t, "tweet drafts", cards(drafts), want)
	_ = tk
}

func TestSourceReviewBulkPerKind(t *testing.T) {
	tk, srv, c, s, ds := reviewServer(t)
	base := srv.URL
	page := base + "/ui/sources/" + s.ID
	_, body := do(t, c, "GET", page, nil)
	tweets := matching(ds, func(d record.Derivative) bool { return d.Kind == channel.KindTweet })
	if want := "Approve all " + strconv.Itoa(len(tweets)) + " drafts: Tweet · X"; !strings.Contains(html.UnescapeString(body), want) {
		t.Errorf("the tweets have no %q button", want)
	}
	// One action approves every tweet, and nothing else.
	res, _ := do(t, c, "POST", page+"/decide", url.Values{"kind": {"tweet"}, "verdict": {"approved"}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "decided="+strconv.Itoa(len(tweets))) {
		t.Fatalf("bulk approve: %d to %q", res.StatusCode, loc)
	}
	_, after, _ := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	for _, d := range after {
		if want := map[bool]record.ReviewStatus{true: record.Approved, false: record.Draft}[tweets[d.ID]]; d.Status != want {
			t.Errorf("%s %s is %s after approving all tweets, want %s", d.Kind, d.ID, d.Status, want)
		}
	}
	_, notice := do(t, c, "GET", base+res.Header.Get("Location"), nil)
	if !strings.Contains(notice, strconv.Itoa(len(tweets))+" drafts approved.") {
		t.Error("the page after a bulk approval does not say what it did")
	}
	// Reject per kind on the filtered channel only: snippets are all on "any", so a
	// filter on x rejects none of them.
	res, _ = do(t, c, "POST", page+"/decide?channel=x", url.Values{"kind": {"key_point"}, "channel": {"x"}, "verdict": {"rejected"}})
	if loc := res.Header.Get("Location"); !strings.Contains(loc, "decided=0") || !strings.Contains(loc, "channel=x") {
		t.Errorf("rejecting key points on x: to %q, want none decided and the filter kept", loc)
	}
	res, _ = do(t, c, "POST", page+"/decide", url.Values{"kind": {"key_point"}, "verdict": {"rejected"}})
	points := matching(ds, func(d record.Derivative) bool { return d.Type == "key_point" })
	if loc := res.Header.Get("Location"); !strings.Contains(loc, "decided="+strconv.Itoa(len(points))) {
		t.Errorf("rejecting the key points: to %q, want %d decided", loc, len(points))
	}
	_, after, _ = tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	for _, d := range after {
		if points[d.ID] && d.Status != record.Rejected {
			t.Errorf("key point %s is %s", d.ID, d.Status)
		}
	}
	if res, _ := do(t, c, "POST", page+"/decide", url.Values{"kind": {"tweet"}, "verdict": {"published"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bulk decision that is neither approve nor reject: %d", res.StatusCode)
	}
	if res, _ := do(t, c, "POST", page+"/decide", url.Values{"verdict": {"rejected"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bulk rejection of no kind in particular: %d, want it refused", res.StatusCode)
	}
	// Contributors may not decide.
	contributor := browser(t)
	signIn(t, contributor, srv, "contributor", testPassword, "")
	if res, _ := do(t, contributor, "POST", page+"/decide", url.Values{"kind": {"quote"}, "verdict": {"approved"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a contributor's bulk decision: %d", res.StatusCode)
	}
}

// editCount is what the review page's live counter shows for text.
func editCount(t *testing.T, c *http.Client, base, id, text string) (n, limit int, valid bool) {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"text": text})
	res, body := doJSON(t, c, "POST", base+"/ui/derivatives/"+id+"/count", string(b))
	var out struct {
		Weighted int  `json:"weighted_length"`
		Limit    int  `json:"limit"`
		Valid    bool `json:"valid"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || res.StatusCode != 200 {
		t.Fatalf("count: %d %v", res.StatusCode, err)
	}
	return out.Weighted, out.Limit, out.Valid
}

var refusedCount = regexp.MustCompile(`: (\d+) of (\d+) \(counted`)

// The live counter and a save count the same text the same way, at the edge of the limit,
// for links, emoji and CJK (weighted 2 on X): what the counter calls valid saves, and what
// it calls over is refused with the counter's number.
func TestEditCounterAgreesWithSave(t *testing.T) {
	tk, base, c, _, ds := reviewFixture(t)
	tk.cfg.File.Brand.Disclosure = "#employee"
	var tweet record.Derivative
	for _, d := range ds {
		if d.Kind == channel.KindTweet {
			tweet = d
			break
		}
	}
	for name, unit := range map[string]string{"url": " https://example.com/a", "emoji": " 👩‍💻", "cjk": "待", "plain": " word"} {
		t.Run(name, func(t *testing.T) {
			text := func(k int) string { return "Queues absorb bursts." + strings.Repeat(unit, k) + "\n" + tweet.Backlink }
			// The longest text the counter calls valid.
			lo, hi := 0, 300
			for lo < hi {
				mid := (lo + hi + 1) / 2
				if _, _, ok := editCount(t, c, base, tweet.ID, text(mid)); ok {
					lo = mid
				} else {
					hi = mid - 1
				}
			}
			over := text(lo + 1)
			n, limit, ok := editCount(t, c, base, tweet.ID, over)
			if ok || n <= limit {
				t.Fatalf("one more %q: the counter says %d of %d, valid %v", unit, n, limit, ok)
			}
			res, body := do(t, c, "POST", base+"/ui/derivatives/"+tweet.ID+"/edit", url.Values{"text": {over}})
			m := refusedCount.FindStringSubmatch(html.UnescapeString(body))
			if res.StatusCode != http.StatusUnprocessableEntity || m == nil || m[1] != strconv.Itoa(n) || m[2] != strconv.Itoa(limit) {
				t.Errorf("saving what the counter calls %d of %d: %d, refusal %q", n, limit, res.StatusCode, m)
			}
			fits := text(lo)
			res, _ = do(t, c, "POST", base+"/ui/derivatives/"+tweet.ID+"/edit", url.Values{"text": {strings.ReplaceAll(fits, "\n", "\r\n")}})
			if res.StatusCode != http.StatusSeeOther {
				t.Errorf("saving what the counter calls valid: %d", res.StatusCode)
			}
		})
	}
}

func TestRefusedEditShownInPlace(t *testing.T) {
	tk, base, c, s, ds := reviewFixture(t)
	tk.cfg.File.Brand.BannedPhrases = []string{"guaranteed"}
	var tweet record.Derivative
	for _, d := range ds {
		if d.Kind == channel.KindTweet {
			tweet = d
		}
	}
	for name, text := range map[string]string{
		"banned":   "Queues are guaranteed to absorb every burst.\r\nTry them: " + tweet.Backlink,
		"too long": strings.Repeat("Queues absorb bursts and keep orders safe. ", 9) + tweet.Backlink,
		"cjk":      strings.Repeat("待", 150) + " " + tweet.Backlink,
	} {
		res, body := do(t, c, "POST", base+"/ui/derivatives/"+tweet.ID+"/edit?kind=tweet", url.Values{"text": {text}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%s: %d", name, res.StatusCode)
		}
		// The source's own review, filtered as it was, with the refusal on the card.
		if !strings.Contains(body, `action="/ui/sources/`+s.ID+`"`) || !strings.Contains(body, `id="d-`+tweet.ID+`"`) {
			t.Errorf("%s: the refusal is not shown on the source's review", name)
		}
		sameIDs(t, name, cards(body), matching(ds, func(d record.Derivative) bool { return d.Kind == channel.KindTweet }))
		if !regexp.MustCompile(`<p class="error" role="alert" id="r-` + tweet.ID + `">Not saved: `).MatchString(body) {
			t.Errorf("%s: no refusal on the tweet's card", name)
		}
		editor := regexp.MustCompile(`(?s)<textarea id="e-` + tweet.ID + `"[^>]*>(.*?)</textarea>`).FindStringSubmatch(body)
		if editor == nil || html.UnescapeString(editor[1]) != strings.ReplaceAll(text, "\r\n", "\n") {
			t.Errorf("%s: the editor does not hold the text as typed: %q", name, editor)
		}
		if !strings.Contains(editor[0], "autofocus") || !strings.Contains(editor[0], `aria-invalid="true"`) {
			t.Errorf("%s: the refused editor is not focused and marked invalid: %s", name, editor[0])
		}
	}
	// Nothing was saved.
	d, _ := tk.rec.Derivative(t.Context(), tweet.ID)
	if d.Text != tweet.Text || d.EditedBy != "" {
		t.Errorf("a refused edit changed the tweet: %q by %q", d.Text, d.EditedBy)
	}
}

func TestSourcesListShowsWhatNeedsReview(t *testing.T) {
	tk, base, c, s, ds := reviewFixture(t)
	_, body := do(t, c, "GET", base+"/ui/sources", nil)
	want := `<a class="to-review" href="/ui/sources/` + s.ID + `?status=draft">` + strconv.Itoa(len(ds)) + ` to review</a>`
	if !strings.Contains(body, want) {
		t.Errorf("the sources list lacks %s", want)
	}
	if _, err := tk.reviews.Decide(t.Context(), ds[0].ID, record.Rejected, "mia"); err != nil {
		t.Fatal(err)
	}
	_, body = do(t, c, "GET", base+"/api/v1/sources?limit=200", nil)
	if !strings.Contains(body, `"drafts":`+strconv.Itoa(len(ds)-1)) {
		t.Errorf("the sources API (the list's live refresh) does not say %d drafts: %.300s", len(ds)-1, body)
	}
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	_, body = do(t, c, "GET", base+"/ui/sources", nil)
	if strings.Contains(body, "to review") {
		t.Error("a fully reviewed source still shows something to review")
	}
}

// Cards say what a derivative is; threads and blog teasers show no false limit; each
// post has its channel's preview with its link, hashtags and card.
func TestReviewCardsLabelsLimitsAndPreviews(t *testing.T) {
	tk, base, c, s, ds := reviewFixture(t)
	// A rendered card on the first stat or quote, and the link preview image.
	media := map[string][]record.Media{}
	var carded record.Derivative
	for _, d := range ds {
		if d.Kind == channel.KindTweet && carded.ID == "" {
			carded = d
			media[d.ID] = []record.Media{{Kind: record.MediaCard, Key: "media/aaaa.png", Width: 1600, Height: 900, Alt: "Queues absorb bursts: 90%"}}
		}
	}
	if err := tk.rec.Files().SetImages(t.Context(), s.ID, record.Images{Version: s.Version, Status: record.ImagesReady, Media: media,
		Preview: &record.Media{Kind: record.MediaPreview, Key: "media/bbbb.png", Width: 1200, Height: 630, Alt: "Queues in practice"}}); err != nil {
		t.Fatal(err)
	}
	_, body := do(t, c, "GET", base+"/ui/sources/"+s.ID, nil)
	text := html.UnescapeString(body)
	for _, want := range []string{"<strong>Tweet · X</strong>", "<strong>LinkedIn post</strong>", "<strong>Key point</strong>", "<strong>Mastodon post</strong>"} {
		if !strings.Contains(text, want) {
			t.Errorf("no card says %s", want)
		}
	}
	if strings.Contains(text, "snippet on any") || strings.Contains(text, ">snippet<") {
		t.Error("a card still says snippet")
	}
	for _, d := range ds {
		card := regexp.MustCompile(`(?s)<article class="card review-card" id="d-` + d.ID + `".*?</article>`).FindString(text)
		switch {
		case d.Blog != nil:
			if regexp.MustCompile(`\d+ of 0|\d+/0\b|over the limit`).MatchString(card) {
				t.Errorf("the blog teaser shows a limit: %.300s", card)
			}
		case d.Kind == channel.KindThread:
			if !strings.Contains(card, "<strong>Thread · X</strong>") || strings.Contains(card, "over the limit") {
				t.Errorf("the thread's card: %.400s", card)
			}
			if n := strings.Count(card, `<div class="preview-post">`); n != len(d.Parts) {
				t.Errorf("the thread's preview shows %d posts, want %d", n, len(d.Parts))
			}
			if n := strings.Count(card, " of 280</p>"); n != len(d.Parts) {
				t.Errorf("the thread shows %d per-post counts, want %d", n, len(d.Parts))
			}
		case d.Channel != channel.Any:
			if !strings.Contains(card, `<figure class="preview" aria-label="Preview on `) ||
				!strings.Contains(card, `<span class="preview-link">`) {
				t.Errorf("%s %s has no preview with its link: %.500s", d.Kind, d.ID, card)
			}
			if len(d.Hashtags) > 0 && !strings.Contains(card, `<span class="preview-tag">#`) {
				t.Errorf("%s %s's preview does not mark its hashtags", d.Kind, d.ID)
			}
			if d.ID == carded.ID && !strings.Contains(card, `<img src="/media/aaaa.png" class="preview-image"`) {
				t.Errorf("the tweet with a card does not preview it: %.800s", card)
			}
			if d.ID != carded.ID && d.Backlink != "" && !strings.Contains(card, `<div class="preview-linkcard"><img src="/media/bbbb.png"`) {
				t.Errorf("%s %s does not preview its link with the title card", d.Kind, d.ID)
			}
		}
	}
}

// The topic pages name posts by kind and channel, list a topic once, and give a thread no
// single count against one post's limit.
func TestTopicPagesLabelsAndSelf(t *testing.T) {
	tk, srv, _, s, ds := reviewServer(t)
	base := srv.URL
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	contributor := browser(t)
	signIn(t, contributor, srv, "contributor", testPassword, "")
	_, list := do(t, contributor, "GET", base+"/ui/topics", nil)
	if l := html.UnescapeString(list); !strings.Contains(l, "Tweet · X") || strings.Contains(l, "snippet on any") || strings.Contains(l, "tweet on x") {
		t.Error("the topics list does not name posts by kind and channel")
	}
	for _, d := range ds {
		_, body := do(t, contributor, "GET", base+"/ui/topics/"+d.ID, nil)
		if n := strings.Count(body, "(this one)"); n != 1 {
			t.Errorf("%s %s (section %v) lists itself %d times", d.Kind, d.ID, d.Section != nil, n)
		}
		// A thread is several posts: no one count against one post's limit.
		if d.Kind == channel.KindThread && (strings.Contains(body, `id="counter"`) || strings.Contains(body, "over the limit")) {
			t.Errorf("the thread's topic page counts the whole thread as one post")
		}
		if d.Type == "key_point" && !strings.Contains(body, "<h1>Key point") {
			t.Errorf("a key point's topic page is headed %q", regexp.MustCompile(`<h1>.*</h1>`).FindString(body))
		}
	}
}
