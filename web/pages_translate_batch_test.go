package web

import (
	"bytes"
	"encoding/json"
	"github.com/repurpose/repurpose/channel"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/translate"
	"github.com/repurpose/repurpose/translations"
)

// The queue is grouped by source, each with its progress in every locale of the user.
func TestTranslationQueueIsGroupedBySourceWithProgressPerLocale(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	other := save(t, tk, "other.md", doc, time.Unix(2000, 0))
	if _, err := tk.reviews.ApproveSource(t.Context(), other.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	if _, err := tk.translations.Translate(t.Context(), d.ID, "de", translations.Input{Text: "Warteschlangen."}, "regional"); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.translations.Decide(t.Context(), d.ID, "de", "approved", "regional"); err != nil {
		t.Fatal(err)
	}
	_, body := do(t, c, "GET", base+"/ui/translations?locale=de", nil)
	for _, id := range []string{d.SourceID, other.ID} {
		if !strings.Contains(body, `<section class="tr-source" id="src-`+id+`"`) {
			t.Errorf("no section for source %s:\n%s", id, body)
		}
	}
	total := strings.Count(section(body, d.SourceID), `<span class="badge `)
	if total < 2 {
		t.Fatalf("the source lists %d texts in de", total)
	}
	de := progressLine(t, section(body, d.SourceID), "de")
	if want := "1 of " + strconv.Itoa(total) + " approved"; !strings.Contains(de, want) {
		t.Errorf("de progress %q, want %q", de, want)
	}
	if fr := progressLine(t, section(body, d.SourceID), "fr"); !strings.Contains(fr, "0 of "+strconv.Itoa(total)+" approved") {
		t.Errorf("fr progress %q", fr)
	}
	if de := progressLine(t, section(body, other.ID), "de"); !strings.Contains(de, "0 of "+strconv.Itoa(total)+" approved") {
		t.Errorf("the other source's de progress %q", de)
	}
	if strings.Contains(body, ">ja<") {
		t.Error("the queue shows another region's locale")
	}
}

// section is one source's part of the queue page.
func section(body, sourceID string) string {
	i := strings.Index(body, `id="src-`+sourceID+`"`)
	if i < 0 {
		return ""
	}
	s := body[i:]
	if j := strings.Index(s, "</section>"); j >= 0 {
		s = s[:j]
	}
	return s
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// progressLine is the text of a section's progress item for locale.
func progressLine(t *testing.T, sec, locale string) string {
	t.Helper()
	for _, li := range strings.Split(sec, "<li")[1:] {
		text := strings.Join(strings.Fields(tagRE.ReplaceAllString("<li"+li, " ")), " ")
		if strings.HasPrefix(text, locale+" ") {
			return text
		}
	}
	t.Fatalf("no progress for %s in:\n%s", locale, sec)
	return ""
}

// A regional user machine-translates a whole source in one action: every text becomes a
// draft, a text the provider refuses keeps its reason on the queue, and asking again
// translates what is left.
func TestMachineTranslateAWholeSource(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	fake := &fakeProvider{failEvery: 3}
	tk.translations.SetProvider(fake)
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	action := "/ui/translations/sources/" + d.SourceID + "/de/machine"
	_, body := do(t, c, "GET", base+"/ui/translations?locale=de", nil)
	if !strings.Contains(body, `action="`+action+`"`) {
		t.Fatalf("no whole-source action:\n%s", body)
	}
	total := strings.Count(section(body, d.SourceID), `<span class="badge missing">`)

	res, _ := do(t, c, "POST", base+action, url.Values{"retry": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("translate the source: %d", res.StatusCode)
	}
	loc, _ := url.Parse(res.Header.Get("Location"))
	q := loc.Query()
	translated, _ := strconv.Atoi(q.Get("translated"))
	failed, _ := strconv.Atoi(q.Get("failed"))
	if translated+failed != total || failed != total/3 || q.Get("remaining") != "0" {
		t.Fatalf("of %d texts: %s", total, loc)
	}
	_, body = do(t, c, "GET", base+loc.String(), nil)
	sec := section(body, d.SourceID)
	if !strings.Contains(body, strconv.Itoa(translated)+" texts machine-translated into de") ||
		strings.Count(sec, `<span class="badge draft">`) != translated ||
		strings.Count(sec, `<span class="badge failed">`) != failed || strings.Count(sec, "refused the text: text too hard") != failed {
		t.Fatalf("after the batch:\n%s", body)
	}

	// Again, the provider mended: only the failed ones are asked for, and all are drafts.
	fake.mu.Lock()
	fake.failEvery, fake.reqs = 0, nil
	fake.mu.Unlock()
	res, _ = do(t, c, "POST", base+action, url.Values{"retry": {"1"}})
	loc, _ = url.Parse(res.Header.Get("Location"))
	if loc.Query().Get("translated") != strconv.Itoa(failed) || len(fake.reqs) != failed {
		t.Fatalf("retry: %s after %d requests", loc, len(fake.reqs))
	}
	_, body = do(t, c, "GET", base+"/ui/translations?locale=de", nil)
	if sec := section(body, d.SourceID); strings.Count(sec, `<span class="badge draft">`) != total || strings.Contains(sec, "failed") {
		t.Fatalf("after the retry:\n%s", sec)
	}
	if strings.Contains(section(body, d.SourceID), `action="`+action+`"`) {
		t.Error("the action is still offered with nothing missing")
	}
}

// The page's script asks in small batches and reads JSON, so it can show progress.
func TestMachineTranslateASourceInBatches(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	tk.translations.SetProvider(&fakeProvider{})
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	action := base + "/ui/translations/sources/" + d.SourceID + "/fr/machine"
	post := func(form url.Values) translations.BatchResult {
		t.Helper()
		req, _ := http.NewRequest("POST", action, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var r translations.BatchResult
		if err := json.NewDecoder(res.Body).Decode(&r); err != nil || res.StatusCode != 200 {
			t.Fatalf("batch: %d %v", res.StatusCode, err)
		}
		return r
	}
	first := post(url.Values{"batch": {"2"}, "retry": {"1"}})
	if first.Translated != 2 || first.Remaining < 1 {
		t.Fatalf("first batch: %+v", first)
	}
	done := first.Translated
	for r := first; r.Remaining > 0; {
		r = post(url.Values{"batch": {"2"}})
		if r.Translated == 0 {
			t.Fatalf("a batch translated nothing: %+v", r)
		}
		done += r.Translated
	}
	if done != first.Translated+first.Remaining {
		t.Errorf("translated %d of %d", done, first.Translated+first.Remaining)
	}
	// Another region's locale is refused.
	req, _ := http.NewRequest("POST", base+"/ui/translations/sources/"+d.SourceID+"/ja/machine", nil)
	req.Header.Set("Accept", "application/json")
	if res, err := c.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("ja: %v %v", res.StatusCode, err)
	}
}

// An unreachable provider is explained in words on the page; the log keeps the cause.
func TestUnreachableTranslationProviderIsExplained(t *testing.T) {
	tk, _, d := translationUI(t, doc)
	var logs bytes.Buffer
	tk.log = slog.New(slog.NewTextHandler(&logs, nil))
	srv := httptest.NewServer(tk.Handler())
	t.Cleanup(srv.Close)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // nothing listens there now
	tk.translations.SetProvider(translate.NewLibreTranslate(closed.URL, "", nil))
	c := browser(t)
	signIn(t, c, srv, "regional", testPassword, "")
	page := "/ui/translations/" + d.ID + "/de"
	res, body := do(t, c, "POST", srv.URL+page+"/machine", url.Values{})
	if res.StatusCode != http.StatusBadGateway || !strings.Contains(body, "The translation service could not be reached") ||
		strings.Contains(body, "dial tcp") || strings.Contains(body, "127.0.0.1") {
		t.Fatalf("unreachable provider: %d\n%s", res.StatusCode, body)
	}
	if !strings.Contains(logs.String(), "connection refused") {
		t.Errorf("the cause is not logged:\n%s", logs.String())
	}
	// The whole-source action says the same, per text.
	logs.Reset()
	res, _ = do(t, c, "POST", srv.URL+"/ui/translations/sources/"+d.SourceID+"/de/machine", url.Values{"retry": {"1"}})
	loc, _ := url.Parse(res.Header.Get("Location"))
	if loc == nil || loc.Query().Get("failed") == "0" {
		t.Fatalf("batch against an unreachable provider: %d %v", res.StatusCode, loc)
	}
	_, body = do(t, c, "GET", srv.URL+loc.String(), nil)
	if !strings.Contains(body, "The translation service could not be reached") || strings.Contains(body, "dial tcp") {
		t.Errorf("queue after the failed batch:\n%s", body)
	}
	if !strings.Contains(logs.String(), "connection refused") {
		t.Errorf("the batch's causes are not logged:\n%s", logs.String())
	}
}

// An empty editor says how much room there is, not that it is over the limit.
func TestEmptyTranslationEditorIsNotOverTheLimit(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	_, body := do(t, c, "GET", base+"/ui/translations/"+d.ID+"/de", nil)
	if !strings.Contains(body, ">0 of 280<") || strings.Contains(body, "over the limit") || strings.Contains(body, `class="counter over"`) {
		t.Fatalf("empty editor's counter:\n%s", body)
	}
	// A blog teaser has no limit to count against: no counter at all, not "0 of 0".
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), d.SourceID)
	if err != nil {
		t.Fatal(err)
	}
	blogs := 0
	for _, b := range ds {
		if b.Kind != channel.KindBlog {
			continue
		}
		blogs++
		_, body := do(t, c, "GET", base+"/ui/translations/"+b.ID+"/de", nil)
		if strings.Contains(body, `id="counter"`) || strings.Contains(body, "over the limit") {
			t.Errorf("blog teaser's empty editor has a counter:\n%s", body)
		}
	}
	if blogs == 0 {
		t.Fatal("the test document has no blog teaser")
	}
}

// A whole source translated at once has its cards rendered once, not once per text.
func TestMachineTranslatingASourceRendersItsCardsOnce(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	tk.cfg.File.Brand.Cards.Off = false
	tk.translations.SetProvider(&fakeProvider{})
	insp := asynq.NewInspector(asynq.RedisClientOpt{Addr: tk.rdb.(*redis.Client).Options().Addr})
	defer insp.Close()
	pending := func() int {
		ts, _ := insp.ListPendingTasks(tasks.QueueImages)
		return len(ts)
	}
	before := pending()
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	res, _ := do(t, c, "POST", base+"/ui/translations/sources/"+d.SourceID+"/de/machine", url.Values{})
	loc, _ := url.Parse(res.Header.Get("Location"))
	if n, _ := strconv.Atoi(loc.Query().Get("translated")); n < 2 {
		t.Fatalf("translated %d texts", n)
	}
	if got := pending() - before; got != 1 {
		t.Errorf("%d renders queued for one source's translations, want 1", got)
	}
}
